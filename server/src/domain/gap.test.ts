import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from './decimal.js';
import { budgetExecutionGap, computeGap, type Gap, type GapInput, type GapStatus } from './gap.js';
import type { Level1 } from './indicator-hierarchy.js';
import { parseIndicatorValue } from './indicator-value/parse.js';
import type { Comparator, Grade, ParsedValue, Quantity } from './indicator-value/types.js';

// ---------------------------------------------------------------------------------------------------
// Builders: ParsedValue objects as the parser would return them.

const n = (text: string): Micros => toMicros(text);

function quantity(comparator: Comparator, value: string, unit: string | null, extra: Partial<Quantity> = {}): Quantity {
  const lower = comparator === 'LTE' || comparator === 'LT';
  return {
    comparator,
    value: n(value),
    upper: null,
    unit,
    approximate: false,
    direction: lower ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
    ...extra,
  };
}

function parsed(raw: string, fields: Partial<ParsedValue>): ParsedValue {
  return { raw, kind: 'TEXT', quantity: null, boolean: null, grade: null, hints: [], confidence: 'HIGH', explanation: '', ...fields };
}

/** "不少于12次" → Q('不少于12次', 'GTE', '12', '次') */
const Q = (raw: string, comparator: Comparator, value: string, unit: string | null, extra: Partial<Quantity> = {}): ParsedValue =>
  parsed(raw, { kind: 'QUANTITY', quantity: quantity(comparator, value, unit, extra) });
/** An actual: "10次" → A('10次', '10', '次') (an actual reads as = its number). */
const A = (raw: string, value: string, unit: string | null, extra: Partial<Quantity> = {}): ParsedValue => Q(raw, 'EQ', value, unit, extra);
const RANGE = (raw: string, lower: string, upper: string, unit: string | null): ParsedValue =>
  Q(raw, 'RANGE', lower, unit, { upper: n(upper) });
const YES = (raw: string): ParsedValue => parsed(raw, { kind: 'BOOLEAN', boolean: true });
const NO = (raw: string): ParsedValue => parsed(raw, { kind: 'BOOLEAN', boolean: false });
const G = (raw: string, grade: Grade): ParsedValue => parsed(raw, { kind: 'GRADE', grade });
const T = (raw: string, hints: Quantity[] = []): ParsedValue => parsed(raw, { kind: 'TEXT', hints });
const NA = (raw: string): ParsedValue => parsed(raw, { kind: 'NOT_APPLICABLE' });

function gap(target: ParsedValue | null, actual: ParsedValue | null, weight: string | null, level1: Level1 = 'OUTPUT', extra: Partial<GapInput> = {}): Gap {
  return computeGap({ target, actual, weight: weight === null ? null : n(weight), level1, ...extra });
}

/** The completion as "numerator/denominator" in lowest terms, or null. */
function completionOf(result: Gap): string | null {
  return result.completion === null ? null : `${result.completion.numerator}/${result.completion.denominator}`;
}

interface Expected {
  status: GapStatus;
  completion: string | null;
  suggested: string | null;
}

function expectGap(result: Gap, expected: Expected): void {
  expect({ status: result.status, completion: completionOf(result), suggested: result.suggestedScore }).toEqual({
    status: expected.status,
    completion: expected.completion,
    suggested: expected.suggested === null ? null : n(expected.suggested),
  });
}

// ---------------------------------------------------------------------------------------------------

describe('computeGap — fixture 004 (雁峰区委宣传部 2024 自评)', () => {
  it('区直部门级乡镇街道 满意度: "≥90%" vs "90%", 分值 10 → MET, full 10', () => {
    const result = gap(Q('≥90%', 'GTE', '90', '%'), A('90%', '90', '%'), '10', 'SATISFACTION');
    expectGap(result, { status: 'MET', completion: '1/1', suggested: '10' });
    expect(result.scoringMethod).toBe('QUANTITATIVE');
    expect(result.difference).toEqual({ value: 0n, unit: '%', favourable: true });
    expect(result.explanation).toBe('实际 90% ≥ 目标 90%，完成率 100%，得满分 10 分');
    expect(result.warnings).toEqual([]);
  });

  it('组织中心组学习: "完成12次" vs "完成完成" (是否完成 against a number) → NEEDS_JUDGEMENT, no guess', () => {
    const result = gap(Q('完成12次', 'GTE', '12', '次'), YES('完成完成'), '10');
    expectGap(result, { status: 'NEEDS_JUDGEMENT', completion: null, suggested: null });
    expect(result.scoringMethod).toBe('QUALITATIVE');
    expect(result.explanation).toBe(
      '目标"完成12次"为数量，实际"完成完成"为是否完成，无法自动比较，由评价人员判断：' +
        '达成年度指标 100%–80%（10–8 分）；部分达成并具有一定效果 80%–60%（8–6 分）；未达成且效果较差 60%–0（6–0 分）',
    );
  });

  it('资金使用合规性: "合规" vs "合规", 分值 5 → MET, qualitative, full 5', () => {
    const result = gap(YES('合规'), YES('合规'), '5');
    expectGap(result, { status: 'MET', completion: '1/1', suggested: '5' });
    expect(result.scoringMethod).toBe('QUALITATIVE');
    expect(result.explanation).toBe('目标"合规"，实际"合规"，已达成；定性指标属"达成年度指标 100%–80%（5–4 分）"档，取上限，建议得分 5 分');
  });

  it.each([
    ['开展理论宣讲', '组织宣讲团', '利用各种形式开展宣讲', '5'],
    ['文明城市创建工作', '有为有位', '完成', '10'],
  ])('%s: TEXT target "%s" vs "%s" → NEEDS_JUDGEMENT', (_name, target, actual, weight) => {
    const actualValue = actual === '完成' ? YES(actual) : T(actual);
    expectGap(gap(T(target), actualValue, weight), { status: 'NEEDS_JUDGEMENT', completion: null, suggested: null });
  });

  it('预算执行率 row without a 指标值: "99.99%" is measured against 100%', () => {
    const result = gap(null, A('99.99%', '99.99', '%'), '10', 'BUDGET_EXECUTION');
    expectGap(result, { status: 'PARTIAL', completion: '9999/10000', suggested: '10' });
    expect(result.scoringMethod).toBe('BUDGET_EXECUTION');
    expect(result.explanation).toBe('实际 99.99%，目标 ≥ 100%（预算执行率以 100% 为目标），完成率 99.99%，建议得分 10 分（10 × 99.99/100）');
  });
});

