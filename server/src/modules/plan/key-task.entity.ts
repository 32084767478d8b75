import { Entity, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Plan } from './plan.entity.js';
import { BaseEntity } from '../../db/base.entity.js';

/** 年度重点工作计划: 事项 / 责任单位或科室 / 工作目标. */
@Entity()
@ObjectType({ description: '年度重点工作 / key task of the year' })
export class KeyTask extends BaseEntity<'position' | 'item' | 'owner' | 'goal'> {
  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Rel<Plan>;

  @Field(() => Int, { description: '顺序（从 0 起）/ position, from 0' })
  @Property({ type: 'integer' })
  position = 0;

  @Field(() => String, { nullable: true, description: '事项 / the task' })
  @Property({ type: 'text', nullable: true })
  item: string | null = null;

  @Field(() => String, { nullable: true, description: '责任单位或科室 / owner' })
  @Property({ type: 'text', nullable: true })
  owner: string | null = null;

  @Field(() => String, { nullable: true, description: '工作目标 / goal' })
  @Property({ type: 'text', nullable: true })
  goal: string | null = null;
}
