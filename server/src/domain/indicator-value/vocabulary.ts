/**
 * The words a 指标值 / 实际完成值 is written with (DOMAIN.md §4): comparators, units, numerals, grades,
 * yes/no words and "not applicable" marks, and the normalisation that makes full-width forms ordinary.
 */
import type { Comparator, Grade } from './types.js';
import type { Level1, Level2 } from '../indicator-hierarchy.js';

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/** Chinese clause punctuation stays as written: it separates clauses, it is not a number part. */
const KEEP_FULL_WIDTH = new Set(['，', '；', '：', '！', '？']);

const SYMBOL_EQUIVALENTS: ReadonlyMap<string, string> = new Map<string, string>([
  ['\u3000', ' '], // ideographic space
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≦', '≤'],
  ['⩽', '≤'],
  // Dashes: "——" is a not-applicable mark and "90%—95%" a range; both read through "-".
  ['—', '-'],
  ['–', '-'],
  ['―', '-'],
  ['‐', '-'],
  ['‑', '-'],
  ['−', '-'],
  ['﹣', '-'],
  ['〜', '~'],
  ['∼', '~'],
  ['．', '.'],
]);

const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u2060\uFEFF]/g;

export interface NormalisedText {
  text: string;
  /** Full-width or look-alike symbols were rewritten (reported in the explanation). */
  widthChanged: boolean;
}

/**
 * Full-width forms (％ ＞ ＜ ＝ ～ ０-９ ．) are the ordinary way forms are typed (DOMAIN.md §4): they read as
 * their half-width forms. Invisible control characters are dropped, spaces collapse (kept only
 * between two ASCII letters or digits, so "10 20" stays two numbers), and "1,000" loses its
 * thousands separator.
 */
export function normaliseText(text: string): NormalisedText {
  let widthChanged = false;
  let out = '';
  for (const ch of text.replace(INVISIBLE, '')) {
    const mapped = mapCharacter(ch);
    if (mapped !== ch && mapped !== ' ') widthChanged = true;
    out += mapped;
  }
  const collapsed = out
    .replace(/\s+/g, ' ')
    .replace(/ (?![0-9A-Za-z])|(?<![0-9A-Za-z]) /g, '')
    .trim();
  return { text: collapsed.replace(/(\d),(?=\d{3}(?!\d))/g, '$1'), widthChanged };
}

function mapCharacter(ch: string): string {
  const equivalent = SYMBOL_EQUIVALENTS.get(ch);
  if (equivalent !== undefined) return equivalent;
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e && !KEEP_FULL_WIDTH.has(ch)) {
    return String.fromCharCode(code - 0xfee0);
  }
  return /\s/.test(ch) ? ' ' : ch;
}

