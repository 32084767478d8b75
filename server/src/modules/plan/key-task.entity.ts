import { Entity, ManyToOne, PrimaryKey, Property, type Rel, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Plan } from './plan.entity.js';

/** 年度重点工作计划: 事项 / 责任单位或科室 / 工作目标. */
@Entity()
@ObjectType({ description: '年度重点工作 / key task of the year' })
export class KeyTask {
  [OptionalProps]?: 'version' | 'position' | 'item' | 'owner' | 'goal';

  @Field(() => ID, { description: '编号 / id' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Optimistic lock: a write that names an older version is refused as CONFLICT, never lost unseen. */
  @Field(() => Int, { description: '版本号（乐观锁：修改时回传，过期则返回 CONFLICT）/ version, for optimistic locking' })
  @Property({ type: 'integer', version: true })
  version!: number;

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
