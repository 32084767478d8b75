/**
 * Finds the quantities written in a text: [comparator word] [约] [-]number [余|多|+] [unit] [+]
 * [range] [comparator word | 左右] [(含)], skipping dates, years and numeral idioms.
 */
import type { Micros } from '../decimal.js';
import type { Comparator, Period } from './types.js';
import { combineComparators, comparatorNote, RANGE_PREFIX_WORDS, readInclusiveMark } from './comparators.js';
import { isDigit, isLatin, readNumber, type NumberRead } from './numbers.js';
import { isYearSpan, readUnit } from './units.js';
import {
  APPROXIMATE_PREFIXES,
  APPROXIMATE_SUFFIXES,
  AT_LEAST_MARKERS,
  AT_LEAST_MARKERS_AFTER_UNIT,
  CHINESE_NUMERAL_CHAR,
  COMPARATOR_PREFIXES,
  COMPARATOR_SUFFIXES,
  NUMERAL_IDIOMS,
  PERCENT_WORD,
  RANGE_SEPARATORS,
  RANGE_SUFFIXES,
  matchWordAt,
} from './vocabulary.js';

/** One quantity as written in the text, before the role and the indicator decide its comparator. */
export interface Mention {
  start: number;
  end: number;
  value: Micros;
  upper: Micros | null;
  unit: string | null;
  /** From the words around the number ("不少于", "以下", "≥"); null when none. */
  comparator: Comparator | null;
  /** 余 / 多 / +: more than the number. */
  atLeast: boolean;
  approximate: boolean;
  /** Why it reads this way, in Chinese. */
  notes: string[];
  /** Something was assumed (rounded decimals, a unit carried across a range, reversed bounds). */
  assumed: boolean;
  /** Words contradict each other ("不超过10次以上"). */
  conflict: string | null;
  /** "每月2次": the period written before the number (set by ./quantities.ts). */
  period?: Period | null;
}

export interface Scan {
  mentions: Mention[];
  /** Arabic numbers with no unit and no comparator ("100周年"): read only when they are the whole text. */
  bareNumbers: Mention[];
  tooLong: boolean;
}

type Step =
  | { kind: 'mention'; mention: Mention }
  | { kind: 'bare'; mention: Mention }
  | { kind: 'skip'; next: number }
  | { kind: 'tooLong' };

export function scanQuantities(text: string): Scan {
  const scan: Scan = { mentions: [], bareNumbers: [], tooLong: false };
  let index = 0;
  while (index < text.length) {
    if (!MAY_START_QUANTITY.has(text[index])) {
      index += 1;
      continue;
    }
    const skipped = skipNonQuantity(text, index);
    if (skipped > index) {
      index = skipped;
      continue;
    }
    const step = readMention(text, index);
    if (step.kind === 'tooLong') return { ...scan, tooLong: true };
    if (step.kind === 'skip') {
      index = Math.max(step.next, index + 1);
      continue;
    }
    (step.kind === 'mention' ? scan.mentions : scan.bareNumbers).push(step.mention);
    index = Math.max(step.mention.end, index + 1);
  }
  return scan;
}

/** Characters a quantity, a comparator word or a numeral idiom can start with: the rest is skipped cheaply. */
const MAY_START_QUANTITY: ReadonlySet<string> = new Set([
  ...'0123456789-',
  ...'零〇一二两三四五六七八九十',
  PERCENT_WORD[0],
  ...COMPARATOR_PREFIXES.map((entry) => entry.word[0]),
  ...APPROXIMATE_PREFIXES.map((word) => word[0]),
  ...NUMERAL_IDIOMS.map((word) => word[0]),
]);

/** Years ("2021年", "2021.12"), dates ("9月底前", "12月31日") and idioms (一次性, 十分) are not counts. */
const MONTH = '(?:1[0-2]|0?[1-9])';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])';
const YEAR_DATE = new RegExp(
  `(?:19|20)\\d{2}(?:年(?:${MONTH}月(?:${DAY}[日号])?)?|[./-]${MONTH}(?:[./-]${DAY})?(?![\\d%‰万亿千百.]))`,
  'y',
);
const MONTH_DATE = new RegExp(`${MONTH}(?:[-~至到]${MONTH})?月(?:${DAY}[日号]|底|初|末|中旬|上旬|下旬|份|前|中|起)`, 'y');
/** "1-12月" is a period of the year, not a range of months. */
const MONTH_SPAN = new RegExp(`${MONTH}[-~至到]${MONTH}月`, 'y');

