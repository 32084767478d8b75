import { STAGE_VALUES } from '@jixiao/vocabulary';
import type { EntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { StageAmounts } from '../../db/stage-amounts.embeddable.js';
import { formatDecimal, microsToNumber, numberToMicros, parseDecimal, toMicros } from '../../domain/decimal.js';
import { isStatedZero } from '../../domain/stated-zero.js';
import type {
  BudgetDocument,
  DocumentKind as DocumentKindText,
  EvaluationDocument,
  IndicatorDocument,
  LineItemDocument,
  PlanDocument,
  StageAmounts as StageAmountsDocument,
} from '../../domain/plan-document.js';
import { type UserError, UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { withoutRowAudit } from '../audit/audit-scope.js';
import { documentHash, recordPlanImport, recordPlanImports, replacedPlan } from '../audit/plan-import.js';
import { PlanCheckCount } from '../plan/plan-check-count.entity.js';
import { Department } from '../department/department.entity.js';
import { findDepartmentByNames } from '../department/department.service.js';
import { Evaluation, EvaluationSection } from '../evaluation/evaluation.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { applyIndicatorFields } from '../indicator/indicator.service.js';
import { LineItem, LineItemKind } from '../line-item/line-item.entity.js';
import { BudgetLine } from '../plan/budget-line.entity.js';
import { INCOME_ROWS, NATURE_ROWS, THREE_PUBLIC_ROWS, budgetView } from '../plan/budget.js';
import { KeyTask } from '../plan/key-task.entity.js';
import { BudgetCategory, DocumentKind, PlanStatus } from '../plan/plan-enums.js';
import { IMPORTED_STATUS_LABELS, importedStatus } from '../../domain/imported-status.js';
import { Plan } from '../plan/plan.entity.js';
import { loadPlanContent } from '../plan/plan-content.js';
import { deletePlanContent } from '../plan/plan.service.js';
import { authorize, authorizeAdmin, type PlanAction } from '../user/access.js';
import { checkJsonDepth, checkSearchText, hasForbiddenCharacters, LONG_TEXT_MAX, SHORT_TEXT_MAX } from '../validation.js';
import { documentLimitProblems } from '../plan-limits.js';
import { schemaProblems } from './plan-document.schema.js';
import { PlanRowsWriter } from './plan-rows.writer.js';
import { storeImportedPlanFigures } from '../plan/plan-figures.store.js';
import { checkList, FIGURES_VERSION, indicatorFigures, planChecks, rollupRowOf, rollupsOf, sectionWeightsOf, statedOf, type IndicatorFigures, type RollupTreeItem } from '../plan/plan-figures.service.js';
import { budgetFigures } from '../indicator/indicator-reading.js';
import type { PlanContent } from '../plan/plan-content.js';
import { groupBy } from '../collections.js';

const KIND_FROM_TEXT: Record<DocumentKindText, DocumentKind> = {
  target_table: DocumentKind.TARGET_TABLE,
  self_evaluation: DocumentKind.SELF_EVALUATION,
  final_accounts_report: DocumentKind.FINAL_ACCOUNTS_REPORT,
};
const KIND_TO_TEXT = Object.fromEntries(Object.entries(KIND_FROM_TEXT).map(([text, kind]) => [kind, text])) as Record<DocumentKind, DocumentKindText>;

/** Keys whose text is a name or label; every other string may be a long narrative. */
const SHORT_KEYS = new Set(['name', 'shortName', 'region', 'source', 'level1', 'level2', 'period', 'executionRate', 'grade', 'title', 'unit', 'owner']);
const POINT_KEYS = new Set(['weight', 'score', 'totalScore', 'maxScore']);

/** Amounts sit in the budget and in line items' `amounts`; an indicator's `actual` is text. */
function isMoneyPath(path: string[]): boolean {
  const key = path[path.length - 1];
  if (key === 'fixedAssets') return true;
  const inStages = path[1] === 'budget' || path[path.length - 2] === 'amounts';
  return inStages && (STAGE_VALUES as readonly string[]).includes(key);
}

/**
 * Everything the JSON Schema cannot say: text lengths, control characters, the money bound and
 * sign (only 调整 may be negative), points that are finite and exact. All problems, not the first.
 */
function contentProblems(document: PlanDocument): UserError[] {
  const problems: UserError[] = [];
  // One path, extended and shortened as the walk goes (issue 12: an array per value was a quarter of
  // what an import allocated); a problem keeps a copy.
  const path = ['document'];
  const walk = (value: unknown): void => {
    const key = path[path.length - 1];
    if (typeof value === 'string') {
      const max = SHORT_KEYS.has(key) ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      if (value.length > max) problems.push({ field: [...path], code: UserErrorCode.TOO_LONG, message: `长度 ${value.length} 超过上限 ${max} 字 (text too long)` });
      else if (hasForbiddenCharacters(value)) problems.push({ field: [...path], code: UserErrorCode.INVALID, message: '含有不可见控制字符 (contains control characters)' });
      else if (isMoneyPath(path)) {
        const parsed = parseDecimal(value);
        if (!parsed.ok) problems.push({ field: [...path], code: parsed.error.code, message: parsed.error.message });
        else if (parsed.value < 0n && key !== 'adjustment') problems.push({ field: [...path], code: UserErrorCode.NEGATIVE, message: `金额不能为负数：${value} (must not be negative)` });
      }
    } else if (typeof value === 'number' && POINT_KEYS.has(key)) {
      const parsed = numberToMicros(value);
      if (!parsed.ok) problems.push({ field: [...path], code: parsed.error.code, message: parsed.error.message });
      else if (parsed.value < 0n || parsed.value > toMicros('1000')) {
        problems.push({ field: [...path], code: UserErrorCode.OUT_OF_RANGE, message: `分值须在 0 到 1000 之间：${value} (points out of range)` });
      }
    } else if (Array.isArray(value)) {
      if (value.length > 10_000) problems.push({ field: [...path], code: UserErrorCode.TOO_LONG, message: '条目过多 (too many entries)' });
      else
        for (let index = 0; index < value.length; index++) {
          path.push(String(index));
          walk(value[index]);
          path.pop();
        }
    } else if (value && typeof value === 'object') {
      for (const child in value) {
        if (!Object.hasOwn(value, child)) continue;
        path.push(child);
        walk((value as Record<string, unknown>)[child]);
        path.pop();
      }
    }
  };
  walk(document);
  return problems.slice(0, 20);
}

/**
 * An amount written "无" (or "零") is a stated 0, read as "0" exactly as the workbook reader does
 * (isStatedZero, gap-rules §4.4); the export then writes "0", so a round trip is stable. Copy on write:
 * the caller's document is not changed, untouched parts are shared. Every other text is left for the
 * schema and content rules to judge. `path`: the value's, extended and shortened as the walk goes.
 */
function withStatedZeros(value: unknown, path: string[]): unknown {
  if (typeof value === 'string') return isMoneyPath(path) && isStatedZero(value) ? '0' : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index++) {
      const item = value[index];
      path.push(String(index));
      const read = withStatedZeros(item, path);
      path.pop();
      if (read !== item) (copy ??= [...value])[index] = read;
    }
    return copy ?? value;
  }
  if (value && typeof value === 'object') {
    let copy: Record<string, unknown> | null = null;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = (value as Record<string, unknown>)[key];
      path.push(key);
      const read = withStatedZeros(item, path);
      path.pop();
      if (read !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = read;
    }
    return copy ?? value;
  }
  return value;
}