describe('computeGap — the issue example', () => {
  it('"不少于12次" vs "10次", 分值 10 → PARTIAL, completion 10/12, suggested 8.33', () => {
    const result = gap(Q('不少于12次', 'GTE', '12', '次'), A('10次', '10', '次'), '10');
    expectGap(result, { status: 'PARTIAL', completion: '5/6', suggested: '8.33' });
    expect(result.difference).toEqual({ value: n('-2'), unit: '次', favourable: false });
    expect(result.explanation).toBe('实际 10 次，目标 ≥ 12 次，完成率 83.33%，建议得分 8.33 分（10 × 10/12）');
  });
});

describe('computeGap — quantities', () => {
  // [what the form says, target, actual, 分值, status, completion, suggested]
  it.each<[string, ParsedValue, ParsedValue, string | null, GapStatus, string | null, string | null]>([
    // higher-is-better (≥): weight × B/A
    ['reached exactly', Q('≥12次', 'GTE', '12', '次'), A('12次', '12', '次'), '10', 'MET', '1/1', '10'],
    ['beyond the target', Q('≥12次', 'GTE', '12', '次'), A('15次', '15', '次'), '10', 'MET', '5/4', '10'],
    ['short: 9 of 12', Q('≥12次', 'GTE', '12', '次'), A('9次', '9', '次'), '6', 'PARTIAL', '3/4', '4.5'],
    ['nothing done', Q('≥12次', 'GTE', '12', '次'), A('0次', '0', '次'), '10', 'NOT_MET', '0/1', '0'],
    ['2/3 rounds half away from zero: 10 × 2/3 = 6.666…', Q('≥3场', 'GTE', '3', '场'), A('2场', '2', '场'), '10', 'PARTIAL', '2/3', '6.67'],
    ['1/8 of 5 = 0.625 rounds up to 0.63', Q('≥8期', 'GTE', '8', '期'), A('1期', '1', '期'), '5', 'PARTIAL', '1/8', '0.63'],
    // strict comparators
    ['GT: above the bound', Q('>95%', 'GT', '95', '%'), A('96%', '96', '%'), '10', 'MET', '96/95', '10'],
    ['GT: exactly at the bound is not met', Q('>95%', 'GT', '95', '%'), A('95%', '95', '%'), '10', 'PARTIAL', '1/1', '10'],
    ['LT: exactly at the bound is not met', Q('<5%', 'LT', '5', '%'), A('5%', '5', '%'), '10', 'PARTIAL', '1/1', '10'],
    ['LT: below the bound', Q('<5%', 'LT', '5', '%'), A('4%', '4', '%'), '10', 'MET', '1/1', '10'],
    // lower-is-better (≤): weight × A/B over the limit
    ['6万元以下 vs 5.5万元', Q('6万元以下', 'LTE', '6', '万元'), A('5.5万元', '5.5', '万元'), '10', 'MET', '1/1', '10'],
    ['6万元以下 vs 6万元', Q('6万元以下', 'LTE', '6', '万元'), A('6万元', '6', '万元'), '10', 'MET', '1/1', '10'],
    ['6万元以下 vs 7万元 → 10 × 6/7', Q('6万元以下', 'LTE', '6', '万元'), A('7万元', '7', '万元'), '10', 'PARTIAL', '6/7', '8.57'],
    ['6万元以下 vs 70000元 (converted to 7 万元)', Q('6万元以下', 'LTE', '6', '万元'), A('70000元', '70000', '元'), '10', 'PARTIAL', '6/7', '8.57'],
    ['6万元以下 vs 0.0005亿元 (= 5 万元)', Q('6万元以下', 'LTE', '6', '万元'), A('0.0005亿元', '0.0005', '亿元'), '10', 'MET', '1/1', '10'],
    // EQ is two-sided
    ['EQ hit exactly', Q('=4期', 'EQ', '4', '期'), A('4期', '4', '期'), '8', 'MET', '1/1', '8'],
    ['EQ short', Q('=4期', 'EQ', '4', '期'), A('3期', '3', '期'), '8', 'PARTIAL', '3/4', '6'],
    ['EQ over', Q('=4期', 'EQ', '4', '期'), A('5期', '5', '期'), '8', 'PARTIAL', '4/5', '6.4'],
    // RANGE: inside 1, below a/lo, above hi/a
    ['RANGE inside', RANGE('90%-95%', '90', '95', '%'), A('92%', '92', '%'), '10', 'MET', '1/1', '10'],
    ['RANGE at the lower bound', RANGE('90%-95%', '90', '95', '%'), A('90%', '90', '%'), '10', 'MET', '1/1', '10'],
    ['RANGE at the upper bound', RANGE('90%-95%', '90', '95', '%'), A('95%', '95', '%'), '10', 'MET', '1/1', '10'],
    ['RANGE below → 81/90', RANGE('90%-95%', '90', '95', '%'), A('81%', '81', '%'), '10', 'PARTIAL', '9/10', '9'],
    ['RANGE above → 95/100', RANGE('90%-95%', '90', '95', '%'), A('100%', '100', '%'), '10', 'PARTIAL', '19/20', '9.5'],
    // zero targets: no division by zero
    ['≥ 0 reached by 0', Q('≥0', 'GTE', '0', '起'), A('0起', '0', '起'), '5', 'MET', '1/1', '5'],
    ['> 0 missed by 0', Q('>0', 'GT', '0', '个'), A('0个', '0', '个'), '5', 'NOT_MET', '0/1', '0'],
    ['> 0 met by 3', Q('>0', 'GT', '0', '个'), A('3个', '3', '个'), '5', 'MET', '1/1', '5'],
    ['≤ 0 (安全事故) kept', Q('0起', 'LTE', '0', '起'), A('0起', '0', '起'), '5', 'MET', '1/1', '5'],
    ['≤ 0 (安全事故) broken', Q('0起', 'LTE', '0', '起'), A('2起', '2', '起'), '5', 'NOT_MET', '0/1', '0'],
    ['= 0 broken', Q('=0起', 'EQ', '0', '起'), A('1起', '1', '起'), '5', 'NOT_MET', '0/1', '0'],
    ['RANGE from 0, above', RANGE('0-5天', '0', '5', '天'), A('10天', '10', '天'), '4', 'PARTIAL', '1/2', '2'],
    // a negative actual earns nothing (a growth rate that fell)
    ['negative actual against ≥ 5%', Q('≥5%', 'GTE', '5', '%'), A('-2%', '-2', '%'), '10', 'NOT_MET', '0/1', '0'],
    // no 分值: status and completion, no suggestion
    ['weight null', Q('不少于12次', 'GTE', '12', '次'), A('10次', '10', '次'), null, 'PARTIAL', '5/6', null],
    ['weight null, met', Q('≥90%', 'GTE', '90', '%'), A('95%', '95', '%'), null, 'MET', '19/18', null],
  ])('%s', (_what, target, actual, weight, status, completion, suggested) => {
    expectGap(gap(target, actual, weight), { status, completion, suggested });
  });

  it('lower-is-better over the limit reads A/B with the conversion shown', () => {
    const result = gap(Q('6万元以下', 'LTE', '6', '万元'), A('70000元', '70000', '元'), '10');
    expect(result.difference).toEqual({ value: n('1'), unit: '万元', favourable: false });
    expect(result.explanation).toBe('实际 70000 元（折合 7 万元），目标 ≤ 6 万元，完成率 85.71%，建议得分 8.57 分（10 × 6/7）');
  });

  it('lower-is-better within the limit is favourable', () => {
    const result = gap(Q('6万元以下', 'LTE', '6', '万元'), A('5.5万元', '5.5', '万元'), '10');
    expect(result.difference).toEqual({ value: n('-0.5'), unit: '万元', favourable: true });
    expect(result.explanation).toBe('实际 5.5 万元 ≤ 目标 6 万元，完成率 100%，得满分 10 分');
  });

  it.each([
    ['below', '81', '-9'],
    ['inside', '92', '0'],
    ['above', '100', '5'],
  ])('RANGE %s: the difference is the distance to the nearest bound', (_where, actual, difference) => {
    const result = gap(RANGE('90%-95%', '90', '95', '%'), A(`${actual}%`, actual, '%'), '10');
    expect(result.difference).toEqual({ value: n(difference), unit: '%', favourable: difference === '0' });
  });

  it('RANGE inside explains the range', () => {
    expect(gap(RANGE('90%-95%', '90', '95', '%'), A('92%', '92', '%'), '10').explanation).toBe(
      '实际 92% 在目标 90%–95% 之内，完成率 100%，得满分 10 分',
    );
  });

  it('a strict target missed at the bound warns the evaluator', () => {
    const result = gap(Q('>95%', 'GT', '95', '%'), A('95%', '95', '%'), '10');
    expect(result.warnings.map((w) => w.code)).toEqual(['STRICT_BOUNDARY']);
    expect(result.warnings[0]!.message).toBe('实际值恰好等于目标值 95%，未满足"高于"的要求，请评价人员判断得分');
  });

  it('a lower-is-better strict bound reached exactly explains its score without a ratio', () => {
    const result = gap(Q('低于5%', 'LT', '5', '%'), A('5%', '5', '%'), '10');
    expect(result.explanation).toBe('实际 5%，目标 < 5%，完成率 100%，建议得分 10 分（10 × 100%）');
  });

  it('weight null explains why there is no suggestion', () => {
    expect(gap(Q('不少于12次', 'GTE', '12', '次'), A('10次', '10', '次'), null).explanation).toBe(
      '实际 10 次，目标 ≥ 12 次，完成率 83.33%；未设分值，不计算建议得分',
    );
  });
});

