import { Field, ID, InputType, Int } from 'type-graphql';

/** Which audit entries: every list means any of its values; all conditions hold together. */
@InputType({ description: '跨计划审计记录筛选（列表为“任一”，各条件同时满足）/ audit entries across plans: each list means any of its values' })
export class AuditEntryFilter {
  @Field(() => [Int], { nullable: true, description: '计划年度 / the plans\' years' })
  years?: number[] | null;

  @Field(() => [ID], { nullable: true, description: '计划编号 / plan ids' })
  planIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: '对象类型，如 Indicator、BudgetLine、Plan / object types' })
  objectTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: '字段，如 targetText、actualText、score、status / fields' })
  fields?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: '只看批复后的目标调整（原因以“调整：”开头的记录）/ only target adjustments after 批复 (reason starting 调整：)' })
  adjustmentsOnly?: boolean | null;

  @Field(() => [String], { nullable: true, description: '操作人（姓名或用户编号）/ who: display name or user id' })
  users?: string[] | null;

  @Field(() => Date, { nullable: true, description: '不早于（含）/ at or after' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: '早于（不含）/ before' })
  until?: Date | null;
}
