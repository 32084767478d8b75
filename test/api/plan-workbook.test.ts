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
  mutation ImportWorkbook($planId: ID, $department: String, $year: Int, $file: String!, $expectedVersion: Int, $reason: String) {
    importPlanWorkbook(planId: $planId, department: $department, year: $year, file: $file, expectedVersion: $expectedVersion, reason: $reason) {
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

    // The imported self-evaluation is in 自评 (issue 10 item 6): replacing it needs a reason.
    const result = (await api.gql(IMPORT, { planId: plan.id, file, expectedVersion: plan.version, reason: '按工作簿更正' })).importPlanWorkbook;
    expect(result.userErrors).toEqual([]);
    expect(result.plan.id).toBe(plan.id);
    const exported = (await api.gql(EXPORT_DOCUMENT, { planId: plan.id })).exportPlanDocument;
    const document = readFixture(name);
    for (const key of Object.keys(document)) expect({ [key]: exported[key] }).toEqual({ [key]: document[key] });
  });
});

describe('plan workbook: "无" as an amount (issue 10 item 5)', () => {
  it('reads "无" as a stated zero, kept as 0 in the document', async () => {
    const plan = await importFixture(api, 'shifeng');
    const workbook = await load(await exportWorkbook(api, plan.id));
    const sheet = workbook.getWorksheet('部门整体支出绩效目标表')!;
    sheet.getCell(`D${rowWith(sheet, '项目支出')}`).value = '无';
    const preview = (await api.gql(PREVIEW, { planId: plan.id, file: await save(workbook) })).previewPlanWorkbook;
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([expect.objectContaining({ kind: 'CHANGED', subject: 'BUDGET', name: '项目支出', before: '90', after: '0' })]);
  });
});

describe('plan workbook: the workbook alone carries the target table', () => {
  it('rebuilds 石峰 2021 from its workbook into a plan emptied of targets: the same document', async () => {
    const plan = await importFixture(api, 'shifeng');
    const file = (await exportWorkbook(api, plan.id)).toString('base64');
    const fixture = readFixture('shifeng');
    await api.gql(IMPORT_DOCUMENT, { document: { ...fixture, budget: null, keyTasks: [], indicators: [], lineItems: [] } });
    const { version } = (await api.gql('query($id: ID!) { plan(id: $id) { version } }', { id: plan.id })).plan;

    const preview = (await api.gql(PREVIEW, { planId: plan.id, file })).previewPlanWorkbook;
    expect(preview.problems).toEqual([]);
    const count = (subject: string) => preview.changes.filter((change: any) => change.subject === subject && change.kind === 'ADDED').length;
    expect([count('BUDGET'), count('KEY_TASK'), count('INDICATOR'), count('LINE_ITEM')]).toEqual([4, 5, 54, 7]);
    expect(preview.changes.find((change: any) => change.subject === 'BUDGET' && change.name === '基本支出')).toMatchObject({ before: null, after: '177.59151', sheet: '部门整体支出绩效目标表', row: 5 });
    // Consistency warnings of the result come from the domain's checks (DOMAIN.md §7: 267.5915 ≠ 177.59151 + 90).
    expect(preview.warnings.some((warning: string) => warning.includes('267.59151'))).toBe(true);

    const result = (await api.gql(IMPORT, { planId: plan.id, file, expectedVersion: version })).importPlanWorkbook;
    expect(result.userErrors).toEqual([]);
    expect((await api.gql(EXPORT_DOCUMENT, { planId: plan.id })).exportPlanDocument).toEqual(fixture);
  });
});

