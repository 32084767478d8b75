import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberToMicros, toMicros, type Micros } from './decimal.js';
import { evaluationTotal, statedEvaluationFindings, type TotalRow } from './evaluation-total.js';

const n = (text: string): Micros => toMicros(text);
const row = (weight: string | null, score: string | null, unconfirmed = false): TotalRow => ({
  weight: weight === null ? null : n(weight),
  score: score === null ? null : n(score),
  unconfirmed,
});
const points = (value: number | null | undefined): Micros | null => {
  if (value == null) return null;
  const parsed = numberToMicros(value);
  return parsed.ok ? parsed.value : null;
};

/** Fixture 004 (雁峰区委宣传部 2024 自评) as the document states it: 11 rows, 分值 and 得分. */
const fixture004 = JSON.parse(readFileSync(new URL('../../demo-data/yanfeng-2024-self-evaluation.json', import.meta.url), 'utf8'));
const rows004: TotalRow[] = fixture004.indicators.map((indicator: { weight: number | null; score: number | null }) => ({
  weight: points(indicator.weight),
  score: points(indicator.score),
}));

describe('evaluationTotal — the grade is read off score ÷ weights × 100, never the raw sum', () => {
  it.each<[string, TotalRow[], string | null, string | null, number, boolean]>([
    // name, rows, computed total, grade, pending, provisional
    ['a full 100-point sheet: the sum itself', [row('60', '55'), row('40', '36')], '91', 'EXCELLENT', 0, false],
    ['weights 90, scores 89 (fixture 004): 98.89 → 优, not 89 → 良', [row('50', '50'), row('40', '39')], '98.89', 'EXCELLENT', 0, false],
    ['weights 110 (a province giving 预算执行率 20): 99 ÷ 110 → 90', [row('20', '18'), row('90', '81')], '90', 'EXCELLENT', 0, false],
    ['rounded half away from zero: 2 ÷ 3 → 66.67', [row('3', '2')], '66.67', 'FAIR', 0, false],
    ['mid-evaluation: 1 of 3 rows scored full → 优 provisional, not 10 → 差', [row('10', '10'), row('50', null), row('40', null)], '100', 'EXCELLENT', 2, true],
    ['a re-confirmation pending makes the grade provisional', [row('50', '45', true), row('50', '45')], '90', 'EXCELLENT', 0, true],
    ['nothing scored: no total, no grade', [row('50', null), row('50', null)], null, null, 2, false],
    ['scores without 分值 cannot be put on 100 points: withheld', [row(null, '9'), row(null, '8')], null, null, 0, false],
    ['an unweighted score is left out of the total', [row('50', '40'), row(null, '9')], '80', 'GOOD', 0, false],
    ['a target table: no weights, no scores', [row(null, null)], null, null, 0, false],
  ])('%s', (_name, rows, computed, grade, pending, provisional) => {
    const total = evaluationTotal(rows);
    expect(total.computedTotal).toBe(computed === null ? null : n(computed));
    expect(total.grade).toBe(grade);
    expect(total.pendingCount).toBe(pending);
    expect(total.provisional).toBe(provisional);
  });

  it('explains itself with the figures', () => {
    expect(evaluationTotal([row('10', '10'), row('50', null), row('40', null)]).explanation).toBe(
      '已评分指标分值合计 10 分，得分 10 分，按百分制折算 10 ÷ 10 × 100 = 100 分，暂定等次「优」（2 个指标待评分）',
    );
    expect(evaluationTotal([row('100', '85')]).explanation).toBe('已评分指标分值合计 100 分，得分 85 分，等次「良」');
    expect(evaluationTotal([row(null, '9')]).explanation).toBe('已评分的指标均未填写分值，无法折算综合得分，暂不评定等次');
    expect(evaluationTotal([]).explanation).toBe('尚无已评分的指标，暂不评定等次');
  });

  it('fixture 004 as transcribed: rows weigh 90, score 89 → 98.89, 优', () => {
    const total = evaluationTotal(rows004);
    expect(total).toMatchObject({ scoredWeight: n('90'), scoredScore: n('89'), computedTotal: n('98.89'), grade: 'EXCELLENT', pendingCount: 0 });
  });
});

describe('statedEvaluationFindings — the stated total and grade beside the computed ones', () => {
  it('fixture 004: stated 99 against the computed 98.89 is explained; the grade agrees (优)', () => {
    const findings = statedEvaluationFindings(evaluationTotal(rows004), { totalScore: points(fixture004.evaluation.totalScore), grade: fixture004.evaluation.grade });
    expect(findings).toEqual([
      {
        code: 'STATED_TOTAL_MISMATCH',
        path: 'evaluation.totalScore',
        expected: '98.89',
        found: '99',
        difference: '0.11',
        message: '自评：填报综合得分 99 分，计算综合得分 98.89 分（已评分指标分值合计 90 分，得分 89 分，按百分制折算 89 ÷ 90 × 100 = 98.89 分，等次「优」；相差 0.11 分）',
      },
    ]);
  });

  it.each<[string, TotalRow[], string | null, string | null, string[]]>([
    ['a complete 100-point sheet that agrees: silent', [row('100', '92')], '92', '优', []],
    ['a complete 100-point sheet that does not add up: TOTAL_SCORE_SUM (DOMAIN §7) says it, not this', [row('100', '92')], '95', '优', []],
    ['the stated grade differs from the computed one', [row('100', '85')], '85', '优', ['STATED_GRADE_MISMATCH']],
    ['no stated grade: the band of the stated total is compared', [row('50', '40'), row('40', '40')], '79', null, ['STATED_TOTAL_MISMATCH', 'STATED_GRADE_MISMATCH']],
    ['a stated total with nothing scored is flagged, not shown as 0', [row('50', null), row('50', null)], '96', '优', ['STATED_TOTAL_UNSCORED']],
    ['mid-evaluation, a stated total that differs from the provisional one', [row('50', '45'), row('50', null)], '95', null, ['STATED_TOTAL_MISMATCH']],
    ['an unreadable stated grade is left to GRADE_BAND', [row('100', '85')], '85', '甲等', []],
    ['nothing stated: silent', [row('100', '85')], null, null, []],
  ])('%s', (_name, rows, totalScore, grade, codes) => {
    const findings = statedEvaluationFindings(evaluationTotal(rows), { totalScore: totalScore === null ? null : n(totalScore), grade });
    expect(findings.map((finding) => finding.code)).toEqual(codes);
  });

  it('says which grade it compared and why', () => {
    const [finding] = statedEvaluationFindings(evaluationTotal([row('100', '85')]), { totalScore: n('85'), grade: '优秀' });
    expect(finding).toMatchObject({
      code: 'STATED_GRADE_MISMATCH',
      path: 'evaluation.grade',
      expected: '良',
      found: '优秀',
      message: '自评：填报评价等次「优秀」，但计算综合得分 85 分应为「良」（已评分指标分值合计 100 分，得分 85 分，等次「良」）',
    });
    const [unscored] = statedEvaluationFindings(evaluationTotal([row('100', null)]), { totalScore: n('96'), grade: null });
    expect(unscored!.message).toBe('自评：填报综合得分 96 分，但没有已评分且有分值的指标，无法核对（尚无已评分的指标，暂不评定等次）');
  });
});
