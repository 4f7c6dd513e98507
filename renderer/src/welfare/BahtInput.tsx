import { useState } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseTypedBaht, typedBahtOf } from '../ui/money';

/** The typed text as satang: null when empty, NaN when it is not an amount (the form says why). */
function typedSatang(text: string): number | null {
  const parsed = parseTypedBaht(text);
  return parsed === null ? null : parsed.ok ? parsed.satang : Number.NaN;
}

export interface BahtInputProps {
  /** satang, as the form and the API hold it; NaN while the text typed is not an amount */
  value?: number | null;
  onChange?: (satang: number | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * An amount typed in baht ("30", "30.00", "1,095") held by the form in satang. The text stays as typed while it
 * is being typed ("30." is not rewritten to "30"); a value set from outside (a preset) is shown as baht.
 */
export function BahtInput({ value, onChange, ...rest }: BahtInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (typeof value === 'number' && Number.isFinite(value) ? typedBahtOf(value) : ''));
  const [shownFor, setShownFor] = useState(value);
  if (value !== shownFor) {
    // the form changed the value (reset, preset): show it, unless it is what the text already says
    setShownFor(value);
    const typed = typedSatang(text);
    if (!(typed === value || (Number.isNaN(typed) && Number.isNaN(value)))) setText(typeof value === 'number' && Number.isFinite(value) ? typedBahtOf(value) : '');
  }
  return (
    <Input
      {...rest}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      suffix={t('welfare.baht')}
      style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
      onChange={(event) => {
        const typed = event.target.value;
        const satang = typedSatang(typed);
        setText(typed);
        setShownFor(satang);
        onChange?.(satang);
      }}
    />
  );
}

/** The form rule for a BahtInput: an amount in baht, more than zero unless `allowZero`. */
export function bahtRule(messages: { notAmount: string; required?: string; positive?: string }, allowZero = false) {
  return {
    validator: (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) return messages.required ? Promise.reject(new Error(messages.required)) : Promise.resolve();
      if (Number.isNaN(value)) return Promise.reject(new Error(messages.notAmount));
      if (!allowZero && value <= 0 && messages.positive) return Promise.reject(new Error(messages.positive));
      return Promise.resolve();
    },
  };
}
