import type { EntityManager } from '@mikro-orm/sqlite';
import ExcelJS from 'exceljs';
import { checkPlanDocument } from '../../domain/checks/document.js';
import type { PlanDocument } from '../../domain/plan-document.js';
import { type UserError, UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { findDepartmentByNames } from '../department/department.service.js';
import { exportPlanDocument, importPlanDocument, validatePlanDocument } from '../plan-document/plan-document.service.js';
import { Plan } from '../plan/plan.entity.js';
import { actorOf, canReadDepartment, type PlanAction, refusal } from '../user/access.js';
import { parseId } from '../validation.js';
import { labelKey } from './plan-workbook.layout.js';
import { mergeWorkbook, type WorkbookChange } from './plan-workbook.merge.js';
import { readPlanWorkbook, type WorkbookProblem } from './plan-workbook.reader.js';
import { writePlanWorkbook } from './plan-workbook.writer.js';

/** An .xlsx a planner uploads: 2 MB (about 2.7 MB as base64, inside the 5 MB request limit). */
export const MAX_WORKBOOK_BYTES = 2 * 1024 * 1024;
/** What its zip may unpack to, and how many parts it may have (a zip bomb is refused before it is opened). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
const fileProblem = (code: WorkbookProblem['code'], message: string): WorkbookProblem => ({ sheet: null, row: null, column: null, code, message });

/** Which plan a workbook is for: an id, or a department (full or short name) and year; else what the workbook says. */
export interface WorkbookTarget {
  planId?: string | null;
  department?: string | null;
  year?: number | null;
}

export interface PlanWorkbookPreview {
  plan: Plan | null;
  changes: WorkbookChange[];
  problems: WorkbookProblem[];
  /** 勾稽关系 of the plan as it would be after the import (the domain's checks; they never block). */
  warnings: string[];
  notices: string[];
}

// ─── export ─────────────────────────────────────────────────────────────────────────────────────

export interface WorkbookFile {
  filename: string;
  buffer: Buffer;
}

/** The plan as the official forms (read access is the caller's to check). */
export async function planWorkbookFile(em: EntityManager, planId: number | string): Promise<WorkbookFile> {
  const document = await exportPlanDocument(em, planId);
  const plan = await em.findOneOrFail(Plan, { id: Number(planId) }, { populate: ['department'] });
  const name = plan.department.shortName ?? plan.department.name;
  return { filename: `${name}${plan.year}年度绩效目标表.xlsx`, buffer: await writePlanWorkbook(document) };
}

// ─── reading the upload ─────────────────────────────────────────────────────────────────────────

/**
 * The zip's central directory says how large each part unpacks to; a file that would unpack to more
 * than MAX_UNPACKED_BYTES is refused without being unpacked. Not a zip at all: not an .xlsx.
 */
function zipProblem(buffer: Buffer): WorkbookProblem | null {
  const notWorkbook = fileProblem('NOT_A_WORKBOOK', '文件不是 Excel 工作簿（.xlsx）');
  const searchFrom = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let offset = buffer.length - 22; offset >= searchFrom; offset -= 1) {
    if (buffer.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return notWorkbook;
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  if (entries > MAX_ZIP_ENTRIES) return fileProblem('FILE_TOO_LARGE', `工作簿包含的部件过多（${entries} 个）`);
  let unpacked = 0;
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return notWorkbook;
    const size = buffer.readUInt32LE(offset + 24);
    unpacked += size === 0xffffffff ? Infinity : size;
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  if (unpacked > MAX_UNPACKED_BYTES) return fileProblem('FILE_TOO_LARGE', `工作簿解压后超过 ${mb(MAX_UNPACKED_BYTES)}，请删除无关的工作表或图片后再导入`);
  return null;
}

/** base64 (optionally a data: URL) → an opened workbook, or the reason it cannot be opened. */
export async function openWorkbook(file: string): Promise<{ workbook: ExcelJS.Workbook | null; problem: WorkbookProblem | null }> {
  const body = file.replace(/^data:[^,]{0,200};base64,/, '');
  if (body.length > Math.ceil(MAX_WORKBOOK_BYTES / 3) * 4 + 4096) {
    return { workbook: null, problem: fileProblem('FILE_TOO_LARGE', `文件超过 ${mb(MAX_WORKBOOK_BYTES)} 上限`) };
  }
  const compact = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    return { workbook: null, problem: fileProblem('NOT_A_WORKBOOK', '文件内容不是有效的 base64 编码') };
  }
  const buffer = Buffer.from(compact, 'base64');
  if (buffer.length > MAX_WORKBOOK_BYTES) return { workbook: null, problem: fileProblem('FILE_TOO_LARGE', `文件超过 ${mb(MAX_WORKBOOK_BYTES)} 上限`) };
  if (buffer.length < 22) return { workbook: null, problem: fileProblem('NOT_A_WORKBOOK', '文件不是 Excel 工作簿（.xlsx）') };
  const problem = zipProblem(buffer);
  if (problem) return { workbook: null, problem };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { workbook: null, problem: fileProblem('NOT_A_WORKBOOK', '无法读取该文件：不是 .xlsx 工作簿或文件已损坏（旧版 .xls 请先另存为 .xlsx）') };
  }
  return { workbook, problem: null };
}