/** Validates a plan document: the JSON Schema first, then the content rules. Throws with every problem. */
export function validatePlanDocument(input: unknown): PlanDocument {
  checkJsonDepth(input, ['document']); // before the schema validator recurses into it
  const document = withStatedZeros(input, ['document']);
  const problems = schemaProblems(document);
  if (problems.length) {
    throw new UserInputError(problems.map(({ path, message }) => ({ field: ['document', ...path], code: UserErrorCode.INVALID_DOCUMENT, message })));
  }
  const content = contentProblems(document as PlanDocument);
  if (content.length) throw new UserInputError(content);
  const limits = documentLimitProblems(document as PlanDocument);
  if (limits.length) throw new UserInputError(limits);
  return document as PlanDocument;
}

/** A JSON number of points (分) as an exact decimal; validatePlanDocument has vouched for it. */
function pointsText(value: number | null | undefined): string | null {
  if (value == null) return null;
  const parsed = numberToMicros(value);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return formatDecimal(parsed.value);
}
function pointsNumber(value: string | null): number | null {
  return value == null ? null : microsToNumber(toMicros(value));
}

function stagesFrom(document: StageAmountsDocument | null | undefined): StageAmounts {
  const amounts = new StageAmounts();
  for (const stage of STAGE_VALUES) amounts[stage] = document?.[stage] == null ? null : formatDecimal(toMicros(document[stage]!));
  amounts.statedExecutionRate = document?.executionRate ?? null;
  return amounts;
}

function stagesDocument(amounts: StageAmounts): StageAmountsDocument {
  return {
    initial: amounts.initial,
    adjustment: amounts.adjustment,
    fullYear: amounts.fullYear,
    actual: amounts.actual,
    carryover: amounts.carryover,
    executionRate: amounts.statedExecutionRate,
  };
}

export interface ImportResult {
  plan: Plan;
  created: boolean;
  departmentCreated: boolean;
}

/**
 * Imports a whole plan in the caller's transaction. The department is matched by full or short
 * name; the same department and year replaces that plan's content (never a duplicate plan).
 */
export async function importPlanDocument(
  em: EntityManager,
  input: unknown,
  as: PlanAction = 'IMPORT',
  {
    reason,
    validated = false,
    writer,
  }: {
    reason?: string | null;
    /** `input` is what validatePlanDocument returned (the CLI validates every file first). */
    validated?: boolean;
    /** The caller's writer, for many imports in one transaction (its statements are prepared once); closed by the caller. */
    writer?: PlanRowsWriter;
  } = {},
): Promise<ImportResult> {
  const options = { reason, validated };
  if (writer) return importWith(em, input, as, options, writer);
  const own = new PlanRowsWriter(em);
  try {
    return await importWith(em, input, as, options, own);
  } finally {
    await own.close();
  }
}

/** What every new plan is: without its own section weights or execution scoring. */
const NEW_PLAN_SETTINGS = { executionScoring: null, sectionWeights: null } as Plan;

