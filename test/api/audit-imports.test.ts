// Issue 12 item 3 and issue 9 item 5: an import is ONE audit entry — the document's SHA-256, counts, and the
// plan it replaced kept once (gzip) — and replacing an approved plan needs a reason, from the API and the CLI.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/main.js';
import { type Api, FIXTURES, openApi, readFixture } from './harness.js';

const folder = mkdtempSync(join(tmpdir(), 'jixiao-audit-imports-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let api: Api;
afterEach(async () => {
  await api?.close();
});

const sha256 = (document: unknown) => createHash('sha256').update(JSON.stringify(document)).digest('hex');
const sql = async (query: string, params: unknown[] = []) => (await api.orm.em.getConnection().execute(query, params)) as Record<string, any>[];
const IMPORT = 'mutation($d: JSONObject!, $r: String) { importPlanDocument(document: $d, reason: $r) { plan { id status } created userErrors { code field message } } }';
const IMPORTS = `query($p: ID!) { auditLog(planId: $p, objectType: "PlanImport") { totalCount nodes {
  objectType objectId field reason userName before after
  importSummary { documentHash source kind created status replacedStatus
    counts { indicators lineItems budgetLines keyTasks evaluations evaluationSections }
    replacedCounts { indicators lineItems budgetLines keyTasks evaluations evaluationSections } } } } }`;
const step = (name: string, id: string) => api.gql(`mutation($id: ID!) { ${name}(id: $id) { plan { status } userErrors { code } } }`, { id });
async function countsOf(planId: string) {
  const [row] = await sql(
    `select (select count(*) from indicator where plan_id = ?) as indicators, (select count(*) from line_item where plan_id = ?) as "lineItems",
      (select count(*) from budget_line where plan_id = ?) as "budgetLines", (select count(*) from key_task where plan_id = ?) as "keyTasks",
      (select count(*) from evaluation where plan_id = ?) as evaluations,
      (select count(*) from evaluation_section s join evaluation e on e.id = s.evaluation_id where e.plan_id = ?) as "evaluationSections"`,
    Array(6).fill(Number(planId)),
  );
  return row;
}

describe('an import is one audit entry', () => {
  it('records the hash and counts of what came in, not a snapshot per row; a re-import keeps the replaced plan once, for analysts and administrators', async () => {
    api = await openApi();
    const shifeng = readFixture('shifeng');
    const first = (await api.gql(IMPORT, { d: shifeng })).importPlanDocument;
    expect(first.userErrors).toEqual([]);
    const planId = first.plan.id;

    // One entry for the plan (and one for the new department): not one per indicator, line item, budget row…
    expect(await sql('select object_type, field from audit_entry order by id')).toEqual([
      { object_type: 'Department', field: 'CREATED' },
      { object_type: 'PlanImport', field: 'IMPORTED' },
    ]);
    const counts = await countsOf(planId);
    expect(counts).toMatchObject({ indicators: 54, lineItems: 7, keyTasks: 5, evaluations: 0 });
    const created = (await api.gql(IMPORTS, { p: planId })).auditLog.nodes[0];
    expect(created).toMatchObject({ objectType: 'PlanImport', objectId: planId, field: 'IMPORTED', reason: null, userName: '测试管理员', before: null });
    expect(created.importSummary).toEqual({
      documentHash: sha256(shifeng),
      source: shifeng.source,
      kind: 'target_table',
      created: true,
      status: 'DRAFT',
      replacedStatus: null,
      counts,
      replacedCounts: null,
    });

    // Re-import (a DRAFT plan: no reason needed) of a changed document: one more entry, with the plan as it was.
    await api.gql('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "不少于99次") { userErrors { code } } }', {
      id: String((await sql('select min(id) as id from indicator where plan_id = ?', [Number(planId)]))[0].id),
    });
    const before = (await api.gql('query($id: ID!) { exportPlanDocument(planId: $id) }', { id: planId })).exportPlanDocument;
    const replacedCounts = await countsOf(planId);
    const changed = { ...shifeng, keyTasks: shifeng.keyTasks.slice(0, 2), evaluation: readFixture('yanfeng').evaluation };
    const second = (await api.gql(IMPORT, { d: changed })).importPlanDocument;
    expect(second).toMatchObject({ created: false, userErrors: [] });
    const log = (await api.gql(IMPORTS, { p: planId })).auditLog;
    expect(log.totalCount).toBe(2);
    expect(log.nodes[0].importSummary).toEqual({
      documentHash: sha256(changed),
      source: shifeng.source,
      kind: 'target_table',
      created: false,
      status: 'DRAFT',
      replacedStatus: 'DRAFT',
      counts: await countsOf(planId),
      replacedCounts,
    });
    expect((await countsOf(planId)).keyTasks).toBe(2);
    // The ordinary edit in between stays a per-change entry; the re-import added no per-row entries.
    expect(await sql("select object_type, field from audit_entry where plan_id = ? and object_type != 'PlanImport'", [Number(planId)])).toEqual([
      { object_type: 'Indicator', field: 'targetText' },
    ]);

    // The replaced document is stored once, compressed, and given back whole to analysts and administrators.
    const [stored] = await sql("select replaced_document from audit_entry where object_type = 'PlanImport' order by id desc limit 1");
    expect(stored.replaced_document.length).toBeLessThan(JSON.stringify(before).length / 3);
    expect(JSON.parse(gunzipSync(stored.replaced_document).toString('utf8'))).toEqual(before);
    const REPLACED = 'query($p: ID!) { auditLog(planId: $p, objectType: "PlanImport") { nodes { replacedDocument } } }';
    expect((await api.gql(REPLACED, { p: planId })).auditLog.nodes).toEqual([{ replacedDocument: before }, { replacedDocument: null }]);
    const analyst = { id: 9, name: '分析人员', role: 'ANALYST' as const, departmentIds: [] };
    expect((await api.as(analyst).gql(REPLACED, { p: planId })).auditLog.nodes[0].replacedDocument.keyTasks).toHaveLength(5);
    const department = Number((await api.gql('query($id: ID!) { plan(id: $id) { department { id } } }', { id: planId })).plan.department.id);
    const planner = { id: 7, name: '石峰编报员', role: 'PLANNER' as const, departmentIds: [department] };
    const asPlanner = await api.as(planner).raw(`query($p: ID!) { auditLog(planId: $p, objectType: "PlanImport") { nodes { importSummary { documentHash } replacedDocument } } }`, { p: planId });
    expect(asPlanner.data?.auditLog.nodes[0]).toEqual({ importSummary: { documentHash: sha256(changed) }, replacedDocument: null });
    expect(asPlanner.errors?.[0].extensions?.code).toBe('UNAUTHORIZED');
  });

  it('replacing an approved plan needs a reason (REASON_REQUIRED, nothing written), which the entry records', async () => {
    api = await openApi();
    const shifeng = readFixture('shifeng');
    const planId = (await api.gql(IMPORT, { d: shifeng })).importPlanDocument.plan.id;
    await step('submitPlan', planId);
    expect((await step('approvePlan', planId)).approvePlan.plan.status).toBe('APPROVED');

    const unchanged = await api.dump();
    for (const reason of [null, '  ']) {
      const refused = (await api.gql(IMPORT, { d: shifeng, r: reason })).importPlanDocument;
      expect(refused).toMatchObject({ plan: null, userErrors: [{ code: 'REASON_REQUIRED', field: ['reason'] }] });
    }
    expect(await api.dump()).toEqual(unchanged);

    const replaced = (await api.gql(IMPORT, { d: shifeng, r: '财政批复后更正数据' })).importPlanDocument;
    expect(replaced).toMatchObject({ created: false, userErrors: [] });
    const entry = (await api.gql(IMPORTS, { p: planId })).auditLog.nodes[0];
    expect(entry).toMatchObject({ reason: '财政批复后更正数据', importSummary: { replacedStatus: 'APPROVED', created: false } });
  });
});

describe('pnpm cli import --reason', () => {
  it('refuses to replace an approved plan without --reason, writing nothing, and records the reason given', async () => {
    const db = join(folder, 'cli.sqlite');
    process.env.JIXIAO_DB = db;
    const lines: string[] = [];
    await runCli(['import', FIXTURES.shifeng], (line) => lines.push(line));
    api = await openApi(db);
    const planId = (await api.gql('{ plans { nodes { id } } }')).plans.nodes[0].id;
    await step('submitPlan', planId);
    await step('approvePlan', planId);
    const unchanged = await api.dump();

    await expect(runCli(['import', FIXTURES.shifeng], (line) => lines.push(line))).rejects.toThrow(/须填写原因[\s\S]*REASON_REQUIRED[\s\S]*未写入任何数据/);
    await expect(runCli(['import', FIXTURES.shifeng, '--reason'], (line) => lines.push(line))).rejects.toThrow(/--reason/);
    expect(await api.dump()).toEqual(unchanged);

    await runCli(['import', '--reason', '更正批复数据', FIXTURES.shifeng], (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/^替换 replaced/);
    const entries = (await api.gql(IMPORTS, { p: planId })).auditLog.nodes;
    expect(entries.map((entry: any) => [entry.userName, entry.reason, entry.importSummary.created])).toEqual([
      ['命令行 (CLI)', '更正批复数据', false],
      ['命令行 (CLI)', null, true],
    ]);
  }, 60_000);
});

describe('a large import', () => {
  it('writes one entry for thousands of rows', async () => {
    api = await openApi();
    const indicator = (i: number) => ({ level1: '产出指标', level2: '数量指标', name: `指标 ${i}`, target: '不少于12次', actual: null, weight: 1, score: null, deduction: null, remark: null, evidence: null });
    const document = { ...readFixture('shifeng'), indicators: Array.from({ length: 1500 }, (_, i) => indicator(i)) };
    expect((await api.gql(IMPORT, { d: document })).importPlanDocument.userErrors).toEqual([]);
    expect(await sql('select count(*) as n from audit_entry')).toEqual([{ n: 2 }]);
  });
});
