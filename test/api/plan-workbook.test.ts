import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExcelJS } from '../../server/src/modules/plan-workbook/plan-workbook.reader.js';
import { planWorkbookFile } from '../../server/src/modules/plan-workbook/plan-workbook.service.js';
import type { Actor } from '../../server/src/modules/user/access.js';
import { type Api, openApi, readFixture } from './harness.js';
import { type HttpApi, openHttpApi } from './http-harness.js';

const IMPORT_DOCUMENT = /* GraphQL */ `
  mutation Import($document: JSONObject!) { importPlanDocument(document: $document) { plan { id version } userErrors { code message } } }
`;
const EXPORT_DOCUMENT = /* GraphQL */ `query Export($planId: ID!) { exportPlanDocument(planId: $planId) }`;
const PREVIEW = /* GraphQL */ `
  query Preview($planId: ID, $department: String, $year: Int, $file: String!) {
    previewPlanWorkbook(planId: $planId, department: $department, year: $year, file: $file) {
      plan { id year }
      canImport
      changes { kind subject location name field before after reading sheet row }
      problems { sheet row column message code }
      warnings
      notices
    }
  }
`;
const IMPORT = /* GraphQL */ `
  mutation ImportWorkbook($planId: ID, $department: String, $year: Int, $file: String!, $expectedVersion: Int) {
    importPlanWorkbook(planId: $planId, department: $department, year: $year, file: $file, expectedVersion: $expectedVersion) {
      plan { id version }
      preview { canImport changes { kind subject name field before after } problems { sheet row column message code } }
      userErrors { field code message }
    }
  }
`;

type Client = Pick<Api, 'gql' | 'raw'>;

async function importFixture(api: Client, name: 'shifeng' | 'yanfeng'): Promise<{ id: string; version: number }> {
  const { importPlanDocument } = await api.gql(IMPORT_DOCUMENT, { document: readFixture(name) });
  expect(importPlanDocument.userErrors).toEqual([]);
  return importPlanDocument.plan;
}

async function exportWorkbook(api: Api, planId: string): Promise<Buffer> {
  return (await planWorkbookFile(api.orm.em.fork() as never, planId)).buffer;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The row (1-based) whose cells include `text`. */
function rowWith(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const values = sheet.getRow(r).values as unknown[];
    if (values.some((value) => value === text)) return r;
  }
  throw new Error(`no row with ${text} in ${sheet.name}`);
}

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

describe('plan workbook: export → import gives back the same plan', () => {
  it.each(['shifeng', 'yanfeng'] as const)('%s round-trips with no changes, then imports to the same document', async (name) => {
    const plan = await importFixture(api, name);
    const file = (await exportWorkbook(api, plan.id)).toString('base64');
    const preview = (await api.gql(PREVIEW, { planId: plan.id, file })).previewPlanWorkbook;
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([]);
    expect(preview.canImport).toBe(true);

    const result = (await api.gql(IMPORT, { planId: plan.id, file, expectedVersion: plan.version })).importPlanWorkbook;
    expect(result.userErrors).toEqual([]);
    expect(result.plan.id).toBe(plan.id);
    const exported = (await api.gql(EXPORT_DOCUMENT, { planId: plan.id })).exportPlanDocument;
    const document = readFixture(name);
    for (const key of Object.keys(document)) expect({ [key]: exported[key] }).toEqual({ [key]: document[key] });
  });
});
