// Figures kept with the data (issue 11 items 1 and 6): each indicator's reading and gap, each line item's and
// plan's roll-up and the plan's checks are stored in columns, written in the transaction of every change
// that affects them. Proved here: what the writes store is what a rebuild from the texts stores; each kind
// of write refreshes the columns analysts query; refused input changes nothing; an existing database is
// filled in at start; an indicator copied from last year links to its predecessor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';
import { rebuildFigures } from '../../server/src/modules/plan/plan-figures.store.js';
import { rebuildFiguresCommand } from '../../server/src/cli/main.js';
import { computeFigures, FIGURES_VERSION, indicatorViews, renderFigures, targetView } from '../../server/src/modules/plan/plan-figures.service.js';
import { loadPlanContent } from '../../server/src/modules/plan/plan-content.js';
import { Plan } from '../../server/src/modules/plan/plan.entity.js';
import { indicatorValue } from '../../server/src/modules/indicator/indicator-value.type.js';
import { gapView } from '../../server/src/modules/indicator/gap.type.js';
import { microsOrNull } from '../../server/src/domain/decimal.js';
import type { EntityManager } from '@mikro-orm/sqlite';
import { departmentDocument, loadVocabulary } from '../../server/bench/province/generate.js';
import { random } from '../../server/bench/province/generate.js';

const folder = mkdtempSync(join(tmpdir(), 'jixiao-figures-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

const INDICATOR_COLUMNS =
  'id, reading_kind, reading_comparator, reading_value, reading_unit, reading_confidence, gap_status, completion, suggested_score, effective_score, score_lost, check_flags';
const ROLLUP_COLUMNS =
  'rollup_count, rollup_scored_count, rollup_pending_count, rollup_weight_total, rollup_score_total, rollup_computed_total, rollup_grade, rollup_grade_provisional, rollup_execution_rate, rollup_met_count, rollup_partial_count, rollup_not_met_count, rollup_text_target_count';

/** Every stored figure column of every plan. */
async function snapshot(target: Api = api): Promise<Record<string, unknown[]>> {
  const connection = target.orm.em.getConnection();
  return {
    indicator: await connection.execute(`select ${INDICATOR_COLUMNS} from indicator order by id`),
    line_item: await connection.execute(`select id, ${ROLLUP_COLUMNS} from line_item order by id`),
    plan: await connection.execute(`select id, figures_version, ${ROLLUP_COLUMNS} from plan order by id`),
    plan_check_count: await connection.execute('select plan_id, code, count from plan_check_count order by plan_id, code'),
  };
}


/**
 * Every indicator's API figures, rendered from the compact form computed when read (shared by rows that read
 * alike), are the views computed from its texts (every field and value), and so is the compact form after a
 * trip through JSON (as it was stored up to FIGURES_VERSION 2).
 */
async function expectRenderedAsComputed(target: Api = api): Promise<number> {
  const em = target.orm.em.fork() as EntityManager;
  const plans = await em.find(Plan, {});
  let compared = 0;
  for (const plan of plans) {
    const content = await loadPlanContent(em, plan.id);
    const computed = computeFigures(content);
    for (const indicator of content.indicators) {
      const { reading, gap, stored } = computed.indicators.get(indicator.id)!;
      const views = {
        target: targetView(indicator, reading),
        actual: reading.actual && indicatorValue(reading.actual),
        gap: gapView(gap, microsOrNull(indicator.score), microsOrNull(indicator.weight)),
      };
      // Every field and value, as the API serialises them.
      const expected = JSON.parse(JSON.stringify(views));
      expect(JSON.parse(JSON.stringify(await indicatorViews(em, indicator)))).toStrictEqual(expected);
      expect(JSON.parse(JSON.stringify(renderFigures(indicator, JSON.parse(JSON.stringify(stored)))))).toStrictEqual(expected);
      compared++;
    }
  }
  return compared;
}

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { code message } } }';

async function importFixture(name: 'shifeng' | 'yanfeng'): Promise<string> {
  const { importPlanDocument } = await api.gql(IMPORT, { d: readFixture(name) });
  expect(importPlanDocument.userErrors).toEqual([]);
  return importPlanDocument.plan.id;
}

interface Rows {
  indicators: { id: string; weight: string | null }[];
  lineItems: string[];
  leaves: string[];
}

