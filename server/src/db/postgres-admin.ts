import { knex } from '@mikro-orm/postgresql';

/** A URL with another database name in its path. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** One connection to the server `url` points at, outside any transaction (CREATE/DROP DATABASE cannot run in one). */
export async function onPostgresServer<T>(url: string, work: (sql: (text: string, bindings?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
  const client = knex({ client: 'pg', connection: url, pool: { min: 1, max: 1 } });
  try {
    return await work(async (text, bindings = []) => (await client.raw(text, bindings as any[])).rows);
  } finally {
    await client.destroy();
  }
}

const plain = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return `"${name}"`;
};

/** Creates an empty database (or a copy of `template`) on the server `url` points at; returns its URL. */
export async function createPostgresDatabase(url: string, name: string, template?: string): Promise<string> {
  await onPostgresServer(url, (sql) => sql(`create database ${plain(name)}${template ? ` template ${plain(template)}` : ''}`));
  return withDatabase(url, name);
}

/** Drops a database, ending the connections still open to it. */
export async function dropPostgresDatabase(url: string, name: string): Promise<void> {
  await onPostgresServer(url, (sql) => sql(`drop database if exists ${plain(name)} with (force)`));
}

/**
 * A database named `name` made once by `build` (given the URL of an empty database), however many
 * processes ask at once: the first builds it under an advisory lock, the others wait and find it.
 */
export async function ensurePostgresDatabase(url: string, name: string, build: (url: string) => Promise<void>): Promise<string> {
  return onPostgresServer(url, async (sql) => {
    await sql('select pg_advisory_lock(?)', [0x6a6978]);
    try {
      const [found] = await sql('select 1 from pg_database where datname = ?', [name]);
      if (!found) {
        const building = `${name.slice(0, 50)}_building`;
        await sql(`drop database if exists ${plain(building)} with (force)`);
        await sql(`create database ${plain(building)}`);
        await build(withDatabase(url, building));
        await sql(`alter database ${plain(building)} rename to ${plain(name)}`);
      }
    } finally {
      await sql('select pg_advisory_unlock(?)', [0x6a6978]);
    }
    return withDatabase(url, name);
  });
}
