// A synthetic province, deterministic from a seed: one plan document per department, shaped like the
// fixtures (budget matrix, 专项 › 子项 tree, indicator texts drawn from the fixtures' own variety, some
// actuals and scores), and a raw writer that puts them straight into a migrated SQLite file with
// hand-written INSERTs (the same columns and encodings the app uses).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bindable } from '../../src/db/sqlite.js';
import { toMicros } from '../../src/domain/decimal.js';
import { canonicalLevels } from '../../src/domain/indicator-hierarchy.js';
import type { IndicatorDocument, LineItemDocument, PlanDocument, StageAmounts } from '../../src/domain/plan-document.js';

/** better-sqlite3, the driver the app uses (server/src/db/sqlite.ts): the raw baseline runs on the same one. */
export const Database = createRequire(import.meta.url)('better-sqlite3') as new (path: string) => RawDatabase;

/** The part of better-sqlite3's Database the raw side uses (synchronous). */
export interface RawDatabase {
  prepare(sql: string): { all(...params: unknown[]): any[]; get(...params: unknown[]): any; run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint } };
  exec(sql: string): void;
  close(): void;
}

export const FIXTURES_DIR = process.env.BENCH_FIXTURES ?? '/work/shared/fixtures';
export const BIG_PLAN_DEPARTMENT = '基准大计划部门';
export const YEAR = 2025;

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vocabulary {
  indicators: IndicatorDocument[];
  lineItemNames: string[];
  goals: string[];
  actuals: string[];
}

/** Every indicator, line-item name, goal and actual text of the fixtures (the shipped examples when the folder is absent). */
export function loadVocabulary(): Vocabulary {
  let files: string[];
  try {
    files = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json') && !name.includes('schema')).map((name) => join(FIXTURES_DIR, name));
  } catch {
    const demo = join(import.meta.dirname, '../../demo-data');
    files = readdirSync(demo).map((name) => join(demo, name));
  }
  const vocabulary: Vocabulary = { indicators: [], lineItemNames: [], goals: [], actuals: ['已完成', '完成', '合规', '良好', '基本完成', '未完成', '优', '达标'] };
  const walk = (items: LineItemDocument[] | null | undefined) => {
    for (const item of items ?? []) {
      vocabulary.lineItemNames.push(item.name);
      for (const goal of [item.periodGoal, item.annualGoal]) if (goal) vocabulary.goals.push(goal);
      vocabulary.indicators.push(...(item.indicators ?? []));
      walk(item.children);
    }
  };
  for (const file of files) {
    const document = JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
    vocabulary.indicators.push(...(document.indicators ?? []));
    walk(document.lineItems);
  }
  for (const row of vocabulary.indicators) if (row.actual) vocabulary.actuals.push(row.actual);
  vocabulary.indicators = vocabulary.indicators.filter((row) => row.level1 !== '预算执行率');
  return vocabulary;
}

const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西州'];
const UNITS = ['委宣传部', '发展和改革局', '教育局', '财政局', '民政局', '卫生健康局', '农业农村局', '交通运输局', '文化旅游广电体育局', '自然资源局', '住房和城乡建设局', '水利局', '市场监督管理局', '应急管理局', '司法局', '审计局'];

/** An actual for a target: the target's first number scaled (met or not), or a yes/grade text. */
function actualFor(target: string | null | undefined, rand: () => number, vocabulary: Vocabulary): string {
  const match = target?.match(/(\d+(?:\.\d+)?)\s*(%|万元|元|次|场|个|人次|人|项|期|篇|天|家|户|件|所)?/);
  // About one measured indicator in eight falls short entirely (0, 未完成): the analysts' NOT_MET page.
  if (rand() < 0.12) return match ? `0${match[2] ?? ''}` : '未完成';
  if (match) {
    const factor = [0.6, 0.8, 0.95, 1, 1, 1.05, 1.2][Math.floor(rand() * 7)];
    const value = Number(match[1]) * factor;
    return `${Number.isInteger(value) ? value : value.toFixed(2)}${match[2] ?? ''}`;
  }
  return vocabulary.actuals[Math.floor(rand() * vocabulary.actuals.length)];
}

function stages(initial: number, spentShare: number | null): StageAmounts {
  const text = (value: number) => value.toFixed(4).replace(/\.?0+$/, '');
  return {
    initial: text(initial),
    adjustment: null,
    fullYear: text(initial),
    actual: spentShare == null ? null : text(initial * spentShare),
    carryover: null,
    executionRate: null,
  };
}

/**
 * Department `index`'s plan document: 3–5 专项 of 2–4 子项, ~135 indicators in all (the plan's own, then
 * the 子项' tables), 6 budget rows, an evaluation-year mix of actuals and scores.
 */
