import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useSession } from '../app/store';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { showDateTime } from '../ui/thaiDates';

type Status = Awaited<ReturnType<typeof call<'backup.status'>>>;
type Summary = Awaited<ReturnType<typeof call<'backup.inspect'>>>;

interface BackupValues {
  folder: string;
  password: string;
  passwordAgain: string;
}

interface RestoreValues {
  file: string;
  password: string;
}

/** When the last good backup was made; a warning when there is none, or it is more than a week old. */
export function BackupStatusAlert({ status }: { status: Status | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  if (!status.warn) {
    return <Alert type="success" showIcon title={t('backup.lastGood', { date: showDateTime(status.last!.madeAt), days: status.ageDays })} data-testid="backup-status" />;
  }
  return <Alert type="warning" showIcon title={status.last ? t('backup.tooOld', { date: showDateTime(status.last.madeAt), days: status.ageDays }) : t('backup.never')} data-testid="backup-status" />;
}

/**
 * Settings → สำรองข้อมูล: a backup now to a folder the office chooses (a USB stick), encrypted when a password is
 * typed; and, for the administrator, a restore that first shows what the backup holds and asks to confirm.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const role = useSession((state) => state.user?.role);
  const isAdmin = role === 'admin';
  // the roles main/backup/methods.ts lets make a backup; the others see when the last one was made
  const canBackUp = role === 'admin' || role === 'treasurer' || role === 'secretary';
  const [status, setStatus] = useState<Status | null>(null);
  const [backupForm] = Form.useForm<BackupValues>();
  const [restoreForm] = Form.useForm<RestoreValues>();
  const [busy, setBusy] = useState<'backup' | 'inspect' | 'restore' | null>(null);
  const [backupFailure, setBackupFailure] = useFailure();
  const [restoreFailure, setRestoreFailure] = useFailure();
  const [made, setMade] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);

  const refresh = () =>
    call('backup.status', {})
      .then(setStatus)
      .catch(() => setStatus(null));
  useEffect(() => void refresh(), []);

  async function backupNow() {
    if (busy) return;
    const values = await backupForm.validateFields().catch(() => null);
    if (!values) return;
    setBusy('backup');
    setBackupFailure(null);
    setMade(null);
    try {
      const result = await call('backup.now', { folder: values.folder, password: values.password || null });
      setMade(result.file);
      backupForm.setFieldsValue({ password: '', passwordAgain: '' });
      message.success(t('backup.done'));
      void refresh();
    } catch (error) {
      setBackupFailure(errorOutsideForm(backupForm, error, ['folder', 'password']));
    } finally {
      setBusy(null);
    }
  }

  async function inspect() {
    if (busy) return;
    const values = await restoreForm.validateFields().catch(() => null);
    if (!values) return;
    setBusy('inspect');
    setRestoreFailure(null);
    restoreForm.setFields([
      { name: 'file', errors: [] },
      { name: 'password', errors: [] },
    ]);
    try {
      setSummary(await call('backup.inspect', { file: values.file, password: values.password || null }));
    } catch (error) {
      setRestoreFailure(errorOutsideForm(restoreForm, error, ['file', 'password']));
    } finally {
      setBusy(null);
    }
  }

  async function restore() {
    const values = restoreForm.getFieldsValue();
    setBusy('restore');
    try {
      await call('backup.restore', { file: values.file, password: values.password || null, confirmed: true });
      setSummary(null);
      Modal.success({
        title: t('backup.restored'),
        content: t('backup.restoredBody'),
        okText: t('backup.loginAgain'),
        onOk: () => window.location.reload(),
      });
    } catch (error) {
      setSummary(null);
      setRestoreFailure(errorOutsideForm(restoreForm, error, ['file', 'password']));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={t('backup.title')} data-testid="backup-panel">
      <BackupStatusAlert status={status} />
      {status && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('backup.automatic', { folder: status.automaticFolder })}
        </Typography.Paragraph>
      )}
      {canBackUp && (
        <>
          <Typography.Title level={4}>{t('backup.nowTitle')}</Typography.Title>
          <Form form={backupForm} name="backup" layout="vertical" onFinish={() => void backupNow()} data-testid="backup-form">
            <Form.Item label={t('backup.folder')} name="folder" rules={[{ required: true, whitespace: true, message: t('backup.folderRequired') }]} extra={t('backup.folderHint')}>
              <Input autoComplete="off" placeholder={t('backup.folderPlaceholder')} />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item label={`${t('backup.password')} ${t('common.optional')}`} name="password" style={{ flex: '1 1 240px' }} extra={t('backup.passwordHint')} rules={[{ min: 8, message: t('backup.passwordShort') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                label={t('backup.passwordAgain')}
                name="passwordAgain"
                dependencies={['password']}
                style={{ flex: '1 1 240px' }}
                rules={[({ getFieldValue }) => ({ validator: (_, value: string | undefined) => ((value ?? '') === ((getFieldValue('password') as string | undefined) ?? '') ? Promise.resolve() : Promise.reject(new Error(t('backup.passwordMismatch')))) })]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Flex>
            {backupFailure && <Alert type="error" showIcon title={backupFailure} role="alert" style={{ marginBottom: 12 }} />}
            {made && <Alert type="success" showIcon title={t('backup.madeAt', { file: made })} style={{ marginBottom: 12 }} data-testid="backup-made" />}
            <Button type="primary" htmlType="submit" loading={busy === 'backup'} data-testid="backup-now">
              {t('backup.now')}
            </Button>
          </Form>
        </>
      )}

      {isAdmin && (
        <>
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            {t('backup.restoreTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('backup.restoreHint')}</Typography.Paragraph>
          <Form form={restoreForm} name="restore" layout="vertical" onFinish={() => void inspect()} data-testid="restore-form">
            <Form.Item label={t('backup.file')} name="file" rules={[{ required: true, whitespace: true, message: t('backup.fileRequired') }]}>
              <Input autoComplete="off" placeholder={t('backup.filePlaceholder')} />
            </Form.Item>
            <Form.Item label={`${t('backup.filePassword')} ${t('common.optional')}`} name="password">
              <Input.Password autoComplete="off" />
            </Form.Item>
            {restoreFailure && <Alert type="error" showIcon title={restoreFailure} role="alert" style={{ marginBottom: 12 }} />}
            <Button htmlType="submit" loading={busy === 'inspect'} data-testid="restore-inspect">
              {t('backup.inspect')}
            </Button>
          </Form>
        </>
      )}

      <Modal
        open={summary !== null}
        title={t('backup.confirmTitle')}
        okText={t('backup.confirmRestore')}
        okButtonProps={{ danger: true, loading: busy === 'restore' }}
        cancelText={t('common.cancel')}
        onOk={() => void restore()}
        onCancel={() => setSummary(null)}
      >
        {summary && (
          <>
            <Alert type="warning" showIcon title={t('backup.confirmWarning')} style={{ marginBottom: 12 }} />
            <Descriptions column={1} bordered size="small" data-testid="restore-summary">
              <Descriptions.Item label={t('backup.dataAsOf')}>{summary.dataAsOf ? showDateTime(summary.dataAsOf) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('backup.counts.people')}>{summary.counts.people.toLocaleString('th-TH')}</Descriptions.Item>
              <Descriptions.Item label={t('backup.counts.members')}>{summary.counts.members.toLocaleString('th-TH')}</Descriptions.Item>
              <Descriptions.Item label={t('backup.counts.receipts')}>{summary.counts.receipts.toLocaleString('th-TH')}</Descriptions.Item>
              <Descriptions.Item label={t('backup.counts.payouts')}>{summary.counts.payouts.toLocaleString('th-TH')}</Descriptions.Item>
              <Descriptions.Item label={t('backup.counts.users')}>{summary.counts.users.toLocaleString('th-TH')}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Modal>
    </Card>
  );
}
