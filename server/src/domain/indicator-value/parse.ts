/**
 * Reads a 指标值 (target) or 实际完成值 (actual) as written on a form (DOMAIN.md §4).
 *
 * Pure and total: never throws, keeps the raw text, says how sure it is and, in Chinese, how it read
 * the text, so the editor can show "≥ 12 次" live and the planner can correct it. Numbers are exact
 * bigint micro-units; no float ever holds a value.
 *
 * Order of reading: not-applicable marks → yes/no words → grade words → quantities → text. Only a
 * whole text is a mark, a yes/no or a grade; quantities are found inside text.
 */
import { formatDecimal, type Micros } from '../decimal.js';
import type { Comparator, Confidence, Direction, ParsedValue, Quantity, ValueContext } from './types.js';
import {
  APPROXIMATE_PREFIXES,
  APPROXIMATE_SUFFIXES,
  ARABIC_SCALES,
  AT_LEAST_MARKERS,
  AT_LEAST_MARKERS_AFTER_UNIT,
  ATTACHED_UNITS,
  BOOLEAN_WORDS,
  CHINESE_DIGITS,
  CHINESE_MULTIPLIERS,
  CHINESE_NUMERAL_CHAR,
  CHINESE_NUMERAL_START,
  CHINESE_SECTION_SCALES,
  COMPARATOR_PREFIXES,
  COMPARATOR_SUFFIXES,
  COMPARATOR_SYMBOLS,
  EXCLUSIVE_MARKS,
  FILLER_WORDS,
  GRADE_LABELS,
  GRADE_PREFIXES,
  GRADE_SUFFIXES,
  GRADE_WORDS,
  INCLUSIVE_MARKS,
  LOWER_IS_BETTER_LEVEL1,
  LOWER_IS_BETTER_LEVEL2,
  LOWER_IS_BETTER_NAME_WORDS,
  MONEY_UNIT_FACTORS,
  NEUTRAL_PUNCTUATION,
  NOT_APPLICABLE_PATTERN,
  NOT_APPLICABLE_WORDS,
  NUMERAL_IDIOMS,
  PER_UNITS,
  PERCENT_WORD,
  RANGE_SEPARATORS,
  RANGE_SUFFIXES,
  UNITS,
  matchWordAt,
  normaliseText,
  type ComparatorWord,
} from './vocabulary.js';

/** Longer texts are prose, not a value; reading stops there so absurd inputs stay cheap. */
export const MAX_VALUE_TEXT_LENGTH = 2000;
/**
 * Digits per side of the decimal point. A longer run is a paste error, not a target; the text is
 * then TEXT, which also keeps every bigint small.
 */
export const MAX_DIGITS = 24;
/** Characters in one Chinese numeral ("一百零五" is 4). */
const MAX_CHINESE_NUMERAL = 16;
/**
 * Words (after fillers and punctuation) a single quantity may carry and still be read as that
 * quantity ("满意度达到90%以上", "完成中心组学习任务12次"). More words make it a sentence: TEXT, with the
 * quantity as a hint, because reading a sentence as a number would be a guess.
 */
const MAX_WORDS_AROUND_QUANTITY = 16;

const MICROS_PER_UNIT = 1_000_000n;
const DECIMAL_PLACES = 6;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function parseIndicatorValue(text: string, context: ValueContext = {}): ParsedValue {
  try {
    return readValue(text, context ?? {});
  } catch {
    // Defence in depth: a reader bug must not take down an import; the text is still kept.
    return textResult(text, [], '读取时出错，按文本处理，由评价人员判断');
  }
}

/** The short display form: "≥ 12 次", "≤ 6 万元", "≥ 90%", "90%–95%", "≥ 400 场（约数）". */
export function describeQuantity(q: Quantity): string {
  const approximate = q.approximate ? '（约数）' : '';
  if (q.comparator === 'RANGE') {
    return `${describeRange(q.value, q.upper ?? q.value, q.unit)}${approximate}`;
  }
  return `${COMPARATOR_SYMBOLS[q.comparator]} ${withUnit(formatDecimal(q.value), q.unit)}${approximate}`;
}

/**
 * Converts between 元, 万元 and 亿元 (1 亿元 = 10000 万元 = 10^8 元), exactly, rounding half away from
 * zero to micro-units only when 元 → 万元/亿元 leaves more than 6 decimals. Equal units (or both
 * missing) give the value back; other pairs do not convert (null): 次 vs 场, % vs 次.
 */