async function rowsOf(planId: string): Promise<Rows> {
  const connection = api.orm.em.getConnection();
  const indicators = (await connection.execute('select id, weight from indicator where plan_id = ? order by id', [Number(planId)])) as { id: number; weight: number | null }[];
  const lineItems = (await connection.execute('select id, parent_id from line_item where plan_id = ? order by id', [Number(planId)])) as { id: number; parent_id: number | null }[];
  const parents = new Set(lineItems.map((item) => item.parent_id));
  return {
    indicators: indicators.map((row) => ({ id: String(row.id), weight: row.weight === null ? null : String(row.weight / 1e6) })),
    lineItems: lineItems.map((item) => String(item.id)),
    leaves: lineItems.filter((item) => !parents.has(item.id)).map((item) => String(item.id)),
  };
}

const TARGETS = ['不少于12次', '≥90%', '6万元以下', '良好', '合规', '按预算经费实施。', '90%-95%', '400余场', '/', '100%'];
const ACTUALS = ['10次', '92%', '5.5万元', '优', '合规', '已完成', '93%', '410场', '无', '未完成', '14次', null];

type Edit = (pick: <T>(list: T[]) => T, rows: Rows, planId: string) => Promise<unknown>;

const DRAFT_EDITS: Edit[] = [
  (pick, rows) => api.gql('mutation($id: ID!, $v: String) { setIndicatorTarget(id: $id, target: $v) { userErrors { code } } }', { id: pick(rows.indicators).id, v: pick(TARGETS) }),
  (pick, rows) =>
    api.gql('mutation($id: ID!, $s: StructuredTargetInput) { setIndicatorTarget(id: $id, target: "12次", structured: $s) { userErrors { code } } }', {
      id: pick(rows.indicators).id,
      s: { comparator: 'GTE', value: pick(['10', '12', '15']), unit: '次' },
    }),
  (pick, rows) => api.gql('mutation($id: ID!, $v: Decimal) { setIndicatorWeight(id: $id, weight: $v) { userErrors { code } } }', { id: pick(rows.indicators).id, v: pick(['2', '5', '10', null]) }),
  (pick, rows) => api.gql('mutation($id: ID!, $v: String) { updateIndicator(id: $id, fields: { name: $v, level1Label: "效益指标" }) { userErrors { code } } }', { id: pick(rows.indicators).id, v: pick(['社会效益', '成本控制在预算以内']) }),
  (pick, rows, planId) =>
    api.gql('mutation($input: AddIndicatorInput!) { addIndicator(input: $input) { userErrors { code } } }', {
      input: { planId, lineItemId: pick([null, ...rows.lineItems]), position: 0, fields: { level1Label: pick(['产出指标', '满意度指标']), name: '新指标', target: pick(TARGETS), weight: '5' } },
    }),
  (pick, rows) => api.gql('mutation($input: MoveIndicatorInput!) { moveIndicator(input: $input) { userErrors { code } } }', { input: { id: pick(rows.indicators).id, lineItemId: pick([null, ...rows.leaves]), position: 0 } }),
  (pick, rows) => api.gql('mutation($id: ID!) { deleteIndicator(id: $id) { userErrors { code } } }', { id: pick(rows.indicators).id }),
  (pick, rows, planId) =>
    api.gql('mutation($input: AddLineItemInput!) { addLineItem(input: $input) { userErrors { code } } }', {
      input: { planId, parentId: pick([null, ...rows.lineItems]), fields: { name: '新专项', amounts: { initial: '3', fullYear: '4', actual: pick(['2', '4']) } } },
    }),
  (pick, rows) => api.gql('mutation($id: ID!, $a: Decimal) { updateLineItem(id: $id, fields: { amounts: { fullYear: "10", actual: $a } }) { userErrors { code } } }', { id: pick(rows.lineItems), a: pick(['9.5', '12']) }),
  (pick, rows) => api.gql('mutation($id: ID!) { moveLineItem(id: $id, position: 0, parentId: null) { userErrors { code } } }', { id: pick(rows.leaves) }),
  (pick, rows) => api.gql('mutation($id: ID!) { deleteLineItem(id: $id) { userErrors { code } } }', { id: pick(rows.leaves) }),
  (pick, _rows, planId) =>
    api.gql('mutation($input: SetBudgetLineInput!) { setBudgetLine(input: $input) { userErrors { code } } }', { input: { planId, category: pick(['TOTAL', 'BASIC', 'PROJECT']), amounts: { initial: pick(['100', '267.5915']) } } }),
  (pick, _rows, planId) =>
    api.gql('mutation($p: ID!, $w: [SectionWeightInput!]) { setSectionWeights(planId: $p, weights: $w) { userErrors { code } } }', {
      p: planId,
      w: pick([null, [{ level1: 'BUDGET_EXECUTION', weight: '20' }, { level1: 'OUTPUT', weight: '40' }, { level1: 'OUTCOME', weight: '30' }, { level1: 'SATISFACTION', weight: '10' }]]),
    }),
];

