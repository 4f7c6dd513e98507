import { useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import thTH from 'antd/locale/th_TH';
import { useTranslation } from 'react-i18next';
import { LoginScreen } from '../office/LoginScreen';
import { PasswordDueScreen } from '../office/PasswordChange';
import { LockOverlay, useIdleLock } from '../office/ScreenLock';
import { SetupWizard } from '../office/SetupWizard';
import { errorMessage } from '../ui/apiErrors';
import { ApiCallError } from '../api';
import { Shell } from './Shell';
import { useSession } from './store';
import { theme } from './theme';

/** Ctrl+= / Ctrl+- / Ctrl+0 change the size of everything, on every screen. */
function useZoomKeys() {
  const stepZoom = useSession((state) => state.stepZoom);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const direction = ({ '=': 1, '+': 1, '-': -1, _: -1, '0': 0 } as const)[event.key as '=' | '+' | '-' | '_' | '0'];
      if (direction === undefined) return;
      event.preventDefault();
      stepZoom(direction);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stepZoom]);
}

function Screen() {
  const { t } = useTranslation();
  const phase = useSession((state) => state.phase);
  const startError = useSession((state) => state.startError);
  const loadSession = useSession((state) => state.loadSession);

  switch (phase) {
    case 'loading':
      return (
        <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
          <Spin size="large" description={t('app.loading')}>
            <div style={{ width: 200, height: 80 }} />
          </Spin>
        </div>
      );
    case 'unreachable':
      return (
        <Result
          status="error"
          title={t('app.cannotStart')}
          subTitle={errorMessage(startError ? new ApiCallError(startError) : null)}
          extra={
            <Button type="primary" size="large" onClick={() => void loadSession()}>
              {t('app.retry')}
            </Button>
          }
        />
      );
    case 'setup':
      return <SetupWizard />;
    case 'login':
      return <LoginScreen />;
    case 'app':
      return <LoggedIn />;
  }
}

/** The app for the logged-in user: first a new password when one is due, then the shell under the idle lock. */
function LoggedIn() {
  const mustChangePassword = useSession((state) => state.user?.mustChangePassword === true);
  const locked = useSession((state) => state.locked);
  // Opened already locked (a reload): there is no unsaved input to keep, and the pages would only load refusals.
  const [shellOpened, setShellOpened] = useState(!locked);
  if (!locked && !shellOpened) setShellOpened(true);
  useIdleLock();
  return (
    <>
      {mustChangePassword ? <PasswordDueScreen /> : shellOpened && <Shell />}
      {locked && <LockOverlay />}
    </>
  );
}

export function App() {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const loadSession = useSession((state) => state.loadSession);
  useZoomKeys();

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, language]);

  return (
    <ConfigProvider theme={theme} locale={language === 'th' ? thTH : enUS}>
      {/* AntApp gives message/modal hooks that follow this theme and locale */}
      <AntApp>
        <Screen />
      </AntApp>
    </ConfigProvider>
  );
}