export function convertQuantityUnit(value: Micros, from: string | null, to: string | null): Micros | null {
  if (from === to) return value;
  const fromFactor = from === null ? undefined : MONEY_UNIT_FACTORS.get(from);
  const toFactor = to === null ? undefined : MONEY_UNIT_FACTORS.get(to);
  if (fromFactor === undefined || toFactor === undefined) return null;
  return divideRounded(value * fromFactor, toFactor);
}

// ---------------------------------------------------------------------------------------------
// Whole-text readings
// ---------------------------------------------------------------------------------------------

function readValue(raw: string, context: ValueContext): ParsedValue {
  if (typeof raw !== 'string') return textResult(raw, [], '不是文字，按文本处理');
  if (raw.length > MAX_VALUE_TEXT_LENGTH) {
    return textResult(raw, [], `文字过长（超过 ${MAX_VALUE_TEXT_LENGTH} 字），按文本处理，由评价人员判断`);
  }
  const { text: normalised, widthChanged } = normaliseText(raw);
  const clean = trimDecoration(normalised);
  return (
    readNotApplicable(raw, clean) ??
    readBoolean(raw, clean) ??
    readGrade(raw, clean) ??
    readQuantities(raw, clean, widthChanged, context)
  );
}

/** Quotes around a value and the full stop after it say nothing ("按预算经费实施。", "“良好”"). */
function trimDecoration(text: string): string {
  return text.replace(/^["'“”‘’「」『』《》]+/, '').replace(/["'“”‘’「」『』《》。.，,；;、!！\s]+$/, '');
}

function readNotApplicable(raw: string, clean: string): ParsedValue | null {
  if (clean.replace(NEUTRAL_PUNCTUATION, '') === '') {
    return notApplicableResult(raw, 'MEDIUM', '未填写内容，按不适用处理');
  }
  if (NOT_APPLICABLE_WORDS.has(clean) || NOT_APPLICABLE_PATTERN.test(clean)) {
    return notApplicableResult(raw, 'HIGH', `“${shown(raw)}”表示不适用，不参与比较`);
  }
  return null;
}

/** 完成 / 合规 / 是 …, and a word written twice by mistake ("完成完成" in fixture 004). */
function readBoolean(raw: string, clean: string): ParsedValue | null {
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
function readGrade(raw: string, clean: string): ParsedValue | null {
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

// ---------------------------------------------------------------------------------------------
// Quantities in a text
// ---------------------------------------------------------------------------------------------

/** One quantity as written in the text, before the role and the indicator decide its comparator. */
interface Mention {
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
}

interface Scan {
  mentions: Mention[];
  /** Arabic numbers with no unit and no comparator ("100周年"): read only when they are the whole text. */
  bareNumbers: Mention[];
  tooLong: boolean;
}

function readQuantities(raw: string, clean: string, widthChanged: boolean, context: ValueContext): ParsedValue {
  const scan = scanQuantities(clean);
  if (scan.tooLong) {
    return textResult(raw, [], `数字位数过多（超过 ${MAX_DIGITS} 位），按文本处理，由评价人员判断`);
  }
  const conflicting = scan.mentions.find((mention) => mention.conflict !== null);
  if (conflicting) {
    const hints = scan.mentions.filter((m) => m.conflict === null).map((m) => resolveQuantity(m, context).quantity);
    return textResult(raw, hints, `${conflicting.conflict}，比较词前后矛盾，按文本处理，由评价人员判断`);
  }

  if (scan.mentions.length === 0) {
    const [bare] = scan.bareNumbers;
    if (scan.bareNumbers.length === 1 && residualWords(clean, [bare]) === '') {
      return quantityReading(raw, [bare], '', widthChanged, context);
    }
    return textResult(raw, [], '无法识别为数量、是否、等级，按文本处理，由评价人员判断');
  }

  const quantities = scan.mentions.map((mention) => resolveQuantity(mention, context).quantity);
  const residual = residualWords(clean, scan.mentions);
  // Several mentions are several statements ("开展宣讲10次以上，开展督查一次"), unless the text is only the
  // same quantity written again ("12次12次", like fixture 004's "完成完成").
  const repeated = residual === '' && quantities.every((q) => sameQuantity(q, quantities[0]));
  if (quantities.length >= 2 && !repeated) {
    return readBoundsAsRange(raw, scan.mentions, residual, context) ?? severalQuantities(raw, quantities);
  }
  const [quantity] = quantities;
  if (scan.bareNumbers.length > 0) {
    const unread = scan.bareNumbers.map((m) => clean.slice(m.start, m.end)).join('、');
    return textResult(
      raw,
      quantities,
      `读到数量 ${describeQuantity(quantity)}，但还有未写单位的数字（${unread}），按文本处理，由评价人员判断`,
    );
  }
  if ([...residual].length > MAX_WORDS_AROUND_QUANTITY) {
    return textResult(
      raw,
      quantities,
      `文字较多，其中读到数量 ${describeQuantity(quantity)}；按文本处理，由评价人员判断（如指标值就是这个数量，可改写为“${describeQuantity(quantity)}”）`,
    );
  }
  return quantityReading(raw, scan.mentions, residual, widthChanged, context);
}

/** A single quantity, possibly written more than once ("12次12次"). */
function quantityReading(
  raw: string,
  mentions: Mention[],
  residual: string,
  widthChanged: boolean,
  context: ValueContext,
): ParsedValue {
  const [mention] = mentions;
  const { quantity, notes } = resolveQuantity(mention, context);
  const extra: string[] = [];
  let confidence: Confidence = 'HIGH';
  if (mention.assumed) confidence = 'MEDIUM';
  if (quantity.unit === null) {
    confidence = 'MEDIUM';
    extra.push('未写单位');
  }
  if (residual !== '') {
    confidence = 'MEDIUM';
    extra.push(`略过了“${residual}”等文字`);
  }
  if (mentions.length > 1) {
    confidence = 'MEDIUM';
    extra.push(`同一数量写了 ${mentions.length} 遍`);
  }
  if (widthChanged) extra.push('全角符号按半角读');
  return {
    ...emptyResult(raw),
    kind: 'QUANTITY',
    quantity,
    confidence,
    explanation: readAs(quantity, [...notes, ...extra]),
  };
}

/** "不低于90%，不超过95%": a lower and an upper bound in the same unit are one range. */
function readBoundsAsRange(
  raw: string,
  mentions: Mention[],
  residual: string,
  context: ValueContext,
): ParsedValue | null {
  if (mentions.length !== 2 || residual !== '') return null;
  const [first, second] = mentions;
  const lower = first.comparator === 'GTE' ? first : second.comparator === 'GTE' ? second : null;
  const upper = first.comparator === 'LTE' ? first : second.comparator === 'LTE' ? second : null;
  if (!lower || !upper || lower.upper !== null || upper.upper !== null) return null;
  if (lower.unit !== upper.unit || lower.value > upper.value) return null;
  const quantity: Quantity = {
    comparator: 'RANGE',
    value: lower.value,
    upper: upper.value,
    unit: lower.unit,
    approximate: lower.approximate || upper.approximate,
    direction: contextDirection(context).direction,
  };
  return {
    ...emptyResult(raw),
    kind: 'QUANTITY',
    quantity,
    confidence: 'MEDIUM',
    explanation: readAs(quantity, ['下限和上限合读为一个区间']),
  };
}

function severalQuantities(raw: string, quantities: Quantity[]): ParsedValue {
  const listed = quantities.map(describeQuantity).join('；');
  return textResult(
    raw,
    quantities,
    `含 ${quantities.length} 个数量（${listed}），建议拆分为多个指标，每个指标一个数量；按文本处理，由评价人员判断`,
  );
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return (
    a.comparator === b.comparator &&
    a.value === b.value &&
    a.upper === b.upper &&
    a.unit === b.unit &&
    a.approximate === b.approximate
  );
}

/** What the text says besides its quantities, without punctuation and words that add nothing. */
function residualWords(text: string, mentions: Mention[]): string {
  let rest = '';
  let cursor = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    rest += `${text.slice(cursor, mention.start)} `;
    cursor = mention.end;
  }
  rest += text.slice(cursor);
  for (const filler of FILLER_WORDS) rest = rest.split(filler).join(' ');
  return rest.replace(NEUTRAL_PUNCTUATION, '');
}

// ---------------------------------------------------------------------------------------------
// Comparator and direction
// ---------------------------------------------------------------------------------------------

interface ContextDirection {
  direction: Direction;
  /** Why lower is better, when it is ("成本指标", "指标名称含“不超过”"). */
  reason: string | null;
}

/** DOMAIN.md §4: lower-is-better for 成本 indicators and names that state a limit. */
function contextDirection(context: ValueContext): ContextDirection {
  if (context.level1 && LOWER_IS_BETTER_LEVEL1.has(context.level1)) return lower('成本指标');
  if (context.level2 && LOWER_IS_BETTER_LEVEL2.has(context.level2)) return lower('成本指标');
  const word = LOWER_IS_BETTER_NAME_WORDS.find((candidate) => context.name?.includes(candidate));
  if (word) return lower(`指标名称含“${word}”`);
  return { direction: 'HIGHER_IS_BETTER', reason: null };
}

function lower(reason: string): ContextDirection {
  return { direction: 'LOWER_IS_BETTER', reason };
}

/**
 * The comparator: written words win; 余/多/+ mean ≥; otherwise an actual is what happened (=) and a
 * target is a bound on the good side (≥ when higher is better, ≤ when lower is better).
 * Direction: an explicit ≥/> says higher is better and ≤/< lower, even against the indicator's
 * category (the words are the more specific statement); otherwise the indicator decides.
 */
function resolveQuantity(mention: Mention, context: ValueContext): { quantity: Quantity; notes: string[] } {
  const fromContext = contextDirection(context);
  const side: Side =
    mention.upper !== null
      ? { comparator: 'RANGE', direction: fromContext.direction, notes: [] }
      : mention.comparator !== null
        ? writtenSide(mention.comparator, fromContext)
        : mention.atLeast
          ? { comparator: 'GTE', direction: 'HIGHER_IS_BETTER', notes: [] }
          : defaultSide(mention, context.role ?? 'TARGET', fromContext);
  const quantity: Quantity = {
    comparator: side.comparator,
    value: mention.value,
    upper: side.comparator === 'RANGE' ? mention.upper : null,
    unit: mention.unit,
    approximate: mention.approximate,
    direction: side.direction,
  };
  return { quantity, notes: [...mention.notes, ...side.notes] };
}

interface Side {
  comparator: Comparator;
  direction: Direction;
  notes: string[];
}

function writtenSide(comparator: Comparator, fromContext: ContextDirection): Side {
  const written = directionOf(comparator);
  if (!written) return { comparator, direction: fromContext.direction, notes: [] };
  const overridden = fromContext.reason !== null && written !== fromContext.direction;
  return { comparator, direction: written, notes: overridden ? [`${fromContext.reason}，但比较词优先`] : [] };
}

function defaultSide(mention: Mention, role: 'TARGET' | 'ACTUAL', fromContext: ContextDirection): Side {
  if (role === 'ACTUAL') {
    return { comparator: 'EQ', direction: fromContext.direction, notes: ['实际完成值按实际数读'] };
  }
  if (mention.value === 0n) {
    // "0次" (事故, 投诉) is a ceiling: ≥ 0 would promise nothing.
    return { comparator: 'LTE', direction: 'LOWER_IS_BETTER', notes: ['目标为 0，读作不超过 0'] };
  }
  if (fromContext.direction === 'LOWER_IS_BETTER') {
    return { comparator: 'LTE', direction: 'LOWER_IS_BETTER', notes: [`${fromContext.reason}，越低越好，目标值读作上限`] };
  }
  const notes = ['目标值未写比较词，按“越高越好”读作下限'];
  // DOMAIN.md §4: "100%" → GTE 100 %, which is EQ at the top of the scale.
  if (mention.unit === '%' && mention.value === 100n * MICROS_PER_UNIT) notes.push('100% 已是满额，即须全部达成');
  return { comparator: 'GTE', direction: 'HIGHER_IS_BETTER', notes };
}

function directionOf(comparator: Comparator): Direction | null {
  if (comparator === 'GTE' || comparator === 'GT') return 'HIGHER_IS_BETTER';
  if (comparator === 'LTE' || comparator === 'LT') return 'LOWER_IS_BETTER';
  return null;
}

/** Lower-bound words and upper-bound words cannot describe the same number. */
function combineComparators(
  before: ComparatorWord | null,
  after: ComparatorWord | null,
): { comparator: Comparator | null; conflict: string | null } {
  if (!before || !after) return { comparator: (before ?? after)?.comparator ?? null, conflict: null };
  const sideBefore = directionOf(before.comparator);
  const sideAfter = directionOf(after.comparator);
  if (sideBefore && sideAfter && sideBefore !== sideAfter) {
    return { comparator: null, conflict: `“${before.word}”与“${after.word}”` };
  }
  // Same side ("达到90%以上", "控制在6万元以内"): the word before the number is the more precise one.
  return { comparator: before.comparator === 'EQ' ? after.comparator : before.comparator, conflict: null };
}

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------

type Step =
  | { kind: 'mention'; mention: Mention }
  | { kind: 'bare'; mention: Mention }
  | { kind: 'skip'; next: number }
  | { kind: 'tooLong' };

function scanQuantities(text: string): Scan {
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

/** "控制在90%-95%", "达到90%-95%": words that introduce a range without contradicting it. */
const RANGE_PREFIX_WORDS: ReadonlySet<string> = new Set(['控制在', '达到', '达', '=', '==', '等于']);

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

function comparatorNote(word: ComparatorWord): string[] {
  if (!/[\u4e00-\u9fff]/.test(word.word)) return [];
  const meaning: Record<Comparator, string> = {
    GTE: '下限',
    GT: '下限，不含本数',
    LTE: '上限',
    LT: '上限，不含本数',
    EQ: '等于',
    RANGE: '区间',
  };
  return [`“${word.word}”表示${meaning[word.comparator]}`];
}

function readInclusiveMark(text: string, index: number): { end: number; exclusive: boolean } | null {
  const inclusive = matchWordAt(text, index, INCLUSIVE_MARKS);
  if (inclusive) return { end: index + inclusive.length, exclusive: false };
  const exclusive = matchWordAt(text, index, EXCLUSIVE_MARKS);
  if (exclusive) return { end: index + exclusive.length, exclusive: true };
  return null;
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

function isYearSpan(value: Micros, upper: Micros | null): boolean {
  const isYear = (v: Micros) =>
    v % MICROS_PER_UNIT === 0n && v >= 1900n * MICROS_PER_UNIT && v <= 2100n * MICROS_PER_UNIT;
  return isYear(value) && (upper === null || isYear(upper));
}

function readUnit(text: string, index: number): string | null {
  const unit = matchWordAt(text, index, UNITS);
  if (!unit) return null;
  const next = index + unit.length;
  if (unit === '分' && text[next] === '之') return null; // 三分之一 is a fraction
  if (text[next] === '/') {
    const per = matchWordAt(text, next + 1, PER_UNITS);
    if (per) return `${unit}/${per}`;
  }
  return unit;
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

interface NumberRead {
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

function readNumber(text: string, index: number): NumberRead | null | 'tooLong' {
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
function startsMoneyUnit(text: string, index: number): boolean {
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

// ---------------------------------------------------------------------------------------------
// Results and display
// ---------------------------------------------------------------------------------------------

function emptyResult(raw: string): ParsedValue {
  return { raw, kind: 'TEXT', quantity: null, boolean: null, grade: null, hints: [], confidence: 'LOW', explanation: '' };
}

function textResult(raw: string, hints: Quantity[], explanation: string): ParsedValue {
  return { ...emptyResult(raw), hints, explanation };
}

function notApplicableResult(raw: string, confidence: Confidence, explanation: string): ParsedValue {
  return { ...emptyResult(raw), kind: 'NOT_APPLICABLE', confidence, explanation };
}

function booleanResult(raw: string, value: boolean, confidence: Confidence, explanation: string): ParsedValue {
  return { ...emptyResult(raw), kind: 'BOOLEAN', boolean: value, confidence, explanation };
}

function readAs(quantity: Quantity, notes: string[]): string {
  const reasons = notes.filter((note) => note !== '');
  return `读作：${describeQuantity(quantity)}${reasons.length > 0 ? `（${reasons.join('；')}）` : ''}`;
}

function describeRange(lower: Micros, upper: Micros, unit: string | null): string {
  if (unit !== null && ATTACHED_UNITS.has(unit)) return `${formatDecimal(lower)}${unit}–${formatDecimal(upper)}${unit}`;
  return withUnit(`${formatDecimal(lower)}–${formatDecimal(upper)}`, unit);
}

function withUnit(number: string, unit: string | null): string {
  if (unit === null) return number;
  return ATTACHED_UNITS.has(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

function shown(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

/** Rounds numerator / denominator (denominator > 0) half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return numerator < 0n ? -quotient : quotient;
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

function isLatin(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z]/.test(character);
}