/** Punctuation that carries no meaning around a value ("95%。", "“良好”"). */
export const NEUTRAL_PUNCTUATION = /[，,。.；;：:、!！?？"'“”‘’《》〈〉「」『』【】()[\]{}\s]/g;

// ---------------------------------------------------------------------------------------------
// Comparators
// ---------------------------------------------------------------------------------------------

export interface ComparatorWord {
  word: string;
  comparator: Comparator;
}

/** Written before the number ("不少于12次"). Longest first, so 不少于 wins over 少于. */
export const COMPARATOR_PREFIXES: readonly ComparatorWord[] = sortLongestFirst([
  { word: '≥', comparator: 'GTE' },
  { word: '>=', comparator: 'GTE' },
  { word: '不少于', comparator: 'GTE' },
  { word: '不低于', comparator: 'GTE' },
  { word: '不小于', comparator: 'GTE' },
  { word: '大于等于', comparator: 'GTE' },
  { word: '大于或等于', comparator: 'GTE' },
  { word: '至少', comparator: 'GTE' },
  { word: '最少', comparator: 'GTE' },
  { word: '达到', comparator: 'GTE' },
  { word: '达', comparator: 'GTE' },
  { word: '≤', comparator: 'LTE' },
  { word: '<=', comparator: 'LTE' },
  { word: '不超过', comparator: 'LTE' },
  { word: '不高于', comparator: 'LTE' },
  { word: '不大于', comparator: 'LTE' },
  { word: '不多于', comparator: 'LTE' },
  { word: '小于等于', comparator: 'LTE' },
  { word: '小于或等于', comparator: 'LTE' },
  { word: '控制在', comparator: 'LTE' },
  { word: '最多', comparator: 'LTE' },
  { word: '至多', comparator: 'LTE' },
  { word: '>', comparator: 'GT' },
  { word: '超过', comparator: 'GT' },
  { word: '高于', comparator: 'GT' },
  { word: '大于', comparator: 'GT' },
  { word: '多于', comparator: 'GT' },
  { word: '超', comparator: 'GT' },
  { word: '<', comparator: 'LT' },
  { word: '低于', comparator: 'LT' },
  { word: '少于', comparator: 'LT' },
  { word: '小于', comparator: 'LT' },
  { word: '不足', comparator: 'LT' },
  { word: '==', comparator: 'EQ' },
  { word: '=', comparator: 'EQ' },
  { word: '等于', comparator: 'EQ' },
]);

/** Written after the number and unit ("10次以上", "6万元以下", "3天内"). */
export const COMPARATOR_SUFFIXES: readonly ComparatorWord[] = sortLongestFirst([
  { word: '以上', comparator: 'GTE' },
  { word: '及以上', comparator: 'GTE' },
  { word: '或以上', comparator: 'GTE' },
  { word: '为下限', comparator: 'GTE' },
  { word: '以下', comparator: 'LTE' },
  { word: '及以下', comparator: 'LTE' },
  { word: '或以下', comparator: 'LTE' },
  { word: '以内', comparator: 'LTE' },
  { word: '之内', comparator: 'LTE' },
  { word: '内', comparator: 'LTE' },
  { word: '为上限', comparator: 'LTE' },
]);

/** "90%以上（含）" keeps the bound; "（不含）" makes it strict. Parentheses are half-width by now. */
export const INCLUSIVE_MARKS: readonly string[] = ['(含)', '(含本数)'];
export const EXCLUSIVE_MARKS: readonly string[] = ['(不含)', '(不含本数)'];

/** "90%-95%", "90～95%", "90%至95%", "90%~95%" (full-width forms are half-width by now). */
export const RANGE_SEPARATORS: readonly string[] = ['-', '~', '至', '到'];
export const RANGE_SUFFIXES: readonly string[] = ['之间'];

/**
 * "400余场", "1.3万多名", "110万+": more than the number, approximately (≥, approximate). 余/多 only
 * stand between the number and its unit ("12次多种形式" is not "12次多"); "+" may follow the unit.
 */
export const AT_LEAST_MARKERS: readonly string[] = ['余', '多', '+'];
export const AT_LEAST_MARKERS_AFTER_UNIT: readonly string[] = ['+'];
/** "约400场", "400场左右": approximately, with no side. */
export const APPROXIMATE_PREFIXES: readonly string[] = sortLongestFirst(['约', '大约', '约为', '大概']);
export const APPROXIMATE_SUFFIXES: readonly string[] = ['左右', '上下'];

export const COMPARATOR_SYMBOLS: Record<Exclude<Comparator, 'RANGE'>, string> = {
  GTE: '≥',
  GT: '>',
  LTE: '≤',
  LT: '<',
  EQ: '=',
};

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

/**
 * DOMAIN.md §4's units, plus a few forms write as often: 个月 and 个工作日 (so "6个月" is not 6 个 and a
 * stray 月), 日 and 工作日 ("5个工作日内", "30日内"), 条次 ("400余条次" in fixture 004's evidence), 起
 * ("安全事故0起") and ‰. Longest first: 篇次 before 篇, 人次 before 人, 万元 before 元.
 */
export const UNITS: readonly string[] = sortLongestFirst([
  '%', '‰', '次', '篇', '篇次', '场', '场次', '个', '个月', '项', '人', '名', '人次', '天', '日', '工作日', '个工作日',
  '期', '条', '条次', '件', '户', '支', '册', '份', '家', '所', '站', '起', '小时', '年', '月', '万元', '元', '亿元', '分',
]);

/** Units written against the number ("90%"); the others follow a space ("12 次"). */
export const ATTACHED_UNITS: ReadonlySet<string> = new Set(['%', '‰']);

/** Units that may follow "/" to make a rate: "500元/人", "1次/月". */
export const PER_UNITS: readonly string[] = sortLongestFirst([
  '人次', '人', '次', '年', '季度', '季', '月', '周', '天', '日', '户', '个', '件', '项', '场', '期', '家', '所',
]);

/** 1 亿元 = 10000 万元 = 10^8 元 (DOMAIN.md §4, §8): the only units that convert. */
export const MONEY_UNIT_FACTORS: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['元', 1n],
  ['万元', 10_000n],
  ['亿元', 100_000_000n],
]);

// ---------------------------------------------------------------------------------------------
// Numerals
// ---------------------------------------------------------------------------------------------

export const CHINESE_DIGITS: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['零', 0n],
  ['〇', 0n],
  ['一', 1n],
  ['二', 2n],
  ['两', 2n],
  ['三', 3n],
  ['四', 4n],
  ['五', 5n],
  ['六', 6n],
  ['七', 7n],
  ['八', 8n],
  ['九', 9n],
]);

/** 十 百 千 multiply inside a section; 万 亿 close a section. */
export const CHINESE_MULTIPLIERS: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['十', 10n],
  ['百', 100n],
  ['千', 1_000n],
]);
export const CHINESE_SECTION_SCALES: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['万', 10_000n],
  ['亿', 100_000_000n],
]);

/** "1.3万", "3千", "5百万元": scale characters written after Arabic digits. */
export const ARABIC_SCALES: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['百', 100n],
  ['千', 1_000n],
  ['万', 10_000n],
  ['亿', 100_000_000n],
]);

/**
 * A Chinese numeral starts with a digit or 十: bare 百/千/万 start words (百年党史, 千家万户, 万人空巷),
 * not counts.
 */
