import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../ui/PasswordInput';
import { call } from '../api';
import { useSession } from '../app/store';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { PublicLayout } from '../ui/PublicLayout';

interface LoginFormValues {
  username: string;
  password: string;
}

const loginFields = ['username', 'password'];

/** The office's name on top, username and password; Enter submits from either field. */
export function LoginScreen() {
  const { t } = useTranslation();
  const office = useSession((state) => state.office);
  const suggestedUsername = useSession((state) => state.suggestedUsername);
  const loggedIn = useSession((state) => state.loggedIn);
  const [form] = Form.useForm<LoginFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();

  async function logIn(values: LoginFormValues) {
    setBusy(true);
    setFailure(null);
    try {
      const user = await call('office.auth.login', values);
      await loggedIn(user);
    } catch (error) {
      setFailure(errorOutsideForm(form, error, loginFields));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicLayout width={520}>
      <Card>
        {office && (
          <header style={{ textAlign: 'center', marginBottom: 24 }}>
            <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
              {office.councilName}
            </Typography.Title>
            <Typography.Text type="secondary">{t('office.placeLine', office)}</Typography.Text>
          </header>
        )}
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Form
          form={form}
          name="login"
          layout="vertical"
          requiredMark={false}
          initialValues={{ username: suggestedUsername ?? '', password: '' }}
          onFinish={(values) => void logIn(values)}
        >
          <Form.Item label={t('user.username')} name="username" rules={[{ required: true, whitespace: true, message: t('user.required.username') }]}>
            <Input autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus={!suggestedUsername} />
          </Form.Item>
          <Form.Item label={t('user.password')} name="password" rules={[{ required: true, message: t('user.required.password') }]}>
            <PasswordInput autoComplete="current-password" autoFocus={Boolean(suggestedUsername)} />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('login.hint')}
        </Typography.Paragraph>
      </Card>
    </PublicLayout>
  );
}