/**
 * What importNewDepartmentPlans writes of a document as the plan of a new department, computed ahead of
 * the import, on the CLI's worker thread (cli/prepare-worker.ts) or on the main thread: all of it survives
 * a structured clone unchanged (plain objects, strings, numbers; StageAmounts arrives as a plain object with
 * the same keys, which is all the writer reads). Null when the document cannot go that way (prepareNew).
 */
export interface NewPlanImport {
  /** The document without its rows (indicators, line items, key tasks; of the budget only fixedAssets): what the plan row and the audit entry take. */
  head: PlanDocument;
  /** The whole document's hash for its audit entry (documentHash). */
  hash: string;
  rows: PlanRows;
  /** The plan row's roll-up columns. */
  planColumns: PresetFigures['plan']['columns'];
  /** The plan's checks counted by code (the rows of plan_check_count), in the order they come. */
  checkCounts: { code: string; count: number }[];
}

export function prepareNewPlanImport(document: PlanDocument): NewPlanImport | null {
  const ahead = prepareNew(document, null);
  return ahead && { ...ahead, checkCounts: countChecksAhead(ahead, 'copies') };
}

/**
 * As prepareNewPlanImport for the worker, which hands the import (but its check counts) to `take` first (it
 * serializes it): the checks are then counted on the rows themselves, numbering them in place. The counts;
 * null when the document cannot go that way (`take` is not called).
 */
export function prepareNewPlanImportFor(document: PlanDocument, take: (ahead: Omit<NewPlanImport, 'checkCounts'>) => void): NewPlanImport['checkCounts'] | null {
  const ahead = prepareNew(document, take);
  return ahead && countChecksAhead(ahead, 'in place');
}

type NewPlanAhead = Omit<NewPlanImport, 'checkCounts'> & { figures: PresetFigures };

/**
 * Null for a document with a 自评 evaluation (the ordinary way imports it), or whose rows are refused (the
 * ordinary way then reports the problem where it always does).
 */
function prepareNew(document: PlanDocument, take: ((ahead: Omit<NewPlanImport, 'checkCounts'>) => void) | null): NewPlanAhead | null {
  if (document.evaluation) return null;
  let rows: PlanRows, figures: PresetFigures, hash: string;
  try {
    rows = planRows(document);
    figures = presetFigures(NEW_PLAN_SETTINGS, null, rows);
    hash = documentHash(document);
  } catch {
    return null;
  }
  const head: PlanDocument = { ...document, indicators: [], lineItems: [], keyTasks: [], budget: document.budget && { fixedAssets: document.budget.fixedAssets } };
  const ahead = { head, hash, rows, planColumns: figures.plan.columns };
  take?.(ahead);
  return { ...ahead, figures };
}

/**
 * The plan's checks with provisional ids, each table's rows numbered 1, 2, … in their order, as the batch
 * numbers them (the same order of ids): which codes come, and how often, does not depend on the ids' values.
 * 'copies': the rows are not touched; 'in place': they get the ids (they are not written afterwards).
 */
function countChecksAhead({ head, rows, figures }: NewPlanAhead, how: 'copies' | 'in place'): NewPlanImport['checkCounts'] {
  const { plan, department } = newDepartmentPlan(head);
  let content: PlanContent;
  let byId: ReadonlyMap<number, IndicatorFigures>;
  if (how === 'copies') {
    content = importedContent(plan, department, null, rows, true);
    byId = new Map(rows.indicators.map((_, index) => [index + 1, figures.computed[index]]));
  } else {
    rows.budgetLines.forEach((row, index) => (row.id = index + 1));
    rows.lineItemLevels.flat().forEach((item, index) => (item.id = index + 1));
    rows.indicators.forEach((row, index) => (row.id = index + 1));
    content = importedContent(plan, department, null, rows);
    byId = figures.indicators;
  }
  const byCode = new Map<string, number>();
  for (const { code } of checkList(planChecks(content, byId, figures.planRollup))) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  return [...byCode].map(([code, count]) => ({ code, count }));
}

/** A new department and its plan for a document, as importPlanDocument creates them (not managed). */
function newDepartmentPlan(document: PlanDocument) {
  const stated = document.department;
  const department = Object.assign(new Department(), { name: stated.name, shortName: stated.shortName ?? null, region: stated.region ?? null });
  const plan = Object.assign(new Plan(), { department, year: document.year }, planFields(document));
  const statusNote = applyImportedStatus(plan, document, 'IMPORT');
  return { plan, department, statusNote };
}

