/**
 * "无" for an amount is a stated zero (issue 10 item 5; docs/gap-rules.md §4.4): the form says there is
 * nothing, which is 0 — not "not stated" (null), not an error. One rule for every reader of amounts
 * (the workbook reader and the JSON plan-document import), so both keep it as 0 and export 0.
 */
import { normaliseText } from './indicator-value/vocabulary.js';

/** What a form writes in an amount cell for "nothing": 无, 零 (full-width spaces and padding ignored). */
export const STATED_ZERO_WORDS: readonly string[] = ['无', '零'];

/** True when an amount's text states zero in words ("无", " 零 "); a number or anything else is not. */
export function isStatedZero(text: string): boolean {
  return STATED_ZERO_WORDS.includes(normaliseText(text).text.trim());
}