describe('plan workbook: the written forms', () => {
  it('has the official sheets, merged cells, borders and 万元 number formats', async () => {
    const plan = await importFixture(api, 'shifeng');
    const workbook = await load(await exportWorkbook(api, plan.id));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '部门整体支出绩效目标表',
      '专项资金预算绩效目标汇总表',
      '支出方向-文明建设和文明创建',
      '支出方向-理论学习',
      '支出方向-意识形态',
      '支出方向-融媒体运营经费',
      '支出方向-宣传经费',
    ]);
    const department = workbook.getWorksheet('部门整体支出绩效目标表')!;
    expect(department.getCell('A1').value).toBe('2021年度部门整体支出绩效目标表');
    const merges = (department.model as any).merges as string[];
    // The title across the form; the 预算 label down its block; 一级 cells down their runs of rows.
    expect(merges).toEqual(expect.arrayContaining(['A1:F1', 'A4:A13', 'B4:C4', 'D4:F4', 'A23:A26', 'A27:A31']));
    expect(department.getCell('A23').value).toBe('产出指标');
    expect(department.getCell('A26').master.address).toBe('A23');
    const total = department.getCell('D4');
    expect(total.value).toBe(267.5915);
    expect(total.numFmt).toBe('#,##0.00####');
    expect(department.getCell('D5').value).toBe(177.59151);
    for (const address of ['A22', 'C24', 'D31', 'F31', 'E5']) {
      expect(department.getCell(address).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    }
    const summary = workbook.getWorksheet('专项资金预算绩效目标汇总表')!;
    expect((summary.model as any).merges).toEqual(expect.arrayContaining(['B4:B7', 'B8:B10']));
    expect([summary.getCell('C5').value, summary.getCell('E5').value, summary.getCell('E5').numFmt]).toEqual(['文明建设和文明创建', 6, '#,##0.00####']);
    const direction = workbook.getWorksheet('支出方向-理论学习')!;
    expect([direction.getCell('B3').value, direction.getCell('B4').value, direction.getCell('E6').value]).toEqual(['业务性专项经费', '理论学习', '2021.1-2021.12']);
    expect(direction.getCell('B6').numFmt).toBe('#,##0.00####');
  });

  it('adds the 自评表 once the plan is evaluated, with actuals, scores and the stated total', async () => {
    const plan = await importFixture(api, 'yanfeng');
    const workbook = await load(await exportWorkbook(api, plan.id));
    const sheet = workbook.getWorksheet('部门整体支出绩效自评表')!;
    expect(sheet).toBeDefined();
    const row = rowWith(sheet, '组织中心组学习');
    expect([4, 5, 6, 7].map((col) => sheet.getRow(row).getCell(col).value)).toEqual(['完成12次', '完成完成', 10, 10]);
    expect(sheet.getCell(`G${rowWith(sheet, '总分')}`).value).toBe(99);
    expect(sheet.getCell(`E${rowWith(sheet, '资金总额（合计）')}`).numFmt).toBe('#,##0.00####');

    expect(sheet.getRow(rowWith(sheet, '偏差原因')).getCell(9).value).toBe('偏差原因');

    // The 自评表 is read back: unchanged, it changes nothing.
    const preview = (await api.gql(PREVIEW, { planId: plan.id, file: await save(workbook) })).previewPlanWorkbook;
    expect(preview).toMatchObject({ problems: [], changes: [], notices: [] });
  });
});

