/**
 * A structured target (设定) the planner set explicitly wins over the reading of the 指标值 text
 * (DOMAIN.md §4), so when the two disagree the printed form says one thing and the gap uses another.
 * This finds such a disagreement; plan checks report it as STRUCTURED_TARGET_CONTRADICTS_TEXT.
 *
 * Rules (docs/gap-rules.md "读数"):
 * - no text, or a TEXT reading: nothing to contradict (a structured form is how a planner makes a text
 *   comparable);
 * - a text read as 不适用, 是否 or 等级 against a structured quantity: KIND;
 * - units that neither convert (元/万元/亿元) nor compare one to one (篇/篇次 …): UNIT;
 * - a lower bound against an upper bound (≥ vs ≤): SIDE; = and ranges refine either side;
 * - different numbers, after converting money and annualising a frequency: VALUE. A "100%" whose
 *   quantity is in the name agrees with that quantity.
 */
import type { Comparator, ParsedValue, Quantity } from './types.js';
import { annualQuantity } from './frequency.js';
import { compatibleUnits, convertQuantityUnit, describeQuantity } from './units.js';

export type ContradictionReason = 'KIND' | 'UNIT' | 'SIDE' | 'VALUE';

export interface TargetContradiction {
  reason: ContradictionReason;
  /** The text's reading, as shown: "≥ 12 次", "是（完成）", "不适用". */
  textReading: string;
  /** The structured target, as shown. */
  structured: string;
  /** Chinese, with both readings. */
  message: string;
}

const KIND_WORDS: Record<ParsedValue['kind'], string> = {
  QUANTITY: '数量',
  BOOLEAN: '是否完成',
  GRADE: '等级',
  NOT_APPLICABLE: '不适用',
  TEXT: '文字描述',
};

export function structuredTargetContradiction(structured: Quantity, parsed: ParsedValue | null): TargetContradiction | null {
  if (parsed === null || parsed.raw.trim() === '' || parsed.kind === 'TEXT') return null;
  const shownStructured = describeQuantity(structured);
  const found = (reason: ContradictionReason, textReading: string, why: string): TargetContradiction => ({
    reason,
    textReading,
    structured: shownStructured,
    message: `结构化目标 ${shownStructured} 与指标值“${parsed.raw.trim()}”（读作 ${textReading}）不一致：${why}；比较和评分按结构化目标，请核对后统一`,
  });
  if (parsed.kind !== 'QUANTITY' || parsed.quantity === null) {
    return found('KIND', KIND_WORDS[parsed.kind], `指标值为${KIND_WORDS[parsed.kind]}，结构化目标为数量`);
  }
  const candidates = [parsed.quantity, ...(parsed.nameQuantity ? [parsed.nameQuantity] : [])];
  const problems = candidates.map((text) => disagreement(structured, text));
  if (problems.some((problem) => problem === null)) return null;
  const [first] = problems as Array<{ reason: ContradictionReason; why: string }>;
  return found(first.reason, describeQuantity(parsed.quantity), first.why);
}

function disagreement(structured: Quantity, text: Quantity): { reason: ContradictionReason; why: string } | null {
  const inTextUnit = (value: bigint): bigint | null =>
    compatibleUnits(structured.unit, text.unit) || structured.unit === null || text.unit === null
      ? value
      : convertQuantityUnit(value, structured.unit, text.unit);
  if (inTextUnit(structured.value) === null) {
    return { reason: 'UNIT', why: `单位“${structured.unit}”与“${text.unit}”不能换算` };
  }
  const side = (comparator: Comparator) =>
    comparator === 'GTE' || comparator === 'GT' ? 'AT_LEAST' : comparator === 'LTE' || comparator === 'LT' ? 'AT_MOST' : 'BETWEEN';
  const sides = [side(structured.comparator), side(text.comparator)];
  if (sides.includes('AT_LEAST') && sides.includes('AT_MOST')) {
    return { reason: 'SIDE', why: sides[0] === 'AT_LEAST' ? '结构化目标为下限，指标值为上限' : '结构化目标为上限，指标值为下限' };
  }
  const bounds = (q: Quantity) => [q.value, q.comparator === 'RANGE' ? (q.upper ?? q.value) : q.value];
  const [low, high] = bounds(structured).map(inTextUnit);
  const agrees = (q: Quantity) => {
    const [textLow, textHigh] = bounds(q);
    // A one-sided reading agrees with the bound of a range on its side ("≥ 90%" and "90%–95%").
    if (side(q.comparator) === 'AT_LEAST' || side(structured.comparator) === 'AT_LEAST') return low === textLow;
    if (side(q.comparator) === 'AT_MOST' || side(structured.comparator) === 'AT_MOST') return high === textHigh;
    return low === textLow && high === textHigh;
  };
  if (agrees(text) || agrees(annualQuantity(text))) return null;
  return { reason: 'VALUE', why: `数值不同（${describeQuantity(structured)} 与 ${describeQuantity(text)}）` };
}
