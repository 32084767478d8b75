/**
 * Property test: whatever a form holds, the reader answers (DOMAIN.md §4: every value keeps its raw
 * text and says how sure it is). Seeded, so a failure reproduces; no packages beyond vitest.
 */
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal.js';
import { convertQuantityUnit, describeQuantity, parseIndicatorValue } from './parse.js';
import type { ParsedValue, Quantity, ValueContext } from './types.js';

/** mulberry32: a small, well-mixed 32-bit PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  // words of the vocabulary
  '≥', '≤', '>=', '<=', '＞=', '≧', '>', '<', '＞', '＜', '＝', '=', '不少于', '不低于', '至少', '以上', '达到', '不超过', '不高于',
  '以下', '以内', '控制在', '超过', '高于', '低于', '少于', '超', '余', '多', '+', '约', '左右', '(含)', '（不含）', '之间',
  '-', '～', '~', '至', '到', '—', '％', '%', '‰', '/', '／', '次', '篇次', '场', '人次', '万元', '元', '亿元', '个月', '分', '年', '月',
  '第', '百分之', '完成', '完成完成', '合规', '否', '良好', '优秀', '无', '无直接经济效益', '一次性', '十分', '5G',
  // the readings of issue 10: scales, partial, timeliness, zero targets, frequencies, budget
  '好', '较好', '一般', '满意', '基本满意', '不满意', '基本完成', '延期完成', '按时', '及时', '按计划', '年底前', '底前', '月底', '日前',
  '零投诉', '杜绝', '未发生', '事故', '每月', '每季度', '每周', '/月', '不超过预算', '控制在预算内', '篇次',
  // numerals
  '一', '二', '两', '十', '百', '千', '万', '亿', '零', '〇', '十二', '一百零五', '12', '90', '0', '1.3', '99.99', '0.0000005',
  '１２', '９０', '．', '.', ',', '1,000', '2021年', '9月底', '2021.12',
  // everything else a pasted cell may hold
  '开展', '宣讲', '满意度', '，', '。', '；', '、', '“', '”', ' ', '\u3000', '\t', '\n', '\u0000', '\u0007', '\u200b', '\ufeff',
  '\ud83d\ude00', '\ud800', '\udfff', 'abc', 'NaN', 'Infinity', '1e21', '__proto__', 'constructor',
];
const ALPHABET = '0123456789０１２３４５６７８９一二两三十百千万亿零〇次场人%％≥≤<>=～~-—/.．，,余多+约年月日元的了和是否优良中差';

function randomText(random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const shape = random();
  if (shape < 0.45) {
    return Array.from({ length: Math.floor(random() * 8) }, () => pick(FRAGMENTS)).join('');
  }
  if (shape < 0.8) {
    return Array.from({ length: Math.floor(random() * 40) }, () => pick([...ALPHABET])).join('');
  }
  if (shape < 0.93) {
    return Array.from({ length: Math.floor(random() * 30) }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
  }
  // long texts, up to past the 2,000-character cap
  return Array.from({ length: 200 + Math.floor(random() * 1200) }, () => pick(FRAGMENTS)).join('').slice(0, 2600);
}

const ABSURD = [
  '9'.repeat(500),
  `≥${'9'.repeat(500)}%`,
  `0.${'9'.repeat(500)}%`,
  '9'.repeat(10_000),
  '一'.repeat(500),
  '万'.repeat(500),
  '亿'.repeat(300),
  `一${'亿'.repeat(15)}`,
  '十'.repeat(20),
  '.'.repeat(3000),
  '-'.repeat(3000),
  '余'.repeat(2000),
  '12次'.repeat(499),
  '12次'.repeat(501),
  `${'1'.repeat(24)}.${'1'.repeat(24)}万`,
  '1万'.repeat(400),
  '(含)'.repeat(400),
  '\u0000'.repeat(100),
  '\ud800'.repeat(100),
];

const CONTEXTS: ValueContext[] = [
  {},
  { role: 'ACTUAL' },
  { role: 'TARGET', level1: 'COST', level2: 'ECONOMIC_COST' },
  { level2: 'OUTPUT_COST', name: '不超过预算' },
  { role: 'ACTUAL', level1: 'SATISFACTION', name: null },
];

const KINDS = new Set(['QUANTITY', 'BOOLEAN', 'GRADE', 'NOT_APPLICABLE', 'TEXT']);
const COMPARATORS = new Set(['GTE', 'GT', 'LTE', 'LT', 'EQ', 'RANGE']);
const GRADES = new Set<unknown>(['EXCELLENT', 'GOOD', 'FAIR', 'POOR']);

/** What is wrong with a quantity, if anything (plain checks: thousands of expect calls would be slow). */
function quantityProblems(q: Quantity): string[] {
  const problems: string[] = [];
  if (!COMPARATORS.has(q.comparator)) problems.push(`comparator ${q.comparator}`);
  if (typeof q.value !== 'bigint') problems.push('value is not a bigint');
  if (q.comparator === 'RANGE' ? typeof q.upper !== 'bigint' || q.upper < q.value : q.upper !== null) {
    problems.push('upper does not fit the comparator');
  }
  if (q.unit !== null && (typeof q.unit !== 'string' || q.unit === '')) problems.push('unit');
  if (typeof q.approximate !== 'boolean') problems.push('approximate');
  if (q.direction !== 'HIGHER_IS_BETTER' && q.direction !== 'LOWER_IS_BETTER') problems.push('direction');
  if (describeQuantity(q) === '') problems.push('empty display');
  return problems;
}

