import { create } from 'zustand';
import { call, ApiCallError, type ApiErrorData, type OutputOf } from '../api';
import { rememberedLanguage, switchLanguage, type Language } from '../i18n';

export type SessionUser = OutputOf<'office.auth.login'>;
export type Role = SessionUser['role'];
/** Roles that change nothing (main/api/roles.ts readOnlyRoles): screens hide every button that would write. */
export const readOnlyRoles: readonly Role[] = ['viewer', 'auditor'];
export type OfficeSummary = NonNullable<OutputOf<'office.session.get'>['office']>;

/** Which screen the whole window shows. */
export type Phase = 'loading' | 'unreachable' | 'setup' | 'login' | 'app';

const zoomLevels = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2] as const;
const defaultZoom = 1;
// Before anyone logs in, the last size used on this PC applies.
const zoomKey = (username: string | null) => (username ? `tambonDesk.zoom.${username}` : 'tambonDesk.zoom');

function readZoom(username: string | null): number {
  const stored = Number(localStorage.getItem(zoomKey(username)) ?? localStorage.getItem(zoomKey(null)));
  return (zoomLevels as readonly number[]).includes(stored) ? stored : defaultZoom;
}

function applyZoom(zoom: number): void {
  // CSS zoom scales antd's components and our own spacing alike (Chromium only, which is all we run in)
  document.documentElement.style.setProperty('zoom', String(zoom));
}

interface SessionState {
  phase: Phase;
  user: SessionUser | null;
  /** the screen locked after idle time (the core refuses everything but unlock and logout meanwhile) */
  locked: boolean;
  office: OfficeSummary | null;
  /** why the core could not be reached at start, shown with a retry button */
  startError: ApiErrorData | null;
  /** the admin username just created by the wizard, offered on the login screen */
  suggestedUsername: string | null;
  language: Language;
  zoom: number;

  loadSession(): Promise<void>;
  finishSetup(adminUsername: string): Promise<void>;
  loggedIn(user: SessionUser): Promise<void>;
  logout(): Promise<void>;
  lock(): Promise<void>;
  unlocked(): void;
  /** the user chose a new password (after an administrator's reset, or of their own accord) */
  passwordChanged(user: SessionUser): void;
  officeChanged(office: OfficeSummary): void;
  setLanguage(language: Language): void;
  /** +1 larger, -1 smaller, 0 back to normal; remembered for the logged-in user */
  stepZoom(direction: 1 | -1 | 0): void;
}

const startZoom = readZoom(null);
applyZoom(startZoom);

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'loading',
  user: null,
  locked: false,
  office: null,
  startError: null,
  suggestedUsername: null,
  language: rememberedLanguage(),
  zoom: startZoom,

  async loadSession() {
    try {
      const session = await call('office.session.get', {});
      const phase: Phase = session.needsSetup ? 'setup' : session.user ? 'app' : 'login';
      set({ phase, user: session.user, locked: session.locked, office: session.office, startError: null });
      if (session.user) showZoom(readZoom(session.user.username));
    } catch (error) {
      set({ phase: 'unreachable', startError: error instanceof ApiCallError ? error.data : null });
    }
  },

  async finishSetup(adminUsername) {
    set({ suggestedUsername: adminUsername });
    await get().loadSession();
  },

  async loggedIn(user) {
    set({ user, phase: 'app', locked: false });
    showZoom(readZoom(user.username));
    await get().loadSession();
  },

  async logout() {
    try {
      await call('office.auth.logout', {});
    } catch (error) {
      // already logged out in the core (e.g. it restarted): the login screen is still the right place
      if (!(error instanceof ApiCallError && error.data.code === 'NOT_LOGGED_IN')) throw error;
    }
    window.location.hash = '';
    set({ user: null, phase: 'login', locked: false });
  },

  async lock() {
    if (get().locked || !get().user) return;
    // the overlay shows at once; the core's lock follows (a failure there means the login already ended)
    set({ locked: true });
    try {
      await call('office.auth.lock', {});
    } catch (error) {
      if (error instanceof ApiCallError && error.data.code === 'NOT_LOGGED_IN') await get().loadSession();
    }
  },

  unlocked() {
    set({ locked: false });
  },

  passwordChanged(user) {
    set({ user });
  },

  officeChanged(office) {
    set({ office });
  },

  setLanguage(language) {
    set({ language });
    void switchLanguage(language);
  },

  stepZoom(direction) {
    const current = zoomLevels.findIndex((level) => level >= get().zoom);
    const index = direction === 0 ? zoomLevels.indexOf(defaultZoom) : Math.min(Math.max(current + direction, 0), zoomLevels.length - 1);
    const zoom = zoomLevels[index] ?? defaultZoom;
    localStorage.setItem(zoomKey(get().user?.username ?? null), String(zoom));
    localStorage.setItem(zoomKey(null), String(zoom));
    showZoom(zoom);
  },
}));

function showZoom(zoom: number): void {
  applyZoom(zoom);
  useSession.setState({ zoom });
}

export const zoomPercent = (zoom: number) => Math.round(zoom * 100);
