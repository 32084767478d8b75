import { type EntityProperty, helper, OptimisticLockError } from '@mikro-orm/core';
import { currentAuditScope } from '../audit/audit-scope.js';
import { type AuditRow, insertAuditRows, updateEntries } from '../audit/audit.service.js';
import type { EntityManager } from '@mikro-orm/sqlite';
import { formatDecimal, microsOrNull, toMicros } from '../../domain/decimal.js';
import type { CheckedIndicator, CheckedLineItem, CheckedPlan } from '../../domain/checks/index.js';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { evaluationChecks } from '../evaluation/evaluation-findings.service.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { documentPaths, scoringChecks } from './plan-checks.js';
import { loadPlanContent } from './plan-content.js';
import {
  checkList,
  computeFigures,
  FIGURES_VERSION,
  indicatorFigures,
  rollupsOf,
  thinPlan,
  THIN_ROWS,
  statedOf,
  type IndicatorColumns,
  type RollupColumns,
  type RollupRow,
  type ThinIndicator,
  type ThinLineItem,
  type ThinPlan,
  decimalOf,
  microsOf,
} from './plan-figures.service.js';
import { rollupIndicators, type PlanRollup } from '../../domain/rollup.js';
import { type EvaluationTotal, statedEvaluationFindings } from '../../domain/evaluation-total.js';
import { budgetFigures, type BudgetFigures } from '../indicator/indicator-reading.js';
import { AMOUNT_CHECK_CODES, checkCodesOf, FIGURE_PROPERTIES, type StoredChecks } from './plan-figures.types.js';
import { Plan } from './plan.entity.js';
import { isPostgres } from '../../db/dialect.js';

/**
 * Writes the stored figures (plan-figures.service.ts computes them) in the caller's transaction:
 * storePlanFigures recomputes a whole plan from its texts (imports, structural edits, budget and
 * evaluation changes, the rebuild command); storeIndicatorFigures re-reads one indicator and
 * refreshes the roll-ups of its line-item chain and plan from the other rows' stored columns, in a
 * fixed handful of statements however large the plan. Derived columns are written with native
 * updates: they are not edits (no version bump, no audit entry).
 */

type Raw = Record<string, unknown>;


/** JSON text of a parsed value with every object's keys in sorted order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** A column's stored value and a newly computed one, compared as the API speaks them. */
function same(stored: unknown, computed: unknown, kind: 'decimal' | 'json' | 'boolean' | 'plain'): boolean {
  if (computed === null || computed === undefined) return stored === null || stored === undefined;
  if (stored === null || stored === undefined) return false;
  switch (kind) {
    case 'decimal':
      return decimalOf(stored) === computed;
    case 'json': {
      // SQLite gives back the text written (JSON.stringify of the same value); PostgreSQL's jsonb gives
      // objects back with their keys reordered: compare with keys sorted.
      if (typeof stored === 'string' && stored === JSON.stringify(computed)) return true;
      return canonicalJson(typeof stored === 'string' ? JSON.parse(stored) : stored) === canonicalJson(JSON.parse(JSON.stringify(computed)));
    }
    case 'boolean':
      return Boolean(stored) === computed;
    case 'plain':
      return stored === computed;
  }
}

const INDICATOR_COLUMNS: Record<keyof IndicatorColumns, [string, 'decimal' | 'json' | 'plain']> = {
  readingKind: ['reading_kind', 'plain'],
  readingComparator: ['reading_comparator', 'plain'],
  readingValue: ['reading_value', 'plain'],
  readingUnit: ['reading_unit', 'plain'],
  readingConfidence: ['reading_confidence', 'plain'],
  gapStatus: ['gap_status', 'plain'],
  completion: ['completion', 'decimal'],
  suggestedScore: ['suggested_score', 'decimal'],
  effectiveScore: ['effective_score', 'decimal'],
  scoreLost: ['score_lost', 'decimal'],
  checkFlags: ['check_flags', 'plain'],
};

const ROLLUP_COLUMNS: Record<keyof RollupColumns, [string, 'decimal' | 'json' | 'boolean' | 'plain']> = {
  rollupCount: ['rollup_count', 'plain'],
  rollupScoredCount: ['rollup_scored_count', 'plain'],
  rollupPendingCount: ['rollup_pending_count', 'plain'],
  rollupWeightTotal: ['rollup_weight_total', 'decimal'],
  rollupScoreTotal: ['rollup_score_total', 'decimal'],
  rollupComputedTotal: ['rollup_computed_total', 'decimal'],
  rollupGrade: ['rollup_grade', 'plain'],
  rollupGradeProvisional: ['rollup_grade_provisional', 'boolean'],
  rollupExecutionRate: ['rollup_execution_rate', 'decimal'],
  rollupMetCount: ['rollup_met_count', 'plain'],
  rollupPartialCount: ['rollup_partial_count', 'plain'],
  rollupNotMetCount: ['rollup_not_met_count', 'plain'],
  rollupTextTargetCount: ['rollup_text_target_count', 'plain'],
};