describe('plan workbook: the 自评表 read back', () => {
  const IMPORT_WITH_REASON = 'mutation($document: JSONObject!, $reason: String) { importPlanDocument(document: $document, reason: $reason) { plan { id version } userErrors { code message } } }';

  it('rebuilds the 2024 self-evaluation\'s results from its workbook: execution, actuals, scores, reasons, subtotals, total, narrative', async () => {
    const plan = await importFixture(api, 'yanfeng');
    const file = (await exportWorkbook(api, plan.id)).toString('base64');
    const fixture = readFixture('yanfeng');
    // The plan as it was before the evaluation: no execution, no results, no totals or narrative.
    const bare = structuredClone(fixture);
    for (const key of ['total', 'basic', 'personnel', 'publicUse', 'project'] as const) {
      if (bare.budget[key]) Object.assign(bare.budget[key], { fullYear: null, actual: null, executionRate: null });
    }
    for (const indicator of bare.indicators) Object.assign(indicator, { actual: null, score: null, deduction: null, deviationReason: null, evidence: null });
    Object.assign(bare.evaluation, { totalScore: null, sections: null, problems: null, measures: null });
    const stripped = (await api.gql(IMPORT_WITH_REASON, { document: bare, reason: '测试：清空自评结果' })).importPlanDocument;
    expect(stripped.userErrors).toEqual([]);

    const preview = (await api.gql(PREVIEW, { planId: plan.id, file })).previewPlanWorkbook;
    expect(preview.problems).toEqual([]);
    const changed = (subject: string, field: string) => preview.changes.filter((change: any) => change.subject === subject && change.field === field).length;
    expect([changed('INDICATOR', '实际完成值'), changed('INDICATOR', '得分'), changed('INDICATOR', '佐证材料'), changed('INDICATOR', '扣分原因')]).toEqual([11, 11, 10, 1]);
    expect(preview.changes).toContainEqual(expect.objectContaining({ subject: 'BUDGET', name: '资金总额（合计）', field: '全年执行数', before: null, after: '563.72', sheet: '部门整体支出绩效自评表' }));
    expect(preview.changes).toContainEqual(expect.objectContaining({ subject: 'EVALUATION', name: '总分', before: null, after: '99' }));
    expect(preview.changes).toContainEqual(expect.objectContaining({ subject: 'EVALUATION', kind: 'ADDED', name: '产出指标（小计）' }));

    const result = (await api.gql(IMPORT, { planId: plan.id, file, reason: '按自评表恢复' })).importPlanWorkbook;
    expect(result.userErrors).toEqual([]);
    const exported = (await api.gql(EXPORT_DOCUMENT, { planId: plan.id })).exportPlanDocument;
    for (const key of Object.keys(fixture)) expect({ [key]: exported[key] }).toEqual({ [key]: fixture[key] });
  });

  it('previews an evaluator\'s edits of the 自评表 at their cells, and refuses a row naming no indicator of the plan', async () => {
    const plan = await importFixture(api, 'yanfeng');
    const workbook = await load(await exportWorkbook(api, plan.id));
    const sheet = workbook.getWorksheet('部门整体支出绩效自评表')!;
    const learning = rowWith(sheet, '组织中心组学习');
    sheet.getCell(`E${learning}`).value = '完成１１次';
    sheet.getCell(`G${learning}`).value = '８分';
    sheet.getCell(`H${learning}`).value = '少开展1次集体学习';
    sheet.getCell(`I${learning}`).value = '换届期间暂停1次';
    sheet.getCell(`G${rowWith(sheet, '总分')}`).value = 97;
    const file = await save(workbook);
    const preview = (await api.gql(PREVIEW, { planId: plan.id, file })).previewPlanWorkbook;
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([
      { kind: 'CHANGED', subject: 'INDICATOR', location: '自评表', name: '组织中心组学习', field: '实际完成值', before: '完成完成', after: '完成１１次', reading: null, sheet: '部门整体支出绩效自评表', row: learning },
      { kind: 'CHANGED', subject: 'INDICATOR', location: '自评表', name: '组织中心组学习', field: '得分', before: '10', after: '8', reading: null, sheet: '部门整体支出绩效自评表', row: learning },
      { kind: 'CHANGED', subject: 'INDICATOR', location: '自评表', name: '组织中心组学习', field: '扣分原因', before: null, after: '少开展1次集体学习', reading: null, sheet: '部门整体支出绩效自评表', row: learning },
      { kind: 'CHANGED', subject: 'INDICATOR', location: '自评表', name: '组织中心组学习', field: '偏差原因', before: null, after: '换届期间暂停1次', reading: null, sheet: '部门整体支出绩效自评表', row: learning },
      { kind: 'CHANGED', subject: 'EVALUATION', location: '自评结果', name: '总分', field: '总分', before: '99', after: '97', reading: null, sheet: '部门整体支出绩效自评表', row: rowWith(sheet, '总分') },
    ]);

    // Beside a target table, that table says which indicators there are: a row it lacks is said, not imported.
    sheet.getCell(`C${learning}`).value = '组织中心组学习（改名）';
    const renamed = (await api.gql(PREVIEW, { planId: plan.id, file: await save(workbook) })).previewPlanWorkbook;
    expect(renamed.problems).toEqual([]);
    expect(renamed.notices).toEqual([`自评表第 ${learning} 行的指标「组织中心组学习（改名）」不在目标表中，其自评结果未导入`]);
    // The 自评表 alone must name the plan's indicators.
    for (const other of [...workbook.worksheets]) if (other.name !== sheet.name) workbook.removeWorksheet(other.id);
    const alone = (await api.gql(PREVIEW, { planId: plan.id, file: await save(workbook) })).previewPlanWorkbook;
    expect(alone.canImport).toBe(false);
    expect(alone.problems).toEqual([{ sheet: '部门整体支出绩效自评表', row: learning, column: 'C', code: 'NOT_FOUND', message: expect.stringContaining('组织中心组学习（改名）') }]);
  });
});