const EVALUATION_EDITS: Edit[] = [
  (pick, rows) => api.gql('mutation($id: ID!, $v: String) { recordIndicatorActual(id: $id, actual: $v) { userErrors { code } } }', { id: pick(rows.indicators).id, v: pick(ACTUALS) }),
  (pick, rows) => api.gql('mutation($id: ID!, $v: String) { recordIndicatorActual(id: $id, actual: $v) { userErrors { code } } }', { id: pick(rows.indicators).id, v: pick(ACTUALS) }),
  (pick, rows) => {
    const row = pick(rows.indicators);
    return api.gql('mutation($id: ID!, $v: Decimal) { scoreIndicator(id: $id, score: $v, reason: "宣讲覆盖面不足，未达到计划场次") { userErrors { code } } }', { id: row.id, v: pick(['0', '1', row.weight ?? '1', null]) });
  },
  (pick, rows) => api.gql('mutation($id: ID!, $r: String) { setIndicatorDeviationReason(id: $id, reason: $r) { userErrors { code } } }', { id: pick(rows.indicators).id, r: pick(['受疫情影响，部分活动延期举办', null]) }),
  (pick, rows) => api.gql('mutation($id: ID!, $v: Decimal) { setIndicatorWeight(id: $id, weight: $v) { userErrors { code } } }', { id: pick(rows.indicators).id, v: pick(['5', '10']) }),
  (pick, rows) => api.gql('mutation($id: ID!, $v: String) { setIndicatorTarget(id: $id, target: $v, reason: "年中调整") { userErrors { code } } }', { id: pick(rows.indicators).id, v: pick(TARGETS) }),
  (pick, _rows, planId) =>
    api.gql('mutation($input: RecordSpendingInput!) { recordSpending(input: $input) { userErrors { code } } }', { input: { planId, category: 'TOTAL', fullYear: '563.72', actual: pick(['500', '563.72', '600']) } }),
  (pick, rows, planId) => api.gql('mutation($input: RecordSpendingInput!) { recordSpending(input: $input) { userErrors { code } } }', { input: { planId, lineItemId: pick(rows.lineItems), actual: pick(['1', '8']) } }),
  (pick, _rows, planId) =>
    api.gql('mutation($p: ID!, $i: ExecutionScoringInput) { setExecutionScoring(planId: $p, input: $i) { userErrors { code } } }', { p: planId, i: pick([null, { profile: 'STEPWISE' }]) }),
  (_pick, _rows, planId) => api.gql('mutation($input: UpdateEvaluationInput!) { updateEvaluation(input: $input) { userErrors { code } } }', { input: { planId, problems: ['宣传覆盖面有待提高'] } }),
];

/** Applies `count` random edits; returns how many were accepted (some are refused, and change nothing). */
async function randomEdits(planId: string, edits: Edit[], count: number, next: () => number): Promise<number> {
  const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)];
  let accepted = 0;
  for (let i = 0; i < count; i++) {
    const rows = await rowsOf(planId);
    if (!rows.indicators.length || !rows.leaves.length) break;
    const data = (await pick(edits)(pick, rows, planId)) as Record<string, { userErrors: unknown[] }>;
    if (!Object.values(data)[0].userErrors.length) accepted++;
  }
  return accepted;
}

async function openEvaluation(planId: string): Promise<void> {
  for (const step of ['submitPlan', 'approvePlan', 'startEvaluation']) {
    const result = (await api.gql(`mutation($id: ID!) { ${step}(id: $id) { userErrors { code message } } }`, { id: planId }))[step];
    expect(result.userErrors).toEqual([]);
  }
}

