import type { EntityManager } from '@mikro-orm/sqlite';
import { toMicros } from '../../domain/decimal.js';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { getLineItem } from '../line-item/line-item.service.js';
import { getPlan } from '../plan/plan.service.js';
import { checkNonNegative, checkText, LONG_TEXT_MAX, parseId, placeAt, renumber, SHORT_TEXT_MAX } from '../validation.js';
import { Indicator } from './indicator.entity.js';
import type { AddIndicatorInput, IndicatorInput, MoveIndicatorInput } from './indicator.input.js';

/** 分值 is out of 100 on every form; a larger weight is a typo. */
const MAX_POINTS = toMicros('100');

export async function getIndicator(em: EntityManager, id: string | number, field: string[] = ['id']): Promise<Indicator> {
  const indicator = await em.findOne(Indicator, { id: parseId(id, field) });
  if (!indicator) throw UserInputError.of(field, UserErrorCode.NOT_FOUND, `指标不存在：${id} (no such indicator)`);
  return indicator;
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
  const texts = { target: 'targetText', actual: 'actualText', deduction: 'deduction', remark: 'remark', evidence: 'evidence' } as const;
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
  if (fields.score !== undefined) {
    checkPoints(fields.score, [...field, 'score']);
    indicator.score = fields.score;
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
  const lineItem = await lineItemOfPlan(em, input.lineItemId, plan.id, ['input', 'lineItemId']);
  for (const key of ['level1Label', 'name'] as const) {
    if (input.fields[key] == null) checkText(null, ['input', 'fields', key], { max: SHORT_TEXT_MAX, required: true });
  }
  const indicator = em.create(Indicator, { plan, lineItem, level1: 'UNKNOWN', level1Label: '', name: '' });
  applyIndicatorFields(indicator, input.fields);
  placeAt([...(await tableOf(em, plan.id, lineItem?.id ?? null)), indicator], indicator, input.position);
  await em.flush();
  return indicator;
}

export async function updateIndicator(em: EntityManager, id: string, fields: IndicatorInput): Promise<Indicator> {
  const indicator = await getIndicator(em, id);
  applyIndicatorFields(indicator, fields);
  await em.flush();
  return indicator;
}

/** Moves an indicator within its table or into another table of the same plan. */
export async function moveIndicator(em: EntityManager, input: MoveIndicatorInput): Promise<Indicator> {
  const indicator = await getIndicator(em, input.id, ['input', 'id']);
  const planId = indicator.plan.id;
  const target = await lineItemOfPlan(em, input.lineItemId, planId, ['input', 'lineItemId']);
  const fromId = indicator.lineItem?.id ?? null;
  const toId = target?.id ?? null;
  if (fromId !== toId) {
    renumber((await tableOf(em, planId, fromId)).filter((row) => row !== indicator));
    indicator.lineItem = target;
  }
  const table = await tableOf(em, planId, toId);
  placeAt(table.includes(indicator) ? table : [...table, indicator], indicator, input.position);
  await em.flush();
  return indicator;
}

export async function deleteIndicator(em: EntityManager, id: string): Promise<number> {
  const indicator = await getIndicator(em, id);
  const indicatorId = indicator.id;
  const rest = (await tableOf(em, indicator.plan.id, indicator.lineItem?.id ?? null)).filter((row) => row !== indicator);
  em.remove(indicator);
  renumber(rest);
  await em.flush();
  return indicatorId;
}
