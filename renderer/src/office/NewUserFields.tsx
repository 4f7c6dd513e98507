import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../ui/PasswordInput';
import type { Role } from '../app/store';

export interface NewUserFormValues {
  displayName: string;
  username: string;
  password: string;
  confirmPassword: string;
  role: Role;
}

export const roleOrder: readonly Role[] = ['admin', 'secretary', 'treasurer', 'planner', 'viewer', 'auditor'];

// the core's rule (main/office/schemas.ts), checked here too so the message appears as the user types
const usernamePattern = /^[a-z0-9._-]{3,32}$/;
const minPasswordLength = 8;

interface NewUserFieldsProps {
  prefix: readonly string[];
  withConfirmation?: boolean;
  withRole?: boolean;
}

/** Name, username, password (twice) and optionally the role: the first administrator and every later user. */
export function NewUserFields({ prefix, withConfirmation = false, withRole = false }: NewUserFieldsProps) {
  const { t } = useTranslation();
  const name = (field: keyof NewUserFormValues) => [...prefix, field];
  return (
    <>
      <Form.Item label={t('user.displayName')} name={name('displayName')} rules={[{ required: true, whitespace: true, message: t('user.required.displayName') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('user.username')}
        name={name('username')}
        extra={t('user.usernameHint')}
        normalize={(value: string) => value.toLowerCase()}
        rules={[
          { required: true, message: t('user.required.username') },
          { pattern: usernamePattern, message: t('user.usernameInvalid') },
        ]}
      >
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item
        label={t('user.password')}
        name={name('password')}
        extra={t('user.passwordHint')}
        rules={[
          { required: true, message: t('user.required.password') },
          { min: minPasswordLength, message: t('user.passwordTooShort') },
        ]}
      >
        <PasswordInput autoComplete="new-password" />
      </Form.Item>
      {withConfirmation && (
        <Form.Item
          label={t('user.confirmPassword')}
          name={name('confirmPassword')}
          dependencies={[name('password')]}
          rules={[
            { required: true, message: t('user.required.confirmPassword') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string) =>
                !value || getFieldValue(name('password')) === value ? Promise.resolve() : Promise.reject(new Error(t('user.passwordsDiffer'))),
            }),
          ]}
        >
          <PasswordInput autoComplete="new-password" />
        </Form.Item>
      )}
      {withRole && (
        <Form.Item label={t('user.role')} name={name('role')} rules={[{ required: true, message: t('user.required.role') }]}>
          <Select options={roleOrder.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
      )}
    </>
  );
}
