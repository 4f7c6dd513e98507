import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { BooksPanel } from './BooksPanel';
import { CollectionDay } from './CollectionDay';
import { ReceiptsPanel } from './ReceiptsPanel';
import { BankPanel } from '../money/BankPanel';
import { ReportsPanel } from '../reports/ReportsPanel';

export type WelfareMoneyTab = 'collection' | 'receipts' | 'bank' | 'books' | 'reports';

/**
 * The money tabs of the welfare page (วันเก็บเงิน · ใบเสร็จ · รับเงินอื่น/ธนาคาร · บัญชี · รายงาน). `showTab` lets the
 * collection sheet send the treasurer to the books tab to add a receipt book; the welfare page passes its own tab
 * switcher.
 */
export function useWelfareMoneyTabItems(showTab: (tab: WelfareMoneyTab) => void): NonNullable<TabsProps['items']> {
  const { t } = useTranslation();
  return [
    { key: 'collection', label: t('welfareMoney.tabs.collection'), children: <CollectionDay onAddBook={() => showTab('books')} /> },
    // the receipts list reloads each time it is shown, so it has what was just saved on the sheet
    { key: 'receipts', label: t('welfareMoney.tabs.receipts'), children: <ReceiptsPanel />, destroyOnHidden: true },
    { key: 'bank', label: t('welfareBank.tab'), children: <BankPanel />, destroyOnHidden: true },
    { key: 'books', label: t('welfareMoney.tabs.books'), children: <BooksPanel />, destroyOnHidden: true },
    // the reports read the books afresh each time they are shown
    { key: 'reports', label: <span data-testid="welfare-tab-reports">{t('welfareReports.tab')}</span>, children: <ReportsPanel />, destroyOnHidden: true },
  ];
}