async function importWith(
  em: EntityManager,
  input: unknown,
  as: PlanAction,
  { reason, validated }: { reason?: string | null; validated: boolean },
  writer: PlanRowsWriter,
): Promise<ImportResult> {
  // `as`: what the caller was allowed (a planner's workbook into an existing draft: EDIT_DRAFT).
  if (as === 'IMPORT') authorizeAdmin(em);
  const document = validated ? (input as PlanDocument) : validatePlanDocument(input);
  const stated = document.department;
  let department = await findDepartmentByNames(em, [stated.name, stated.shortName]);
  const departmentCreated = !department;
  if (!department) {
    department = em.create(Department, { name: stated.name, shortName: stated.shortName ?? null, region: stated.region ?? null });
  } else {
    department.shortName ??= stated.shortName && stated.shortName !== department.name ? stated.shortName : null;
    department.region ??= stated.region ?? null;
  }
  let plan = departmentCreated ? null : await em.findOne(Plan, { department, year: document.year });
  const created = !plan;
  if (!plan && as !== 'IMPORT') throw UserInputError.of(['document', 'department'], UserErrorCode.NOT_FOUND, '计划不存在 (no such plan)');
  if (plan) authorize(em, as, plan);
  // The import is audited as one entry (the hash, counts and the replaced plan), not row by row.
  const replaced = plan && (await replacedPlan(em, plan, reason, exportPlanDocument));
  if (plan) await deletePlanContent(em, plan.id, { audited: false });
  else plan = em.create(Plan, { department, year: document.year });

  Object.assign(plan, planFields(document));
  // Every row is built (and validated) before anything is written; refused input changes nothing.
  const rows = planRows(document);
  const evaluation = document.evaluation ? importEvaluation(em, plan, document.evaluation) : null;
  const statusNote = applyImportedStatus(plan, document, as);
  await withoutRowAudit(() => em.flush());
  // The figures are computed once, from the rows in memory, and go in with them (no re-read, no updates).
  const figures = presetFigures(plan, evaluation, rows);
  await insertPlanRows(writer, plan.id, rows);
  await storeImportedPlanFigures(em, plan.id, figures.plan.columns, planChecks(importedContent(plan, department, evaluation, rows), figures.indicators, figures.planRollup));
  const counts = rowCounts(document, rows);
  await recordPlanImport(em, { plan, document, created, replaced, reason: [reason?.trim(), statusNote].filter(Boolean).join('；') || null, counts });
  return { plan, created, departmentCreated };
}

/**
 * The CLI's fast path (issue 12): a run of documents, each of a department the database does not hold yet
 * (the common case of a province's first import), imported in a few statements for the whole run instead
 * of a dozen per plan. The database ends up exactly as importPlanDocument one after another leaves it: the
 * same rows with the same ids (each table's rows inserted in the same order), the department's CREATED
 * entry and the import's entry per document, in that order; the plan row goes in with its roll-up (what
 * storeImportedPlanFigures would write after it), and no check counts are deleted (a new plan has none).
 * Takes the documents from the first up to the first whose department already exists (or is one an
 * earlier document of the run creates, or whose name importPlanDocument would refuse): the caller imports
 * that one the ordinary way. Returns the imported ones' results, in order (none: the first is such a one).
 * SQLite only (the line items' ids are assigned ahead); elsewhere it imports nothing.
 */
