import type { ReactNode } from 'react';
import { Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens before login (first-run setup, login): the program's name and the language choice. */
export function PublicLayout({ children, width = 760 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, background: '#fff', borderBottom: '1px solid #d9dde3', paddingInline: 24 }}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t('app.name')}
        </Typography.Text>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: '32px 16px' }}>
        <main style={{ maxWidth: width, margin: '0 auto' }}>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