describe('plan workbook: a planner\'s edits', () => {
  it('previews changed, added and removed indicators and budget figures with before and after, then applies them keeping actuals and scores', async () => {
    const plan = await importFixture(api, 'yanfeng');
    const workbook = await load(await exportWorkbook(api, plan.id));
    const sheet = workbook.getWorksheet('部门整体支出绩效目标表')!;
    sheet.getCell('D5').value = '１８０．５'; // 基本支出, typed with full-width digits
    const learning = rowWith(sheet, '组织中心组学习');
    sheet.getCell(`D${learning}`).value = '完成１５次';
    const satisfaction = rowWith(sheet, '区直部门级乡镇街道');
    for (const col of ['A', 'C', 'D', 'E']) sheet.getCell(`${col}${satisfaction}`).value = null;
    const added = satisfaction + 2; // after a blank row
    ['满意度指标', '服务对象满意度', '群众满意度', '≥９５％', 10].forEach((value, index) => (sheet.getRow(added).getCell(index + 1).value = value));
    const file = await save(workbook);

    const preview = (await api.gql(PREVIEW, { planId: plan.id, file })).previewPlanWorkbook;
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([
      { kind: 'CHANGED', subject: 'BUDGET', location: '年度预算（万元）', name: '基本支出', field: '年初预算数', before: '175.16', after: '180.5', reading: null, sheet: '部门整体支出绩效目标表', row: 5 },
      { kind: 'CHANGED', subject: 'INDICATOR', location: '部门整体指标', name: '组织中心组学习', field: '指标值', before: '完成12次', after: '完成１５次', reading: '≥ 15 次', sheet: '部门整体支出绩效目标表', row: learning },
      { kind: 'ADDED', subject: 'INDICATOR', location: '部门整体指标', name: '群众满意度', field: null, before: null, after: '≥９５％', reading: '≥ 95%', sheet: '部门整体支出绩效目标表', row: added },
      { kind: 'REMOVED', subject: 'INDICATOR', location: '部门整体指标', name: '区直部门级乡镇街道', field: null, before: '≥90%', after: null, reading: null, sheet: null, row: null },
    ]);

    const result = (await api.gql(IMPORT, { planId: plan.id, file, expectedVersion: plan.version, reason: '按工作簿更正' })).importPlanWorkbook;
    expect(result.userErrors).toEqual([]);
    expect(result.plan.version).toBeGreaterThan(plan.version);
    const exported = (await api.gql(EXPORT_DOCUMENT, { planId: plan.id })).exportPlanDocument;
    expect(exported.budget.basic).toEqual({ ...readFixture('yanfeng').budget.basic, initial: '180.5' });
    const learningRow = exported.indicators.find((row: any) => row.name === '组织中心组学习');
    expect(learningRow).toMatchObject({ target: '完成１５次', actual: '完成完成', weight: 10, score: 10 });
    expect(exported.indicators.at(-1)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度', name: '群众满意度', target: '≥９５％', weight: 10, actual: null });
    expect(exported.indicators).toHaveLength(11);
    expect(exported.evaluation).toEqual(readFixture('yanfeng').evaluation);

    // The preview was made at the old version: importing it again is a conflict, nothing changes.
    const before = await api.dump();
    const stale = (await api.gql(IMPORT, { planId: plan.id, file, expectedVersion: plan.version })).importPlanWorkbook;
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['expectedVersion'] })]);
    expect(await api.dump()).toEqual(before);
  });

  it('reads a hand-made layout: columns in another order, blank rows, full-width digits, side-by-side budget, merged and blank 一级 cells, found by department and year', async () => {
    const plan = await importFixture(api, 'shifeng');
    const fixture = readFixture('shifeng');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.getCell('A1').value = '石峰区委宣传部2021年度部门整体支出绩效目标表';
    sheet.getRow(3).values = ['部门名称', '石峰区委宣传部'];
    sheet.getRow(5).values = ['资金总额', '２６７．５９１５', '基本支出', 177.59151];
    sheet.getRow(6).values = ['项目支出', '90万元', '一般公共预算拨款', '267.5915'];
    sheet.getRow(8).values = ['指标值', '三级指标', '二级指标', '一级指标'];
    let r = 9;
    const first = r;
    fixture.indicators.forEach((row: any, index: number) => {
      const target = row.name === '工作及时完成率' ? '９８％' : row.target;
      // 产出指标 as one merged cell; 效益指标 written once, blank below (continued).
      const level1 = row.level1 === '效益指标' && fixture.indicators[index - 1]?.level1 === '效益指标' ? null : row.level1;
      sheet.getRow(r).values = [target, row.name, row.level2, row.level1 === '产出指标' ? (r === first ? row.level1 : null) : level1];
      r += index === 3 ? 2 : 1; // a blank row after the 产出 block
    });
    sheet.mergeCells(`D${first}:D${first + 3}`);
    const preview = (await api.gql(PREVIEW, { department: null, year: null, file: await save(workbook) })).previewPlanWorkbook;
    expect(preview.problems).toEqual([]);
    expect(preview.plan).toEqual({ id: plan.id, year: 2021 });
    expect(preview.changes).toEqual([
      expect.objectContaining({ kind: 'CHANGED', subject: 'INDICATOR', name: '工作及时完成率', field: '指标值', before: '100%', after: '９８％', reading: '≥ 98%', sheet: 'Sheet1', row: first + 2 }),
    ]);
  });
});