export async function importNewDepartmentPlans(em: EntityManager, writer: PlanRowsWriter, run: NewPlanImport[], reason: string | null): Promise<ImportResult[]> {
  if (!run.length || !(await writer.writesSqlite())) return [];
  authorizeAdmin(em);
  const namesOf = (document: PlanDocument) => [document.department.name, document.department.shortName].filter((name): name is string => !!name);
  // A department created earlier in the run is found by the same rule as findDepartmentByNames.
  const taken = new Set<string>();
  let size = 0;
  for (const { head: document } of run) {
    const names = namesOf(document);
    try {
      names.forEach((name) => checkSearchText(name, ['name']));
    } catch {
      break;
    }
    if (names.some((name) => taken.has(name))) break;
    taken.add(document.department.name);
    if (document.department.shortName != null) taken.add(document.department.shortName);
    size++;
  }
  const names = [...new Set(run.slice(0, size).flatMap(({ head }) => namesOf(head)))];
  const existing = new Set<string>();
  for (let start = 0; start < names.length; start += 400) {
    const chunk = names.slice(start, start + 400);
    const marks = chunk.map(() => '?').join(', ');
    const rows = await em.getConnection().execute<{ name: string; shortName: string | null }[]>(
      `select "name" as "name", "short_name" as "shortName" from "department" where "name" in (${marks}) or "short_name" in (${marks})`,
      [...chunk, ...chunk],
      'all',
      em.getTransactionContext(),
    );
    for (const row of rows) {
      existing.add(row.name);
      if (row.shortName != null) existing.add(row.shortName);
    }
  }
  const found = run.slice(0, size).findIndex(({ head }) => namesOf(head).some((name) => existing.has(name)));
  const imports = run.slice(0, found < 0 ? size : found);
  if (!imports.length) return [];

  // The departments and their plans, as importPlanDocument creates them (not managed: written below).
  const plans = imports.map(({ head }) => newDepartmentPlan(head));
  const departmentIds = await writer.insert(
    Department,
    plans.map(({ department }) => ({ name: department.name, shortName: department.shortName, region: department.region, createdAt: department.createdAt.getTime(), updatedAt: department.updatedAt.getTime() }) as unknown as EntityData<Department>),
  );
  plans.forEach(({ department }, index) => (department.id = departmentIds[index]));
  const planIds = await writer.insert(
    Plan,
    plans.map(({ plan }, index) => {
      const { department, createdAt, updatedAt, status, year } = plan;
      return { ...planFields(imports[index].head), department: department.id, year, status, createdAt: createdAt.getTime(), updatedAt: updatedAt.getTime(), ...imports[index].planColumns, figuresVersion: FIGURES_VERSION } as unknown as EntityData<Plan>;
    }),
  );
  plans.forEach(({ plan }, index) => (plan.id = planIds[index]));

  // Each table's rows in the order importPlanDocument writes them, plan after plan.
  const all = <T>(of: (rows: PlanRows) => T[]) => {
    const rows: T[] = [];
    const planOf: number[] = [];
    imports.forEach(({ rows: own }, index) => {
      for (const row of of(own)) {
        rows.push(row);
        planOf.push(planIds[index]);
      }
    });
    return { rows, planOf };
  };
  const budget = all((rows) => rows.budgetLines);
  const budgetIds = await writer.insert(BudgetLine, budget.rows, (index) => ({ plan: budget.planOf[index] }));
  budget.rows.forEach((row, index) => (row.id = budgetIds[index]));
  const tasks = all((rows) => rows.keyTasks);
  await writer.insert(KeyTask, tasks.rows, (index) => ({ plan: tasks.planOf[index] }));
  // Line items: a plan's by depth, plan after plan. The first goes in alone and numbers the rest: one
  // INSERT numbers its rows one after another, and nothing else writes in this transaction.
  const items = all((rows) => rows.lineItemLevels.flat());
  if (items.rows.length) {
    const [first] = await writer.insert(LineItem, [items.rows[0].data], () => ({ plan: items.planOf[0], parent: null }));
    items.rows.forEach((item, index) => (item.id = first + index));
    await writer.insert(
      LineItem,
      items.rows.slice(1).map((item) => item.data),
      (index) => ({ id: items.rows[index + 1].id, plan: items.planOf[index + 1], parent: items.rows[index + 1].parent?.id ?? null }),
    );
  }
  const indicators = all((rows) => rows.indicators);
  const indicatorIds = await writer.insert(
    Indicator,
    indicators.rows.map(({ data }) => data),
    (index) => ({ plan: indicators.planOf[index], lineItem: indicators.rows[index].owner?.id ?? null }),
  );
  indicators.rows.forEach((row, index) => (row.id = indicatorIds[index]));

  // The counts of each plan's check codes (computed ahead, prepareNewPlanImport).
  const counts: { code: string; count: number }[] = [];
  const countPlans: number[] = [];
  const audit: Parameters<typeof recordPlanImports>[1] = [];
  for (const [index, { head: document, rows, checkCounts, hash }] of imports.entries()) {
    const { plan, department, statusNote } = plans[index];
    for (const count of checkCounts) {
      counts.push(count);
      countPlans.push(plan.id);
    }
    // The entry the audit subscriber writes for a new department, then the import's.
    audit.push({ createdDepartment: department });
    audit.push({ plan, document, created: true, replaced: null, reason: [reason?.trim(), statusNote].filter(Boolean).join('；') || null, counts: rowCounts(document, rows), hash });
  }
  await writer.insert(PlanCheckCount, counts as EntityData<PlanCheckCount>[], (index) => ({ plan: countPlans[index] }));
  await recordPlanImports(em, audit);
  return plans.map(({ plan }) => ({ plan, created: true, departmentCreated: true }));
}

/** The rows an import writes, as its audit entry counts them. */
function rowCounts(document: PlanDocument, rows: PlanRows) {
  return {
    indicators: rows.indicators.length,
    lineItems: rows.lineItemLevels.reduce((sum, level) => sum + level.length, 0),
    budgetLines: rows.budgetLines.length,
    keyTasks: rows.keyTasks.length,
    evaluations: document.evaluation ? 1 : 0,
    evaluationSections: document.evaluation?.sections?.length ?? 0,
  };
}

/** What a plan row takes from its document (the department's profile as that year's document states it, the texts). */
function planFields(document: PlanDocument) {
  const stated = document.department;
  return {
    documentKind: KIND_FROM_TEXT[document.kind],
    source: document.source,
    statedDepartmentName: stated.name,
    statedShortName: stated.shortName ?? null,
    statedRegion: stated.region ?? null,
    functions: stated.functions ?? null,
    internalUnits: stated.internalUnits ?? null,
    subUnits: stated.subUnits ?? null,
    staff: stated.staff === undefined || stated.staff === null ? null : { authorized: stated.staff.authorized ?? null, actual: stated.staff.actual ?? null, retired: stated.staff.retired ?? null },
    overallGoals: document.overallGoals ?? null,
    achievements: document.achievements ?? null,
    fixedAssets: document.budget?.fixedAssets == null ? null : formatDecimal(toMicros(document.budget.fixedAssets)),
  };
}

/**
 * A self-evaluation imported by an administrator lands in the status its content implies
 * (domain/imported-status.ts, issue 10 item 6); returns the note the import's audit entry carries.
 * A planner's workbook into their own draft (`as` EDIT_DRAFT) never moves the workflow.
 */
function applyImportedStatus(plan: Plan, document: PlanDocument, as: PlanAction): string | null {
  const status = as === 'IMPORT' ? importedStatus(document) : null;
  if (!status) return null;
  plan.status = PlanStatus[status];
  return `自评文件，状态按内容设为${IMPORTED_STATUS_LABELS[status]}`;
}

