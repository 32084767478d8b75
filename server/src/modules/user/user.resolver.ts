import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, pageWindow, toPage } from '../../graphql/connection.js';
import { Department } from '../department/department.entity.js';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../graphql/mutation.js';
import { Payload } from '../../graphql/payload.js';
import { UserError, UserInputError } from '../../graphql/user-error.js';
import { authorizeAdmin } from './access.js';
import { hashToken, SESSION_HOURS, signIn, signOut, throttlePasswordChange } from './session.service.js';
import { Role, User } from './user.entity.js';
import { changePassword, createUser, type PasswordChange, preparePasswordChange, updateUser } from './user.service.js';

@ObjectType({ description: '登录结果 / result of signing in' })
class SignInPayload {
  @Field(() => User, { nullable: true, description: '当前用户 / the signed-in user' })
  user!: User | null;

  @Field(() => String, { nullable: true, description: '会话令牌（供脚本以 Authorization: Bearer 使用；浏览器使用 HttpOnly Cookie）/ session token for scripts' })
  token!: string | null;

  @Field(() => Date, { nullable: true, description: '会话到期时间 / when the session expires' })
  expiresAt!: Date | null;

  @Field(() => [UserError], { description: '错误 / errors' })
  userErrors!: UserError[];
}

@ObjectType({ description: '退出结果 / result of signing out' })
class SignOutPayload {
  @Field(() => Boolean, { description: '是否已退出 / signed out' })
  signedOut!: boolean;
}

@InputType({ description: '新建用户 / create a user' })
class CreateUserInput {
  @Field(() => String, { description: '登录名 / sign-in name' })
  username!: string;

  @Field(() => String, { description: '姓名 / display name' })
  displayName!: string;

  @Field(() => String, { description: '初始密码（至少 8 位）/ initial password, 8+ characters' })
  password!: string;

  @Field(() => Role, { description: '角色 / role' })
  role!: Role;

  @Field(() => [ID], { description: '负责的部门 / departments in scope', defaultValue: [] })
  departmentIds!: string[];
}

@InputType({ description: '修改用户（未给出的不变）/ change a user (omitted fields unchanged)' })
class UpdateUserInput {
  @Field(() => String, { nullable: true, description: '姓名 / display name' })
  displayName?: string | null;

  @Field(() => Role, { nullable: true, description: '角色 / role' })
  role?: Role | null;

  @Field(() => [ID], { nullable: true, description: '负责的部门（整体替换）/ departments in scope, replaced as a whole' })
  departmentIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: '是否启用（停用即注销其会话）/ active; deactivating ends their sessions' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: '重置密码（其会话随之注销）/ reset the password; ends their sessions' })
  password?: string | null;
}

const UserPayload = Payload(User, 'user', 'UserPayload', '用户');
const UserConnection = Connection(User, 'User', '用户列表 / users');

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => [Department], { description: '负责的部门（编报：本部门；审核：所管部门；评价：所评部门）/ departments in scope' })
  async departments(@Root() user: User): Promise<Department[]> {
    if (!user.departments.isInitialized()) await user.departments.init();
    return user.departments.getItems();
  }

  @Query(() => User, { nullable: true, description: '当前登录用户（未登录为空）/ the signed-in user, or null' })
  async me(@Ctx() { em, actor }: Context): Promise<User | null> {
    // The session lookup gives the actor only (one statement per request); the user row is read when asked for.
    return actor ? em.findOne(User, { id: actor.id }) : null;
  }

  @Mutation(() => SignInPayload, { description: '登录（设置 HttpOnly Cookie，并返回供脚本使用的令牌）/ sign in' })
  async signIn(@Ctx() context: Context, @Arg('username', () => String) username: string, @Arg('password', () => String) password: string): Promise<SignInPayload> {
    const { result, userErrors } = await runMutation(context.em, (tx) => signIn(tx, username, password, context.http?.address ?? 'local'));
    if (result) context.http?.setSessionCookie(result.token, SESSION_HOURS * 3600);
    return { user: result?.user ?? null, token: result?.token ?? null, expiresAt: result?.expiresAt ?? null, userErrors };
  }

  @Mutation(() => SignOutPayload, { description: '退出登录 / sign out' })
  async signOut(@Ctx() context: Context): Promise<SignOutPayload> {
    await signOut(context.em, context.http?.token ?? null);
    context.http?.setSessionCookie('', 0);
    return { signedOut: true };
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: '用户列表（仅管理员）/ users, by sign-in name (administrators)' })
  async users(
    @Ctx() { em }: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: '每页数量（≤ 100）/ page size' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '游标 / cursor' }) after: string | null,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(User, {}, { orderBy: { username: 'asc' }, limit, offset });
    return toPage(items, total, offset);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: '修改用户的姓名、角色、部门、密码或启用状态（仅管理员）/ change a user (administrators)' })
  async updateUser(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput) {
    const { result, userErrors } = await runMutation(em, (tx) => {
      authorizeAdmin(tx);
      return updateUser(tx, id, { ...input, departments: input.departmentIds });
    });
    return { user: result, userErrors };
  }

  @Authorized()
  @Mutation(() => UserPayload, { description: '修改自己的密码（其他会话随之注销）/ change your own password; your other sessions end' })
  async changePassword(
    @Ctx() context: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ) {
    const token = context.http?.token ?? null;
    // Throttled, and hashed before the transaction: scrypt must not hold the database while it works.
    let change: PasswordChange;
    try {
      throttlePasswordChange(context.actor!.id);
      change = await preparePasswordChange(context.em, context.actor!.id, currentPassword, newPassword);
    } catch (error) {
      if (error instanceof UserInputError) return { user: null, userErrors: error.errors };
      throw error;
    }
    const { result, userErrors } = await runMutation(context.em, (tx) => changePassword(tx, change, token ? hashToken(token) : null));
    return { user: result, userErrors };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: '新建用户（仅管理员）/ create a user (administrators)' })
  async createUser(@Ctx() { em }: Context, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    const { result, userErrors } = await runMutation(em, (tx) => {
      authorizeAdmin(tx);
      return createUser(tx, { ...input, departments: input.departmentIds });
    });
    return { user: result, userErrors };
  }
}
