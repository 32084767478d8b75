/**
 * Reads a 指标值 (target) or 实际完成值 (actual) as written on a form (DOMAIN.md §4).
 *
 * Pure and total: never throws, keeps the raw text, says how sure it is and, in Chinese, how it read
 * the text, so the editor can show "≥ 12 次" live and the planner can correct it. Numbers are exact
 * bigint micro-units; no float ever holds a value.
 *
 * Order of reading: zero targets ("零投诉", and "无" where it can only mean none) → not-applicable
 * marks → timeliness (按时, 9月底前) → yes/no words → grade words → budget ceilings (不超过预算) →
 * quantities → text. Only a whole text is a mark, a yes/no, a grade or a deadline; quantities are
 * found inside text.
 *
 * The rules live by family: ./words.ts (marks, yes/no, grades), ./quantities.ts (one or several
 * quantities), ./scan.ts (finding them in a text), ./comparators.ts (comparator and direction),
 * ./numbers.ts (Arabic and Chinese numerals), ./units.ts (units, conversion, display),
 * ./timeliness.ts (deadlines), ./frequency.ts (每月 N 次), ./ceilings.ts (zero targets, budget), and
 * the words themselves in ./vocabulary.ts. ./contradiction.ts checks a structured target against its text.
 */
import type { ParsedValue, ValueContext } from './types.js';
import { readBudgetCeiling, readZeroTarget } from './ceilings.js';
import { readQuantities, withNameQuantity } from './quantities.js';
import { textResult } from './results.js';
import { readTimeliness } from './timeliness.js';
import { readBoolean, readGrade, readNotApplicable } from './words.js';
import { normaliseText } from './vocabulary.js';

export { MAX_DIGITS } from './numbers.js';
export { compatibleUnits, convertQuantityUnit, describeQuantity } from './units.js';
export { annualQuantity } from './frequency.js';
export { describeDeadline, isLate } from './timeliness.js';

/** Longer texts are prose, not a value; reading stops there so absurd inputs stay cheap. */
export const MAX_VALUE_TEXT_LENGTH = 2000;

export function parseIndicatorValue(text: string, context: ValueContext = {}): ParsedValue {
  try {
    return readValue(text, context ?? {});
  } catch {
    // Defence in depth: a reader bug must not take down an import; the text is still kept.
    return textResult(text, [], '读取时出错，按文本处理，由评价人员判断');
  }
}

function readValue(raw: string, context: ValueContext): ParsedValue {
  if (typeof raw !== 'string') return textResult(raw, [], '不是文字，按文本处理');
  if (raw.length > MAX_VALUE_TEXT_LENGTH) {
    return textResult(raw, [], `文字过长（超过 ${MAX_VALUE_TEXT_LENGTH} 字），按文本处理，由评价人员判断`);
  }
  const { text: normalised, widthChanged } = normaliseText(raw);
  const clean = trimDecoration(normalised);
  return (
    readZeroTarget(raw, clean, context) ??
    readNotApplicable(raw, clean) ??
    readTimeliness(raw, clean, context.role ?? 'TARGET') ??
    readBoolean(raw, clean) ??
    readGrade(raw, clean) ??
    readBudgetCeiling(raw, clean) ??
    withNameQuantity(readQuantities(raw, clean, widthChanged, context), context)
  );
}

/** Quotes around a value and the full stop after it say nothing ("按预算经费实施。", "“良好”"). */
function trimDecoration(text: string): string {
  return text.replace(/^["'“”‘’「」『』《》]+/, '').replace(/["'“”‘’「」『』《》。.，,；;、!！\s]+$/, '');
}
