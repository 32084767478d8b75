import {
  Collection,
  Embedded,
  Entity,
  Enum,
  ManyToOne,
  OneToMany,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { LINE_ITEM_KIND_LABELS, LINE_ITEM_KIND_VALUES, valuesObject, type LineItemKind as VocabularyLineItemKind } from '@jixiao/vocabulary';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StageAmounts } from '../../db/stage-amounts.embeddable.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { Plan } from '../plan/plan.entity.js';
import { BaseEntity } from '../../db/base.entity.js';
import { DecimalType } from '../../db/decimal.type.js';

export const LineItemKind = valuesObject(LINE_ITEM_KIND_VALUES);
export type LineItemKind = VocabularyLineItemKind;

registerEnumType(LineItemKind, {
  name: 'LineItemKind',
  description: '项目类型 / kind of line item',
  valuesConfig: {
    INITIAL: { description: `${LINE_ITEM_KIND_LABELS.INITIAL} / in the year-start budget` },
    MIDYEAR: { description: `${LINE_ITEM_KIND_LABELS.MIDYEAR}（无年初预算）/ added mid-year, no initial amount` },
  },
});

/** 专项 special-fund line item, and its 支出方向/子项 children (a tree). */
@Entity()
@ObjectType({ description: '专项 / 项目（含子项，树形）/ special-fund line item, a tree of 专项 → 子项' })
export class LineItem extends BaseEntity<'parent' | 'position' | 'kind' | 'amounts' | 'period' | 'periodGoal' | 'annualGoal' | 'use'> {
  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Rel<Plan>;

  @ManyToOne(() => LineItem, { nullable: true, deleteRule: 'cascade' })
  parent: Rel<LineItem> | null = null;

  @OneToMany(() => LineItem, (item) => item.parent, { orderBy: { position: 'asc' } })
  children = new Collection<LineItem>(this);

  @OneToMany(() => Indicator, (indicator) => indicator.lineItem, { orderBy: { position: 'asc' } })
  indicators = new Collection<Indicator>(this);

  @Field(() => Int, { description: '在同级中的顺序（从 0 起）/ position among siblings, from 0' })
  @Property({ type: 'integer' })
  position = 0;

  @Field(() => String, { description: '项目名称 / name' })
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Field(() => LineItemKind, { nullable: true, description: '年初预算项目 / 年中追加项目 / kind' })
  @Enum({ items: () => LineItemKind, type: 'string', nullable: true })
  kind: LineItemKind | null = null;

  @Field(() => StageAmounts, { description: '各阶段金额（万元）/ amounts by stage (万元)' })
  @Embedded(() => StageAmounts, { prefix: 'amount_' })
  amounts: StageAmounts = new StageAmounts();

  @Field(() => String, { nullable: true, description: '项目实施期，如 2021.1-2021.12 / implementation period' })
  @Property({ type: 'string', length: 500, nullable: true })
  period: string | null = null;

  @Field(() => String, { nullable: true, description: '实施期绩效目标 / goal for the implementation period' })
  @Property({ type: 'text', nullable: true })
  periodGoal: string | null = null;

  @Field(() => String, { nullable: true, description: '年度绩效目标 / goal for the year' })
  @Property({ type: 'text', nullable: true })
  annualGoal: string | null = null;

  @Field(() => String, { nullable: true, description: '资金主要用途 / main use of the funds' })
  @Property({ type: 'text', nullable: true })
  use: string | null = null;

  // Stored roll-up (issue 11 item 1), written by plan-figures.store.ts with every change that affects it.
  @Property({ type: 'integer', nullable: true })
  rollupCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupScoredCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupPendingCount?: number | null;

  @Property({ type: DecimalType, nullable: true })
  rollupWeightTotal?: string | null;

  @Property({ type: DecimalType, nullable: true })
  rollupScoreTotal?: string | null;

  @Property({ type: DecimalType, nullable: true })
  rollupComputedTotal?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  rollupGrade?: string | null;

  @Property({ type: 'boolean', nullable: true })
  rollupGradeProvisional?: boolean | null;

  @Property({ type: DecimalType, nullable: true })
  rollupExecutionRate?: string | null;

  @Property({ type: 'integer', nullable: true })
  rollupMetCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupPartialCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupNotMetCount?: number | null;

  /** Indicators whose target reads as TEXT (judged by the evaluator). */
  @Property({ type: 'integer', nullable: true })
  rollupTextTargetCount?: number | null;

}
