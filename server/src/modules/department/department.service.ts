import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/sqlite';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { Plan } from '../plan/plan.entity.js';
import { authorizeAdmin } from '../user/access.js';
import { checkSearchText, checkText, checkVersion, parseId, SHORT_TEXT_MAX } from '../validation.js';
import { Department } from './department.entity.js';
import type { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentInput } from './department.input.js';

/**
 * `column` contains `text`, literally: `%`, `_` and the escape character itself are escaped, and the
 * LIKE names its escape character (SQLite has none by default; PostgreSQL's default is the same `\`).
 * Case-insensitive on both databases: both sides go through lower(), because SQLite's LIKE ignores
 * ASCII case and PostgreSQL's does not (PostgreSQL's lower() also folds non-ASCII letters; Chinese has
 * no case). The text is checked first (TOO_LONG, INVALID as a user error).
 */
export function containsText<T extends object>(column: string, text: string, field: string[]): FilterQuery<T> {
  const pattern = containsPattern(text, field);
  return { [raw((alias: string) => `lower(${alias}.${column}) like lower(?) ${LIKE_ESCAPE}`, [pattern])]: [] } as FilterQuery<T>;
}

/**
 * The pattern containsText binds, for hand-written SQL: `lower(column) like lower(?) ${LIKE_ESCAPE}`
 * (lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's ignores ASCII case). Checked first, like containsText.
 */
export function containsPattern(text: string, field: string[]): string {
  checkSearchText(text, field);
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export const LIKE_ESCAPE = "escape '\\'";

export function departmentFilterQuery(filter: DepartmentFilter | null | undefined): FilterQuery<Department> {
  const query: FilterQuery<Department>[] = [];
  if (filter?.name) {
    query.push({ $or: [containsText<Department>('name', filter.name, ['filter', 'name']), containsText<Department>('short_name', filter.name, ['filter', 'name'])] });
  }
  if (filter?.region) query.push(containsText<Department>('region', filter.region, ['filter', 'region']));
  return query.length ? { $and: query } : {};
}

/** Every lookup by name accepts the full name or the short name (DOMAIN.md §2). */
export function findDepartmentByNames(em: EntityManager, names: (string | null | undefined)[]): Promise<Department | null> {
  const given = names.filter((name): name is string => !!name);
  given.forEach((name) => checkSearchText(name, ['name']));
  return em.findOne(Department, { $or: [{ name: { $in: given } }, { shortName: { $in: given } }] });
}

export async function getDepartment(em: EntityManager, id: string | number, field: string[] = ['id']): Promise<Department> {
  const department = await em.findOne(Department, { id: parseId(id, field) });
  if (!department) throw UserInputError.of(field, UserErrorCode.NOT_FOUND, `部门不存在：${id} (no such department)`);
  return department;
}

function checkDepartmentFields(input: CreateDepartmentInput | UpdateDepartmentInput): void {
  checkText(input.name, ['input', 'name'], { max: SHORT_TEXT_MAX, required: 'name' in input && input.name !== undefined });
  checkText(input.shortName, ['input', 'shortName'], { max: SHORT_TEXT_MAX });
  checkText(input.region, ['input', 'region'], { max: SHORT_TEXT_MAX });
  checkText(input.code, ['input', 'code'], { max: 100 });
}

/** A name or short name may identify one department only, or imports could not tell them apart. */
async function ensureNamesFree(
  em: EntityManager,
  department: Pick<Department, 'name' | 'shortName' | 'code'>,
  excludeId = 0,
): Promise<void> {
  const names = [department.name, department.shortName].filter((name): name is string => !!name);
  const clash = await em.findOne(Department, {
    id: { $ne: excludeId },
    $or: [{ name: { $in: names } }, { shortName: { $in: names } }],
  });
  if (clash) {
    throw UserInputError.of(['input', 'name'], UserErrorCode.DUPLICATE, `名称已被部门「${clash.name}」使用 (name already used by another department)`);
  }
  if (department.code) {
    const codeClash = await em.findOne(Department, { id: { $ne: excludeId }, code: department.code });
    if (codeClash) {
      throw UserInputError.of(['input', 'code'], UserErrorCode.DUPLICATE, `编码已被部门「${codeClash.name}」使用 (code already used)`);
    }
  }
}

export async function createDepartment(em: EntityManager, input: CreateDepartmentInput): Promise<Department> {
  authorizeAdmin(em);
  checkDepartmentFields(input);
  const fields = {
    name: input.name.trim(),
    shortName: input.shortName?.trim() || null,
    region: input.region?.trim() || null,
    code: input.code?.trim() || null,
  };
  await ensureNamesFree(em, fields);
  const department = em.create(Department, fields);
  await em.flush();
  return department;
}

export async function updateDepartment(em: EntityManager, id: string, input: UpdateDepartmentInput, expectedVersion?: number | null): Promise<Department> {
  authorizeAdmin(em);
  const department = await getDepartment(em, id);
  checkVersion(department, expectedVersion);
  if (input.name === null) throw UserInputError.of(['input', 'name'], UserErrorCode.REQUIRED, '名称不能为空 (name is required)');
  checkDepartmentFields(input);
  if (input.name !== undefined) department.name = input.name.trim();
  if (input.shortName !== undefined) department.shortName = input.shortName?.trim() || null;
  if (input.region !== undefined) department.region = input.region?.trim() || null;
  if (input.code !== undefined) department.code = input.code?.trim() || null;
  await ensureNamesFree(em, department, department.id);
  await em.flush();
  return department;
}

/** A department that has plans keeps them: deleting it would orphan official records. */
export async function deleteDepartment(em: EntityManager, id: string): Promise<number> {
  authorizeAdmin(em);
  const department = await getDepartment(em, id);
  const plans = await em.count(Plan, { department });
  if (plans > 0) {
    throw UserInputError.of(['id'], UserErrorCode.HAS_DEPENDENTS, `该部门仍有 ${plans} 个年度计划，不能删除 (department still has ${plans} plans)`);
  }
  em.remove(department);
  await em.flush();
  return department.id;
}
