import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Connection, pageWindow, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Plan } from '../plan/plan.entity.js';
import { assertCanRead } from '../user/access.js';
import { parseId } from '../validation.js';
import { AuditEntry } from './audit-entry.entity.js';

const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', '审计记录 / audit trail');

@Authorized()
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: '计划的修改记录（新的在前），可按对象和字段筛选，用于查看单元格历史 / a plan\'s audit trail, newest first; filter by object and field for a cell\'s history',
  })
  async auditLog(
    @Ctx() { em, actor }: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('objectType', () => String, { nullable: true, description: '对象类型，如 Indicator / object type' }) objectType: string | null,
    @Arg('objectId', () => ID, { nullable: true, description: '对象编号 / object id' }) objectId: string | null,
    @Arg('field', () => String, { nullable: true, description: '字段，如 targetText / field' }) field: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: '每页数量（≤ 100）/ page size' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '游标 / cursor' }) after: string | null,
  ) {
    const id = parseId(planId, ['planId']);
    const plan = await em.findOne(Plan, { id });
    // A deleted plan's trail stays readable to those who may read everything.
    assertCanRead(actor, plan?.department.id ?? -1);
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(
      AuditEntry,
      {
        planId: id,
        ...(objectType ? { objectType } : {}),
        ...(objectId ? { objectId: parseId(objectId, ['objectId']) } : {}),
        ...(field ? { field } : {}),
      },
      { orderBy: { id: 'desc' }, limit, offset },
    );
    return toPage(items, total, offset);
  }
}
