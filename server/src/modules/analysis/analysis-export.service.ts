import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { GAP_STATUS_LABELS, PLAN_STATUS_LABELS, type GapStatus, type PlanStatus } from '@jixiao/vocabulary';
import type { EntityManager } from '@mikro-orm/sqlite';
import ExcelJS from 'exceljs';
import { formatDecimal } from '../../domain/decimal.js';
import { encodeKeysetCursor } from '../../graphql/connection.js';
import type { Actor } from '../user/access.js';
import type { IndicatorFilter, IndicatorOrder, PlanScopeFilter, PlanStatsGroup } from './analysis.input.js';
import { indicatorQuery, indicatorRows, lineItemPaths } from './indicator-query.service.js';
import { planStats } from './plan-stats.service.js';

/**
 * Tables out (issue 11 item 7): any `indicators` or `planStats` question as CSV or XLSX, with Chinese
 * headers. Indicators are streamed: the keyset query is read in chunks and each chunk is written before
 * the next is read, so the whole province (648k rows) never sits in memory.
 */
export const EXPORT_CHUNK = 1000;

/** A cell: text, an exact decimal (kept as its string in CSV, a number in XLSX when 15 digits hold it), an integer, or empty. */
type Cell = string | number | { decimal: string } | null;

interface Column {
  header: string;
  /** `expression as alias` for the keyset query; absent for computed columns. */
  select?: string;
  value: (row: Record<string, unknown>, paths: Map<number, string[]>) => Cell;
}

const text = (alias: string) => (row: Record<string, unknown>) => (row[alias] == null ? null : String(row[alias]));
const micros = (alias: string) => (row: Record<string, unknown>) => (row[alias] == null ? null : { decimal: formatDecimal(BigInt(String(row[alias]))) });

function indicatorColumns(): Column[] {
  return [
    { header: '指标编号', select: 'i.id as id', value: (row) => Number(row.id) },
    { header: '年度', select: 'p.year as year', value: (row) => Number(row.year) },
    { header: '部门', select: 'd.name as department', value: text('department') },
    { header: '地区', select: 'd.region as region', value: text('region') },
    { header: '计划状态', select: 'p.status as plan_status', value: (row) => PLAN_STATUS_LABELS[row.plan_status as PlanStatus] ?? String(row.plan_status) },
    { header: '计划编号', select: 'p.id as plan_id', value: (row) => Number(row.plan_id) },
    { header: '专项路径', select: 'i.line_item_id as line_item_id', value: (row, paths) => (row.line_item_id == null ? '' : (paths.get(Number(row.line_item_id)) ?? []).join(' › ')) },
    { header: '一级指标', select: 'i.level1_label as level1', value: text('level1') },
    { header: '二级指标', select: 'i.level2_label as level2', value: text('level2') },
    { header: '三级指标', select: 'i.name as name', value: text('name') },
    { header: '指标值', select: 'i.target_text as target', value: text('target') },
    { header: '实际完成值', select: 'i.actual_text as actual', value: text('actual') },
    { header: '分值', select: 'i.weight as weight', value: micros('weight') },
    { header: '评价人员得分', select: 'i.score as score', value: micros('score') },
    { header: '指标值类型', select: 'i.reading_kind as reading_kind', value: text('reading_kind') },
    { header: '差距状态', select: 'i.gap_status as gap_status', value: (row) => (row.gap_status == null ? null : (GAP_STATUS_LABELS[row.gap_status as GapStatus] ?? String(row.gap_status))) },
    { header: '完成率', select: 'i.completion as completion', value: micros('completion') },
    { header: '计入得分', select: 'i.effective_score as effective_score', value: micros('effective_score') },
    { header: '失分', select: 'i.score_lost as score_lost', value: micros('score_lost') },
  ];
}