describe('plan workbook: bad rows', () => {
  it('reports each problem at its sheet, row and column, in Chinese, and imports nothing', async () => {
    const plan = await importFixture(api, 'shifeng');
    const workbook = await load(await exportWorkbook(api, plan.id));
    const sheet = workbook.getWorksheet('部门整体支出绩效目标表')!;
    sheet.getCell('D4').value = '两百万'; // 资金总额: not a number
    sheet.getCell('D8').value = -5; // 项目支出: negative
    sheet.getCell('C24').value = null; // 预算资金使用率: no 三级指标
    sheet.getCell('B25').value = '时'.repeat(501); // 二级指标 longer than a label may be
    workbook.getWorksheet('支出方向-理论学习')!.getCell('B6').value = 7; // the 汇总表 says 6
    const before = await api.dump();

    const preview = (await api.gql(PREVIEW, { planId: plan.id, file: await save(workbook) })).previewPlanWorkbook;
    expect(preview.canImport).toBe(false);
    const at = (problem: any) => [problem.sheet, problem.row, problem.column, problem.code];
    expect(preview.problems.map(at)).toEqual(
      expect.arrayContaining([
        ['部门整体支出绩效目标表', 4, 'D', 'INVALID_CELL'],
        ['部门整体支出绩效目标表', 24, 'C', 'MISSING_VALUE'],
        ['支出方向-理论学习', 6, 'B', 'MISMATCH'],
        ['部门整体支出绩效目标表', 8, 'D', 'INVALID_DOCUMENT'],
        ['部门整体支出绩效目标表', 25, 'B', 'INVALID_DOCUMENT'],
      ]),
    );
    expect(preview.problems).toHaveLength(5);
    const message = (row: number) => preview.problems.find((problem: any) => problem.row === row).message;
    expect(message(4)).toContain('不是有效的数字');
    expect(message(8)).toContain('金额不能为负数');
    expect(message(25)).toContain('超过上限 500 字');
    expect(message(24)).toBe('三级指标（指标名称）不能为空');

    const result = (await api.gql(IMPORT, { planId: plan.id, file: await save(workbook), expectedVersion: plan.version })).importPlanWorkbook;
    expect(result.plan).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_DOCUMENT', field: ['file'], message: expect.stringContaining('工作簿有 5 处问题，未导入任何数据') })]);
    expect(result.preview.problems).toHaveLength(5);
    expect(await api.dump()).toEqual(before);
  });

  it('refuses what is not a workbook, too large, or a zip that would unpack too far, with typed problems', async () => {
    const plan = await importFixture(api, 'shifeng');
    const preview = async (file: string) => (await api.gql(PREVIEW, { planId: plan.id, file })).previewPlanWorkbook.problems;
    expect(await preview(Buffer.from('名称,指标值\n').toString('base64'))).toEqual([expect.objectContaining({ code: 'NOT_A_WORKBOOK', sheet: null })]);
    expect(await preview('这不是 base64')).toEqual([expect.objectContaining({ code: 'NOT_A_WORKBOOK' })]);
    expect(await preview('A'.repeat(3_000_000))).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE', message: '文件超过 2 MB 上限' })]);
    // A real workbook whose zip directory declares a part of ~2 GB: refused unopened.
    const bomb = await exportWorkbook(api, plan.id);
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, directory + 24);
    expect(await preview(bomb.toString('base64'))).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE' })]);
    // A workbook of something else entirely.
    const other = new ExcelJS.Workbook();
    other.addWorksheet('数据').getCell('A1').value = '随便什么';
    expect(await preview(await save(other))).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'UNRECOGNISED', message: expect.stringContaining('没有可导入的表') })]),
    );
  });
});

