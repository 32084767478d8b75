/**
 * Issue 12: planStats sums only the families of figures a query asks for (a region's budget totals do not
 * scan the province's indicators), and what it returns for them is exactly what the full query returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
