import type { MikroORM } from '@mikro-orm/sqlite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contextFor, createApolloServer } from '../../server/src/app.js';
import { isPostgres, openDatabase } from '../../server/src/db/orm.js';
import type { Actor } from '../../server/src/modules/user/access.js';
import { freshDatabase } from './test-db.js';

export const FIXTURES = {
  shifeng: resolve(import.meta.dirname, '../../server/demo-data/shifeng-2021-targets.json'),
  yanfeng: resolve(import.meta.dirname, '../../server/demo-data/yanfeng-2024-self-evaluation.json'),
};

export function readFixture(name: keyof typeof FIXTURES): Record<string, any> {
  return JSON.parse(readFileSync(FIXTURES[name], 'utf8'));
}

export interface Api {
  orm: MikroORM;
  /** Runs an operation; fails the test on GraphQL errors unless `allowErrors`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs an operation and returns the raw result, errors included. */
  raw(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: readonly any[] }>;
  /** The same database and schema, acting as someone else. */
  as(actor: Actor | null): Pick<Api, 'gql' | 'raw'>;
  /** Every row of every table, to prove that refused input changed nothing. */
  dump(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

/** The administrator most tests act as; access rules have their own tests (access.test.ts). */
export const TEST_ADMIN: Actor = { id: 0, name: '测试管理员', role: 'ADMIN', departmentIds: [] };

/**
 * Every row of every table but `except`, in a stable order: SQLite's tables from sqlite_master, in rowid
 * order; PostgreSQL's from information_schema, by their first columns (the id).
 */
export async function dumpTables(orm: MikroORM, except: string[] = []): Promise<Record<string, unknown[]>> {
  const connection = orm.em.getConnection();
  const skip = ['mikro_orm_migrations', ...except];
  const postgres = isPostgres(orm);
  const tables = (await connection.execute(
    postgres
      ? `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not in (${skip.map(() => '?').join(', ')}) order by table_name`
      : `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in (${skip.map(() => '?').join(', ')}) order by name`,
    skip,
  )) as { name: string }[];
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) dump[name] = await connection.execute(`select * from "${name}" order by ${postgres ? '1, 2' : 'rowid'}`);
  return dump;
}

/**
 * A real database (migrated like production) behind the real GraphQL schema: SQLite in memory, or a
 * fresh PostgreSQL database when JIXIAO_TEST_DB names a server (dropped at close).
 */
export async function openApi(dbName = ':memory:', actor: Actor | null = TEST_ADMIN): Promise<Api> {
  const fresh = dbName === ':memory:' ? await freshDatabase() : { dbName, release: async () => {} };
  const orm = await openDatabase(fresh.dbName);
  const server = await createApolloServer();
  const client = (who: Actor | null) => {
    const raw = async (query: string, variables?: Record<string, unknown>) => {
      const response = await server.executeOperation({ query, variables }, { contextValue: contextFor(orm, who) });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
      return response.body.singleResult as { data?: any; errors?: readonly any[] };
    };
    return {
      raw,
      async gql(query: string, variables?: Record<string, unknown>) {
        const result = await raw(query, variables);
        if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
        return result.data;
      },
    };
  };
  return {
    orm,
    ...client(actor),
    as: client,
    dump: () => dumpTables(orm),
    async close() {
      await server.stop();
      await fresh.release(orm);
      await orm.close();
    },
  };
}
