import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: '评价人员 / evaluator' })
export class EvaluatorInput {
  @Field(() => String, { nullable: true, description: '姓名 / name' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '职务 / title' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: '单位 / unit' })
  unit?: string | null;
}

@InputType({ description: '满意度调查（占比原文，如 "95%"）/ satisfaction survey shares as written' })
export class SatisfactionInput {
  @Field(() => String, { nullable: true, description: '满意 / satisfied' })
  satisfied?: string | null;

  @Field(() => String, { nullable: true, description: '基本满意 / basically satisfied' })
  basicallySatisfied?: string | null;

  @Field(() => String, { nullable: true, description: '不满意 / dissatisfied' })
  dissatisfied?: string | null;
}

@InputType({ description: '自评表的文字部分（未给出的不变，null 清空）/ the narrative parts of a self-evaluation (omitted unchanged)' })
export class UpdateEvaluationInput {
  @Field(() => ID, { description: '计划 / plan' })
  planId!: string;

  @Field(() => [EvaluatorInput], { nullable: true, description: '评价人员 / evaluators' })
  evaluators?: EvaluatorInput[] | null;

  @Field(() => SatisfactionInput, { nullable: true, description: '满意度调查 / satisfaction survey' })
  satisfaction?: SatisfactionInput | null;

  @Field(() => [String], { nullable: true, description: '存在的问题 / problems' })
  problems?: string[] | null;

  @Field(() => [String], { nullable: true, description: '改进措施 / measures' })
  measures?: string[] | null;

  @Field(() => String, { nullable: true, description: '结果应用 / application of the results' })
  application?: string | null;

  @Field(() => String, { nullable: true, description: '公开情况 / disclosure' })
  disclosure?: string | null;
}
