// Single-indicator writes save the edit and the indicator's figures in one native UPDATE (plan-figures.store.ts
// saveIndicator), not through the unit of work: the version, the optimistic lock and the audit trail must behave
// exactly as a flush's. Concurrent edits of one row: each applied change raises the version once and leaves one
// entry; a lost race is a CONFLICT that changes nothing. (On SQLite transactions queue on the one connection,
// so the race is lost at the version check; on PostgreSQL it can also be lost at the UPDATE itself.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';

let api: Api;
let planId: string;
let ids: string[];

const ACTUAL = 'mutation($id: ID!, $a: String, $v: Int) { recordIndicatorActual(id: $id, actual: $a, expectedVersion: $v) { indicator { id version actualText gap { status } } userErrors { code } } }';
const ROW = 'query($id: ID!) { plan(id: $id) { indicators { id version actualText gap { status } } } }';

async function row(id: string): Promise<{ id: string; version: number; actualText: string | null; gap: { status: string } }> {
  return (await api.gql(ROW, { id: planId })).plan.indicators.find((indicator: { id: string }) => indicator.id === id);
}

/** The indicator's audit entries, oldest first. */
async function trail(indicatorId: string): Promise<{ field: string; before: string | null; after: string | null }[]> {
  const rows = await api.orm.em.getConnection().execute('select field, before, after from audit_entry where object_type = ? and object_id = ? order by id', ['Indicator', Number(indicatorId)]);
  return rows.map((row: any) => ({ field: row.field, before: row.before, after: row.after }));
}

beforeAll(async () => {
  api = await openApi();
  const { importPlanDocument } = await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id status } userErrors { code } } }', { d: readFixture('yanfeng') });
  planId = importPlanDocument.plan.id;
  ids = (await api.gql('query($id: ID!) { plan(id: $id) { indicators { id } } }', { id: planId })).plan.indicators.map((row: { id: string }) => row.id);
});
afterAll(() => api?.close());

describe('single-indicator writes', () => {
  it('an edit raises the version once, stores its figures and leaves one entry; repeating it changes nothing', async () => {
    const id = ids[1];
    const before = (await row(id));
    const entries = (await trail(id)).length;
    const first = (await api.gql(ACTUAL, { id, a: '37次' })).recordIndicatorActual;
    expect(first.userErrors).toEqual([]);
    expect(first.indicator.version).toBe(before.version + 1);
    expect((await row(id))).toEqual(first.indicator);
    // The actual, and the manual score it was given against marked for re-confirmation.
    expect((await trail(id)).slice(entries)).toEqual([
      { field: 'actualText', before: JSON.stringify(before.actualText), after: '"37次"' },
      { field: 'scoreUnconfirmed', before: 'false', after: 'true' },
    ]);
    const again = (await api.gql(ACTUAL, { id, a: '37次' })).recordIndicatorActual;
    expect(again).toEqual(first);
    expect((await trail(id)).length).toBe(entries + 2);
  });

  it('a stale expectedVersion is a CONFLICT and changes nothing', async () => {
    const id = ids[2];
    const before = (await row(id));
    const dump = await api.dump();
    const stale = (await api.gql(ACTUAL, { id, a: '1次', v: before.version - 1 })).recordIndicatorActual;
    expect(stale.userErrors).toEqual([{ code: 'CONFLICT' }]);
    expect(await api.dump()).toEqual(dump);
  });

  it('concurrent edits of one indicator: every applied change is one version and one entry, the rest are CONFLICTs', async () => {
    const id = ids[3];
    const before = (await row(id));
    const entries = (await trail(id)).length;
    const replies = await Promise.all(Array.from({ length: 6 }, (_, n) => api.gql(ACTUAL, { id, a: `${n + 1}0次`, v: before.version })));
    const applied = replies.filter((reply) => reply.recordIndicatorActual.userErrors.length === 0);
    const refused = replies.filter((reply) => reply.recordIndicatorActual.userErrors.length > 0);
    expect(applied).toHaveLength(1);
    for (const reply of refused) expect(reply.recordIndicatorActual.userErrors).toEqual([{ code: 'CONFLICT' }]);
    const after = (await row(id));
    expect(after).toEqual(applied[0].recordIndicatorActual.indicator);
    expect(after.version).toBe(before.version + 1);
    const actuals = async () => (await trail(id)).filter((entry) => entry.field === 'actualText').length;
    const recorded = await actuals();
    expect((await trail(id)).slice(entries).filter((entry) => entry.field === 'actualText')).toEqual([{ field: 'actualText', before: JSON.stringify(before.actualText), after: JSON.stringify(after.actualText) }]);
    // Without expectedVersion each one applies (last writer wins), each with its own version and entry.
    const blind = await Promise.all(Array.from({ length: 4 }, (_, n) => api.gql(ACTUAL, { id, a: `${n + 1}5次` })));
    const versions = blind.map((reply) => reply.recordIndicatorActual).filter((payload) => !payload.userErrors.length).map((payload) => payload.indicator.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect((await row(id)).version).toBe(after.version + versions.length);
    expect(await actuals()).toBe(recorded + versions.length);
  });
});
