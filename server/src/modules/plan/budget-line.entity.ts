import { Embedded, Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StageAmounts } from '../../db/stage-amounts.embeddable.js';
import { BudgetCategory } from './plan-enums.js';
import { Plan } from './plan.entity.js';

/** A row of the budget matrix: one category's amount at each stage. A row exists only where stated. */
@Entity()
@ObjectType({ description: '预算矩阵的一行：某一类别在各阶段的金额 / a row of the budget matrix' })
export class BudgetLine {
  [OptionalProps]?: 'version' | 'name' | 'position' | 'amounts';

  @Field(() => ID, { description: '编号 / id' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Optimistic lock: a write that names an older version is refused as CONFLICT, never lost unseen. */
  @Field(() => Int, { description: '版本号（乐观锁：修改时回传，过期则返回 CONFLICT）/ version, for optimistic locking' })
  @Property({ type: 'integer', version: true })
  version!: number;

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
