import type { FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, pageWindow, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { batchLoad } from '../../graphql/context.js';
import { selectedFields } from '../../graphql/selection.js';
import { Department } from '../department/department.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { Plan } from '../plan/plan.entity.js';
import { assertCanRead } from '../user/access.js';
import { Role } from '../user/user.entity.js';
import { parseId } from '../validation.js';
import { AuditEntry } from './audit-entry.entity.js';
import { findAuditEntries, loadDepartments, loadIndicators, loadLineItems, loadPlans } from './audit-entries.service.js';
import { AuditEntryFilter } from './audit.input.js';
import { importSummary, PLAN_IMPORT, PlanImportSummary, unzipDocument } from './plan-import.js';

const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', '审计记录 / audit trail');

@Authorized()
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      '修改记录（新的在前）：计划的记录（含其删除），可按对象和字段筛选，用于查看单元格历史；不指定计划时为全部记录（部门、用户等），仅管理员和分析人员（用户记录仅管理员）/ the audit trail, newest first: a plan\'s (its deletions included), filtered by object and field for a cell\'s history; without a plan, the whole trail (departments, users …), for administrators and analysts (user entries: administrators)',
  })
  async auditLog(
    @Ctx() { em, actor }: Context,
    @Arg('planId', () => ID, { nullable: true, description: '计划编号；为空时查全部记录 / plan; null for the whole trail' }) planId: string | null,
    @Arg('objectType', () => String, { nullable: true, description: '对象类型，如 Indicator / object type' }) objectType: string | null,
    @Arg('objectId', () => ID, { nullable: true, description: '对象编号 / object id' }) objectId: string | null,
    @Arg('field', () => String, { nullable: true, description: '字段，如 targetText / field' }) field: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: '每页数量（≤ 100）/ page size' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '游标 / cursor' }) after: string | null,
  ) {
    const id = planId == null ? null : parseId(planId, ['planId']);
    const plan = id == null ? null : await em.findOne(Plan, { id });
    // A deleted plan's trail, and the trail beyond plans, are readable to those who may read everything.
    assertCanRead(actor, plan?.department.id ?? -1);
    const { limit, offset } = pageWindow(first, after);
    const filter: FilterQuery<AuditEntry> = {
      ...(id == null ? {} : { planId: id }),
      ...(objectType ? { objectType } : {}),
      ...(objectId ? { objectId: parseId(objectId, ['objectId']) } : {}),
      ...(field ? { field } : {}),
    };
    // Accounts are the administrator's business: analysts read the trail of everything else.
    const visible = id == null && actor?.role !== Role.ADMIN ? { $and: [filter, { objectType: { $ne: 'User' } }] } : filter;
    const [items, total] = await em.findAndCount(AuditEntry, visible, { orderBy: { id: 'desc' }, limit, offset });
    return toPage(items, total, offset);
  }

  @Query(() => AuditEntryConnection, {
    description:
      '跨计划的修改记录（新的在前）：按年度、计划、对象类型、字段、操作人、时间筛选，或只看批复后的目标调整；每条记录可取所涉对象（指标及其计划、部门）；游标按记录编号分页，仅含可查看的计划（部门等计划外记录仅管理员和分析人员，用户记录仅管理员）/ the audit trail across plans, newest first, filtered; each entry reaches the object it concerns; keyset cursors; scoped like auditLog',
  })
  auditEntries(
    @Ctx() { em, actor }: Context,
    @Arg('filter', () => AuditEntryFilter, { nullable: true, description: '筛选 / filter' }) filter: AuditEntryFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '每页数量（1–100，默认 50）/ page size, default 50' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '从该游标之后开始 / start after this cursor' }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findAuditEntries(em, actor!, filter, first, after, { count: selectedFields(info).has('totalCount') });
  }

  @FieldResolver(() => Plan, { nullable: true, description: '所属计划（已删除则为空）/ the plan, null when deleted or none' })
  plan(@Root() entry: AuditEntry, @Ctx() { em }: Context): Promise<Plan | undefined> | null {
    return entry.planId == null ? null : batchLoad(em, 'audit-plan', entry.planId, (ids) => loadPlans(em, ids));
  }

  @FieldResolver(() => Indicator, { nullable: true, description: '所涉指标（对象类型为 Indicator 且仍存在时）/ the indicator, when the entry concerns one that still exists' })
  indicator(@Root() entry: AuditEntry, @Ctx() { em }: Context): Promise<Indicator | undefined> | null {
    return entry.objectType === 'Indicator' ? batchLoad(em, 'audit-indicator', entry.objectId, (ids) => loadIndicators(em, ids)) : null;
  }

  @FieldResolver(() => LineItem, { nullable: true, description: '所涉专项（对象类型为 LineItem 且仍存在时）/ the line item, when the entry concerns one that still exists' })
  lineItem(@Root() entry: AuditEntry, @Ctx() { em }: Context): Promise<LineItem | undefined> | null {
    return entry.objectType === 'LineItem' ? batchLoad(em, 'audit-line-item', entry.objectId, (ids) => loadLineItems(em, ids)) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: '所涉部门：计划的部门，或对象本身是部门时该部门 / the department: the plan\'s, or the object itself' })
  async department(@Root() entry: AuditEntry, @Ctx() { em }: Context): Promise<Department | null> {
    if (entry.objectType === 'Department') return (await batchLoad(em, 'audit-department', entry.objectId, (ids) => loadDepartments(em, ids))) ?? null;
    if (entry.planId == null) return null;
    const plan = await batchLoad(em, 'audit-plan', entry.planId, (ids) => loadPlans(em, ids));
    return plan ? (plan.department as Department) : null;
  }

  @FieldResolver(() => PlanImportSummary, { nullable: true, description: '导入记录的摘要（文件哈希、行数、被替换的内容），其他记录为空 / for a plan import: hash, counts, what it replaced; null otherwise' })
  importSummary(@Root() entry: AuditEntry): PlanImportSummary | null {
    return importSummary(entry);
  }

  @Authorized(Role.ADMIN, Role.ANALYST)
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: '导入所替换的计划（导入前的计划文件，压缩保存，仅管理员和分析人员）；其他记录为空 / the plan an import replaced, as a plan document (administrators and analysts); null otherwise',
  })
  async replacedDocument(@Ctx() { em }: Context, @Root() entry: AuditEntry): Promise<object | null> {
    if (entry.objectType !== PLAN_IMPORT) return null;
    const [row] = (await em.getConnection().execute('select replaced_document from audit_entry where id = ?', [entry.id])) as { replaced_document: Buffer | null }[];
    return row?.replaced_document ? unzipDocument(row.replaced_document) : null;
  }
}
