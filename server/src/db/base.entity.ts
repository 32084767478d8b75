import { DateTimeType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What every stored row shares, declared once: the integer id; the optimistic-lock version of the
 * rows people edit; the timestamps of the rows that keep them. `Optional` lists the subclass's own
 * properties that have defaults (MikroORM's OptionalProps), so `em.create` does not ask for them.
 */
@ObjectType({ description: '存储的行（编号）/ a stored row (base type; not in the schema unless referenced)' })
export abstract class IdEntity<Optional = never> {
  [OptionalProps]?: Optional;

  @Field(() => ID, { description: '编号 / id' })
  @PrimaryKey({ type: 'integer' })
  id!: number;
}

/** A row people edit: a write that names an older version is refused as CONFLICT, never lost unseen. */
@ObjectType({ description: '可编辑的行（编号、版本号）/ an edited row (base type)' })
export abstract class BaseEntity<Optional = never> extends IdEntity<Optional | 'version'> {
  @Field(() => Int, { description: '版本号（乐观锁：修改时回传，过期则返回 CONFLICT）/ version, for optimistic locking' })
  @Property({ type: 'integer', version: true })
  version!: number;
}

/** An edited row that also keeps when it was created and last changed. */
@ObjectType({ description: '可编辑且带时间戳的行 / an edited row with timestamps (base type)' })
export abstract class TimestampedEntity<Optional = never> extends BaseEntity<Optional | 'createdAt' | 'updatedAt'> {
  @Field(() => Date, { description: '创建时间 / created at' })
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { description: '更新时间 / updated at' })
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
