import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../db/base.entity.js';

/** 部门 / 预算单位: the identity that keeps all of a department's years together. */
@Entity()
@ObjectType({ description: '部门 / 预算单位 — department (budget unit); its yearly profile lives on each plan' })
export class Department extends TimestampedEntity<'shortName' | 'region' | 'code'> {
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
}
