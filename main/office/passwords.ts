import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from node:crypto: no native dependency, and its cost is stored with each hash so it can rise later.
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
// scrypt with N=16384, r=8 needs 16 MB; Node's default ceiling is 32 MB, so stored costs up to N=32768 verify.
const MAX_MEMORY = 64 * 1024 * 1024;

function formatHash(salt: Buffer, key: Buffer): string {
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A new password's hash, computed on libuv's thread pool: setup, a new user, a change or a reset. */
export async function hashPasswordOffThread(password: string): Promise<string> {
  const salt = randomBytes(16);
  return formatHash(salt, await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY }));
}

/**
 * A hash of the current cost that no password matches: a login with an unknown username is checked against it,
 * so that it takes as long as a wrong password for a real one (the time must not tell which usernames exist).
 */
export const unmatchableHash = ['scrypt', COST.N, COST.r, COST.p, Buffer.alloc(16).toString('base64'), Buffer.alloc(KEY_LENGTH).toString('base64')].join('$');

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Checks a password on libuv's thread pool: many logins at once do not hold up other requests. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(actual, expected);
}
