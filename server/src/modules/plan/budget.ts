import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';
import { BudgetLine } from './budget-line.entity.js';
import { INCOME_ROWS, NATURE_ROWS, THREE_PUBLIC_ROWS } from '../../domain/budget-category.js';
import { BudgetCategory } from './plan-enums.js';

export { INCOME_ROWS, NATURE_ROWS, THREE_PUBLIC_ROWS };

/** The fixed position of each category in the matrix, as the forms print it. */
export const CATEGORY_ORDER: BudgetCategory[] = [
  ...Object.values(NATURE_ROWS),
  ...Object.values(INCOME_ROWS),
  BudgetCategory.BASIC_DETAIL,
  ...Object.values(THREE_PUBLIC_ROWS),
];

@ObjectType({ description: '按收入性质 / budget by source of income' })
export class IncomeBudget {
  @Field(() => BudgetLine, { nullable: true, description: '一般公共预算拨款' })
  generalPublic!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '政府性基金拨款' })
  governmentFund!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '其他资金' })
  other!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '上年结转' })
  priorYearCarryover!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '纳入专户管理的非税收入' })
  specialAccountNonTax!: BudgetLine | null;
}

@ObjectType({ description: '三公经费 / the "three public" expenses' })
export class ThreePublicBudget {
  @Field(() => BudgetLine, { nullable: true, description: '三公经费合计' })
  total!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '公务接待费' })
  reception!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '公务用车运维费' })
  vehicleOps!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '公务用车购置费' })
  vehiclePurchase!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '因公出国（境）费' })
  overseas!: BudgetLine | null;
}

/** The budget of a plan, shaped like the forms. Rows that the plan does not state are null. */
@ObjectType({ description: '部门预算（万元），按性质与收入来源 / the plan\'s budget (万元) by nature and by income' })
export class Budget {
  @Field(() => BudgetLine, { nullable: true, description: '合计 / total' })
  total!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '基本支出 / basic' })
  basic!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '人员经费 / personnel' })
  personnel!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '公用经费 / public use' })
  publicUse!: BudgetLine | null;

  @Field(() => BudgetLine, { nullable: true, description: '项目支出 / project' })
  project!: BudgetLine | null;

  @Field(() => IncomeBudget, { nullable: true, description: '按收入性质（未填报时为 null）/ by income, null when not stated' })
  income!: IncomeBudget | null;

  @Field(() => [BudgetLine], { nullable: true, description: '基本支出按经济分类 / basic by economic class' })
  basicDetail!: BudgetLine[] | null;

  @Field(() => ThreePublicBudget, { nullable: true, description: '三公经费 / three public expenses' })
  threePublic!: ThreePublicBudget | null;

  @Field(() => DecimalScalar, { nullable: true, description: '固定资产（年末存量）/ fixed assets at year end' })
  fixedAssets!: string | null;

  @Field(() => [BudgetLine], { description: '全部已填报的行 / every stated row' })
  lines!: BudgetLine[];
}

function pick<K extends string>(rows: Record<K, BudgetCategory>, byCategory: Map<BudgetCategory, BudgetLine>) {
  const picked = Object.fromEntries(
    Object.entries(rows).map(([key, category]) => [key, byCategory.get(category as BudgetCategory) ?? null]),
  ) as Record<K, BudgetLine | null>;
  const stated = Object.values(picked).some((line) => line !== null);
  return { picked, stated };
}

export function budgetView(lines: BudgetLine[], fixedAssets: string | null): Budget {
  const byCategory = new Map(lines.filter((line) => line.category !== BudgetCategory.BASIC_DETAIL).map((line) => [line.category, line]));
  const nature = pick(NATURE_ROWS, byCategory);
  const income = pick(INCOME_ROWS, byCategory);
  const threePublic = pick(THREE_PUBLIC_ROWS, byCategory);
  const basicDetail = lines.filter((line) => line.category === BudgetCategory.BASIC_DETAIL);
  return {
    ...nature.picked,
    income: income.stated ? income.picked : null,
    basicDetail: basicDetail.length ? basicDetail : null,
    threePublic: threePublic.stated ? threePublic.picked : null,
    fixedAssets,
    lines,
  };
}
