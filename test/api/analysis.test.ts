/**
 * Issue 11 items 2, 3 and 5: the analysts' questions across departments and years, answered on the server
 * — `indicators(filter, orderBy, first/after, last/before)` and `planStats(filter, groupBy)` — over the two
 * demo documents (石峰 2021 target table, 雁峰 2024 self-evaluation). Keyset cursors hold under inserts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id department { id } } userErrors { code message } } }';

const INDICATORS = `query($f: IndicatorFilter, $o: IndicatorOrder, $first: Int, $after: String, $last: Int, $before: String) {
  indicators(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor }
    nodes { id name level1 targetText actualText weight path plan { id year department { name } } }
  }
}`;

describe('indicators across plans', () => {
  let api: Api;
  let shifeng: { plan: string; department: string };
  let yanfeng: { plan: string; department: string };

  beforeAll(async () => {
    api = await openApi();
    for (const [name, fixture] of [
      ['shifeng', 'shifeng'],
      ['yanfeng', 'yanfeng'],
    ] as const) {
      const { importPlanDocument } = await api.gql(IMPORT, { d: readFixture(fixture) });
      expect(importPlanDocument.userErrors).toEqual([]);
      const ids = { plan: importPlanDocument.plan.id, department: importPlanDocument.plan.department.id };
      if (name === 'shifeng') shifeng = ids;
      else yanfeng = ids;
    }
  });
  afterAll(() => api?.close());

  const list = async (variables: Record<string, unknown>, who: Pick<Api, 'gql'> = api) => (await who.gql(INDICATORS, variables)).indicators;

  it('lists every indicator of every plan, each reaching its plan, department and line-item path', async () => {
    const all = await list({ first: 100 });
    expect(all.totalCount).toBe(9 + 45 + 11);
    expect(all.nodes).toHaveLength(65);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const byYear: Record<string, any[]> = {};
    for (const node of all.nodes) (byYear[node.plan.year] ??= []).push(node);
    expect(byYear['2021']).toHaveLength(54);
    expect(byYear['2024']).toHaveLength(11);
    expect(byYear['2024']![0].plan.department.name).toBe('中共雁峰区委宣传部');
    // Plan-level rows have no path; line-item rows name 专项 › 子项.
    expect(byYear['2024']!.every((node) => node.path.length === 0)).toBe(true);
    const paths = new Set(byYear['2021']!.map((node) => node.path.join(' › ')));
    expect(paths).toContain('业务性专项经费 › 文明建设和文明创建');
    expect(paths).toContain('融媒体中心经费 › 宣传经费');
    expect(paths).toContain('');
  });

  it('filters by year, department, region, level, target/actual, weight and text', async () => {
    expect((await list({ f: { years: [2024] } })).totalCount).toBe(11);
    expect((await list({ f: { years: [2021, 2024] } })).totalCount).toBe(65);
    expect((await list({ f: { years: [2023] } })).totalCount).toBe(0);
    expect((await list({ f: { departmentIds: [shifeng.department] } })).totalCount).toBe(54);
    expect((await list({ f: { planIds: [yanfeng.plan] } })).totalCount).toBe(11);
    expect((await list({ f: { region: '衡阳' } })).totalCount).toBe(11);
    expect((await list({ f: { region: '湖南省' } })).totalCount).toBe(65);
    const satisfaction = await list({ first: 100, f: { level1: ['SATISFACTION'] } });
    expect(satisfaction.totalCount).toBeGreaterThan(0);
    expect(satisfaction.nodes.every((node: any) => node.level1 === 'SATISFACTION')).toBe(true);
    const withActual = await list({ first: 100, f: { hasActual: true } });
    expect(withActual.nodes.every((node: any) => node.plan.year === 2024 && node.actualText.trim() !== '')).toBe(true);
    expect((await list({ f: { hasActual: false } })).totalCount).toBe(65 - withActual.totalCount);
    expect((await list({ f: { hasTarget: true } })).totalCount + (await list({ f: { hasTarget: false } })).totalCount).toBe(65);
    const heavy = await list({ first: 100, f: { weight: { min: '10' } } });
    expect(heavy.totalCount).toBeGreaterThan(0);
    expect(heavy.nodes.every((node: any) => Number(node.weight) >= 10)).toBe(true);
    const band = await list({ first: 100, f: { weight: { min: '5', max: '5' } } });
    expect(band.nodes.every((node: any) => node.weight === '5')).toBe(true);
    const text = await list({ first: 100, f: { text: '满意度' } });
    expect(text.totalCount).toBeGreaterThan(0);
    expect(text.nodes.every((node: any) => [node.name, node.targetText, node.actualText].some((value) => value?.includes('满意度')))).toBe(true);
    // LIKE wildcards are literal: "%" matches only a text that contains a percent sign.
    const percent = await list({ first: 100, f: { text: '%' } });
    expect(percent.nodes.every((node: any) => [node.name, node.targetText, node.actualText].some((value) => value?.includes('%')))).toBe(true);
  });

  it('refuses bad input with typed errors naming the argument', async () => {
    const refused = async (variables: Record<string, unknown>, argumentName: string, code?: string) => {
      const reply = await api.raw(INDICATORS, variables);
      expect(reply.errors, JSON.stringify(variables)).toHaveLength(1);
      expect(reply.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      if (code) expect(reply.errors![0].extensions.userErrors[0].code).toBe(code);
      return reply.errors![0];
    };
    await refused({ f: { weight: { min: '10', max: '5' } } }, 'filter', 'OUT_OF_RANGE');
    // Not a decimal: the Decimal scalar refuses the variable before the resolver runs.
    expect((await api.raw(INDICATORS, { f: { weight: { min: 'abc' } } })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    await refused({ f: { years: Array.from({ length: 51 }, (_, index) => 2000 + index) } }, 'filter', 'TOO_MANY');
    await refused({ f: { years: [1999] } }, 'filter', 'OUT_OF_RANGE');
    await refused({ f: { departmentIds: ['abc'] } }, 'filter', 'NOT_FOUND');
    await refused({ f: { text: 'x'.repeat(501) } }, 'filter', 'TOO_LONG');
    await refused({ after: 'nonsense' }, 'after');
    await refused({ first: 0 }, 'first');
    await refused({ first: 101 }, 'first');
    await refused({ first: 1, last: 1 }, 'last');
    // A cursor of another ordering is not read as one of this ordering.
    const page = await list({ first: 2, o: { field: 'YEAR', direction: 'ASC' } });
    const other = await refused({ first: 2, after: page.pageInfo.endCursor, o: { field: 'DEPARTMENT', direction: 'ASC' } }, 'after');
    expect(other.message).toContain('另一种排序');
  });

  it('orders by year and by department, ties by id, in either direction', async () => {
    const years = (await list({ first: 100, o: { field: 'YEAR', direction: 'DESC' } })).nodes.map((node: any) => node.plan.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years[0]).toBe(2024);
    const byDepartment = (await list({ first: 100, o: { field: 'DEPARTMENT', direction: 'ASC' } })).nodes;
    const ids = byDepartment.map((node: any) => Number(node.id));
    const departments = byDepartment.map((node: any) => node.plan.department.name);
    expect(departments).toEqual([...departments].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // Within one department, ascending ids.
    const sameDepartment = ids.filter((_: number, index: number) => departments[index] === departments[0]);
    expect(sameDepartment).toEqual([...sameDepartment].sort((a, b) => a - b));
  });

  it('pages forward and backward with cursors that hold their place when rows are inserted before them', async () => {
    const order = { field: 'ID', direction: 'DESC' };
    const everything = (await list({ first: 100, o: order })).nodes.map((node: any) => node.id);
    const first = await list({ first: 10, o: order });
    expect(first.nodes.map((node: any) => node.id)).toEqual(everything.slice(0, 10));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);

    // A new indicator sorts first (highest id, descending): an offset would now repeat a row.
    const added = await api.gql('mutation($p: ID!) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", name: "新增指标", target: "≥1次" } }) { indicator { id } userErrors { code } } }', { p: shifeng.plan });
    expect(added.addIndicator.userErrors).toEqual([]);
    const second = await list({ first: 10, after: first.pageInfo.endCursor, o: order });
    expect(second.nodes.map((node: any) => node.id)).toEqual(everything.slice(10, 20));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(second.totalCount).toBe(66);

    // last/before: the ten rows before the second page's first row, in order.
    const back = await list({ last: 10, before: second.pageInfo.startCursor, o: order });
    expect(back.nodes.map((node: any) => node.id)).toEqual(everything.slice(0, 10));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true }); // the new row precedes them now
    const tail = await list({ last: 5, o: order });
    expect(tail.nodes.map((node: any) => node.id)).toEqual(everything.slice(-5));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // Walking the whole list in pages of 7 by score order gives every row once.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await list({ first: 7, after, o: { field: 'DEPARTMENT', direction: 'DESC' } });
      seen.push(...page.nodes.map((node: any) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(66);
    expect(new Set(seen).size).toBe(66);

    await api.gql('mutation($id: ID!) { deleteIndicator(id: $id) { userErrors { code } } }', { id: added.addIndicator.indicator.id });
  });

  it('filters and orders by the stored figures: gap status, target kind, score lost, completion', async () => {
    const count = async (filter: Record<string, unknown>) => (await list({ f: filter })).totalCount;
    // 雁峰 2024: 3 rows 达成 (合规, ≥90%, 预算执行率), 8 text targets an evaluator judges; 石峰 2021 has no actuals.
    expect(await count({ years: [2024], gapStatuses: ['MET'] })).toBe(3);
    expect(await count({ years: [2024], gapStatuses: ['NEEDS_JUDGEMENT'] })).toBe(8);
    expect(await count({ gapStatuses: ['PENDING'] })).toBe(54);
    expect(await count({ gapStatuses: ['NOT_MET', 'PARTIAL'] })).toBe(0);
    expect(await count({ targetKinds: ['TEXT'] })).toBe(10);
    expect(await count({ years: [2021], targetKinds: ['QUANTITY'], targetConfidences: ['HIGH', 'MEDIUM', 'LOW'] })).toBe(34);
    // The one row that lost points: 预算执行率, 9 of 10 (the evaluator docked a point at 99.99%).
    const lost = await list({ first: 100, f: { scoreLost: { min: '0.000001' } } });
    expect(lost.nodes.map((node: any) => [node.name, node.weight])).toEqual([['预算执行率', '10']]);
    const scored = await api.gql('{ indicators(first: 3, orderBy: { field: SCORE_LOST, direction: DESC }) { nodes { name gap { scoreLost effectiveScore } } } }');
    expect(scored.indicators.nodes[0]).toEqual({ name: '预算执行率', gap: { scoreLost: '1', effectiveScore: '9' } });
    expect(scored.indicators.nodes[1].gap.scoreLost).toBe('0');
    // Rows without a score lost (no 分值 or no score) come last in both directions.
    const ascending = (await list({ first: 100, o: { field: 'SCORE_LOST', direction: 'ASC' } })).nodes;
    expect(ascending.slice(0, 11).every((node: any) => node.plan.year === 2024 && node.weight !== null)).toBe(true);
    expect(ascending[11].plan.year).toBe(2021);
    expect((await list({ f: { completion: { min: '1' } } })).totalCount).toBe(3);
    // Keyset paging through a nullable key gives every row once.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await list({ first: 4, after, o: { field: 'COMPLETION', direction: 'DESC' } });
      seen.push(...page.nodes.map((node: any) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(65);
  });

  it('shows a planner only the plans of their own department', async () => {
    const planner = api.as({ id: 9, name: '石峰编报', role: 'PLANNER', departmentIds: [Number(shifeng.department)] });
    const mine = await list({ first: 100 }, planner);
    expect(mine.totalCount).toBe(54);
    expect(mine.nodes.every((node: any) => node.plan.id === shifeng.plan)).toBe(true);
    expect((await list({ f: { departmentIds: [yanfeng.department] } }, planner)).totalCount).toBe(0);
    const nobody = api.as({ id: 10, name: '无部门', role: 'EVALUATOR', departmentIds: [] });
    expect((await list({}, nobody)).totalCount).toBe(0);
    const analyst = api.as({ id: 11, name: '分析', role: 'ANALYST', departmentIds: [] });
    expect((await list({}, analyst)).totalCount).toBe(65);
    const anonymous = await api.as(null).raw(INDICATORS, {});
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

const PLAN_STATS = `query($f: PlanScopeFilter, $g: [PlanStatsGroup!]) {
  planStats(filter: $f, groupBy: $g) {
    departmentId department { name } year region planCount
    budget { category label initial adjustment fullYear actual carryover planCount }
    executionRate executionRatePercent indicatorCount
    statusCounts { status count } textTargetCount textTargetShare
    scoredPlanCount scoreTotal averageScore gradeCounts { grade label count provisionalCount }
    checkCounts { code count planCount }
  }
}`;

describe('planStats', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi();
    for (const fixture of ['shifeng', 'yanfeng'] as const) await api.gql(IMPORT, { d: readFixture(fixture) });
  });
  afterAll(() => api?.close());

  it('sums the budget exactly, per category and stage, in one row without groups', async () => {
    const [total] = (await api.gql(PLAN_STATS, {})).planStats;
    expect(total).toMatchObject({ departmentId: null, year: null, region: null, planCount: 2, indicatorCount: 65 });
    const row = (category: string) => total.budget.find((line: any) => line.category === category);
    // 石峰 2021 initial 267.5915 (合计) + 雁峰 2024 (no initial 合计) — exact decimals, never floats.
    expect(row('TOTAL')).toMatchObject({ initial: '267.5915', fullYear: '563.72', actual: '563.72', adjustment: null, carryover: null, planCount: 2 });
    // 177.59151 + 175.16 = 352.75151
    expect(row('BASIC')).toMatchObject({ initial: '352.75151', fullYear: '225.33', actual: '225.33', planCount: 2 });
    // 90 + 562.15
    expect(row('PROJECT')).toMatchObject({ initial: '652.15', fullYear: '563.72', actual: '563.72' });
    expect(row('PERSONNEL')).toMatchObject({ initial: null, actual: '211.82', planCount: 1 });
    // Σ actual ÷ Σ full-year of the total row over plans stating both: 563.72 / 563.72.
    expect(total.executionRate).toBe('1');
    expect(total.executionRatePercent).toBe('100%');
    expect(total.budget.map((line: any) => line.category).indexOf('TOTAL')).toBe(0);
  });

  it('counts statuses, vague targets, grades and checks from the stored figures, exactly', async () => {
    const [total] = (await api.gql(PLAN_STATS, {})).planStats;
    const statuses = Object.fromEntries(total.statusCounts.map((row: any) => [row.status, row.count]));
    expect(statuses).toEqual({ PENDING: 54, MET: 3, PARTIAL: 0, NOT_MET: 0, NOT_APPLICABLE: 0, NEEDS_JUDGEMENT: 8, INCOMPARABLE: 0 });
    // 3 text targets in 2021, 7 in 2024, of 65: 10 / 65 = 0.153846…
    expect(total.textTargetCount).toBe(10);
    expect(total.textTargetShare).toBe('0.153846');
    // Only 2024 is scored: rows weigh 90 and score 89, so 89 ÷ 90 × 100 = 98.89 → 优 (README).
    expect(total).toMatchObject({ scoredPlanCount: 1, scoreTotal: '98.89', averageScore: '98.89' });
    expect(total.gradeCounts).toEqual([
      { grade: 'EXCELLENT', label: '优', count: 1, provisionalCount: 0 },
      { grade: 'GOOD', label: '良', count: 0, provisionalCount: 0 },
      { grade: 'FAIR', label: '中', count: 0, provisionalCount: 0 },
      { grade: 'POOR', label: '差', count: 0, provisionalCount: 0 },
    ]);
    // DOMAIN.md §7: 合计 ≠ 基本 + 项目 in 002 (initial) and in 004 (full year and actual).
    expect(total.checkCounts.find((row: any) => row.code === 'TOTAL_NATURE_SUM')).toEqual({ code: 'TOTAL_NATURE_SUM', count: 3, planCount: 2 });
    expect(total.checkCounts.find((row: any) => row.code === 'STATED_TOTAL_MISMATCH')).toEqual({ code: 'STATED_TOTAL_MISMATCH', count: 1, planCount: 1 });
    const codes = total.checkCounts.map((row: any) => row.code);
    expect(codes).toEqual([...codes].sort());
    // Filters on the plans' own figures.
    const rate = async (range: Record<string, string>) => (await api.gql(PLAN_STATS, { f: { executionRate: range } })).planStats[0].planCount;
    expect(await rate({ max: '0.9' })).toBe(0);
    expect(await rate({ min: '1' })).toBe(1);
    expect((await api.gql(PLAN_STATS, { f: { grades: ['EXCELLENT'] } })).planStats[0]).toMatchObject({ planCount: 1, indicatorCount: 11 });
    // Without groups there is always the one total row, empty or not.
    expect((await api.gql(PLAN_STATS, { f: { grades: ['POOR'] } })).planStats).toMatchObject([{ planCount: 0, indicatorCount: 0, budget: [], executionRate: null, averageScore: null }]);
    expect((await api.gql(PLAN_STATS, { f: { grades: ['POOR'] }, g: ['YEAR'] })).planStats).toEqual([]);
  });

  it('groups by department, year and region', async () => {
    const byYear = (await api.gql(PLAN_STATS, { g: ['YEAR'] })).planStats;
    expect(byYear.map((row: any) => [row.year, row.planCount, row.indicatorCount])).toEqual([
      [2021, 1, 54],
      [2024, 1, 11],
    ]);
    expect(byYear[0].executionRate).toBeNull(); // a target table states no actual spending
    const byDepartment = (await api.gql(PLAN_STATS, { g: ['DEPARTMENT', 'YEAR'] })).planStats;
    expect(byDepartment.map((row: any) => row.department.name).sort()).toEqual(['中共株洲市石峰区委员会宣传部', '中共雁峰区委宣传部']);
    const byRegion = (await api.gql(PLAN_STATS, { g: ['REGION'], f: { region: '衡阳' } })).planStats;
    expect(byRegion).toHaveLength(1);
    expect(byRegion[0]).toMatchObject({ region: '湖南省衡阳市雁峰区', planCount: 1, department: null });
    expect(byRegion[0].budget.find((line: any) => line.category === 'TOTAL').initial).toBeNull();
    const refused = await api.raw(PLAN_STATS, { g: ['YEAR', 'YEAR'] });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'groupBy' });
  });

  it('counts only the plans the actor may read', async () => {
    const department = (await api.gql('{ departments(first: 10, filter: { name: "石峰" }) { nodes { id } } }')).departments.nodes[0].id;
    const planner = api.as({ id: 9, name: '石峰编报', role: 'PLANNER', departmentIds: [Number(department)] });
    const [total] = (await planner.gql(PLAN_STATS, {})).planStats;
    expect(total).toMatchObject({ planCount: 1, indicatorCount: 54 });
  });
});
