import type { EntityManager } from '@mikro-orm/sqlite';
import { type UserError, UserInputError } from './user-error.js';

/**
 * Runs a mutation in one transaction. Bad input (UserInputError) rolls everything back and comes
 * back as `userErrors`; anything else is a bug and propagates.
 */
export async function runMutation<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    const result = await em.transactional((tx) => work(tx as EntityManager));
    return { result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) {
      em.clear();
      return { result: null, userErrors: error.errors };
    }
    throw error;
  }
}
