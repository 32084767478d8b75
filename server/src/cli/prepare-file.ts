// A command's plan document files as the import takes them: read, parsed, validated and (for the plan of a new
// department) prepared ahead. Shared by the main thread and the preparing worker (prepare-worker.ts).
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { PlanDocument } from '../domain/plan-document.js';
import { UserInputError } from '../graphql/user-error.js';
import { type NewPlanImport, prepareNewPlanImport, prepareNewPlanImportFor, validatePlanDocument } from '../modules/plan-document/plan-document.service.js';

/** An error the command reports as it is (its message is the user's answer), without a stack. */
export class CliError extends Error {}

function readDocument(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`无法读取文件 ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)} (cannot read the file)`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} 不是有效的 JSON：${(error as Error).message} (not valid JSON)`);
  }
}

function describeProblems(path: string, error: UserInputError): string {
  const lines = error.errors.map((problem) => `  - ${problem.field.join('.')}: ${problem.message} [${problem.code}]`);
  return `${path} 不符合计划文件格式，未写入任何数据 (invalid plan document; nothing was written):\n${lines.join('\n')}`;
}

/** The file read and validated; a CliError when it cannot be read or is not a valid plan document. */
export function validateFile(path: string): PlanDocument {
  try {
    return validatePlanDocument(readDocument(path));
  } catch (error) {
    if (error instanceof UserInputError) throw new CliError(describeProblems(path, error));
    throw error;
  }
}

/** The file validated and, when it can go in as the plan of a new department, prepared (prepareNewPlanImport). */
export function prepareFile(path: string): { document: PlanDocument; ahead: NewPlanImport | null } {
  const document = validateFile(path);
  return { document, ahead: prepareNewPlanImport(document) };
}

/**
 * The worker's answer for a file (prepared as prepareFile does): the import serialized (node:v8, as postMessage
 * would clone it: a byte copy to hand over, turned back into objects only when the import needs them, see
 * preparedImport) and its check counts, counted after it was serialized; null: the ordinary way.
 */
export function prepareFileSerialized(path: string): { payload: Uint8Array; checkCounts: NewPlanImport['checkCounts'] } | null {
  let payload: Uint8Array | null = null;
  const checkCounts = prepareNewPlanImportFor(validateFile(path), (ahead) => (payload = serialize(ahead)));
  return checkCounts && { payload: payload!, checkCounts };
}

export function preparedImport({ payload, checkCounts }: { payload: Uint8Array; checkCounts: NewPlanImport['checkCounts'] }): NewPlanImport {
  return { ...(deserialize(payload) as Omit<NewPlanImport, 'checkCounts'>), checkCounts };
}
