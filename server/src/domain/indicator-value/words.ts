/**
 * Readings of a whole text (DOMAIN.md §4): not-applicable marks, yes/no words and grades. Only a
 * whole text is a mark, a yes/no or a grade; quantities are found inside text (./quantities.ts).
 */
import type { ParsedValue } from './types.js';
import {
  BOOLEAN_WORDS,
  GRADE_LABELS,
  GRADE_PREFIXES,
  GRADE_SUFFIXES,
  GRADE_WORDS,
  NEUTRAL_PUNCTUATION,
  NOT_APPLICABLE_PATTERN,
  NOT_APPLICABLE_WORDS,
  matchWordAt,
} from './vocabulary.js';
import { booleanResult, emptyResult, notApplicableResult, shown } from './results.js';

export function readNotApplicable(raw: string, clean: string): ParsedValue | null {
  if (clean.replace(NEUTRAL_PUNCTUATION, '') === '') {
    return notApplicableResult(raw, 'MEDIUM', '未填写内容，按不适用处理');
  }
  if (NOT_APPLICABLE_WORDS.has(clean) || NOT_APPLICABLE_PATTERN.test(clean)) {
    return notApplicableResult(raw, 'HIGH', `“${shown(raw)}”表示不适用，不参与比较`);
  }
  return null;
}

/** 完成 / 合规 / 是 …, and a word written twice by mistake ("完成完成" in fixture 004). */
export function readBoolean(raw: string, clean: string): ParsedValue | null {
  const value = BOOLEAN_WORDS.get(clean);
  if (value !== undefined) {
    return booleanResult(raw, value, 'HIGH', `“${clean}”读作：${value ? '是（达成）' : '否（未达成）'}`);
  }
  for (const [word, repeatedValue] of BOOLEAN_WORDS) {
    if (isRepetitionOf(clean, word)) {
      const label = repeatedValue ? '是（达成）' : '否（未达成）';
      return booleanResult(raw, repeatedValue, 'MEDIUM', `“${clean}”是“${word}”的重复书写，读作：${label}`);
    }
  }
  return null;
}

function isRepetitionOf(text: string, word: string): boolean {
  return text.length > word.length && text.length % word.length === 0 && text === word.repeat(text.length / word.length);
}

/** 优/优秀 > 良/良好/较好 > 中/合格/一般 > 差/较差, also as "良好等次", "良好及以上" or "达到良好". */
export function readGrade(raw: string, clean: string): ParsedValue | null {
  const prefix = matchWordAt(clean, 0, GRADE_PREFIXES);
  let core = prefix ? clean.slice(prefix.length) : clean;
  let floor = prefix !== null;
  for (let round = 0; round < 2; round += 1) {
    const suffix = GRADE_SUFFIXES.find((word) => core.length > word.length && core.endsWith(word));
    if (!suffix || GRADE_WORDS.has(core)) break;
    core = core.slice(0, -suffix.length);
    floor = floor || suffix.endsWith('以上');
  }
  const grade = GRADE_WORDS.get(core);
  if (grade === undefined) return null;
  const atLeast = floor ? `（至少为${GRADE_LABELS[grade]}）` : '';
  return {
    ...emptyResult(raw),
    kind: 'GRADE',
    grade,
    confidence: 'HIGH',
    explanation: `“${clean}”读作等级：${GRADE_LABELS[grade]}${atLeast}`,
  };
}
