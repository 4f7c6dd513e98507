import { useEffect, useState } from 'react';
import { Alert, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBooks } from '../books/booksStore';
import { BankAccountsPanel } from './BankAccountsPanel';
import { IncomePanel } from './IncomePanel';
import { ReconciliationPanel } from './ReconciliationPanel';
import { TransferPanel } from './TransferPanel';
import { useMoneyAccounts } from './moneyStore';

type Section = 'income' | 'transfer' | 'accounts' | 'reconcile';

/** รับเงินอื่น/ธนาคาร: other money in, deposits and transfers, the bank accounts and their reconciliation. */
export function BankPanel() {
  const { t } = useTranslation();
  const reloadBooks = useBooks((state) => state.reload);
  const reloadMoney = useMoneyAccounts((state) => state.reload);
  const failure = useBooks((state) => state.failure);
  const [section, setSection] = useState<Section>('income');
  useEffect(() => {
    void reloadBooks();
    void reloadMoney();
  }, [reloadBooks, reloadMoney]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="bank-panel">
      <Segmented<Section>
        value={section}
        onChange={setSection}
        options={(['income', 'transfer', 'accounts', 'reconcile'] as const).map((key) => ({ value: key, label: <span data-testid={`bank-section-${key}`}>{t(`welfareBank.sections.${key}`)}</span> }))}
      />
      {failure && <Alert type="error" showIcon title={failure} />}
      {section === 'income' && <IncomePanel />}
      {section === 'transfer' && <TransferPanel />}
      {section === 'accounts' && <BankAccountsPanel />}
      {section === 'reconcile' && <ReconciliationPanel />}
    </Space>
  );
}
