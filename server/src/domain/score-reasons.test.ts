import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from './decimal.js';
import type { Gap, GapStatus } from './gap-common.js';
import { indicatorFindings } from './indicator-findings.js';
import { deviationNeed, scoreReasonNeed, scoreReasonProblem, uninformativeReason } from './score-reasons.js';

const n = (text: string): Micros => toMicros(text);
const maybe = (text: string | null): Micros | null => (text === null ? null : n(text));
const gap = (status: GapStatus, suggested: string | null, warnings: string[] = []): Gap => ({
  status,
  difference: null,
  completion: null,
  suggestedScore: maybe(suggested),
  scoringMethod: null,
  explanation: '说明',
  warnings: warnings.map((code) => ({ code: code as Gap['warnings'][number]['code'], message: '' })),
});

describe('uninformativeReason — a reason must say why', () => {
  it.each<[string | null, boolean]>([
    [null, false],
    ['', false],
    ['   ', false],
    ['1', false],
    ['-1。', false],
    ['扣1分', false], // fixture 004's 预算执行率 row
    ['扣 0.5 分。', false],
    ['扣一分', false],
    ['共扣2分', false],
    ['两次宣讲未留存记录', true],
    ['年末集中支付，扣1分', true],
    ['因疫情延期 2 次', true],
  ])('%j → informative %s', (text, informative) => {
    expect(uninformativeReason(text) === null).toBe(informative);
  });

  it('says what is wrong', () => {
    expect(uninformativeReason('扣1分')).toBe('原因"扣1分"只写了扣分分数，请说明扣分的具体原因');
    expect(uninformativeReason('12.')).toBe('原因"12."只有数字或符号，请说明具体原因');
  });
});

describe('scoreReasonNeed — a manual score that differs from the suggestion, either way, needs a 扣分原因', () => {
  it.each<[string, string | null, string | null, string | null, string | null]>([
    ['below the suggestion', '7', '8.33', '10', 'BELOW_SUGGESTION'],
    ['above the suggestion', '10', '8.33', '10', 'ABOVE_SUGGESTION'],
    ['equal to the suggestion', '8.33', '8.33', '10', null],
    ['no suggestion (a judged text): below the 分值', '4', null, '5', 'BELOW_WEIGHT'],
    ['no suggestion, full marks', '5', null, '5', null],
    ['no score', null, '8.33', '10', null],
  ])('%s', (_name, score, suggested, weight, need) => {
    expect(scoreReasonNeed(maybe(score), maybe(suggested), maybe(weight))).toBe(need);
  });

  it('refuses with a clear message', () => {
    expect(scoreReasonProblem(n('7'), n('8.33'), n('10'), null)).toBe('得分 7 分低于建议得分 8.33 分，请填写扣分原因');
    expect(scoreReasonProblem(n('10'), n('8.33'), n('10'), '扣0分')).toBe(
      '得分 10 分高于建议得分 8.33 分，请填写扣分原因（原因"扣0分"只写了扣分分数，请说明扣分的具体原因）',
    );
    expect(scoreReasonProblem(n('9'), n('10'), n('10'), '年末集中支付，执行均衡性不足')).toBeNull();
  });
});

describe('deviationNeed — NOT_MET, PARTIAL and overshoot need a 偏差原因', () => {
  it.each<[GapStatus, string[], string | null]>([
    ['NOT_MET', [], 'NOT_MET'],
    ['PARTIAL', [], 'PARTIAL'],
    ['MET', ['OVERSHOOT'], 'OVERSHOOT'],
    ['MET', [], null],
    ['NEEDS_JUDGEMENT', [], null],
    ['PENDING', [], null],
  ])('%s %j → %s', (status, warnings, need) => {
    expect(deviationNeed(gap(status, null, warnings))).toBe(need);
  });
});

describe('indicatorFindings — what a 自评表 row still has to explain', () => {
  const base = { name: '开展理论宣讲', weight: n('10'), deduction: null, deviationReason: null, scoreUnconfirmed: false };
  it.each<[string, Partial<Parameters<typeof indicatorFindings>[0]>, string[]]>([
    ['partly met, no 偏差原因', { gap: gap('PARTIAL', '8.33'), evaluatorScore: null }, ['DEVIATION_REASON_MISSING']],
    ['partly met, explained', { gap: gap('PARTIAL', '8.33'), evaluatorScore: null, deviationReason: '两场因汛期取消' }, []],
    ['overshoot without 偏差原因', { gap: gap('MET', '10', ['OVERSHOOT']), evaluatorScore: null }, ['DEVIATION_REASON_MISSING']],
    ['fixture 004 预算执行率: 9 of a suggested 10, "扣1分"', { name: '预算执行率', gap: gap('MET', '10'), evaluatorScore: n('9'), deduction: '扣1分' }, ['SCORE_REASON_MISSING']],
    ['a score given, then the actual changed', { gap: gap('MET', '10'), evaluatorScore: n('10'), scoreUnconfirmed: true }, ['SCORE_UNCONFIRMED']],
    ['met, full marks', { gap: gap('MET', '10'), evaluatorScore: n('10') }, []],
  ])('%s', (_name, fields, codes) => {
    const row = { ...base, gap: gap('MET', '10'), evaluatorScore: null, ...fields };
    expect(indicatorFindings(row).map((finding) => finding.code)).toEqual(codes);
  });

  it('names the row and the figures', () => {
    const [finding] = indicatorFindings({ ...base, name: '预算执行率', gap: gap('MET', '10'), evaluatorScore: n('9'), deduction: '扣1分' });
    expect(finding).toEqual({
      code: 'SCORE_REASON_MISSING',
      expected: '扣分原因',
      found: '扣1分',
      message: '预算执行率：得分 9 分低于建议得分 10 分，请填写扣分原因（原因"扣1分"只写了扣分分数，请说明扣分的具体原因）',
    });
  });
});