async function findPlan(em: EntityManager, target: WorkbookTarget, stated: { department: string | null; year: number | null }): Promise<Plan | WorkbookProblem> {
  if (target.planId != null) {
    let id: number;
    try {
      id = parseId(target.planId, ['planId']);
    } catch {
      return fileProblem('NOT_FOUND', `计划不存在：${target.planId}`);
    }
    return (await em.findOne(Plan, { id }, { populate: ['department'] })) ?? fileProblem('NOT_FOUND', `计划不存在：${target.planId}`);
  }
  const name = target.department ?? stated.department;
  const year = target.year ?? stated.year;
  if (!name || !year) return fileProblem('NOT_FOUND', '请指定计划（计划编号，或部门与年度）；工作簿中也没有写明部门名称和年度');
  const department = await findDepartmentByNames(em, [name]);
  const plan = department && (await em.findOne(Plan, { department, year }, { populate: ['department'] }));
  return plan ?? fileProblem('NOT_FOUND', `找不到「${name}」${year} 年度的计划，请先创建计划`);
}

/** The action a workbook import is done as: a planner's EDIT_DRAFT, or the administrator's IMPORT. */
function importRefusal(em: EntityManager, plan: Plan): { action: PlanAction | null; problem: WorkbookProblem | null } {
  const actor = actorOf(em);
  for (const action of ['EDIT_DRAFT', 'IMPORT'] as const) if (!refusal(actor, action, plan)) return { action, problem: null };
  const why = refusal(actor, 'EDIT_DRAFT', plan)!;
  return { action: null, problem: fileProblem(why.code === UserErrorCode.WRONG_STATUS ? 'WRONG_STATUS' : 'FORBIDDEN', why.message) };
}

/** A plan-document path from validation → the workbook cell it came from (the longest known prefix). */
function placed(error: UserError, locations: Map<string, import('./plan-workbook.reader.js').CellRef>): WorkbookProblem {
  const path = error.field[0] === 'document' ? error.field.slice(1) : error.field;
  for (let length = path.length; length > 0; length -= 1) {
    const at = locations.get(path.slice(0, length).join('.'));
    if (at) return { sheet: at.sheet, row: at.row, column: at.column, code: 'INVALID_DOCUMENT', message: error.message };
  }
  return { sheet: null, row: null, column: null, code: 'INVALID_DOCUMENT', message: `${path.join('.')}: ${error.message}` };
}

interface Analysis {
  preview: PlanWorkbookPreview;
  document: PlanDocument | null;
  locations: Map<string, import('./plan-workbook.reader.js').CellRef>;
  action: PlanAction | null;
}