describe('plan workbook: access', () => {
  const planner = (departmentIds: number[]): Actor => ({ id: 7, name: '编报员', role: 'PLANNER', departmentIds });

  it('previews and imports for a planner on their own draft only; never another department\'s, never a reviewer', async () => {
    const shifeng = await importFixture(api, 'shifeng');
    const yanfeng = await importFixture(api, 'yanfeng');
    const departmentOf = async (id: string) => Number((await api.gql('query($id: ID!) { plan(id: $id) { department { id } } }', { id })).plan.department.id);
    const own = api.as(planner([await departmentOf(shifeng.id)]));
    const file = (await exportWorkbook(api, shifeng.id)).toString('base64');

    const foreign = (await own.gql(PREVIEW, { planId: yanfeng.id, file: (await exportWorkbook(api, yanfeng.id)).toString('base64') })).previewPlanWorkbook;
    expect(foreign).toMatchObject({ plan: null, changes: [], problems: [expect.objectContaining({ code: 'FORBIDDEN' })] });

    const reviewer = api.as({ id: 8, name: '审核员', role: 'REVIEWER', departmentIds: [await departmentOf(shifeng.id)] });
    const before = await api.dump();
    const refused = (await reviewer.gql(IMPORT, { planId: shifeng.id, file })).importPlanWorkbook;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await api.dump()).toEqual(before);

    const mine = (await own.gql(IMPORT, { planId: shifeng.id, file, expectedVersion: shifeng.version })).importPlanWorkbook;
    expect(mine.userErrors).toEqual([]);
    expect(mine.plan.id).toBe(shifeng.id);
    // Submitted, the plan is no longer the planner's to import into.
    await own.gql('mutation($id: ID!) { submitPlan(id: $id) { userErrors { code } } }', { id: shifeng.id });
    const submitted = (await own.gql(IMPORT, { planId: shifeng.id, file })).importPlanWorkbook;
    expect(submitted.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_STATUS' })]);
  });

  it('an administrator replacing an approved plan by a workbook gives a reason (REASON_REQUIRED otherwise), recorded with the import', async () => {
    const plan = await importFixture(api, 'shifeng');
    for (const step of ['submitPlan', 'approvePlan']) await api.gql(`mutation($id: ID!) { ${step}(id: $id) { userErrors { code } } }`, { id: plan.id });
    const workbook = await load(await exportWorkbook(api, plan.id));
    const sheet = workbook.getWorksheet('部门整体支出绩效目标表')!;
    sheet.getCell('D5').value = 180.5;
    const file = await save(workbook);
    const REASONED = 'mutation($planId: ID, $file: String!, $reason: String) { importPlanWorkbook(planId: $planId, file: $file, reason: $reason) { plan { id } userErrors { field code } } }';
    const before = await api.dump();
    const unexplained = (await api.gql(REASONED, { planId: plan.id, file })).importPlanWorkbook;
    expect(unexplained.userErrors).toEqual([{ field: ['file', 'reason'], code: 'REASON_REQUIRED' }]);
    expect(await api.dump()).toEqual(before);
    const explained = (await api.gql(REASONED, { planId: plan.id, file, reason: '财政批复后更正基本支出' })).importPlanWorkbook;
    expect(explained.userErrors).toEqual([]);
    const trail = (await api.gql('query($p: ID!) { auditLog(planId: $p, field: "IMPORTED") { nodes { reason } } }', { p: plan.id })).auditLog.nodes;
    expect(trail.map((entry: { reason: string }) => entry.reason)).toContain('财政批复后更正基本支出');
  });
});

