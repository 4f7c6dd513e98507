import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../main/app';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';

describe('loadSampleTambon', () => {
  let dir: string | null = null;
  let app: App | null = null;
  afterEach(() => {
    app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    app = null;
    dir = null;
  });

  it('sets up the office and every sample user through the router, so each can log in', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-fixtures-'));
    app = createApp(path.join(dir, 'tambon-desk.sqlite'));
    const data = generateSampleTambon({ size: 'small' });
    const { adminSession } = await loadSampleTambon(app, data);

    expect(adminSession.user?.username).toBe('admin');
    const profile = await app.router.call(adminSession, 'office.profile.get', {});
    expect(profile).toMatchObject({ ok: true, value: { tambon: data.office.tambon, councilName: data.office.councilName } });

    const list = await app.router.call(adminSession, 'office.users.list', {});
    expect(list.ok && (list.value as Array<{ username: string }>).map((u) => u.username)).toEqual(data.users.map((u) => u.username));

    for (const user of data.users) {
      const login = await app.router.call({ user: null }, 'office.auth.login', { username: user.username, password: user.password });
      expect(login.ok, user.username).toBe(true);
    }
  });
});
