/**
 * Every target and actual of the two real documents (DOMAIN.md §4 examples among them), read in the
 * context each indicator gives it. The fixtures are copied verbatim into server/demo-data.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal.js';
import { canonicalLevels } from '../indicator-hierarchy.js';
import { parseIndicatorValue } from './parse.js';
import type { ParsedValue, ValueContext } from './types.js';

const demoData = resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo-data');

interface FixtureIndicator {
  level1: string;
  level2: string | null;
  name: string;
  target: string | null;
  actual: string | null;
}

interface FixtureDocument {
  indicators?: FixtureIndicator[];
  lineItems?: FixtureLineItem[];
}

interface FixtureLineItem {
  indicators?: FixtureIndicator[];
  children?: FixtureLineItem[];
}

function indicatorsOf(file: string): FixtureIndicator[] {
  const document = JSON.parse(readFileSync(resolve(demoData, file), 'utf8')) as FixtureDocument;
  const fromItems = (items: FixtureLineItem[] = []): FixtureIndicator[] =>
    items.flatMap((item) => [...(item.indicators ?? []), ...fromItems(item.children)]);
  return [...(document.indicators ?? []), ...fromItems(document.lineItems)];
}

type Role = 'TARGET' | 'ACTUAL';
/** Is the indicator a cost or a limit (产出成本, 成本指标, a name with 不超过 …)? It turns bare targets into ceilings. */
type Side = 'cost' | 'other';

interface Expected {
  kind: ParsedValue['kind'];
  comparator?: string;
  value?: string;
  unit?: string | null;
  approximate?: boolean;
  boolean?: boolean;
  grade?: string;
  /** For TEXT: the quantities found, as "GTE 12 次". */
  hints?: string[];
}

