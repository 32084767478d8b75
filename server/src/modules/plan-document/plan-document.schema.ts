import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { PlanDocument } from '../../domain/plan-document.js';

/** The committed JSON Schema (schema/plan-document.schema.json) is the contract of the format. */
export const PLAN_DOCUMENT_SCHEMA_PATH = resolve(import.meta.dirname, '../../../../schema/plan-document.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile<PlanDocument>(JSON.parse(readFileSync(PLAN_DOCUMENT_SCHEMA_PATH, 'utf8')));

export interface SchemaProblem {
  path: string[];
  message: string;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段 ${String(error.params.missingProperty)} (missing required property)`;
    case 'additionalProperties':
      return `不认识的字段 ${String(error.params.additionalProperty)} (unknown property)`;
    case 'type':
      return `类型应为 ${String(error.params.type)} (wrong type)`;
    case 'pattern':
      return '金额须为最多 6 位小数的十进制字符串（万元）(money must be a decimal string in 万元, ≤ 6 decimals)';
    case 'enum':
      return `取值须为 ${(error.params.allowedValues as unknown[]).map(String).join(' / ')} (not an allowed value)`;
    default:
      return `${error.message ?? 'invalid'}`;
  }
}

/** Checks a value against the schema; returns the problems (at most 20), empty when valid. */
export function schemaProblems(document: unknown): SchemaProblem[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, 20).map((error: ErrorObject) => {
    const path = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
    if (error.keyword === 'required') path.push(String(error.params.missingProperty));
    return { path, message: describe(error) };
  });
}
