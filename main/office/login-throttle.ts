// Wrong passwords slow the next try down: a growing wait per username and per client (the browser's address or the
// window). A wait, never a hard lock, so a guesser cannot lock the administrator out for good. Counted in memory and
// written through to a store (the data file's login_failures table, main/office/login-failures.ts), so that closing
// and starting the program again does not give a guesser a fresh set of tries.

/** Wrong tries allowed in a row before the first wait. */
export const FREE_TRIES_PER_USERNAME = 5;
/** Per client (every username together): room for a few people mistyping at one PC, none for a guessing script. */
export const FREE_TRIES_PER_CLIENT = 20;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** Wrong tries older than this with nothing since are forgotten. */
const FORGET_AFTER_MS = 60 * 60_000;

export interface Tries {
  failures: number;
  lastTry: number;
  /** no try before this time (epoch ms) */
  waitUntil: number;
}

export type ThrottleScope = 'username' | 'client';

export type TryVerdict = { allowed: true } | { allowed: false; waitMs: number; scope: ThrottleScope };

/** The wait after `failures` wrong tries in a row: none for the free ones, then 30 s doubling up to 15 min. */
export function waitAfter(failures: number, freeTries: number): number {
  if (failures < freeTries) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - freeTries), LONGEST_WAIT_MS);
}

/** Where the counts outlive the program; without one they live in memory only (the unit tests). */
export interface ThrottleStore {
  load(): { scope: ThrottleScope; key: string; tries: Tries }[];
  save(scope: ThrottleScope, key: string, tries: Tries): void;
  remove(scope: ThrottleScope, key: string): void;
}

export class LoginThrottle {
  private readonly byUsername = new Map<string, Tries>();
  private readonly byClient = new Map<string, Tries>();

  constructor(private readonly store: ThrottleStore | null = null) {
    for (const { scope, key, tries } of store?.load() ?? []) this.mapOf(scope).set(key, tries);
  }

  private mapOf(scope: ThrottleScope): Map<string, Tries> {
    return scope === 'username' ? this.byUsername : this.byClient;
  }

  /**
   * Asks to try a password now. An allowed try counts against its username as wrong until `succeeded` says
   * otherwise, so that many tries for one account sent at once cannot all pass before the first is judged. Against
   * the client it counts only once judged wrong (`failed`): one office PC may log many people in at once.
   */
  begin(username: string, client: string, now: number): TryVerdict {
    this.forgetOld(now);
    const user = this.byUsername.get(username);
    const place = this.byClient.get(client);
    // The longer of the two waits is the one to tell.
    const userWait = user ? user.waitUntil - now : 0;
    const clientWait = place ? place.waitUntil - now : 0;
    if (userWait > 0 || clientWait > 0) {
      return userWait >= clientWait ? { allowed: false, waitMs: userWait, scope: 'username' } : { allowed: false, waitMs: clientWait, scope: 'client' };
    }
    this.countFailure('username', username, FREE_TRIES_PER_USERNAME, now);
    return { allowed: true };
  }

  /** The password was wrong (or the username unknown): the client's count grows too. */
  failed(client: string, now: number): void {
    this.countFailure('client', client, FREE_TRIES_PER_CLIENT, now);
  }

  /** The password was right: this username and this client start afresh. */
  succeeded(username: string, client: string): void {
    this.forget('username', username);
    this.forget('client', client);
  }

  private countFailure(scope: ThrottleScope, key: string, freeTries: number, now: number): void {
    const map = this.mapOf(scope);
    const tries = map.get(key) ?? { failures: 0, lastTry: now, waitUntil: 0 };
    tries.failures += 1;
    tries.lastTry = now;
    tries.waitUntil = now + waitAfter(tries.failures, freeTries);
    map.set(key, tries);
    this.store?.save(scope, key, tries);
  }

  private forget(scope: ThrottleScope, key: string): void {
    if (this.mapOf(scope).delete(key)) this.store?.remove(scope, key);
  }

  private forgetOld(now: number): void {
    for (const scope of ['username', 'client'] as const) {
      for (const [key, tries] of this.mapOf(scope)) if (now - tries.lastTry > FORGET_AFTER_MS && now >= tries.waitUntil) this.forget(scope, key);
    }
  }
}