function problemsOf(input: string, parsed: ParsedValue): string[] {
  const problems: string[] = [];
  if (parsed.raw !== input) problems.push('raw differs from the input');
  if (!KINDS.has(parsed.kind)) problems.push(`kind ${parsed.kind}`);
  if (!['HIGH', 'MEDIUM', 'LOW'].includes(parsed.confidence)) problems.push(`confidence ${parsed.confidence}`);
  if (typeof parsed.explanation !== 'string' || parsed.explanation === '') problems.push('no explanation');
  // The reader catches its own errors to keep an import alive; here any caught error is a bug.
  if (parsed.explanation.startsWith('读取时出错')) problems.push('the reader failed internally');
  if ((parsed.kind === 'QUANTITY') !== (parsed.quantity !== null)) problems.push('quantity does not match the kind');
  if ((parsed.kind === 'BOOLEAN') !== (typeof parsed.boolean === 'boolean')) problems.push('boolean does not match the kind');
  if ((parsed.kind === 'GRADE') !== GRADES.has(parsed.grade)) problems.push('grade does not match the kind');
  if (parsed.kind === 'TEXT' && parsed.confidence !== 'LOW') problems.push('TEXT is not LOW');
  if (parsed.kind !== 'TEXT' && parsed.hints.length > 0) problems.push('hints outside TEXT');
  if (parsed.quantity) problems.push(...quantityProblems(parsed.quantity));
  for (const hint of parsed.hints) problems.push(...quantityProblems(hint));
  return problems;
}

const FULL_WIDTH: Record<string, string> = { '%': '％', '>': '＞', '<': '＜', '=': '＝', '~': '～', '.': '．' };
const toFullWidth = (text: string) =>
  [...text].map((ch) => (ch >= '0' && ch <= '9' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : (FULL_WIDTH[ch] ?? ch))).join('');

describe('parseIndicatorValue on random input', () => {
  it('never throws and always answers in shape, quickly', () => {
    const random = prng(20240601);
    const inputs = [...ABSURD, ...Array.from({ length: 4000 }, () => randomText(random))];
    const failures: string[] = [];
    // CPU time of this process, not wall time: helpers and CI share cores, and a loaded machine is not a slow reader.
    const started = process.cpuUsage();
    for (const [index, input] of inputs.entries()) {
      try {
        const problems = problemsOf(input, parseIndicatorValue(input, CONTEXTS[index % CONTEXTS.length]));
        if (problems.length > 0) failures.push(`${JSON.stringify(input.slice(0, 80))}: ${problems.join(', ')}`);
      } catch (error) {
        failures.push(`${JSON.stringify(input.slice(0, 80))}: threw ${String(error)}`);
      }
    }
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(failures).toEqual([]);
    expect(elapsed).toBeLessThan(1200);
  });

  it('reads a full-width writing exactly as the half-width one', () => {
    const random = prng(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    for (let round = 0; round < 1500; round += 1) {
      const number = `${Math.floor(random() * 10_000)}${random() < 0.3 ? `.${Math.floor(random() * 100)}` : ''}`;
      const text = [
        pick(['', '>=', '>', '<', '<=', '=', '≥', '不少于', '不超过']),
        number,
        pick(['', '%', '次', '万元', '万', '场']),
        pick(['', '~95%', '以上', '以下', '余']),
      ].join('');
      const context = CONTEXTS[round % CONTEXTS.length];
      const half = parseIndicatorValue(text, context);
      const full = parseIndicatorValue(toFullWidth(text), context);
      expect({ ...full, raw: text, explanation: '' }, text).toEqual({ ...half, explanation: '' });
    }
  });

  it('reads every written bigint back to the digits it was given', () => {
    const random = prng(99);
    for (let round = 0; round < 1000; round += 1) {
      const digits = Array.from({ length: 1 + Math.floor(random() * 20) }, () => Math.floor(random() * 10)).join('');
      const decimals = Array.from({ length: Math.floor(random() * 7) }, () => Math.floor(random() * 10)).join('');
      const written = decimals ? `${digits}.${decimals}` : digits;
      const parsed = parseIndicatorValue(`${written}次`);
      const expected = formatDecimal(BigInt(digits + decimals.padEnd(6, '0')));
      expect(formatDecimal(parsed.quantity!.value), written).toBe(expected);
    }
  });

  it('converts units without throwing, whatever the unit strings are', () => {
    const random = prng(3);
    const units = ['元', '万元', '亿元', '次', '%', null, '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    for (let round = 0; round < 2000; round += 1) {
      const value = BigInt(Math.floor(random() * 2 ** 40)) * (random() < 0.5 ? -1n : 1n);
      const from = units[Math.floor(random() * units.length)];
      const to = units[Math.floor(random() * units.length)];
      const converted = convertQuantityUnit(value, from, to);
      if (from === to) expect(converted).toBe(value);
      else if (converted !== null) expect(typeof converted).toBe('bigint');
    }
    expect(convertQuantityUnit(1n, 'constructor', '元')).toBeNull();
  });
});