/**
 * A plan's rows as the bulk insert writes them (issue 12: an import is a few multi-row INSERTs, not an
 * entity per row): entity property names, the parent line item by reference until its id is known.
 */
interface LineItemRow {
  data: EntityData<LineItem>;
  parent: LineItemRow | null;
  id?: number;
}
interface PlanRows {
  /** Each gets its id once inserted. */
  budgetLines: EntityData<BudgetLine>[];
  keyTasks: EntityData<KeyTask>[];
  /** Line items by depth: the 专项 first, then their 子项, … (a parent's id is known before its children go in). */
  lineItemLevels: LineItemRow[][];
  indicators: { data: EntityData<Indicator>; owner: LineItemRow | null; id?: number }[];
}

function planRows(document: PlanDocument): PlanRows {
  const rows: PlanRows = { budgetLines: budgetRows(document.budget), keyTasks: [], lineItemLevels: [], indicators: [] };
  (document.keyTasks ?? []).forEach((task, position) => rows.keyTasks.push({ position, item: task.item ?? null, owner: task.owner ?? null, goal: task.goal ?? null }));
  indicatorRows(rows, null, document.indicators, ['document', 'indicators']);
  (document.lineItems ?? []).forEach((item, position) => lineItemRows(rows, null, 0, item, position, ['document', 'lineItems', String(position)]));
  return rows;
}

function budgetRows(budget: BudgetDocument | null | undefined): EntityData<BudgetLine>[] {
  const rows: EntityData<BudgetLine>[] = [];
  if (!budget) return rows;
  const add = (category: BudgetCategory, stages: StageAmountsDocument | null | undefined, name: string | null = null) => {
    if (!stages) return;
    rows.push({ category, name, position: rows.length, amounts: stagesFrom(stages) });
  };
  for (const [key, category] of Object.entries(NATURE_ROWS)) add(category, budget[key as keyof typeof NATURE_ROWS]);
  for (const [key, category] of Object.entries(INCOME_ROWS)) add(category, budget.income?.[key as keyof typeof INCOME_ROWS]);
  // A detail row with no amounts is still a stated row: its name is kept.
  for (const detail of budget.basicDetail ?? []) add(BudgetCategory.BASIC_DETAIL, detail.amounts ?? {}, detail.name);
  for (const [key, category] of Object.entries(THREE_PUBLIC_ROWS)) add(category, budget.threePublic?.[key as keyof typeof THREE_PUBLIC_ROWS]);
  return rows;
}

/** The figure columns presetFigures sets on each indicator row (IndicatorFigures.columns), in its order. */
const FIGURE_KEYS = {
  readingKind: null,
  readingComparator: null,
  readingValue: null,
  readingUnit: null,
  readingConfidence: null,
  gapStatus: null,
  completion: null,
  suggestedScore: null,
  effectiveScore: null,
  scoreLost: null,
  checkFlags: null,
};

function indicatorRows(rows: PlanRows, owner: LineItemRow | null, indicators: IndicatorDocument[] | null | undefined, path: string[]): void {
  (indicators ?? []).forEach((row, position) => {
    // The same checks as an edit: applyIndicatorFields validates and sets the canonical levels. Every key
    // the row will have, in the order it gets them, from the start (issue 12): an object given them one
    // by one (the figures' eleven last) turned into a slow dictionary-mode object, four times the memory.
    const indicator = {
      position,
      level1: 'UNKNOWN',
      level1Label: row.level1,
      name: row.name,
      level2Label: null,
      targetText: null,
      actualText: null,
      deduction: null,
      deviationReason: null,
      remark: null,
      evidence: null,
      weight: null,
      level2: null,
      score: null,
      ...FIGURE_KEYS,
    } as unknown as Indicator;
    applyIndicatorFields(
      indicator,
      {
        level1Label: row.level1,
        level2Label: row.level2 ?? null,
        name: row.name,
        target: row.target ?? null,
        actual: row.actual ?? null,
        weight: pointsText(row.weight),
        deduction: row.deduction ?? null,
        deviationReason: row.deviationReason ?? null,
        remark: row.remark ?? null,
        evidence: row.evidence ?? null,
      },
      [...path, String(position)],
    );
    // A document states the evaluator's 得分 as it was given; the checks report what does not add up.
    indicator.score = pointsText(row.score);
    rows.indicators.push({ data: indicator as EntityData<Indicator>, owner });
  });
}

function lineItemRows(rows: PlanRows, parent: LineItemRow | null, depth: number, row: LineItemDocument, position: number, path: string[]): void {
  const item: LineItemRow = {
    parent,
    data: {
      position,
      name: row.name,
      kind: row.kind === 'initial' ? LineItemKind.INITIAL : row.kind === 'midyear' ? LineItemKind.MIDYEAR : null,
      amounts: stagesFrom(row.amounts),
      period: row.period ?? null,
      periodGoal: row.periodGoal ?? null,
      annualGoal: row.annualGoal ?? null,
      use: row.use ?? null,
    },
  };
  (rows.lineItemLevels[depth] ??= []).push(item);
  indicatorRows(rows, item, row.indicators, [...path, 'indicators']);
  (row.children ?? []).forEach((child, index) => lineItemRows(rows, item, depth + 1, child, index, [...path, 'children', String(index)]));
}

