import type { EntityManager } from '@mikro-orm/sqlite';
import type { LineItemDocument, PlanDocument } from '../domain/plan-document.js';
import { type UserError, UserErrorCode, UserInputError } from '../graphql/user-error.js';
import { Indicator } from './indicator/indicator.entity.js';
import { LineItem } from './line-item/line-item.entity.js';

/**
 * Documented limits of one plan (README "Limits", docs/trust.md): keep every plan-sized request bounded.
 * The largest real 目标表 has a few hundred indicators and two levels (专项 › 子项); the bench plan 5,020.
 */
export const PLAN_LIMITS = {
  /** Indicators in one plan, at the plan level and in every line item together. */
  maxIndicators: 10_000,
  /** Levels of line items: 专项 = 1, 子项 = 2, … */
  maxLineItemDepth: 4,
} as const;

const tooMany = (field: string[], count: number): UserError => ({
  field,
  code: UserErrorCode.TOO_MANY,
  message: `一个计划最多 ${PLAN_LIMITS.maxIndicators} 个指标，此处共 ${count} 个 (a plan holds at most ${PLAN_LIMITS.maxIndicators} indicators)`,
});
const tooDeep = (field: string[], depth: number): UserError => ({
  field,
  code: UserErrorCode.TOO_DEEP,
  message: `专项最多 ${PLAN_LIMITS.maxLineItemDepth} 级，不能放到第 ${depth} 级 (line items nest at most ${PLAN_LIMITS.maxLineItemDepth} levels)`,
});

/** The plan-size problems of a document: too many indicators in all, line items nested too deep (the first few). */
export function documentLimitProblems(document: PlanDocument): UserError[] {
  const problems: UserError[] = [];
  let count = document.indicators?.length ?? 0;
  const walk = (items: LineItemDocument[] | null | undefined, depth: number, path: string[]): void => {
    (items ?? []).forEach((item, index) => {
      const here = [...path, String(index)];
      if (depth > PLAN_LIMITS.maxLineItemDepth) {
        if (problems.length < 5) problems.push(tooDeep(here, depth));
        return;
      }
      count += item.indicators?.length ?? 0;
      walk(item.children, depth + 1, [...here, 'children']);
    });
  };
  walk(document.lineItems, 1, ['document', 'lineItems']);
  if (count > PLAN_LIMITS.maxIndicators) problems.unshift(tooMany(['document', 'indicators'], count));
  return problems;
}

/** Refuses one more indicator in a plan that already holds the maximum (one COUNT statement). */
export async function checkRoomForIndicator(em: EntityManager, planId: number, field: string[]): Promise<void> {
  const count = await em.count(Indicator, { plan: planId });
  if (count >= PLAN_LIMITS.maxIndicators) throw new UserInputError([tooMany(field, count + 1)]);
}

/** Refuses a line item under `parent` when it would sit deeper than the maximum (one statement per level, at most the maximum). */
export async function checkLineItemDepth(em: EntityManager, parent: LineItem | null, field: string[], subtreeHeight = 1): Promise<void> {
  let depth = subtreeHeight;
  for (let ancestor: LineItem | null = parent; ancestor; ) {
    depth++;
    if (depth > PLAN_LIMITS.maxLineItemDepth) throw new UserInputError([tooDeep(field, depth)]);
    ancestor = ancestor.parent ? await em.findOneOrFail(LineItem, { id: ancestor.parent.id }) : null;
  }
}

/** How many levels `item` and its descendants span (1 for a leaf): one statement for the plan's line items. */
export async function subtreeHeight(em: EntityManager, item: LineItem): Promise<number> {
  const all = await em.find(LineItem, { plan: item.plan.id });
  const children = new Map<number, number[]>();
  for (const row of all) if (row.parent) children.set(row.parent.id, [...(children.get(row.parent.id) ?? []), row.id]);
  const height = (id: number, guard: number): number => (guard > all.length ? 0 : 1 + Math.max(0, ...(children.get(id) ?? []).map((child) => height(child, guard + 1))));
  return height(item.id, 0);
}
