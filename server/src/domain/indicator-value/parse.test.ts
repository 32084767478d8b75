import { describe, expect, it } from 'vitest';
import { formatDecimal, toMicros } from '../decimal.js';
import { convertQuantityUnit, describeQuantity, parseIndicatorValue } from './parse.js';
import { normaliseText } from './vocabulary.js';
import type { ParsedValue, Quantity, ValueContext } from './types.js';

/**
 * A reading in one line, the way the forms read: "GTE 12 次", "RANGE 90–95 %", "GTE 400 场 约",
 * "BOOLEAN true", "GRADE GOOD", "NOT_APPLICABLE", "TEXT [GTE 10 次; GTE 1 次]".
 */
function reading(parsed: ParsedValue): string {
  switch (parsed.kind) {
    case 'QUANTITY':
      return short(parsed.quantity!);
    case 'BOOLEAN':
      return `BOOLEAN ${parsed.boolean}`;
    case 'GRADE':
      return `GRADE ${parsed.grade}`;
    case 'NOT_APPLICABLE':
      return 'NOT_APPLICABLE';
    case 'TEXT':
      return parsed.hints.length > 0 ? `TEXT [${parsed.hints.map(short).join('; ')}]` : 'TEXT';
  }
}

function short(q: Quantity): string {
  const number = q.upper === null ? formatDecimal(q.value) : `${formatDecimal(q.value)}–${formatDecimal(q.upper)}`;
  return [q.comparator, number, q.unit, q.approximate ? '约' : null].filter((part) => part !== null).join(' ');
}

const read = (text: string, context?: ValueContext) => reading(parseIndicatorValue(text, context));
const ACTUAL: ValueContext = { role: 'ACTUAL' };

