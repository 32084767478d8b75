/**
 * Numbers as forms write them (DOMAIN.md §4): Arabic digits with decimals and 万/亿 scales ("1.3万"),
 * Chinese numerals ("十二", "一百零五", "两万"), "百分之九十". Read straight into bigint micro-units.
 */
import { formatDecimal, type Micros } from '../decimal.js';
import {
  ARABIC_SCALES,
  CHINESE_DIGITS,
  CHINESE_MULTIPLIERS,
  CHINESE_NUMERAL_CHAR,
  CHINESE_NUMERAL_START,
  CHINESE_SECTION_SCALES,
  PERCENT_WORD,
} from './vocabulary.js';

/**
 * Digits per side of the decimal point. A longer run is a paste error, not a target; the text is
 * then TEXT, which also keeps every bigint small.
 */
export const MAX_DIGITS = 24;
/** Characters in one Chinese numeral ("一百零五" is 4). */
const MAX_CHINESE_NUMERAL = 16;

export const MICROS_PER_UNIT = 1_000_000n;
export const DECIMAL_PLACES = 6;

export interface NumberRead {
  value: Micros;
  end: number;
  chinese: boolean;
  /** "百分之九十": the unit is %. */
  percent: boolean;
  /** More than 6 decimals, rounded half away from zero to micro-units. */
  rounded: boolean;
  /** How a numeral or scale was read ("“十二”读作 12"). */
  note: string | null;
}

export function readNumber(text: string, index: number): NumberRead | null | 'tooLong' {
  if (text.startsWith(PERCENT_WORD, index)) return readPercentWord(text, index);
  if (isDigit(text[index])) return readArabic(text, index);
  if (CHINESE_NUMERAL_START.test(text[index] ?? '')) return readChinese(text, index);
  return null;
}

function readPercentWord(text: string, index: number): NumberRead | null | 'tooLong' {
  const start = index + PERCENT_WORD.length;
  const hundred = text[start] === '百' && !CHINESE_NUMERAL_CHAR.test(text[start + 1] ?? '');
  const number = hundred
    ? { value: 100n * MICROS_PER_UNIT, end: start + 1, chinese: true, percent: true, rounded: false, note: null }
    : isDigit(text[start])
      ? readArabic(text, start)
      : CHINESE_NUMERAL_START.test(text[start] ?? '')
        ? readChinese(text, start)
        : null;
  if (number === null || number === 'tooLong') return number;
  const written = text.slice(index, number.end);
  return { ...number, percent: true, note: `“${written}”读作 ${formatDecimal(number.value)}%` };
}

/**
 * Digits are read straight into micro-units. More than 6 decimals are rounded half away from zero
 * to 6 and the reading drops to MEDIUM (a target is never that precise, but it is still a number).
 * Scale characters follow: "1.3万" = 13000, "110万" = 1100000, "3千" = 3000, "1万2千" = 12000; never
 * the 万/亿 of the money units 万元/亿元 ("6万元" is 6 in 万元).
 */
function readArabic(text: string, index: number): NumberRead | 'tooLong' {
  const first = readArabicSegment(text, index);
  if (first === 'tooLong') return 'tooLong';
  let end = first.end;
  let exact = { numerator: first.numerator, denominator: first.denominator };
  let lastScale = first.scale;
  while (lastScale > 1n && isDigit(text[end])) {
    const next = readArabicSegment(text, end, lastScale > 10_000n);
    if (next === 'tooLong') return 'tooLong';
    if (next.scale <= 1n || next.scale >= lastScale || next.places > 0) break;
    exact = {
      numerator: exact.numerator * next.denominator + next.numerator * exact.denominator,
      denominator: exact.denominator * next.denominator,
    };
    end = next.end;
    lastScale = next.scale;
  }
  const value = divideRounded(exact.numerator * MICROS_PER_UNIT, exact.denominator);
  const rounded = value * exact.denominator !== exact.numerator * MICROS_PER_UNIT;
  const written = text.slice(index, end);
  const scaled = first.scale > 1n ? `“${written}”读作 ${formatDecimal(value)}` : null;
  const note = [scaled, rounded ? `小数超过 ${DECIMAL_PLACES} 位，已四舍五入到 ${DECIMAL_PLACES} 位` : null]
    .filter((part): part is string => part !== null)
    .join('；');
  return { value, end, chinese: false, percent: false, rounded, note: note || null };
}

