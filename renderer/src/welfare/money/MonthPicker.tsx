import { Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The month before this one, 'YYYY-MM': the month a treasurer reconciles most often. */
export const lastMonth = () => dayjs().startOf('month').subtract(1, 'month').format('YYYY-MM');
export const thisMonth = () => dayjs().format('YYYY-MM');

/** "พฤศจิกายน 2569" for a 'YYYY-MM' month. */
export function showMonth(month: string): string {
  return dayjs(`${month}-01`).format('MMMM BBBB');
}

/**
 * A month and a B.E. year as two lists (both open with the keyboard and take typed letters): 'YYYY-MM' C.E.
 * inside. The years run from ten years back to this one; no month after this one is offered.
 */
export function MonthPicker({ value, onChange, testId }: { value: string; onChange: (month: string) => void; testId?: string }) {
  const { t, i18n } = useTranslation();
  const now = dayjs();
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const months = Array.from({ length: 12 }, (_, index) => index + 1).filter((m) => year < now.year() || m <= now.month() + 1);
  const years = Array.from({ length: 11 }, (_, index) => now.year() - 10 + index);
  const pick = (y: number, m: number) => onChange(`${y}-${String(y === now.year() ? Math.min(m, now.month() + 1) : m).padStart(2, '0')}`);
  return (
    <Space.Compact>
      <Select
        aria-label={t('welfareBank.month')}
        value={month}
        onChange={(m: number) => pick(year, m)}
        style={{ width: 140 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={months.map((m) => ({ value: m, label: dayjs().locale(i18n.language).month(m - 1).format('MMMM') }))}
        data-testid={testId ? `${testId}-month` : undefined}
      />
      <Select
        aria-label={t('welfareBank.year')}
        value={year}
        onChange={(y: number) => pick(y, month)}
        style={{ width: 100 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={years.map((y) => ({ value: y, label: String(y + 543) }))}
        data-testid={testId ? `${testId}-year` : undefined}
      />
    </Space.Compact>
  );
}
