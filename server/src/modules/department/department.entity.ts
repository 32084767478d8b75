import { Entity, PrimaryKey, Property, Unique, OptionalProps, DateTimeType } from '@mikro-orm/core';
import { Field, ID, ObjectType, Int } from 'type-graphql';

/** 部门 / 预算单位: the identity that keeps all of a department's years together. */
@Entity()
@ObjectType({ description: '部门 / 预算单位 — department (budget unit); its yearly profile lives on each plan' })
export class Department {
  [OptionalProps]?: 'version' | 'shortName' | 'region' | 'code' | 'createdAt' | 'updatedAt';

  @Field(() => ID, { description: '编号 / id' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Optimistic lock: a write that names an older version is refused as CONFLICT, never lost unseen. */
  @Field(() => Int, { description: '版本号（乐观锁：修改时回传，过期则返回 CONFLICT）/ version, for optimistic locking' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field(() => String, { description: '全称，如 中共株洲市石峰区委员会宣传部 / full name' })
  @Property({ type: 'string', length: 500 })
  @Unique()
  name!: string;

  @Field(() => String, { nullable: true, description: '简称，如 石峰区委宣传部 / short name' })
  @Property({ type: 'string', length: 500, nullable: true })
  shortName: string | null = null;

  @Field(() => String, { nullable: true, description: '所属地区，如 湖南省株洲市石峰区 / region' })
  @Property({ type: 'string', length: 500, nullable: true })
  region: string | null = null;

  @Field(() => String, { nullable: true, description: '单位编码 / unit code' })
  @Property({ type: 'string', length: 100, nullable: true })
  @Unique()
  code: string | null = null;

  @Field(() => Date, { description: '创建时间 / created at' })
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { description: '更新时间 / updated at' })
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
