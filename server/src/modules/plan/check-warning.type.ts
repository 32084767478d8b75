import { Field, ID, ObjectType } from 'type-graphql';

/** A 勾稽关系 consistency warning (DOMAIN.md §7): never blocks anything, always gives the figures. */
@ObjectType({ description: '勾稽关系检查提示（不阻止保存，给出确切数字）/ a consistency warning with the exact figures' })
export class CheckWarning {
  @Field(() => String, { description: '规则代码，如 TOTAL_NATURE_SUM / stable rule code' })
  code!: string;

  @Field(() => String, { description: '在计划文件中的位置，如 budget.total.initial / path in the plan document' })
  path!: string;

  @Field(() => String, { nullable: true, description: '预算阶段 / budget stage' })
  stage!: string | null;

  @Field(() => String, { description: '按规则应为 / the figure the rule derives' })
  expected!: string;

  @Field(() => String, { description: '实际填报 / the figure stated' })
  found!: string;

  @Field(() => String, { nullable: true, description: '差额（填报 − 应为）/ found − expected' })
  difference!: string | null;

  @Field(() => String, { description: '说明（中文，含数字）/ message with the figures' })
  message!: string;

  @Field(() => ID, { nullable: true, description: '涉及的专项 / the line item concerned' })
  lineItemId!: string | null;

  @Field(() => ID, { nullable: true, description: '涉及的指标 / the indicator concerned' })
  indicatorId!: string | null;
}
