// What the audit trail costs an import: time and database size for the 5,020-indicator plan of `pnpm bench`.
//   pnpm --filter @jixiao/server exec tsx bench/import-audit-bench.ts      prints the figures (docs/BENCHMARKS.md quotes them)
import 'reflect-metadata';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contextFor, createApolloServer } from '../src/app.js';
import { openDatabase } from '../src/db/orm.js';
import { bigPlan } from './big-plan.js';

const folder = mkdtempSync(join(tmpdir(), 'jixiao-audit-bench-'));
const file = join(folder, 'bench.sqlite');
const orm = await openDatabase(file);
const server = await createApolloServer();
const gql = async (query: string, variables: Record<string, unknown>) => {
  const response = await server.executeOperation({ query, variables }, { contextValue: contextFor(orm, { id: 0, name: 'bench', role: 'ADMIN', departmentIds: [] }) });
  const body = response.body.kind === 'single' ? response.body.singleResult : null;
  if (!body || body.errors) throw new Error(JSON.stringify(body?.errors));
  return body.data as any;
};
const connection = orm.em.getConnection();
const size = async () => {
  await connection.execute('pragma wal_checkpoint(truncate)');
  const [audit] = (await connection.execute("select count(*) as rows, (select sum(pgsize) from dbstat where name like '%audit_entry%') as bytes from audit_entry")) as { rows: number; bytes: number }[];
  return `database ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, audit_entry ${audit.rows} rows ${(audit.bytes / 1024 / 1024).toFixed(2)} MB`;
};

/** CPU time of this process since `from` (user + system): steadier than wall time on a shared machine. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return ((used.user + used.system) / 1000).toFixed(0);
};

const document = bigPlan(50, 10, 10);
const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { message } } }';
const times: number[] = [];
let id = '';
for (let run = 0; run < 4; run++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  id = (await gql(IMPORT, { d: document })).importPlanDocument.plan.id;
  times.push(performance.now() - start);
  console.log(`import ${run === 0 ? 'new     ' : 'replace '} ${times[run].toFixed(0)} ms (cpu ${cpuMs(cpu)} ms)   ${await size()}`);
}
const start = performance.now();
const cpu = process.cpuUsage();
await gql('mutation($id: ID!) { deletePlan(id: $id) { deletedId } }', { id });
console.log(`deletePlan        ${(performance.now() - start).toFixed(0)} ms (cpu ${cpuMs(cpu)} ms)   ${await size()}`);

await server.stop();
await orm.close();
rmSync(folder, { recursive: true, force: true });