/** Everything the preview shows and the import needs: the plan, the merged document, changes and problems. */
async function analyse(em: EntityManager, target: WorkbookTarget, file: string): Promise<Analysis> {
  const empty = (plan: Plan | null, problems: WorkbookProblem[], notices: string[] = []): Analysis => ({
    preview: { plan, changes: [], problems, warnings: [], notices },
    document: null,
    locations: new Map(),
    action: null,
  });
  const { workbook, problem } = await openWorkbook(file);
  if (!workbook) return empty(null, [problem!]);
  const { content, problems } = readPlanWorkbook(workbook);
  const found = await findPlan(em, target, { department: content.departmentName?.value ?? null, year: content.year?.value ?? null });
  if (!(found instanceof Plan)) return empty(null, [found, ...problems], content.notices);
  const plan = found;
  const actor = actorOf(em);
  if (!actor || !canReadDepartment(actor, plan.department.id)) return empty(null, [fileProblem('FORBIDDEN', '无权查看其他部门的计划 (not a department in your scope)')]);

  const department = plan.department;
  const names = [department.name, department.shortName, plan.statedDepartmentName, plan.statedShortName].filter((name): name is string => Boolean(name)).map(labelKey);
  if (content.departmentName && !names.includes(labelKey(content.departmentName.value))) {
    const at = content.departmentName.at;
    problems.push({ ...at, code: 'MISMATCH', message: `工作簿所写的部门「${content.departmentName.value}」不是该计划的部门「${department.name}」` });
  }
  if (content.year && content.year.value !== plan.year) {
    problems.push({ ...content.year.at, code: 'MISMATCH', message: `工作簿标题的年度 ${content.year.value} 不是该计划的年度 ${plan.year}` });
  }
  const { action, problem: refused } = importRefusal(em, plan);
  if (refused) problems.unshift(refused);

  const current = await exportPlanDocument(em, plan.id);
  const merged = mergeWorkbook(current, content);
  problems.push(...merged.problems);
  try {
    validatePlanDocument(merged.document);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    problems.push(...error.errors.map((userError) => placed(userError, merged.locations)));
  }
  const warnings = checkPlanDocument(merged.document).map((warning) => warning.message);
  return {
    preview: { plan, changes: merged.changes, problems, warnings, notices: [...content.notices, ...merged.notices] },
    document: merged.document,
    locations: merged.locations,
    action,
  };
}

/** What importing the workbook would change, and what is wrong with it; changes nothing. */
export async function previewPlanWorkbook(em: EntityManager, target: WorkbookTarget, file: string): Promise<PlanWorkbookPreview> {
  return (await analyse(em, target, file)).preview;
}

/**
 * Imports the workbook in the caller's transaction, through the plan-document import (same
 * validation, same replacement, same audit trail). Any problem refuses the whole file: the preview
 * comes back as the error's `current`, nothing written.
 */
export async function importPlanWorkbook(em: EntityManager, target: WorkbookTarget, file: string, expectedVersion: number | null, reason: string | null = null): Promise<PlanWorkbookPreview> {
  const { preview, document, locations, action } = await analyse(em, target, file);
  const refuse = (errors: UserError[]) => {
    const error = new UserInputError(errors);
    error.current = preview;
    return error;
  };
  if (preview.problems.length || !document || !action || !preview.plan) {
    const first = preview.problems[0];
    const code = first?.code === 'FORBIDDEN' ? UserErrorCode.FORBIDDEN : first?.code === 'WRONG_STATUS' ? UserErrorCode.WRONG_STATUS : first?.code === 'FILE_TOO_LARGE' ? UserErrorCode.TOO_LARGE : UserErrorCode.INVALID_DOCUMENT;
    throw refuse([{ field: ['file'], code, message: `工作簿有 ${preview.problems.length} 处问题，未导入任何数据：${first?.message ?? ''}` }]);
  }
  const plan = preview.plan;
  if (expectedVersion != null && plan.version !== expectedVersion) {
    throw refuse([{ field: ['expectedVersion'], code: UserErrorCode.CONFLICT, message: `计划已被他人修改（版本 ${plan.version}，预览时为 ${expectedVersion}），请重新预览后再导入` }]);
  }
  let imported: Plan;
  try {
    imported = (await importPlanDocument(em, document, action, { reason })).plan;
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    preview.problems = error.errors.map((userError) => placed(userError, locations));
    throw refuse(error.errors.map((userError) => ({ ...userError, field: ['file', ...userError.field] })));
  }
  if (imported.id !== plan.id) throw new Error(`workbook import wrote plan ${imported.id}, not ${plan.id}`);
  // The plan changed as a whole: a preview made before this import is stale.
  imported.updatedAt = new Date();
  await em.flush();
  return { ...preview, plan: imported };
}