interface ArabicSegment {
  end: number;
  scale: bigint;
  places: number;
  numerator: bigint;
  denominator: bigint;
}

function readArabicSegment(text: string, index: number, afterYi = false): ArabicSegment | 'tooLong' {
  let end = index;
  while (isDigit(text[end])) end += 1;
  const whole = text.slice(index, end);
  let fraction = '';
  if (text[end] === '.' && isDigit(text[end + 1])) {
    let fractionEnd = end + 1;
    while (isDigit(text[fractionEnd])) fractionEnd += 1;
    fraction = text.slice(end + 1, fractionEnd);
    end = fractionEnd;
  }
  if (whole.length > MAX_DIGITS || fraction.length > MAX_DIGITS) return 'tooLong';
  let scale = 1n;
  for (let count = 0; count < 3; count += 1) {
    const character = text[end] ?? '';
    const factor = ARABIC_SCALES.get(character);
    if (factor === undefined || (!afterYi && startsMoneyUnit(text, end))) break;
    scale *= factor;
    end += 1;
  }
  const numerator = BigInt(whole + fraction) * scale;
  const denominator = 10n ** BigInt(fraction.length);
  return { end, scale, places: fraction.length, numerator, denominator };
}

/**
 * 万元 and 亿元 are units, not scales (DOMAIN.md §4), except after a 亿 in the same number: in
 * "1亿2千万元" the 万 is positional, and the unit is 元.
 */
export function startsMoneyUnit(text: string, index: number): boolean {
  return (text[index] === '万' || text[index] === '亿') && text[index + 1] === '元';
}

/**
 * Chinese numerals: "十二" = 12, "一百零五" = 105, "两万" = 20000, "一万二千" = 12000; a run of digits
 * with a zero or of year length ("二〇二一") reads digit by digit. Two digits side by side otherwise
 * ("三四次" = three or four times) are not one number.
 */
function readChinese(text: string, index: number): NumberRead | null | 'tooLong' {
  let end = index;
  let afterYi = false;
  while (end < text.length && CHINESE_NUMERAL_CHAR.test(text[end]) && (afterYi || !startsMoneyUnit(text, end))) {
    afterYi = afterYi || text[end] === '亿';
    end += 1;
    if (end - index > MAX_CHINESE_NUMERAL) return 'tooLong';
  }
  const written = text.slice(index, end);
  const integer = chineseDigitSequence(written) ?? chineseNumeralValue(written);
  if (integer === null) return null;
  const value = integer * MICROS_PER_UNIT;
  const note = `“${written}”读作 ${formatDecimal(value)}`;
  return { value, end, chinese: true, percent: false, rounded: false, note };
}

function chineseDigitSequence(written: string): bigint | null {
  if (written.length < 2 || ![...written].every((ch) => CHINESE_DIGITS.has(ch))) return null;
  if (written.length < 4 && !/[零〇]/.test(written)) return null;
  return [...written].reduce((total, ch) => total * 10n + (CHINESE_DIGITS.get(ch) ?? 0n), 0n);
}

function chineseNumeralValue(written: string): bigint | null {
  let total = 0n; // completed 亿 groups
  let tenThousands = 0n; // completed 万 group within the current 亿 group
  let section = 0n; // below 万
  let digit: bigint | null = null;
  let previousWasDigit = false;
  for (const ch of written) {
    const digitValue = CHINESE_DIGITS.get(ch);
    if (digitValue !== undefined) {
      if (previousWasDigit && digit !== 0n) return null;
      digit = digitValue;
      previousWasDigit = true;
      continue;
    }
    previousWasDigit = false;
    const multiplier = CHINESE_MULTIPLIERS.get(ch);
    if (multiplier !== undefined) {
      section += (digit === null || digit === 0n ? 1n : digit) * multiplier;
      digit = null;
      continue;
    }
    const scale = CHINESE_SECTION_SCALES.get(ch);
    if (scale === undefined) return null;
    const group = section + (digit ?? 0n);
    if (scale === 10_000n) {
      tenThousands += (group === 0n ? 1n : group) * scale;
    } else {
      total = (total + tenThousands + (group === 0n ? 1n : group)) * scale;
      tenThousands = 0n;
    }
    section = 0n;
    digit = null;
  }
  return total + tenThousands + section + (digit ?? 0n);
}

/** Rounds numerator / denominator (denominator > 0) half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return numerator < 0n ? -quotient : quotient;
}

export function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

export function isLatin(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z]/.test(character);
}
