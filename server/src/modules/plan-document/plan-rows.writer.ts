import type { EntityClass, EntityData, EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { isPostgres } from '../../db/dialect.js';
import { runStatement, type SqliteHandle, type SqliteRunResult } from '../../db/sqlite.js';

/** PostgreSQL: rows per INSERT statement, well under its 65,535 bound parameters. */
const INSERT_CHUNK = 500;
/** SQLite: rows per INSERT (one bound parameter: the rows as a JSON array of arrays). */
const JSON_ROWS = 200;

interface KnexClient {
  acquireConnection(): Promise<unknown>;
  emit(event: 'query', query: { method: 'raw'; sql: string; bindings: unknown[] }): void;
}
interface KnexTransaction {
  client: KnexClient;
}

/** A converted value that JSON carries as binding would store it. */
function jsonSafe(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

interface Column {
  key: string;
  read: (row: Record<string, unknown>, extra: Record<string, unknown>) => unknown;
  field: string;
  convert: ((value: unknown) => unknown) | null;
  fallback: unknown;
}

/**
 * Writes an import's rows (issue 12): given by entity property names (an embedded `amounts` is spread
 * into its columns), converted as MikroORM would (its custom types: exact decimals, JSON), a column a
 * row leaves out taking the property's default; no entity is created, so nothing enters the identity
 * map and the audit subscriber sees none of it. Which columns are written follows from the rows and the
 * entities' metadata: nothing here lists a table's columns.
 *
 * On SQLite each table's INSERT is one statement, kept prepared on the transaction's connection (db/sqlite.ts),
 * `insert … select value ->> 0, value ->> 1, … from json_each(?)`, run with ONE
 * bound parameter: up to 200 rows as a JSON array of arrays. Neither knex's SQL building nor SQLite's
 * parsing is paid per plan, and the driver converts one string instead of ~30 values a row (binding each
 * value costs the main thread about a microsecond). JSON gives back exactly what binding would store:
 * strings as TEXT, integers as INTEGER (money in micro-units is far inside 2^53), other numbers as REAL,
 * booleans as 1/0, null as NULL; a value JSON cannot carry (a Buffer, a Date, NaN) sends the rows the
 * knex way instead. SQLite-only SQL (json_each, ->>, SQLite ≥ 3.38), hence the dialect test.
 * On PostgreSQL: knex INSERTs with bound parameters and RETURNING. `close()` forgets the statements' texts.
 */
export class PlanRowsWriter {
  private readonly statements = new Map<string, string>();
  private database: SqliteHandle | null = null;
  private client: KnexClient | null = null;

  /** `json: false`: SQLite's rows go the knex way too (the test compares the two). */
  constructor(
    private readonly em: EntityManager,
    private readonly options: { json?: boolean } = {},
  ) {}

  /**
   * Inserts the rows; their new ids in order. `extra(index)`: the columns each row has besides its data
   * (its plan, its parent), the same keys for every row, read without copying the rows.
   */
  async insert<T extends object>(entity: EntityClass<T>, data: EntityData<T>[], extra: (index: number) => Record<string, unknown> = () => ({})): Promise<number[]> {
    if (!data.length) return [];
    const meta = this.em.getMetadata().get(entity.name);
    const extras = data.map((_, index) => extra(index));
    const columns = this.columns(entity.name, meta.properties as Record<string, EntityProperty | undefined>, data as Record<string, unknown>[], extras[0]);
    // Each row's values in the columns' order, converted to what the database stores.
    const rows = (data as Record<string, unknown>[]).map((row, index) =>
      columns.map(({ read, convert, fallback }) => {
        const value = read(row, extras[index]);
        return value === undefined ? fallback : value === null || !convert ? value : convert(value);
      }),
    );
    const database = this.database ?? (await this.sqlite());
    if (!database || this.options.json === false || !rows.every((row) => row.every(jsonSafe))) {
      return this.insertWithKnex(meta.tableName, columns, rows);
    }
    const sql = this.statement(meta.tableName, columns);
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += JSON_ROWS) {
      const chunk = rows.slice(start, start + JSON_ROWS);
      const parameter = JSON.stringify(chunk);
      // Knex's query event, as every other statement sends it: the statement counts (test/api/statements.test.ts) see these too.
      this.client?.emit('query', { method: 'raw', sql, bindings: [parameter] });
      // better-sqlite3 writes synchronously (after the event loop's next turn once the slice is spent, db/sqlite.ts).
      const { lastInsertRowid } = (await runStatement(database, sql, [parameter])) as SqliteRunResult;
      const lastId = Number(lastInsertRowid);
      // One INSERT into an AUTOINCREMENT table numbers its rows one after another, in order.
      for (let id = lastId - chunk.length + 1; id <= lastId; id++) ids.push(id);
    }
    return ids;
  }

  /**
   * True when the rows go to SQLite as JSON on the transaction's connection, one INSERT at a time in the
   * order they are given: rows may then carry their ids (the CLI's batches assign line items' ids ahead).
   */
  async writesSqlite(): Promise<boolean> {
    return this.options.json !== false && (await this.sqlite()) !== null;
  }

  /** Forgets the statements (better-sqlite3 finalizes them with the connection; nothing is left open). */
  async close(): Promise<void> {
    this.statements.clear();
  }

  /** The columns of the rows' keys and the extra keys; an embedded `amounts` is spread into its columns (amounts_initial, …). */
  private columns(entityName: string, properties: Record<string, EntityProperty | undefined>, rows: Record<string, unknown>[], extra: Record<string, unknown>): Column[] {
    const platform = this.em.getPlatform();
    const reads = new Map<string, (row: Record<string, unknown>, extra: Record<string, unknown>) => unknown>();
    for (const row of rows) {
      for (const key in row) {
        if (Object.hasOwn(extra, key) || reads.has(key)) continue;
        const value = row[key];
        if (key === 'amounts') {
          if (value == null) continue;
          for (const stage in value) if (!reads.has(`amounts_${stage}`)) reads.set(`amounts_${stage}`, (own) => (own.amounts as Record<string, unknown> | null | undefined)?.[stage]);
        } else reads.set(key, (own) => own[key]);
      }
    }
    for (const key in extra) reads.set(key, (_, own) => own[key]);
    return [...reads].map(([key, read]) => {
      const prop = properties[key];
      if (!prop) throw new Error(`${entityName}.${key}: no such property`);
      const type = prop.customType;
      return { key, read, field: prop.fieldNames[0], convert: type ? (value: unknown) => type.convertToDatabaseValue(value, platform, { key, mode: 'query-data' }) : null, fallback: prop.default ?? null };
    });
  }

  /** The connection of the caller's transaction, when it is SQLite's (better-sqlite3's Database). */
  private async sqlite(): Promise<SqliteHandle | null> {
    if (this.database) return this.database;
    const transaction = this.em.getTransactionContext<KnexTransaction>();
    if (!transaction || isPostgres(this.em)) return null;
    this.client = transaction.client;
    this.database = (await transaction.client.acquireConnection()) as SqliteHandle;
    return this.database;
  }

  /** A table's INSERT for these columns. */
  private statement(table: string, columns: Column[]): string {
    const names = columns.map(({ field }) => `"${field}"`).join(', ');
    const key = `${table}(${names})`;
    let sql = this.statements.get(key);
    if (!sql) {
      const select = columns.map((_, index) => `value ->> ${index}`).join(', ');
      sql = `insert into "${table}" (${names}) select ${select} from json_each(?) order by key`;
      this.statements.set(key, sql);
    }
    return sql;
  }

  private async insertWithKnex(table: string, columns: Column[], rows: unknown[][]): Promise<number[]> {
    const transaction = this.em.getTransactionContext();
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK).map((row) => Object.fromEntries(columns.map(({ field }, index) => [field, row[index]])));
      const query = this.em.getKnex()(table).insert(chunk).returning('id');
      if (transaction) query.transacting(transaction);
      const result = (await query) as { id: number | string }[];
      ids.push(...result.map((row) => Number(row.id)));
    }
    return ids;
  }
}
