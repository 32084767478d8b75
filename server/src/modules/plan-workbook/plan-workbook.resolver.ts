import { Args, Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { enumOf } from '../../graphql/enum.js';
import { runMutation } from '../../graphql/mutation.js';
import { UserError } from '../../graphql/user-error.js';
import { Plan } from '../plan/plan.entity.js';
import { PlanWorkbookArgs } from './plan-workbook.input.js';
import type { ChangeKind, ChangeSubject, WorkbookChange } from './plan-workbook.merge.js';
import type { WorkbookProblemCode } from './plan-workbook.reader.js';
import { importPlanWorkbook, type PlanWorkbookPreview as Preview, previewPlanWorkbook } from './plan-workbook.service.js';

const PROBLEM_CODES: Record<WorkbookProblemCode, string> = {
  FILE_TOO_LARGE: '文件过大（上限 2 MB，解压后 50 MB）/ file too large',
  NOT_A_WORKBOOK: '不是 .xlsx 工作簿或文件已损坏 / not an .xlsx workbook',
  UNRECOGNISED: '找不到可导入的表或表头 / no recognisable form or header',
  TOO_MANY_ROWS: '行数或工作表数超过上限 / too many rows or sheets',
  INVALID_CELL: '单元格的值无法读取（如金额不是数字）/ a cell cannot be read',
  MISSING_VALUE: '必填的单元格为空 / a required cell is empty',
  MISMATCH: '与计划或其他表不一致（部门、年度、金额）/ disagrees with the plan or another sheet',
  DUPLICATE: '重复的行或表 / duplicate row or sheet',
  INVALID_DOCUMENT: '不符合计划文件的校验规则 / fails the plan document validation',
  NOT_FOUND: '计划或专项不存在 / plan or line item not found',
  FORBIDDEN: '无权操作 / not allowed for your role or departments',
  WRONG_STATUS: '计划当前状态不允许导入 / not allowed in the plan\'s status',
  CONFLICT: '计划已被他人修改 / changed meanwhile',
};
const PlanWorkbookProblemCode = enumOf(Object.keys(PROBLEM_CODES) as WorkbookProblemCode[]);
registerEnumType(PlanWorkbookProblemCode, {
  name: 'PlanWorkbookProblemCode',
  description: '工作簿问题类型 / kind of workbook problem',
  valuesConfig: Object.fromEntries(Object.entries(PROBLEM_CODES).map(([key, description]) => [key, { description }])),
});

const CHANGE_KINDS: Record<ChangeKind, string> = { ADDED: '新增 / added', CHANGED: '修改 / changed', REMOVED: '删除 / removed' };
const WorkbookChangeKind = enumOf(Object.keys(CHANGE_KINDS) as ChangeKind[]);
registerEnumType(WorkbookChangeKind, {
  name: 'WorkbookChangeKind',
  description: '变更类型 / kind of change',
  valuesConfig: Object.fromEntries(Object.entries(CHANGE_KINDS).map(([key, description]) => [key, { description }])),
});

const CHANGE_SUBJECTS: Record<ChangeSubject, string> = {
  BUDGET: '年度预算 / budget figure',
  GOAL: '年度整体绩效目标 / overall goal',
  KEY_TASK: '年度重点工作 / key task',
  LINE_ITEM: '专项或子项 / line item',
  INDICATOR: '绩效指标 / indicator',
  EVALUATION: '自评结果（分项小计、总分、等次、问题与措施）/ self-evaluation result',
};
const WorkbookChangeSubject = enumOf(Object.keys(CHANGE_SUBJECTS) as ChangeSubject[]);
registerEnumType(WorkbookChangeSubject, {
  name: 'WorkbookChangeSubject',
  description: '变更对象 / what changed',
  valuesConfig: Object.fromEntries(Object.entries(CHANGE_SUBJECTS).map(([key, description]) => [key, { description }])),
});

@ObjectType({ description: '工作簿中的问题（定位到工作表、行、列）/ a problem in the workbook, at its sheet, row and column' })
class PlanWorkbookProblem {
  @Field(() => String, { nullable: true, description: '工作表名（整个文件的问题为空）/ sheet name; null for the whole file' })
  sheet!: string | null;

  @Field(() => Int, { nullable: true, description: '行号（从 1 起）/ row number, from 1' })
  row!: number | null;

  @Field(() => String, { nullable: true, description: '列（如 D；整行时为空）/ column letter; null for a whole row' })
  column!: string | null;

  @Field(() => String, { description: '问题说明（中文）/ what is wrong, in Chinese' })
  message!: string;

  @Field(() => PlanWorkbookProblemCode, { description: '问题类型 / kind of problem' })
  code!: WorkbookProblemCode;
}

@ObjectType({ description: '导入工作簿将作的一项变更 / one change importing the workbook would make' })
class PlanWorkbookChange {
  @Field(() => WorkbookChangeKind, { description: '新增、修改或删除 / added, changed or removed' })
  kind!: ChangeKind;

  @Field(() => WorkbookChangeSubject, { description: '变更对象 / what changes' })
  subject!: ChangeSubject;

  @Field(() => String, { description: '所在位置，如「部门整体指标」「业务性专项经费 › 理论学习」/ where in the plan' })
  location!: string;

  @Field(() => String, { description: '名称：预算行、三级指标、专项名称 / the budget row, indicator or line item' })
  name!: string;

  @Field(() => String, { nullable: true, description: '修改的栏目，如「指标值」「年初预算数」（新增、删除整行时为空）/ the column changed; null for a whole row' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: '原值 / before' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: '新值 / after' })
  after!: string | null;

  @Field(() => String, { nullable: true, description: '服务器对新指标值的解读，如「≥ 12 次」/ how the server reads a new target' })
  reading!: string | null;

  @Field(() => String, { nullable: true, description: '来自的工作表 / sheet it comes from' })
  sheet!: string | null;

  @Field(() => Int, { nullable: true, description: '来自的行号 / row it comes from' })
  row!: number | null;
}

@ObjectType({ description: '工作簿导入预览：将作的变更与问题，不修改任何数据 / what importing a workbook would do; changes nothing' })
class PlanWorkbookPreview {
  @Field(() => Plan, { nullable: true, description: '工作簿对应的计划 / the plan the workbook is for' })
  plan!: Plan | null;

  @Field(() => [PlanWorkbookChange], { description: '将作的变更（指标、预算、专项、目标、重点工作，含原值与新值）/ the changes, with before and after' })
  changes!: PlanWorkbookChange[];

  @Field(() => [PlanWorkbookProblem], { description: '问题（有问题时不能导入）/ problems; the import is refused while there are any' })
  problems!: PlanWorkbookProblem[];

  @Field(() => [String], { description: '导入后的勾稽关系提示（不阻止导入）/ consistency warnings of the result; never block' })
  warnings!: string[];

  @Field(() => [String], { description: '说明，如「未识别的工作表，已忽略」/ notices, e.g. sheets not recognised' })
  notices!: string[];

  @Field(() => Boolean, { description: '是否可以导入（无问题）/ true when there are no problems' })
  canImport!: boolean;
}

@ObjectType({ description: '导入工作簿的结果 / result of importing a workbook' })
class ImportPlanWorkbookPayload {
  @Field(() => Plan, { nullable: true, description: '导入后的计划（被拒绝时为空）/ the plan after the import; null when refused' })
  plan!: Plan | null;

  @Field(() => PlanWorkbookPreview, { nullable: true, description: '已作（或被拒绝时将作）的变更与问题 / the changes made, or the problems that refused it' })
  preview!: PlanWorkbookPreview | null;

  @Field(() => [UserError], { description: '输入错误（有错误时未作任何修改）/ input errors; nothing changed when present' })
  userErrors!: UserError[];
}

function shaped(preview: Preview | null): PlanWorkbookPreview | null {
  if (!preview) return null;
  return {
    ...preview,
    changes: preview.changes.map(({ at, ...change }) => ({ ...change, sheet: at?.sheet ?? null, row: at?.row ?? null })),
    canImport: preview.problems.length === 0,
  };
}

@Authorized()
@Resolver()
export class PlanWorkbookResolver {
  @Query(() => PlanWorkbookPreview, {
    description:
      '预览导入填好的绩效目标表工作簿（.xlsx）：将新增、修改、删除的指标与预算数（原值→新值）和逐行问题；不修改数据。导出见 GET /export/plans/{id}.xlsx / preview importing a filled target-table workbook; changes nothing',
  })
  async previewPlanWorkbook(@Ctx() { em }: Context, @Args(() => PlanWorkbookArgs) args: PlanWorkbookArgs): Promise<PlanWorkbookPreview> {
    return shaped(await previewPlanWorkbook(em, args, args.file))!;
  }

  @Mutation(() => ImportPlanWorkbookPayload, {
    description:
      '导入填好的绩效目标表工作簿：与预览相同的读取，经计划文件导入写入（同一事务，全部成功或全部不变）；编报人员限本部门编制中的计划 / import a filled workbook through the plan-document import, all or nothing',
  })
  async importPlanWorkbook(
    @Ctx() { em }: Context,
    @Args(() => PlanWorkbookArgs) args: PlanWorkbookArgs,
    @Arg('expectedVersion', () => Int, { nullable: true, description: '预览时计划的版本号；已被他人修改时返回 CONFLICT / the plan version the preview showed' }) expectedVersion: number | null,
    @Arg('reason', () => String, { nullable: true, description: '原因：管理员替换已批复（或其后）的计划时必填（REASON_REQUIRED），记入审计 / why; required when an administrator replaces an approved (or later) plan' }) reason: string | null,
  ): Promise<ImportPlanWorkbookPayload> {
    const { result, userErrors } = await runMutation(em, (tx) => importPlanWorkbook(tx, args, args.file, expectedVersion ?? null, reason ?? null));
    return { plan: userErrors.length ? null : (result?.plan ?? null), preview: shaped(result), userErrors };
  }
}
