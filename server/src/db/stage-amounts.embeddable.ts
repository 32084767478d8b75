import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../graphql/scalars.js';
import { DecimalType } from './decimal.type.js';

/** One amount through the budget year, in 万元. null = the document did not state it, never 0. */
@Embeddable()
@ObjectType('StageAmounts', { description: '一笔资金在预算年度各阶段的金额（万元）。null 表示未填报 / One amount through the budget year (万元); null = not stated' })
export class StageAmounts {
  @Field(() => DecimalScalar, { nullable: true, description: '年初预算 / initial budget' })
  @Property({ type: DecimalType, nullable: true })
  initial: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '调整/追加（调减为负）/ adjustment (negative when reduced)' })
  @Property({ type: DecimalType, nullable: true })
  adjustment: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '全年预算数（调整后）/ full-year budget after adjustment' })
  @Property({ type: DecimalType, nullable: true })
  fullYear: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '实际支出 / 执行数 / actual spending' })
  @Property({ type: DecimalType, nullable: true })
  actual: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '结余结转 / carryover' })
  @Property({ type: DecimalType, nullable: true })
  carryover: string | null = null;

  @Field(() => String, { nullable: true, description: '文件所填的预算执行率，如 "99.99%" / execution rate as the document states it' })
  @Property({ type: 'string', nullable: true })
  statedExecutionRate: string | null = null;
}
