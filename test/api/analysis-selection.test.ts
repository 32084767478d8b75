/**
 * Issue 12: planStats sums only the families of figures a query asks for (a region's budget totals do not
 * scan the province's indicators), and what it returns for them is exactly what the full query returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/modules/user/access.js';
import { type Api, openApi, readFixture } from './harness.js';

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { code message } } }';
const FULL = `departmentId department { name } year region planCount
  budget { category label initial adjustment fullYear actual carryover planCount }
  executionRate executionRatePercent indicatorCount
  statusCounts { status count } textTargetCount textTargetShare
  scoredPlanCount scoreTotal averageScore gradeCounts { grade label count provisionalCount }
  checkCounts { code count planCount }`;

/** The fields of `full` that `partial` has (the same shape, nested). */
function pick(full: any, partial: any): any {
  if (Array.isArray(partial)) return partial.map((item, index) => pick(full[index], item));
  if (partial === null || typeof partial !== 'object') return full;
  return Object.fromEntries(Object.keys(partial).map((key) => [key, pick(full[key], partial[key])]));
}

describe('planStats computes what the query selects', () => {
  let api: Api;
  const statements: string[] = [];
  beforeAll(async () => {
    api = await openApi();
    for (const fixture of ['shifeng', 'yanfeng'] as const) expect((await api.gql(IMPORT, { d: readFixture(fixture) })).importPlanDocument.userErrors).toEqual([]);
    api.orm.em.getKnex().client.on('query', (query: { sql: string }) => statements.push(query.sql));
  });
  afterAll(() => api?.close());

  const run = async (groupBy: string, selection: string, fragments = '') => {
    statements.length = 0;
    const { planStats } = await api.gql(`query { planStats(groupBy: [${groupBy}]) { ${selection} } } ${fragments}`);
    return { planStats, statements: [...statements] };
  };

  for (const groupBy of ['', 'REGION', 'DEPARTMENT, YEAR', 'YEAR']) {
    it(`groupBy [${groupBy}]: every partial selection answers as the full one does`, async () => {
      const full = await run(groupBy, FULL);
      expect(full.statements).toHaveLength(groupBy.includes('DEPARTMENT') ? 6 : 5);
      for (const [selection, count] of [
        ['region planCount budget { category initial fullYear actual }', 2],
        ['year planCount budget { category planCount }', 2],
        ['planCount executionRate executionRatePercent', 2],
        ['region indicatorCount statusCounts { status count } textTargetShare', 2],
        ['year gradeCounts { grade count provisionalCount } scoreTotal averageScore', 2],
        ['checkCounts { code count planCount }', 2],
        ['departmentId planCount', 1],
        // Only the stages asked for are summed, only the scores asked for read.
        ['budget { category adjustment carryover } scoredPlanCount', 2],
        ['region budget { label fullYear }', 2],
        ['department { name } planCount', groupBy.includes('DEPARTMENT') ? 2 : 1],
        // Through fragments, named and inline.
        ['...Sums ... on PlanStats { statusCounts { count } }', 4],
      ] as const) {
        const partial = await run(groupBy, selection, selection.startsWith('...Sums') ? 'fragment Sums on PlanStats { budget { fullYear } gradeCounts { count } }' : '');
        expect(partial.planStats, selection).toEqual(pick(full.planStats, partial.planStats));
        expect(partial.statements, selection).toHaveLength(count);
      }
    });
  }
});

