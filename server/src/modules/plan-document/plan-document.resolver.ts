import { GraphQLJSONObject } from 'graphql-scalars';
import { Authorized, Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../graphql/mutation.js';
import { UserError } from '../../graphql/user-error.js';
import { Plan } from '../plan/plan.entity.js';
import { assertCanRead } from '../user/access.js';
import { parseId } from '../validation.js';
import { exportPlanDocument, importPlanDocument } from './plan-document.service.js';

@ObjectType({ description: '导入计划文件的结果 / result of importing a plan document' })
class ImportPlanDocumentPayload {
  @Field(() => Plan, { nullable: true, description: '导入后的计划 / the imported plan' })
  plan!: Plan | null;

  @Field(() => Boolean, { description: '是否新建了计划（否则替换了同部门同年度的计划）/ true when a new plan was created, false when the existing one was replaced' })
  created!: boolean;

  @Field(() => Boolean, { description: '是否新建了部门 / true when the department was new' })
  departmentCreated!: boolean;

  @Field(() => [UserError], { description: '输入错误（有错误时未作任何修改）/ input errors; nothing changed when present' })
  userErrors!: UserError[];
}

@Authorized()
@Resolver()
export class PlanDocumentResolver {
  @Mutation(() => ImportPlanDocumentPayload, {
    description:
      '导入整份计划文件（schema/plan-document.schema.json）：按部门全称或简称匹配，同部门同年度则替换，全部成功或全部不变 / import a whole plan document: matched by department name, same department+year replaces, all or nothing',
  })
  async importPlanDocument(
    @Ctx() { em }: Context,
    @Arg('document', () => GraphQLJSONObject) document: Record<string, unknown>,
    @Arg('reason', () => String, { nullable: true, description: '原因：替换已批复（或其后）的计划时必填（REASON_REQUIRED），记入审计 / why; required to replace an approved (or later) plan, recorded in the audit trail' }) reason: string | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => importPlanDocument(tx, document, 'IMPORT', { reason }));
    return { plan: result?.plan ?? null, created: result?.created ?? false, departmentCreated: result?.departmentCreated ?? false, userErrors };
  }

  @Query(() => GraphQLJSONObject, { nullable: true, description: '导出计划文件（与导入格式相同）/ export a plan as a plan document' })
  async exportPlanDocument(@Ctx() { em, actor }: Context, @Arg('planId', () => ID) planId: string): Promise<object | null> {
    const plan = await em.findOne(Plan, { id: parseId(planId, ['planId']) });
    if (!plan) return null;
    assertCanRead(actor, plan.department.id);
    const { result } = await runMutation(em, (tx) => exportPlanDocument(tx, planId));
    return result;
  }
}
