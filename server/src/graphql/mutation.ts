import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { withAuditScope } from '../modules/audit/audit-scope.js';
import { actorOf, bindActor } from '../modules/user/access.js';
import { forgetMemos } from './context.js';
import { type UserError, UserErrorCode, UserInputError } from './user-error.js';

/**
 * Runs a mutation in one transaction. Bad input (UserInputError) rolls everything back and comes
 * back as `userErrors`; so does a write that lost a race with another (CONFLICT). Anything else is a
 * bug and propagates. Either way the request's identity map and memos are cleared, so the payload's
 * fields read what is now in the database. The request's actor goes with the work, to the access
 * checks and to the audit trail.
 */
export async function runMutation<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
): Promise<{ result: T | null; userErrors: UserError[] }> {
  const actor = actorOf(em);
  try {
    const result = await withAuditScope({ userId: actor?.id ?? null, userName: actor?.name ?? '系统' }, () =>
      em.transactional((tx) => {
        bindActor(tx as EntityManager, actor);
        return work(tx as EntityManager);
      }),
    );
    return { result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { result: error.current as T | null, userErrors: error.errors };
    if (error instanceof OptimisticLockError) {
      const message = '数据已被他人修改，请刷新后确认再保存 (changed by someone else meanwhile)';
      return { result: null, userErrors: [{ field: [], code: UserErrorCode.CONFLICT, message }] };
    }
    throw error;
  } finally {
    em.clear();
    forgetMemos(em);
  }
}
