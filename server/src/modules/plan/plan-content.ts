import type { ApolloServerPlugin } from '@apollo/server';
import { type EntityClass, type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { type DocumentNode, GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import { LimitCode } from '../../graphql/limits.js';
import { memoised, settledMemo } from '../../graphql/context.js';
import { groupBy } from '../collections.js';
import { Department } from '../department/department.entity.js';
import { Evaluation } from '../evaluation/evaluation.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { BudgetLine } from './budget-line.entity.js';
import { FIGURE_PROPERTIES } from './plan-figures.types.js';
import { KeyTask } from './key-task.entity.js';
import type { Plan } from './plan.entity.js';
import { getPlan } from './plan.service.js';
import { planHead } from './plan-head.js';
import { parseId } from '../validation.js';
import { isPostgres } from '../../db/dialect.js';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';

/** Everything a plan holds, loaded in one go (a query per table), for the tree, tables, figures and export. */
export interface PlanContent {
  plan: Plan;
  department: Department;
  budgetLines: BudgetLine[];
  keyTasks: KeyTask[];
  /** By position. */
  indicators: Indicator[];
  evaluation: Evaluation | null;
  /** The tree: children by parent id (null for the top-level 专项), each by position. */
  childrenByParent: Map<number | null, LineItem[]>;
  /** Each table's indicators by line item id (null for the plan level), by position. */
  indicatorsByLineItem: Map<number | null, Indicator[]>;
}

/**
 * A plan's rows are read-only here (the tree, tables, figures and export read them; mutations load
 * what they change through the ORM). So they are read as plain rows and mapped by the entity's metadata
 * (columns, custom types such as the exact decimals, embedded amounts, references as `{ id }`) instead of
 * hydrated as managed entities: the 5,020-indicator plan spent most of a read creating and registering
 * entities in the identity map (issue 12). The objects are not managed: never change and flush them.
 */
export async function loadPlanContent(em: EntityManager, planId: string | number): Promise<PlanContent> {
  if (!em.isInTransaction()) return readPlanContent(em, planId);
  // In a transaction (figures stored after a write): the ORM's lookups, which flush pending changes first.
  const plan = await getPlan(em, planId, ['planId']);
  const [department, budgetLines, keyTasks, lineItems, indicators, evaluation] = await Promise.all([
    em.findOneOrFail(Department, { id: plan.department.id }),
    readRows(em, BudgetLine, plan.id),
    readRows(em, KeyTask, plan.id),
    readRows(em, LineItem, plan.id, LINE_ITEM_CONTENT),
    readRows(em, Indicator, plan.id, INDICATOR_CONTENT),
    em.findOne(Evaluation, { plan: plan.id }, { populate: ['sections'] }),
  ]);
  return contentOf(plan, department, evaluation, budgetLines, keyTasks, lineItems, indicators);
}

/**
 * A read's plan content: the plan, its department and evaluation in one statement (planHead, shared with the
 * `plan` query), the rows at the same time. The key tasks are not read when `withKeyTasks` is false (a GraphQL
 * request whose document never selects them: keyTasksOf reads them if asked after all).
 */
async function readPlanContent(em: EntityManager, planId: string | number, withKeyTasks = true): Promise<PlanContent> {
  const id = parseId(planId, ['planId']);
  const [head, budgetLines, keyTasks, lineItems, indicators] = await Promise.all([
    planHead(em, id),
    readRows(em, BudgetLine, id),
    withKeyTasks ? readRows(em, KeyTask, id) : [],
    readRows(em, LineItem, id, LINE_ITEM_CONTENT),
    readRows(em, Indicator, id, INDICATOR_CONTENT),
  ]);
  if (!head) throw UserInputError.of(['planId'], UserErrorCode.NOT_FOUND, `计划不存在：${planId} (no such plan)`);
  const content = contentOf(head.plan, head.department, head.evaluation, budgetLines, keyTasks, lineItems, indicators);
  if (!withKeyTasks) withoutKeyTasks.add(content);
  return content;
}

/** Contents read without their key tasks (their `keyTasks` is empty, not the plan's). */
const withoutKeyTasks = new WeakSet<PlanContent>();

/** A plan's key tasks, by position: the content's, or read now when the content was loaded without them. */
export function keyTasksOf(em: EntityManager, content: PlanContent): KeyTask[] | Promise<KeyTask[]> {
  if (!withoutKeyTasks.has(content)) return content.keyTasks;
  return memoised(em, `plan-key-tasks:${content.plan.id}`, () => readRows(em, KeyTask, content.plan.id));
}

/**
 * GraphQL requests (their EntityManager) whose document selects no `keyTasks` field anywhere (issue 12): their
 * plan reads skip the key tasks' statement. Marked by the plugin below once the operation is resolved.
 */
const noKeyTasks = new WeakSet<EntityManager>();
const documentsWithKeyTasks = new WeakMap<DocumentNode, boolean>();

/** Whether a document has a field named `name` anywhere (any operation, fragment or depth): its fields could ask for it. */
function selectsField(document: DocumentNode, name: string): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    !!selectionSet?.selections.some((selection) => (selection.kind === Kind.FIELD && selection.name.value === name) || ('selectionSet' in selection && visit(selection.selectionSet)));
  return document.definitions.some((definition) => 'selectionSet' in definition && visit(definition.selectionSet as SelectionSetNode));
}

function contentOf(
  plan: Plan,
  department: Department,
  evaluation: Evaluation | null,
  budgetLines: BudgetLine[],
  keyTasks: KeyTask[],
  lineItems: LineItem[],
  indicators: Indicator[],
): PlanContent {
  return {
    plan,
    department,
    budgetLines,
    keyTasks,
    indicators,
    evaluation,
    childrenByParent: groupBy(lineItems, (item) => item.parent?.id ?? null),
    indicatorsByLineItem: groupBy(indicators, (row) => row.lineItem?.id ?? null),
  };
}

/** A plan's content, loaded once per request for every field that reads it (the tree, tables, figures). */
export function planContentOf(em: EntityManager, planId: number): Promise<PlanContent> {
  return memoised(em, `plan-content:${planId}`, async () => {
    await planReadSlot(em);
    const load = () => (em.isInTransaction() ? loadPlanContent(em, planId) : readPlanContent(em, planId, !noKeyTasks.has(em)));
    const pacer = pacers.get(em);
    if (!pacer) return load();
    // One plan at a time per request, within its row budget: a page of 100 plans with their trees (cost
    // ≈ 1.6 million) loaded every plan at once before the first row was handed out.
    const loaded = pacer.loads.then(async () => {
      if (pacer.loaded >= MAX_READ_ROWS) throw tooManyRows();
      const content = await load();
      pacer.loaded += rowCount(content);
      return content;
    });
    pacer.loads = loaded.catch(() => undefined);
    return loaded;
  });
}

/**
 * Rows one GraphQL request may load and hand out (env JIXIAO_MAX_READ_ROWS, default 50,000: four whole
 * reads of the largest plan the limits allow, plan-limits.ts). The cost rule prices a list at 10 rows; this
 * is the count that holds whatever the plans' sizes. Past it, the fields that would read more answer
 * QUERY_TOO_COSTLY (the rest of the response stands).
 */
export const MAX_READ_ROWS = Math.max(1, Number(process.env.JIXIAO_MAX_READ_ROWS) || 50_000);

function tooManyRows(): GraphQLError {
  return new GraphQLError(`查询读取的行数超过上限 ${MAX_READ_ROWS}（计划内容：专项、指标等）(the query reads more than ${MAX_READ_ROWS} rows of plan content)`, {
    extensions: { code: LimitCode.QUERY_TOO_COSTLY, limit: MAX_READ_ROWS },
  });
}

function rowCount(content: PlanContent): number {
  let rows = content.indicators.length + content.budgetLines.length + content.keyTasks.length;
  for (const items of content.childrenByParent.values()) rows += items.length;
  return rows;
}

/**
 * A part of a plan's content for a field resolver: synchronously once the request has loaded it (most
 * fields of a whole-plan read: no promise per line item), else when it is loaded; paced (below).
 */
export function planContentPart<T>(em: EntityManager, planId: number, part: (content: PlanContent) => T[]): Paced<T> {
  const content = settledMemo<PlanContent>(em, `plan-content:${planId}`);
  if (content) return paced(em, part(content));
  return planContentOf(em, planId).then((loaded) => paced(em, part(loaded)));
}

/**
 * The stored figures (plan-figures.store.ts: readings, gap, roll-ups) are for analysts' SQL, and that store
 * reads them back with its own statements; what a plan's content feeds (the tree, tables, gaps, roll-ups,
 * checks, export) is computed from the texts. So a plan's rows are read without them (issue 12: 11 of an
 * indicator's 36 columns, 13 of a line item's, each packed, parsed and mapped on every read).
 */
const INDICATOR_CONTENT: ReadOptions = { omit: [...FIGURE_PROPERTIES], paged: true, marker: Symbol('plan content indicator') };
const LINE_ITEM_CONTENT: ReadOptions = { omit: [...FIGURE_PROPERTIES], paged: false, marker: Symbol('plan content line item') };

// ---------------------------------------------------------------------------------------------------
// Bounded work per turn of the event loop (issue 12). graphql-js completes a list synchronously, and the
// promises of async resolvers are microtasks: a whole read of the largest plan was one synchronous block of
// seconds, in which no other request, not even /healthz, was answered. The rows a GraphQL request's field
// resolvers hand out (line items, indicators) are counted; past each READ_SLICE_ROWS rows, the rest wait for
// the next turn of the event loop (setImmediate, one turn per slice, in order), so each turn completes at
// most about a slice of rows and other requests' I/O and timers run in between.

/** Rows completed per turn of the event loop (env JIXIAO_READ_SLICE_ROWS, default 400). */
export const READ_SLICE_ROWS = Math.max(1, Number(process.env.JIXIAO_READ_SLICE_ROWS) || 400);

/** A list field's value: the rows, or the rows to come, or each row or its promise (graphql-js completes all three). */
export type Paced<T> = T[] | Promise<T[]> | (T | Promise<T>)[] | Promise<(T | Promise<T>)[]>;

interface Pacer {
  /** Rows handed out, and loaded (plan content), so far. */
  handed: number;
  loaded: number;
  /** The request's plan-content loads, one after another. */
  loads: Promise<unknown>;
  /** gates[n] resolves in the n-th turn from the first: slice n's rows. */
  gates: Promise<void>[];
}

const pacers = new WeakMap<EntityManager, Pacer>();

function gate(pacer: Pacer, slice: number): Promise<void> {
  while (pacer.gates.length <= slice) {
    const previous = pacer.gates.length ? pacer.gates[pacer.gates.length - 1] : Promise.resolve();
    pacer.gates.push(previous.then(() => new Promise<void>((resolve) => setImmediate(resolve))));
  }
  return pacer.gates[slice];
}

/** Rows as a list field returns them: at once within the request's first slice, else each when its slice's turn comes. */
export function paced<T>(em: EntityManager, rows: T[]): Paced<T> {
  const pacer = pacers.get(em);
  if (!pacer || rows.length === 0) return rows;
  const start = pacer.handed;
  pacer.handed += rows.length;
  if (pacer.handed > MAX_READ_ROWS) throw tooManyRows();
  const first = Math.floor(start / READ_SLICE_ROWS);
  const last = Math.floor((pacer.handed - 1) / READ_SLICE_ROWS);
  if (last === 0) return rows;
  if (first === last) return gate(pacer, first).then(() => rows);
  return rows.map((row, index) => {
    const slice = Math.floor((start + index) / READ_SLICE_ROWS);
    return slice === 0 ? row : gate(pacer, slice).then(() => row);
  });
}

// ---------------------------------------------------------------------------------------------------
// Plan reads, a few at a time (issue 12). A whole-plan read of the largest plan holds its rows, their
// figures and the response in memory and computes on the one event loop; eight at once made the queued
// requests' statements wait for SQLite's single connection past knex's acquire timeout (INTERNAL_SERVER_ERROR)
// and took the server to ≈ 740 MB. A GraphQL request that reads plan content now takes one of
// PLAN_READ_SLOTS slots for the rest of the request (its first plan read); the others wait in this
// queue, without a timeout, in arrival order. Work inside a transaction (a mutation) never waits here:
// it holds the connection the slot holders need.

/** Requests reading plan content at once (env JIXIAO_PLAN_READ_SLOTS, default 2). */
export const PLAN_READ_SLOTS = Math.max(1, Number(process.env.JIXIAO_PLAN_READ_SLOTS) || 2);

interface Slot {
  granted: Promise<void>;
  grant: () => void;
  state: 'waiting' | 'held' | 'released';
}

let freeSlots = PLAN_READ_SLOTS;
const waiting: Slot[] = [];
/** Requests that take part (the GraphQL plugin below marks them), and the slot each took. */
const requests = new WeakMap<EntityManager, Slot | null>();

function planReadSlot(em: EntityManager): Promise<void> {
  if (!requests.has(em) || em.isInTransaction()) return Promise.resolve();
  let slot = requests.get(em);
  if (!slot) {
    let grant!: () => void;
    const granted = new Promise<void>((resolve) => (grant = resolve));
    slot = { granted, grant, state: 'waiting' };
    requests.set(em, slot);
    if (freeSlots > 0) {
      freeSlots--;
      slot.state = 'held';
      grant();
    } else waiting.push(slot);
  }
  return slot.granted;
}

function releasePlanReadSlot(em: EntityManager): void {
  const slot = requests.get(em);
  requests.delete(em);
  if (!slot) return;
  if (slot.state === 'waiting') {
    waiting.splice(waiting.indexOf(slot), 1);
  } else if (slot.state === 'held') {
    const next = waiting.shift();
    if (next) {
      next.state = 'held';
      next.grant();
    } else freeSlots++;
  }
  slot.state = 'released';
}

/** How many requests hold a slot and how many wait (for tests and the bench). */
export function planReadSlots(): { held: number; waiting: number } {
  return { held: PLAN_READ_SLOTS - freeSlots, waiting: waiting.length };
}

/**
 * The request's rows handed out so far start again from none (its loads stay counted): the fast executor
 * gave up on the request (graphql/fast-execute.ts) and graphql-js executes it again from the start.
 */
export function restartPacing(em: EntityManager): void {
  const pacer = pacers.get(em);
  if (pacer) pacers.set(em, { ...pacer, handed: 0, gates: [] });
}

/** A GraphQL request (its EntityManager) takes part in the plan-read slots and pacing from its start. */
export function beginPlanReads(em: EntityManager): void {
  requests.set(em, null);
  pacers.set(em, { handed: 0, loaded: 0, loads: Promise.resolve(), gates: [] });
}

/** The request's operation is known: its plan reads skip the key tasks when the document never asks for them. */
export function planReadsOf(em: EntityManager, document: DocumentNode): void {
  let withKeyTasks = documentsWithKeyTasks.get(document);
  if (withKeyTasks === undefined) documentsWithKeyTasks.set(document, (withKeyTasks = selectsField(document, 'keyTasks')));
  if (!withKeyTasks) noKeyTasks.add(em);
}

/** The request's response goes: its slot goes with it. */
export function endPlanReads(em: EntityManager): void {
  releasePlanReadSlot(em);
  pacers.delete(em);
}

/** The Apollo plugin: each GraphQL request takes part in the plan-read slots; its slot goes when its response does. */
export function planReadSlotsPlugin(): ApolloServerPlugin<{ em: EntityManager }> {
  return {
    async requestDidStart({ contextValue }) {
      beginPlanReads(contextValue.em);
      return {
        async didResolveOperation({ document, contextValue: context }) {
          planReadsOf(context.em, document);
        },
        async willSendResponse({ contextValue: context }) {
          endPlanReads(context.em);
        },
      };
    },
  };
}

interface ReadOptions {
  /** Properties not read, those of them the entity has (left undefined on the rows: own properties, so setting one later never runs the ORM's setter). */
  omit: string[];
  /** Read in pages of READ_PAGE_ROWS. */
  paged: boolean;
  /** Set (true) on the rows' prototype, which derives from the entity's: tells them apart. */
  marker: symbol;
}

/**
 * Rows per statement of a paged read (env JIXIAO_READ_PAGE_ROWS, default 2,000): sqlite3 builds a
 * statement's rows on the event loop in one go, and with the mapping below 10,000 indicators were one block
 * of about half a second. A plan's indicators are read in pages of this many (by id, each page its own turn),
 * so a plan up to this size is still one statement, the largest allowed (10,000) five.
 */
export const READ_PAGE_ROWS = Math.max(100, Number(process.env.JIXIAO_READ_PAGE_ROWS) || 2000);

/** One table's rows of a plan, by position, as plain objects of the entity's shape (in the caller's transaction). */
async function readRows<T extends object>(em: EntityManager, entity: EntityClass<T>, planId: number, options?: ReadOptions): Promise<T[]> {
  // The statement's text is built once per table (for the dialect) and sent as text with its parameters:
  // the SQLite connection binds them to a statement it keeps prepared (db/orm.ts); em.execute runs it in
  // the em's transaction, if any. (MikroORM's QueryBuilder cost about a millisecond of CPU per statement to
  // build, a knex builder a fraction of that, still on every read.)
  const meta = em.getMetadata().get(entity.name);
  const sql = rowsStatement(em, meta as unknown as EntityMetadata, options);
  const map = rowMapper(em, entity, sql, options);
  const unpack = sql.packed ? (row: Record<string, unknown>) => map(JSON.parse(row.r as string)) : map;
  if (!options?.paged) {
    const rows = (await em.execute(sql.all, [planId])) as Record<string, unknown>[];
    return rows.map(unpack);
  }
  const id = meta.primaryKeys[0] as keyof T;
  const mapped: T[] = [];
  for (let after = 0; ; ) {
    const page = (await em.execute(sql.page, [planId, after, READ_PAGE_ROWS])) as Record<string, unknown>[];
    for (const row of page) mapped.push(unpack(row));
    if (page.length < READ_PAGE_ROWS) break;
    after = Number(mapped[mapped.length - 1][id]);
  }
  const position = meta.properties.position.name as keyof T;
  return mapped.sort((a, b) => (a[position] as number) - (b[position] as number) || (a[id] as number) - (b[id] as number));
}

/**
 * A table's statements with placeholders: all of a plan's rows by position (`?` the plan), or a page by id
 * (`?` the plan, the id after, the page size); and the columns they read, in order.
 *
 * On SQLite each row comes as one JSON array of its columns (`json_array`, `packed`), parsed in one go: the
 * sqlite3 driver builds a JavaScript object per row with a property per column through N-API, which cost
 * more than everything else a whole-plan read did (≈ 20 µs for an indicator's 36 columns). The values are
 * the same: INTEGER and TEXT columns (these tables have no REAL or BLOB ones) read as the same numbers
 * and strings, NULL as null. PostgreSQL reads the columns as they are.
 */
interface RowsStatement {
  all: string;
  page: string;
  columns: string[];
  packed: boolean;
}

const rowsStatements = new WeakMap<EntityMetadata, Map<string, RowsStatement>>();

function rowsStatement(em: EntityManager, meta: EntityMetadata, options?: ReadOptions): RowsStatement {
  let byOptions = rowsStatements.get(meta);
  if (!byOptions) rowsStatements.set(meta, (byOptions = new Map()));
  const packed = !isPostgres(em);
  const key = `${String(options?.marker.description ?? '')}:${packed}`;
  let statement = byOptions.get(key);
  if (statement) return statement;
  const columns = columnsOf(meta, new Set(options?.omit ?? []));
  const planColumn = meta.properties.plan.fieldNames[0];
  const positionColumn = meta.properties.position.fieldNames[0];
  const id = meta.primaryKeys[0];
  if (packed) {
    const quote = (name: string) => `"${name}"`;
    const select = `select json_array(${columns.map(quote).join(', ')}) as "r" from ${quote(meta.tableName)} where ${quote(planColumn)} = ?`;
    statement = {
      all: `${select} order by ${quote(positionColumn)}, ${quote(id)}`,
      page: `${select} and ${quote(id)} > ? order by ${quote(id)} limit ?`,
      columns,
      packed,
    };
  } else {
    const knex = em.getKnex();
    statement = {
      all: knex(meta.tableName).select(columns).where(planColumn, 0).orderBy([positionColumn, id]).toSQL().sql,
      page: knex(meta.tableName).select(columns).where(planColumn, 0).andWhere(id, '>', 0).orderBy(id).limit(READ_PAGE_ROWS).toSQL().sql,
      columns,
      packed,
    };
  }
  byOptions.set(key, statement);
  return statement;
}

/** The columns of an entity's table but those of the omitted properties. */
function columnsOf(meta: EntityMetadata, omit: ReadonlySet<string>): string[] {
  const columns: string[] = [];
  const add = (prop: EntityProperty): void => {
    if (prop.persist === false || omit.has(prop.name)) return;
    if (prop.kind === ReferenceKind.EMBEDDED) {
      if (!prop.object) Object.values(prop.embeddedProps).forEach(add);
      return;
    }
    if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) columns.push(...prop.fieldNames);
  };
  for (const prop of meta.props) if (!prop.embedded) add(prop);
  return columns;
}

