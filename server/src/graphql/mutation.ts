import type { EntityManager } from '@mikro-orm/sqlite';
import { forgetMemos } from './context.js';
import { type UserError, UserInputError } from './user-error.js';

/**
 * Runs a mutation in one transaction. Bad input (UserInputError) rolls everything back and comes
 * back as `userErrors`; anything else is a bug and propagates. Either way the request's identity map
 * and memos are cleared, so the payload's fields read what is now in the database.
 */
export async function runMutation<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    const result = await em.transactional((tx) => work(tx as EntityManager));
    return { result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { result: null, userErrors: error.errors };
    throw error;
  } finally {
    em.clear();
    forgetMemos(em);
  }
}
