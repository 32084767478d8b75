import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';
import { BudgetCategory, PlanStatus } from './plan-enums.js';

@InputType({ description: '新建年度计划 / create a plan' })
export class CreatePlanInput {
  @Field(() => ID, { description: '部门 / department' })
  departmentId!: string;

  @Field(() => Int, { description: '预算年度 / year' })
  year!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      '从该计划复制（通常为上一年度）：复制部门情况、目标、重点工作、专项与指标，不复制实际值、得分与金额 / copy from this plan: profile, goals, key tasks, line items and indicators; not actuals, scores or amounts',
  })
  copyFromPlanId?: string | null;
}

@InputType({ description: '人员编制 / staffing' })
export class StaffingInput {
  @Field(() => Int, { nullable: true, description: '编制数 / authorized' })
  authorized?: number | null;

  @Field(() => Int, { nullable: true, description: '实有人数 / actual' })
  actual?: number | null;

  @Field(() => Int, { nullable: true, description: '退休人数 / retired' })
  retired?: number | null;
}

@InputType({ description: '修改计划的部门情况与目标（未给出的字段不变，null 清空）/ update a plan (omitted fields unchanged, null clears)' })
export class UpdatePlanInput {
  @Field(() => [String], { nullable: true, description: '部门职责 / duties' })
  functions?: string[] | null;

  @Field(() => [String], { nullable: true, description: '内设机构 / internal units' })
  internalUnits?: string[] | null;

  @Field(() => [String], { nullable: true, description: '二级单位 / sub-units' })
  subUnits?: string[] | null;

  @Field(() => StaffingInput, { nullable: true, description: '人员编制 / staffing' })
  staff?: StaffingInput | null;

  @Field(() => [String], { nullable: true, description: '年度整体绩效目标 / overall goals' })
  overallGoals?: string[] | null;

  @Field(() => [String], { nullable: true, description: '主要成效 / achievements' })
  achievements?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: '固定资产（万元）/ fixed assets (万元)' })
  fixedAssets?: string | null;

  @Field(() => String, { nullable: true, description: '数据来源 / source' })
  source?: string | null;
}

@InputType({ description: '计划筛选 / plan filter' })
export class PlanFilter {
  @Field(() => Int, { nullable: true, description: '年度 / year' })
  year?: number | null;

  @Field(() => ID, { nullable: true, description: '部门编号 / department id' })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: '部门名称包含（全称或简称）/ department name contains' })
  departmentName?: string | null;

  @Field(() => String, { nullable: true, description: '地区包含 / region contains' })
  region?: string | null;

  @Field(() => PlanStatus, { nullable: true, description: '状态 / status' })
  status?: PlanStatus | null;
}

@InputType({ description: '各阶段金额（万元；未给出的不变，null 清空）/ amounts by stage (万元; omitted unchanged, null clears)' })
export class StageAmountsInput {
  @Field(() => DecimalScalar, { nullable: true, description: '年初预算 / initial' })
  initial?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '调整（可为负）/ adjustment (may be negative)' })
  adjustment?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '全年预算数 / full year' })
  fullYear?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '实际支出 / actual' })
  actual?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '结余结转 / carryover' })
  carryover?: string | null;

  @Field(() => String, { nullable: true, description: '文件所填执行率，如 "99.99%" / stated execution rate' })
  statedExecutionRate?: string | null;
}

@InputType({ description: '设置预算矩阵中一行的金额 / set the amounts of one budget row' })
export class SetBudgetLineInput {
  @Field(() => ID, { description: '计划 / plan' })
  planId!: string;

  @Field(() => ID, { nullable: true, description: '已有的行（改名时必填：按编号找行，name 为新名称）/ an existing row, to rename a detail row' })
  id?: string | null;

  @Field(() => BudgetCategory, { description: '类别 / category' })
  category!: BudgetCategory;

  @Field(() => String, { nullable: true, description: '明细名称（基本支出明细必填）/ detail name, required for BASIC_DETAIL' })
  name?: string | null;

  @Field(() => StageAmountsInput, { description: '金额 / amounts' })
  amounts!: StageAmountsInput;
}

@InputType({ description: '重点工作 / key task' })
export class KeyTaskInput {
  @Field(() => String, { nullable: true, description: '事项 / task' })
  item?: string | null;

  @Field(() => String, { nullable: true, description: '责任单位或科室 / owner' })
  owner?: string | null;

  @Field(() => String, { nullable: true, description: '工作目标 / goal' })
  goal?: string | null;
}
