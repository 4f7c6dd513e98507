import type { CSSProperties } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import generatePicker from 'antd/es/date-picker/generatePicker';
import dayjsGenerateConfig from '@rc-component/picker/es/generate/dayjs';
import type { GenerateConfig } from '@rc-component/picker/es/generate/index';
import thTH from 'antd/es/date-picker/locale/th_TH';
import enUS from 'antd/es/date-picker/locale/en_US';
import { useTranslation } from 'react-i18next';
import { isoOf, parseTypedDate } from './thaiDates';

// antd's picker parses typed text with dayjs, which cannot read B.E. years: typed text goes through our own
// parser instead, and the calendar shows B.E. years. As the user types, only a four-digit year counts (the picker
// rewrites the text the moment it parses, so "15/3/25" must not become 2525 on the way to 2536); a two-digit year
// ("15/3/66", "15 มี.ค. 66") is read when the user leaves the field.
const buddhistConfig: GenerateConfig<Dayjs> = {
  ...dayjsGenerateConfig,
  locale: {
    ...dayjsGenerateConfig.locale,
    parse: (_locale, text) => {
      const iso = parseTypedDate(text, { shortYears: false });
      return iso === null ? null : dayjs(iso);
    },
  },
};

const BuddhistDatePicker = generatePicker<Dayjs>(buddhistConfig);

const beYears = { yearFormat: 'BBBB', cellYearFormat: 'BBBB', fieldYearFormat: 'BBBB' };
const pickerLocales = {
  th: { ...thTH, lang: { ...thTH.lang, ...beYears, placeholder: 'วว/ดด/ปปปป (พ.ศ.)' } },
  en: { ...enUS, lang: { ...enUS.lang, ...beYears, placeholder: 'DD/MM/YYYY (B.E.)' } },
};

export interface ThaiDatePickerProps {
  /** ISO C.E. YYYY-MM-DD, as the API takes it */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
  style?: CSSProperties;
  /** ISO: no date after this one can be chosen (birth dates: today) */
  maxDate?: string;
  'data-testid'?: string;
}

/** A date typed or picked in B.E. (DD/MM/BBBB); the form holds ISO C.E. Works as an antd Form.Item child. */
export function ThaiDatePicker({ value, onChange, maxDate, ...rest }: ThaiDatePickerProps) {
  const { i18n } = useTranslation();
  // The picker itself keeps typed text pending until Enter or leaving the field; a complete date typed is the
  // field's value at once, so that Ctrl+S right after typing saves it.
  const takeTyped = (typed: string, shortYears: boolean) => {
    const iso = parseTypedDate(typed, { shortYears });
    if (iso && iso !== value) onChange?.(iso);
  };
  return (
    <span onInput={(event) => takeTyped((event.target as HTMLInputElement).value, false)} style={{ display: 'contents' }}>
      <BuddhistDatePicker
        {...rest}
        value={value ? dayjs(value) : null}
        onChange={(date) => onChange?.(date ? isoOf(date) : null)}
        onBlur={(event) => takeTyped((event.target as HTMLInputElement).value, true)}
        format="DD/MM/BBBB"
        maxDate={maxDate ? dayjs(maxDate) : undefined}
        locale={i18n.language === 'en' ? pickerLocales.en : pickerLocales.th}
        allowClear
      />
    </span>
  );
}
