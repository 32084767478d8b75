/**
 * changePassword (issue 9 item 6): rate-limited, and its scrypt work (checking the current password,
 * hashing the new one) runs before the transaction that writes the hash, so a slow hash never holds
 * the database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, openApi } from './harness.js';
import type { Actor } from '../../server/src/modules/user/access.js';
import { resetSignInLimits } from '../../server/src/modules/user/session.service.js';
import { createUser } from '../../server/src/modules/user/user.service.js';

/** Open transactions right now, and what they were whenever scrypt ran. */
const watch = vi.hoisted(() => ({ open: 0, started: 0, duringScrypt: [] as number[] }));
vi.mock('../../server/src/modules/user/password.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/src/modules/user/password.js')>();
  return {
    ...original,
    async hashPassword(password: string) {
      watch.duringScrypt.push(watch.open);
      const hash = await original.hashPassword(password);
      watch.duringScrypt.push(watch.open);
      return hash;
    },
    async verifyPassword(password: string, stored: string) {
      watch.duringScrypt.push(watch.open);
      const valid = await original.verifyPassword(password, stored);
      watch.duringScrypt.push(watch.open);
      return valid;
    },
  };
});

const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { user { username } userErrors { code field } } }';

describe('changePassword', () => {
  let api: Api;
  let li: Actor;
  beforeAll(async () => {
    api = await openApi(':memory:', null);
    const user = await createUser(api.orm.em.fork(), { username: 'li', displayName: '李四', password: 'password-0', role: 'ANALYST', departments: [] });
    li = { id: user.id, name: '李四', role: 'ANALYST', departmentIds: [] };
    api.orm.em.getEventManager().registerSubscriber({
      afterTransactionStart: () => {
        watch.open++;
        watch.started++;
      },
      afterTransactionCommit: () => void watch.open--,
      afterTransactionRollback: () => void watch.open--,
    });
  });
  afterAll(async () => {
    resetSignInLimits();
    await api?.close();
  });

  it('hashes outside the transaction, then writes the new hash in a short one', async () => {
    watch.duringScrypt.length = 0;
    watch.started = 0;
    const changed = (await api.as(li).gql(CHANGE, { c: 'password-0', n: 'password-1' })).changePassword;
    expect(changed).toEqual({ user: { username: 'li' }, userErrors: [] });
    expect(watch.duringScrypt.length).toBe(4); // verify the current one, hash the new one
    expect(watch.duringScrypt.every((open) => open === 0)).toBe(true);
    expect(watch.started).toBe(1); // the write's own, and it is closed again
    expect(watch.open).toBe(0);
    const [row] = await api.orm.em.getConnection().execute("select password_hash from app_user where username = 'li'");
    expect(row.password_hash).toMatch(/^scrypt\$/);
    const wrong = (await api.as(li).gql(CHANGE, { c: 'password-0', n: 'password-2' })).changePassword;
    expect(wrong.userErrors).toEqual([{ code: 'BAD_CREDENTIALS', field: ['currentPassword'] }]);
    const weak = (await api.as(li).gql(CHANGE, { c: 'password-1', n: 'short' })).changePassword;
    expect(weak.userErrors).toEqual([{ code: 'INVALID', field: ['newPassword'] }]);
  });

  it('is rate-limited per user: five attempts, then TOO_MANY_ATTEMPTS before any scrypt work', async () => {
    resetSignInLimits();
    const codes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const { userErrors } = (await api.as(li).gql(CHANGE, { c: 'not-my-password', n: 'password-9' })).changePassword;
      codes.push(userErrors[0].code);
    }
    expect(codes).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
    watch.duringScrypt.length = 0;
    const refused = (await api.as(li).gql(CHANGE, { c: 'password-1', n: 'password-9' })).changePassword;
    expect(refused.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect(watch.duringScrypt).toEqual([]);
  });
});
