/**
 * The reading rules of issue 10 (docs/gap-rules.md "读数 readings"), each with several wordings:
 * grade scales read whole, timeliness as a deadline, 基本完成 as partial, zero targets, frequencies,
 * budget ceilings, compatible units and a quantity written in the indicator's name.
 */
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal.js';
import { annualQuantity } from './frequency.js';
import { compatibleUnits, describeQuantity, parseIndicatorValue } from './parse.js';
import { isLate } from './timeliness.js';
import type { Deadline, ParsedValue, Quantity, ValueContext } from './types.js';

function short(q: Quantity): string {
  const number = q.upper === null ? formatDecimal(q.value) : `${formatDecimal(q.value)}–${formatDecimal(q.upper)}`;
  return [q.period ?? null, q.comparator, number, q.unit, q.basis ?? null, q.approximate ? '约' : null]
    .filter((part) => part !== null)
    .join(' ');
}

/** "GTE 12 次", "MONTH GTE 2 次", "LTE 100 % BUDGET", "BOOLEAN true PARTIAL", "GRADE GOOD SATISFACTION". */
function reading(parsed: ParsedValue): string {
  switch (parsed.kind) {
    case 'QUANTITY':
      return short(parsed.quantity!);
    case 'BOOLEAN':
      return ['BOOLEAN', String(parsed.boolean), parsed.qualifier ?? null].filter((part) => part !== null).join(' ');
    case 'GRADE':
      return `GRADE ${parsed.grade} ${parsed.scale}`;
    case 'NOT_APPLICABLE':
      return 'NOT_APPLICABLE';
    case 'TEXT':
      return parsed.hints.length > 0 ? `TEXT [${parsed.hints.map(short).join('; ')}]` : 'TEXT';
  }
}

const read = (text: string, context?: ValueContext) => reading(parseIndicatorValue(text, context));
const ACTUAL: ValueContext = { role: 'ACTUAL' };

function deadlineOf(text: string, context?: ValueContext): string {
  const d = parseIndicatorValue(text, context).deadline;
  if (!d) return 'none';
  return [d.year, d.month, d.day].map((part) => (part === null ? '-' : String(part))).join('/');
}

describe('grade scales are read whole', () => {
  it.each([
    // 优/良/中/差 (DOMAIN.md §4)
    ['优', 'GRADE EXCELLENT EXCELLENT_GOOD_FAIR_POOR'],
    ['良好', 'GRADE GOOD EXCELLENT_GOOD_FAIR_POOR'],
    ['中', 'GRADE FAIR EXCELLENT_GOOD_FAIR_POOR'],
    ['差', 'GRADE POOR EXCELLENT_GOOD_FAIR_POOR'],
    // 好/较好/一般/差
    ['好', 'GRADE EXCELLENT GOOD_FAIRLY_GOOD_AVERAGE_POOR'],
    ['“好”', 'GRADE EXCELLENT GOOD_FAIRLY_GOOD_AVERAGE_POOR'],
    ['较好', 'GRADE GOOD GOOD_FAIRLY_GOOD_AVERAGE_POOR'],
    ['较好以上', 'GRADE GOOD GOOD_FAIRLY_GOOD_AVERAGE_POOR'],
    ['达到较好', 'GRADE GOOD GOOD_FAIRLY_GOOD_AVERAGE_POOR'],
    ['一般', 'GRADE FAIR GOOD_FAIRLY_GOOD_AVERAGE_POOR'],
    ['好等次', 'GRADE EXCELLENT GOOD_FAIRLY_GOOD_AVERAGE_POOR'],
    // 满意/基本满意/不满意
    ['满意', 'GRADE EXCELLENT SATISFACTION'],
    ['满意。', 'GRADE EXCELLENT SATISFACTION'],
    ['基本满意', 'GRADE FAIR SATISFACTION'],
    ['基本满意以上', 'GRADE FAIR SATISFACTION'],
    ['达到基本满意', 'GRADE FAIR SATISFACTION'],
    ['不满意', 'GRADE POOR SATISFACTION'],
  ])('%s → %s', (text, expected) => {
    const parsed = parseIndicatorValue(text);
    expect(reading(parsed)).toBe(expected);
    expect(parsed.confidence).toBe('HIGH');
  });

  it.each([['好/较好/一般/差'], ['优、良、中、差'], ['满意/基本满意/不满意']])(
    'a whole scale written out (%s) names no level: TEXT that says so',
    (text) => {
      const parsed = parseIndicatorValue(text);
      expect(reading(parsed)).toBe('TEXT');
      expect(parsed.explanation).toContain('没有指明目标等级');
    },
  );

  it.each([['很好'], ['十分满意'], ['满意度'], ['好评'], ['较好地完成']])('%s is not a grade word', (text) => {
    expect(read(text)).not.toMatch(/^GRADE/);
  });

  it('names the scale in the explanation', () => {
    expect(parseIndicatorValue('基本满意').explanation).toBe('“基本满意”读作等级：基本满意（满意/基本满意/不满意）');
    expect(parseIndicatorValue('较好').explanation).toBe('“较好”读作等级：良（好/较好/一般/差）');
  });
});