describe('comparator words before the number (DOMAIN.md §4)', () => {
  it.each([
    ['≥12次', 'GTE 12 次'],
    ['>=12次', 'GTE 12 次'],
    ['＞=12次', 'GTE 12 次'],
    ['≧12次', 'GTE 12 次'],
    ['不少于12次', 'GTE 12 次'],
    ['不低于90%', 'GTE 90 %'],
    ['不小于90%', 'GTE 90 %'],
    ['大于等于90%', 'GTE 90 %'],
    ['大于或等于90%', 'GTE 90 %'],
    ['至少12次', 'GTE 12 次'],
    ['最少3场', 'GTE 3 场'],
    ['达到95%', 'GTE 95 %'],
    ['达95%', 'GTE 95 %'],
    ['≤6万元', 'LTE 6 万元'],
    ['<=6万元', 'LTE 6 万元'],
    ['≦6万元', 'LTE 6 万元'],
    ['不超过6万元', 'LTE 6 万元'],
    ['不高于5%', 'LTE 5 %'],
    ['不大于5%', 'LTE 5 %'],
    ['不多于3次', 'LTE 3 次'],
    ['小于等于3次', 'LTE 3 次'],
    ['小于或等于3次', 'LTE 3 次'],
    ['至多3次', 'LTE 3 次'],
    ['控制在6万元', 'LTE 6 万元'],
    ['最多3天', 'LTE 3 天'],
    ['>90%', 'GT 90 %'],
    ['＞90%', 'GT 90 %'],
    ['超过10次', 'GT 10 次'],
    ['高于90%', 'GT 90 %'],
    ['大于90%', 'GT 90 %'],
    ['多于10场', 'GT 10 场'],
    ['超10场', 'GT 10 场'],
    ['<5%', 'LT 5 %'],
    ['＜5%', 'LT 5 %'],
    ['低于5%', 'LT 5 %'],
    ['少于3次', 'LT 3 次'],
    ['小于3次', 'LT 3 次'],
    ['不足3次', 'LT 3 次'],
    ['=100%', 'EQ 100 %'],
    ['＝100%', 'EQ 100 %'],
    ['等于100%', 'EQ 100 %'],
    ['==100%', 'EQ 100 %'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('comparator words after the number', () => {
  it.each([
    ['12次以上', 'GTE 12 次'],
    ['12次及以上', 'GTE 12 次'],
    ['90%或以上', 'GTE 90 %'],
    ['6万元以下', 'LTE 6 万元'],
    ['6万元及以下', 'LTE 6 万元'],
    ['6万元以内', 'LTE 6 万元'],
    ['30天之内', 'LTE 30 天'],
    ['6万元或以下', 'LTE 6 万元'],
    ['6万元为上限', 'LTE 6 万元'],
    ['90%为下限', 'GTE 90 %'],
    ['3天内', 'LTE 3 天'],
    ['90%以上（含）', 'GTE 90 %'],
    ['90%以上（不含）', 'GT 90 %'],
    ['90%（含）以上', 'GTE 90 %'],
    ['90%（不含）以上', 'GT 90 %'],
    ['6万元以下(不含)', 'LT 6 万元'],
    ['达到90%以上', 'GTE 90 %'],
    ['控制在6万元以内', 'LTE 6 万元'],
    ['不少于10次以上', 'GTE 10 次'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([['不超过10次以上'], ['超过6万元以下'], ['≥90%以下']])('%s contradicts itself → TEXT', (text) => {
    const parsed = parseIndicatorValue(text);
    expect(parsed.kind).toBe('TEXT');
    expect(parsed.explanation).toContain('矛盾');
  });
});

describe('units (longest first: 篇次 before 篇, 人次 before 人, 万元 before 元)', () => {
  it.each([
    ['90%', '%'],
    ['12次', '次'],
    ['30篇', '篇'],
    ['30篇次', '篇次'],
    ['4场', '场'],
    ['4场次', '场次'],
    ['20个', '个'],
    ['6个月', '个月'],
    ['5项', '项'],
    ['100人', '人'],
    ['100名', '名'],
    ['1000人次', '人次'],
    ['30天', '天'],
    ['12期', '期'],
    ['200条', '条'],
    ['400条次', '条次'],
    ['50件', '件'],
    ['300户', '户'],
    ['3支', '支'],
    ['1000册', '册'],
    ['500份', '份'],
    ['10家', '家'],
    ['3所', '所'],
    ['4站', '站'],
    ['24小时', '小时'],
    ['3年', '年'],
    ['6月', '月'],
    ['6万元', '万元'],
    ['5000元', '元'],
    ['1.5亿元', '亿元'],
    ['90分', '分'],
    ['0起', '起'],
    ['30日内', '日'],
    ['5个工作日内', '个工作日'],
    // A count per period is a frequency (./frequency.test.ts): the unit is 次, the period QUARTER.
    ['1次/季度', '次'],
    ['5‰', '‰'],
    ['500元/人', '元/人'],
    ['1次/月', '次'],
  ])('%s has unit %s', (text, unit) => {
    const parsed = parseIndicatorValue(text);
    expect(parsed.kind).toBe('QUANTITY');
    expect(parsed.quantity!.unit).toBe(unit);
  });
});

describe('numbers: Arabic, Chinese numerals, scales (万/亿 scale except in 万元/亿元)', () => {
  it.each([
    ['十二次', 'GTE 12 次'],
    ['一次', 'GTE 1 次'],
    ['两次', 'GTE 2 次'],
    ['十次', 'GTE 10 次'],
    ['二十五人', 'GTE 25 人'],
    ['一百零五人', 'GTE 105 人'],
    ['三千五百册', 'GTE 3500 册'],
    ['两万人次', 'GTE 20000 人次'],
    ['一万二千人', 'GTE 12000 人'],
    ['一亿二千万元', 'GTE 120000000 元'],
    ['1亿2千万元', 'GTE 120000000 元'],
    ['1亿2000万元', 'GTE 120000000 元'],
    ['零次', 'LTE 0 次'],
    ['百分之九十', 'GTE 90 %'],
    ['百分之百', 'GTE 100 %'],
    ['百分之95', 'GTE 95 %'],
    ['六万元', 'GTE 6 万元'],
    ['1.3万人', 'GTE 13000 人'],
    ['17.3万次', 'GTE 173000 次'],
    ['3千人', 'GTE 3000 人'],
    ['1万2千人', 'GTE 12000 人'],
    ['5千万元', 'GTE 5000 万元'],
    ['6万元', 'GTE 6 万元'],
    ['2亿元', 'GTE 2 亿元'],
    ['1,000人', 'GTE 1000 人'],
    ['12,345,678元', 'GTE 12345678 元'],
    ['267.5915万元', 'GTE 267.5915 万元'],
    ['0.5%', 'GTE 0.5 %'],
    ['99.99%', 'GTE 99.99 %'],
    ['-5%', 'GTE -5 %'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('rounds more than 6 decimals half away from zero and says so', () => {
    const parsed = parseIndicatorValue('1.2345675%');
    expect(reading(parsed)).toBe('GTE 1.234568 %');
    expect(parsed.confidence).toBe('MEDIUM');
    expect(parsed.explanation).toContain('四舍五入');
  });

  it('keeps huge numbers exact', () => {
    expect(parseIndicatorValue('123456789012345678901234人').quantity!.value).toBe(123456789012345678901234n * 1_000_000n);
  });
});

describe('full-width forms are ordinary', () => {
  it.each([
    ['９０％', 'GTE 90 %'],
    ['≥９０％', 'GTE 90 %'],
    ['＞＝９０％', 'GTE 90 %'],
    ['＜５％', 'LT 5 %'],
    ['＝１００％', 'EQ 100 %'],
    ['９０～９５％', 'RANGE 90–95 %'],
    ['９９．９９％', 'GTE 99.99 %'],
    ['１２次', 'GTE 12 次'],
    ['不少于　１２　次', 'GTE 12 次'],
    ['≥ 90 %', 'GTE 90 %'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('says it read full-width symbols as half-width', () => {
    expect(parseIndicatorValue('９０％').explanation).toContain('全角');
  });
});

describe('ranges', () => {
  it.each([
    ['90%-95%', 'RANGE 90–95 %'],
    ['90～95%', 'RANGE 90–95 %'],
    ['90%至95%', 'RANGE 90–95 %'],
    ['90%~95%', 'RANGE 90–95 %'],
    ['90%—95%', 'RANGE 90–95 %'],
    ['90-95%', 'RANGE 90–95 %'],
    ['10-20次', 'RANGE 10–20 次'],
    ['10次至20次', 'RANGE 10–20 次'],
    ['10到20次', 'RANGE 10–20 次'],
    ['90%-95%之间', 'RANGE 90–95 %'],
    ['控制在90%-95%', 'RANGE 90–95 %'],
    ['五至十次', 'RANGE 5–10 次'],
    ['5-10万元', 'RANGE 5–10 万元'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('reads reversed bounds low to high, with less confidence', () => {
    const parsed = parseIndicatorValue('95%-90%');
    expect(reading(parsed)).toBe('RANGE 90–95 %');
    expect(parsed.confidence).toBe('MEDIUM');
  });

  it('carries the first unit to an unmarked upper bound, with less confidence', () => {
    const parsed = parseIndicatorValue('90%-95');
    expect(reading(parsed)).toBe('RANGE 90–95 %');
    expect(parsed.confidence).toBe('MEDIUM');
  });

  it.each([
    ['不低于90%，不超过95%', 'RANGE 90–95 %'],
    ['不少于10次且不超过20次', 'RANGE 10–20 次'],
  ])('a lower and an upper bound in one unit are a range: %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([['90%-95次'], ['≥90%-95%']])('%s is not a range', (text) => {
    expect(parseIndicatorValue(text).kind).toBe('TEXT');
  });
});

describe('approximate quantities ("400余场", "1.3万多名", "110万+")', () => {
  it.each([
    ['400余场', 'GTE 400 场 约'],
    ['3700余篇次', 'GTE 3700 篇次 约'],
    ['1.3万多名', 'GTE 13000 名 约'],
    ['110万+', 'GTE 1100000 约'],
    ['300多人', 'GTE 300 人 约'],
    ['70余场', 'GTE 70 场 约'],
    ['20余个', 'GTE 20 个 约'],
    ['400余条次', 'GTE 400 条次 约'],
    ['超40万+人次', 'GT 400000 人次 约'],
    ['约400场', 'GTE 400 场 约'],
    ['400场左右', 'GTE 400 场 约'],
    ['大约90%', 'GTE 90 % 约'],
    ['约为90%', 'GTE 90 % 约'],
    ['大概400场', 'GTE 400 场 约'],
    ['400场上下', 'GTE 400 场 约'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['400余场', 'GTE 400 场 约'],
    ['约400场', 'EQ 400 场 约'],
  ])('as an actual, 余 still means at least and 约 is what happened: %s → %s', (text, expected) => {
    expect(read(text, ACTUAL)).toBe(expected);
  });
});

describe('BOOLEAN', () => {
  it.each([
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
    ['完成。', true],
    ['“合规”', true],
    ['未完成', false],
    ['没有完成', false],
    ['未按时完成', false],
    ['不符合', false],
    ['不合规', false],
    ['否', false],
    ['未达标', false],
    ['不达标', false],
  ])('%s → %s', (text, value) => {
    const parsed = parseIndicatorValue(text);
    expect([parsed.kind, parsed.boolean, parsed.confidence]).toEqual(['BOOLEAN', value, 'HIGH']);
  });

  it.each([
    ['完成完成', true],
    ['合规合规', true],
    ['未完成未完成', false],
  ])('a word written twice (%s) reads as the word, with less confidence', (text, value) => {
    const parsed = parseIndicatorValue(text, ACTUAL);
    expect([parsed.kind, parsed.boolean, parsed.confidence]).toEqual(['BOOLEAN', value, 'MEDIUM']);
    expect(parsed.explanation).toContain('重复');
  });
});

describe('GRADE: 优/优秀 > 良/良好/较好 > 中/合格/一般 > 差/较差', () => {
  it.each([
    ['优', 'EXCELLENT'],
    ['优秀', 'EXCELLENT'],
    ['良', 'GOOD'],
    ['良好', 'GOOD'],
    ['较好', 'GOOD'],
    ['中', 'FAIR'],
    ['中等', 'FAIR'],
    ['合格', 'FAIR'],
    ['一般', 'FAIR'],
    ['差', 'POOR'],
    ['较差', 'POOR'],
    ['不合格', 'POOR'],
    ['优良', 'GOOD'],
    ['良好。', 'GOOD'],
    ['优秀等次', 'EXCELLENT'],
    ['良好等级', 'GOOD'],
    ['良好及以上', 'GOOD'],
    ['合格以上', 'FAIR'],
    ['达到良好', 'GOOD'],
    ['≥良好', 'GOOD'],
    ['不低于良好等次', 'GOOD'],
  ])('%s → %s', (text, grade) => {
    const parsed = parseIndicatorValue(text);
    expect([parsed.kind, parsed.grade, parsed.confidence]).toEqual(['GRADE', grade, 'HIGH']);
  });

  it('says a grade with 以上 is a floor', () => {
    expect(parseIndicatorValue('良好及以上').explanation).toContain('至少为良');
  });
});

describe('NOT_APPLICABLE', () => {
  it.each([
    ['/', 'HIGH'],
    ['／', 'HIGH'],
    ['无', 'HIGH'],
    ['无。', 'HIGH'],
    ['—', 'HIGH'],
    ['——', 'HIGH'],
    ['-', 'HIGH'],
    ['--', 'HIGH'],
    ['无直接经济效益', 'HIGH'],
    ['无直接社会效益', 'HIGH'],
    ['无直接生态效益', 'HIGH'],
    ['暂无', 'HIGH'],
    ['不涉及', 'HIGH'],
    ['无此项', 'HIGH'],
    ['//', 'HIGH'],
    ['\\', 'HIGH'],
    ['n/a', 'HIGH'],
    ['NA', 'HIGH'],
    ['不适用', 'HIGH'],
    ['N/A', 'HIGH'],
    ['  /  ', 'HIGH'],
    ['', 'MEDIUM'],
    ['   ', 'MEDIUM'],
    ['\u3000', 'MEDIUM'],
    ['。', 'MEDIUM'],
  ])('%j → NOT_APPLICABLE (%s)', (text, confidence) => {
    const parsed = parseIndicatorValue(text);
    expect([parsed.kind, parsed.confidence]).toEqual(['NOT_APPLICABLE', confidence]);
  });
});

describe('TEXT: anything else, never guessed', () => {
  it.each([
    ['按预算经费实施。'],
    ['有为有位'],
    ['提质提量'],
    ['组织宣讲团'],
    ['开展专项检查'],
    ['实行值班制、做好网络问政'],
    ['开展各项文化活动'],
    ['积极开展'],
    ['文化、旅游欣欣向荣'],
    ['利用各种形式开展宣讲'],
    ['开展社会公益宣传。'],
    ['建设“一极三区”'],
    ['两学一做'],
    ['一次性完成'],
    ['第2期'],
    ['2021.1-2021.12'],
    ['1-12月'],
    ['1至6月底'],
    ['12月起'],
    ['一起学习'],
    ['二〇二一年'],
    ['三四次'],
    ['100周年'],
    ['10 20'],
    ['是否'],
    ['很好'],
    ['十分满意'],
    ['2024年'],
    ['constructor'],
    ['__proto__'],
    ['toString'],
  ])('%s → TEXT', (text) => {
    const parsed = parseIndicatorValue(text);
    expect([reading(parsed), parsed.confidence]).toEqual(['TEXT', 'LOW']);
    expect(parsed.explanation).toContain('按文本处理');
  });
});

describe('one quantity with words around it, and several quantities', () => {
  it.each([
    ['完成12次', 'GTE 12 次', 'HIGH'],
    ['100%完成', 'GTE 100 %', 'HIGH'],
    ['全年共计12次', 'GTE 12 次', 'HIGH'],
    ['开展宣讲10次以上', 'GTE 10 次', 'MEDIUM'],
    ['满意度达到90%以上', 'GTE 90 %', 'MEDIUM'],
    ['完成中心组学习任务12次', 'GTE 12 次', 'MEDIUM'],
    ['群众满意度≥90%', 'GTE 90 %', 'MEDIUM'],
    ['12次12次', 'GTE 12 次', 'MEDIUM'],
    ['12', 'GTE 12', 'MEDIUM'],
    ['110万+', 'GTE 1100000 约', 'MEDIUM'],
  ])('%s → %s (%s)', (text, expected, confidence) => {
    const parsed = parseIndicatorValue(text);
    expect([reading(parsed), parsed.confidence]).toEqual([expected, confidence]);
  });

  it.each([
    ['开展宣讲10次以上，开展意识形态工作督查一次', 'TEXT [GTE 10 次; GTE 1 次]'],
    ['开展宣讲10次，开展督查10次', 'TEXT [GTE 10 次; GTE 10 次]'],
    ['发布稿件800余篇，上稿279篇', 'TEXT [GTE 800 篇 约; GTE 279 篇]'],
    ['100%完成12次', 'TEXT [GTE 100 %; GTE 12 次]'],
  ])('%s → %s, suggesting a split', (text, expected) => {
    const parsed = parseIndicatorValue(text);
    expect([reading(parsed), parsed.confidence]).toEqual([expected, 'LOW']);
    expect(parsed.explanation).toContain('建议拆分为多个指标');
  });

  it.each([
    ['石峰媒体中心每天通过石峰发布推送主题报道，全年不少于300篇', 'TEXT [GTE 300 篇]'],
    ['7×24小时', 'TEXT [GTE 24 小时]'],
  ])('%s → %s: a sentence around a quantity stays text, with the quantity as a hint', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('direction and the default comparator (target vs actual)', () => {
  const cost: ValueContext = { level1: 'OUTPUT', level2: 'OUTPUT_COST', name: '成本控制' };
  it.each<[string, ValueContext, string, string]>([
    ['95%', {}, 'GTE 95 %', 'HIGHER_IS_BETTER'],
    ['95%', { role: 'TARGET' }, 'GTE 95 %', 'HIGHER_IS_BETTER'],
    ['95%', ACTUAL, 'EQ 95 %', 'HIGHER_IS_BETTER'],
    ['100%', { level2: 'OUTPUT_COST' }, 'LTE 100 %', 'LOWER_IS_BETTER'],
    ['6万元', { level1: 'COST', level2: 'ECONOMIC_COST' }, 'LTE 6 万元', 'LOWER_IS_BETTER'],
    ['6万元', { level1: 'COST', level2: null }, 'LTE 6 万元', 'LOWER_IS_BETTER'],
    ['3次', { level2: 'SOCIAL_COST' }, 'LTE 3 次', 'LOWER_IS_BETTER'],
    ['3次', { level2: 'ECOLOGICAL_COST' }, 'LTE 3 次', 'LOWER_IS_BETTER'],
    ['100%', { name: '不超过预算' }, 'LTE 100 %', 'LOWER_IS_BETTER'],
    ['6万元', { name: '支出控制在预算内' }, 'LTE 6 万元', 'LOWER_IS_BETTER'],
    ['6万元', { name: '费用在预算以内' }, 'LTE 6 万元', 'LOWER_IS_BETTER'],
    ['2%', { name: '差错率' }, 'LTE 2 %', 'LOWER_IS_BETTER'],
    ['6万元', { ...cost, role: 'ACTUAL' }, 'EQ 6 万元', 'LOWER_IS_BETTER'],
    ['≥90%', cost, 'GTE 90 %', 'HIGHER_IS_BETTER'],
    ['≤5%', {}, 'LTE 5 %', 'LOWER_IS_BETTER'],
    ['低于5%', {}, 'LT 5 %', 'LOWER_IS_BETTER'],
    ['超过10次', cost, 'GT 10 次', 'HIGHER_IS_BETTER'],
    ['=100%', cost, 'EQ 100 %', 'LOWER_IS_BETTER'],
    ['90%-95%', cost, 'RANGE 90–95 %', 'LOWER_IS_BETTER'],
    ['400余场', cost, 'GTE 400 场 约', 'HIGHER_IS_BETTER'],
    ['0次', {}, 'LTE 0 次', 'LOWER_IS_BETTER'],
    ['0次', ACTUAL, 'EQ 0 次', 'HIGHER_IS_BETTER'],
    ['不少于12次', ACTUAL, 'GTE 12 次', 'HIGHER_IS_BETTER'],
    ['完成41场', ACTUAL, 'EQ 41 场', 'HIGHER_IS_BETTER'],
  ])('%s in %j → %s, %s', (text, context, expected, direction) => {
    const parsed = parseIndicatorValue(text, context);
    expect([reading(parsed), parsed.quantity?.direction]).toEqual([expected, direction]);
  });

  it('explains why a cost target is a ceiling', () => {
    expect(parseIndicatorValue('100%', { level2: 'OUTPUT_COST' }).explanation).toContain('成本指标，越低越好');
    expect(parseIndicatorValue('100%', { name: '不超过预算' }).explanation).toContain('指标名称含“不超过”');
  });

  it('role and context do not change words, grades or marks', () => {
    for (const text of ['完成', '良好', '/', '有为有位']) {
      expect(read(text, ACTUAL)).toBe(read(text, { level1: 'COST', name: '成本' }));
    }
  });
});

describe('explanations and guards', () => {
  it.each([
    ['不少于12次', '读作：≥ 12 次（“不少于”表示下限）'],
    ['6万元以下', '读作：≤ 6 万元（“以下”表示上限）'],
    ['≥90%', '读作：≥ 90%'],
    ['100%', '读作：≥ 100%（目标值未写比较词，按“越高越好”读作下限；100% 已是满额，即须全部达成）'],
    ['十二次', '读作：≥ 12 次（“十二”读作 12；目标值未写比较词，按“越高越好”读作下限）'],
    ['400余场', '读作：≥ 400 场（约数）（“余”表示约数，至少为该数）'],
    ['按预算经费实施。', '无法识别为数量、是否、等级，按文本处理，由评价人员判断'],
  ])('%s explains %s', (text, explanation) => {
    expect(parseIndicatorValue(text).explanation).toBe(explanation);
  });

  it('treats a text over 2,000 characters as TEXT without reading it', () => {
    const text = `${'开展宣讲'.repeat(600)}12次`;
    const parsed = parseIndicatorValue(text);
    expect([parsed.kind, parsed.confidence, parsed.raw]).toEqual(['TEXT', 'LOW', text]);
    expect(parsed.explanation).toContain('文字过长');
  });

  it.each([['9'.repeat(500)], [`${'9'.repeat(25)}次`], [`0.${'1'.repeat(25)}%`], ['一'.repeat(40)]])(
    'a digit run past the cap is TEXT (%#)',
    (text) => {
      const parsed = parseIndicatorValue(text);
      expect([parsed.kind, parsed.confidence]).toEqual(['TEXT', 'LOW']);
    },
  );

  it('drops control characters and keeps the raw text', () => {
    const text = '\u0000≥\u200b90%\u0007';
    const parsed = parseIndicatorValue(text);
    expect([parsed.raw, reading(parsed)]).toEqual([text, 'GTE 90 %']);
  });

  it('numbers glued to Latin letters are names, not counts (5G, G20)', () => {
    expect(read('5G基站10个')).toBe('GTE 10 个');
  });
});

describe('normaliseText', () => {
  it.each([
    ['９０％', '90%', true],
    ['＞＝９０', '>=90', true],
    ['≧90', '≥90', true],
    ['≦5', '≤5', true],
    ['９０～９５', '90~95', true],
    ['９９．９９', '99.99', true],
    ['——', '--', true],
    ['开展宣讲，开展督查', '开展宣讲，开展督查', false],
    ['  ≥ 90 %  ', '≥90%', false],
    ['10 20', '10 20', false],
    ['1,000人', '1000人', false],
    ['12,13次', '12,13次', false],
    ['a\u0000b\u200bc', 'abc', false],
    ['不少于\u3000１２\u3000次', '不少于12次', true],
  ])('%j → %j', (text, expected, widthChanged) => {
    expect(normaliseText(text)).toEqual({ text: expected, widthChanged });
  });
});

describe('describeQuantity', () => {
  it.each<[Quantity['comparator'], string, string | null, string | null, boolean, string]>([
    // comparator, value, upper, unit, approximate → display
    ['GTE', '12', null, '次', false, '≥ 12 次'],
    ['GT', '12', null, '次', false, '> 12 次'],
    ['LTE', '6', null, '万元', false, '≤ 6 万元'],
    ['LT', '5', null, '%', false, '< 5%'],
    ['EQ', '41', null, '场', false, '= 41 场'],
    ['GTE', '90', null, '%', false, '≥ 90%'],
    ['RANGE', '90', '95', '%', false, '90%–95%'],
    ['RANGE', '10', '20', '次', false, '10–20 次'],
    ['RANGE', '10', '20', null, false, '10–20'],
    ['GTE', '400', null, '场', true, '≥ 400 场（约数）'],
    ['GTE', '99.99', null, '%', false, '≥ 99.99%'],
    ['GTE', '12', null, null, false, '≥ 12'],
    ['LTE', '0.000001', null, '万元', false, '≤ 0.000001 万元'],
  ])('%s %s %s %s %s → %s', (comparator, value, upper, unit, approximate, expected) => {
    const quantity: Quantity = {
      comparator,
      value: toMicros(value),
      upper: upper === null ? null : toMicros(upper),
      unit,
      approximate,
      direction: 'HIGHER_IS_BETTER',
    };
    expect(describeQuantity(quantity)).toBe(expected);
  });
});

describe('convertQuantityUnit: 1 亿元 = 10000 万元 = 10^8 元; other units only with themselves', () => {
  it.each<[string, string | null, string | null, string | null]>([
    ['6', '万元', '元', '60000'],
    ['60000', '元', '万元', '6'],
    ['1', '亿元', '万元', '10000'],
    ['1', '亿元', '元', '100000000'],
    ['2.5', '万元', '亿元', '0.00025'],
    ['0.01', '元', '万元', '0.000001'],
    ['0.004', '元', '万元', '0'],
    ['0.005', '元', '万元', '0.000001'],
    ['-0.005', '元', '万元', '-0.000001'],
    ['12', '次', '次', '12'],
    ['12', null, null, '12'],
    ['12', '次', '场', null],
    ['90', '%', '次', null],
    ['6', '万元', null, null],
    ['6', null, '万元', null],
  ])('%s %s → %s = %s', (value, from, to, expected) => {
    const converted = convertQuantityUnit(toMicros(value), from, to);
    expect(converted === null ? null : formatDecimal(converted)).toBe(expected);
  });
});