describe('computeGap — overshoot (偏离度)', () => {
  it('41 场 against ≥ 10 场 is met in full and flagged', () => {
    const result = gap(Q('≥10场', 'GTE', '10', '场'), A('41场', '41', '场'), '5');
    expectGap(result, { status: 'MET', completion: '41/10', suggested: '5' });
    expect(result.explanation).toBe('实际 41 场 ≥ 目标 10 场，完成率 410%（按 100% 计分），得满分 5 分');
    expect(result.warnings).toEqual([
      {
        code: 'OVERSHOOT',
        message: '实际值超出目标 50% 以上，目标可能设置偏低，评价人员可酌情扣分（实际 41 场，目标 10 场，超出 310%）',
      },
    ]);
  });

  it.each([
    ['exactly 50% beyond is not flagged', '15', false],
    ['just over 50% beyond is flagged', '15.01', true],
  ])('%s', (_what, actual, flagged) => {
    const result = gap(Q('≥10场', 'GTE', '10', '场'), A(`${actual}场`, actual, '场'), '5');
    expect(result.warnings.some((w) => w.code === 'OVERSHOOT')).toBe(flagged);
  });

  it('lower-is-better results far below the limit are not overshoot', () => {
    expect(gap(Q('6万元以下', 'LTE', '6', '万元'), A('1万元', '1', '万元'), '10').warnings).toEqual([]);
  });
});