type RowMapper = (row: Record<string, unknown> | unknown[]) => never;
const mappers = new WeakMap<RowsStatement, RowMapper>();

/** Maps a row of the statement (by column, or its packed array of columns) to the entity's shape, following its metadata (built once per statement). */
function rowMapper<T extends object>(em: EntityManager, entity: EntityClass<T>, statement: RowsStatement, options?: ReadOptions): (row: Record<string, unknown> | unknown[]) => T {
  const meta = em.getMetadata().get(entity.name) as unknown as EntityMetadata;
  let mapper = mappers.get(statement);
  if (mapper) return mapper;
  const omit = new Set(options?.omit ?? []);
  const platform = em.getPlatform();
  // The mapper is generated once per entity (and options) as one function that builds the row as an object
  // literal, every property in one go: one hidden class for all rows of a table, no per-column closure
  // calls (a closure per column cost several microseconds per row). Values as before: custom types
  // converted (the exact decimals), booleans and dates from their columns, references as `{ id }`,
  // embedded objects as instances of their class; the omitted properties own and undefined, first.
  // Values the generated code calls (converters, embedded builders): `h[i]` of the list passed in.
  const registry = () => {
    const values: unknown[] = [];
    return { values, add: (value: unknown): string => `h[${values.push(value) - 1}]` };
  };
  const column = (field: string): string => {
    if (!statement.packed) return `row[${JSON.stringify(field)}]`;
    const index = statement.columns.indexOf(field);
    if (index < 0) throw new Error(`${meta.className}: column ${field} is not read`);
    return `row[${index}]`;
  };
  const valueOf = (prop: EntityProperty, add: (value: unknown) => string): string => {
    const read = column(prop.fieldNames[0]);
    if (prop.customType) {
      const type = prop.customType;
      return `(${read} == null ? null : ${add((value: unknown) => type.convertToJSValue(value, platform))}(${read}))`;
    }
    if (prop.runtimeType === 'boolean') return `(${read} == null ? null : Boolean(${read}))`;
    if (prop.runtimeType === 'Date') return `(${read} == null ? null : new Date(${read}))`;
    return `(${read} ?? null)`;
  };
  const helpers = registry();
  const entries: string[] = [...omit].filter((name) => name in meta.properties).map((name) => `${JSON.stringify(name)}: undefined`);
  for (const prop of meta.props) {
    if (prop.persist === false || prop.embedded || omit.has(prop.name)) continue; // an embedded object's own columns are read with it
    const key = JSON.stringify(prop.name);
    if (prop.kind === ReferenceKind.SCALAR) entries.push(`${key}: ${valueOf(prop, helpers.add)}`);
    else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      const read = column(prop.fieldNames[0]);
      entries.push(`${key}: (${read} == null ? null : { id: ${read} })`);
    } else if (prop.kind === ReferenceKind.EMBEDDED && !prop.object) {
      const Embeddable = prop.embeddable as unknown as new () => Record<string, unknown>;
      const own = registry();
      const create = own.add(Embeddable);
      const parts = Object.values(prop.embeddedProps).map((child) => `value[${JSON.stringify(child.embedded![1])}] = ${valueOf(child, own.add)};`);
      const build = new Function('h', `return function (row) { const value = new ${create}(); ${parts.join(' ')} return value; }`)(own.values);
      entries.push(`${key}: ${helpers.add(build)}(row)`);
    }
  }
  const prototype: object = options ? Object.create(meta.prototype as object, { [options.marker]: { value: true } }) : (meta.prototype as object);
  // The entity's prototype, set after the fields are own data properties (so none of the ORM's reference
  // setters runs): `instanceof` holds, and type-graphql passes the object to field resolvers as it is
  // instead of copying it into a new entity (its @Root() conversion in the tsc build).
  mapper = new Function('h', 'prototype', `return function mapRow(row) { return Object.setPrototypeOf({ ${entries.join(', ')} }, prototype); }`)(helpers.values, prototype) as RowMapper;
  mappers.set(statement, mapper);
  return mapper;
}
