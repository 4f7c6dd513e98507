import { useEffect, useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { goTo } from './routes';
import { call } from '../api';
import { BackupStatusAlert } from '../office/BackupPanel';
import { useSession } from './store';
import { WelfareTasks } from '../welfare/dashboard/WelfareTasks';
import { useCanKeepFund } from '../welfare/welfareFormat';

const todayItems = ['claims', 'months', 'lapsing', 'terms', 'meeting', 'backup'] as const;
/** The items the welfare fund's own list already shows to those who act on the fund. */
const welfareItems: ReadonlySet<string> = new Set(['claims', 'months', 'lapsing']);

/** Home: what needs doing today. Until the areas hold data it explains what will appear here. */
export function TodayPage() {
  const { t } = useTranslation();
  const user = useSession((state) => state.user);
  // re-render on a language switch so that the date follows dayjs's locale
  useSession((state) => state.language);
  const today = dayjs().format(t('today.dateFormat'));
  const keepsFund = useCanKeepFund();
  const [backup, setBackup] = useState<Awaited<ReturnType<typeof call<'backup.status'>>> | null>(null);
  useEffect(() => {
    let current = true;
    call('backup.status', {})
      .then((status) => current && setBackup(status))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {user ? t('today.greeting', { name: user.displayName }) : t('today.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 18 }}>{today}</Typography.Paragraph>
      {backup?.warn && (
        <div style={{ marginBottom: 24 }}>
          <BackupStatusAlert status={backup} />
          <Button style={{ marginTop: 8 }} onClick={() => goTo('settings')} data-testid="today-backup">
            {t('backup.now')}
          </Button>
        </div>
      )}
      {keepsFund && <WelfareTasks />}
      <Card title={t('today.comingTitle')} style={{ marginBottom: 24 }}>
        <Typography.Paragraph>{t('today.comingBody')}</Typography.Paragraph>
        <ul style={{ margin: 0, paddingInlineStart: 24, lineHeight: 2 }}>
          {todayItems
            .filter((item) => !(keepsFund && welfareItems.has(item)))
            .map((item) => (
            <li key={item}>{t(`today.items.${item}`)}</li>
          ))}
        </ul>
      </Card>
      <Card title={t('today.firstSteps')}>
        <Space size="middle" wrap>
          <Button size="large" onClick={() => goTo('settings')}>
            {t('today.checkOffice')}
          </Button>
          <Button size="large" onClick={() => goTo('documents')}>
            {t('today.tryDocuments')}
          </Button>
        </Space>
      </Card>
    </>
  );
}
