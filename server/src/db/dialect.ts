import type { Platform } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * True when the ORM or entity manager talks to PostgreSQL, false for SQLite. Hand-written SQL asks
 * this only where the two dialects truly differ (docs/scale.md lists the rules for portable SQL).
 */
export function isPostgres(source: { getPlatform(): Platform } | { em: { getPlatform(): Platform } }): boolean {
  const platform = 'em' in source ? source.em.getPlatform() : source.getPlatform();
  return platform instanceof PostgreSqlPlatform;
}