/**
 * Writes a plan's rows with multi-row INSERTs in the caller's transaction: budget rows and key tasks,
 * the line items a level at a time (their ids come back in order), then every indicator. No entity
 * is created, so nothing enters the identity map and the audit subscriber sees none of it (the import
 * is recorded as one entry).
 */
async function insertPlanRows(writer: PlanRowsWriter, planId: number, rows: PlanRows): Promise<void> {
  const plan = { plan: planId };
  const budgetIds = await writer.insert(BudgetLine, rows.budgetLines, () => plan);
  rows.budgetLines.forEach((row, index) => (row.id = budgetIds[index]));
  await writer.insert(KeyTask, rows.keyTasks, () => plan);
  for (const level of rows.lineItemLevels) {
    const ids = await writer.insert(
      LineItem,
      level.map((item) => item.data),
      (index) => ({ plan: planId, parent: level[index].parent?.id ?? null }),
    );
    level.forEach((item, index) => (item.id = ids[index]));
  }
  const ids = await writer.insert(
    Indicator,
    rows.indicators.map(({ data }) => data),
    (index) => ({ plan: planId, lineItem: rows.indicators[index].owner?.id ?? null }),
  );
  rows.indicators.forEach((row, index) => (row.id = ids[index]));
}

/**
 * The figures of an import, before its rows are written: each indicator's reading and gap (set on its
 * row, as stored columns), each line item's roll-up (set on its row) and the plan's. The line items
 * are told apart by their place in the document until they have ids (a roll-up does not show ids).
 */
type PresetFigures = ReturnType<typeof presetFigures>;

function presetFigures(plan: Pick<Plan, 'executionScoring' | 'sectionWeights'>, evaluation: Evaluation | null, rows: PlanRows) {
  const total = rows.budgetLines.find((line) => line.category === BudgetCategory.TOTAL);
  const budget = budgetFigures((total?.amounts as StageAmounts | undefined) ?? null);
  const computed = rows.indicators.map(({ data }) => {
    const own = indicatorFigures(data as Indicator, budget, plan);
    Object.assign(data, own.columns);
    return own;
  });
  const items = rows.lineItemLevels.flat();
  const key = new Map(items.map((item, index) => [item, index + 1]));
  const rollupRows = rows.indicators.map(({ data, owner }, index) =>
    rollupRowOf({ id: index, lineItem: owner && ({ id: key.get(owner)! } as LineItem), level1: data.level1!, weight: data.weight as string | null, score: data.score as string | null, scoreUnconfirmed: data.scoreUnconfirmed as boolean }, computed[index].columns),
  );
  const tree = groupBy(
    items.map((item): RollupTreeItem => ({ id: key.get(item)!, parentId: item.parent && key.get(item.parent)!, amounts: budgetFigures(item.data.amounts as StageAmounts, item.data.kind === LineItemKind.MIDYEAR) })),
    (item) => item.parentId,
  );
  const rollups = rollupsOf({ rows: rollupRows, childrenByParent: tree, budget, sectionWeights: sectionWeightsOf(plan, evaluation), stated: statedOf(evaluation) });
  for (const item of items) Object.assign(item.data, rollups.lineItems.get(key.get(item)!)!.columns);
  return {
    /** By position in rows.indicators until the rows have ids. */
    computed,
    get indicators(): Map<number, IndicatorFigures> {
      return new Map(rows.indicators.map((row, index) => [row.id!, computed[index]]));
    },
    plan: rollups.plan,
    planRollup: rollups.planRollup,
  };
}

/**
 * The imported plan's content as loadPlanContent would give it back, from the rows in memory (after the insert: with ids).
 * `provisional`: before the insert, each table's rows numbered 1, 2, … in the rows' order, on copies (the rows are not touched).
 */
function importedContent(plan: Plan, department: Department, evaluation: Evaluation | null, rows: PlanRows, provisional = false): PlanContent {
  const itemIds = provisional ? new Map(rows.lineItemLevels.flat().map((item, index) => [item, index + 1])) : null;
  const idOf = (item: LineItemRow) => (itemIds ? itemIds.get(item)! : item.id!);
  const lineItems = rows.lineItemLevels.flat().map((item) => ({ ...item.data, id: idOf(item), plan, parent: item.parent && { id: idOf(item.parent) } }) as unknown as LineItem);
  // The rows are written: each indicator's data becomes its entity-like row here, without a copy.
  const indicators = rows.indicators.map(({ data, owner, id }, index) => Object.assign(provisional ? { ...data } : data, { id: provisional ? index + 1 : id!, plan, lineItem: owner && { id: idOf(owner) } }) as unknown as Indicator);
  const byPosition = <T extends { position: number }>(list: T[]) => [...list].sort((a, b) => a.position - b.position);
  return {
    plan,
    department,
    budgetLines: (provisional ? rows.budgetLines.map((line, index) => ({ ...line, id: index + 1 })) : rows.budgetLines) as unknown as BudgetLine[],
    keyTasks: [],
    indicators,
    evaluation,
    childrenByParent: new Map([...groupBy(lineItems, (item) => item.parent?.id ?? null)].map(([parent, list]) => [parent, byPosition(list)])),
    indicatorsByLineItem: new Map([...groupBy(indicators, (row) => row.lineItem?.id ?? null)].map(([owner, list]) => [owner, byPosition(list)])),
  };
}

