import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useSession, zoomPercent } from '../app/store';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { enterMovesToNextField } from '../ui/keyboard';
import { OfficeFields, officeFieldNames, type OfficeFormValues } from './OfficeFields';
import { VillagesPanel } from '../people/VillagesPanel';
import { BackupPanel } from './BackupPanel';
import { UsersPanel } from './UsersPanel';
import { ScreenLockCard } from './ScreenLock';
import { AnonymiseSettingsCard } from '../people/AnonymiseSettingsCard';

/** Settings: the office details (admin edits, others read), the screen size and lock, and the users (admin; the auditor reads). */
export function SettingsPage() {
  const { t } = useTranslation();
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const isAuditor = useSession((state) => state.user?.role === 'auditor');
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Space orientation="vertical" size="large" style={{ display: 'flex' }}>
        <OfficeProfileCard editable={isAdmin} />
        <DisplayCard />
        <ScreenLockCard />
        <AnonymiseSettingsCard />
        <VillagesPanel />
        <BackupPanel />
        {isAdmin || isAuditor ? (
          <UsersPanel editable={isAdmin} />
        ) : (
          <Card title={t('settings.usersSection')}>
            <Typography.Text type="secondary">{t('settings.usersAdminOnly')}</Typography.Text>
          </Card>
        )}
      </Space>
    </>
  );
}

function OfficeProfileCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const officeChanged = useSession((state) => state.officeChanged);
  const [form] = Form.useForm<OfficeFormValues>();
  const [loaded, setLoaded] = useState(false);
  const [loadFailure, setLoadFailure] = useFailure();
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useFailure();

  useEffect(() => {
    let current = true;
    call('office.profile.get', {})
      .then((profile) => {
        if (!current) return;
        form.setFieldsValue({ ...profile, logo: profile.logo ?? null });
        setLoaded(true);
      })
      .catch((error: unknown) => current && setLoadFailure(error));
    return () => {
      current = false;
    };
  }, [form, setLoadFailure]);

  async function save() {
    if (!editable || saving) return;
    try {
      await form.validateFields();
    } catch {
      return; // antd shows each message under its field
    }
    setSaving(true);
    setSaveFailure(null);
    const values = form.getFieldsValue(officeFieldNames.map((field) => [field])) as OfficeFormValues;
    try {
      const profile = await call('office.profile.update', values);
      form.setFieldsValue({ ...profile, logo: profile.logo ?? null });
      officeChanged({ tambon: profile.tambon, amphoe: profile.amphoe, province: profile.province, councilName: profile.councilName });
      message.success(t('settings.saved'));
    } catch (error) {
      setSaveFailure(errorOutsideForm(form, error, officeFieldNames));
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S saves, as in every office program; the browser's own "save page" must not open
  useEffect(() => {
    if (!editable) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <Card title={t('settings.officeSection')}>
      {loadFailure && <Alert type="error" showIcon title={t('settings.loadFailed')} description={loadFailure} role="alert" />}
      {!loaded && !loadFailure && <Spin />}
      {!editable && loaded && <Alert type="info" showIcon title={t('settings.officeReadOnly')} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="officeProfile"
        layout="vertical"
        requiredMark={false}
        hidden={!loaded}
        style={{ maxWidth: 720 }}
        onKeyDown={editable ? enterMovesToNextField(() => void save()) : undefined}
      >
        <OfficeFields prefix={[]} readOnly={!editable} />
        {saveFailure && <Alert type="error" showIcon title={saveFailure} style={{ marginBottom: 16 }} role="alert" />}
        {editable && (
          <Space size="middle" align="center" wrap>
            <Button type="primary" size="large" onClick={() => void save()} loading={saving}>
              {saving ? t('settings.saving') : t('common.save')}
            </Button>
            <Typography.Text type="secondary">{t('settings.saveHint')}</Typography.Text>
          </Space>
        )}
      </Form>
    </Card>
  );
}

function DisplayCard() {
  const { t } = useTranslation();
  const zoom = useSession((state) => state.zoom);
  const stepZoom = useSession((state) => state.stepZoom);
  return (
    <Card title={t('settings.displaySection')}>
      <Space size="middle" align="center" wrap>
        <Typography.Text>{t('settings.zoom')}</Typography.Text>
        <Button onClick={() => stepZoom(-1)}>{t('settings.zoomOut')}</Button>
        <Typography.Text strong data-testid="zoom-value" style={{ minWidth: 56, textAlign: 'center' }}>
          {t('settings.zoomValue', { percent: zoomPercent(zoom) })}
        </Typography.Text>
        <Button onClick={() => stepZoom(1)}>{t('settings.zoomIn')}</Button>
        <Button onClick={() => stepZoom(0)}>{t('settings.zoomReset')}</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('settings.zoomHint')}
      </Typography.Paragraph>
    </Card>
  );
}