describe('plan workbook: GET /export/plans/:id.xlsx', () => {
  let http: HttpApi;
  beforeAll(async () => {
    http = await openHttpApi();
  });
  afterAll(async () => {
    await http.close();
  });

  it('downloads for whoever may read the plan, scoped like the plan query', async () => {
    const admin = await http.addUser('admin', 'ADMIN');
    const imported = async (name: 'shifeng' | 'yanfeng') =>
      (await http.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id department { id } } } }', { d: readFixture(name) }, admin)).importPlanDocument.plan;
    const shifeng = await imported('shifeng');
    const yanfeng = await imported('yanfeng');
    const planner = await http.addUser('planner', 'PLANNER', [Number(shifeng.department.id)]);
    const analyst = await http.addUser('analyst', 'ANALYST');
    const get = (id: string, token?: string) => fetch(`${http.base}/export/plans/${id}.xlsx`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    const own = await get(shifeng.id, planner);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(own.headers.get('content-disposition')!)).toContain("filename*=UTF-8''石峰区委宣传部2021年度绩效目标表.xlsx");
    const workbook = await load(Buffer.from(await own.arrayBuffer()));
    expect(workbook.worksheets[0].getCell('B3').value).toBe('中共株洲市石峰区委员会宣传部');

    expect((await get(yanfeng.id, analyst)).status).toBe(200);
    const foreign = await get(yanfeng.id, planner);
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await get(shifeng.id)).status).toBe(401);
    expect((await get('999', planner)).status).toBe(404);
    expect((await get('abc', planner)).status).toBe(404);
  });
});

describe('plan workbook: pnpm cli export-xlsx / import-xlsx', () => {
  it('exports a plan to a file and imports a filled one, refusing a bad one with its rows', async () => {
    const { execFile } = await import('node:child_process');
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));
    const db = join(folder, 'cli.sqlite');
    const cli = (...args: string[]) =>
      new Promise<{ code: number; stdout: Buffer; stderr: string }>((done) => {
        execFile(
          resolve(import.meta.dirname, '../../server/node_modules/.bin/tsx'),
          [resolve(import.meta.dirname, '../../server/src/cli/main.ts'), ...args],
          { env: { ...process.env, JIXIAO_DB: db, INIT_CWD: folder }, encoding: 'buffer', maxBuffer: 10_000_000 },
          (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr: stderr.toString() }),
        );
      });
    try {
      expect((await cli('import', resolve(import.meta.dirname, '../../server/demo-data/shifeng-2021-targets.json'))).code).toBe(0);
      const exported = await cli('export-xlsx', '--department', '石峰区委宣传部', '--year', '2021');
      expect(exported.code).toBe(0);
      const workbook = await load(exported.stdout);
      workbook.getWorksheet('部门整体支出绩效目标表')!.getCell('D24').value = '９９％';
      writeFileSync(join(folder, 'filled.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
      const imported = await cli('import-xlsx', 'filled.xlsx');
      expect(imported.stderr).toBe('');
      expect(imported.stdout.toString()).toContain('1 处变更');
      expect(imported.stdout.toString()).toContain('CHANGED 部门整体指标 · 预算资金使用率 · 指标值: 100% → ９９％');

      workbook.getWorksheet('部门整体支出绩效目标表')!.getCell('D4').value = 'abc';
      writeFileSync(join(folder, 'bad.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
      const refused = await cli('import-xlsx', 'bad.xlsx', '--department', '石峰区委宣传部', '--year', '2021');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('未导入任何数据');
      expect(refused.stderr).toContain('部门整体支出绩效目标表 第 4 行 D 列');
      expect(readFileSync(join(folder, 'filled.xlsx')).length).toBeGreaterThan(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 300_000);
});
