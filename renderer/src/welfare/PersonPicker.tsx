import { useState } from 'react';
import { AutoComplete, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeopleSearch } from '../people/usePeopleSearch';
import { personName, type PersonListItem } from '../people/peopleFormat';

/** option values are marked, so that a picked option is never taken for typed text */
const PICKED = '\u0000person:';

/** A person in a search list: the name, then the village and the masked ID. */
export function PersonOption({ person }: { person: PersonListItem }) {
  const { t } = useTranslation();
  return (
    <div style={{ lineHeight: 1.5, paddingBlock: 2 }} data-testid={`pick-person-${person.id}`}>
      <div>{personName(person)}</div>
      <Typography.Text type="secondary">
        {[person.villageNumber !== null ? t('people.villageLabel', { number: person.villageNumber, name: person.villageName }) : null, person.citizenIdMasked, person.age !== null ? t('people.age', { age: person.age }) : null]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}

export interface PersonNameInputProps {
  /** the name as typed or as picked */
  value?: string;
  onChange?: (name: string) => void;
  /** a person picked from the register (null when the name is typed and matches no one picked) */
  onPick: (person: PersonListItem | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** A name typed freely, or a person picked from the register as the name is typed (a beneficiary). */
export function PersonNameInput({ value, onChange, onPick, ...rest }: PersonNameInputProps) {
  const [open, setOpen] = useState(false);
  const { people } = usePeopleSearch(open ? (value ?? '') : '');
  return (
    <AutoComplete
      {...rest}
      value={value}
      open={open && people.length > 0}
      onOpenChange={setOpen}
      onChange={(typed: string) => {
        if (typed.startsWith(PICKED)) return; // an option chosen: onSelect names the person
        setOpen(true);
        onChange?.(typed);
        onPick(null);
      }}
      onSelect={(id: string) => {
        const person = people.find((candidate) => `${PICKED}${candidate.id}` === id);
        if (!person) return;
        setOpen(false);
        onChange?.(personName(person));
        onPick(person);
      }}
      options={people.map((person) => ({ value: `${PICKED}${person.id}`, label: <PersonOption person={person} /> }))}
      popupMatchSelectWidth={420}
    />
  );
}
