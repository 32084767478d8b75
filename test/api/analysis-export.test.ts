/**
 * Issue 11 item 7: tables out. Any `indicators` or `planStats` question as CSV or XLSX over real HTTP,
 * signed in and scoped like the API, Chinese headers; indicators streamed in keyset chunks (a list
 * longer than several chunks comes out whole, in order, each row once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The harness first: it imports the app, which loads reflect-metadata before any decorated class.
import { type HttpApi, openHttpApi } from './http-harness.js';
import { readFixture } from './harness.js';
import { EXPORT_CHUNK } from '../../server/src/modules/analysis/analysis-export.service.js';
import { ExcelJS } from '../../server/src/modules/plan-workbook/plan-workbook.reader.js';

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id department { id } } userErrors { code } } }';

/** RFC 4180 CSV, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (field += '"'), (index += 1);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), (index += 1);
    } else field += char;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('GET /export/indicators and /export/plan-stats', () => {
  let api: HttpApi;
  let admin: string;
  let analyst: string;
  let planner: string;
  let shifeng: { plan: string; department: string };

  beforeAll(async () => {
    api = await openHttpApi();
    admin = await api.addUser('admin', 'ADMIN');
    const ids = [];
    for (const fixture of ['shifeng', 'yanfeng'] as const) {
      const { importPlanDocument } = await api.gql(IMPORT, { d: readFixture(fixture) }, admin);
      ids.push({ plan: importPlanDocument.plan.id, department: importPlanDocument.plan.department.id });
    }
    shifeng = ids[0];
    analyst = await api.addUser('analyst', 'ANALYST');
    planner = await api.addUser('planner', 'PLANNER', [Number(shifeng.department)]);
  });
  afterAll(() => api?.close());

  const get = (path: string, token: string | null) => fetch(`${api.base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const csv = async (path: string, token: string) => {
    const response = await get(path, token);
    expect(response.status, await response.clone().text()).toBe(200);
    // fetch's text() would drop the BOM: read the bytes as they came.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\ufeff')).toBe(true);
    return parseCsv(text.slice(1));
  };

  it('writes the indicators a filter selects as CSV with Chinese headers, in the asked order', async () => {
    const response = await get(`/export/indicators.csv?filter=${encodeURIComponent(JSON.stringify({ years: [2021] }))}`, analyst);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('指标.csv')}`);
    const rows = await csv(`/export/indicators.csv?filter=${encodeURIComponent(JSON.stringify({ years: [2021] }))}`, analyst);
    const [header, ...body] = rows;
    expect(header.slice(0, 12)).toEqual(['指标编号', '年度', '部门', '地区', '计划状态', '计划编号', '专项路径', '一级指标', '二级指标', '三级指标', '指标值', '实际完成值']);
    expect(body).toHaveLength(54);
    expect(body.every((row) => row[1] === '2021' && row[2] === '中共株洲市石峰区委员会宣传部')).toBe(true);
    expect(body.map((row) => row[6])).toContain('业务性专项经费 › 文明建设和文明创建');
    expect(header.slice(12)).toEqual(['分值', '评价人员得分', '指标值类型', '差距状态', '完成率', '计入得分', '失分']);
    expect(body.every((row) => row[15] === '待填报')).toBe(true); // a target table: no actuals yet
    // The same rows as the API gives, in the same order.
    const api2021 = await api.gql('{ indicators(first: 100, filter: { years: [2021] }, orderBy: { field: DEPARTMENT, direction: DESC }) { nodes { id name } } }', {}, analyst);
    const ordered = await csv(`/export/indicators.csv?filter=${encodeURIComponent('{"years":[2021]}')}&orderBy=${encodeURIComponent('{"field":"DEPARTMENT","direction":"DESC"}')}`, analyst);
    expect(ordered.slice(1).map((row) => [row[0], row[9]])).toEqual(api2021.indicators.nodes.map((node: any) => [node.id, node.name]));
  });

  it('streams a list of several chunks whole, each row once, in order', async () => {
    // Many more rows than one chunk, straight into the table (the import path would take longer).
    const connection = api.orm.em.getConnection();
    const extra = EXPORT_CHUNK * 2 + 345;
    for (let start = 0; start < extra; start += 90) {
      const rows = Array.from({ length: Math.min(90, extra - start) }, (_, index) => start + index);
      await connection.execute(
        `insert into indicator (plan_id, position, level1, level1_label, name, target_text, version, score_unconfirmed) values ${rows.map(() => "(?, ?, 'OUTPUT', '产出指标', ?, '≥1次', 1, ?)").join(', ')}`,
        rows.flatMap((index) => [Number(shifeng.plan), 100 + index, `批量指标 ${index}`, false]), // a boolean bound, for SQLite and PostgreSQL alike
      );
    }
    const rows = (await csv('/export/indicators.csv?orderBy={"field":"ID","direction":"DESC"}', analyst)).slice(1);
    expect(rows).toHaveLength(65 + extra);
    const ids = rows.map((row) => Number(row[0]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(rows[0][9]).toBe(`批量指标 ${extra - 1}`);
    await connection.execute("delete from indicator where name like '批量指标 %'");
  });

  it('writes XLSX through the streaming writer: a header row and the rows as numbers where they are numbers', async () => {
    const response = await get(`/export/indicators.xlsx?filter=${encodeURIComponent('{"years":[2024]}')}`, analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('指标')!;
    expect(sheet.rowCount).toBe(1 + 11);
    expect(sheet.getRow(1).getCell(1).value).toBe('指标编号');
    expect(sheet.getRow(2).getCell(2).value).toBe(2024);
    const weights = Array.from({ length: 11 }, (_, index) => sheet.getRow(index + 2).getCell(13).value);
    expect(weights.every((weight) => weight === null || typeof weight === 'number')).toBe(true);
    // 预算执行率: 分值 10, 得分 9, 失分 1 — as numbers.
    const execution = Array.from({ length: 11 }, (_, index) => sheet.getRow(index + 2)).find((row) => row.getCell(10).value === '预算执行率')!;
    expect([13, 14, 18, 19].map((column) => execution.getCell(column).value)).toEqual([10, 9, 9, 1]);
  });

  it('writes planStats groups with exact budget sums', async () => {
    const rows = await csv('/export/plan-stats.csv?groupBy=YEAR', analyst);
    const [header, ...body] = rows;
    expect(header.slice(0, 3)).toEqual(['年度', '计划数', '合计·年初预算（万元）']);
    expect(body.map((row) => row[0])).toEqual(['2021', '2024']);
    expect(body[0][2]).toBe('267.5915');
    const total = await csv(`/export/plan-stats.csv?groupBy=${encodeURIComponent('[]')}`, analyst);
    expect(total[1][0]).toBe('2');
    expect(total[0]).toContain('基本支出·年初预算（万元）');
    expect(total[1][total[0].indexOf('基本支出·年初预算（万元）')]).toBe('352.75151');
    const cell = (name: string) => total[1][total[0].indexOf(name)];
    expect([cell('指标数'), cell('达成指标数'), cell('待填报指标数'), cell('文本目标数'), cell('平均综合得分'), cell('优')]).toEqual(['65', '3', '54', '10', '98.89', '1']);
    const xlsx = await get('/export/plan-stats.xlsx?groupBy=DEPARTMENT,YEAR', analyst);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('计划统计')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('部门');
    expect(sheet.rowCount).toBe(3);
  });

  it('is signed in and scoped like the API, and refuses bad parameters with typed errors', async () => {
    expect((await get('/export/indicators.csv', null)).status).toBe(401);
    expect((await get('/export/plan-stats.xlsx', null)).status).toBe(401);
    const mine = (await csv('/export/indicators.csv', planner)).slice(1);
    expect(mine).toHaveLength(54);
    expect(mine.every((row) => row[5] === shifeng.plan)).toBe(true);
    const stats = (await csv('/export/plan-stats.csv', planner)).slice(1);
    expect(stats[0][0]).toBe('1');
    for (const [path, argumentName] of [
      ['/export/indicators.csv?filter=notjson', 'filter'],
      [`/export/indicators.csv?filter=${encodeURIComponent('{"years":"x"}')}`, 'filter'],
      [`/export/indicators.csv?filter=${encodeURIComponent('{"weight":{"min":"9","max":"1"}}')}`, 'filter'],
      [`/export/indicators.csv?filter=${encodeURIComponent('{"unknown":1}')}`, 'filter'],
      [`/export/indicators.xlsx?orderBy=${encodeURIComponent('{"field":"NOPE"}')}`, 'orderBy'],
      ['/export/plan-stats.csv?groupBy=NOPE', 'groupBy'],
      ['/export/plan-stats.csv?groupBy=YEAR,YEAR', 'groupBy'],
      ['/export/plan-stats.csv?groupBy=YEAR&groupBy=REGION', 'groupBy'],
    ] as const) {
      const response = await get(path, analyst);
      expect(response.status, path).toBe(400);
      const body = await response.json();
      expect(body.errors[0].extensions, path).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
  });
});
