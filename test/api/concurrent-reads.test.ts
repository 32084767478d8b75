// Issue 12: eight concurrent whole-plan reads of the largest plan all succeed over real HTTP (the province
// bench saw half of them answer INTERNAL_SERVER_ERROR: knex's acquire timeout on SQLite's one connection),
// at most PLAN_READ_SLOTS of them read plan content at a time, and /healthz answers meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigPlan } from '../../server/bench/big-plan.js';
import { PLAN_READ_SLOTS, planReadSlots } from '../../server/src/modules/plan/plan-content.js';
import { openHttpApi, type HttpApi } from './http-harness.js';

const EDITOR_READ = `query($id: ID!) { plan(id: $id) { id rollup { scoreTotal grade statusCounts { status count } } checks { code message }
  indicators { id name targetText actualText target { display } actual { display } gap { status suggestedScore explanation } }
  lineItems { id name rollup { scoreTotal } children { id name rollup { scoreTotal } indicators { id name targetText actualText gap { status suggestedScore } } } } } }`;

describe('concurrent reads of the 5,020-indicator plan', () => {
  let api: HttpApi;
  let token: string;
  let planId: string;

  beforeAll(async () => {
    api = await openHttpApi();
    token = await api.addUser('admin', 'ADMIN');
    const data = await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { message } } }', { d: bigPlan(50, 10, 10) }, token);
    expect(data.importPlanDocument.userErrors).toEqual([]);
    planId = data.importPlanDocument.plan.id;
  }, 120_000);
  afterAll(() => api?.close());

  it('answers all eight, never more than the slots reading at once, and /healthz in between', async () => {
    let mostHeld = 0;
    let mostWaiting = 0;
    const watch = setInterval(() => {
      const { held, waiting } = planReadSlots();
      mostHeld = Math.max(mostHeld, held);
      mostWaiting = Math.max(mostWaiting, waiting);
    }, 5);
    const healthz: number[] = [];
    const reads = Promise.all(Array.from({ length: 8 }, () => api.post({ query: EDITOR_READ, variables: { id: planId } }, { token })));
    // While the reads run, the server still answers what needs no plan content.
    for (let probe = 0; probe < 3; probe++) healthz.push((await api.request('/healthz')).status);
    const replies = await reads;
    clearInterval(watch);

    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.json.errors).toBeUndefined();
      const plan = reply.json.data.plan;
      expect(plan.indicators).toHaveLength(20);
      expect(plan.lineItems.flatMap((item: any) => item.children.flatMap((child: any) => child.indicators))).toHaveLength(5_000);
    }
    expect(new Set(replies.map((reply) => reply.text)).size).toBe(1);
    expect(healthz).toEqual([200, 200, 200]);
    expect(mostHeld).toBeLessThanOrEqual(PLAN_READ_SLOTS);
    expect(mostWaiting).toBeGreaterThan(0);
    expect(planReadSlots()).toEqual({ held: 0, waiting: 0 });
  }, 300_000);

  it('answers /healthz while a 5,020-indicator import runs, and a read right after it', async () => {
    const document = bigPlan(50, 10, 10);
    document.department.name = '另一个基准部门';
    const events: string[] = [];
    const importing = api.post({ query: 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { message } } }', variables: { d: document } }, { token }).then((reply) => {
      events.push('import');
      return reply;
    });
    // Give the request time to arrive and start (its body is 2 MB), then ask for health and a list page.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const healthz = api.request('/healthz').then((reply) => {
      events.push('healthz');
      return reply;
    });
    const list = api.post({ query: '{ plans(first: 5) { totalCount } }' }, { token }).then((reply) => {
      events.push('list');
      return reply;
    });
    const [imported, health, page] = await Promise.all([importing, healthz, list]);
    expect(imported.json.data.importPlanDocument.userErrors).toEqual([]);
    expect(health.status).toBe(200);
    expect(page.json.errors).toBeUndefined();
    expect(page.json.data.plans.totalCount).toBeGreaterThanOrEqual(1);
    // /healthz needs no database: it is answered while the import's transaction holds the connection.
    expect(events.indexOf('healthz')).toBeLessThan(events.indexOf('import'));
  }, 120_000);
});
