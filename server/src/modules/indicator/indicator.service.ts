import { type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { toMicros } from '../../domain/decimal.js';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { getLineItem } from '../line-item/line-item.service.js';
import { authorizeOn, getPlan } from '../plan/plan.service.js';
import { authorize, authorizeAny, type PlanAction } from '../user/access.js';
import { setAuditReason } from '../audit/audit-scope.js';
import { checkNonNegative, checkText, checkVersion, LONG_TEXT_MAX, parseId, placeAt, renumber, SHORT_TEXT_MAX } from '../validation.js';
import { checkRoomForIndicator } from '../plan-limits.js';
import { Indicator } from './indicator.entity.js';
import type { AddIndicatorInput, IndicatorInput, MoveIndicatorInput, StructuredTargetInput } from './indicator.input.js';
import { indicatorGap, readIndicator } from './indicator-reading.js';
import { BudgetCategory, type PlanStatus } from '../plan/plan-enums.js';
import { validateScore } from '../../domain/scoring.js';
import { scoreReasonProblem, uninformativeReason } from '../../domain/score-reasons.js';
import { executionProfileOf } from '../evaluation/execution-scoring.service.js';
import { Plan } from '../plan/plan.entity.js';
import { headBudget, type IndicatorWriteHead, storeIndicatorFigures, storePlanFigures } from '../plan/plan-figures.store.js';
import { FIGURES_VERSION } from '../plan/plan-figures.service.js';

/** 分值 is out of 100 on every form; a larger weight is a typo. */
const MAX_POINTS = toMicros('100');

export async function getIndicator(em: EntityManager, id: string | number, field: string[] = ['id']): Promise<Indicator> {
  const indicator = await em.findOne(Indicator, { id: parseId(id, field) });
  if (!indicator) throw UserInputError.of(field, UserErrorCode.NOT_FOUND, `指标不存在：${id} (no such indicator)`);
  return indicator;
}

/** What a single-indicator write needs of the plan: whether the actor may edit it, and how it scores. */
export interface PlanHead {
  id: number;
  status: PlanStatus;
  department: { id: number };
  executionScoring: Plan['executionScoring'];
}

const INDICATOR_FOR_EDIT = `select i.*, p."status" as "plan__status", p."department_id" as "plan__department_id", p."execution_scoring" as "plan__execution_scoring",
  p."figures_version" as "plan__figures_version", p."section_weights" as "plan__section_weights",
  b."initial" as "total__initial", b."adjustment" as "total__adjustment", b."full_year" as "total__full_year", b."actual" as "total__actual",
  e."id" as "evaluation__id", e."total_score" as "evaluation__total_score", e."grade" as "evaluation__grade",
  case when exists (select 1 from "indicator" u where u."plan_id" = i."plan_id" and u."gap_status" is null and u."id" <> i."id") then 1 else 0 end as "plan__unfigured"
from "indicator" i join "plan" p on p."id" = i."plan_id"
left join "budget_line" b on b."plan_id" = p."id" and b."category" = ?
left join "evaluation" e on e."plan_id" = p."id"
where i."id" = ?`;

/**
 * A single-indicator write's indicator, with the head of its plan in the same statement, after the access
 * check (`authorizeOn`'s rule); and what its figures need of the plan (its TOTAL budget line, figure code
 * version, stated evaluation), with the row as stored before the edit (storeIndicatorFigures). The plan is
 * not loaded as an entity: nothing of it is edited here, and its stored figures are written natively
 * (plan-figures.store.ts).
 */
async function indicatorForEdit(em: EntityManager, id: string, ...actions: PlanAction[]): Promise<{ indicator: Indicator; plan: PlanHead; action: PlanAction; head: IndicatorWriteHead }> {
  const [row] = (await em.getConnection().execute(INDICATOR_FOR_EDIT, [BudgetCategory.TOTAL, parseId(id, ['id'])], 'all', em.getTransactionContext())) as Record<string, unknown>[];
  if (!row) throw UserInputError.of(['id'], UserErrorCode.NOT_FOUND, `指标不存在：${id} (no such indicator)`);
  const columns: Record<string, unknown> = {};
  for (const key in row) if (!key.includes('__')) columns[key] = row[key];
  const stored = { ...columns };
  const figuresVersion = Number(row.plan__figures_version ?? 0);
  const unfigured = Number(row.plan__unfigured) !== 0;
  // A plan stored by an older figure code, or with rows stored without figures, is recomputed whole
  // (storePlanFigures), which flushes the edit through the unit of work: the indicator is then a managed
  // entity. Otherwise it is a plain row of the entity's shape, and the write saves it natively with the
  // snapshot taken here (plan-figures.store.ts saveIndicator): em.map's hydration, references and
  // unit-of-work registration were a tenth of a write's main-thread time (issue 12).
  const managed = figuresVersion < FIGURES_VERSION || unfigured;
  const indicator = managed ? em.map(Indicator, columns) : indicatorOfRow(em, columns);
  const executionScoring = (typeof row.plan__execution_scoring === 'string' ? JSON.parse(row.plan__execution_scoring) : (row.plan__execution_scoring ?? null)) as PlanHead['executionScoring'];
  const plan: PlanHead = { id: indicator.plan.id, status: row.plan__status as PlanStatus, department: { id: Number(row.plan__department_id) }, executionScoring };
  const head: IndicatorWriteHead = {
    stored,
    figuresVersion,
    executionScoring,
    sectionWeights: row.plan__section_weights,
    total: { initial: row.total__initial, adjustment: row.total__adjustment, fullYear: row.total__full_year, actual: row.total__actual },
    evaluation: row.evaluation__id == null ? null : { totalScore: row.evaluation__total_score, grade: row.evaluation__grade },
    unfigured,
    plain: managed ? undefined : { original: indicatorSnapshot(em, indicator), snapshot: (edited) => indicatorSnapshot(em, edited) },
  };
  return { indicator, plan, head, action: authorizeAny(em, actions, plan as unknown as Plan) };
}

type RowMapper = (row: Record<string, unknown>) => Indicator;
type Snapshot = (indicator: Indicator) => Record<string, unknown>;
let generated: { map: RowMapper; snapshot: Snapshot } | undefined;

/**
 * An indicator row as an object of the entity's shape, the values as em.map gives them (custom types
 * converted: the exact decimals; booleans; references as `{ id }`), built by one generated function (one
 * object literal, then the entity's prototype, so no ORM setter runs and `instanceof` holds). Not managed:
 * nothing flushes it; the write saves it natively, comparing indicatorSnapshot before and after the edit.
 */
export function indicatorOfRow(em: EntityManager, row: Record<string, unknown>): Indicator {
  return (generated ??= generate(em)).map(row);
}

/**
 * The row's data as MikroORM's comparator snapshots an entity (prepareEntity: database values — decimals in
 * micro-units —, a reference as its id), which the change's diff and audit entries are computed from.
 */
export function indicatorSnapshot(em: EntityManager, indicator: Indicator): Record<string, unknown> {
  return (generated ??= generate(em)).snapshot(indicator);
}

function generate(em: EntityManager): { map: RowMapper; snapshot: Snapshot } {
  const meta = em.getMetadata().get(Indicator.name) as unknown as EntityMetadata;
  const platform = em.getPlatform();
  const helpers: unknown[] = [];
  const add = (value: unknown): string => `h[${helpers.push(value) - 1}]`;
  const entries: string[] = [];
  for (const prop of meta.props as EntityProperty[]) {
    if (prop.persist === false) continue;
    const read = `row[${JSON.stringify(prop.fieldNames[0])}]`;
    let value: string;
    if (prop.kind === ReferenceKind.MANY_TO_ONE) value = `(${read} == null ? null : { id: ${read} })`;
    else if (prop.kind !== ReferenceKind.SCALAR || prop.runtimeType === 'Date') throw new Error(`Indicator.${prop.name}: not mapped here`);
    else if (prop.customType) {
      const type = prop.customType;
      value = `(${read} == null ? null : ${add((raw: unknown) => type.convertToJSValue(raw, platform))}(${read}))`;
    } else if (prop.runtimeType === 'boolean') value = `(${read} == null ? null : Boolean(${read}))`;
    else value = `(${read} ?? null)`;
    entries.push(`${JSON.stringify(prop.name)}: ${value}`);
  }
  // The comparator's own list of what a snapshot holds (the version, for one, is not in it).
  const snapshot: string[] = [];
  for (const prop of meta.comparableProps as EntityProperty[]) {
    const own = `entity[${JSON.stringify(prop.name)}]`;
    let value = own;
    if (prop.kind === ReferenceKind.MANY_TO_ONE) value = `(${own} === null ? null : ${own}.id)`;
    else if (prop.customType) {
      const type = prop.customType;
      value = `${add((raw: unknown) => type.convertToDatabaseValue(raw, platform, { mode: 'serialization' }))}(${own})`;
    }
    snapshot.push(`if (${own} !== undefined) ret[${JSON.stringify(prop.name)}] = ${value};`);
  }
  return {
    map: new Function('h', 'prototype', `return function indicatorOfRow(row) { return Object.setPrototypeOf({ ${entries.join(', ')} }, prototype); }`)(helpers, meta.prototype) as RowMapper,
    snapshot: new Function('h', `return function indicatorSnapshot(entity) { const ret = {}; ${snapshot.join(' ')} return ret; }`)(helpers) as Snapshot,
  };
}

function checkPoints(value: string | null | undefined, field: string[]): void {
  checkNonNegative(value, field);
  if (value != null && toMicros(value) > MAX_POINTS) {
    throw UserInputError.of(field, UserErrorCode.OUT_OF_RANGE, `分值不能超过 100：${value} (points are out of 100)`);
  }
}

/** Writes fields onto an indicator; the canonical levels always follow the labels as written. */
export function applyIndicatorFields(indicator: Indicator, fields: IndicatorInput, field: string[] = ['input', 'fields']): void {
  if (fields.level1Label !== undefined) {
    checkText(fields.level1Label, [...field, 'level1Label'], { max: SHORT_TEXT_MAX, required: true });
    indicator.level1Label = fields.level1Label!.trim();
  }
  if (fields.level2Label !== undefined) {
    checkText(fields.level2Label, [...field, 'level2Label'], { max: SHORT_TEXT_MAX });
    indicator.level2Label = fields.level2Label?.trim() || null;
  }
  if (fields.name !== undefined) {
    checkText(fields.name, [...field, 'name'], { max: LONG_TEXT_MAX, required: true });
    indicator.name = fields.name!;
  }
  const texts = { target: 'targetText', actual: 'actualText', deduction: 'deduction', deviationReason: 'deviationReason', remark: 'remark', evidence: 'evidence' } as const;
  for (const [key, property] of Object.entries(texts) as [keyof typeof texts, (typeof texts)[keyof typeof texts]][]) {
    const value = fields[key];
    if (value === undefined) continue;
    checkText(value, [...field, key], { max: LONG_TEXT_MAX });
    indicator[property] = value;
  }
  if (fields.weight !== undefined) {
    checkPoints(fields.weight, [...field, 'weight']);
    indicator.weight = fields.weight;
  }
  const levels = canonicalLevels(indicator.level1Label, indicator.level2Label);
  indicator.level1 = levels.level1;
  indicator.level2 = levels.level2;
}

async function tableOf(em: EntityManager, planId: number, lineItemId: number | null): Promise<Indicator[]> {
  return em.find(Indicator, { plan: planId, lineItem: lineItemId }, { orderBy: { position: 'asc' } });
}

async function lineItemOfPlan(em: EntityManager, lineItemId: string | null | undefined, planId: number, field: string[]): Promise<LineItem | null> {
  if (lineItemId == null) return null;
  const lineItem = await getLineItem(em, lineItemId, field);
  if (lineItem.plan.id !== planId) throw UserInputError.of(field, UserErrorCode.INVALID, '专项不属于该计划 (line item belongs to another plan)');
  return lineItem;
}

export async function addIndicator(em: EntityManager, input: AddIndicatorInput): Promise<Indicator> {
  const plan = await getPlan(em, input.planId, ['input', 'planId']);
  authorize(em, 'EDIT_DRAFT', plan);
  const lineItem = await lineItemOfPlan(em, input.lineItemId, plan.id, ['input', 'lineItemId']);
  await checkRoomForIndicator(em, plan.id, ['input', 'planId']);
  for (const key of ['level1Label', 'name'] as const) {
    if (input.fields[key] == null) checkText(null, ['input', 'fields', key], { max: SHORT_TEXT_MAX, required: true });
  }
  const indicator = em.create(Indicator, { plan, lineItem, level1: 'UNKNOWN', level1Label: '', name: '' });
  applyIndicatorFields(indicator, input.fields);
  placeAt([...(await tableOf(em, plan.id, lineItem?.id ?? null)), indicator], indicator, input.position);
  await storePlanFigures(em, plan.id);
  return indicator;
}

export async function updateIndicator(em: EntityManager, id: string, fields: IndicatorInput, expectedVersion?: number | null): Promise<Indicator> {
  const indicator = await getIndicator(em, id);
  await authorizeOn(em, indicator.plan.id, 'EDIT_DRAFT');
  checkVersion(indicator, expectedVersion);
  applyIndicatorFields(indicator, fields);
  await storePlanFigures(em, indicator.plan.id);
  return indicator;
}

/** Moves an indicator within its table or into another table of the same plan. */
export async function moveIndicator(em: EntityManager, input: MoveIndicatorInput): Promise<Indicator> {
  const indicator = await getIndicator(em, input.id, ['input', 'id']);
  const planId = indicator.plan.id;
  await authorizeOn(em, planId, 'EDIT_DRAFT');
  const target = await lineItemOfPlan(em, input.lineItemId, planId, ['input', 'lineItemId']);
  const fromId = indicator.lineItem?.id ?? null;
  const toId = target?.id ?? null;
  if (fromId !== toId) {
    renumber((await tableOf(em, planId, fromId)).filter((row) => row !== indicator));
    indicator.lineItem = target;
  }
  const table = await tableOf(em, planId, toId);
  placeAt(table.includes(indicator) ? table : [...table, indicator], indicator, input.position);
  await storePlanFigures(em, planId);
  return indicator;
}

export async function deleteIndicator(em: EntityManager, id: string): Promise<number> {
  const indicator = await getIndicator(em, id);
  await authorizeOn(em, indicator.plan.id, 'EDIT_DRAFT');
  const indicatorId = indicator.id;
  const rest = (await tableOf(em, indicator.plan.id, indicator.lineItem?.id ?? null)).filter((row) => row !== indicator);
  em.remove(indicator);
  renumber(rest);
  await storePlanFigures(em, indicator.plan.id);
  return indicatorId;
}

// ---------------------------------------------------------------------------------------------------
// The evaluator's and planner's single-field edits (issue 4): each returns the indicator; the payload
// adds its plan's fresh roll-up and checks.

/**
 * Sets a target. In a draft the planner edits freely; after 批复 a target changes only as a recorded
 * 调整 with a reason (DOMAIN.md §9), which the audit trail keeps with the change.
 */
export async function setIndicatorTarget(
  em: EntityManager,
  id: string,
  target: string | null,
  structured: StructuredTargetInput | null | undefined,
  { reason, expectedVersion }: { reason?: string | null; expectedVersion?: number | null } = {},
): Promise<Indicator> {
  const { indicator, action, head } = await indicatorForEdit(em, id, 'EDIT_DRAFT', 'ADJUST_TARGET');
  checkVersion(indicator, expectedVersion);
  if (action === 'ADJUST_TARGET') {
    checkText(reason, ['reason'], { max: LONG_TEXT_MAX, required: true });
    setAuditReason(`调整：${reason!.trim()}`);
  }
  checkText(target, ['target'], { max: LONG_TEXT_MAX });
  if (changedText(indicator.targetText, target) || structured) markScoreForReconfirmation(indicator);
  indicator.targetText = target;
  // A structured reading belongs to the text it was set with: a new text drops it unless restated.
  const reading = structured ? checkStructuredTarget(structured) : null;
  indicator.targetComparator = reading?.comparator ?? null;
  indicator.targetValue = reading?.value ?? null;
  indicator.targetUpper = reading?.upper ?? null;
  indicator.targetUnit = reading?.unit ?? null;
  indicator.targetDirection = reading?.direction ?? null;
  await storeIndicatorFigures(em, indicator, head);
  return indicator;
}

function checkStructuredTarget(input: StructuredTargetInput): StructuredTargetInput {
  const field = ['structured'];
  if (input.comparator === 'RANGE') {
    if (input.upper == null) throw UserInputError.of([...field, 'upper'], UserErrorCode.REQUIRED, '区间须有上限 (a range needs an upper bound)');
    if (toMicros(input.upper) < toMicros(input.value)) {
      throw UserInputError.of([...field, 'upper'], UserErrorCode.INVALID, `上限 ${input.upper} 小于下限 ${input.value} (upper below lower)`);
    }
  } else if (input.upper != null) {
    throw UserInputError.of([...field, 'upper'], UserErrorCode.INVALID, '只有区间才有上限 (only a RANGE has an upper bound)');
  }
  checkText(input.unit, [...field, 'unit'], { max: 20 });
  return { ...input, unit: input.unit?.trim() || null, upper: input.upper ?? null, direction: input.direction ?? null };
}

export async function recordIndicatorActual(
  em: EntityManager,
  id: string,
  actual: string | null,
  evidence: string | null | undefined,
  expectedVersion?: number | null,
): Promise<Indicator> {
  const { indicator, head } = await indicatorForEdit(em, id, 'EVALUATE');
  checkVersion(indicator, expectedVersion);
  checkText(actual, ['actual'], { max: LONG_TEXT_MAX });
  if (changedText(indicator.actualText, actual)) markScoreForReconfirmation(indicator);
  indicator.actualText = actual;
  if (evidence !== undefined) {
    checkText(evidence, ['evidence'], { max: LONG_TEXT_MAX });
    indicator.evidence = evidence;
  }
  await storeIndicatorFigures(em, indicator, head);
  return indicator;
}

export async function setIndicatorWeight(em: EntityManager, id: string, weight: string | null, expectedVersion?: number | null): Promise<Indicator> {
  const { indicator, head } = await indicatorForEdit(em, id, 'EDIT_DRAFT', 'EVALUATE');
  checkVersion(indicator, expectedVersion);
  checkPoints(weight, ['weight']);
  if (weight != null && indicator.score != null && toMicros(indicator.score) > toMicros(weight)) {
    throw UserInputError.of(['weight'], UserErrorCode.OUT_OF_RANGE, `分值 ${weight} 低于已评得分 ${indicator.score}，请先调整得分 (weight below the score already given)`);
  }
  if ((weight == null ? null : toMicros(weight)) !== (indicator.weight == null ? null : toMicros(indicator.weight))) markScoreForReconfirmation(indicator);
  indicator.weight = weight;
  await storeIndicatorFigures(em, indicator, head);
  return indicator;
}

function changedText(before: string | null, after: string | null): boolean {
  return (before ?? '').trim() !== (after ?? '').trim();
}

/**
 * A manual score rests on the figures it was given against: when the actual, target or 分值 changes
 * afterwards it is marked for re-confirmation (never silently kept); scoring again confirms it.
 */
function markScoreForReconfirmation(indicator: Indicator): void {
  if (indicator.score != null) indicator.scoreUnconfirmed = true;
}

/**
 * The evaluator's 得分 (财预〔2020〕10号): 0 ≤ score ≤ weight, two decimals. A score that differs from the
 * server's suggestion in either direction (or, with no suggestion, falls below the 分值) needs a
 * 扣分原因 that says why — kept as the indicator's deduction. Scoring confirms a score marked for
 * re-confirmation; null withdraws the score.
 */
export async function scoreIndicator(
  em: EntityManager,
  id: string,
  score: string | null,
  reason: string | null | undefined,
  expectedVersion?: number | null,
): Promise<Indicator> {
  const { indicator, plan, head } = await indicatorForEdit(em, id, 'EVALUATE');
  checkVersion(indicator, expectedVersion);
  checkText(reason, ['reason'], { max: LONG_TEXT_MAX });
  if (score != null) {
    const value = toMicros(score);
    const gap = indicatorGap(indicator, readIndicator(indicator), headBudget(head), executionProfileOf(plan));
    const weight = indicator.weight == null ? null : toMicros(indicator.weight);
    const invalid = validateScore(value, weight);
    if (invalid) throw UserInputError.of(['score'], SCORE_PROBLEM_CODES[invalid.code], invalid.message);
    const unexplained = scoreReasonProblem(value, gap.suggestedScore, weight, reason === undefined ? indicator.deduction : reason);
    if (unexplained) throw UserInputError.of(reason ? ['reason'] : ['score'], UserErrorCode.REASON_REQUIRED, unexplained);
  }
  indicator.score = score;
  indicator.scoreUnconfirmed = false;
  if (reason !== undefined) indicator.deduction = reason?.trim() || null;
  if (reason) setAuditReason(`扣分原因：${reason.trim()}`);
  await storeIndicatorFigures(em, indicator, head);
  return indicator;
}

/** 偏差原因: why a result is off target (未达成, 部分达成, or more than 50% beyond it). null clears it. */
export async function setIndicatorDeviationReason(em: EntityManager, id: string, reason: string | null, expectedVersion?: number | null): Promise<Indicator> {
  const { indicator, head } = await indicatorForEdit(em, id, 'EDIT_DRAFT', 'EVALUATE');
  checkVersion(indicator, expectedVersion);
  checkText(reason, ['reason'], { max: LONG_TEXT_MAX });
  if (reason != null && reason.trim() !== '') {
    const problem = uninformativeReason(reason);
    if (problem) throw UserInputError.of(['reason'], UserErrorCode.REASON_REQUIRED, `偏差原因须说明原因：${problem}`);
  }
  indicator.deviationReason = reason?.trim() || null;
  await storeIndicatorFigures(em, indicator, head);
  return indicator;
}

const SCORE_PROBLEM_CODES = {
  NEGATIVE: UserErrorCode.NEGATIVE,
  ABOVE_WEIGHT: UserErrorCode.OUT_OF_RANGE,
  TOO_PRECISE: UserErrorCode.TOO_PRECISE,
  REASON_REQUIRED: UserErrorCode.REASON_REQUIRED,
} as const;

