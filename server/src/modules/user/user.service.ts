import type { EntityManager } from '@mikro-orm/sqlite';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { recordStateChange } from '../audit/audit.service.js';
import { Department } from '../department/department.entity.js';
import { findDepartmentByNames } from '../department/department.service.js';
import { checkText, parseId } from '../validation.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { Role, Session, User } from './user.entity.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  /** Department ids, or full/short names (the CLI takes names). */
  departments: (string | number)[];
}

/**
 * What the trail records of a user: who they are, their role, departments (ids) and access — never
 * the password hash; a password reset is recorded as such, without any value.
 */
function auditedState(user: User): Record<string, unknown> {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departments: user.departments.getItems().map((department) => department.id).sort((a, b) => a - b),
    active: user.active,
  };
}

const recordUser = (em: EntityManager, user: User, before: Record<string, unknown> | null, after: Record<string, unknown>) =>
  recordStateChange(em, { objectType: 'User', objectId: user.id }, before, after);

async function resolveDepartments(em: EntityManager, references: (string | number)[]): Promise<Department[]> {
  const departments: Department[] = [];
  for (const [index, reference] of references.entries()) {
    const field = ['input', 'departmentIds', String(index)];
    const department =
      typeof reference === 'number' || /^\d+$/.test(reference)
        ? await em.findOne(Department, { id: parseId(reference, field) })
        : await findDepartmentByNames(em, [reference]);
    if (!department) throw UserInputError.of(field, UserErrorCode.NOT_FOUND, `部门不存在：${reference} (no such department)`);
    departments.push(department);
  }
  return departments;
}

export async function createUser(em: EntityManager, input: NewUser): Promise<User> {
  checkText(input.username, ['input', 'username'], { max: 100, required: true });
  if (!/^[\w.@-]+$/.test(input.username)) {
    throw UserInputError.of(['input', 'username'], UserErrorCode.INVALID, '登录名只能包含字母、数字和 _ . @ - (letters, digits, _ . @ - only)');
  }
  checkText(input.displayName, ['input', 'displayName'], { max: 200, required: true });
  const weak = passwordProblem(input.password);
  if (weak) throw UserInputError.of(['input', 'password'], UserErrorCode.INVALID, weak);
  if (!Object.values(Role).includes(input.role)) throw UserInputError.of(['input', 'role'], UserErrorCode.INVALID, `未知角色：${input.role}`);
  if (await em.findOne(User, { username: input.username })) {
    throw UserInputError.of(['input', 'username'], UserErrorCode.DUPLICATE, `登录名已存在：${input.username} (user name taken)`);
  }
  const departments = await resolveDepartments(em, input.departments);
  const scoped: Role[] = [Role.PLANNER, Role.REVIEWER, Role.EVALUATOR];
  if (scoped.includes(input.role) && departments.length === 0) {
    throw UserInputError.of(['input', 'departmentIds'], UserErrorCode.REQUIRED, '编报、审核、评价人员须指定负责的部门 (this role needs departments)');
  }
  const user = em.create(User, { username: input.username, displayName: input.displayName.trim(), passwordHash: await hashPassword(input.password), role: input.role });
  user.departments.set(departments);
  await em.flush();
  await recordUser(em, user, null, auditedState(user));
  return user;
}

export interface UserChanges {
  displayName?: string | null;
  role?: Role | null;
  departments?: (string | number)[] | null;
  active?: boolean | null;
  password?: string | null;
}

/** The administrator changes a user's name, role, departments, password or access; sessions end when access does. */
export async function updateUser(em: EntityManager, id: string, changes: UserChanges): Promise<User> {
  const user = await em.findOne(User, { id: parseId(id, ['id']) }, { populate: ['departments'] });
  if (!user) throw UserInputError.of(['id'], UserErrorCode.NOT_FOUND, `用户不存在：${id} (no such user)`);
  const before = auditedState(user);
  if (changes.displayName != null) {
    checkText(changes.displayName, ['input', 'displayName'], { max: 200, required: true });
    user.displayName = changes.displayName.trim();
  }
  if (changes.role != null) user.role = changes.role;
  if (changes.departments != null) user.departments.set(await resolveDepartments(em, changes.departments));
  if (changes.password != null) {
    const weak = passwordProblem(changes.password);
    if (weak) throw UserInputError.of(['input', 'password'], UserErrorCode.INVALID, weak);
    user.passwordHash = await hashPassword(changes.password);
  }
  if (changes.active != null) user.active = changes.active;
  const scoped: Role[] = [Role.PLANNER, Role.REVIEWER, Role.EVALUATOR];
  if (scoped.includes(user.role) && user.departments.length === 0) {
    throw UserInputError.of(['input', 'departmentIds'], UserErrorCode.REQUIRED, '编报、审核、评价人员须指定负责的部门 (this role needs departments)');
  }
  if (changes.password != null || changes.active === false) await em.nativeDelete(Session, { user });
  await em.flush();
  const reset = changes.password != null ? { password: '已重置 (reset)' } : {};
  await recordUser(em, user, before, { ...auditedState(user), ...reset });
  return user;
}

/** A checked and hashed password change: the scrypt work happens before any transaction opens. */
export interface PasswordChange {
  userId: number;
  previousHash: string;
  hash: string;
}

export async function preparePasswordChange(em: EntityManager, userId: number, current: string, next: string): Promise<PasswordChange> {
  const user = await em.findOneOrFail(User, { id: userId });
  if (!(await verifyPassword(current.slice(0, 200), user.passwordHash))) {
    throw UserInputError.of(['currentPassword'], UserErrorCode.BAD_CREDENTIALS, '当前密码不正确 (current password is wrong)');
  }
  const weak = passwordProblem(next);
  if (weak) throw UserInputError.of(['newPassword'], UserErrorCode.INVALID, weak);
  return { userId, previousHash: user.passwordHash, hash: await hashPassword(next) };
}

/** A signed-in user changes their own password (prepared above, in a short transaction); their other sessions end. */
export async function changePassword(em: EntityManager, change: PasswordChange, keepTokenHash: string | null): Promise<User> {
  const user = await em.findOneOrFail(User, { id: change.userId });
  if (user.passwordHash !== change.previousHash) {
    throw UserInputError.of(['currentPassword'], UserErrorCode.CONFLICT, '密码刚被修改，请重新输入当前密码 (the password changed meanwhile)');
  }
  user.passwordHash = change.hash;
  await em.nativeDelete(Session, { user, ...(keepTokenHash ? { tokenHash: { $ne: keepTokenHash } } : {}) });
  await em.flush();
  await recordUser(em, user, {}, { password: '本人修改 (changed by the user)' });
  return user;
}
