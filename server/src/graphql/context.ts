import type { EntityManager } from '@mikro-orm/sqlite';

/** Per-request context: a forked EntityManager, so requests never share an identity map. */
export interface Context {
  em: EntityManager;
}
