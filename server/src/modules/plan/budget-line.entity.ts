import { Embedded, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { StageAmounts } from '../../db/stage-amounts.embeddable.js';
import { BudgetCategory } from './plan-enums.js';
import { Plan } from './plan.entity.js';
import { BaseEntity } from '../../db/base.entity.js';

/** A row of the budget matrix: one category's amount at each stage. A row exists only where stated. */
@Entity()
// planStats sums the budget of a group of plans from this index alone, plan by plan.
@Index({ name: 'budget_line_stats_index', properties: ['plan', 'category', 'amounts.initial', 'amounts.adjustment', 'amounts.fullYear', 'amounts.actual', 'amounts.carryover'] })
@ObjectType({ description: '预算矩阵的一行：某一类别在各阶段的金额 / a row of the budget matrix' })
export class BudgetLine extends BaseEntity<'name' | 'position' | 'amounts'> {
  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Rel<Plan>;

  @Field(() => BudgetCategory, { description: '类别 / category' })
  @Enum({ items: () => BudgetCategory, type: 'string' })
  category!: BudgetCategory;

  @Field(() => String, { nullable: true, description: '明细名称（仅基本支出明细，如 工资福利支出）/ detail name, for BASIC_DETAIL rows' })
  @Property({ type: 'string', length: 500, nullable: true })
  name: string | null = null;

  @Field(() => Int, { description: '顺序 / position' })
  @Property({ type: 'integer' })
  position = 0;

  @Field(() => StageAmounts, { description: '各阶段金额（万元）/ amounts by stage (万元)' })
  @Embedded(() => StageAmounts, { prefix: false })
  amounts: StageAmounts = new StageAmounts();
}