export function departmentDocument(index: number, vocabulary: Vocabulary, seed = 12): PlanDocument {
  const rand = random(seed * 1_000_003 + index);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const city = CITIES[index % CITIES.length];
  const name = `${city}第${Math.floor(index / CITIES.length) + 1}${UNITS[index % UNITS.length]}`;
  const indicator = (): IndicatorDocument => {
    const source = pick(vocabulary.indicators);
    const measured = rand() < 0.7;
    const weight = 1 + Math.floor(rand() * 5);
    return {
      level1: source.level1,
      level2: source.level2 ?? null,
      name: source.name,
      target: source.target ?? null,
      actual: measured ? actualFor(source.target, rand, vocabulary) : null,
      weight,
      score: measured && rand() < 0.5 ? Math.max(0, weight - Math.floor(rand() * 2)) : null,
      deduction: null,
      remark: null,
      evidence: measured && rand() < 0.3 ? `${pick(vocabulary.goals)}` : null,
    };
  };
  const total = 135 + Math.floor(rand() * 21) - 10; // 125–145
  const own = 10 + Math.floor(rand() * 6);
  const items = 3 + Math.floor(rand() * 3);
  const childrenPer = Array.from({ length: items }, () => 2 + Math.floor(rand() * 3));
  const leaves = childrenPer.reduce((sum, count) => sum + count, 0);
  let remaining = total - own - 1;
  let leaf = 0;
  const lineItems: LineItemDocument[] = childrenPer.map((children, i) => {
    const amount = 20 + Math.floor(rand() * 200);
    return {
      name: `${pick(vocabulary.lineItemNames)}（${i + 1}）`,
      kind: 'initial',
      amounts: stages(amount, 0.8 + rand() * 0.2),
      period: `${YEAR}.1-${YEAR}.12`,
      periodGoal: pick(vocabulary.goals),
      annualGoal: pick(vocabulary.goals),
      use: null,
      indicators: [],
      children: Array.from({ length: children }, (_, j) => {
        const count = leaf === leaves - 1 ? remaining : Math.floor(remaining / (leaves - leaf));
        remaining -= count;
        leaf++;
        return {
          name: `${pick(vocabulary.lineItemNames)}（${i + 1}.${j + 1}）`,
          kind: 'initial',
          amounts: stages(amount / children, 0.8 + rand() * 0.2),
          period: `${YEAR}.1-${YEAR}.12`,
          periodGoal: null,
          annualGoal: pick(vocabulary.goals),
          use: null,
          indicators: Array.from({ length: count }, indicator),
          children: [],
        };
      }),
    };
  });
  const project = lineItems.reduce((sum, item) => sum + Number(item.amounts!.fullYear), 0);
  const basic = 100 + Math.floor(rand() * 400);
  const share = 0.85 + rand() * 0.15;
  return {
    source: `bench province ${index}`,
    kind: 'self_evaluation',
    year: YEAR,
    department: { name, shortName: null, region: city, functions: null, internalUnits: null, subUnits: null, staff: null },
    budget: {
      total: stages(basic + project, share),
      basic: stages(basic, share),
      personnel: stages(basic * 0.8, share),
      publicUse: stages(basic * 0.2, share),
      project: stages(project, share),
      income: { generalPublic: stages(basic + project, null), governmentFund: null, other: null, priorYearCarryover: null, specialAccountNonTax: null },
      basicDetail: null,
      threePublic: null,
      fixedAssets: null,
    },
    overallGoals: [pick(vocabulary.goals)],
    keyTasks: [],
    indicators: [
      { level1: '预算执行率', level2: null, name: '预算执行率', target: '100%', actual: `${(share * 100).toFixed(2)}%`, weight: 10, score: null, deduction: null, remark: null, evidence: null },
      ...Array.from({ length: own }, indicator),
    ],
    lineItems,
    evaluation: null,
    achievements: null,
  };
}