describe('stored figures', () => {
  it('what the writes store is what a rebuild from the texts stores (demo plans, random edits)', async () => {
    const plans = [await importFixture('shifeng'), await importFixture('yanfeng')];
    const next = random(20261201);
    let accepted = 0;
    for (const planId of plans) accepted += await randomEdits(planId, DRAFT_EDITS, 40, next);
    for (const planId of plans) {
      const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { status } }', { id: planId });
      if (plan.status === 'DRAFT') await openEvaluation(planId);
      accepted += await randomEdits(planId, EVALUATION_EDITS, 40, next);
    }
    expect(accepted).toBeGreaterThan(60);
    const copy = await api.gql('mutation($d: ID!, $from: ID!) { createPlan(input: { departmentId: $d, year: 2022, copyFromPlanId: $from }) { plan { id } userErrors { code } } }', {
      d: (await api.gql('query($id: ID!) { plan(id: $id) { department { id } } }', { id: plans[0] })).plan.department.id,
      from: plans[0],
    });
    expect(copy.createPlan.userErrors).toEqual([]);

    expect(await expectRenderedAsComputed()).toBeGreaterThan(50);
    const incremental = await snapshot();
    expect(incremental.indicator.every((row: any) => row.gap_status !== null)).toBe(true);
    expect((incremental.plan as any[]).every((row) => row.figures_version === FIGURES_VERSION && row.rollup_count !== null)).toBe(true);
    await rebuildFigures(api.orm.em.fork() as EntityManager);
    expect(await snapshot()).toEqual(incremental);
  }, 120_000);

  it('an import stores, from its rows in memory, what a rebuild from the texts stores (fixtures, generated departments, a re-import)', async () => {
    const vocabulary = loadVocabulary();
    const documents = [readFixture('shifeng'), readFixture('yanfeng'), ...Array.from({ length: 6 }, (_, index) => departmentDocument(index + 1, vocabulary, 7))];
    // A re-import of the same department and year replaces the plan (its evaluation and sections too).
    documents.push({ ...readFixture('yanfeng'), evaluation: { ...readFixture('yanfeng').evaluation, totalScore: 91 } });
    for (const document of documents) {
      const { importPlanDocument } = await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d, reason: "重新导入") { userErrors { code message } } }', { d: document });
      expect(importPlanDocument.userErrors).toEqual([]);
    }
    const imported = await snapshot();
    expect(imported.indicator.length).toBeGreaterThan(500);
    await rebuildFigures(api.orm.em.fork() as EntityManager);
    expect(await snapshot()).toEqual(imported);
    expect(await expectRenderedAsComputed()).toBe(imported.indicator.length);
  });

  // storeIndicatorFigures writes only what a single-indicator change changes (compared before and after on the
  // same rows, the check counts changed by the difference): after every few writes, a rebuild from the texts
  // finds every stored column and count as written. Plan-level rows (the plan's roll-up, the stated total's
  // findings), 子项 rows (their chain), scores to re-confirm, the same value written again.
  it('single-indicator writes store what a rebuild from the texts stores (fixtures, generated plans, checked every few writes)', async () => {
    const vocabulary = loadVocabulary();
    const stated = { ...readFixture('yanfeng').evaluation, totalScore: 85, grade: '良' };
    const documents = [readFixture('shifeng'), readFixture('yanfeng'), departmentDocument(1, vocabulary, 7), { ...departmentDocument(2, vocabulary, 7), evaluation: stated }];
    const plans: string[] = [];
    for (const document of documents) {
      const { importPlanDocument } = await api.gql(IMPORT, { d: document });
      expect(importPlanDocument.userErrors).toEqual([]);
      plans.push(importPlanDocument.plan.id);
    }
    for (const planId of plans) {
      const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { status } }', { id: planId });
      if (plan.status === 'DRAFT') await openEvaluation(planId);
    }
    const rows = new Map<string, Rows>();
    for (const planId of plans) rows.set(planId, await rowsOf(planId));
    const next = random(20261204);
    const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)];
    const edits: Edit[] = [...EVALUATION_EDITS.slice(0, 6), EVALUATION_EDITS[0], EVALUATION_EDITS[0]];
    let accepted = 0;
    let compared = 0;
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 25; i++) {
        const planId = pick(plans);
        const data = (await pick(edits)(pick, rows.get(planId)!, planId)) as Record<string, { userErrors: unknown[] }>;
        if (!Object.values(data)[0].userErrors.length) accepted++;
      }
      const written = await snapshot();
      await rebuildFigures(api.orm.em.fork() as EntityManager);
      expect(await snapshot(), `round ${round}`).toEqual(written);
      compared++;
    }
    expect(accepted).toBeGreaterThan(120);
    expect(compared).toBe(8);
  }, 120_000);

  it('a single-indicator write refreshes the indicator, its line-item chain and its plan in the columns analysts query', async () => {
    const planId = await importFixture('yanfeng');
    const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { status indicators { id name targetText weight } } }', { id: planId });
    if (plan.status === 'DRAFT') await openEvaluation(planId);
    const row = plan.indicators.find((indicator: any) => /^≥?\s*\d/.test(indicator.targetText ?? '') && indicator.weight);
    const connection = api.orm.em.getConnection();
    const before = await snapshot();

    const recorded = await api.gql('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "0") { indicator { gap { status completion suggestedScore } } plan { rollup { scoreTotal } } userErrors { code } } }', { id: row.id });
    expect(recorded.recordIndicatorActual.userErrors).toEqual([]);
    const [stored] = await connection.execute('select gap_status, completion, suggested_score, effective_score, score_lost, weight, score from indicator where id = ?', [Number(row.id)]);
    const gap = recorded.recordIndicatorActual.indicator.gap;
    expect(stored.gap_status).toBe(gap.status);
    expect(stored.completion).toBe(gap.completion === null ? null : Math.round(Number(gap.completion) * 1e6));
    const counted = stored.score ?? stored.suggested_score;
    expect(stored.effective_score).toBe(counted);
    expect(stored.score_lost).toBe(counted === null ? null : stored.weight - counted);

    const [planRow] = await connection.execute('select rollup_score_total, rollup_not_met_count, rollup_met_count from plan where id = ?', [Number(planId)]);
    expect(planRow.rollup_score_total).toBe(Math.round(Number(recorded.recordIndicatorActual.plan.rollup.scoreTotal) * 1e6));
    expect(await snapshot()).not.toEqual(before);
    const afterWrite = await snapshot();
    await rebuildFigures(api.orm.em.fork() as EntityManager);
    expect(await snapshot()).toEqual(afterWrite);
  });

  it('an analyst filters indicators by gap status and sums roll-ups in SQL', async () => {
    await importFixture('yanfeng');
    const connection = api.orm.em.getConnection();
    const byStatus = (await connection.execute('select gap_status, count(*) as n from indicator group by gap_status order by gap_status')) as { gap_status: string; n: number }[];
    const { plans } = await api.gql('{ plans { nodes { rollup { statusCounts { status count } } } } }');
    const fromApi = Object.fromEntries(plans.nodes[0].rollup.statusCounts.filter((entry: any) => entry.count).map((entry: any) => [entry.status, entry.count]));
    const planLevel = (await connection.execute('select gap_status, count(*) as n from indicator where line_item_id is null group by gap_status')) as { gap_status: string; n: number }[];
    expect(Object.fromEntries(planLevel.map((entry) => [entry.gap_status, entry.n]))).toEqual(fromApi);
    expect(byStatus.length).toBeGreaterThan(0);
    const counts = (await connection.execute('select code, count from plan_check_count order by code')) as { code: string; count: number }[];
    const { plans: withChecks } = await api.gql('{ plans { nodes { checks { code } } } }');
    const expected = new Map<string, number>();
    for (const { code } of withChecks.nodes[0].checks) expected.set(code, (expected.get(code) ?? 0) + 1);
    expect(counts).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => ({ code, count })));
  });

  it('refused input changes no stored figure', async () => {
    const planId = await importFixture('yanfeng');
    const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { status indicators { id weight } } }', { id: planId });
    if (plan.status === 'DRAFT') await openEvaluation(planId);
    const row = plan.indicators.find((indicator: any) => indicator.weight);
    const before = await api.dump();
    const refused = await api.gql('mutation($id: ID!) { scoreIndicator(id: $id, score: "1000", reason: "过高") { userErrors { code } } }', { id: row.id });
    expect(refused.scoreIndicator.userErrors).not.toEqual([]);
    const spending = await api.gql('mutation($p: ID!) { recordSpending(input: { planId: $p, category: TOTAL, actual: "-5" }) { userErrors { code } } }', { p: planId });
    expect(spending.recordSpending.userErrors).not.toEqual([]);
    expect(await api.dump()).toEqual(before);
  });

  it('an existing database is filled in at start, and `rebuild-figures` recomputes a plan from its texts', async () => {
    const file = join(folder, 'existing.sqlite');
    const first = await openApi(file);
    const { importPlanDocument } = await first.gql(IMPORT, { d: readFixture('shifeng') });
    const stored = await snapshot(first);
    // As a database from before the stored figures: the columns empty, the version 0.
    const connection = first.orm.em.getConnection();
    await connection.execute('update indicator set gap_status = null, check_flags = null, reading_kind = null, completion = null, suggested_score = null, effective_score = null, score_lost = null');
    await connection.execute('update plan set figures_version = 0, rollup_count = null');
    await first.close();
    const second = await openApi(file);
    expect(await snapshot(second)).toEqual(stored);

    await second.orm.em.getConnection().execute('update indicator set check_flags = null, gap_status = null');
    const lines: string[] = [];
    await rebuildFiguresCommand(second.orm, ['--plan', importPlanDocument.plan.id], (line) => lines.push(line));
    expect(lines).toEqual([`重新计算 rebuilt  plan ${importPlanDocument.plan.id}`, '共 1 个计划 (1 plans)']);
    expect(await snapshot(second)).toEqual(stored);
    await second.close();
  });
});

