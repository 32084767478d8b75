import type { EntityManager } from '@mikro-orm/sqlite';
import { toMicros } from '../../domain/decimal.js';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import type { LineItem } from '../line-item/line-item.entity.js';
import { getLineItem } from '../line-item/line-item.service.js';
import { authorize, authorizeAny } from '../user/access.js';
import { checkNonNegative, checkVersion } from '../validation.js';
import type { BudgetLine } from './budget-line.entity.js';
import { BudgetCategory } from './plan-enums.js';
import { getPlan, setBudgetLine } from './plan.service.js';
import type { Plan } from './plan.entity.js';
import type { RecordSpendingInput, SectionWeightInput } from './spending.types.js';
import { applyStageAmounts } from './stage-amounts.js';
import { storePlanFigures } from './plan-figures.store.js';

/** What happened to the money: 调整, 全年预算数, 实际支出, 结余结转 of the plan budget or of one line item. */
export async function recordSpending(
  em: EntityManager,
  input: RecordSpendingInput,
): Promise<{ planId: number; lineItem: LineItem | null; budgetLine: BudgetLine | null }> {
  const plan = await getPlan(em, input.planId, ['input', 'planId']);
  authorize(em, 'EVALUATE', plan);
  const amounts = { adjustment: input.adjustment, fullYear: input.fullYear, actual: input.actual, carryover: input.carryover };
  if (input.lineItemId != null) {
    const lineItem = await getLineItem(em, input.lineItemId, ['input', 'lineItemId']);
    if (lineItem.plan.id !== plan.id) throw UserInputError.of(['input', 'lineItemId'], UserErrorCode.INVALID, '专项不属于该计划 (line item belongs to another plan)');
    checkVersion(lineItem, input.expectedVersion);
    applyStageAmounts(lineItem.amounts, amounts, ['input']);
    await storePlanFigures(em, plan.id);
    return { planId: plan.id, lineItem, budgetLine: null };
  }
  const budgetLine = await setBudgetLine(
    em,
    { planId: String(plan.id), category: input.category ?? BudgetCategory.TOTAL, name: input.name, amounts },
    { amountsField: ['input'], actions: ['EVALUATE'], expectedVersion: input.expectedVersion },
  );
  return { planId: plan.id, lineItem: null, budgetLine };
}

/** A plan's own section weights (some provinces give 预算执行率 20); the roll-up warns when they do not total 100. */
export async function setSectionWeights(em: EntityManager, planId: string, weights: SectionWeightInput[] | null, expectedVersion?: number | null): Promise<Plan> {
  const plan = await getPlan(em, planId);
  authorizeAny(em, ['EDIT_DRAFT', 'EVALUATE'], plan);
  checkVersion(plan, expectedVersion);
  if (weights === null) {
    plan.sectionWeights = null;
  } else {
    const seen = new Set<string>();
    weights.forEach(({ level1, weight }, index) => {
      const field = ['weights', String(index)];
      if (level1 === 'UNKNOWN') throw UserInputError.of([...field, 'level1'], UserErrorCode.INVALID, '须为已知的一级指标 (must be a known section)');
      if (seen.has(level1)) throw UserInputError.of([...field, 'level1'], UserErrorCode.DUPLICATE, `${level1} 重复 (duplicate section)`);
      seen.add(level1);
      checkNonNegative(weight, [...field, 'weight']);
      if (toMicros(weight) > toMicros('100')) throw UserInputError.of([...field, 'weight'], UserErrorCode.OUT_OF_RANGE, `分值不能超过 100：${weight}`);
    });
    plan.sectionWeights = Object.fromEntries(weights.map(({ level1, weight }) => [level1, weight]));
  }
  await storePlanFigures(em, plan.id);
  return plan;
}
