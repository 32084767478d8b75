import type { EntityManager } from '@mikro-orm/sqlite';
import { createHash, randomBytes } from 'node:crypto';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import type { Actor } from './access.js';
import { hasForbiddenCharacters } from '../validation.js';
import { verifyPassword } from './password.js';
import { type Role, Session, User } from './user.entity.js';

export const SESSION_COOKIE = 'jixiao_session';
export const SESSION_HOURS = 12;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A captcha-free back-off: after `free` counted attempts for a key, each further one must wait
 * `baseMs` · 2^(attempts − free), up to `maxMs`. A key is forgotten `forgetMs` after its last attempt
 * (or at once by `forget`, e.g. on success).
 */
export class Throttle {
  private readonly entries = new Map<string, { count: number; last: number }>();

  constructor(private readonly rule: { free: number; baseMs: number; maxMs: number; forgetMs: number }) {}

  /** Milliseconds until `key` may try again; 0: now. */
  wait(key: string, now = Date.now()): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    if (now - entry.last >= this.rule.forgetMs) {
      this.entries.delete(key);
      return 0;
    }
    if (entry.count < this.rule.free) return 0;
    const delay = Math.min(this.rule.baseMs * 2 ** Math.min(entry.count - this.rule.free, 40), this.rule.maxMs);
    return Math.max(0, entry.last + delay - now);
  }

  count(key: string, now = Date.now()): void {
    this.wait(key, now); // forgets a stale entry first
    const entry = this.entries.get(key);
    this.entries.set(key, { count: (entry?.count ?? 0) + 1, last: now });
    if (this.entries.size > 10_000) {
      for (const [other, { last }] of this.entries) if (now - last >= this.rule.forgetMs) this.entries.delete(other);
    }
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

const MINUTE = 60_000;
/**
 * Sign-in failures are counted per user name *and address*: five are free, then the next waits 1 s,
 * 2 s, 4 s … up to 15 minutes; a success clears them. Failures from one address therefore never keep
 * the same user out at another. One address is also capped across all names (a looser limit: 50
 * failures, then 15 minutes per further attempt, forgotten after an hour without failures), which a
 * success does not clear.
 */
const userAtAddress = new Throttle({ free: 5, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 24 * 60 * MINUTE });
const perAddress = new Throttle({ free: 50, baseMs: 15 * MINUTE, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE });
/** changePassword costs two scrypt runs and is a password guess: five per user, then 1, 2, 4 … ≤ 15 minutes apart. */
const passwordChanges = new Throttle({ free: 5, baseMs: MINUTE, maxMs: 15 * MINUTE, forgetMs: 15 * MINUTE });

export function resetSignInLimits(): void {
  userAtAddress.clear();
  perAddress.clear();
  passwordChanges.clear();
}

function tooManyAttempts(field: string, waitMs: number, what: string): UserInputError {
  const seconds = Math.ceil(waitMs / 1000);
  const zh = seconds >= 120 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return UserInputError.of([field], UserErrorCode.TOO_MANY_ATTEMPTS, `${what}次数过多，请 ${zh}后再试 (too many attempts; try again in ${seconds} s)`);
}

/** Refuses a password change attempted too often, and counts this one. */
export function throttlePasswordChange(userId: number, now = Date.now()): void {
  const key = `user:${userId}`;
  const wait = passwordChanges.wait(key, now);
  if (wait > 0) throw tooManyAttempts('currentPassword', wait, '修改密码');
  passwordChanges.count(key, now);
}

export async function signIn(em: EntityManager, username: string, password: string, address: string): Promise<{ user: User; token: string; expiresAt: Date }> {
  const now = Date.now();
  const userKey = `${address}\u0000${username.trim().toLowerCase().slice(0, 200)}`;
  const wait = Math.max(userAtAddress.wait(userKey, now), perAddress.wait(address, now));
  if (wait > 0) throw tooManyAttempts('username', wait, '登录失败');
  const plausible = username.length <= 100 && !hasForbiddenCharacters(username);
  const user = plausible ? await em.findOne(User, { username: username.trim(), active: true }) : null;
  // Verify even for an unknown name, so timing does not tell which names exist.
  const valid = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? `scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$${'A'.repeat(86)}==`);
  if (!user || !valid) {
    userAtAddress.count(userKey, now);
    perAddress.count(address, now);
    throw UserInputError.of(['password'], UserErrorCode.BAD_CREDENTIALS, '用户名或密码错误 (wrong user name or password)');
  }
  userAtAddress.forget(userKey);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_HOURS * 3600 * 1000);
  em.create(Session, { tokenHash: hashToken(token), user, expiresAt });
  await em.flush();
  return { user, token, expiresAt };
}

export async function signOut(em: EntityManager, token: string | null): Promise<void> {
  if (token) await em.nativeDelete(Session, { tokenHash: hashToken(token) });
}

/**
 * The signed-in actor of a session token, or null for none, unknown, expired or a deactivated user.
 * Every request asks (never cached: a sign-out or a deactivation holds at once, in every process), so it
 * is one hand-written statement mapped by hand — the session, its user and the user's departments —
 * instead of a populated findOne (query building and three hydrated entities per request, issue 12).
 */
export async function actorForToken(em: EntityManager, token: string | null): Promise<{ actor: Actor } | null> {
  if (!token || token.length > 200) return null;
  // The token is the only parameter (a text: the statement stays prepared, db/orm.ts); expiry is checked here.
  const rows = (await em.execute(ACTOR_SQL, [hashToken(token)])) as {
    userId: number | string;
    displayName: string;
    role: Role;
    active: unknown;
    expiresAt: number | string | Date;
    departmentId: number | string | null;
  }[];
  // SQLite answers 1/0 and milliseconds, PostgreSQL true/false and a Date.
  if (rows.length === 0 || !rows[0].active || !(new Date(rows[0].expiresAt as number).getTime() > Date.now())) return null;
  const departmentIds: number[] = [];
  for (const row of rows) if (row.departmentId != null) departmentIds.push(Number(row.departmentId));
  return { actor: { id: Number(rows[0].userId), name: rows[0].displayName, role: rows[0].role, departmentIds } };
}

// One row per department of the user (one row with a null department when there are none).
const ACTOR_SQL = `select u.id as "userId", u.display_name as "displayName", u.role as "role", u.active as "active", s.expires_at as "expiresAt", d.department_id as "departmentId"
from "session" s inner join app_user u on u.id = s.user_id left join app_user_departments d on d.user_id = u.id
where s.token_hash = ?`;

/** The session token from the HttpOnly cookie, or from `Authorization: Bearer …` for scripts. */
export function tokenFrom(headers: { cookie?: string; authorization?: string }): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return null; // a cookie that does not decode is no session
    }
  }
  return null;
}
