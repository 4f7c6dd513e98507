import { describe, expect, it } from 'vitest';
import { FREE_TRIES_PER_CLIENT, FREE_TRIES_PER_USERNAME, LoginThrottle, waitAfter } from '../../main/office/login-throttle';

describe('login throttle', () => {
  it('waits 30 s after the free tries, doubling to at most 15 minutes', () => {
    const waits = Array.from({ length: 12 }, (_, i) => waitAfter(i + 1, FREE_TRIES_PER_USERNAME) / 1000);
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('forgets wrong tries after an hour of quiet, so a morning typo is not held against the afternoon', () => {
    const throttle = new LoginThrottle();
    let now = Date.UTC(2026, 2, 2, 8);
    for (let i = 0; i < FREE_TRIES_PER_USERNAME - 1; i++) expect(throttle.begin('boonmee', 'pc', now).allowed).toBe(true);
    now += 61 * 60_000;
    for (let i = 0; i < FREE_TRIES_PER_USERNAME - 1; i++) expect(throttle.begin('boonmee', 'pc', now).allowed).toBe(true);
  });

  it('counts a client only for tries judged wrong, and forgives it on a right password', () => {
    const throttle = new LoginThrottle();
    const now = Date.UTC(2026, 2, 2, 8);
    for (let i = 0; i < FREE_TRIES_PER_CLIENT; i++) {
      expect(throttle.begin(`user${i}`, 'pc', now).allowed).toBe(true);
      throttle.failed('pc', now);
    }
    expect(throttle.begin('someone', 'pc', now)).toEqual({ allowed: false, waitMs: 30_000, scope: 'client' });
    expect(throttle.begin('someone', 'other pc', now).allowed).toBe(true);
    throttle.succeeded('someone', 'pc');
    expect(throttle.begin('someone else', 'pc', now).allowed).toBe(true);
  });
});
