import type { EntityManager } from '@mikro-orm/sqlite';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { formatDecimal, microsOrNull } from '../../domain/decimal.js';
import {
  departmentFigures,
  THREE_PUBLIC_PARTS,
  threePublicOf,
  type DerivedRate as DomainRate,
  type StageFigures,
  type ThreePublicFigures,
} from '../../domain/derived-figures.js';
import type { Context } from '../../graphql/context.js';
import { BudgetLine } from './budget-line.entity.js';
import { DerivedFigures, type DerivedRate } from './derived-figures.type.js';
import { planContentOf } from './plan-content.js';
import { BudgetCategory } from './plan-enums.js';
import { Plan } from './plan.entity.js';

type Amounts = { initial: string | null; adjustment: string | null; fullYear: string | null; actual: string | null; carryover: string | null };

const stagesOf = (amounts: Amounts | null | undefined): StageFigures | null =>
  amounts
    ? {
        initial: microsOrNull(amounts.initial),
        adjustment: microsOrNull(amounts.adjustment),
        fullYear: microsOrNull(amounts.fullYear),
        actual: microsOrNull(amounts.actual),
        carryover: microsOrNull(amounts.carryover),
      }
    : null;

const view = (rate: DomainRate): DerivedRate => ({ value: rate.value === null ? null : formatDecimal(rate.value), explanation: rate.explanation });

const THREE_PUBLIC_CATEGORIES = [BudgetCategory.THREE_PUBLIC_TOTAL, ...THREE_PUBLIC_PARTS];

/** 三公经费 of a plan's budget rows: the 合计, or the sum of its parts where the 合计 does not state a stage. */
function threePublicOfRows(rows: readonly { category: BudgetCategory; amounts?: Amounts | null }[]): ThreePublicFigures | null {
  return threePublicOf((category) => stagesOf(rows.find((row) => row.category === category)?.amounts));
}

/** The department's previous-year plan's 三公经费 rows (same department, year − 1), if any. */
async function previousThreePublic(em: EntityManager, plan: Plan): Promise<{ year: number | null; amounts: ThreePublicFigures | null }> {
  const previous = await em.findOne(Plan, { department: plan.department, year: plan.year - 1 }, { fields: ['id', 'year'] });
  if (!previous) return { year: null, amounts: null };
  const lines = await em.find(BudgetLine, { plan: previous.id, category: { $in: THREE_PUBLIC_CATEGORIES } });
  return { year: previous.year, amounts: threePublicOfRows(lines) };
}

/** 部门整体 common indicators (issue 10 item 5), computed in domain/derived-figures.ts. */
@Authorized()
@Resolver(() => Plan)
export class PlanDerivedFiguresResolver {
  @FieldResolver(() => DerivedFigures, {
    description: '部门整体共性指标：预算调整率、结转结余率、在职人员控制率、三公经费变动率（由填报数计算，附说明）/ the 部门整体 common indicators computed from the stated figures',
  })
  async derivedFigures(@Root() plan: Plan, @Ctx() { em }: Context): Promise<DerivedFigures> {
    const [{ budgetLines }, previous] = await Promise.all([planContentOf(em, plan.id), previousThreePublic(em, plan)]);
    const line = (category: BudgetCategory) => budgetLines.find((row) => row.category === category)?.amounts;
    const figures = departmentFigures({
      total: stagesOf(line(BudgetCategory.TOTAL)),
      staff: plan.staff,
      threePublic: threePublicOfRows(budgetLines),
      previousThreePublic: previous.amounts,
      previousYear: previous.year,
    });
    return {
      budgetAdjustmentRate: view(figures.budgetAdjustmentRate),
      carryOverRate: view(figures.carryOverRate),
      staffControlRate: view(figures.staffControlRate),
      threePublicChangeRate: view(figures.threePublicChangeRate),
    };
  }
}