/** The limit plan: 50 专项 × 10 子项 × 10 indicators + 20 of its own = 5,020 indicators. */
export function bigPlanDocument(vocabulary: Vocabulary): PlanDocument {
  const base = departmentDocument(999_999, vocabulary);
  const rows = [...base.indicators!, ...base.lineItems!.flatMap((item) => item.children!.flatMap((child) => child.indicators!))];
  let counter = 0;
  const next = () => rows[counter++ % rows.length];
  return {
    ...base,
    source: 'bench big plan',
    department: { ...base.department, name: BIG_PLAN_DEPARTMENT, region: '长沙市' },
    indicators: Array.from({ length: 20 }, next),
    lineItems: Array.from({ length: 50 }, (_, i) => ({
      ...base.lineItems![0],
      name: `专项 ${i + 1}`,
      children: Array.from({ length: 10 }, (_, j) => ({ ...base.lineItems![0].children![0], name: `子项 ${i + 1}.${j + 1}`, indicators: Array.from({ length: 10 }, next) })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// The raw writer.

const CATEGORY: [keyof NonNullable<PlanDocument['budget']>, string][] = [
  ['total', 'TOTAL'],
  ['basic', 'BASIC'],
  ['personnel', 'PERSONNEL'],
  ['publicUse', 'PUBLIC_USE'],
  ['project', 'PROJECT'],
];

const micros = (value: string | null | undefined) => (value == null ? null : Number(toMicros(value)));
const points = (value: number | null | undefined) => (value == null ? null : Math.round(value * 1_000_000));

export interface RawWrite {
  departments: number;
  plans: number;
  lineItems: number;
  indicators: number;
  budgetLines: number;
  /** Bytes of every value written (UTF-8 text, 8 per number): what the rows hold before any storage overhead. */
  rawBytes: number;
  ms: number;
}

/** The SQLite file, opened with better-sqlite3 (its default busy timeout: 5 s). */
export async function openRaw(path: string): Promise<RawDatabase> {
  return new Database(path);
}
export async function closeRaw(db: RawDatabase): Promise<void> {
  db.close();
}

/** Writes the documents into `path` (already migrated) with prepared INSERTs, one transaction per 200 plans. */
export async function writeRaw(path: string, documents: Iterable<PlanDocument>): Promise<RawWrite> {
  const start = performance.now();
  const db = await openRaw(path);
  db.exec('pragma journal_mode = wal');
  db.exec('pragma synchronous = normal');
  const now = Date.UTC(YEAR, 0, 1);
  const prepare = (sql: string) => db.prepare(sql);
  // Integers bound as INTEGER, as the app binds them (db/sqlite.ts: better-sqlite3 would bind a REAL).
  const insert = (statement: ReturnType<typeof prepare>, params: unknown[]): number => Number(statement.run(bindable(params)).lastInsertRowid);
  const stats: RawWrite = { departments: 0, plans: 0, lineItems: 0, indicators: 0, budgetLines: 0, rawBytes: 0, ms: 0 };
  const count = (params: unknown[]) => {
    for (const value of params) stats.rawBytes += typeof value === 'string' ? Buffer.byteLength(value) : value == null ? 0 : 8;
    return params;
  };
  const department = prepare('insert into department (name, short_name, region, created_at, updated_at) values (?, ?, ?, ?, ?)');
  const plan = prepare(
    "insert into plan (department_id, year, status, document_kind, source, stated_department_name, stated_region, overall_goals, created_at, updated_at) values (?, ?, 'EVALUATING', 'SELF_EVALUATION', ?, ?, ?, ?, ?, ?)",
  );
  const budget = prepare('insert into budget_line (plan_id, category, position, initial, adjustment, full_year, actual, carryover) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const lineItem = prepare(
    "insert into line_item (plan_id, parent_id, position, name, kind, amount_initial, amount_full_year, amount_actual, period, period_goal, annual_goal) values (?, ?, ?, ?, 'INITIAL', ?, ?, ?, ?, ?, ?)",
  );
  const indicator = prepare(
    'insert into indicator (plan_id, line_item_id, position, level1, level1_label, level2, level2_label, name, target_text, actual_text, weight, score, evidence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const writeIndicators = (planId: number, lineItemId: number | null, rows: IndicatorDocument[] | null | undefined) => {
    for (const [position, row] of (rows ?? []).entries()) {
      const levels = canonicalLevels(row.level1, row.level2);
      insert(indicator, count([planId, lineItemId, position, levels.level1, row.level1, levels.level2, row.level2 ?? null, row.name, row.target ?? null, row.actual ?? null, points(row.weight), points(row.score), row.evidence ?? null]));
      stats.indicators++;
    }
  };
  const writeLineItems = (planId: number, parentId: number | null, items: LineItemDocument[] | null | undefined) => {
    for (const [position, item] of (items ?? []).entries()) {
      const a = item.amounts ?? {};
      const id = insert(lineItem, count([planId, parentId, position, item.name, micros(a.initial), micros(a.fullYear), micros(a.actual), item.period ?? null, item.periodGoal ?? null, item.annualGoal ?? null]));
      stats.lineItems++;
      writeIndicators(planId, id, item.indicators);
      writeLineItems(planId, id, item.children);
    }
  };
  let inTransaction = 0;
  for (const document of documents) {
    if (inTransaction === 0) db.exec('begin');
    const departmentId = insert(department, count([document.department.name, null, document.department.region ?? null, now, now]));
    stats.departments++;
    const planId = insert(plan, count([departmentId, document.year, document.source, document.department.name, document.department.region ?? null, JSON.stringify(document.overallGoals ?? null), now, now]));
    stats.plans++;
    let position = 0;
    for (const [key, category] of CATEGORY) {
      const s = document.budget?.[key] as StageAmounts | null | undefined;
      if (!s) continue;
      insert(budget, count([planId, category, position++, micros(s.initial), micros(s.adjustment), micros(s.fullYear), micros(s.actual), micros(s.carryover)]));
      stats.budgetLines++;
    }
    const income = document.budget?.income?.generalPublic;
    if (income) {
      insert(budget, count([planId, 'INCOME_GENERAL_PUBLIC', position++, micros(income.initial), null, micros(income.fullYear), micros(income.actual), null]));
      stats.budgetLines++;
    }
    writeIndicators(planId, null, document.indicators);
    writeLineItems(planId, null, document.lineItems);
    if (++inTransaction === 200) {
      db.exec('commit');
      inTransaction = 0;
    }
  }
  if (inTransaction) db.exec('commit');
  db.exec('pragma wal_checkpoint(truncate)');
  await closeRaw(db);
  stats.ms = performance.now() - start;
  return stats;
}