/** Where rows go: a CSV or an XLSX writer over the response. */
export interface TableSink {
  header(headers: string[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
}

/**
 * CSV as Excel in China opens it: UTF-8 with a BOM, CRLF, every field quoted when it needs to be. A text
 * that a spreadsheet would run as a formula (= + @, or - before a non-digit) gets a leading apostrophe.
 */
export function csvSink(out: Writable): TableSink {
  const field = (cell: Cell): string => {
    if (cell === null) return '';
    if (typeof cell === 'number') return String(cell);
    if (typeof cell === 'object') return cell.decimal;
    const safe = /^[=+@\t\r]|^-(?![\d.])/.test(cell) ? `'${cell}` : cell;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  return {
    header: (headers) => write(`\ufeff${headers.map(field).join(',')}\r\n`),
    rows: (rows) => write(rows.map((row) => `${row.map(field).join(',')}\r\n`).join('')),
    end: async () => {
      out.end();
    },
  };
}

/** XLSX through exceljs's streaming writer: each row is committed (written out) as it is added. */
export function xlsxSink(out: Writable, sheetName: string): TableSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const value = (cell: Cell): string | number | null => {
    if (cell === null || typeof cell !== 'object') return cell;
    // A number when a double holds the decimal exactly as written (≤ 15 significant digits); else its text.
    return cell.decimal.replace(/^-|\./g, '').replace(/^0+/, '').length <= 15 ? Number(cell.decimal) : cell.decimal;
  };
  return {
    header: async (headers) => {
      const row = sheet.addRow(headers);
      row.font = { bold: true };
      row.commit();
    },
    rows: async (rows) => {
      for (const cells of rows) sheet.addRow(cells.map(value)).commit();
      // Let the zip stream flush before the next chunk is read.
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** Every indicator the filter selects, in its order, chunk by chunk into the sink. Returns how many. */
export async function exportIndicators(em: EntityManager, actor: Actor, filter: IndicatorFilter | null, order: IndicatorOrder | null, open: () => TableSink): Promise<number> {
  const columns = indicatorColumns();
  // The filter and ordering are checked before anything is written (a refusal is still a plain 400).
  indicatorQuery(em.getKnex(), actor, filter);
  const sink = open();
  await sink.header(columns.map((column) => column.header));
  let after: string | null = null;
  let written = 0;
  for (;;) {
    // Each chunk forgets the entities of the last (the identity map would otherwise keep them all).
    em.clear();
    const page: Awaited<ReturnType<typeof indicatorRows>> = await indicatorRows(
      em,
      actor,
      filter,
      order,
      { first: EXPORT_CHUNK, after },
      { columns: columns.flatMap((column) => (column.select ? [column.select] : [])), count: false, maxSize: EXPORT_CHUNK },
    );
    const lineItems = [...new Set(page.rows.map((row) => row.line_item_id).filter((id) => id != null).map(Number))];
    const paths = lineItems.length ? await lineItemPaths(em, lineItems) : new Map<number, string[]>();
    await sink.rows(page.rows.map((row) => columns.map((column) => column.value(row, paths))));
    written += page.rows.length;
    if (!page.hasNextPage || !page.rows.length) break;
    after = encodeKeysetCursor(page.ordering, page.rows.at(-1)!.key);
  }
  await sink.end();
  return written;
}

const GROUP_HEADERS: Record<PlanStatsGroup, string> = { DEPARTMENT: '部门', YEAR: '年度', REGION: '地区' };
const STAGE_HEADERS = [
  ['initial', '年初预算'],
  ['adjustment', '调整/追加'],
  ['fullYear', '全年预算数'],
  ['actual', '实际支出'],
  ['carryover', '结余结转'],
] as const;

/** planStats as one table: the groups, then each stated budget category × stage, then the other figures. */
export async function exportPlanStats(em: EntityManager, actor: Actor, filter: PlanScopeFilter | null, groupBy: PlanStatsGroup[], open: () => TableSink): Promise<number> {
  const stats = await planStats(em, actor, filter, groupBy);
  const sink = open();
  const groups = [...new Set(groupBy)];
  const categories = [...new Map(stats.flatMap((row) => row.budget.map((line) => [line.category, line.label] as const))).entries()];
  const headers = [
    ...groups.map((group) => GROUP_HEADERS[group]),
    '计划数',
    ...categories.flatMap(([, label]) => STAGE_HEADERS.map(([, stage]) => `${label}·${stage}（万元）`)),
    '预算执行率',
    '指标数',
    ...Object.values(GAP_STATUS_LABELS).map((label) => `${label}指标数`),
    ...['文本目标数', '文本目标占比', '已评分计划数', '综合得分合计', '平均综合得分', '优', '良', '中', '差', '勾稽提示数'],
  ];
  await sink.header(headers);
  const decimal = (value: string | null): Cell => (value === null ? null : { decimal: value });
  await sink.rows(
    stats.map((row) => {
      const cells: Cell[] = groups.map((group) => (group === 'DEPARTMENT' ? (row.department?.name ?? row.departmentId) : group === 'YEAR' ? row.year : row.region));
      cells.push(row.planCount);
      for (const [category] of categories) {
        const line = row.budget.find((item) => item.category === category);
        for (const [stage] of STAGE_HEADERS) cells.push(decimal(line ? line[stage] : null));
      }
      cells.push(row.executionRatePercent, row.indicatorCount);
      cells.push(...Object.keys(GAP_STATUS_LABELS).map((status) => row.statusCounts.find((count) => count.status === status)?.count ?? 0));
      cells.push(row.textTargetCount, decimal(row.textTargetShare), row.scoredPlanCount, decimal(row.scoreTotal), decimal(row.averageScore));
      cells.push(...['EXCELLENT', 'GOOD', 'FAIR', 'POOR'].map((grade) => row.gradeCounts.find((count) => count.grade === grade)?.count ?? 0));
      cells.push(row.checkCounts.reduce((sum, check) => sum + check.count, 0));
      return cells;
    }),
  );
  await sink.end();
  return stats.length;
}
