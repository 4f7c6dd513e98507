import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { goTo } from '../app/routes';
import { personName } from './peopleFormat';
import { usePeopleSearch } from './usePeopleSearch';

/** "/" focuses the search from anywhere, unless the user is typing in a field. */
function useSlashFocus(input: React.RefObject<InputRef | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input]);
}

/** The header's search as you type: names, IDs with or without dashes, phones, "หมู่ 3"; Enter opens the person. */
export function PeopleSearch() {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const { people: shown, answered, failure } = usePeopleSearch(text);
  const [open, setOpen] = useState(false);
  useSlashFocus(input);

  function openPerson(id: number) {
    setOpen(false);
    setText('');
    input.current?.blur();
    goTo('people', id);
  }

  const options = shown.map((person) => ({
    value: String(person.id),
    label: (
      <div data-testid={`search-result-${person.id}`} style={{ lineHeight: 1.5, paddingBlock: 2 }}>
        <div>{personName(person)}</div>
        <Typography.Text type="secondary">
          {[person.villageNumber !== null ? t('people.villageLabel', { number: person.villageNumber, name: person.villageName }) : null, person.citizenIdMasked]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </div>
    ),
  }));

  return (
    <div role="search" style={{ flex: '1 1 360px', maxWidth: 520 }}>
      <AutoComplete
        value={text}
        options={options}
        onChange={(value: string) => {
          setText(value);
          setOpen(true);
        }}
        onSelect={(id: string) => openPerson(Number(id))}
        open={open && text.trim() !== ''}
        onOpenChange={setOpen}
        defaultActiveFirstOption
        notFoundContent={
          failure ? (
            <Typography.Text type="danger">{failure}</Typography.Text>
          ) : answered && shown.length === 0 ? (
            t('people.search.noResults', { text: text.trim() })
          ) : null
        }
        style={{ width: '100%' }}
        popupMatchSelectWidth={440}
        listHeight={520}
        data-testid="header-search"
      >
        <Input.Search ref={input} placeholder={t('people.search.placeholder')} aria-label={t('people.search.label')} allowClear size="large" />
      </AutoComplete>
    </div>
  );
}
