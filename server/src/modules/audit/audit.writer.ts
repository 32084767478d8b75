import type { EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../db/dialect.js';
import { currentAuditScope } from './audit-scope.js';

/** One entry of the trail as a service states it; who, when and why come from the audit scope. */
export interface AuditRow {
  objectType: string;
  objectId: number;
  planId: number | null;
  field: string;
  before?: string | null;
  after?: string | null;
  /** Overrides the scope's reason for this entry. */
  reason?: string | null;
  /** A plan import's replaced document, gzip-compressed. */
  replacedDocument?: Buffer | null;
}

/**
 * Inserts entries in the caller's transaction (the subscriber's, after a flush; or a service's, for
 * what bypasses the unit of work), in a few statements. Inside a transaction the rows commit or roll
 * back with the change they describe.
 */
export async function insertAuditRows(em: EntityManager, entries: AuditRow[]): Promise<void> {
  if (!entries.length) return;
  const { userId, userName, reason } = currentAuditScope();
  // SQLite keeps MikroORM's datetimes as epoch milliseconds; PostgreSQL's timestamptz takes a Date. Bound as
  // text (the "datetime" column's numeric affinity stores the same integer): a number past 2^31 is written into
  // the statement's text (db/orm.ts), a new statement to prepare for every write (issue 12).
  const at = isPostgres(em) ? new Date() : String(Date.now());
  const rows = entries.map((entry) => [
    at,
    userId,
    userName,
    entry.planId,
    entry.objectType,
    entry.objectId,
    entry.field,
    entry.before ?? null,
    entry.after ?? null,
    entry.reason === undefined ? reason : entry.reason,
    entry.replacedDocument ?? null,
  ]);
  const connection = em.getConnection();
  const transaction = em.getTransactionContext();
  // SQLite binds at most 999 parameters per statement: 11 columns × 90 rows.
  for (let start = 0; start < rows.length; start += 90) {
    const chunk = rows.slice(start, start + 90);
    await connection.execute(
      `insert into audit_entry (at, user_id, user_name, plan_id, object_type, object_id, field, before, after, reason, replaced_document) values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flat(),
      'run',
      transaction,
    );
  }
}
