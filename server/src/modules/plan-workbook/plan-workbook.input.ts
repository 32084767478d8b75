import { ArgsType, Field, ID, Int } from 'type-graphql';

/** Which plan, and the file: the arguments of previewPlanWorkbook and importPlanWorkbook. */
@ArgsType()
export class PlanWorkbookArgs {
  @Field(() => ID, { nullable: true, description: '计划编号（不填时按部门与年度，或工作簿所写的部门与年度）/ the plan; else department + year, else what the workbook states' })
  planId?: string | null;

  @Field(() => String, { nullable: true, description: '部门全称或简称 / department, full or short name' })
  department?: string | null;

  @Field(() => Int, { nullable: true, description: '预算年度 / budget year' })
  year?: number | null;

  @Field(() => String, { description: '填好的工作簿（.xlsx），base64 编码，上限 2 MB / the filled .xlsx workbook, base64, at most 2 MB' })
  file!: string;
}