describe('computeGap — units', () => {
  it('次 vs 场 → INCOMPARABLE, naming both units', () => {
    const result = gap(Q('≥10次', 'GTE', '10', '次'), A('12场', '12', '场'), '5');
    expectGap(result, { status: 'INCOMPARABLE', completion: null, suggested: null });
    expect(result.difference).toBeNull();
    expect(result.explanation).toBe('目标"≥10次"，实际"12场"：目标单位为"次"，实际单位为"场"，两者不能换算，无法比较；请统一单位或由评价人员判断');
  });

  it('万元 vs % → INCOMPARABLE', () => {
    expect(gap(Q('6万元以下', 'LTE', '6', '万元'), A('100%', '100', '%'), '10').status).toBe('INCOMPARABLE');
  });

  it('a unitless actual is read in the target unit, with a warning', () => {
    const result = gap(Q('不少于12次', 'GTE', '12', '次'), A('12', '12', null), '10');
    expectGap(result, { status: 'MET', completion: '1/1', suggested: '10' });
    expect(result.difference).toEqual({ value: 0n, unit: '次', favourable: true });
    expect(result.warnings).toEqual([{ code: 'UNIT_ASSUMED', message: '实际值未写单位，按目标单位"次"理解' }]);
  });

  it('a unitless target is read in the actual unit, with a warning', () => {
    const result = gap(Q('≥12', 'GTE', '12', null), A('10次', '10', '次'), '10');
    expect(result.status).toBe('PARTIAL');
    expect(result.difference?.unit).toBe('次');
    expect(result.warnings.map((w) => w.code)).toEqual(['UNIT_ASSUMED']);
  });

  it('an approximate actual ("400余场") counts at its number, with a warning', () => {
    const result = gap(Q('≥500场', 'GTE', '500', '场'), Q('400余场', 'GTE', '400', '场', { approximate: true }), '10');
    expectGap(result, { status: 'PARTIAL', completion: '4/5', suggested: '8' });
    expect(result.warnings).toEqual([{ code: 'APPROXIMATE_ACTUAL', message: '实际值"400余场"为约数，按 400 场 计算' }]);
  });
});