function skipNonQuantity(text: string, index: number): number {
  const idiom = matchWordAt(text, index, NUMERAL_IDIOMS);
  if (idiom) return index + idiom.length;
  if (!isDigit(text[index]) || isDigit(text[index - 1])) return index;
  for (const pattern of [YEAR_DATE, MONTH_DATE, MONTH_SPAN]) {
    pattern.lastIndex = index;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return index;
}

/**
 * Reads [comparator word] [约] [-]number [余|多|+] [unit] [+] [range: separator number [unit]]
 * [comparator word | 左右] [(含)] starting at `start`.
 */
function readMention(text: string, start: number): Step {
  let index = start;
  const before = matchWordAt(text, index, COMPARATOR_PREFIXES);
  if (before) index += before.word.length;
  const approximatelyBefore = matchWordAt(text, index, APPROXIMATE_PREFIXES);
  if (approximatelyBefore) index += approximatelyBefore.length;
  const negative = text[index] === '-' && isDigit(text[index + 1]) && (before !== null || index === 0);
  if (negative) index += 1;

  const first = readNumber(text, index);
  if (first === 'tooLong') return { kind: 'tooLong' };
  if (!first) return { kind: 'skip', next: start + 1 };
  if (!isCount(text, start, index, first, before !== null || approximatelyBefore !== null)) {
    return { kind: 'skip', next: first.end };
  }

  const notes: string[] = [];
  let assumed = first.rounded;
  if (first.note) notes.push(first.note);
  index = first.end;

  let atLeast = false;
  const markerBeforeUnit = matchWordAt(text, index, AT_LEAST_MARKERS);
  if (markerBeforeUnit) {
    atLeast = true;
    index += markerBeforeUnit.length;
  }
  let unit = first.percent ? '%' : readUnit(text, index);
  if (unit && !first.percent) index += unit.length;
  const markerAfterUnit = atLeast ? null : matchWordAt(text, index, AT_LEAST_MARKERS_AFTER_UNIT);
  if (markerAfterUnit) {
    atLeast = true;
    index += markerAfterUnit.length;
  }
  const atLeastWord = markerBeforeUnit ?? markerAfterUnit;
  if (atLeastWord) notes.push(`“${atLeastWord}”表示约数，至少为该数`);

  let value = negative ? -first.value : first.value;
  let upper: Micros | null = null;
  const range = atLeast ? null : readRangeEnd(text, index, unit);
  if (range === 'tooLong') return { kind: 'tooLong' };
  if (range) {
    index = range.end;
    unit = range.unit;
    upper = range.value;
    if (range.note) notes.push(range.note);
    assumed = assumed || range.assumed;
    if (upper < value) {
      [value, upper] = [upper, value];
      notes.push('上下限写反了，已按从小到大读');
      assumed = true;
    }
  }
  if (unit === '年' && isYearSpan(value, upper)) return { kind: 'skip', next: index };

  // "90%以上（含）" and "90%（含）以上" say the same.
  const strictnessFirst = upper === null ? readInclusiveMark(text, index) : null;
  if (strictnessFirst) index = strictnessFirst.end;
  const after = upper === null ? matchWordAt(text, index, COMPARATOR_SUFFIXES) : null;
  if (after) {
    index += after.word.length;
    notes.push(...comparatorNote(after));
  }
  let { comparator, conflict } = combineComparators(before, after);
  const strictness = strictnessFirst ?? readInclusiveMark(text, index);
  if (strictness) {
    if (strictness !== strictnessFirst) index = strictness.end;
    if (strictness.exclusive && comparator === 'GTE') comparator = 'GT';
    if (strictness.exclusive && comparator === 'LTE') comparator = 'LT';
    notes.push(strictness.exclusive ? '“(不含)”表示不含本数' : '“(含)”表示含本数');
  }
  const approximatelyAfter = matchWordAt(text, index, APPROXIMATE_SUFFIXES);
  if (approximatelyAfter) index += approximatelyAfter.length;
  const approximateWord = approximatelyBefore ?? approximatelyAfter;
  if (approximateWord) notes.push(`“${approximateWord}”表示约数`);

  if (upper !== null && before && !RANGE_PREFIX_WORDS.has(before.word)) {
    conflict = `“${before.word}”与区间`;
  }
  if (upper !== null) comparator = null;
  else if (before) notes.unshift(...comparatorNote(before));

  const mention: Mention = {
    start,
    end: index,
    value,
    upper,
    unit,
    comparator,
    atLeast,
    approximate: atLeast || approximateWord !== null,
    notes,
    assumed,
    conflict,
  };
  const bare = unit === null && comparator === null && upper === null && !mention.approximate && !before && !after;
  if (!bare) return { kind: 'mention', mention };
  // A Chinese numeral with nothing around it is a word (一流, 进一步), not a number.
  return first.chinese ? { kind: 'skip', next: first.end } : { kind: 'bare', mention };
}


/**
 * Not a count: an ordinal (第2期), a number glued to Latin letters (5G, G20), or a Chinese numeral
 * that continues a word (the 二 of 百二十 is read from its start, never the middle).
 */
function isCount(text: string, start: number, numberStart: number, number: NumberRead, introduced: boolean): boolean {
  const previous = text[numberStart - 1];
  const next = text[number.end];
  if (!introduced && previous === '第') return false;
  if (!number.chinese && (isLatin(previous) || isLatin(next))) return false;
  if (number.chinese && numberStart === start && previous !== undefined && CHINESE_NUMERAL_CHAR.test(previous)) return false;
  return true;
}

interface RangeEnd {
  end: number;
  value: Micros;
  unit: string | null;
  note: string | null;
  assumed: boolean;
}

/** "-95%", "～95%", "至95%": the upper bound; a unit written once applies to both ends. */
function readRangeEnd(text: string, index: number, firstUnit: string | null): RangeEnd | null | 'tooLong' {
  const separator = matchWordAt(text, index, RANGE_SEPARATORS);
  if (!separator) return null;
  const second = readNumber(text, index + separator.length);
  if (second === 'tooLong') return 'tooLong';
  if (!second) return null;
  let end = second.end;
  const secondUnit = second.percent ? '%' : readUnit(text, end);
  if (secondUnit && !second.percent) end += secondUnit.length;
  if (firstUnit && secondUnit && firstUnit !== secondUnit) return null;
  const suffix = matchWordAt(text, end, RANGE_SUFFIXES);
  if (suffix) end += suffix.length;
  const assumed = firstUnit !== null && secondUnit === null;
  const notes = [`“${separator}”表示区间`, second.note, assumed ? `后一个数未写单位，按“${firstUnit}”读` : null];
  return {
    end,
    value: second.value,
    unit: firstUnit ?? secondUnit,
    note: notes.filter((note): note is string => note !== null).join('；'),
    assumed: assumed || second.rounded,
  };
}
