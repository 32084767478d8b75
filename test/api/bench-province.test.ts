// The province benchmark compares the app with rows written by hand (server/bench/province): those rows
// must be what the app itself would store, or the comparison means nothing. Same documents, two ways in,
// the same plan documents out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Api, openApi } from './harness.js';
import { departmentDocument, loadVocabulary, writeRaw } from '../../server/bench/province/generate.js';
import { validatePlanDocument } from '../../server/src/modules/plan-document/plan-document.service.js';

const folder = mkdtempSync(join(tmpdir(), 'jixiao-bench-test-'));
const opened: Api[] = [];
afterAll(async () => {
  for (const api of opened) await api.close();
  rmSync(folder, { recursive: true, force: true });
});

const EXPORT = 'query($id: ID!) { exportPlanDocument(planId: $id) }';

describe('the province generator', () => {
  const vocabulary = loadVocabulary();
  const documents = [0, 1, 2].map((index) => departmentDocument(index, vocabulary));

  it('is deterministic, valid and shaped like a department (~135 indicators, 专项 › 子项)', () => {
    expect(departmentDocument(1, vocabulary)).toEqual(documents[1]);
    for (const document of documents) {
      expect(() => validatePlanDocument(structuredClone(document))).not.toThrow();
      const count = document.indicators!.length + document.lineItems!.reduce((sum, item) => sum + item.children!.reduce((inner, child) => inner + child.indicators!.length, 0), 0);
      expect(count).toBeGreaterThanOrEqual(125);
      expect(count).toBeLessThanOrEqual(145);
    }
  });

  it('writes with raw INSERTs exactly what the app import stores', async () => {
    const viaApp = await openApi(join(folder, 'app.sqlite'));
    opened.push(viaApp);
    const ids: string[] = [];
    for (const document of documents) {
      const { importPlanDocument } = await viaApp.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { message } } }', { d: document });
      expect(importPlanDocument.userErrors).toEqual([]);
      ids.push(importPlanDocument.plan.id);
    }
    const rawPath = join(folder, 'raw.sqlite');
    (await openApi(rawPath).then(async (api) => api.close()));
    const written = await writeRaw(rawPath, documents);
    expect(written.plans).toBe(3);
    const viaRaw = await openApi(rawPath);
    opened.push(viaRaw);
    for (const [index, id] of ids.entries()) {
      const fromApp = (await viaApp.gql(EXPORT, { id })).exportPlanDocument;
      const fromRaw = (await viaRaw.gql(EXPORT, { id: String(index + 1) })).exportPlanDocument;
      expect(fromRaw).toEqual(fromApp);
    }
    // The gap engine reads both the same way.
    const statuses = async (api: Api, id: string) =>
      (await api.gql('query($id: ID!) { plan(id: $id) { rollup { statusCounts { status count } scoreTotal } } }', { id })).plan.rollup;
    expect(await statuses(viaRaw, '1')).toEqual(await statuses(viaApp, ids[0]));
  });
});
