import { hasForbiddenCharacters } from '../validation.js';
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** scrypt is memory-hard: N = 2^15, r = 8 costs 32 MiB per guess. */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 64;
const MAX_MEMORY = 64 * 1024 * 1024;

/** "scrypt$N$r$p$salt$hash", salt and hash in base64: the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEMORY });
  return timingSafeEqual(key, expected);
}

/** Passwords: at least 8 characters, at most 200 (scrypt takes any length; a cap keeps requests cheap). */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 个字符 (at least 8 characters)';
  if (password.length > 200) return '密码最多 200 个字符 (at most 200 characters)';
  // The same characters every stored text refuses: nobody can type them at a sign-in form.
  if (hasForbiddenCharacters(password)) return '密码不能包含不可见控制字符 (no control characters)';
  return null;
}
