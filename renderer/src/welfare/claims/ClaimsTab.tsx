import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { goTo, useRouteParts } from '../../app/routes';
import { ClaimsList } from './ClaimsList';
import { ExpensesPanel } from './ExpensesPanel';
import { VouchersPanel } from './VouchersPanel';

const sections = ['claims', 'expenses', 'vouchers'] as const;
type Section = (typeof sections)[number];

/**
 * Money out of the fund: "#/welfare/claims" the claims, "#/welfare/claims/expenses" administrative expenses,
 * "#/welfare/claims/vouchers" every voucher (ใบสำคัญจ่าย) with printing and voiding.
 */
export function ClaimsTab() {
  const { t } = useTranslation();
  const [, second] = useRouteParts();
  const section: Section = second === 'expenses' || second === 'vouchers' ? second : 'claims';
  return (
    <>
      <Segmented
        value={section}
        onChange={(value) => (value === 'claims' ? goTo('welfare', 'claims') : goTo('welfare', 'claims', value))}
        options={sections.map((value) => ({ value, label: <span data-testid={`claims-section-${value}`}>{t(`welfareClaims.sections.${value}`)}</span> }))}
        size="large"
        style={{ marginBottom: 16 }}
      />
      {section === 'claims' && <ClaimsList />}
      {section === 'expenses' && <ExpensesPanel />}
      {section === 'vouchers' && <VouchersPanel />}
    </>
  );
}