describe('computeGap — 是否完成 and grades (qualitative: met at the top, unmet inside the band its reading falls in)', () => {
  it.each<[string, ParsedValue, ParsedValue, string | null, GapStatus, string | null, string | null]>([
    ['合规 / 合规', YES('合规'), YES('合规'), '5', 'MET', '1/1', '5'],
    ['完成 / 未完成 → 差 band 0–60%, middle 30%', YES('完成'), NO('未完成'), '5', 'NOT_MET', '0/1', '1.5'],
    ['合规 / 不合规, 分值 10', YES('合规'), NO('不合规'), '10', 'NOT_MET', '0/1', '3'],
    ['是否发生安全事故: 否 / 否', NO('否'), NO('否'), '4', 'MET', '1/1', '4'],
    ['BOOLEAN, no 分值', YES('完成'), YES('已完成'), null, 'MET', '1/1', null],
    ['良好 / 优 (rank 3 of 2)', G('良好', 'GOOD'), G('优', 'EXCELLENT'), '10', 'MET', '3/2', '10'],
    ['良好 / 良', G('良好', 'GOOD'), G('良', 'GOOD'), '10', 'MET', '1/1', '10'],
    ['优秀 / 良好 → 部分达成, 良 band 80–90%, middle 85%', G('优秀', 'EXCELLENT'), G('良好', 'GOOD'), '10', 'PARTIAL', '2/3', '8.5'],
    ['良好 / 合格 → 部分达成, 中 band 60–80%, middle 70%', G('良好', 'GOOD'), G('合格', 'FAIR'), '5', 'PARTIAL', '1/2', '3.5'],
    ['良好 / 较差 → 未达成, 差 band, 30%', G('良好', 'GOOD'), G('较差', 'POOR'), '5', 'NOT_MET', '0/1', '1.5'],
    ['差 as a target is met by anything', G('差', 'POOR'), G('差', 'POOR'), '5', 'MET', '1/1', '5'],
    ['qualitative bands round to 2 decimals: 7 × 30%', YES('完成'), NO('未完成'), '7', 'NOT_MET', '0/1', '2.1'],
  ])('%s', (_what, target, actual, weight, status, completion, suggested) => {
    const result = gap(target, actual, weight);
    expectGap(result, { status, completion, suggested });
    expect(result.scoringMethod).toBe('QUALITATIVE');
    expect(result.difference).toBeNull();
  });

  it('a failed BOOLEAN explains the band', () => {
    expect(gap(YES('合规'), NO('不合规'), '10').explanation).toBe(
      '目标"合规"，实际"不合规"，未达成；定性指标按实际属"差"档（分值的 60%–0，6–0 分），取档中 30%，建议得分 3 分，由评价人员在档内确定',
    );
  });
});

describe('computeGap — judgement, not applicable, pending', () => {
  it.each<[string, ParsedValue | null, ParsedValue | null, GapStatus]>([
    ['no actual yet', Q('不少于12次', 'GTE', '12', '次'), null, 'PENDING'],
    ['a blank actual', Q('不少于12次', 'GTE', '12', '次'), T('  '), 'PENDING'],
    ['neither side yet', null, null, 'PENDING'],
    ['无直接经济效益 / 无', NA('无直接经济效益'), NA('无'), 'NOT_APPLICABLE'],
    ['"/" target, any actual', NA('/'), YES('完成'), 'NOT_APPLICABLE'],
    ['a target, "/" actual', Q('≥90%', 'GTE', '90', '%'), NA('/'), 'NOT_APPLICABLE'],
    ['TEXT target vs number (组织宣讲团 / 41场)', T('组织宣讲团'), A('41场', '41', '场'), 'NEEDS_JUDGEMENT'],
    ['TEXT target vs 完成', T('按预算经费实施。'), YES('完成'), 'NEEDS_JUDGEMENT'],
    ['number vs TEXT', Q('≥90%', 'GTE', '90', '%'), T('基本满意'), 'NEEDS_JUDGEMENT'],
    ['GRADE vs TEXT', G('良好', 'GOOD'), T('效果明显'), 'NEEDS_JUDGEMENT'],
    ['GRADE vs BOOLEAN', G('良好', 'GOOD'), YES('完成'), 'NEEDS_JUDGEMENT'],
    ['BOOLEAN vs number', YES('完成'), A('12次', '12', '次'), 'NEEDS_JUDGEMENT'],
    ['number vs GRADE', Q('≥90%', 'GTE', '90', '%'), G('优', 'EXCELLENT'), 'NEEDS_JUDGEMENT'],
    ['no target, an actual', null, A('12次', '12', '次'), 'NEEDS_JUDGEMENT'],
    ['an actual that is a range', Q('≥90%', 'GTE', '90', '%'), RANGE('90%-95%', '90', '95', '%'), 'NEEDS_JUDGEMENT'],
  ])('%s → %s', (_what, target, actual, status) => {
    const result = gap(target, actual, '5');
    expect(result.status).toBe(status);
    expect(result.suggestedScore).toBeNull();
    expect(result.completion).toBeNull();
    expect(result.difference).toBeNull();
  });

  it('pending names the target', () => {
    expect(gap(Q('不少于12次', 'GTE', '12', '次'), null, '10').explanation).toBe('目标"不少于12次"，尚未填写实际完成值');
  });

  it('not applicable says which side', () => {
    expect(gap(NA('无直接经济效益'), NA('/'), '5').explanation).toBe(
      '目标"无直接经济效益"为不适用，不计算完成率和建议得分；如有分值，由评价人员确定得分',
    );
  });

  it('a TEXT target stating two quantities suggests splitting it', () => {
    const target = T('开展宣讲10次以上，开展意识形态工作督查一次', [quantity('GTE', '10', '次'), quantity('GTE', '1', '次')]);
    expect(gap(target, YES('完成'), null).explanation).toBe(
      '目标"开展宣讲10次以上，开展意识形态工作督查一次"为文字描述（目标含多个数量，建议拆分为多个指标），实际"完成"为是否完成，无法自动比较，' +
        '由评价人员判断：达成年度指标 100%–80%；部分达成并具有一定效果 80%–60%；未达成且效果较差 60%–0',
    );
  });
});