function changed<K extends string>(stored: Raw | undefined, computed: Record<K, unknown>, columns: Record<K, [string, 'decimal' | 'json' | 'boolean' | 'plain']>): boolean {
  if (!stored) return true;
  return (Object.keys(columns) as K[]).some((key) => {
    const [column, kind] = columns[key];
    return !same(stored[column], computed[key], kind);
  });
}

/** Runs one SQL statement in the caller's transaction, without a query builder (`?` placeholders on both databases). */
function sql(em: EntityManager, text: string, params: unknown[], method: 'all' | 'run' = 'all'): Promise<Raw[]> {
  return em.getConnection().execute(text, params as never[], method, em.getTransactionContext()) as Promise<Raw[]>;
}

/**
 * Writes derived columns natively and gives the same values to the row's object if this request holds
 * it, as already stored: the payload shows them, and no later flush sees them as an edit.
 */
async function write<T extends Indicator | LineItem | Plan>(em: EntityManager, entity: new () => T, id: number, values: Partial<T>): Promise<void> {
  const columns = entity === Indicator ? INDICATOR_COLUMNS : ROLLUP_COLUMNS;
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(values)) {
    const [column, kind] = (columns as Record<string, [string, string]>)[key] ?? PLAN_COLUMNS[key];
    names.push(`"${column}" = ?`);
    params.push(databaseValue(value, kind));
  }
  // A plain update, not nativeUpdate: MikroORM would bump the optimistic-lock version of the row.
  await sql(em, `update "${TABLES.get(entity)!}" set ${names.join(', ')} where "id" = ?`, [...params, id], 'run');
  registerWritten(em, entity, id, values);
}

/** The written values on the row's object if this request holds it, as already stored. */
function registerWritten<T extends Indicator | LineItem | Plan>(em: EntityManager, entity: new () => T, id: number, values: Partial<T>): void {
  const managed = em.getUnitOfWork().getById<T>(entity.name, id as never);
  if (!managed) return;
  Object.assign(managed, values);
  em.getUnitOfWork().register(managed, em.getComparator().prepareEntity(managed) as never, { refresh: true });
}

const TABLES = new Map<unknown, string>([
  [Indicator, 'indicator'],
  [LineItem, 'line_item'],
  [Plan, 'plan'],
]);

const PLAN_COLUMNS: Record<string, [string, string]> = { figuresVersion: ['figures_version', 'plain'] };

