import type { MikroORM } from '@mikro-orm/sqlite';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/orm.js';
import { dumpTables } from './harness.js';
import { freshDatabase } from './test-db.js';
import type { Role } from '../../server/src/modules/user/user.entity.js';
import { createUser } from '../../server/src/modules/user/user.service.js';

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

export interface HttpApi {
  orm: MikroORM;
  /** http://127.0.0.1:<port> */
  base: string;
  /** POSTs `body` to /graphql: an object is sent as JSON, a string as is. */
  post(body: unknown, options?: { token?: string | null; headers?: Record<string, string> }): Promise<HttpReply>;
  request(path: string, init?: RequestInit): Promise<HttpReply>;
  /** Creates a user directly in the database (no HTTP), then signs in over HTTP: the Bearer token. */
  addUser(username: string, role: Role, departmentIds?: number[]): Promise<string>;
  gql(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<any>;
  /** Every row of every table but sessions and the audit trail (sign-ins add to those). */
  dump(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/**
 * The real HTTP app (express, CSRF prevention, limits, headers) on an ephemeral port, over an in-memory
 * database (or a fresh PostgreSQL database when JIXIAO_TEST_DB names a server).
 */
export async function openHttpApi(options: { leanRoute?: boolean } = {}): Promise<HttpApi> {
  const fresh = await freshDatabase();
  const orm = await openDatabase(fresh.dbName);
  const { listener, apollo } = await createHttpApp(orm, options);
  const server: Server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request = async (path: string, init?: RequestInit): Promise<HttpReply> => {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };

  const post: HttpApi['post'] = (body, options = {}) =>
    request('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const gql: HttpApi['gql'] = async (query, variables, token) => {
    const reply = await post({ query, variables }, { token });
    if (reply.status !== 200 || reply.json?.errors) throw new Error(`GraphQL request failed (${reply.status}): ${reply.text.slice(0, 2000)}`);
    return reply.json.data;
  };

  return {
    orm,
    base,
    post,
    request,
    gql,
    async addUser(username, role, departmentIds = []) {
      const em = orm.em.fork();
      await createUser(em, { username, displayName: username, password: PASSWORD, role, departments: departmentIds });
      const data = await gql('mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token userErrors { code message } } }', { u: username, p: PASSWORD });
      if (!data.signIn.token) throw new Error(`sign-in failed: ${JSON.stringify(data.signIn.userErrors)}`);
      return data.signIn.token as string;
    },
    dump: () => dumpTables(orm, ['session', 'audit_entry']),
    async close() {
      server.closeAllConnections();
      server.close();
      await apollo.stop();
      await fresh.release(orm);
      await orm.close();
    },
  };
}
