import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalType } from '../../db/decimal.type.js';
import type { Level1, Level2 } from '../../domain/indicator-hierarchy.js';
import type { Comparator, Direction } from '../../domain/indicator-value/types.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { Plan } from '../plan/plan.entity.js';
import { Level1Values, Level2Values } from './indicator-enums.js';
import { BaseEntity } from '../../db/base.entity.js';

/** 绩效指标: belongs to a plan (department level) or to one line item; order matters. */
@Entity()
// planStats counts a group's indicators by status from this index alone, plan by plan; the analysts' pages filter by status.
@Index({ name: 'indicator_stats_index', properties: ['plan', 'gapStatus', 'readingKind'] })
@Index({ name: 'indicator_gap_status_index', properties: ['gapStatus'] })
// The analysts' pages by largest points lost and by lowest completion read in these orders (analysis/indicator-query.service.ts: sort keys, nulls last).
@Index({ name: 'indicator_score_lost_order_index', expression: 'create index "indicator_score_lost_order_index" on "indicator" ((case when "score_lost" is null then 1 else 0 end), (coalesce("score_lost", 0)) desc, "id" desc)' })
@Index({ name: 'indicator_completion_order_index', expression: 'create index "indicator_completion_order_index" on "indicator" ((case when "completion" is null then 1 else 0 end), (coalesce("completion", 0)), "id")' })
@ObjectType({ description: '绩效指标（三级指标）/ performance indicator (level 3), of a plan or of one line item' })
export class Indicator extends BaseEntity<'lineItem' | 'position' | 'level2' | 'level2Label' | 'targetText' | 'targetComparator' | 'targetValue' | 'targetUpper' | 'targetUnit' | 'targetDirection' | 'actualText' | 'weight' | 'score' | 'deduction' | 'deviationReason' | 'scoreUnconfirmed' | 'remark' | 'evidence'> {
  /**
   * The same indicator in the plan it was copied from (last year's), for year-over-year comparison.
   * Declared first so that a fresh table lists its foreign keys in the order the migration adds them.
   */
  @ManyToOne(() => Indicator, { nullable: true, deleteRule: 'set null' })
  previous?: Rel<Indicator> | null;

  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Rel<Plan>;

  @ManyToOne(() => LineItem, { nullable: true, deleteRule: 'cascade' })
  lineItem: Rel<LineItem> | null = null;

  @Field(() => Int, { description: '在所属表中的顺序（从 0 起）/ position in its table, from 0' })
  @Property({ type: 'integer' })
  position = 0;

  @Field(() => Level1Values, { description: '一级指标（规范值）/ level 1, canonical' })
  @Enum({ items: () => Level1Values, type: 'string' })
  level1!: Level1;

  @Field(() => String, { description: '一级指标（原文）/ level 1 as written' })
  @Property({ type: 'string', length: 500, fieldName: 'level1_label' })
  level1Label!: string;

  @Field(() => Level2Values, { nullable: true, description: '二级指标（规范值）/ level 2, canonical' })
  @Enum({ items: () => Level2Values, type: 'string', nullable: true })
  level2: Level2 | null = null;

  @Field(() => String, { nullable: true, description: '二级指标（原文）/ level 2 as written' })
  @Property({ type: 'string', length: 500, nullable: true, fieldName: 'level2_label' })
  level2Label: string | null = null;

  @Field(() => String, { description: '三级指标名称 / indicator name' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: '指标值（原文）/ target as written' })
  @Property({ type: 'text', nullable: true })
  targetText: string | null = null;

  /**
   * A planner's explicit reading of the target (comparator, value, unit); when set it wins over the
   * reading of targetText. Values are decimal strings: quantities are not bounded like money.
   */
  @Property({ type: 'string', length: 20, nullable: true })
  targetComparator: Comparator | null = null;

  @Property({ type: 'string', length: 60, nullable: true })
  targetValue: string | null = null;

  @Property({ type: 'string', length: 60, nullable: true })
  targetUpper: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetUnit: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetDirection: Direction | null = null;

  @Field(() => String, { nullable: true, description: '实际完成值（原文）/ actual as written' })
  @Property({ type: 'text', nullable: true })
  actualText: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '分值 / weight (points)' })
  @Property({ type: DecimalType, nullable: true })
  weight: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '得分（评价人员）/ score given by the evaluator' })
  @Property({ type: DecimalType, nullable: true })
  score: string | null = null;

  @Field(() => String, { nullable: true, description: '扣分原因（得分与建议得分不同时须填写）/ deduction reason: why the score differs from the suggestion' })
  @Property({ type: 'text', nullable: true })
  deduction: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: '偏差原因（未达成、部分达成或超出目标 50% 以上时须填写）/ deviation reason: why the result is off target',
  })
  @Property({ type: 'text', nullable: true })
  deviationReason: string | null = null;

  /** Set when the actual, target or 分值 changes after a manual score; cleared when the evaluator scores again. */
  @Field(() => Boolean, {
    description: '得分待重新确认（评分后实际完成值、目标或分值有变更；重新评分即确认）/ the manual score awaits re-confirmation after the actual changed',
  })
  @Property({ type: 'boolean' })
  scoreUnconfirmed = false;

  @Field(() => String, { nullable: true, description: '备注 / remark' })
  @Property({ type: 'text', nullable: true })
  remark: string | null = null;

  @Field(() => String, { nullable: true, description: '佐证材料说明 / evidence narrative' })
  @Property({ type: 'text', nullable: true })
  evidence: string | null = null;

  // Stored figures (issue 11 item 1): derived from the texts above by the domain core, written by
  // plan-figures.store.ts in the transaction of every change that affects them; never edited directly.
  // Not in GraphQL as such: `target`, `actual` and `gap` show them; analysts filter on them in SQL.

  /** How the target reads (the planner's structured target wins): QUANTITY, BOOLEAN, GRADE, NOT_APPLICABLE, TEXT. */
  @Property({ type: 'string', length: 20, nullable: true })
  readingKind?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  readingComparator?: string | null;

  /** The target's number as an exact decimal text (the lower bound of a range). */
  @Property({ type: 'string', length: 60, nullable: true })
  readingValue?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  readingUnit?: string | null;

  @Property({ type: 'string', length: 10, nullable: true })
  readingConfidence?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  gapStatus?: string | null;

  /** Completion ratio (uncapped), micro-units. */
  @Property({ type: DecimalType, nullable: true })
  completion?: string | null;

  @Property({ type: DecimalType, nullable: true })
  suggestedScore?: string | null;

  /** The score that counts: the evaluator's, else the suggestion. */
  @Property({ type: DecimalType, nullable: true })
  effectiveScore?: string | null;

  /** 分值 − the score that counts, when both are known. */
  @Property({ type: DecimalType, nullable: true })
  scoreLost?: string | null;

  /**
   * The row's own warnings (structured target against its text, missing 偏差原因/扣分原因, a score to
   * re-confirm) as bits: 2^i for the i-th of plan-figures.types.ts INDICATOR_CHECK_CODES (1, 2, 4, 8); null
   * when none. What the read path shows (readings, gap, checks) is computed from the texts.
   */
  @Property({ type: 'integer', nullable: true })
  checkFlags?: number | null;
}
