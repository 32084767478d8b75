import { parseDecimal } from '../domain/decimal.js';
import { UserErrorCode, UserInputError } from '../graphql/user-error.js';

/** Names, labels, codes. */
export const SHORT_TEXT_MAX = 500;
/** Targets, goals, evidence narratives: the longest in real forms is about 1,000 characters. */
export const LONG_TEXT_MAX = 20_000;

// Control characters (except tab and line breaks) and unpaired surrogates never belong in a form's text.
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN_CHARACTERS.test(text);
}

export function checkText(
  value: string | null | undefined,
  field: string[],
  { max, required = false }: { max: number; required?: boolean },
): void {
  if (value == null || value.trim() === '') {
    if (required) throw UserInputError.of(field, UserErrorCode.REQUIRED, '必填 (required)');
    return;
  }
  if (value.length > max) {
    throw UserInputError.of(field, UserErrorCode.TOO_LONG, `长度 ${value.length} 超过上限 ${max} 字 (longer than ${max} characters)`);
  }
  if (hasForbiddenCharacters(value)) {
    throw UserInputError.of(field, UserErrorCode.INVALID, '含有不可见控制字符 (contains control characters)');
  }
}

/** A search or lookup text (a filter's "contains", a name to find): no stored name is longer. */
export const SEARCH_TEXT_MAX = SHORT_TEXT_MAX;

/** Refuses a search text no stored value could match (TOO_LONG) or that no form may hold (INVALID). */
export function checkSearchText(value: string | null | undefined, field: string[]): void {
  checkText(value, field, { max: SEARCH_TEXT_MAX });
}

export function checkTextList(values: readonly string[] | null | undefined, field: string[], max = LONG_TEXT_MAX): void {
  if (values == null) return;
  if (values.length > 1000) throw UserInputError.of(field, UserErrorCode.TOO_LONG, '条目过多（最多 1000 条）(too many entries)');
  values.forEach((value, index) => checkText(value, [...field, String(index)], { max }));
}

/** An exact decimal that must not be negative (everything but 调整 adjustments). */
export function checkNonNegative(value: string | null | undefined, field: string[]): void {
  if (value == null) return;
  const parsed = parseDecimal(value);
  if (!parsed.ok) throw UserInputError.of(field, parsed.error.code, parsed.error.message);
  if (parsed.value < 0n) throw UserInputError.of(field, UserErrorCode.NEGATIVE, `不能为负数：${value} (must not be negative)`);
}

export function checkYear(year: number, field: string[]): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw UserInputError.of(field, UserErrorCode.OUT_OF_RANGE, `年度须在 2000 到 2100 之间：${year} (year must be 2000..2100)`);
  }
}

export function checkCount(value: number | null | undefined, field: string[]): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000) {
    throw UserInputError.of(field, UserErrorCode.OUT_OF_RANGE, `人数须为 0 到 1000000 的整数：${value} (a head count)`);
  }
}

/** A position among siblings, clamped to the end of the list. */
export function clampPosition(position: number | null | undefined, length: number): number {
  if (position == null || position > length) return length;
  return Math.max(0, position);
}

/** Reorders `items` so `moved` sits at `position`, and renumbers positions 0..n-1. */
export function placeAt<T extends { position: number }>(items: T[], moved: T, position: number | null | undefined): void {
  const others = items.filter((item) => item !== moved);
  others.splice(clampPosition(position, others.length), 0, moved);
  others.forEach((item, index) => {
    item.position = index;
  });
}

/** Renumbers after a removal. */
export function renumber<T extends { position: number }>(items: T[]): void {
  [...items].sort((a, b) => a.position - b.position).forEach((item, index) => {
    item.position = index;
  });
}

/** Optimistic locking: a write based on an older version is refused, with the object as it now is. */
export function checkVersion(entity: { version: number }, expectedVersion: number | null | undefined, field: string[] = ['expectedVersion']): void {
  if (expectedVersion == null || entity.version === expectedVersion) return;
  const conflict = UserInputError.of(
    field,
    UserErrorCode.CONFLICT,
    `已被他人修改：您编辑的是第 ${expectedVersion} 版，当前为第 ${entity.version} 版，请确认当前值后再保存 (changed by someone else meanwhile)`,
  );
  conflict.current = entity;
  throw conflict;
}

export function parseId(id: string | number, field: string[]): number {
  const value = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw UserInputError.of(field, UserErrorCode.NOT_FOUND, `无效的编号：${String(id).slice(0, 40)} (invalid id)`);
  return value;
}

/**
 * JSON nesting no document of ours comes near (a plan document is about 15 levels deep): refused before
 * anything walks it recursively (a JSON Schema validator, a serializer), which 10,000 nested arrays would
 * overflow. Counted without recursion.
 */
export const MAX_JSON_DEPTH = 64;

/** The depth of a parsed JSON value (a scalar is 0, `[]` is 1), counted only up to `limit + 1`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a JSON value nested deeper than MAX_JSON_DEPTH with a TOO_DEEP user error. */
export function checkJsonDepth(value: unknown, field: string[]): void {
  if (jsonDepth(value) > MAX_JSON_DEPTH) {
    throw UserInputError.of(field, UserErrorCode.TOO_DEEP, `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层 (nested deeper than ${MAX_JSON_DEPTH} levels)`);
  }
}
