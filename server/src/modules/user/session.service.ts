import type { EntityManager } from '@mikro-orm/sqlite';
import { createHash, randomBytes } from 'node:crypto';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import type { Actor } from './access.js';
import { hasForbiddenCharacters } from '../validation.js';
import { verifyPassword } from './password.js';
import { Session, User } from './user.entity.js';

export const SESSION_COOKIE = 'jixiao_session';
export const SESSION_HOURS = 12;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Failed sign-ins per user name and per address: 5 within 15 minutes locks both out for the rest of the window. */
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;
const failures = new Map<string, number[]>();

function recentFailures(key: string, now: number): number[] {
  const recent = (failures.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
  if (recent.length) failures.set(key, recent);
  else failures.delete(key);
  return recent;
}

export function resetSignInLimits(): void {
  failures.clear();
}

export async function signIn(em: EntityManager, username: string, password: string, address: string): Promise<{ user: User; token: string; expiresAt: Date }> {
  const now = Date.now();
  const keys = [`user:${username.trim().toLowerCase()}`, `address:${address}`];
  if (keys.some((key) => recentFailures(key, now).length >= MAX_FAILURES)) {
    throw UserInputError.of(['username'], UserErrorCode.TOO_MANY_ATTEMPTS, '登录失败次数过多，请 15 分钟后再试 (too many failed sign-ins)');
  }
  const plausible = username.length <= 100 && !hasForbiddenCharacters(username);
  const user = plausible ? await em.findOne(User, { username: username.trim(), active: true }) : null;
  // Verify even for an unknown name, so timing does not tell which names exist.
  const valid = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? `scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$${'A'.repeat(86)}==`);
  if (!user || !valid) {
    for (const key of keys) failures.set(key, [...recentFailures(key, now), now]);
    throw UserInputError.of(['password'], UserErrorCode.BAD_CREDENTIALS, '用户名或密码错误 (wrong user name or password)');
  }
  keys.forEach((key) => failures.delete(key));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_HOURS * 3600 * 1000);
  em.create(Session, { tokenHash: hashToken(token), user, expiresAt });
  await em.flush();
  return { user, token, expiresAt };
}

export async function signOut(em: EntityManager, token: string | null): Promise<void> {
  if (token) await em.nativeDelete(Session, { tokenHash: hashToken(token) });
}

export function actorFromUser(user: User): Actor {
  return { id: user.id, name: user.displayName, role: user.role, departmentIds: user.departments.getItems().map((department) => department.id) };
}

/** The signed-in actor of a session token, or null for none, unknown, expired or a deactivated user. */
export async function actorForToken(em: EntityManager, token: string | null): Promise<{ actor: Actor; user: User } | null> {
  if (!token || token.length > 200) return null;
  const session = await em.findOne(Session, { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } }, { populate: ['user', 'user.departments'] });
  if (!session || !session.user.active) return null;
  return { actor: actorFromUser(session.user), user: session.user };
}

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