describe('planStats statements built once per question', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi();
    for (const fixture of ['shifeng', 'yanfeng'] as const) expect((await api.gql(IMPORT, { d: readFixture(fixture) })).importPlanDocument.userErrors).toEqual([]);
  });
  afterAll(() => api?.close());

  it('answers each actor within their scope, whoever asked the same question before; refuses a bad filter every time', async () => {
    const QUERY = 'query { planStats(groupBy: [YEAR]) { year planCount budget { category fullYear } } }';
    const { plans } = await api.gql('{ plans(first: 10) { nodes { year department { id } } } }');
    const admin = (await api.gql(QUERY)).planStats;
    expect(admin.reduce((sum: number, row: { planCount: number }) => sum + row.planCount, 0)).toBe(2);
    for (const plan of plans.nodes) {
      const planner = { id: 98, name: '规划员', role: 'PLANNER', departmentIds: [Number(plan.department.id)] } as Actor;
      for (let run = 0; run < 2; run++) {
        const own = (await api.as(planner).gql(QUERY)).planStats;
        expect(own.map((row: { year: number; planCount: number }) => [row.year, row.planCount])).toEqual([[plan.year, 1]]);
        expect(own).toEqual(admin.filter((row: { year: number }) => row.year === plan.year));
      }
    }
    const outsider = { id: 97, name: '无部门', role: 'PLANNER', departmentIds: [] } as unknown as Actor;
    expect((await api.as(outsider).gql(QUERY)).planStats).toEqual([]);
    expect((await api.gql(QUERY)).planStats).toEqual(admin);
    for (let run = 0; run < 2; run++) {
      const refused = await api.raw('query { planStats(groupBy: [YEAR], filter: { years: [1999] }) { year planCount } }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('indicators pages compute what the query selects', () => {
  let api: Api;
  const statements: string[] = [];
  beforeAll(async () => {
    api = await openApi();
    for (const fixture of ['shifeng', 'yanfeng'] as const) expect((await api.gql(IMPORT, { d: readFixture(fixture) })).importPlanDocument.userErrors).toEqual([]);
    api.orm.em.getKnex().client.on('query', (query: { sql: string }) => statements.push(query.sql));
  });
  afterAll(() => api?.close());

  const page = async (selection: string, args: string) => {
    statements.length = 0;
    const { indicators } = await api.gql(`query { indicators(${args}) { ${selection} } }`);
    return { indicators, statements: [...statements] };
  };
  const FULL = 'totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name gap { status scoreLost } plan { id year department { name } } }';

  it('without totalCount no count is run, without the plan no plan is read; the page is the same', async () => {
    for (const args of ['first: 5', 'filter: { gapStatuses: [MET, NOT_MET] }, orderBy: { field: SCORE_LOST, direction: DESC }, first: 4', 'orderBy: { field: DEPARTMENT }, last: 3']) {
      const full = await page(FULL, args);
      expect(full.statements.some((sql) => /count\(\*\)/.test(sql)), args).toBe(true);
      const bare = await page('pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name gap { status scoreLost } }', args);
      expect(bare.indicators.pageInfo, args).toEqual(full.indicators.pageInfo);
      expect(bare.indicators.nodes, args).toEqual(full.indicators.nodes.map(({ plan: _plan, ...node }: any) => node));
      // The page's keys, then its indicators: no count(*), no plan (a 预算执行率 row's gap reads its plan's
      // amounts, one statement for the page: plan-figures.service.ts planBudgetOf).
      expect(bare.statements.filter((sql) => !/left join "budget_line" b on b."plan_id" = p."id"/.test(sql)), args).toHaveLength(2);
      expect(bare.statements.some((sql) => /count\(\*\)|from [`"]plan[`"] as [`"]p0[`"]/.test(sql)), args).toBe(false);
      // The plans through a fragment still come in one query, before the rows ask for them.
      const viaFragment = await page('nodes { ...WithPlan } } } fragment WithPlan on Indicator { id plan { year department { name }', args);
      expect(viaFragment.indicators.nodes.map((node: any) => node.plan), args).toEqual(full.indicators.nodes.map((node: any) => ({ year: node.plan.year, department: node.plan.department })));
      expect(viaFragment.statements, args).toHaveLength(3);
      // The next page still knows there is one before it.
      const cursor = full.indicators.pageInfo.endCursor;
      if (full.indicators.pageInfo.hasNextPage && args.includes('first')) {
        const next = await page('pageInfo { hasPreviousPage } nodes { id }', `${args}, after: "${cursor}"`);
        expect(next.indicators.pageInfo.hasPreviousPage, args).toBe(true);
      }
    }
  });

  it('auditEntries without totalCount runs no count', async () => {
    statements.length = 0;
    const full = (await api.gql('query { auditEntries(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }')).auditEntries;
    expect(statements.some((sql) => /count\(/.test(sql))).toBe(true);
    statements.length = 0;
    const bare = (await api.gql('query { auditEntries(first: 1) { pageInfo { hasNextPage endCursor } nodes { id } } }')).auditEntries;
    expect(statements.some((sql) => /count\(/.test(sql))).toBe(false);
    expect(bare).toEqual({ pageInfo: full.pageInfo, nodes: full.nodes });
    const next = (await api.gql(`query { auditEntries(first: 1, after: "${full.pageInfo.endCursor}") { pageInfo { hasPreviousPage } } }`)).auditEntries;
    expect(next.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('keyset pages over every ordering (the cursor seeks its first key; by department the plan is read department first)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi();
    for (const fixture of ['shifeng', 'yanfeng'] as const) expect((await api.gql(IMPORT, { d: readFixture(fixture) })).importPlanDocument.userErrors).toEqual([]);
  });
  afterAll(() => api?.close());

  const PAGE = `query($o: IndicatorOrder, $f: IndicatorFilter, $first: Int, $after: String, $last: Int, $before: String) {
    indicators(orderBy: $o, filter: $f, first: $first, after: $after, last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id gap { scoreLost completion } plan { year department { name } } } } }`;

  for (const field of ['ID', 'YEAR', 'DEPARTMENT', 'SCORE_LOST', 'COMPLETION']) {
    for (const direction of ['ASC', 'DESC']) {
      it(`${field} ${direction}: forward and backward pages of 7 put together are the whole list`, async () => {
        for (const f of [null, { gapStatuses: ['MET', 'NOT_MET', 'PENDING', 'NEEDS_JUDGEMENT'] }]) {
          const o = { field, direction };
          const all = (await api.gql(PAGE, { o, f, first: 100 })).indicators.nodes.map((node: any) => node.id);
          expect(all.length).toBeGreaterThan(7);
          const forward: string[] = [];
          for (let after: string | null = null, more = true; more; ) {
            const { indicators }: any = await api.gql(PAGE, { o, f, first: 7, after });
            forward.push(...indicators.nodes.map((node: any) => node.id));
            expect(indicators.pageInfo.hasPreviousPage).toBe(after !== null);
            more = indicators.pageInfo.hasNextPage;
            after = indicators.pageInfo.endCursor;
          }
          expect(forward).toEqual(all);
          const backward: string[] = [];
          for (let before: string | null = null, more = true; more; ) {
            const { indicators }: any = await api.gql(PAGE, { o, f, last: 7, before });
            backward.unshift(...indicators.nodes.map((node: any) => node.id));
            more = indicators.pageInfo.hasPreviousPage;
            before = indicators.pageInfo.startCursor;
          }
          expect(backward).toEqual(all);
        }
      });
    }
  }

  it('by department: department name, then year, then id', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const nodes = (await api.gql(PAGE, { o: { field: 'DEPARTMENT', direction }, first: 100 })).indicators.nodes;
      const key = (node: any) => [node.plan.department.name, node.plan.year, Number(node.id)] as const;
      const sorted = [...nodes].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2];
        return direction === 'ASC' ? order : -order;
      });
      expect(nodes.map((node: any) => node.id)).toEqual(sorted.map((node: any) => node.id));
    }
  });
});