/** Each code's count. */
function countsOf(codes: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

async function insertCounts(em: EntityManager, planId: number, counts: Map<string, number>): Promise<void> {
  if (!counts.size) return;
  await sql(em, `insert into "plan_check_count" ("plan_id", "code", "count") values ${[...counts].map(() => '(?, ?, ?)').join(', ')}`, [...counts].flatMap(([code, count]) => [planId, code, count]), 'run');
}

async function writePlan(em: EntityManager, planId: number, rollup: RollupColumns, checks: StoredChecks): Promise<void> {
  await write(em, Plan, planId, { ...rollup, figuresVersion: FIGURES_VERSION });
  // Rewritten every time (two statements), so a write costs the same whatever its warnings.
  await sql(em, 'delete from "plan_check_count" where "plan_id" = ?', [planId], 'run');
  await insertCounts(em, planId, countsOf(checkList(checks).map((warning) => warning.code)));
}

/** Recomputes every figure of a plan from its texts and stores what changed. Flushes first. */
export async function storePlanFigures(em: EntityManager, planId: number): Promise<void> {
  await em.flush();
  const content = await loadPlanContent(em, planId);
  const figures = computeFigures(content);
  const knex = em.getKnex();
  const [indicators, lineItems] = await Promise.all([
    em.execute(knex('indicator').select(['id', ...Object.values(INDICATOR_COLUMNS).map(([column]) => column)]).where('plan_id', planId)) as Promise<Raw[]>,
    em.execute(knex('line_item').select(['id', ...Object.values(ROLLUP_COLUMNS).map(([column]) => column)]).where('plan_id', planId)) as Promise<Raw[]>,
  ]);
  const storedIndicators = new Map(indicators.map((row) => [Number(row.id), row]));
  await writeMany(
    em,
    Indicator,
    [...figures.indicators].filter(([id, { columns }]) => changed(storedIndicators.get(id), columns, INDICATOR_COLUMNS)).map(([id, { columns }]) => ({ id, values: columns })),
  );
  const storedLineItems = new Map(lineItems.map((row) => [Number(row.id), row]));
  await writeMany(
    em,
    LineItem,
    [...figures.lineItems].filter(([id, { columns }]) => changed(storedLineItems.get(id), columns, ROLLUP_COLUMNS)).map(([id, { columns }]) => ({ id, values: columns })),
  );
  await writePlan(em, planId, figures.plan.columns, figures.checks);
}

/** Rows per batched UPDATE: well under both databases' bound-parameter limits. */
const UPDATE_CHUNK = 200;

/**
 * write() for many rows of one table, the same columns each: one UPDATE … FROM (VALUES …) per 200 rows,
 * with bound parameters (a plan rewritten after a FIGURES_VERSION change was a statement per row: issue
 * 12). Both databases name a VALUES list's columns column1, column2, …; PostgreSQL needs the parameters
 * cast to the columns' types.
 */
async function writeMany<T extends Indicator | LineItem>(em: EntityManager, entity: new () => T, rows: { id: number; values: Partial<T> }[]): Promise<void> {
  if (rows.length === 1) return write(em, entity, rows[0].id, rows[0].values);
  if (!rows.length) return;
  const columns = entity === Indicator ? INDICATOR_COLUMNS : ROLLUP_COLUMNS;
  const meta = em.getMetadata().get(entity.name);
  const postgres = isPostgres(em);
  const set = Object.keys(rows[0].values)
    .filter((key) => key in columns)
    .map((key) => {
      const [column, kind] = (columns as Record<string, [string, string]>)[key];
      const type = (meta.properties as Record<string, { columnTypes: string[] }>)[key].columnTypes[0];
      return { key, column, kind, placeholder: postgres ? `cast(? as ${type})` : '?' };
    });
  const row = `(${[postgres ? 'cast(? as int)' : '?', ...set.map(({ placeholder }) => placeholder)].join(', ')})`;
  const table = TABLES.get(entity)!;
  const assignments = set.map(({ column }, index) => `"${column}" = v."column${index + 2}"`).join(', ');
  const transaction = em.getTransactionContext();
  for (let start = 0; start < rows.length; start += UPDATE_CHUNK) {
    const chunk = rows.slice(start, start + UPDATE_CHUNK);
    const bindings: unknown[] = [];
    for (const { id, values } of chunk) {
      bindings.push(id);
      for (const { key, kind } of set) bindings.push(databaseValue((values as Record<string, unknown>)[key], kind));
    }
    const query = em.getKnex().raw(`update "${table}" set ${assignments} from (values ${chunk.map(() => row).join(', ')}) as v where "${table}"."id" = v."column1"`, bindings as never[]);
    if (transaction) query.transacting(transaction);
    await query;
  }
  for (const { id, values } of rows) registerWritten(em, entity, id, values);
}

function databaseValue(value: unknown, kind: string): unknown {
  return value === null || value === undefined ? null : kind === 'decimal' ? Number(toMicros(value as string)) : kind === 'json' ? JSON.stringify(value) : value;
}

/**
 * An import's plan row: its roll-up and checks, computed from the rows in memory (the indicator and
 * line-item rows went in with their figures: plan-document.service.ts), and the check counts.
 */
export function storeImportedPlanFigures(em: EntityManager, planId: number, rollup: RollupColumns, checks: StoredChecks): Promise<void> {
  return writePlan(em, planId, rollup, checks);
}

// ---------------------------------------------------------------------------------------------------
// One indicator

/**
 * What a single-indicator write reads with its indicator, in the same statement (indicator.service.ts,
 * INDICATOR_FOR_EDIT): the indicator's row as stored before the edit, and its plan's head.
 */
export interface IndicatorWriteHead {
  /** The indicator's columns as stored before the edit (database names). */
  stored: Raw;
  figuresVersion: number;
  executionScoring: Plan['executionScoring'];
  /** plan.section_weights as read. */
  sectionWeights: unknown;
  /** The TOTAL budget line's amounts as read (all null without one). */
  total: { initial: unknown; adjustment: unknown; fullYear: unknown; actual: unknown };
  /** The evaluation's stated 综合得分 and 等次; null without an evaluation. */
  evaluation: { totalScore: unknown; grade: unknown } | null;
  /** Another indicator of the plan is stored without figures (written straight into the database). */
  unfigured: boolean;
  /**
   * When the indicator is a plain row, not a managed entity (indicator.service.ts): its data before the edit
   * and how to take it again after, as the comparator's prepareEntity gives them (database values).
   */
  plain?: { original: Raw; snapshot(indicator: Indicator): Raw };
}

/** An indicator as a roll-up and the points checks see it, before or after a write. */
type OwnRow = ThinIndicator;

function storedRowOf(raw: Raw): OwnRow {
  return {
    ...rollupRowOfRaw(raw, raw.line_item_id == null ? null : Number(raw.line_item_id)),
    position: Number(raw.position),
    name: String(raw.name),
    checkFlags: raw.check_flags == null ? null : Number(raw.check_flags),
  };
}

/** The figures of the rows' roll-ups that an indicator's change can change (the points checks' inputs aside). */
const ROLLUP_INPUTS = ['status', 'suggestedScore', 'readingKind', 'scoreUnconfirmed'] as const;
/** What the points checks (and the tree) read of a row besides: a change here recounts the whole plan. */
const PLAN_INPUTS = ['lineItemId', 'level1', 'weight', 'score', 'name', 'position'] as const;

/** Adds each code's count change to `delta`: `sign` −1 for the codes before, +1 for those after. */
function tally(delta: Map<string, number>, codes: Iterable<string>, sign: 1 | -1): void {
  for (const code of codes) delta.set(code, (delta.get(code) ?? 0) + sign);
}

/**
 * Applies changes of the plan's check counts: one upsert of the codes whose count changed (+ a delete of the
 * counts that reached 0 when one went down); nothing when none changed. The stored counts are those of the
 * plan's rows as stored before the write (every write keeps them so: test/api/stored-figures.test.ts).
 */
async function addCounts(em: EntityManager, planId: number, delta: Map<string, number>): Promise<void> {
  const changes = [...delta].filter(([, change]) => change !== 0);
  if (!changes.length) return;
  await sql(
    em,
    `insert into "plan_check_count" ("plan_id", "code", "count") values ${changes.map(() => '(?, ?, ?)').join(', ')} on conflict ("plan_id", "code") do update set "count" = "plan_check_count"."count" + excluded."count"`,
    changes.flatMap(([code, change]) => [planId, code, change]),
    'run',
  );
  if (changes.some(([, change]) => change < 0)) await sql(em, 'delete from "plan_check_count" where "plan_id" = ? and "count" <= 0', [planId], 'run');
}

/** The columns of `after` that differ from `before` (both computed the same way). */
function changedColumns(before: RollupColumns, after: RollupColumns): Partial<RollupColumns> | null {
  const changed: Partial<Record<keyof RollupColumns, unknown>> = {};
  let any = false;
  for (const key of Object.keys(ROLLUP_COLUMNS) as (keyof RollupColumns)[]) {
    if (before[key] !== after[key]) {
      changed[key] = after[key];
      any = true;
    }
  }
  return any ? (changed as Partial<RollupColumns>) : null;
}

/**
 * The indicators of the subtree of the top line item above a line item (its chain's roll-ups read no other),
 * with that subtree's line items (each line item at least once; its indicators' columns null when it has none).
 */
const SUBTREE_SQL = `with recursive "up" ("id", "parent_id") as (
  select "id", "parent_id" from "line_item" where "id" = ?
  union all
  select l."id", l."parent_id" from "line_item" l join "up" u on l."id" = u."parent_id"
), "down" ("id", "parent_id") as (
  select "id", "parent_id" from "up" where "parent_id" is null
  union all
  select l."id", l."parent_id" from "line_item" l join "down" d on l."parent_id" = d."id"
)
select d."id" as "item_id", d."parent_id" as "item_parent_id", i."id", i."level1", i."weight", i."score", i."score_unconfirmed", i."gap_status", i."suggested_score", i."reading_kind"
from "down" d left join "indicator" i on i."line_item_id" = d."id"`;

/** The plan's own (department-level) indicators: its roll-up reads no other. */
const PLAN_ROWS_SQL =
  'select "id", "level1", "weight", "score", "score_unconfirmed", "gap_status", "suggested_score", "reading_kind" from "indicator" where "plan_id" = ? and "line_item_id" is null';

function rollupRowOfRaw(raw: Raw, lineItemId: number | null): RollupRow {
  return {
    id: Number(raw.id),
    lineItemId,
    level1: raw.level1 as RollupRow['level1'],
    weight: microsOf(raw.weight),
    score: microsOf(raw.score),
    scoreUnconfirmed: Boolean(raw.score_unconfirmed),
    status: raw.gap_status as RollupRow['status'],
    suggestedScore: microsOf(raw.suggested_score),
    readingKind: (raw.reading_kind as string | null) ?? null,
  };
}

/** A roll-up's stored columns but the execution rate (which reads only the amounts), from its rows. */
export type RowRollupColumns = Omit<RollupColumns, 'rollupExecutionRate'>;

/**
 * The roll-up columns of a line item (over its own and its descendants' rows) or of a plan (over its own
 * rows) but the execution rate: rollupsOf's columns (rollupColumns), through the same domain core
 * (rollupIndicators), without the line items' section totals and children a single write does not store.
 */
export function rowRollupColumns(rows: readonly RollupRow[]): { columns: RowRollupColumns; total: EvaluationTotal } {
  const totals = rollupIndicators(
    rows.map((row) => ({
      level1: row.level1,
      weight: row.weight,
      gap: { status: row.status, suggestedScore: row.suggestedScore, difference: null, completion: null, scoringMethod: null, explanation: '', warnings: [] },
      evaluatorScore: row.score,
      scoreUnconfirmed: row.scoreUnconfirmed,
    })),
  );
  let textTargets = 0;
  for (const row of rows) if (row.readingKind === 'TEXT') textTargets++;
  return {
    total: totals.total,
    columns: {
      rollupCount: totals.count,
      rollupScoredCount: totals.scoredCount,
      rollupPendingCount: totals.total.pendingCount,
      rollupWeightTotal: formatDecimal(totals.weightTotal),
      rollupScoreTotal: formatDecimal(totals.scoreTotal),
      rollupComputedTotal: totals.total.computedTotal === null ? null : formatDecimal(totals.total.computedTotal),
      rollupGrade: totals.total.grade,
      rollupGradeProvisional: totals.total.provisional,
      rollupMetCount: totals.countsByStatus.MET,
      rollupPartialCount: totals.countsByStatus.PARTIAL,
      rollupNotMetCount: totals.countsByStatus.NOT_MET,
      rollupTextTargetCount: textTargets,
    },
  };
}

/** The columns of `after` that differ from `before`. */
function changedOf<T extends object>(before: T, after: T): Partial<T> | null {
  const changed: Partial<T> = {};
  let any = false;
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key]) {
      changed[key] = after[key];
      any = true;
    }
  }
  return any ? changed : null;
}

