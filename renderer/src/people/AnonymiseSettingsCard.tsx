import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useSession } from '../app/store';
import { reportError } from '../ui/apiErrors';

/** How many years after leaving a person may be anonymised (main/people/anonymise.ts): the administrator sets it. */
export function AnonymiseSettingsCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const [years, setYears] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    call('people.anonymise.settings', {})
      .then((settings) => current && setYears(settings.anonymiseAfterYears))
      .catch((error: unknown) => current && message.error(reportError(error)));
    return () => {
      current = false;
    };
  }, [message]);

  async function save() {
    if (years === null) return;
    setSaving(true);
    try {
      await call('people.anonymise.settingsUpdate', { anonymiseAfterYears: years });
      message.success(t('trustRest.settingsSaved'));
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('trustRest.settingsTitle')} data-testid="anonymise-settings">
      <Typography.Paragraph type="secondary">{t('trustRest.settingsHint')}</Typography.Paragraph>
      <Space wrap align="center">
        <label htmlFor="anonymise-after-years">{t('trustRest.settingsYears')}</label>
        <InputNumber id="anonymise-after-years" min={1} max={50} precision={0} value={years} onChange={(value) => setYears(value)} disabled={!isAdmin || years === null} size="large" suffix={t('trustRest.years')} />
        {isAdmin && (
          <Button type="primary" size="large" onClick={() => void save()} loading={saving} disabled={years === null}>
            {t('common.save')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
