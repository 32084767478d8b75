/**
 * Two app servers, one PostgreSQL (docs/scale.md): two real server processes (`src/main.ts` under tsx)
 * start together on one fresh database (one migrates, the other waits for it), share sessions through
 * the database, and under concurrent conflicting writes lose nothing: every accepted write is in the
 * database and the audit trail, every refused one is a typed CONFLICT. Runs when JIXIAO_TEST_DB names a
 * PostgreSQL server (`npm test` starts one); SQLite has one writer and one server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/orm.js';
import { createUser } from '../../server/src/modules/user/user.service.js';
import { readFixture } from './harness.js';
import { createTestDatabase, TEST_POSTGRES } from './test-db.js';

const serverDir = resolve(import.meta.dirname, '../../server');
const PASSWORD = 'two servers, one database';

interface AppServer {
  name: string;
  base: string;
  process: ChildProcess;
  log: () => string;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const port = (probe.address() as { port: number }).port;
  await new Promise((done) => probe.close(done));
  return port;
}

async function startServer(name: string, url: string): Promise<AppServer> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), JIXIAO_DB: url, NODE_ENV: 'development', JIXIAO_DB_POOL: '4' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { name, base: `http://127.0.0.1:${port}`, process: child, log: () => log };
}

async function waitUntilUp(server: AppServer): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`server ${server.name} exited:\n${server.log()}`);
    try {
      if ((await fetch(`${server.base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`server ${server.name} did not answer in 90 s:\n${server.log()}`);
}

async function gql(server: AppServer, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${server.name}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

const RECORD = `mutation($id: ID!, $actual: String, $v: Int) {
  recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $v) { indicator { id version actualText } userErrors { code message } }
}`;

describe.runIf(TEST_POSTGRES)('two app servers on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: Awaited<ReturnType<typeof openDatabase>>;
  let a: AppServer;
  let b: AppServer;
  let token: string;
  let indicatorIds: string[];
  let readIndicator: (id: string) => Promise<{ id: string; version: number; actualText: string | null }>;

  beforeAll(async () => {
    // An empty database: both servers start at once and migrate it (one waits for the other's migration).
    database = await createTestDatabase(TEST_POSTGRES, { migrated: false });
    [a, b] = [await startServer('A', database.url), await startServer('B', database.url)];
    await Promise.all([waitUntilUp(a), waitUntilUp(b)]);

    orm = await openDatabase(database.url);
    await createUser(orm.em.fork(), { username: 'admin', displayName: '管理员', password: PASSWORD, role: 'ADMIN', departments: [] });
    const signIn = await gql(a, null, 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token userErrors { code } } }', { u: 'admin', p: PASSWORD });
    token = signIn.signIn.token;
    expect(token).toBeTruthy();
    const imported = await gql(b, token, 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id status indicators { id } } userErrors { code message } } }', { d: readFixture('yanfeng') });
    expect(imported.importPlanDocument.userErrors).toEqual([]);
    // A self-evaluation may land in 自评 already; else through 批复 to 自评, a step on each server in turn.
    const steps = { DRAFT: ['submitPlan', 'approvePlan', 'startEvaluation'], SUBMITTED: ['approvePlan', 'startEvaluation'], APPROVED: ['startEvaluation'] };
    for (const [index, step] of (steps[imported.importPlanDocument.plan.status as keyof typeof steps] ?? []).entries()) {
      const moved = await gql(index % 2 ? b : a, token, `mutation($id: ID!) { ${step}(id: $id) { plan { status } userErrors { code message } } }`, { id: imported.importPlanDocument.plan.id });
      expect(moved[step].userErrors).toEqual([]);
    }
    expect((await gql(a, token, 'query($id: ID!) { plan(id: $id) { status } }', { id: imported.importPlanDocument.plan.id })).plan.status).toBe('EVALUATING');
    indicatorIds = imported.importPlanDocument.plan.indicators.map((indicator: { id: string }) => indicator.id);
    expect(indicatorIds.length).toBeGreaterThanOrEqual(8);
    readIndicator = async (id) => {
      const [row] = await orm.em.getConnection().execute('select id, version, actual_text from indicator where id = ?', [Number(id)]);
      return { id: String(row.id), version: row.version, actualText: row.actual_text };
    };
  }, 180_000);

  afterAll(async () => {
    for (const server of [a, b]) server?.process.kill('SIGTERM');
    await orm?.close();
    await database?.drop();
  });

  const auditedActuals = async (id: string): Promise<string[]> => {
    const rows = await orm.em.getConnection().execute("select after from audit_entry where object_type = 'Indicator' and object_id = ? and field = 'actualText' order by id", [Number(id)]);
    return rows.map((row: { after: string }) => JSON.parse(row.after));
  };

  it('a session started on server A works on server B, and signing out on B ends it on A', async () => {
    const signIn = await gql(a, null, 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u: 'admin', p: PASSWORD });
    const session = signIn.signIn.token as string;
    expect((await gql(b, session, '{ me { username role } }')).me).toEqual({ username: 'admin', role: 'ADMIN' });
    expect((await gql(b, session, 'mutation { signOut { signedOut } }')).signOut).toEqual({ signedOut: true });
    expect((await gql(a, session, '{ me { username } }')).me).toBeNull();
  });

  it('the same indicator written at once through both servers with one expectedVersion: one write wins, every other is a CONFLICT', async () => {
    const id = indicatorIds[0];
    const start = await readIndicator(id);
    const writers = Array.from({ length: 12 }, (_, index) => ({ server: index % 2 ? b : a, actual: `${index + 1}次（并发写入 ${index % 2 ? 'B' : 'A'}）` }));
    const results = await Promise.all(writers.map(({ server, actual }) => gql(server, token, RECORD, { id, actual, v: start.version }).then((data) => data.recordIndicatorActual)));

    const accepted = writers.filter((_, index) => results[index].userErrors.length === 0);
    const refused = results.filter((result) => result.userErrors.length > 0);
    expect(accepted).toHaveLength(1);
    // A CONFLICT comes back with the row as it now is (the winner's write), or none when the race was lost at the UPDATE itself.
    for (const result of refused) {
      expect(result.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
      if (result.indicator) expect(result.indicator).toEqual({ id, version: start.version + 1, actualText: accepted[0].actual });
    }
    expect(await readIndicator(id)).toEqual({ id, version: start.version + 1, actualText: accepted[0].actual });
    expect(await auditedActuals(id)).toEqual([accepted[0].actual]);
  }, 120_000);

  it('clients incrementing one counter through both servers, retrying on CONFLICT, lose no increment', async () => {
    const id = indicatorIds[1];
    expect((await gql(a, token, RECORD, { id, actual: '0次' })).recordIndicatorActual.userErrors).toEqual([]);
    const clients = 6;
    const increments = 4;
    let conflicts = 0;
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const server = client % 2 ? b : a;
        for (let done = 0; done < increments; ) {
          const current = await readIndicator(id);
          const count = /^(\d+)次$/.exec(current.actualText ?? '')?.[1];
          const next = (count ? Number(count) : 0) + 1;
          const { recordIndicatorActual: result } = await gql(server, token, RECORD, { id, actual: `${next}次`, v: current.version });
          if (result.userErrors.length) {
            expect(result.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
            conflicts++;
            continue;
          }
          seen.push(next);
          done++;
        }
      }),
    );
    const total = clients * increments;
    // Every accepted write moved the counter by one from the value it read: none was overwritten unseen.
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    expect((await readIndicator(id)).actualText).toBe(`${total}次`);
    expect((await auditedActuals(id)).slice(-total - 1)).toEqual(Array.from({ length: total + 1 }, (_, index) => `${index}次`));
    console.info(`two servers: ${total} increments accepted, ${conflicts} CONFLICTs retried`);
  }, 180_000);

  it('different indicators of one plan written at once through both servers: every write is kept', async () => {
    const ids = indicatorIds.slice(2, 8);
    const before = await Promise.all(ids.map(readIndicator));
    const results = await Promise.all(
      ids.map((id, index) => gql(index % 2 ? b : a, token, RECORD, { id, actual: `并行 ${id}`, v: before[index].version }).then((data) => data.recordIndicatorActual)),
    );
    for (const result of results) expect(result.userErrors).toEqual([]);
    for (const [index, id] of ids.entries()) {
      expect(await readIndicator(id)).toEqual({ id, version: before[index].version + 1, actualText: `并行 ${id}` });
      expect((await auditedActuals(id)).at(-1)).toBe(`并行 ${id}`);
    }
  }, 120_000);
});
