import { randomBytes } from 'node:crypto';
import type { ClientSession } from './router';

/** Idle time after which a login ends, unless TAMBON_DESK_SESSION_IDLE_MINUTES says otherwise: a working day. */
export const DEFAULT_SESSION_IDLE_MINUTES = 8 * 60;
export const SESSION_IDLE_ENV = 'TAMBON_DESK_SESSION_IDLE_MINUTES';

/** The idle limit in milliseconds from the environment; a missing or unusable value gives the default. */
export function sessionIdleMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env[SESSION_IDLE_ENV]);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_SESSION_IDLE_MINUTES) * 60_000;
}

interface Entry {
  session: ClientSession;
  lastSeen: number;
}

/**
 * The logged-in clients of one transport. Only a login adds an entry (so clients that never log in cost nothing),
 * each login gets a fresh random id (so an id seen before the login is worth nothing after it), and an entry idle
 * longer than the limit is gone.
 */
export class SessionStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => Date,
  ) {}

  /** The live session under this id, its idle clock restarted; undefined when unknown or idle too long. */
  touch(id: string): ClientSession | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const now = this.now().getTime();
    if (now - entry.lastSeen > this.idleMs) {
      this.entries.delete(id);
      return undefined;
    }
    entry.lastSeen = now;
    return entry.session;
  }

  /** Keeps a session that just logged in under a new random id, and returns the id. */
  add(session: ClientSession): string {
    this.sweep();
    const id = randomBytes(24).toString('base64url');
    this.entries.set(id, { session, lastSeen: this.now().getTime() });
    return id;
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets every session idle too long (run at each login, so the map never outgrows the logins of a day). */
  private sweep(): void {
    const now = this.now().getTime();
    for (const [id, entry] of this.entries) if (now - entry.lastSeen > this.idleMs) this.entries.delete(id);
  }
}