/**
 * The roll-ups of a line item's chain whose stored columns a change of one of its indicators changes: the
 * columns before and after over each chain item's subtree (`raws`: the rows under the chain's top line item,
 * SUBTREE_SQL), an UPDATE of the changed columns of each. The execution rate reads only the line item's amounts, which
 * the write does not change.
 */
function chainRollupWrites(em: EntityManager, lineItemId: number, raws: Raw[], before: OwnRow, after: OwnRow): Promise<void>[] {
  const parents = new Map<number, number | null>();
  const rows: RollupRow[] = [];
  let own: RollupRow | undefined;
  for (const raw of raws) {
    const id = Number(raw.item_id);
    if (!parents.has(id)) parents.set(id, raw.item_parent_id == null ? null : Number(raw.item_parent_id));
    if (raw.id == null) continue;
    const row = rollupRowOfRaw(raw, id);
    if (row.id === after.id) own = row;
    rows.push(row);
  }
  if (!own) return [];
  // Each chain item's rows: those whose line item has it above (or is it).
  const chain: number[] = [];
  for (let id: number | null = lineItemId; id !== null && parents.has(id); id = parents.get(id)!) chain.push(id);
  const under = new Map<number, RollupRow[]>(chain.map((id) => [id, []]));
  for (const row of rows) {
    for (let id: number | null = row.lineItemId; id !== null; id = parents.get(id) ?? null) under.get(id)?.push(row);
  }
  const writes: Promise<void>[] = [];
  for (const id of chain) {
    const subtree = under.get(id)!;
    Object.assign(own, pickRollupInputs(before));
    const old = rowRollupColumns(subtree).columns;
    Object.assign(own, pickRollupInputs(after));
    const changed = changedOf(old, rowRollupColumns(subtree).columns);
    if (changed) writes.push(write(em, LineItem, id, changed));
  }
  return writes;
}

