import { Authorized, Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, pageWindow, toPage } from '../../graphql/connection.js';
import { batchLoad, type Context } from '../../graphql/context.js';
import { groupBy } from '../collections.js';
import { runMutation } from '../../graphql/mutation.js';
import { DeletePayload, deleted, EXPECTED_VERSION, Payload } from '../../graphql/payload.js';
import { assertCanRead, readableDepartmentIds } from '../user/access.js';
import { Plan } from '../plan/plan.entity.js';
import { parseId } from '../validation.js';
import { Department } from './department.entity.js';
import { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentInput } from './department.input.js';
import {
  createDepartment,
  deleteDepartment,
  departmentFilterQuery,
  findDepartmentByNames,
  updateDepartment,
} from './department.service.js';

const DepartmentConnection = Connection(Department, 'Department', '部门列表 / departments');

const DepartmentPayload = Payload(Department, 'department', 'DepartmentPayload', '部门');

@Authorized()
@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: '部门列表（按名称排序）/ departments, by name' })
  async departments(
    @Ctx() { em, actor }: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: '每页数量（≤ 100）/ page size' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '游标 / cursor' }) after: string | null,
    @Arg('filter', () => DepartmentFilter, { nullable: true, description: '筛选 / filter' }) filter: DepartmentFilter | null,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const scope = readableDepartmentIds(actor!);
    const query = departmentFilterQuery(filter);
    const [items, total] = await em.findAndCount(Department, scope === null ? query : { $and: [query, { id: { $in: scope } }] }, {
      orderBy: { name: 'asc', id: 'asc' },
      limit,
      offset,
    });
    return toPage(items, total, offset);
  }

  @Query(() => Department, { nullable: true, description: '按编号或名称（全称或简称）查部门 / a department by id or by full or short name' })
  async department(
    @Ctx() { em, actor }: Context,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('name', () => String, { nullable: true }) name: string | null,
  ): Promise<Department | null> {
    const department =
      id != null ? await em.findOne(Department, { id: parseId(id, ['id']) }) : name != null ? await findDepartmentByNames(em, [name]) : null;
    if (department) assertCanRead(actor, department.id);
    return department;
  }

  @FieldResolver(() => [Plan], { description: '该部门各年度的计划（按年度）/ the department\'s plans by year' })
  async plans(@Root() department: Department, @Ctx() { em }: Context): Promise<Plan[]> {
    const plans = await batchLoad(em, 'department.plans', department.id, async (ids) =>
      groupBy(await em.find(Plan, { department: { $in: ids } }, { orderBy: { year: 'asc' } }), (plan) => plan.department.id),
    );
    return plans ?? [];
  }

  @Mutation(() => DepartmentPayload, { description: '新建部门 / create a department' })
  async createDepartment(@Ctx() { em }: Context, @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput) {
    const { result, userErrors } = await runMutation(em, (tx) => createDepartment(tx, input));
    return { department: result, userErrors };
  }

  @Mutation(() => DepartmentPayload, { description: '修改部门 / update a department' })
  async updateDepartment(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => updateDepartment(tx, id, input, expectedVersion));
    return { department: result, userErrors };
  }

  @Mutation(() => DeletePayload, { description: '删除部门（仅限无计划的部门）/ delete a department that has no plans' })
  async deleteDepartment(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return deleted(await runMutation(em, (tx) => deleteDepartment(tx, id)));
  }
}
