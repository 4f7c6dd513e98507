import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Card, Form, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useSession } from '../app/store';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { PasswordInput } from '../ui/PasswordInput';

/** Minutes without use before the screen locks: a setting of this computer (localStorage), 15 by default. */
export const lockMinuteChoices = [5, 10, 15, 30, 60] as const;
const defaultLockMinutes = 15;
const lockMinutesKey = 'tambonDesk.lockMinutes';

export function readLockMinutes(): number {
  const stored = Number(localStorage.getItem(lockMinutesKey));
  return (lockMinuteChoices as readonly number[]).includes(stored) ? stored : defaultLockMinutes;
}

// Anything the person does with the keyboard or mouse counts as use.
const activityEvents = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'scroll'] as const;
const checkEveryMs = 5_000;

/** Locks the screen after the idle time of this computer; the clock restarts with every key or mouse move. */
export function useIdleLock(): void {
  const lock = useSession((state) => state.lock);
  const locked = useSession((state) => state.locked);
  const lastActivity = useRef(0);

  useEffect(() => {
    if (locked) return;
    lastActivity.current = Date.now();
    const seen = () => {
      lastActivity.current = Date.now();
    };
    for (const name of activityEvents) window.addEventListener(name, seen, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= readLockMinutes() * 60_000) void lock();
    }, checkEveryMs);
    return () => {
      window.clearInterval(timer);
      for (const name of activityEvents) window.removeEventListener(name, seen, { capture: true });
    };
  }, [lock, locked]);
}

/**
 * Covers the whole window while locked. Everything under it stays mounted (a half-filled form keeps its input),
 * but is made inert — no Tab, no click, no screen reader — including antd's dialogs, which live outside the app root.
 */
export function LockOverlay() {
  const { t } = useTranslation();
  const user = useSession((state) => state.user);
  const unlocked = useSession((state) => state.unlocked);
  const logout = useSession((state) => state.logout);
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();
  const [host] = useState(() => document.createElement('div'));

  useEffect(() => {
    document.body.appendChild(host);
    const madeInert: Element[] = [];
    for (const element of Array.from(document.body.children)) {
      if (element === host || element.hasAttribute('inert')) continue;
      element.setAttribute('inert', '');
      madeInert.push(element);
    }
    // the portal was filled before its host joined the page, so autoFocus could not take: the keyboard starts here
    host.querySelector<HTMLInputElement>('input[type=password]')?.focus();
    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
      host.remove();
    };
  }, [host]);

  async function unlock(values: { password: string }) {
    setBusy(true);
    setFailure(null);
    try {
      await call('office.auth.unlock', values);
      unlocked();
    } catch (error) {
      // cleared first: setting a value also clears the field's error
      form.setFieldValue('password', '');
      setFailure(errorOutsideForm(form, error, ['password']));
      form.focusField('password');
    } finally {
      setBusy(false);
    }
  }

  return createPortal(
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="screen-lock-title"
      data-testid="screen-lock"
      style={{ position: 'fixed', inset: 0, zIndex: 3000, background: '#eef1f5', display: 'grid', placeItems: 'center', padding: 16, overflow: 'auto' }}
    >
      <Card style={{ width: '100%', maxWidth: 480 }}>
        <Typography.Title level={3} id="screen-lock-title" style={{ marginTop: 0 }}>
          {t('access.lockedTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('access.lockedIntro', { name: user?.displayName ?? '' })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('access.lockedWhy', { minutes: readLockMinutes() })}</Typography.Paragraph>
        <Form form={form} name="unlock" layout="vertical" requiredMark={false} onFinish={(values) => void unlock(values)}>
          <Form.Item label={t('user.password')} name="password" rules={[{ required: true, message: t('user.required.password') }]}>
            <PasswordInput autoComplete="current-password" />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {busy ? t('access.unlocking') : t('access.unlock')}
          </Button>
        </Form>
        <Space orientation="vertical" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('access.lockedLogoutHint')}</Typography.Text>
          <Button onClick={() => void logout()}>{t('shell.logout')}</Button>
        </Space>
      </Card>
    </div>,
    host,
  );
}

/** Settings: how long before the screen locks (the administrator chooses; everyone sees it). */
export function ScreenLockCard() {
  const { t } = useTranslation();
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const [minutes, setMinutes] = useState(readLockMinutes);
  return (
    <Card title={t('access.lockSection')}>
      <Space size="middle" align="center" wrap>
        <label htmlFor="lock-minutes">{t('access.lockAfter')}</label>
        <Select
          id="lock-minutes"
          value={minutes}
          disabled={!isAdmin}
          style={{ minWidth: 120 }}
          options={lockMinuteChoices.map((count) => ({ value: count, label: t('access.lockMinutes', { count }) }))}
          onChange={(value: number) => {
            localStorage.setItem(lockMinutesKey, String(value));
            setMinutes(value);
          }}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('access.lockHint')} {!isAdmin && t('access.lockAdminOnly')}
      </Typography.Paragraph>
    </Card>
  );
}
