import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { EntityManager } from '@mikro-orm/sqlite';
import { Field, Int, ObjectType } from 'type-graphql';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { Evaluation, EvaluationSection } from '../evaluation/evaluation.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { BudgetLine } from '../plan/budget-line.entity.js';
import { KeyTask } from '../plan/key-task.entity.js';
import { PlanStatus } from '../plan/plan-enums.js';
import type { Plan } from '../plan/plan.entity.js';
import { checkText, LONG_TEXT_MAX } from '../validation.js';
import { json } from './audit.subscriber.js';
import { type AuditRow, insertAuditRows } from './audit.writer.js';

/**
 * An import is ONE audit entry (issue 12): object type PlanImport, field IMPORTED, `after` the summary
 * of what came in (the document's SHA-256, counts), `before` the summary of what it replaced, and the
 * replaced plan itself in the plan-document format, gzip-compressed, kept once. The rows the import
 * writes are not recorded one by one (withoutRowAudit); ordinary edits afterwards are, as always.
 */
export const PLAN_IMPORT = 'PlanImport';
export const IMPORTED = 'IMPORTED';

@ObjectType({ description: '计划内容的行数 / how many rows of each kind a plan holds' })
export class PlanContentCounts {
  @Field(() => Int, { description: '指标 / indicators' })
  indicators!: number;

  @Field(() => Int, { description: '专项及子项 / line items' })
  lineItems!: number;

  @Field(() => Int, { description: '预算行 / budget rows' })
  budgetLines!: number;

  @Field(() => Int, { description: '重点工作 / key tasks' })
  keyTasks!: number;

  @Field(() => Int, { description: '自评（0 或 1）/ evaluations (0 or 1)' })
  evaluations!: number;

  @Field(() => Int, { description: '自评分项 / evaluation sections' })
  evaluationSections!: number;
}

@ObjectType({ description: '一次导入的摘要 / summary of a plan import' })
export class PlanImportSummary {
  @Field(() => String, { description: '导入文件的 SHA-256（紧凑 JSON）/ SHA-256 of the imported document, as compact JSON' })
  documentHash!: string;

  @Field(() => String, { nullable: true, description: '文件来源 / the document\'s source' })
  source!: string | null;

  @Field(() => String, { description: '文件类型 / document kind' })
  kind!: string;

  @Field(() => Boolean, { description: '是否新建计划（否则为替换）/ true when the plan was new, false when replaced' })
  created!: boolean;

  @Field(() => String, { description: '导入后的状态 / status after the import' })
  status!: string;

  @Field(() => PlanContentCounts, { description: '导入的行数 / rows imported' })
  counts!: PlanContentCounts;

  @Field(() => String, { nullable: true, description: '被替换计划的状态 / status of the replaced plan' })
  replacedStatus!: string | null;

  @Field(() => PlanContentCounts, { nullable: true, description: '被替换的行数（新建时为空）/ rows replaced; null when new' })
  replacedCounts!: PlanContentCounts | null;
}

export async function countPlanContent(em: EntityManager, planId: number): Promise<PlanContentCounts> {
  const [indicators, lineItems, budgetLines, keyTasks, evaluations, evaluationSections] = await Promise.all([
    em.count(Indicator, { plan: planId }),
    em.count(LineItem, { plan: planId }),
    em.count(BudgetLine, { plan: planId }),
    em.count(KeyTask, { plan: planId }),
    em.count(Evaluation, { plan: planId }),
    em.count(EvaluationSection, { evaluation: { plan: planId } }),
  ]);
  return { indicators, lineItems, budgetLines, keyTasks, evaluations, evaluationSections };
}

/** The SHA-256 of a document as compact JSON (`JSON.stringify`): the same for the API and the CLI. */
export const documentHash = (document: unknown): string => createHash('sha256').update(JSON.stringify(document)).digest('hex');

export interface ReplacedPlan {
  status: PlanStatus;
  counts: PlanContentCounts;
  document: object;
}

/** From 批复 on, a plan is official: replacing it by an import needs a reason. */
const NEEDS_REASON: PlanStatus[] = [PlanStatus.APPROVED, PlanStatus.EVALUATING, PlanStatus.CLOSED];