export const CHINESE_NUMERAL_START = /[零〇一二两三四五六七八九十]/;
export const CHINESE_NUMERAL_CHAR = /[零〇一二两三四五六七八九十百千万亿]/;

/** "百分之九十" is 90 %. */
export const PERCENT_WORD = '百分之';

/** Words where a numeral and a unit character meet without counting anything. */
export const NUMERAL_IDIOMS: readonly string[] = [
  '一次性', '一站式', '一条龙', '一件事', '一把手', '一起', '十分', '一分钱', '万分',
];

// ---------------------------------------------------------------------------------------------
// Whole-text words
// ---------------------------------------------------------------------------------------------

/** DOMAIN.md §4 BOOLEAN words, with their everyday variants. */
export const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ['完成', true],
  ['已完成', true],
  ['全部完成', true],
  ['按时完成', true],
  ['按期完成', true],
  ['合规', true],
  ['达标', true],
  ['已达标', true],
  ['是', true],
  ['符合', true],
  ['未完成', false],
  ['没有完成', false],
  ['未按时完成', false],
  ['不合规', false],
  ['否', false],
  ['未达标', false],
  ['不达标', false],
  ['不符合', false],
]);

/** DOMAIN.md §4: 优/优秀 > 良/良好/较好 > 中/合格/一般 > 差/较差 (same words as ../grade.ts readStatedGrade). */
export const GRADE_WORDS: ReadonlyMap<string, Grade> = new Map<string, Grade>([
  ['优', 'EXCELLENT'],
  ['优秀', 'EXCELLENT'],
  ['良', 'GOOD'],
  ['良好', 'GOOD'],
  ['较好', 'GOOD'],
  ['优良', 'GOOD'],
  ['中', 'FAIR'],
  ['中等', 'FAIR'],
  ['合格', 'FAIR'],
  ['一般', 'FAIR'],
  ['差', 'POOR'],
  ['较差', 'POOR'],
  ['不合格', 'POOR'],
]);

export const GRADE_LABELS: Record<Grade, string> = { EXCELLENT: '优', GOOD: '良', FAIR: '中', POOR: '差' };

/** "良好等次", "优秀等级", "良好及以上": the grade word with the words forms put around it. */
export const GRADE_SUFFIXES: readonly string[] = sortLongestFirst(['等次', '等级', '级', '等', '及以上', '以上']);
/** "达到良好", "≥良好": a target grade is a floor anyway; these words only say so. */
export const GRADE_PREFIXES: readonly string[] = sortLongestFirst(['达到', '≥', '>=', '不低于', '至少']);

/** DOMAIN.md §4 NOT_APPLICABLE marks (after normalisation: "—" and "——" are "-" and "--"). */
export const NOT_APPLICABLE_WORDS: ReadonlySet<string> = new Set([
  '/', '//', '\\', '-', '--', '---', '无', '暂无', '不适用', '不涉及', '无此项', 'N/A', 'n/a', 'NA', '无直接经济效益',
]);

/** 无直接经济效益 and its siblings (无直接社会效益, 无直接生态效益, 无直接效益). */
export const NOT_APPLICABLE_PATTERN = /^无直接.{0,4}(效益|影响)$/;

/** Words that say nothing beyond the number: "完成12次", "100%完成", "全年共计12次". */
export const FILLER_WORDS: readonly string[] = sortLongestFirst([
  '已完成', '完成', '实现', '共计', '累计', '合计', '总计', '共', '全年', '且', '并且', '和',
]);

/**
 * DOMAIN.md §4: an indicator about cost or a limit reads lower-is-better (成本, 不超过, 控制在, 以内).
 * The rates listed are ones no evaluator reads the other way (差错率, 投诉率, …).
 */
export const LOWER_IS_BETTER_NAME_WORDS: readonly string[] = [
  '成本', '不超过', '不高于', '控制在', '以内', '差错率', '投诉率', '事故率', '超支率', '违规率', '失误率',
];
export const LOWER_IS_BETTER_LEVEL1: ReadonlySet<Level1> = new Set<Level1>(['COST']);
export const LOWER_IS_BETTER_LEVEL2: ReadonlySet<Level2> = new Set<Level2>([
  'OUTPUT_COST', 'ECONOMIC_COST', 'SOCIAL_COST', 'ECOLOGICAL_COST',
]);

// ---------------------------------------------------------------------------------------------

/** The longest of `words` written at `index` of `text`, or null. `words` must be longest first. */
export function matchWordAt<T extends string | { word: string }>(text: string, index: number, words: readonly T[]): T | null {
  for (const entry of words) {
    const word = typeof entry === 'string' ? entry : entry.word;
    if (text.startsWith(word, index)) return entry;
  }
  return null;
}

function sortLongestFirst<T extends string | { word: string }>(words: T[]): T[] {
  const length = (entry: T) => (typeof entry === 'string' ? entry.length : entry.word.length);
  return [...words].sort((a, b) => length(b) - length(a));
}
