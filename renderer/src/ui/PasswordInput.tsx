import { Input, type GetProps } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A password field whose show/hide toggle is a word, not an eye icon: clearer for the office, and it keeps
 * the icon's English aria-label ("eye-invisible") out of a Thai screen.
 */
export function PasswordInput(props: GetProps<typeof Input.Password>) {
  const { t } = useTranslation();
  return (
    <Input.Password
      {...props}
      iconRender={(visible) => (
        <span style={{ color: '#0b5cad', cursor: 'pointer', userSelect: 'none' }}>{visible ? t('user.hidePassword') : t('user.showPassword')}</span>
      )}
    />
  );
}