/**
 * The plan an import is about to replace, as it is: refused without a reason once approved; exported
 * (outside the identity map, in the same transaction) before its content is deleted.
 */
export async function replacedPlan(
  em: EntityManager,
  plan: Plan,
  reason: string | null | undefined,
  exportDocument: (em: EntityManager, planId: number) => Promise<object>,
): Promise<ReplacedPlan> {
  checkText(reason, ['reason'], { max: LONG_TEXT_MAX });
  if (NEEDS_REASON.includes(plan.status) && !reason?.trim()) {
    throw UserInputError.of(['reason'], UserErrorCode.REASON_REQUIRED, '该计划已批复，导入替换须填写原因 (the plan is approved: replacing it by an import needs a reason)');
  }
  const [counts, document] = await Promise.all([countPlanContent(em, plan.id), exportDocument(em.fork({ keepTransactionContext: true }) as EntityManager, plan.id)]);
  return { status: plan.status, counts, document };
}

/**
 * Writes the import's one entry; call it after the import's writes, in its transaction. `counts`: the rows
 * the import wrote, when the caller knows them (the bulk import does); otherwise they are counted.
 */
export async function recordPlanImport(em: EntityManager, entry: PlanImportEntry): Promise<void> {
  await insertAuditRows(em, [await planImportRow({ ...entry, counts: entry.counts ?? (await countPlanContent(em, entry.plan.id)) })]);
}

export interface PlanImportEntry {
  plan: Plan;
  document: { source: string | null; kind: string };
  created: boolean;
  replaced: ReplacedPlan | null;
  reason: string | null | undefined;
  counts?: PlanContentCounts;
  /** documentHash(document), when the caller computed it ahead (the CLI, while the previous document was written). */
  hash?: string;
}

/** The import's one entry as insertAuditRows takes it (the CLI's batches write many in one statement). */
export async function planImportRow({ plan, document, created, replaced, reason, counts, hash }: PlanImportEntry & { counts: PlanContentCounts }): Promise<AuditRow> {
  const summary = { documentHash: hash ?? documentHash(document), source: document.source ?? null, kind: document.kind, created, status: plan.status, counts };
  return {
    objectType: PLAN_IMPORT,
    objectId: plan.id,
    planId: plan.id,
    field: IMPORTED,
    before: replaced && json({ status: replaced.status, counts: replaced.counts }),
    after: json(summary),
    reason: reason?.trim() || null,
    replacedDocument: replaced && (await promisify(gzip)(JSON.stringify(replaced.document))),
  };
}

/** The entry the audit subscriber writes when an import creates a department (em.create with these fields). */
export interface CreatedDepartment {
  createdDepartment: { id: number; name: string; shortName: string | null; region: string | null };
}

/**
 * Writes the entries of many imports in one statement (the CLI's batches: importNewDepartmentPlans), in the
 * order given: each created department's entry, as the subscriber writes it, and each import's.
 */
export async function recordPlanImports(em: EntityManager, entries: (CreatedDepartment | (PlanImportEntry & { counts: PlanContentCounts }))[]): Promise<void> {
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    if ('createdDepartment' in entry) {
      const { id, name, shortName, region } = entry.createdDepartment;
      rows.push({ objectType: 'Department', objectId: id, planId: null, field: 'CREATED', after: json({ name, shortName, region, code: null }) });
    } else rows.push(await planImportRow(entry));
  }
  await insertAuditRows(em, rows);
}

/** The summary an import entry's before/after hold, for the API. */
export function importSummary(entry: { objectType: string; before: string | null; after: string | null }): PlanImportSummary | null {
  if (entry.objectType !== PLAN_IMPORT || !entry.after) return null;
  const before = entry.before ? (JSON.parse(entry.before) as { status: string; counts: PlanContentCounts }) : null;
  return { ...(JSON.parse(entry.after) as Omit<PlanImportSummary, 'replacedStatus' | 'replacedCounts'>), replacedStatus: before?.status ?? null, replacedCounts: before?.counts ?? null };
}

export async function unzipDocument(gzipped: Buffer): Promise<object> {
  return JSON.parse((await promisify(gunzip)(gzipped)).toString('utf8'));
}
