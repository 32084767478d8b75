import { type EntityProperty, helper, OptimisticLockError } from '@mikro-orm/core';
import { currentAuditScope } from '../audit/audit-scope.js';
import { type AuditRow, insertAuditRows, updateEntries } from '../audit/audit.service.js';
import type { EntityManager } from '@mikro-orm/sqlite';
import { microsOrNull, toMicros } from '../../domain/decimal.js';
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
  type IndicatorColumns,
  type RollupColumns,
  type ThinIndicator,
  type ThinLineItem,
  decimalOf,
  microsOf,
} from './plan-figures.service.js';
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

/** The thin reads of a single-indicator write (THIN_ROWS for one plan; the plan's row with its TOTAL amounts), as plain SQL. */
const HEAD_SQL =
  'select p."figures_version", p."execution_scoring", p."section_weights", b."initial", b."adjustment", b."full_year", b."actual" from "plan" p left join "budget_line" b on b."plan_id" = p."id" and b."category" = ? where p."id" = ?';

/**
 * Saves a single-indicator edit and the indicator's recomputed figures in one UPDATE, as the unit of work
 * would (only the changed columns, the optimistic-lock version checked and raised: a lost race throws
 * OptimisticLockError, a CONFLICT), with the same audit entries the subscriber writes for a flush, without
 * the unit of work's change-set machinery (a third of a write's CPU). An edit that changes nothing of its
 * own writes only the figures, natively (no version bump, no entry).
 */
async function saveIndicator(em: EntityManager, indicator: Indicator, figures: IndicatorColumns): Promise<void> {
  const original = helper(indicator).__originalEntityData as Raw | undefined;
  if (!original) {
    Object.assign(indicator, figures);
    return em.flush();
  }
  const comparator = em.getComparator();
  Object.assign(indicator, figures);
  const prepared = comparator.prepareEntity(indicator) as Raw;
  const changes = comparator.diffEntities<Indicator>('Indicator', original as never, prepared as never) as Raw;
  if (!Object.keys(changes).some((key) => !FIGURE_PROPERTIES.has(key))) return write(em, Indicator, indicator.id, figures);
  const meta = em.getMetadata().get<Indicator>('Indicator');
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'version') continue;
    names.push(`"${(meta.properties as Record<string, EntityProperty>)[key].fieldNames[0]}" = ?`);
    params.push(value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);
  }
  const result = (await em
    .getConnection()
    .execute(`update "indicator" set ${names.join(', ')}, "version" = "version" + 1 where "id" = ? and "version" = ?`, [...params, indicator.id, indicator.version] as never[], 'run', em.getTransactionContext())) as unknown as { affectedRows: number };
  if (result.affectedRows !== 1) throw OptimisticLockError.lockFailed(indicator);
  indicator.version += 1;
  em.getUnitOfWork().register(indicator, { ...prepared, version: indicator.version } as never, { refresh: true });
  if (currentAuditScope().rowsAudited === false) return;
  const entries = updateEntries(meta as never, em.getPlatform(), { objectType: 'Indicator', planId: indicator.plan.id }, original, changes);
  await insertAuditRows(em, entries.map((entry) => ({ ...entry, objectId: indicator.id }) as AuditRow));
}

/**
 * After a change to one indicator's target, actual, 分值, 得分 or reasons: re-reads that indicator, then
 * refreshes the roll-ups of its line-item chain and its plan and the plan's warning counts from thin rows
 * (no other text is read; no whole-plan JSON): the indicator's figures and warning codes go into the
 * UPDATE of the change itself (one statement), each line item of its chain and the plan one UPDATE each,
 * and the counts of every code but the amount rules' (which an indicator does not change) two statements.
 */
export async function storeIndicatorFigures(em: EntityManager, indicator: Indicator): Promise<void> {
  const planId = indicator.plan.id;
  const run = (text: string) => sql(em, text, [planId]);
  const [[head], indicatorRows, lineItemRows, evaluationRows] = await Promise.all([
    sql(em, HEAD_SQL, ['TOTAL', planId]),
    run(THIN_ROWS.indicators),
    run(THIN_ROWS.lineItems),
    run(THIN_ROWS.evaluations),
  ]);
  if (!head || Number(head.figures_version ?? 0) < FIGURES_VERSION) return storePlanFigures(em, planId);
  if (indicatorRows.some((row) => row.gap_status === null && Number(row.id) !== indicator.id)) return storePlanFigures(em, planId);

  const thin = thinPlan(head, indicatorRows, lineItemRows, evaluationRows);
  const plan = { executionScoring: (typeof head.execution_scoring === 'string' ? JSON.parse(head.execution_scoring) : (head.execution_scoring ?? null)) as Plan['executionScoring'] };
  const own = indicatorFigures(indicator, thin.budget, plan);
  await saveIndicator(em, indicator, own.columns);

  const row = thin.rows.find((candidate) => candidate.id === indicator.id)!;
  Object.assign(row, {
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
  });

  const parents = new Map(thin.items.map((item) => [item.id, item.parentId]));
  const chain = new Set<number>();
  for (let id = indicator.lineItem?.id ?? null; id !== null; id = parents.get(id) ?? null) chain.add(id);
  const rollups = rollupsOf({ rows: thin.rows, only: chain, childrenByParent: thin.childrenByParent, budget: thin.budget, sectionWeights: thin.sectionWeights, stated: thin.stated });
  for (const id of chain) await write(em, LineItem, id, rollups.lineItems.get(id)!.columns);
  await write(em, Plan, planId, { ...rollups.plan.columns, figuresVersion: FIGURES_VERSION });

  // The counts of the points rules, the stated total and grade, and each indicator's own codes; the amount rules' stay.
  const paths = documentPaths({ budgetLines: [], sections: thin.sections, childrenByParent: thin.childrenByParent, indicatorsByLineItem: thin.indicatorsByLineItem });
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
  const codes = [
    ...scoringChecks(checked, paths).map((warning) => warning.code),
    ...evaluationChecks(rollups.planRollup.statedFindings, [], new Map(), paths.indicator).map((warning) => warning.code),
    ...thin.rows.flatMap((candidate) => checkCodesOf(candidate.checkFlags)),
  ];
  await sql(em, `delete from "plan_check_count" where "plan_id" = ? and "code" not in (${AMOUNT_CHECK_CODES.map(() => '?').join(', ')})`, [planId, ...AMOUNT_CHECK_CODES], 'run');
  await insertCounts(em, planId, countsOf(codes));
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