/** [text, role, side, expected reading] — one row per distinct reading in the two documents. */
const EXPECTED: Array<[string, Role, Side, Expected]> = [
  // fixture 002 (石峰 2021 targets)
  [
    '开展区委理论中心组学习12次，开展党史学习研讨4次，开展宣讲10次以上，开展书法美术作品创作与展示1次。石峰媒体中心每天通过石峰发布、抖音、微博等推送主题报道。',
    'TARGET',
    'other',
    { kind: 'TEXT', hints: ['GTE 12 次', 'GTE 4 次', 'GTE 10 次', 'GTE 1 次'] },
  ],
  ['100%', 'TARGET', 'other', { kind: 'QUANTITY', comparator: 'GTE', value: '100', unit: '%', approximate: false }],
  // 产出成本 "不超过预算" / "按预算金额" at 100%: spend no more than the budget.
  ['100%', 'TARGET', 'cost', { kind: 'QUANTITY', comparator: 'LTE', value: '100', unit: '%', approximate: false }],
  ['按预算经费实施。', 'TARGET', 'cost', { kind: 'TEXT', hints: [] }],
  ['无直接经济效益', 'TARGET', 'other', { kind: 'NOT_APPLICABLE' }],
  ['95%', 'TARGET', 'other', { kind: 'QUANTITY', comparator: 'GTE', value: '95', unit: '%', approximate: false }],
  ['开展社会公益宣传。', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['6万元以下', 'TARGET', 'cost', { kind: 'QUANTITY', comparator: 'LTE', value: '6', unit: '万元', approximate: false }],
  ['良好', 'TARGET', 'other', { kind: 'GRADE', grade: 'GOOD' }],
  ['/', 'TARGET', 'other', { kind: 'NOT_APPLICABLE' }],
  // fixture 004 (雁峰 2024 self-evaluation)
  ['99.99%', 'ACTUAL', 'other', { kind: 'QUANTITY', comparator: 'EQ', value: '99.99', unit: '%', approximate: false }],
  ['完成12次', 'TARGET', 'other', { kind: 'QUANTITY', comparator: 'GTE', value: '12', unit: '次', approximate: false }],
  ['完成完成', 'ACTUAL', 'other', { kind: 'BOOLEAN', boolean: true }],
  ['组织宣讲团', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['利用各种形式开展宣讲', 'ACTUAL', 'other', { kind: 'TEXT', hints: [] }],
  ['开展专项检查', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['完成', 'ACTUAL', 'other', { kind: 'BOOLEAN', boolean: true }],
  ['实行值班制、做好网络问政', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['有为有位', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['合规', 'TARGET', 'other', { kind: 'BOOLEAN', boolean: true }],
  ['合规', 'ACTUAL', 'other', { kind: 'BOOLEAN', boolean: true }],
  ['提质提量', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['开展各项文化活动', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['文化、旅游欣欣向荣', 'ACTUAL', 'other', { kind: 'TEXT', hints: [] }],
  ['积极开展', 'TARGET', 'other', { kind: 'TEXT', hints: [] }],
  ['≥90%', 'TARGET', 'other', { kind: 'QUANTITY', comparator: 'GTE', value: '90', unit: '%', approximate: false }],
  ['90%', 'ACTUAL', 'other', { kind: 'QUANTITY', comparator: 'EQ', value: '90', unit: '%', approximate: false }],
];

function contextOf(indicator: FixtureIndicator, role: Role): { context: ValueContext; side: Side } {
  const { level1, level2 } = canonicalLevels(indicator.level1, indicator.level2);
  const cost = level1 === 'COST' || level2 === 'OUTPUT_COST' || /成本|不超过|控制在|以内/.test(indicator.name);
  return { context: { role, level1, level2, name: indicator.name }, side: cost ? 'cost' : 'other' };
}

function summarise(parsed: ParsedValue): Expected {
  switch (parsed.kind) {
    case 'QUANTITY': {
      const q = parsed.quantity!;
      return { kind: 'QUANTITY', comparator: q.comparator, value: formatDecimal(q.value), unit: q.unit, approximate: q.approximate };
    }
    case 'BOOLEAN':
      return { kind: 'BOOLEAN', boolean: parsed.boolean! };
    case 'GRADE':
      return { kind: 'GRADE', grade: parsed.grade! };
    case 'NOT_APPLICABLE':
      return { kind: 'NOT_APPLICABLE' };
    case 'TEXT':
      return { kind: 'TEXT', hints: parsed.hints.map((h) => `${h.comparator} ${formatDecimal(h.value)} ${h.unit}`) };
  }
}

const occurrences = ['shifeng-2021-targets.json', 'yanfeng-2024-self-evaluation.json'].flatMap((file) =>
  indicatorsOf(file).flatMap((indicator) =>
    (['TARGET', 'ACTUAL'] as const).flatMap((role) => {
      const text = role === 'TARGET' ? indicator.target : indicator.actual;
      return text === null ? [] : [{ file, indicator, role, text, ...contextOf(indicator, role) }];
    }),
  ),
);

describe('fixture values', () => {
  it('finds the 54 indicators of fixture 002 (9 + 5 子项 × 9) and the 11 of fixture 004', () => {
    expect(indicatorsOf('shifeng-2021-targets.json')).toHaveLength(9 + 5 * 9);
    expect(indicatorsOf('yanfeng-2024-self-evaluation.json')).toHaveLength(11);
  });

  it.each(EXPECTED)('%s (%s, %s) reads as expected', (text, role, side, expected) => {
    const found = occurrences.filter((o) => o.text === text && o.role === role && o.side === side);
    expect(found.length, 'the row is in the fixtures').toBeGreaterThan(0);
    for (const occurrence of found) {
      const parsed = parseIndicatorValue(text, occurrence.context);
      expect(summarise(parsed), `${occurrence.file}: ${occurrence.indicator.name}`).toEqual(expected);
      expect(parsed.raw).toBe(text);
      expect(parsed.explanation).not.toBe('');
    }
  });

  it('has an expected reading for every value in the fixtures', () => {
    const missing = occurrences.filter(
      (o) => !EXPECTED.some(([text, role, side]) => text === o.text && role === o.role && side === o.side),
    );
    expect(missing.map((o) => `${o.role} ${o.side} ${o.text}`)).toEqual([]);
  });

  it.each<[string, Role, string]>([
    ['≥90%', 'TARGET', 'HIGH'],
    ['100%', 'TARGET', 'HIGH'],
    ['6万元以下', 'TARGET', 'HIGH'],
    ['完成12次', 'TARGET', 'HIGH'],
    ['良好', 'TARGET', 'HIGH'],
    ['/', 'TARGET', 'HIGH'],
    ['无直接经济效益', 'TARGET', 'HIGH'],
    ['合规', 'TARGET', 'HIGH'],
    ['90%', 'ACTUAL', 'HIGH'],
    ['99.99%', 'ACTUAL', 'HIGH'],
    ['完成', 'ACTUAL', 'HIGH'],
    ['完成完成', 'ACTUAL', 'MEDIUM'],
    ['按预算经费实施。', 'TARGET', 'LOW'],
    ['有为有位', 'TARGET', 'LOW'],
  ])('%s (%s) is read with %s confidence', (text, role, confidence) => {
    expect(parseIndicatorValue(text, { role }).confidence).toBe(confidence);
  });

  it('suggests splitting the compound target of fixture 002', () => {
    const compound = occurrences.find((o) => o.text.startsWith('开展区委理论中心组学习12次'))!;
    const parsed = parseIndicatorValue(compound.text, compound.context);
    expect(parsed.explanation).toContain('建议拆分为多个指标');
    expect(parsed.confidence).toBe('LOW');
  });

  // DOMAIN.md §4: "41场" is the actual of 开展理论宣讲 (its evidence says 共开展41场; the target 组织宣讲团 is TEXT).
  it.each<[string, string]>([
    ['41场', '= 41 场'],
    ['共开展41场', '= 41 场'],
  ])('actual %s of 开展理论宣讲 → %s', (text, shown) => {
    const parsed = parseIndicatorValue(text, { role: 'ACTUAL', level1: 'OUTPUT', name: '开展理论宣讲' });
    expect([parsed.kind, parsed.quantity && `= ${formatDecimal(parsed.quantity.value)} ${parsed.quantity.unit}`]).toEqual([
      'QUANTITY',
      shown,
    ]);
    expect(parsed.quantity!.comparator).toBe('EQ');
  });

  // Numbers as the 佐证 (evidence) texts of fixture 004 write them.
  it.each<[string, string]>([
    ['800余篇', 'GTE 800 篇 约'],
    ['5000余篇', 'GTE 5000 篇 约'],
    ['17.3万次', 'EQ 173000 次'],
    ['240期', 'EQ 240 期'],
    ['400余条次', 'GTE 400 条次 约'],
    ['超40万+人次', 'GT 400000 人次 约'],
    ['70余场', 'GTE 70 场 约'],
    ['563.72万元', 'EQ 563.72 万元'],
  ])('evidence figure %s (as an actual) → %s', (text, expected) => {
    const q = parseIndicatorValue(text, { role: 'ACTUAL' }).quantity!;
    expect([q.comparator, formatDecimal(q.value), q.unit, q.approximate ? '约' : null].filter(Boolean).join(' ')).toBe(expected);
  });
});