function importEvaluation(em: EntityManager, plan: Plan, document: EvaluationDocument): Evaluation {
  const evaluation = em.create(Evaluation, {
    plan,
    totalScore: pointsText(document.totalScore),
    grade: document.grade ?? null,
    maxScore: pointsText(document.maxScore),
    satisfaction: document.satisfaction ?? null,
    evaluators: document.evaluators ?? null,
    problems: document.problems ?? null,
    measures: document.measures ?? null,
    application: document.application ?? null,
    disclosure: document.disclosure ?? null,
  });
  (document.sections ?? []).forEach((section, position) => {
    em.create(EvaluationSection, { evaluation, position, name: section.name ?? null, weight: pointsText(section.weight), score: pointsText(section.score) });
  });
  return evaluation;
}

/** The plan as a plan document; an imported plan gives back what its document said. */
function toPlanDocument(content: PlanContent): PlanDocument {
  const { plan, department, evaluation, childrenByParent, indicatorsByLineItem } = content;
  const imported = plan.statedDepartmentName != null;
  const indicatorsOf = (lineItem: LineItem | null) => (indicatorsByLineItem.get(lineItem?.id ?? null) ?? []).map(indicatorDocument);
  const lineItemDocument = (item: LineItem): LineItemDocument => {
    return {
      name: item.name,
      kind: item.kind === LineItemKind.INITIAL ? 'initial' : item.kind === LineItemKind.MIDYEAR ? 'midyear' : null,
      amounts: stagesDocument(item.amounts),
      period: item.period,
      periodGoal: item.periodGoal,
      annualGoal: item.annualGoal,
      use: item.use,
      indicators: indicatorsOf(item),
      children: (childrenByParent.get(item.id) ?? []).map(lineItemDocument),
    };
  };
  return {
    source: plan.source ?? `jixiao plan ${plan.id}`,
    kind: KIND_TO_TEXT[plan.documentKind ?? DocumentKind.TARGET_TABLE],
    year: plan.year,
    department: {
      name: imported ? plan.statedDepartmentName! : department.name,
      shortName: imported ? plan.statedShortName : department.shortName,
      region: imported ? plan.statedRegion : department.region,
      functions: plan.functions,
      internalUnits: plan.internalUnits,
      subUnits: plan.subUnits,
      staff: plan.staff,
    },
    budget: budgetDocument(content.budgetLines, plan.fixedAssets),
    overallGoals: plan.overallGoals,
    keyTasks: content.keyTasks.map((task) => ({ item: task.item, owner: task.owner, goal: task.goal })),
    indicators: indicatorsOf(null),
    lineItems: (childrenByParent.get(null) ?? []).map(lineItemDocument),
    evaluation: evaluation && evaluationDocument(evaluation),
    achievements: plan.achievements,
  };
}

export async function exportPlanDocument(em: EntityManager, planId: string | number): Promise<PlanDocument> {
  return toPlanDocument(await loadPlanContent(em, planId));
}

function indicatorDocument(row: Indicator): IndicatorDocument {
  return {
    level1: row.level1Label,
    level2: row.level2Label,
    name: row.name,
    target: row.targetText,
    actual: row.actualText,
    weight: pointsNumber(row.weight),
    score: pointsNumber(row.score),
    deduction: row.deduction,
    ...(row.deviationReason == null ? {} : { deviationReason: row.deviationReason }),
    remark: row.remark,
    evidence: row.evidence,
  };
}

function budgetDocument(lines: BudgetLine[], fixedAssets: string | null): BudgetDocument | null {
  if (!lines.length && fixedAssets == null) return null;
  const view = budgetView(lines, fixedAssets);
  const stages = (line: BudgetLine | null) => line && stagesDocument(line.amounts);
  const group = <K extends string>(rows: Record<K, BudgetLine | null> | null) =>
    rows && (Object.fromEntries(Object.entries(rows).map(([key, line]) => [key, stages(line as BudgetLine | null)])) as Record<K, StageAmountsDocument | null>);
  return {
    total: stages(view.total),
    basic: stages(view.basic),
    personnel: stages(view.personnel),
    publicUse: stages(view.publicUse),
    project: stages(view.project),
    income: group(view.income),
    basicDetail: view.basicDetail && view.basicDetail.map((line) => ({ name: line.name ?? '', amounts: stagesDocument(line.amounts) })),
    threePublic: group(view.threePublic),
    fixedAssets,
  };
}

function evaluationDocument(evaluation: Evaluation): EvaluationDocument {
  return {
    totalScore: pointsNumber(evaluation.totalScore),
    grade: evaluation.grade,
    maxScore: pointsNumber(evaluation.maxScore),
    sections: [...evaluation.sections.getItems()]
      .sort((a, b) => a.position - b.position)
      .map((section) => ({ ...(section.name == null ? {} : { name: section.name }), weight: pointsNumber(section.weight), score: pointsNumber(section.score) })),
    satisfaction: evaluation.satisfaction,
    evaluators: evaluation.evaluators,
    problems: evaluation.problems,
    measures: evaluation.measures,
    application: evaluation.application,
    disclosure: evaluation.disclosure,
  };
}
