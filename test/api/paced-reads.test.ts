// Issue 12, bounded work: a whole-plan read hands its rows out a slice per turn of the event loop (so other
// requests run in between), reads a big plan's indicators in pages, and one request reads at most
// JIXIAO_MAX_READ_ROWS rows of plan content. Small settings here so a small plan exercises all three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigPlan } from '../../server/bench/big-plan.js';
import type { Api } from './harness.js';

process.env.JIXIAO_READ_SLICE_ROWS = '40';
process.env.JIXIAO_READ_PAGE_ROWS = '100';
process.env.JIXIAO_MAX_READ_ROWS = '1000';
const { openApi } = await import('./harness.js');

const WHOLE = `query($id: ID!) { plan(id: $id) { id indicators { id name position target { display } gap { status } }
  lineItems { id name position children { id name position indicators { id name position lineItemId target { display } gap { status } } } } } }`;

describe('paced whole-plan reads', () => {
  let api: Api;
  let planId: string;
  const document = bigPlan(4, 5, 12); // 20 + 240 indicators, 24 line items: 284 rows, 8 slices, 3 pages

  beforeAll(async () => {
    api = await openApi();
    const data = await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { message } } }', { d: document });
    expect(data.importPlanDocument.userErrors).toEqual([]);
    planId = data.importPlanDocument.plan.id;
  });
  afterAll(() => api?.close());

  it('returns every row in document order, with its figures, while the event loop keeps turning', async () => {
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const { plan } = await api.gql(WHOLE, { id: planId });
    counting = false;
    expect(plan.indicators.map((row: { name: string }) => row.name)).toEqual(document.indicators.map((row) => row.name));
    plan.lineItems.forEach((item: any, i: number) => {
      expect(item.name).toBe(document.lineItems[i].name);
      item.children.forEach((child: any, j: number) => {
        expect(child.name).toBe(document.lineItems[i].children[j].name);
        expect(child.indicators.map((row: { name: string }) => row.name)).toEqual(document.lineItems[i].children[j].indicators.map((row) => row.name));
        expect(child.indicators.every((row: { lineItemId: string }) => row.lineItemId === child.id)).toBe(true);
      });
    });
    const all = [...plan.indicators, ...plan.lineItems.flatMap((item: any) => item.children.flatMap((child: any) => child.indicators))];
    expect(all).toHaveLength(260);
    expect(all.every((row) => row.target?.display && row.gap?.status)).toBe(true);
    // 284 rows at 40 per slice: the read gave the loop at least one turn per slice.
    expect(turns).toBeGreaterThanOrEqual(7);
  });

  it('refuses rows past the request budget (QUERY_TOO_COSTLY), keeping what came before', async () => {
    const aliases = Array.from({ length: 5 }, (_, i) => `p${i}: plan(id: $id) { lineItems { children { indicators { id } } } }`).join(' ');
    const result = await api.raw(`query($id: ID!) { ${aliases} }`, { id: planId });
    // Each alias hands out 4 + 20 line items and 240 indicators = 264 rows: 1,320 in all, 1,000 allowed. Which
    // aliases' lists come first depends on when each database answers; at most 1,000 rows are returned.
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors!.every((error) => error.extensions?.code === 'QUERY_TOO_COSTLY')).toBe(true);
    const returned = Object.values(result.data ?? {}).reduce((sum: number, plan: any) => {
      const items = plan?.lineItems ?? [];
      const children = items.flatMap((item: any) => item.children ?? []);
      return sum + items.length + children.length + children.reduce((n: number, child: any) => n + (child.indicators?.length ?? 0), 0);
    }, 0);
    expect(returned).toBeGreaterThan(0);
    expect(returned).toBeLessThanOrEqual(1000);
  });
});
