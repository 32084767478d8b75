import type { EntityManager } from '@mikro-orm/sqlite';
import { memoised } from '../../graphql/context.js';
import { groupBy } from '../collections.js';
import { Department } from '../department/department.entity.js';
import { Evaluation } from '../evaluation/evaluation.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { BudgetLine } from './budget-line.entity.js';
import { KeyTask } from './key-task.entity.js';
import type { Plan } from './plan.entity.js';
import { getPlan } from './plan.service.js';

/** Everything a plan holds, loaded in one go (a query per table), for the tree, tables, figures and export. */
export interface PlanContent {
  plan: Plan;
  department: Department;
  budgetLines: BudgetLine[];
  keyTasks: KeyTask[];
  /** By position. */
  indicators: Indicator[];
  evaluation: Evaluation | null;
  /** The tree: children by parent id (null for the top-level 专项), each by position. */
  childrenByParent: Map<number | null, LineItem[]>;
  /** Each table's indicators by line item id (null for the plan level), by position. */
  indicatorsByLineItem: Map<number | null, Indicator[]>;
}

export async function loadPlanContent(em: EntityManager, planId: string | number): Promise<PlanContent> {
  const plan = await getPlan(em, planId, ['planId']);
  const [department, budgetLines, keyTasks, lineItems, indicators, evaluation] = await Promise.all([
    em.findOneOrFail(Department, { id: plan.department.id }),
    em.find(BudgetLine, { plan: plan.id }, { orderBy: { position: 'asc' } }),
    em.find(KeyTask, { plan: plan.id }, { orderBy: { position: 'asc' } }),
    em.find(LineItem, { plan: plan.id }, { orderBy: { position: 'asc' } }),
    em.find(Indicator, { plan: plan.id }, { orderBy: { position: 'asc' } }),
    em.findOne(Evaluation, { plan: plan.id }, { populate: ['sections'] }),
  ]);
  return {
    plan,
    department,
    budgetLines,
    keyTasks,
    indicators,
    evaluation,
    childrenByParent: groupBy(lineItems, (item) => item.parent?.id ?? null),
    indicatorsByLineItem: groupBy(indicators, (row) => row.lineItem?.id ?? null),
  };
}

/** A plan's content, loaded once per request for every field that reads it (the tree, tables, figures). */
export function planContentOf(em: EntityManager, planId: number): Promise<PlanContent> {
  return memoised(em, `plan-content:${planId}`, () => loadPlanContent(em, planId));
}