describe('computeGap — a planner\'s structured target wins over the text', () => {
  it('TEXT "组织宣讲团" with a structured ≥ 10 场 compares 41 场', () => {
    const result = gap(T('组织宣讲团'), A('41场', '41', '场'), '5', 'OUTPUT', { structuredTarget: quantity('GTE', '10', '场') });
    expectGap(result, { status: 'MET', completion: '41/10', suggested: '5' });
    expect(result.scoringMethod).toBe('QUANTITATIVE');
  });

  it('a structured ≥ 12 次 overrides a text read as ≥ 10 次', () => {
    const result = gap(Q('10次以上', 'GTE', '10', '次'), A('10次', '10', '次'), '10', 'OUTPUT', {
      structuredTarget: quantity('GTE', '12', '次'),
    });
    expectGap(result, { status: 'PARTIAL', completion: '5/6', suggested: '8.33' });
  });

  it('a structured target null leaves the text reading in place', () => {
    const result = gap(Q('≥90%', 'GTE', '90', '%'), A('90%', '90', '%'), '10', 'SATISFACTION', { structuredTarget: null });
    expect(result.status).toBe('MET');
  });
});

describe('budgetExecutionGap — 预算执行率 = 执行数 / 调整后全年预算数', () => {
  it('fixture 004: 563.72 / 563.72, 分值 10 → MET, 10; the stated 99.99% does not fit', () => {
    const result = budgetExecutionGap({ actual: n('563.72'), fullYear: n('563.72'), statedRate: n('99.99'), weight: n('10') });
    expectGap(result, { status: 'MET', completion: '1/1', suggested: '10' });
    expect(result.scoringMethod).toBe('BUDGET_EXECUTION');
    expect(result.difference).toEqual({ value: 0n, unit: '万元', favourable: true });
    expect(result.explanation).toBe('执行数 563.72 万元 / 全年预算数 563.72 万元 = 预算执行率 100%，得满分 10 分');
    expect(result.warnings).toEqual([
      {
        code: 'STATED_RATE_MISMATCH',
        message: '填报的预算执行率 99.99% 与计算值 100%（执行数 563.72 万元 / 全年预算数 563.72 万元）不符',
      },
    ]);
  });

  it.each<[string, string | null, string | null, string | null, string | null, GapStatus, string | null, string | null]>([
    // [what, actual, fullYear, statedRate, weight, status, completion, suggested]
    ['fully executed', '563.72', '563.72', '100', '10', 'MET', '1/1', '10'],
    ['95% executed', '95', '100', null, '10', 'PARTIAL', '19/20', '9.5'],
    ['95% executed, 20 points', '95', '100', '95', '20', 'PARTIAL', '19/20', '19'],
    ['99.996% fits a stated "100%"', '99.996', '100', '100', '10', 'PARTIAL', '24999/25000', '10'],
    ['overspent: capped at the weight', '110', '100', null, '10', 'MET', '11/10', '10'],
    ['nothing spent', '0', '100', null, '10', 'NOT_MET', '0/1', '0'],
    ['amounts missing: the stated rate is used', null, null, '99.5', '10', 'PARTIAL', '199/200', '9.95'],
    ['no 执行数 yet', null, '100', null, '10', 'PENDING', null, null],
    ['no 全年预算数', '100', null, null, '10', 'PENDING', null, null],
    ['全年预算数 0', '0', '0', null, '10', 'NOT_APPLICABLE', null, null],
    ['no 分值', '95', '100', null, null, 'PARTIAL', '19/20', null],
  ])('%s', (_what, actual, fullYear, statedRate, weight, status, completion, suggested) => {
    const result = budgetExecutionGap({
      actual: actual === null ? null : n(actual),
      fullYear: fullYear === null ? null : n(fullYear),
      statedRate: statedRate === null ? null : n(statedRate),
      weight: weight === null ? null : n(weight),
    });
    expectGap(result, { status, completion, suggested });
    if (statedRate !== null && actual !== null && fullYear !== null) {
      expect(result.warnings.filter((w) => w.code === 'STATED_RATE_MISMATCH')).toEqual([]);
    }
  });

  it('explains a partial execution with the figures', () => {
    const result = budgetExecutionGap({ actual: n('95'), fullYear: n('100'), weight: n('10') });
    expect(result.explanation).toBe('执行数 95 万元 / 全年预算数 100 万元 = 预算执行率 95%，建议得分 9.5 分（10 × 95%）');
    expect(result.difference).toEqual({ value: n('-5'), unit: '万元', favourable: false });
  });

  it('warns about overspending', () => {
    const result = budgetExecutionGap({ actual: n('110'), fullYear: n('100'), weight: n('10') });
    expect(result.warnings.map((w) => w.code)).toEqual(['OVER_EXECUTION']);
  });

  it('a stated rate alone says so', () => {
    const result = budgetExecutionGap({ actual: null, fullYear: null, statedRate: n('99.5'), weight: n('10') });
    expect(result.explanation).toBe('执行数未填写，按填报的预算执行率 99.5% = 预算执行率 99.5%，建议得分 9.95 分（10 × 99.5%）');
  });
});

