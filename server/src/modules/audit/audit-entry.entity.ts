import { Entity, Index, OptionalProps, PrimaryKey, Property, DateTimeType } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One change to an official figure: who, when, which object and field, before, after, why.
 * Append-only: no API edits or deletes it, and SQLite triggers refuse UPDATE and DELETE on the table.
 * Plain ids, no foreign keys, so the trail outlives what it describes.
 */
@Entity()
@Index({ properties: ['planId', 'at'] })
@Index({ properties: ['objectType', 'objectId'] })
@ObjectType({ description: '审计记录（只增不改）/ an audit trail entry; append-only' })
export class AuditEntry {
  [OptionalProps]?: 'at' | 'reason' | 'planId' | 'userId' | 'userName' | 'before' | 'after' | 'replacedDocument';

  @Field(() => ID, { description: '编号 / id' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => Date, { description: '时间 / when' })
  @Property({ type: DateTimeType })
  at: Date = new Date();

  @Field(() => ID, { nullable: true, description: '操作人编号（命令行导入为空）/ who; null for the command line' })
  @Property({ type: 'integer', nullable: true })
  userId: number | null = null;

  @Field(() => String, { description: '操作人 / who, by name' })
  @Property({ type: 'string', length: 200 })
  userName: string = '系统';

  @Field(() => ID, { nullable: true, description: '所属计划 / plan' })
  @Property({ type: 'integer', nullable: true })
  planId: number | null = null;

  @Field(() => String, { description: '对象类型，如 Indicator、BudgetLine、Plan / object type' })
  @Property({ type: 'string', length: 50 })
  objectType!: string;

  @Field(() => ID, { description: '对象编号 / object id' })
  @Property({ type: 'integer' })
  objectId!: number;

  @Field(() => String, { description: '字段，如 targetText、actualText、amounts.actual、status；新建为 CREATED，删除为 DELETED / field' })
  @Property({ type: 'string', length: 100 })
  field!: string;

  @Field(() => String, { nullable: true, description: '修改前（JSON）/ before, as JSON' })
  @Property({ type: 'text', nullable: true })
  before: string | null = null;

  @Field(() => String, { nullable: true, description: '修改后（JSON）/ after, as JSON' })
  @Property({ type: 'text', nullable: true })
  after: string | null = null;

  @Field(() => String, { nullable: true, description: '原因（调整、退回、扣分、导入替换等）/ reason' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  /**
   * A plan import's replaced plan, as it was, in the plan-document format, gzip-compressed (kept once
   * per import, not a snapshot per row); null otherwise. Read through the `replacedDocument` field.
   */
  @Property({ type: 'blob', nullable: true, lazy: true })
  replacedDocument: Buffer | null = null;
}
