import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { goTo } from '../../app/routes';
import { formatSatang } from '../../ui/money';
import { periodLabel } from '../welfareFormat';
import type { Dashboard } from './WelfareDashboard';

/**
 * The welfare fund's work waiting, on the "วันนี้" page of those who act on the fund: claims waiting for approval,
 * months not yet closed, members at the arrears limit or one missed period short of it, members newly lapsed — each
 * with the button to the screen that does it.
 * Nothing is shown while it loads or if it cannot be read (the page has other work on it).
 */
export function WelfareTasks() {
  const { t } = useTranslation();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  useEffect(() => {
    let current = true;
    call('welfare.dashboard.get', {})
      .then((result) => current && setDashboard(result))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);
  if (!dashboard || dashboard.empty) return null;
  const tasks: { key: string; text: string; action: string; open: () => void }[] = [];
  const { claimsWaiting, openMonths, arrears, newLapses } = dashboard;
  if (claimsWaiting.count > 0) {
    tasks.push({ key: 'claims', text: t('welfareDashboard.today.claims', { count: claimsWaiting.count, amount: formatSatang(claimsWaiting.amountSatang) }), action: t('welfareDashboard.today.openClaims'), open: () => goTo('welfare', 'claims') });
  }
  const first = openMonths.months[0];
  const last = openMonths.months.at(-1);
  if (first && last) {
    const label = (month: typeof first) => periodLabel({ label: month.label, period: month.month }, 1);
    tasks.push({ key: 'months', text: t('welfareDashboard.today.months', { count: openMonths.months.length, from: label(first), to: label(last) }), action: t('welfareDashboard.today.openBooks'), open: () => goTo('welfare', 'books') });
  }
  if (arrears && arrears.atLimitCount > 0) {
    tasks.push({ key: 'atLimit', text: t('welfareDashboard.today.atLimit', { count: arrears.atLimitCount }), action: t('welfareDashboard.today.openArrears'), open: () => goTo('welfare', 'reports', 'arrears') });
  }
  if (arrears && arrears.nearLimitCount > 0) {
    tasks.push({ key: 'nearLimit', text: t('welfareDashboard.today.nearLimit', { count: arrears.nearLimitCount }), action: t('welfareDashboard.today.openArrears'), open: () => goTo('welfare', 'reports', 'arrears') });
  }
  if (newLapses.count > 0) {
    tasks.push({ key: 'lapses', text: t('welfareDashboard.today.lapses', { count: newLapses.count }), action: t('welfareDashboard.today.openMembers'), open: () => goTo('welfare', 'members') });
  }
  let body: ReactNode = <Typography.Paragraph style={{ margin: 0 }}>{t('welfareDashboard.today.nothing')}</Typography.Paragraph>;
  if (tasks.length > 0) {
    body = (
      <ul style={{ margin: 0, paddingInlineStart: 24, lineHeight: 2 }}>
        {tasks.map((task) => (
          <li key={task.key} data-testid={`today-welfare-${task.key}`}>
            {task.text}{' '}
            <Button type="link" onClick={task.open} style={{ paddingInline: 4 }}>
              {task.action}
            </Button>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Card
      title={t('welfareDashboard.today.title')}
      extra={
        <Button type="link" onClick={() => goTo('welfare', 'dashboard')}>
          {t('welfareDashboard.today.openDashboard')}
        </Button>
      }
      style={{ marginBottom: 24 }}
      data-testid="today-welfare"
    >
      {body}
    </Card>
  );
}