function pickRollupInputs(row: OwnRow): Pick<RollupRow, (typeof ROLLUP_INPUTS)[number]> {
  return { status: row.status, suggestedScore: row.suggestedScore, readingKind: row.readingKind, scoreUnconfirmed: row.scoreUnconfirmed };
}

/**
 * The plan's roll-up when one of its own (department-level) indicators changes, before and after over
 * those rows (`raws`: PLAN_ROWS_SQL), an UPDATE of its changed columns; the stated total's and grade's findings
 * (which compare with that roll-up) recounted into `delta`.
 */
function planRollupWrites(em: EntityManager, planId: number, head: IndicatorWriteHead, raws: Raw[], before: OwnRow, after: OwnRow, delta: Map<string, number>): Promise<void>[] {
  const rows = raws.map((raw) => rollupRowOfRaw(raw, null));
  const own = rows.find((row) => row.id === after.id);
  if (!own) return [];
  const stated = head.evaluation ? statedOf({ totalScore: decimalOf(head.evaluation.totalScore), grade: (head.evaluation.grade as string | null) ?? null }) : undefined;
  Object.assign(own, pickRollupInputs(before));
  const old = rowRollupColumns(rows);
  Object.assign(own, pickRollupInputs(after));
  const fresh = rowRollupColumns(rows);
  if (stated) {
    tally(delta, statedEvaluationFindings(old.total, stated).map((finding) => finding.code), -1);
    tally(delta, statedEvaluationFindings(fresh.total, stated).map((finding) => finding.code), 1);
  }
  const changed = changedOf(old.columns, fresh.columns);
  return changed ? [write(em, Plan, planId, changed)] : [];
}