describe('computeGap — end to end from the texts as written (parseIndicatorValue)', () => {
  function fromTexts(target: string | null, actual: string | null, weight: string | null, level1: Level1 = 'OUTPUT'): Gap {
    return computeGap({
      target: target === null ? null : parseIndicatorValue(target, { role: 'TARGET', level1 }),
      actual: actual === null ? null : parseIndicatorValue(actual, { role: 'ACTUAL', level1 }),
      weight: weight === null ? null : n(weight),
      level1,
    });
  }

  // [指标值, 实际完成值, 分值, 一级, status, completion, suggested]
  it.each<[string | null, string | null, string | null, Level1, GapStatus, string | null, string | null]>([
    // fixture 004
    ['≥90%', '90%', '10', 'SATISFACTION', 'MET', '1/1', '10'],
    ['完成12次', '完成完成', '10', 'OUTPUT', 'NEEDS_JUDGEMENT', null, null],
    ['合规', '合规', '5', 'OUTPUT', 'MET', '1/1', '5'],
    ['组织宣讲团', '利用各种形式开展宣讲', '5', 'OUTPUT', 'NEEDS_JUDGEMENT', null, null],
    ['有为有位', '完成', '10', 'OUTPUT', 'NEEDS_JUDGEMENT', null, null],
    [null, '99.99%', '10', 'BUDGET_EXECUTION', 'PARTIAL', '9999/10000', '10'],
    // the issue example
    ['不少于12次', '10次', '10', 'OUTPUT', 'PARTIAL', '5/6', '8.33'],
    // fixture 002 targets
    ['6万元以下', '5.5万元', '10', 'OUTPUT', 'MET', '1/1', '10'],
    ['6万元以下', '7万元', '10', 'OUTPUT', 'PARTIAL', '6/7', '8.57'],
    ['6万元以下', '70000元', '10', 'OUTPUT', 'PARTIAL', '6/7', '8.57'],
    ['6万元', '7万元', '10', 'COST', 'PARTIAL', '6/7', '8.57'], // 成本指标 reads lower-is-better
    ['100%', '100%', '10', 'OUTPUT', 'MET', '1/1', '10'],
    ['95%', '96%', '10', 'OUTCOME', 'MET', '96/95', '10'],
    ['良好', '优', '10', 'OUTCOME', 'MET', '3/2', '10'],
    ['良好', '合格', '10', 'OUTCOME', 'PARTIAL', '1/2', '7'], // 合格 falls in the 中 band 60–80%: its middle
    ['无直接经济效益', '/', '5', 'OUTCOME', 'NOT_APPLICABLE', null, null],
    ['按预算经费实施。', '完成', '5', 'OUTPUT', 'NEEDS_JUDGEMENT', null, null],
    ['开展宣讲10次以上，开展意识形态工作督查一次。', '完成', '5', 'OUTPUT', 'NEEDS_JUDGEMENT', null, null],
    // comparators
    ['90%-95%', '92%', '10', 'SATISFACTION', 'MET', '1/1', '10'],
    ['90%-95%', '81%', '10', 'SATISFACTION', 'PARTIAL', '9/10', '9'],
    ['>95%', '95%', '10', 'OUTPUT', 'PARTIAL', '1/1', '10'],
    ['低于5%', '4%', '10', 'OUTPUT', 'MET', '1/1', '10'],
    ['≥10次', '12场', '5', 'OUTPUT', 'INCOMPARABLE', null, null],
    ['不少于12次', null, '10', 'OUTPUT', 'PENDING', null, null],
  ])('"%s" / "%s", 分值 %s (%s) → %s', (target, actual, weight, level1, status, completion, suggested) => {
    expectGap(fromTexts(target, actual, weight, level1), { status, completion, suggested });
  });

  it('the issue example explains itself', () => {
    expect(fromTexts('不少于12次', '10次', '10').explanation).toBe('实际 10 次，目标 ≥ 12 次，完成率 83.33%，建议得分 8.33 分（10 × 10/12）');
  });

  it('"≥10场" against "400余场": met, flagged as overshoot and as an approximate figure', () => {
    const result = fromTexts('≥10场', '400余场', '5');
    expectGap(result, { status: 'MET', completion: '40/1', suggested: '5' });
    expect(result.warnings.map((w) => w.code)).toEqual(['APPROXIMATE_ACTUAL', 'OVERSHOOT']);
  });
});

