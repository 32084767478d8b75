import { Collection, Entity, Enum, ManyToMany, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel, Unique, DateTimeType } from '@mikro-orm/core';
import { ROLE_LABELS, Role } from '@jixiao/vocabulary';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { IdEntity } from '../../db/base.entity.js';
import { Department } from '../department/department.entity.js';

/** Roles and what they may touch (DOMAIN.md §1). */
export { Role };

registerEnumType(Role, {
  name: 'Role',
  description: '角色 / role',
  valuesConfig: {
    PLANNER: { description: `${ROLE_LABELS.PLANNER}：编制本部门计划（草稿）/ sets targets for their own departments while DRAFT` },
    REVIEWER: { description: `${ROLE_LABELS.REVIEWER}（财政/主管部门）：批复或退回所管部门的计划 / approves or returns plans of the departments they oversee` },
    EVALUATOR: { description: `${ROLE_LABELS.EVALUATOR}：自评阶段填报实际值、支出与得分 / records actuals, spending and scores in EVALUATING` },
    ANALYST: { description: `${ROLE_LABELS.ANALYST}：只读全部数据 / reads everything` },
    ADMIN: { description: `${ROLE_LABELS.ADMIN}：用户、部门及全部数据 / users, departments, everything` },
  },
});

/** A local account. Passwords are stored only as scrypt hashes. */
@Entity({ tableName: 'app_user' })
@ObjectType({ description: '用户 / a user account' })
export class User extends IdEntity<'active' | 'createdAt'> {
  @Field(() => String, { description: '登录名 / sign-in name' })
  @Property({ type: 'string', length: 100 })
  @Unique()
  username!: string;

  @Field(() => String, { description: '姓名 / display name' })
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Property({ type: 'string', length: 300, hidden: true })
  passwordHash!: string;

  @Field(() => Role, { description: '角色 / role' })
  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  /** PLANNER: own departments; REVIEWER: departments overseen; EVALUATOR: departments evaluated. */
  @ManyToMany(() => Department)
  departments = new Collection<Department>(this);

  @Field(() => Boolean, { description: '是否启用 / active' })
  @Property({ type: 'boolean' })
  active = true;

  @Field(() => Date, { description: '创建时间 / created at' })
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** A signed-in session; only the SHA-256 of its token is stored. */
@Entity()
export class Session {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType })
  expiresAt!: Date;
}