describe('基本完成 / 部分完成 read as partial; 延期完成 as late', () => {
  it.each([
    ['基本完成', 'BOOLEAN true PARTIAL'],
    ['部分完成', 'BOOLEAN true PARTIAL'],
    ['大部分完成', 'BOOLEAN true PARTIAL'],
    ['基本完成。', 'BOOLEAN true PARTIAL'],
    ['基本达标', 'BOOLEAN true PARTIAL'],
    ['基本合规', 'BOOLEAN true PARTIAL'],
    ['基本实现', 'BOOLEAN true PARTIAL'],
    ['部分落实', 'BOOLEAN true PARTIAL'],
    ['延期完成', 'BOOLEAN true LATE'],
    ['逾期完成', 'BOOLEAN true LATE'],
    ['滞后完成', 'BOOLEAN true LATE'],
    // unchanged
    ['完成', 'BOOLEAN true'],
    ['未完成', 'BOOLEAN false'],
    ['未按时完成', 'BOOLEAN false'],
  ])('%s → %s', (text, expected) => {
    const parsed = parseIndicatorValue(text, ACTUAL);
    expect(reading(parsed)).toBe(expected);
    expect(parsed.confidence).toBe('HIGH');
  });

  it('says a partial yes compares as 部分达成', () => {
    expect(parseIndicatorValue('基本完成').explanation).toContain('部分达成');
  });
});

describe('timeliness reads as a yes with a deadline', () => {
  it.each([
    // on-time words: a yes, no date
    ['按时', 'BOOLEAN true', '-/-/-'],
    ['及时', 'BOOLEAN true', '-/-/-'],
    ['按期', 'BOOLEAN true', '-/-/-'],
    ['按计划', 'BOOLEAN true', '-/-/-'],
    ['按时完成', 'BOOLEAN true', '-/-/-'],
    ['按期完成', 'BOOLEAN true', '-/-/-'],
    ['按计划完成', 'BOOLEAN true', '-/-/-'],
    ['及时拨付', 'BOOLEAN true', '-/-/-'],
    ['如期完成', 'BOOLEAN true', '-/-/-'],
    ['按进度推进', 'BOOLEAN true', '-/-/-'],
    ['未按时完成', 'BOOLEAN false', '-/-/-'],
    ['未及时完成', 'BOOLEAN false', '-/-/-'],
    ['未能按期完成', 'BOOLEAN false', '-/-/-'],
    // dates
    ['9月底前', 'BOOLEAN true', '-/9/-'],
    ['9月底前完成', 'BOOLEAN true', '-/9/-'],
    ['９月底前完成', 'BOOLEAN true', '-/9/-'],
    ['9月底以前完成', 'BOOLEAN true', '-/9/-'],
    ['2021年12月底前完成', 'BOOLEAN true', '2021/12/-'],
    ['12月31日前完成', 'BOOLEAN true', '-/12/31'],
    ['6月30日前拨付到位', 'BOOLEAN true', '-/6/30'],
    ['于10月15日前完成', 'BOOLEAN true', '-/10/15'],
    ['年底前', 'BOOLEAN true', '-/12/-'],
    ['年底前完成', 'BOOLEAN true', '-/12/-'],
    ['年内完成', 'BOOLEAN true', '-/12/-'],
    ['2024年底前完成', 'BOOLEAN true', '2024/12/-'],
    ['上半年完成', 'BOOLEAN true', '-/6/-'],
    ['三季度前完成', 'BOOLEAN true', '-/9/-'],
    ['6月中旬前完成', 'BOOLEAN true', '-/6/20'],
    ['6月前完成', 'BOOLEAN true', '-/5/-'],
    ['9月完成', 'BOOLEAN true', '-/9/-'],
  ])('%s → %s, deadline %s', (text, expected, deadline) => {
    expect(read(text)).toBe(expected);
    expect(deadlineOf(text)).toBe(deadline);
  });

  it.each([
    ['9月20日完成', '-/9/20'],
    ['2021年9月完成', '2021/9/-'],
    ['11月底完成', '-/11/-'],
  ])('an actual %s says when the work was done (%s)', (text, deadline) => {
    expect(read(text, ACTUAL)).toBe('BOOLEAN true');
    expect(deadlineOf(text, ACTUAL)).toBe(deadline);
    expect(parseIndicatorValue(text, ACTUAL).explanation).toContain('完成时间');
  });

  it.each([['6月'], ['12月起'], ['1至6月底'], ['2024年'], ['1-12月'], ['及时率'], ['1月前完成']])(
    '%s is not a deadline',
    (text) => {
      expect(deadlineOf(text)).toBe('none');
    },
  );

  it('says how it read "6月前"', () => {
    expect(parseIndicatorValue('6月前完成').explanation).toContain('“6月前”读作 5 月底前');
  });

  const D = (month: number | null, day: number | null = null, year: number | null = null): Deadline => ({
    year,
    month,
    day,
    written: '',
  });
  it.each<[string, Deadline, Deadline, boolean | null]>([
    ['done in the deadline month', D(9), D(9, 20), false],
    ['done a month late', D(9), D(10), true],
    ['done before', D(12), D(6, 1), false],
    ['a day late', D(6, 30), D(7, 1), true],
    ['on the day', D(6, 30), D(6, 30), false],
    ['month only against a day: the evaluator checks', D(6, 15), D(6), null],
    ['the year decides first', D(12, null, 2021), D(1, 5, 2022), true],
    ['按时 names no date', D(null), D(9), null],
  ])('isLate: %s', (_, deadline, done, late) => {
    expect(isLate(deadline, done)).toBe(late);
  });
});

