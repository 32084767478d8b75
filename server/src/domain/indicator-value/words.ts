/**
 * Readings of a whole text (DOMAIN.md §4): not-applicable marks, yes/no words and grades. Only a
 * whole text is a mark, a yes/no or a grade; quantities are found inside text (./quantities.ts).
 */
import type { Grade, GradeScale, ParsedValue, Qualifier } from './types.js';
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
  const qualifier = QUALIFIED_YES_WORDS.get(clean);
  if (qualifier !== undefined) {
    const label = qualifier === 'PARTIAL' ? '部分达成（基本/部分完成）' : '已完成但逾期';
    return { ...booleanResult(raw, true, 'HIGH', `“${clean}”读作：${label}，比较时为“部分达成”`), qualifier };
  }
  for (const [word, repeatedValue] of BOOLEAN_WORDS) {
    if (isRepetitionOf(clean, word)) {
      const label = repeatedValue ? '是（达成）' : '否（未达成）';
      return booleanResult(raw, repeatedValue, 'MEDIUM', `“${clean}”是“${word}”的重复书写，读作：${label}`);
    }
  }
  return null;
}

/**
 * A yes that does not go all the way: 基本完成 / 部分完成 (PARTIAL) and 延期完成 / 逾期完成 (LATE). Both are
 * 部分达成 against a target of 完成 (财预〔2020〕10号's middle band); 未按时完成 stays a no.
 */
const QUALIFIED_YES_WORDS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ...['基本完成', '部分完成', '大部分完成', '大体完成', '基本完成任务', '部分完成任务', '基本达标', '基本合规', '基本符合',
    '基本实现', '部分实现', '基本达到', '部分达到', '基本落实', '部分落实', '基本到位', '部分到位'].map(
    (word): [string, Qualifier] => [word, 'PARTIAL'],
  ),
  ...['延期完成', '逾期完成', '推迟完成', '滞后完成', '延后完成', '超期完成', '延迟完成'].map(
    (word): [string, Qualifier] => [word, 'LATE'],
  ),
]);

function isRepetitionOf(text: string, word: string): boolean {
  return text.length > word.length && text.length % word.length === 0 && text === word.repeat(text.length / word.length);
}

/**
 * Grades are read whole, on their scale: 优/优秀 > 良/良好/较好 > 中/合格/一般 > 差/较差 (DOMAIN.md §4), the
 * four-level 好 > 较好 > 一般 > 差, and the three-level 满意 > 基本满意 > 不满意; also as "良好等次",
 * "良好及以上" or "达到良好". A text that lists a whole scale ("好/较好/一般/差") names no level: TEXT.
 */
export function readGrade(raw: string, clean: string): ParsedValue | null {
  const prefix = matchWordAt(clean, 0, GRADE_PREFIXES);
  let core = prefix ? clean.slice(prefix.length) : clean;
  let floor = prefix !== null;
  for (let round = 0; round < 2; round += 1) {
    const suffix = GRADE_SUFFIXES.find((word) => core.length > word.length && core.endsWith(word));
    if (!suffix || gradeOf(core)) break;
    core = core.slice(0, -suffix.length);
    floor = floor || suffix.endsWith('以上');
  }
  const found = gradeOf(core);
  if (found === null) return readWholeScale(raw, clean);
  const { grade, scale } = found;
  const label = scale === 'SATISFACTION' ? SATISFACTION_LABELS[grade] : GRADE_LABELS[grade];
  const atLeast = floor ? `（至少为${label}）` : '';
  const onScale = scale === 'EXCELLENT_GOOD_FAIR_POOR' ? '' : `（${SCALE_LABELS[scale]}）`;
  return {
    ...emptyResult(raw),
    kind: 'GRADE',
    grade,
    scale,
    confidence: 'HIGH',
    explanation: `“${clean}”读作等级：${label}${atLeast}${onScale}`,
  };
}

export const SCALE_LABELS: Record<GradeScale, string> = {
  EXCELLENT_GOOD_FAIR_POOR: '优/良/中/差',
  GOOD_FAIRLY_GOOD_AVERAGE_POOR: '好/较好/一般/差',
  SATISFACTION: '满意/基本满意/不满意',
};

/** 满意 is the top of its scale, 基本满意 the middle, 不满意 the bottom (ranks 2 · 1 · 0). */
const SATISFACTION_WORDS: ReadonlyMap<string, Grade> = new Map<string, Grade>([
  ['满意', 'EXCELLENT'],
  ['基本满意', 'FAIR'],
  ['不满意', 'POOR'],
]);
const SATISFACTION_LABELS: Record<Grade, string> = { EXCELLENT: '满意', GOOD: '满意', FAIR: '基本满意', POOR: '不满意' };

/** 好/较好/一般 name the four-level scale 好 > 较好 > 一般 > 差 (差 itself is on both four-level scales). */
const GOOD_SCALE_WORDS: ReadonlyMap<string, Grade> = new Map<string, Grade>([
  ['好', 'EXCELLENT'],
  ['较好', 'GOOD'],
  ['一般', 'FAIR'],
]);

function gradeOf(word: string): { grade: Grade; scale: GradeScale } | null {
  const satisfaction = SATISFACTION_WORDS.get(word);
  if (satisfaction) return { grade: satisfaction, scale: 'SATISFACTION' };
  const good = GOOD_SCALE_WORDS.get(word);
  if (good) return { grade: good, scale: 'GOOD_FAIRLY_GOOD_AVERAGE_POOR' };
  const grade = GRADE_WORDS.get(word);
  return grade ? { grade, scale: 'EXCELLENT_GOOD_FAIR_POOR' } : null;
}

/** "好/较好/一般/差", "优、良、中、差": every level of a scale, so no level is the target. */
function readWholeScale(raw: string, clean: string): ParsedValue | null {
  const words = clean.split(/[/、，,；;|\\]+/).filter((word) => word !== '');
  if (words.length < 3 || !words.every((word) => gradeOf(word) !== null)) return null;
  return {
    ...emptyResult(raw),
    explanation: `“${clean}”列出了整个等级（${words.join(' > ')}），没有指明目标等级；请写明要达到的等级，如“${words[1]}”。按文本处理，由评价人员判断`,
  };
}
