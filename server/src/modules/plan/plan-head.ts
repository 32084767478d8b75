import { type EntityClass, type EntityMetadata, type EntityProperty, ReferenceKind, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { memoised } from '../../graphql/context.js';
import { Department } from '../department/department.entity.js';
import { Evaluation, EvaluationSection } from '../evaluation/evaluation.entity.js';
import { Plan } from './plan.entity.js';

/** A plan with its department and its self-evaluation (sections loaded): what a read needs before the rows. */
export interface PlanHead {
  plan: Plan;
  department: Department;
  evaluation: Evaluation | null;
}

/**
 * A plan, its department and its evaluation with the evaluation's sections, for a read (issue 12): one
 * hand-written statement (the plan joined to its department, evaluation and sections), hydrated into the
 * request's identity map as findOne hydrates — the same managed entities the ORM's findOne/populate give, without
 * building four queries through the ORM per request. Once per request and plan (the `plan` query and the
 * plan's content share it). Null when there is no such plan.
 *
 * Inside a transaction (a mutation, or the figures stored after one) the ORM's own lookups run instead:
 * they flush pending changes of the entity first and keep what the unit of work already holds.
 */
export function planHead(em: EntityManager, planId: number): Promise<PlanHead | null> {
  if (em.isInTransaction()) return ormPlanHead(em, planId);
  return memoised(em, `plan-head:${planId}`, () => readPlanHead(em, planId));
}

async function ormPlanHead(em: EntityManager, planId: number): Promise<PlanHead | null> {
  const plan = await em.findOne(Plan, { id: planId });
  if (!plan) return null;
  const [department, evaluation] = await Promise.all([
    em.findOneOrFail(Department, { id: plan.department.id }),
    em.findOne(Evaluation, { plan: plan.id }, { populate: ['sections'] }),
  ]);
  return { plan, department, evaluation };
}

/** A plan's department: the one already read with it (a plain head row, or managed: no statement, no ORM lookup), else found. */
export function departmentOf(em: EntityManager, plan: Plan): Department | Promise<Department> {
  const department = plan.department;
  if ((department as unknown as Record<symbol, unknown>)[PLAIN_HEAD]) return department;
  return wrap(department, true).__managed && wrap(department).isInitialized() ? department : em.findOneOrFail(Department, { id: department.id });
}

async function readPlanHead(em: EntityManager, planId: number): Promise<PlanHead | null> {
  const sql = headStatement(em);
  const rows = (await em.execute(sql.text, [planId])) as Record<string, unknown>[];
  if (rows.length === 0) return null;
  const first = rows[0];
  if (first[sql.evaluationKey] == null) {
    // No evaluation (most plans before their self-evaluation): the plan and its department as plain objects
    // (issue 12: creating and registering them as managed entities was ≈ 0.3 ms of a typical read's CPU).
    const department = plainEntity<Department>(em, Department, sql.department(first));
    const plan = plainEntity<Plan>(em, Plan, sql.plan(first), { department });
    return { plan, department, evaluation: null };
  }
  const department = hydrate(em, Department, sql.department(first));
  const plan = hydrate(em, Plan, sql.plan(first));
  let evaluation: Evaluation | null = null;
  if (first[sql.evaluationKey] != null) {
    evaluation = hydrate(em, Evaluation, sql.evaluation(first));
    if (!evaluation.sections.isInitialized()) {
      const sections = rows.filter((row) => row[sql.sectionKey] != null).map((row) => hydrate(em, EvaluationSection, sql.section(row)));
      // As populate hydrates a loaded 1:m collection (sections by position: the statement's order).
      (evaluation.sections as unknown as { hydrate(items: EvaluationSection[], forcePropagate?: boolean): void }).hydrate(sections, true);
    }
  }
  return { plan, department, evaluation };
}

/**
 * A row (by column) as a managed entity, exactly as findOne hydrates its result: the driver maps the columns
 * to properties, the factory converts the custom types and merges into the identity map (an entity it
 * already holds, initialized, keeps its state, as with findOne). Not em.map: that also validates and
 * cascades a merge through the relations, several times the work.
 */
function hydrate<T extends object>(em: EntityManager, entity: EntityClass<T>, row: Record<string, unknown>): T {
  const meta = em.getMetadata().get(entity.name);
  const data = em.getDriver().mapResult(row as never, meta) as Record<string, unknown>;
  return em.getEntityFactory().create(entity.name, data as never, { merge: true, convertCustomTypes: true }) as T;
}

/** Set (true) on the prototype of a plan or department read as a plain object (plainEntity). */
const PLAIN_HEAD = Symbol('plain plan head');
const plainPrototypes = new WeakMap<object, object>();

/**
 * A row (by column) as a plain object of the entity's shape, as plan-content.ts maps a plan's rows: each
 * persisted property as findOne hydrates it (custom types converted: exact decimals, JSON, dates; booleans;
 * a reference as the object given in `references`, else `{ id }`), own data properties on a prototype that
 * derives from the entity's (`instanceof` holds, no ORM setter runs). Not managed: never change and flush it;
 * collections (a plan's key tasks, budget lines) are not there. A read only.
 */
function plainEntity<T extends object>(em: EntityManager, entity: EntityClass<T>, row: Record<string, unknown>, references: Record<string, unknown> = {}): T {
  const meta = em.getMetadata().get(entity.name) as unknown as EntityMetadata;
  const platform = em.getPlatform();
  const value: Record<string, unknown> = {};
  const convert = (prop: EntityProperty, raw: unknown): unknown => {
    if (raw == null) return null;
    if (prop.customType) return prop.customType.convertToJSValue(raw, platform);
    if (prop.runtimeType === 'boolean') return Boolean(raw);
    if (prop.runtimeType === 'Date') return new Date(raw as string | number);
    return raw;
  };
  for (const prop of meta.props) {
    if (prop.persist === false || prop.lazy || prop.formula || prop.embedded || prop.kind === ReferenceKind.EMBEDDED) continue;
    const raw = row[prop.fieldNames?.[0]];
    if (prop.kind === ReferenceKind.SCALAR) value[prop.name] = convert(prop, raw);
    else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) value[prop.name] = prop.name in references ? references[prop.name] : raw == null ? null : { id: raw };
  }
  let prototype = plainPrototypes.get(meta.prototype as object);
  if (!prototype) plainPrototypes.set(meta.prototype as object, (prototype = Object.create(meta.prototype as object, { [PLAIN_HEAD]: { value: true } }) as object));
  return Object.setPrototypeOf(value, prototype) as T;
}

