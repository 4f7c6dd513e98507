import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { goTo, useRouteParts } from '../app/routes';
import { JoinForm } from './JoinForm';
import { MemberPage } from './MemberPage';
import { MembersTab } from './MembersTab';
import { RegulationEditor } from './RegulationEditor';
import { RegulationTab } from './RegulationTab';
import { useWelfareMoneyTabItems } from './books/WelfareMoneyTabs';
import { ClaimsTab } from './claims/ClaimsTab';
import { WelfareDashboard } from './dashboard/WelfareDashboard';
import { CodiFormsTab } from './codi/CodiFormsTab';

/**
 * "#/welfare" the members, "#/welfare/regulation" the regulation's versions, "#/welfare/regulation/new[/<fromId>]"
 * a new version (from the preset or from an earlier version), "#/welfare/members/new" taking in a member,
 * "#/welfare/members/<id>" one membership; "#/welfare/collection", "#/welfare/receipts", "#/welfare/bank",
 * "#/welfare/books" the money; "#/welfare/claims[/expenses|/vouchers]" money out (claims, administrative expenses,
 * vouchers); "#/welfare/reports[/arrears]" the cash book and the arrears list; "#/welfare/dashboard" the fund at a glance.
 */
export function WelfarePage() {
  const { t } = useTranslation();
  const [first, second, third] = useRouteParts();
  const moneyTabs = useWelfareMoneyTabItems((money) => goTo('welfare', money));
  if (first === 'regulation' && second === 'new') {
    const fromId = Number(third);
    return <RegulationEditor key={third ?? 'preset'} fromId={Number.isInteger(fromId) && fromId > 0 ? fromId : null} />;
  }
  if (first === 'members' && second === 'new') return <JoinForm returnTo={third === 'collection' ? 'collection' : null} />;
  const membershipId = Number(second);
  if (first === 'members' && Number.isInteger(membershipId) && membershipId > 0) return <MemberPage key={membershipId} membershipId={membershipId} />;

  const tab = first === 'regulation' || first === 'collection' || first === 'receipts' || first === 'bank' || first === 'books' || first === 'claims' || first === 'reports' || first === 'dashboard' || first === 'codi' ? first : 'members';
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('welfare.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => (key === 'members' ? goTo('welfare') : goTo('welfare', key))}
        size="large"
        items={[
          { key: 'dashboard', label: <span data-testid="welfare-tab-dashboard">{t('welfareDashboard.tab')}</span>, children: tab === 'dashboard' && <WelfareDashboard /> },
          { key: 'members', label: <span data-testid="welfare-tab-members">{t('welfare.tabs.members')}</span>, children: tab === 'members' && <MembersTab /> },
          { key: 'regulation', label: <span data-testid="welfare-tab-regulation">{t('welfare.tabs.regulation')}</span>, children: tab === 'regulation' && <RegulationTab /> },
          ...moneyTabs,
          { key: 'claims', label: <span data-testid="welfare-tab-claims">{t('welfareClaims.tab')}</span>, children: tab === 'claims' && <ClaimsTab /> },
          { key: 'codi', label: <span data-testid="welfare-tab-codi">{t('welfareCodi.tab')}</span>, children: tab === 'codi' && <CodiFormsTab /> },
        ]}
      />
    </>
  );
}