describe('year over year (issue 11 item 6)', () => {
  it('an indicator copied from last year links to its predecessor: targets and actuals of both years in one query', async () => {
    const planId = await importFixture('yanfeng');
    const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { year department { id } indicators { id name targetText actualText } } }', { id: planId });
    const created = await api.gql('mutation($d: ID!, $y: Int!, $from: ID!) { createPlan(input: { departmentId: $d, year: $y, copyFromPlanId: $from }) { plan { id } userErrors { code } } }', {
      d: plan.department.id,
      y: plan.year + 1,
      from: planId,
    });
    expect(created.createPlan.userErrors).toEqual([]);
    const { plan: next } = await api.gql('query($id: ID!) { plan(id: $id) { indicators { name targetText actualText previous { id name targetText actualText plan { year } } } } }', {
      id: created.createPlan.plan.id,
    });
    expect(next.indicators.length).toBe(plan.indicators.length);
    next.indicators.forEach((indicator: any, index: number) => {
      const before = plan.indicators[index];
      expect(indicator.previous).toEqual({ id: before.id, name: before.name, targetText: before.targetText, actualText: before.actualText, plan: { year: plan.year } });
      expect(indicator.actualText).toBeNull();
    });

    // Deleting last year's indicator leaves this year's without a predecessor (on delete set null).
    await api.orm.em.getConnection().execute('update plan set status = ? where id = ?', ['DRAFT', Number(planId)]);
    const removed = await api.gql('mutation($id: ID!) { deleteIndicator(id: $id) { userErrors { code } } }', { id: plan.indicators[0].id });
    expect(removed.deleteIndicator.userErrors).toEqual([]);
    const { plan: after } = await api.gql('query($id: ID!) { plan(id: $id) { indicators { previous { id } } } }', { id: created.createPlan.plan.id });
    expect(after.indicators[0].previous).toBeNull();
    expect(after.indicators[1].previous).not.toBeNull();
  });

  it('a department planner never sees another department\'s indicator through `previous`', async () => {
    const planId = await importFixture('yanfeng');
    const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { year department { id } } }', { id: planId });
    const other = (await api.gql('mutation { createDepartment(input: { name: "其他部门" }) { department { id } } }')).createDepartment.department.id;
    const created = await api.gql('mutation($d: ID!, $from: ID!) { createPlan(input: { departmentId: $d, year: 2030, copyFromPlanId: $from }) { plan { id } userErrors { code } } }', { d: other, from: planId });
    const planner = api.as({ id: 99, name: '他部门编报', role: 'PLANNER', departmentIds: [Number(other)] });
    const { plan: copy } = await planner.gql('query($id: ID!) { plan(id: $id) { indicators { previous { id } } } }', { id: created.createPlan.plan.id });
    expect(copy.indicators.length).toBeGreaterThan(0);
    expect(copy.indicators.every((indicator: any) => indicator.previous === null)).toBe(true);
    expect(plan.year).toBe(2024);
  });
});