/** The plan's 合计 budget figures (the 预算执行率 row's gap), from the head read with the indicator. */
export function headBudget(head: IndicatorWriteHead): BudgetFigures {
  const { initial, adjustment, fullYear, actual } = head.total;
  return budgetFigures({ initial: decimalOf(initial), adjustment: decimalOf(adjustment), fullYear: decimalOf(fullYear), actual: decimalOf(actual) });
}

/** The plan's row as thinPlan reads it (HEAD_SQL's columns), from the head read with the indicator. */
function headRow(head: IndicatorWriteHead): Raw {
  return {
    figures_version: head.figuresVersion,
    execution_scoring: head.executionScoring,
    section_weights: head.sectionWeights,
    initial: head.total.initial,
    adjustment: head.total.adjustment,
    full_year: head.total.fullYear,
    actual: head.total.actual,
  };
}

/**
 * Saves a single-indicator edit and the indicator's recomputed figures in one UPDATE, as the unit of work
 * would (only the changed columns, the optimistic-lock version checked and raised: a lost race throws
 * OptimisticLockError, a CONFLICT), with the same audit entries the subscriber writes for a flush, without
 * the unit of work's change-set machinery (a third of a write's CPU). An edit that changes nothing of its
 * own writes only the figures, natively (no version bump, no entry).
 */
async function saveIndicator(em: EntityManager, indicator: Indicator, figures: IndicatorColumns, plain?: IndicatorWriteHead['plain']): Promise<void> {
  const original = plain ? plain.original : (helper(indicator).__originalEntityData as Raw | undefined);
  if (!original) {
    Object.assign(indicator, figures);
    return em.flush();
  }
  const comparator = em.getComparator();
  Object.assign(indicator, figures);
  const prepared = plain ? plain.snapshot(indicator) : (comparator.prepareEntity(indicator) as Raw);
  const changes = comparator.diffEntities<Indicator>('Indicator', original as never, prepared as never) as Raw;
  const keys = Object.keys(changes);
  if (!keys.some((key) => !FIGURE_PROPERTIES.has(key))) {
    // Only figures changed (or nothing): those columns, natively; an edit that changes nothing writes nothing.
    if (!keys.length) return;
    return write(em, Indicator, indicator.id, Object.fromEntries(keys.map((key) => [key, figures[key as keyof IndicatorColumns]])) as Partial<Indicator>);
  }
  const meta = em.getMetadata().get<Indicator>('Indicator');
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'version') continue;
    names.push(`"${(meta.properties as Record<string, EntityProperty>)[key].fieldNames[0]}" = ?`);
    params.push(value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);
  }
  // The UPDATE and its audit entry are sent together (the connection runs them one after the other); a lost
  // race fails the write once both are done, and the transaction's rollback takes the entry back.
  const update = em
    .getConnection()
    .execute(`update "indicator" set ${names.join(', ')}, "version" = "version" + 1 where "id" = ? and "version" = ?`, [...params, indicator.id, indicator.version] as never[], 'run', em.getTransactionContext()) as unknown as Promise<{ affectedRows: number }>;
  const audited = currentAuditScope().rowsAudited !== false;
  const entries = audited ? updateEntries(meta as never, em.getPlatform(), { objectType: 'Indicator', planId: indicator.plan.id }, original, changes) : [];
  const [result] = await together([update, audited ? insertAuditRows(em, entries.map((entry) => ({ ...entry, objectId: indicator.id }) as AuditRow)) : null]);
  if (result.affectedRows !== 1) throw OptimisticLockError.lockFailed(indicator);
  indicator.version += 1;
  if (!plain) em.getUnitOfWork().register(indicator, { ...prepared, version: indicator.version } as never, { refresh: true });
}

/**
 * Awaits statements sent together in the caller's transaction (one connection runs them one after the other:
 * the connection waits for no round trip between them), then fails with the first failure — never before
 * all are done, so none runs after the transaction's rollback.
 */
async function together<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(work);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as never;
}

