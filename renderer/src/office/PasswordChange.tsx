import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useSession } from '../app/store';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { enterMovesToNextField } from '../ui/keyboard';
import { PasswordInput } from '../ui/PasswordInput';
import { PublicLayout } from '../ui/PublicLayout';

interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  confirmNewPassword: string;
}

const passwordChangeFields = ['currentPassword', 'newPassword', 'confirmNewPassword'];
// the core's rule (main/office/schemas.ts), checked here too so the message shows as the user types
const minPasswordLength = 8;

/** The new password twice, with the core's rules (length, not the username); the current one when asked for. */
export function NewPasswordFields({ username, withCurrent }: { username: string; withCurrent: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {withCurrent && (
        <Form.Item label={t('access.currentPassword')} name="currentPassword" rules={[{ required: true, message: t('access.required.currentPassword') }]}>
          <PasswordInput autoComplete="current-password" autoFocus />
        </Form.Item>
      )}
      <Form.Item
        label={t('access.newPassword')}
        name="newPassword"
        extra={t('access.newPasswordHint')}
        rules={[
          { required: true, message: t('access.required.newPassword') },
          { min: minPasswordLength, message: t('user.passwordTooShort') },
          {
            validator: (_rule, value: string | undefined) =>
              value && value.trim().toLowerCase() === username ? Promise.reject(new Error(t('access.passwordIsUsername'))) : Promise.resolve(),
          },
        ]}
      >
        <PasswordInput autoComplete="new-password" autoFocus={!withCurrent} />
      </Form.Item>
      <Form.Item
        label={t('access.confirmNewPassword')}
        name="confirmNewPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('access.required.confirmNewPassword') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('user.passwordsDiffer'))),
          }),
        ]}
      >
        <PasswordInput autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** Sends the change; on success the session's user no longer has a change due. */
function usePasswordChange(form: ReturnType<typeof Form.useForm<PasswordChangeValues>>[0]) {
  const passwordChanged = useSession((state) => state.passwordChanged);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useFailure();

  async function save(): Promise<boolean> {
    let values: PasswordChangeValues;
    try {
      values = await form.validateFields();
    } catch {
      return false;
    }
    setSaving(true);
    setFailure(null);
    try {
      const user = await call('office.password.change', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      passwordChanged(user);
      form.resetFields();
      return true;
    } catch (error) {
      setFailure(errorOutsideForm(form, error, passwordChangeFields));
      return false;
    } finally {
      setSaving(false);
    }
  }
  return { save, saving, failure, clearFailure: () => setFailure(null) };
}

/** The logged-in user's own password, from the top bar. */
export function PasswordChangeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const username = useSession((state) => state.user?.username ?? '');
  const [form] = Form.useForm<PasswordChangeValues>();
  const { save, saving, failure, clearFailure } = usePasswordChange(form);

  async function submit() {
    if (await save()) {
      message.success(t('access.passwordChanged'));
      onClose();
    }
  }

  return (
    <Modal
      open={open}
      title={t('access.changePasswordTitle')}
      okText={t('access.saveNewPassword')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        clearFailure();
        onClose();
      }}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'password-change-save' }}
      destroyOnHidden
    >
      <Form form={form} name="passwordChange" layout="vertical" requiredMark={false} style={{ marginTop: 16 }} onKeyDown={enterMovesToNextField(() => void submit())}>
        <NewPasswordFields username={username} withCurrent />
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}

/** After an administrator's reset: the whole window asks for a new password before anything else. */
export function PasswordDueScreen() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useSession((state) => state.user);
  const logout = useSession((state) => state.logout);
  const [form] = Form.useForm<PasswordChangeValues>();
  const { save, saving, failure } = usePasswordChange(form);

  async function submit() {
    if (await save()) message.success(t('access.passwordChanged'));
  }

  return (
    <PublicLayout width={560}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('access.dueTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('access.dueIntro')}</Typography.Paragraph>
        <Typography.Paragraph strong>{user && t('shell.loggedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}</Typography.Paragraph>
        <Form form={form} name="passwordDue" layout="vertical" requiredMark={false} onKeyDown={enterMovesToNextField(() => void submit())}>
          <NewPasswordFields username={user?.username ?? ''} withCurrent />
          {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
          <Space wrap>
            <Button type="primary" size="large" loading={saving} onClick={() => void submit()} data-testid="password-due-save">
              {t('access.saveNewPassword')}
            </Button>
            <Button size="large" onClick={() => void logout()}>
              {t('access.dueLogout')}
            </Button>
          </Space>
        </Form>
      </Card>
    </PublicLayout>
  );
}
