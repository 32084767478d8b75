import { describe, expect, it } from 'vitest';
import { toMicros } from '../decimal.js';
import { structuredTargetContradiction } from './contradiction.js';
import { parseIndicatorValue } from './parse.js';
import type { Comparator, Quantity, ValueContext } from './types.js';

function structured(comparator: Comparator, value: string, unit: string | null, upper: string | null = null): Quantity {
  return {
    comparator,
    value: toMicros(value),
    upper: upper === null ? null : toMicros(upper),
    unit,
    approximate: false,
    direction: comparator === 'LTE' || comparator === 'LT' ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
  };
}

const S = structured;

describe('structuredTargetContradiction: a structured target that says otherwise than the text', () => {
  // [指标值 text, structured target, reason or null when they agree]
  it.each<[string, Quantity, string | null, ValueContext?]>([
    // agree
    ['不少于12次', S('GTE', '12', '次'), null],
    ['12次以上', S('GT', '12', '次'), null], // strictness is a refinement
    ['6万元以下', S('LTE', '60000', '元'), null], // money converts
    ['≥90%', S('RANGE', '90', '%', '95'), null], // a range refines the lower bound
    ['90%-95%', S('RANGE', '90', '%', '95'), null],
    ['100%', S('EQ', '100', '%'), null],
    ['每月2次', S('GTE', '24', '次'), null], // the annual equivalent
    ['每月2次', S('GTE', '2', '次'), null],
    ['不少于300篇', S('GTE', '300', '篇次'), null], // compatible units
    ['100%', S('GTE', '12', '次'), null, { name: '完成中心组学习任务12次。' }], // the name's quantity
    ['开展专项检查', S('GTE', '2', '次'), null], // TEXT: the structure clarifies it
    ['', S('GTE', '2', '次'), null],
    // contradict
    ['不少于12次', S('GTE', '10', '次'), 'VALUE'],
    ['6万元以下', S('LTE', '5', '万元'), 'VALUE'],
    ['90%-95%', S('RANGE', '90', '%', '98'), 'VALUE'],
    ['不少于12次', S('LTE', '12', '次'), 'SIDE'],
    ['6万元以下', S('GTE', '6', '万元'), 'SIDE'],
    ['≥90%', S('GTE', '90', '次'), 'UNIT'],
    ['12场', S('GTE', '12', '次'), 'UNIT'],
    ['良好', S('GTE', '90', '%'), 'KIND'],
    ['完成', S('GTE', '1', '次'), 'KIND'],
    ['/', S('GTE', '1', '次'), 'KIND'],
    ['100%', S('GTE', '10', '次'), 'UNIT', { name: '完成中心组学习任务12次。' }],
  ])('"%s" vs %o → %s', (text, target, reason, context = {}) => {
    const finding = structuredTargetContradiction(target, parseIndicatorValue(text, { role: 'TARGET', ...context }));
    expect(finding?.reason ?? null).toBe(reason);
  });

  it('says both readings in Chinese', () => {
    const finding = structuredTargetContradiction(S('GTE', '10', '次'), parseIndicatorValue('不少于12次'))!;
    expect(finding).toEqual({
      reason: 'VALUE',
      textReading: '≥ 12 次',
      structured: '≥ 10 次',
      message: '结构化目标 ≥ 10 次 与指标值“不少于12次”（读作 ≥ 12 次）不一致：数值不同（≥ 10 次 与 ≥ 12 次）；比较和评分按结构化目标，请核对后统一',
    });
  });

  it('no text reading at all is no contradiction', () => {
    expect(structuredTargetContradiction(S('GTE', '1', '次'), null)).toBeNull();
  });
});
