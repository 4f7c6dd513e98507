import { useState } from 'react';
import { DownOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DocumentsPage } from '../documents/DocumentsPage';
import { canReadHistory } from '../history/access';
import { HistoryPage } from '../history/HistoryPage';
import { PasswordChangeDialog } from '../office/PasswordChange';
import { SettingsPage } from '../office/SettingsPage';
import { PeoplePage } from '../people/PeoplePage';
import { PeopleSearch } from '../people/PeopleSearch';
import { reportError } from '../ui/apiErrors';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { AreaIntro } from './AreaIntro';
import { goTo, pages, useCurrentPage, type Page } from './routes';
import { useSession } from './store';
import { TodayPage } from './TodayPage';
import { WelfarePage } from '../welfare/WelfarePage';

function PageContent({ page }: { page: Page }) {
  switch (page) {
    case 'today':
      return <TodayPage />;
    case 'people':
      return <PeoplePage />;
    case 'welfare':
      return <WelfarePage />;
    case 'council':
    case 'plans':
      return <AreaIntro area={page} />;
    case 'documents':
      return <DocumentsPage />;
    case 'history':
      return <HistoryPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** The logged-in window: the office and the person on top, the areas on the left, one page in the middle. */
export function Shell() {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const page = useCurrentPage();
  const user = useSession((state) => state.user);
  const office = useSession((state) => state.office);
  const logout = useSession((state) => state.logout);
  const lock = useSession((state) => state.lock);
  const [changingPassword, setChangingPassword] = useState(false);

  function confirmLogout() {
    modal.confirm({
      title: t('shell.logoutConfirmTitle'),
      content: t('shell.logoutConfirmBody'),
      okText: t('shell.logout'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'logout-confirm' },
      onOk: async () => {
        try {
          await logout();
          message.success(t('shell.loggedOut'));
        } catch (error) {
          message.error(reportError(error));
        }
      },
    });
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #d9dde3', paddingInline: 24, height: 'auto', minHeight: 64, lineHeight: 1.4, flexWrap: 'wrap' }}
      >
        <Typography.Text strong style={{ fontSize: 18, flex: '1 1 320px', paddingBlock: 12 }} data-testid="office-line">
          {office ? t('office.headerLine', office) : t('app.name')}
        </Typography.Text>
        <PeopleSearch />
        <Space size="middle" wrap>
          {user && (
            // the user's own actions sit under their name, so the header stays one line on a 1366-pixel screen
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', label: <span data-testid="change-password">{t('access.changePassword')}</span> },
                  { key: 'lock', label: <span data-testid="lock-now">{t('access.lockNow')}</span> },
                ],
                onClick: ({ key }) => (key === 'password' ? setChangingPassword(true) : void lock()),
              }}
            >
              <Button type="text" data-testid="current-user">
                {t('shell.loggedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })} <DownOutlined />
              </Button>
            </Dropdown>
          )}
          <LanguageSwitch />
          <Button onClick={confirmLogout} data-testid="logout">
            {t('shell.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={260} theme="light" style={{ borderRight: '1px solid #d9dde3' }}>
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[page]}
              onClick={({ key }) => goTo(key as Page)}
              style={{ borderInlineEnd: 'none', paddingBlock: 8 }}
              items={pages
                .filter((key) => key !== 'history' || (user && canReadHistory(user.role)))
                .map((key) => ({ key, label: key === 'history' ? t('history.nav') : t(`nav.${key}`) }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <div style={{ maxWidth: 1200 }}>
            <PageContent page={page} />
          </div>
        </Layout.Content>
      </Layout>
      <PasswordChangeDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