describe('zero targets read as ≤ 0 occurrences (lower is better)', () => {
  it.each([
    ['零', 'LTE 0'],
    ['零投诉', 'LTE 0'],
    ['零事故', 'LTE 0'],
    ['安全事故零发生', 'LTE 0'],
    ['杜绝安全事故', 'LTE 0'],
    ['杜绝', 'LTE 0'],
    ['未发生', 'LTE 0'],
    ['未发生重大舆情事件', 'LTE 0'],
    ['不发生安全生产事故', 'LTE 0'],
    ['无安全事故', 'LTE 0'],
    ['无违规违纪问题', 'LTE 0'],
    ['无重大投诉', 'LTE 0'],
    ['没有差错', 'LTE 0'],
    ['差错为零', 'LTE 0'],
    // unchanged
    ['0', 'LTE 0'],
    ['0起', 'LTE 0 起'],
    ['零次', 'LTE 0 次'],
  ])('target %s → %s', (text, expected) => {
    const parsed = parseIndicatorValue(text);
    expect(reading(parsed)).toBe(expected);
    expect(parsed.quantity!.direction).toBe('LOWER_IS_BETTER');
  });

  it.each([
    ['零投诉', 'EQ 0'],
    ['未发生', 'EQ 0'],
    ['杜绝安全事故', 'EQ 0'],
  ])('actual %s → %s', (text, expected) => {
    expect(read(text, ACTUAL)).toBe(expected);
  });

  describe('"无" alone', () => {
    const zeroTarget = parseIndicatorValue('零投诉');
    it.each<[string, ValueContext, string]>([
      ['a target with no context', {}, 'NOT_APPLICABLE'],
      ['an actual with no context', ACTUAL, 'NOT_APPLICABLE'],
      ['a 经济效益 target', { level2: 'ECONOMIC', name: '无直接经济效益' }, 'NOT_APPLICABLE'],
      ['a rate named for complaints (投诉处理率)', { name: '投诉处理率' }, 'NOT_APPLICABLE'],
      ['the actual of a zero target', { role: 'ACTUAL', target: zeroTarget }, 'EQ 0'],
      ['the actual of an indicator counting accidents', { role: 'ACTUAL', name: '安全事故发生次数' }, 'EQ 0'],
      ['the target of an indicator counting complaints', { name: '群众投诉' }, 'LTE 0'],
      ['the actual of a ≥ target', { role: 'ACTUAL', target: parseIndicatorValue('≥12次') }, 'NOT_APPLICABLE'],
    ])('as %s → %s', (_, context, expected) => {
      expect(read('无', context)).toBe(expected);
    });
  });

  it.each([['零容忍'], ['无明显变化'], ['无直接社会效益'], ['无此项'], ['暂无']])('%s is no zero target', (text) => {
    expect(read(text)).not.toMatch(/^LTE 0/);
  });
});