/**
 * After a change to one indicator's target, actual, 分值, 得分 or reasons: computes that indicator's
 * figures, saves them with the change (one UPDATE), and refreshes only what the change changes, compared
 * before and after on the same rows: an edit that leaves the row's gap, suggestion, reading kind and
 * re-confirmation as they were changes no roll-up; one that changes them re-reads the rows under its
 * line-item chain's top line item (one statement) or the plan's own rows (one statement) and writes the
 * roll-up columns that changed. Statements that do not wait for each other are sent together: the row's
 * UPDATE, its audit entry and that read; then the roll-ups' UPDATEs and the counts'. The plan's check counts change by the row's own codes (and, for the plan's
 * own rows, the stated total's): one upsert when any did. A change of 分值 or 得分 (which the points checks
 * read over the whole plan) reads the plan's thin rows (storeThinFigures). Falls back to storePlanFigures
 * for a plan stored by an older figure code or with rows stored without figures.
 */
export async function storeIndicatorFigures(em: EntityManager, indicator: Indicator, head: IndicatorWriteHead): Promise<void> {
  const planId = indicator.plan.id;
  if (head.figuresVersion < FIGURES_VERSION || head.unfigured) return storePlanFigures(em, planId);
  const budget = headBudget(head);
  const own = indicatorFigures(indicator, budget, head);
  const after: OwnRow = {
    id: indicator.id,
    lineItemId: indicator.lineItem?.id ?? null,
    position: indicator.position,
    name: indicator.name,
    level1: indicator.level1,
    weight: microsOrNull(indicator.weight),
    score: microsOrNull(indicator.score),
    scoreUnconfirmed: indicator.scoreUnconfirmed,
    status: own.columns.gapStatus,
    suggestedScore: microsOrNull(own.columns.suggestedScore),
    readingKind: own.columns.readingKind,
    checkFlags: own.columns.checkFlags,
  };
  const before = head.stored.gap_status == null ? null : storedRowOf(head.stored);
  if (!before || PLAN_INPUTS.some((key) => before[key] !== after[key])) return storeThinFigures(em, indicator, head, own.columns, before, after);

  // The row's UPDATE, its audit entry and the read of the rows whose roll-ups it changes, together; then the
  // changed roll-ups and counts, together.
  const rollupChanged = ROLLUP_INPUTS.some((key) => before[key] !== after[key]);
  const lineItemId = after.lineItemId;
  const [, raws] = await together([
    saveIndicator(em, indicator, own.columns, head.plain),
    rollupChanged ? (lineItemId === null ? sql(em, PLAN_ROWS_SQL, [planId]) : sql(em, SUBTREE_SQL, [lineItemId])) : null,
  ]);
  const delta = new Map<string, number>();
  tally(delta, checkCodesOf(before.checkFlags), -1);
  tally(delta, checkCodesOf(after.checkFlags), 1);
  const writes: Promise<void>[] = [];
  if (raws) {
    if (lineItemId === null) writes.push(...planRollupWrites(em, planId, head, raws, before, after, delta));
    else writes.push(...chainRollupWrites(em, lineItemId, raws, before, after));
  }
  writes.push(addCounts(em, planId, delta));
  await together(writes);
  // Everything is written: nothing is left for the transaction's flush to compare (runMutation clears the
  // request's identity map after a mutation anyway).
  em.clear();
}

/**
 * storeIndicatorFigures for a change the points checks read (分值, 得分), or a row stored without figures:
 * reads the plan's thin rows (THIN_ROWS, three statements), computes the chain's and plan's roll-ups and the
 * plan's non-amount check codes before and after the change, and writes what changed.
 */
