import { Field, InputType } from 'type-graphql';

@InputType({ description: '新建部门 / create a department' })
export class CreateDepartmentInput {
  @Field(() => String, { description: '全称 / full name' })
  name!: string;

  @Field(() => String, { nullable: true, description: '简称 / short name' })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: '地区 / region' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: '单位编码 / code' })
  code?: string | null;
}

@InputType({ description: '修改部门（未给出的字段不变，null 清空）/ update a department (omitted fields unchanged)' })
export class UpdateDepartmentInput {
  @Field(() => String, { nullable: true, description: '全称 / full name' })
  name?: string;

  @Field(() => String, { nullable: true, description: '简称 / short name' })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: '地区 / region' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: '单位编码 / code' })
  code?: string | null;
}

@InputType({ description: '部门筛选 / department filter' })
export class DepartmentFilter {
  @Field(() => String, { nullable: true, description: '名称包含（全称或简称）/ name contains (full or short)' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '地区包含 / region contains' })
  region?: string | null;
}