interface HeadStatement {
  text: string;
  plan: (row: Record<string, unknown>) => Record<string, unknown>;
  department: (row: Record<string, unknown>) => Record<string, unknown>;
  evaluation: (row: Record<string, unknown>) => Record<string, unknown>;
  section: (row: Record<string, unknown>) => Record<string, unknown>;
  evaluationKey: string;
  sectionKey: string;
}

const statements = new WeakMap<object, HeadStatement>();

/** The statement (built once from the entities' metadata) and the splitting of its rows into each table's columns. */
function headStatement(em: EntityManager): HeadStatement {
  const metadata = em.getMetadata();
  let statement = statements.get(metadata);
  if (statement) return statement;
  const select: string[] = [];
  // Each table's columns as findOne selects them (lazy ones not), aliased "<prefix><column>" (quoted: PostgreSQL keeps the case).
  const part = <T>(entity: EntityClass<T>, alias: string) => {
    const meta = metadata.get(entity.name) as unknown as EntityMetadata;
    const columns = selectedColumns(meta);
    for (const column of columns) select.push(`${alias}.${column} as "${alias}_${column}"`);
    const keys = columns.map((column) => [`${alias}_${column}`, column] as const);
    return {
      split: (row: Record<string, unknown>) => {
        const result: Record<string, unknown> = {};
        for (const [key, column] of keys) result[column] = row[key];
        return result;
      },
      key: `${alias}_${meta.primaryKeys[0]}`,
      table: meta.tableName,
      column: (name: string) => meta.properties[name as keyof typeof meta.properties].fieldNames[0],
    };
  };
  const plan = part(Plan, 'p');
  const department = part(Department, 'd');
  const evaluation = part(Evaluation, 'e');
  const section = part(EvaluationSection, 's');
  const text =
    `select ${select.join(', ')} from ${plan.table} p` +
    ` inner join ${department.table} d on d.id = p.${plan.column('department')}` +
    ` left join ${evaluation.table} e on e.${evaluation.column('plan')} = p.id` +
    ` left join ${section.table} s on s.${section.column('evaluation')} = e.id` +
    ` where p.id = ? order by s.${section.column('position')}, s.id`;
  statement = { text, plan: plan.split, department: department.split, evaluation: evaluation.split, section: section.split, evaluationKey: evaluation.key, sectionKey: section.key };
  statements.set(metadata, statement);
  return statement;
}

/** The columns findOne reads of an entity's table: every persisted scalar, embedded and owning-reference column but the lazy ones. */
function selectedColumns(meta: EntityMetadata): string[] {
  const columns: string[] = [];
  for (const prop of meta.props) {
    if (prop.persist === false || prop.lazy || prop.formula) continue;
    if (prop.kind === ReferenceKind.EMBEDDED) continue; // inlined embeddables list their own columns as props
    if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) columns.push(...prop.fieldNames);
  }
  return columns;
}