describe('computeGap for the readings of docs/gap-rules.md "读数"', () => {
  /** Both texts read as the server reads them: the actual knows the target and the indicator's name. */
  function read(target: string, actual: string, weight = '10', name: string | null = null, level1: Level1 = 'OUTPUT'): Gap {
    const targetReading = parseIndicatorValue(target, { role: 'TARGET', level1, name });
    return computeGap({
      target: targetReading,
      actual: parseIndicatorValue(actual, { role: 'ACTUAL', level1, name, target: targetReading }),
      weight: n(weight),
      level1,
    });
  }

  // [指标值, 实际完成值, status, completion, suggested (分值 10)]
  it.each<[string, string, GapStatus, string | null, string | null]>([
    // partial: 基本完成 / 部分完成 / 延期完成 against 完成 → 部分达成, 中 band 60–80%, 7 of 10 (its middle)
    ['完成', '基本完成', 'PARTIAL', null, '7'],
    ['按时完成', '部分完成', 'PARTIAL', null, '7'],
    ['完成', '延期完成', 'PARTIAL', null, '7'],
    ['基本完成', '基本完成', 'MET', '1/1', '10'],
    ['基本完成', '完成', 'MET', '1/1', '10'],
    ['完成', '未完成', 'NOT_MET', '0/1', '3'],
    // deadlines: a yes compared with the date
    ['9月底前完成', '9月20日完成', 'MET', '1/1', '10'],
    ['9月底前完成', '10月15日完成', 'PARTIAL', null, '7'],
    ['年底前完成', '12月完成', 'MET', '1/1', '10'],
    ['6月30日前', '7月1日完成', 'PARTIAL', null, '7'],
    ['2021年12月底前完成', '2022年1月完成', 'PARTIAL', null, '7'],
    ['按时完成', '按时完成', 'MET', '1/1', '10'],
    ['及时', '完成', 'MET', '1/1', '10'],
    ['按期完成', '未按期完成', 'NOT_MET', '0/1', '3'],
    ['9月底前完成', '完成', 'MET', '1/1', '10'],
    // frequencies on their annual equivalent
    ['每月2次', '30次', 'MET', '5/4', '10'],
    ['每月2次', '18次', 'PARTIAL', '3/4', '7.5'],
    ['每季度不少于1次', '4次', 'MET', '1/1', '10'],
    ['每月2次', '每月3次', 'MET', '3/2', '10'],
    ['24次', '每月2次', 'MET', '1/1', '10'],
    ['每周1期', '26期', 'PARTIAL', '1/2', '5'],
    // zero targets: lower is better, all or nothing
    ['零投诉', '0', 'MET', '1/1', '10'],
    ['零投诉', '零投诉', 'MET', '1/1', '10'],
    ['杜绝安全事故', '无', 'MET', '1/1', '10'],
    ['未发生重大舆情事件', '未发生', 'MET', '1/1', '10'],
    ['零投诉', '2起', 'NOT_MET', '0/1', '0'],
    ['0起', '1起', 'NOT_MET', '0/1', '0'],
    // budget ceilings
    ['不超过预算', '98%', 'MET', '1/1', '10'],
    ['控制在预算内', '未超预算', 'MET', '1/1', '10'],
    ['不超过预算', '105%', 'PARTIAL', '20/21', '9.52'],
    ['不超过预算', '5.8万元', 'INCOMPARABLE', null, null],
    // compatible units
    ['不少于300篇', '320篇次', 'MET', '16/15', '10'],
    ['不少于500人', '450人次', 'PARTIAL', '9/10', '9'],
    ['≥10场', '12场次', 'MET', '6/5', '10'],
    // grade scales
    ['满意', '基本满意', 'PARTIAL', '1/2', '7'],
    ['基本满意', '满意', 'MET', '2/1', '10'],
    ['满意', '不满意', 'NOT_MET', '0/1', '3'],
    ['较好', '好', 'MET', '3/2', '10'],
    ['好', '一般', 'PARTIAL', '1/3', '7'],
  ])('"%s" / "%s" → %s', (target, actual, status, completion, suggested) => {
    expectGap(read(target, actual), { status, completion, suggested });
  });

  it('a late date says so', () => {
    expect(read('9月底前完成', '10月15日完成').explanation).toMatch(/^完成时间 10月15日 晚于期限 9月底；/);
  });

  it('a frequency explains its annual equivalent', () => {
    expect(read('每月2次', '30次').explanation).toBe(
      '每月 ≥ 2 次折合全年 ≥ 24 次；实际 30 次 ≥ 目标 24 次，完成率 125%（按 100% 计分），得满分 10 分',
    );
  });

  it('compatible units warn that they compared one to one', () => {
    expect(read('不少于300篇', '320篇次').warnings.map((w) => w.code)).toEqual(['UNIT_ASSUMED']);
  });

  it('zero needs no unit: no UNIT_ASSUMED warning', () => {
    expect(read('零投诉', '2起').warnings).toEqual([]);
    expect(read('≤3次', '0').warnings).toEqual([]);
  });

  it.each<[string, GapStatus, string | null]>([
    ['12次', 'MET', '1/1'],
    ['9次', 'PARTIAL', '3/4'],
    ['100%', 'MET', '1/1'],
  ])('"100%" of 完成中心组学习任务12次 (fixture 002) against "%s" → %s', (actual, status, completion) => {
    const result = read('100%', actual, '10', '完成中心组学习任务12次。');
    expectGap(result, { status, completion, suggested: status === 'MET' ? '10' : '7.5' });
  });

  it('says the 100% is the name\'s quantity', () => {
    expect(read('100%', '9次', '10', '完成中心组学习任务12次。').explanation).toMatch(/^目标 100% 指指标名称中的 ≥ 12 次；实际 9 次/);
  });

  it('"无" for an indicator that counts accidents is 0, not 不适用', () => {
    expectGap(read('0起', '无', '10', '安全事故发生次数'), { status: 'MET', completion: '1/1', suggested: '10' });
  });
});
