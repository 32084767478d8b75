import type { EntityManager } from '@mikro-orm/sqlite';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { recordDeletions } from '../audit/audit.service.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { authorizeOn, getPlan } from '../plan/plan.service.js';
import { authorize } from '../user/access.js';
import { applyStageAmounts } from '../plan/stage-amounts.js';
import { checkText, checkVersion, LONG_TEXT_MAX, parseId, placeAt, renumber, SHORT_TEXT_MAX } from '../validation.js';
import { checkLineItemDepth, subtreeHeight } from '../plan-limits.js';
import { LineItem } from './line-item.entity.js';
import type { AddLineItemInput, LineItemInput } from './line-item.input.js';
import { storePlanFigures } from '../plan/plan-figures.store.js';

export async function getLineItem(em: EntityManager, id: string | number, field: string[] = ['id']): Promise<LineItem> {
  const item = await em.findOne(LineItem, { id: parseId(id, field) });
  if (!item) throw UserInputError.of(field, UserErrorCode.NOT_FOUND, `专项不存在：${id} (no such line item)`);
  return item;
}

function applyLineItemFields(item: LineItem, fields: LineItemInput): void {
  if (fields.name !== undefined) {
    checkText(fields.name, ['input', 'fields', 'name'], { max: SHORT_TEXT_MAX, required: true });
    item.name = fields.name!.trim();
  }
  if (fields.kind !== undefined) item.kind = fields.kind;
  if (fields.amounts) applyStageAmounts(item.amounts, fields.amounts, ['input', 'fields', 'amounts']);
  for (const key of ['period', 'periodGoal', 'annualGoal', 'use'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    checkText(value, ['input', 'fields', key], { max: key === 'period' ? SHORT_TEXT_MAX : LONG_TEXT_MAX });
    item[key] = value;
  }
}

async function siblingsOf(em: EntityManager, planId: number, parentId: number | null): Promise<LineItem[]> {
  return em.find(LineItem, { plan: planId, parent: parentId }, { orderBy: { position: 'asc' } });
}

export async function addLineItem(em: EntityManager, input: AddLineItemInput): Promise<LineItem> {
  const plan = await getPlan(em, input.planId, ['input', 'planId']);
  authorize(em, 'EDIT_DRAFT', plan);
  const parent = input.parentId != null ? await getLineItem(em, input.parentId, ['input', 'parentId']) : null;
  if (parent && parent.plan.id !== plan.id) {
    throw UserInputError.of(['input', 'parentId'], UserErrorCode.INVALID, '上级专项不属于该计划 (parent belongs to another plan)');
  }
  await checkLineItemDepth(em, parent, ['input', 'parentId']);
  if (input.fields.name === undefined) checkText(undefined, ['input', 'fields', 'name'], { max: SHORT_TEXT_MAX, required: true });
  const item = em.create(LineItem, { plan, parent, name: '' });
  applyLineItemFields(item, input.fields);
  const siblings = await siblingsOf(em, plan.id, parent?.id ?? null);
  placeAt([...siblings, item], item, input.position);
  await storePlanFigures(em, plan.id);
  return item;
}

export async function updateLineItem(em: EntityManager, id: string, fields: LineItemInput, expectedVersion?: number | null): Promise<LineItem> {
  const item = await getLineItem(em, id);
  await authorizeOn(em, item.plan.id, 'EDIT_DRAFT');
  checkVersion(item, expectedVersion);
  if (fields.name === null) checkText(null, ['input', 'fields', 'name'], { max: SHORT_TEXT_MAX, required: true });
  applyLineItemFields(item, fields);
  await storePlanFigures(em, item.plan.id);
  return item;
}

/** Moves a line item within its plan, under another parent or none; never under itself. */
export async function moveLineItem(em: EntityManager, id: string, parentId: string | null | undefined, position: number): Promise<LineItem> {
  const item = await getLineItem(em, id);
  const planId = item.plan.id;
  await authorizeOn(em, planId, 'EDIT_DRAFT');
  const parent = parentId != null ? await getLineItem(em, parentId, ['parentId']) : null;
  if (parent) {
    if (parent.plan.id !== planId) {
      throw UserInputError.of(['parentId'], UserErrorCode.INVALID, '不能移到其他计划的专项下 (parent belongs to another plan)');
    }
    for (let ancestor: LineItem | null = parent; ancestor; ancestor = ancestor.parent ? await getLineItem(em, ancestor.parent.id) : null) {
      if (ancestor.id === item.id) {
        throw UserInputError.of(['parentId'], UserErrorCode.INVALID, '不能移到自身或其子项之下 (cannot move under itself)');
      }
    }
    await checkLineItemDepth(em, parent, ['parentId'], await subtreeHeight(em, item));
  }
  const oldParentId = item.parent?.id ?? null;
  const newParentId = parent?.id ?? null;
  if (oldParentId !== newParentId) {
    renumber((await siblingsOf(em, planId, oldParentId)).filter((sibling) => sibling !== item));
    item.parent = parent;
  }
  placeAt(await siblingsOf(em, planId, newParentId).then((rows) => (rows.includes(item) ? rows : [...rows, item])), item, position);
  await storePlanFigures(em, planId);
  return item;
}

/** Deletes a line item with its whole subtree and their indicators. */
export async function deleteLineItem(em: EntityManager, id: string): Promise<number> {
  const item = await getLineItem(em, id);
  const planId = item.plan.id;
  await authorizeOn(em, planId, 'EDIT_DRAFT');
  const all = await em.find(LineItem, { plan: planId });
  const doomed = new Set<number>([item.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of all) {
      if (row.parent && doomed.has(row.parent.id) && !doomed.has(row.id)) {
        doomed.add(row.id);
        grew = true;
      }
    }
  }
  const ids = [...doomed];
  // Native deletes bypass the subscriber: the trail gets each removed indicator and line item first.
  await recordDeletions(em, Indicator, { lineItem: { $in: ids } });
  await recordDeletions(em, LineItem, { id: { $in: ids } });
  await em.nativeDelete(Indicator, { lineItem: { $in: ids } });
  await em.nativeUpdate(LineItem, { id: { $in: ids } }, { parent: null });
  await em.nativeDelete(LineItem, { id: { $in: ids } });
  renumber(all.filter((row) => !doomed.has(row.id) && (row.parent?.id ?? null) === (item.parent?.id ?? null)));
  for (const row of all) if (doomed.has(row.id)) em.getUnitOfWork().unsetIdentity(row);
  await storePlanFigures(em, planId);
  return item.id;
}