async function storeThinFigures(em: EntityManager, indicator: Indicator, head: IndicatorWriteHead, columns: IndicatorColumns, stored: OwnRow | null, after: OwnRow): Promise<void> {
  const planId = indicator.plan.id;
  const run = (text: string) => sql(em, text, [planId]);
  const [indicatorRows, lineItemRows, evaluationRows] = await Promise.all([run(THIN_ROWS.indicators), run(THIN_ROWS.lineItems), run(THIN_ROWS.evaluations)]);
  const thin = thinPlan(headRow(head), indicatorRows, lineItemRows, evaluationRows);
  await saveIndicator(em, indicator, columns, head.plain);

  const row = thin.rows.find((candidate) => candidate.id === indicator.id)!;
  const parents = new Map(thin.items.map((item) => [item.id, item.parentId]));
  const chain = new Set<number>();
  for (let id = indicator.lineItem?.id ?? null; id !== null; id = parents.get(id) ?? null) chain.add(id);
  const paths = documentPaths({ budgetLines: [], sections: thin.sections, childrenByParent: thin.childrenByParent, indicatorsByLineItem: thin.indicatorsByLineItem });
  const figures = () => {
    const rollups = rollupsOf({ rows: thin.rows, only: chain, childrenByParent: thin.childrenByParent, budget: thin.budget, sectionWeights: thin.sectionWeights, stated: thin.stated });
    return { rollups, codes: thinCodes(thin, paths, rollups.planRollup) };
  };
  // A row stored without figures counted nothing and rolled up as nothing known: everything is written.
  const old = stored ? (Object.assign(row, stored), figures()) : null;
  Object.assign(row, after);
  const fresh = figures();
  for (const id of chain) {
    const columns = fresh.rollups.lineItems.get(id)!.columns;
    const changed = old ? changedColumns(old.rollups.lineItems.get(id)!.columns, columns) : columns;
    if (changed) await write(em, LineItem, id, changed);
  }
  const changed = old ? changedColumns(old.rollups.plan.columns, fresh.rollups.plan.columns) : fresh.rollups.plan.columns;
  if (changed) await write(em, Plan, planId, changed);
  if (!old) {
    // The counts of the points rules, the stated total and grade, and each indicator's own codes; the amount rules' stay.
    await sql(em, `delete from "plan_check_count" where "plan_id" = ? and "code" not in (${AMOUNT_CHECK_CODES.map(() => '?').join(', ')})`, [planId, ...AMOUNT_CHECK_CODES], 'run');
    return insertCounts(em, planId, countsOf(fresh.codes));
  }
  const delta = new Map<string, number>();
  tally(delta, old.codes, -1);
  tally(delta, fresh.codes, 1);
  await addCounts(em, planId, delta);
}

/** A plan's non-amount check codes from its thin rows: the points rules, the stated total and grade, each row's own. */
function thinCodes(thin: ThinPlan, paths: ReturnType<typeof documentPaths>, planRollup: PlanRollup): string[] {
  const checked: CheckedPlan = {
    budget: [],
    indicators: thinChecked(thin.indicatorsByLineItem.get(null)),
    lineItems: (thin.childrenByParent.get(null) ?? []).map(function lineItemOf(item: ThinLineItem): CheckedLineItem {
      return { id: String(item.id), name: item.name, midyear: item.midyear, amounts: null, indicators: thinChecked(thin.indicatorsByLineItem.get(item.id)), children: (thin.childrenByParent.get(item.id) ?? []).map(lineItemOf) };
    }),
    evaluation: thin.evaluation && {
      totalScore: microsOrNull(thin.evaluation.totalScore),
      grade: thin.evaluation.grade,
      sections: thin.sections.map((section) => ({
        id: String(section.id),
        name: section.name ?? '',
        level1: canonicalLevels(section.name ?? '', null).level1,
        weight: microsOrNull(section.weight),
        score: microsOrNull(section.score),
      })),
    },
  };
  return [
    ...scoringChecks(checked, paths).map((warning) => warning.code),
    ...evaluationChecks(planRollup.statedFindings, [], new Map(), paths.indicator).map((warning) => warning.code),
    ...thin.rows.flatMap((candidate) => checkCodesOf(candidate.checkFlags)),
  ];
}

function thinChecked(rows: ThinIndicator[] | undefined): CheckedIndicator[] {
  return (rows ?? []).map((row) => ({ id: String(row.id), name: row.name, level1: row.level1, weight: row.weight, score: row.score }));
}

// ---------------------------------------------------------------------------------------------------
// Rebuilding

/** Plans per transaction of a rebuild: a province is thousands, a transaction each cost more than some plans' figures. */
const REBUILD_BATCH = 20;

/**
 * Recomputes the figures of the given plans (default: every plan) from their texts, 20 plans per
 * transaction (each plan's figures are its own: a batch is only fewer commits), with a fresh unit of
 * work per plan: `pnpm cli rebuild-figures`, and at start for plans stored by an older figure code.
 */
export async function rebuildFigures(root: EntityManager, planIds?: number[], log: (planId: number) => void = () => {}): Promise<number> {
  const ids = planIds ?? (await root.fork().find(Plan, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((plan) => plan.id);
  for (let start = 0; start < ids.length; start += REBUILD_BATCH) {
    const batch = ids.slice(start, start + REBUILD_BATCH);
    await root.fork().transactional(async (em) => {
      for (const id of batch) {
        await storePlanFigures(em as EntityManager, id);
        em.clear();
      }
    });
    batch.forEach((id) => log(id));
  }
  return ids.length;
}

/** Plans whose stored figures are missing or were computed by an older figure code (FIGURES_VERSION). */
export async function outdatedFigurePlans(root: EntityManager): Promise<number[]> {
  const plans = await root.fork().find(Plan, { figuresVersion: { $lt: FIGURES_VERSION } }, { fields: ['id'], orderBy: { id: 'asc' } });
  return plans.map((plan) => plan.id);
}