describe('frequencies keep their period and compare on the annual equivalent', () => {
  it.each([
    ['每月2次', 'MONTH GTE 2 次', '24'],
    ['每月不少于2次', 'MONTH GTE 2 次', '24'],
    ['每月至少2次', 'MONTH GTE 2 次', '24'],
    ['每月开展2次', 'MONTH GTE 2 次', '24'],
    ['每月开展理论学习2次', 'MONTH GTE 2 次', '24'],
    ['每个月两次', 'MONTH GTE 2 次', '24'],
    ['每季度1次', 'QUARTER GTE 1 次', '4'],
    ['每季度召开1次', 'QUARTER GTE 1 次', '4'],
    ['每季至少一次', 'QUARTER GTE 1 次', '4'],
    ['每周1期', 'WEEK GTE 1 期', '52'],
    ['每半年1次', 'HALF_YEAR GTE 1 次', '2'],
    ['每年4次', 'YEAR GTE 4 次', '4'],
    ['2次/月', 'MONTH GTE 2 次', '24'],
    ['1次/季度', 'QUARTER GTE 1 次', '4'],
    ['每天1条', 'DAY GTE 1 条', '365'],
  ])('%s → %s (a year: %s)', (text, expected, annual) => {
    const parsed = parseIndicatorValue(text);
    expect(reading(parsed)).toBe(expected);
    // Words between the period and the number ("开展理论学习") are skipped, with less confidence.
    expect(parsed.confidence).toBe(/每.+[开召]/.test(text) ? 'MEDIUM' : 'HIGH');
    expect(formatDecimal(annualQuantity(parsed.quantity!).value)).toBe(annual);
  });

  it.each([
    ['500元/月', 'GTE 500 元/月'],
    ['石峰媒体中心每天通过石峰发布推送主题报道，全年不少于300篇', 'TEXT [GTE 300 篇]'],
    ['每月2次，全年不少于30次', 'TEXT [GTE 2 次; GTE 30 次]'],
  ])('%s → %s (no period)', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('shows the period', () => {
    expect(describeQuantity(parseIndicatorValue('每月不少于2次').quantity!)).toBe('每月 ≥ 2 次');
    expect(parseIndicatorValue('每月2次').explanation).toContain('折合全年');
  });

  it('annualises a range and leaves a plain quantity alone', () => {
    const range = parseIndicatorValue('每月2-3次').quantity!;
    expect([formatDecimal(annualQuantity(range).value), formatDecimal(annualQuantity(range).upper!)]).toEqual(['24', '36']);
    const plain = parseIndicatorValue('12次').quantity!;
    expect(annualQuantity(plain)).toBe(plain);
  });
});

describe('不超过预算 / 控制在预算内 read as ≤ 100 % of the budget', () => {
  it.each([
    ['不超过预算'],
    ['控制在预算内'],
    ['控制在预算以内'],
    ['控制在预算范围内'],
    ['支出不超过预算'],
    ['不超出年初预算'],
    ['严格控制在预算内'],
    ['预算范围内'],
    ['在预算范围内'],
    ['未超预算'],
  ])('%s → ≤ 100 % of the budget', (text) => {
    const parsed = parseIndicatorValue(text);
    expect(reading(parsed)).toBe('LTE 100 % BUDGET');
    expect(parsed.quantity!.direction).toBe('LOWER_IS_BETTER');
    expect(describeQuantity(parsed.quantity!)).toBe('≤ 100%（占预算）');
  });

  it.each([['按预算经费实施。'], ['按预算金额'], ['预算执行']])('%s stays TEXT (fixture 002 wording)', (text) => {
    expect(read(text)).toBe('TEXT');
  });
});

describe('compatible units compare one to one', () => {
  it.each<[string, string | null, boolean]>([
    ['篇', '篇次', true],
    ['篇次', '篇', true],
    ['人', '人次', true],
    ['人', '名', true],
    ['场', '场次', true],
    ['天', '日', true],
    ['万元', '元', false], // money converts exactly instead
    ['次', '场', false],
    ['%', '次', false],
    ['篇', '篇', false],
    ['篇', null, false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(compatibleUnits(a, b)).toBe(expected);
  });
});

describe('"100%" with the quantity in the indicator name', () => {
  it.each<[string, string]>([
    ['完成中心组学习任务12次。', 'GTE 12 次'], // fixture 002
    ['完成培训12期', 'GTE 12 期'],
    ['举办讲座不少于5场', 'GTE 5 场'],
    ['发放补助1.3万人次', 'GTE 13000 人次'],
  ])('name %s → a hint %s', (name, expected) => {
    const parsed = parseIndicatorValue('100%', { name });
    expect(reading(parsed)).toBe('GTE 100 %');
    expect(short(parsed.nameQuantity!)).toBe(expected);
    expect(parsed.explanation).toContain('指标名称中写有数量');
  });

  it.each<[string, string, ValueContext]>([
    ['95%', '完成培训12期', {}],
    ['100%', '工作及时完成率', {}],
    ['100%', '庆祝建党100周年', {}],
    ['100%', '完成培训12期', ACTUAL],
    ['12期', '完成培训12期', {}],
  ])('%s with name %s: no hint', (text, name, context) => {
    expect(parseIndicatorValue(text, { ...context, name }).nameQuantity ?? null).toBeNull();
  });

  it('names with two quantities suggest a split', () => {
    const parsed = parseIndicatorValue('100%', { name: '开展宣讲10次以上，开展意识形态工作督查一次。' });
    expect(parsed.nameQuantity ?? null).toBeNull();
    expect(parsed.explanation).toContain('指标名称中写有多个数量');
  });
});
