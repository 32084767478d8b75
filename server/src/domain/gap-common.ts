/** The gap's types and the pieces every rule family shares (DOMAIN.md §5). */
import { compareRatio, formatDecimal, ratio, type Micros, type Ratio } from './decimal.js';
import type { Level1 } from './indicator-hierarchy.js';
import type { Deadline, Grade, GradeScale, ParsedValue, Qualifier, Quantity, ValueKind } from './indicator-value/types.js';
import { describeBand, type QualitativeBand } from './scoring.js';

export type GapStatus = 'PENDING' | 'MET' | 'PARTIAL' | 'NOT_MET' | 'NOT_APPLICABLE' | 'NEEDS_JUDGEMENT' | 'INCOMPARABLE';

export const GAP_STATUSES: readonly GapStatus[] = Object.freeze([
  'PENDING',
  'MET',
  'PARTIAL',
  'NOT_MET',
  'NOT_APPLICABLE',
  'NEEDS_JUDGEMENT',
  'INCOMPARABLE',
]);

export type ScoringMethod = 'QUANTITATIVE' | 'QUALITATIVE' | 'BUDGET_EXECUTION';

export type GapWarningCode =
  /** A higher-is-better actual more than 50% beyond its target (偏离度). */
  | 'OVERSHOOT'
  /** One side has no unit and was read in the other side's unit. */
  | 'UNIT_ASSUMED'
  /** The actual is approximate ("400余场") and was counted at its stated number. */
  | 'APPROXIMATE_ACTUAL'
  /** A strict target (> or <) missed exactly at its bound. */
  | 'STRICT_BOUNDARY'
  /** A stated 预算执行率 that is not 执行数 / 全年预算数. */
  | 'STATED_RATE_MISMATCH'
  /** 执行数 above 全年预算数. */
  | 'OVER_EXECUTION';

export interface GapWarning {
  code: GapWarningCode;
  message: string;
}

export interface GapDifference {
  /** actual − target in the target's unit; for RANGE the distance to the nearest bound (0 inside). */
  value: Micros;
  unit: string | null;
  /** The difference is on the good side for the indicator (or there is none). */
  favourable: boolean;
}

export interface Gap {
  status: GapStatus;
  difference: GapDifference | null;
  /** Uncapped completion rate; capped at 1 only for scoring. */
  completion: Ratio | null;
  /** Rounded to 2 decimals; null when the figures cannot suggest a score (or there is no weight). */
  suggestedScore: Micros | null;
  scoringMethod: ScoringMethod | null;
  /** In Chinese, with the figures, so a person can check it. */
  explanation: string;
  warnings: GapWarning[];
}

export interface GapInput {
  target: ParsedValue | null;
  actual: ParsedValue | null;
  /** 分值 */
  weight: Micros | null;
  level1: Level1;
  /** Set explicitly by a planner; wins over the reading of the target text. */
  structuredTarget?: Quantity | null;
}

/** What the target means: the planner's structured form, else the text reading, else (预算执行率) 100%. */
export interface TargetReading {
  raw: string;
  kind: ValueKind;
  quantity: Quantity | null;
  boolean: boolean | null;
  grade: Grade | null;
  hints: Quantity[];
  implicit: boolean;
  scale?: GradeScale | null;
  qualifier?: Qualifier | null;
  deadline?: Deadline | null;
  nameQuantity?: Quantity | null;
}

export function judgementGap(reason: string, weight: Micros | null): Gap {
  return {
    ...emptyGap('NEEDS_JUDGEMENT', `${reason}，无法自动比较，由评价人员判断：${allBands(weight)}`),
    scoringMethod: 'QUALITATIVE',
  };
}

export function emptyGap(status: GapStatus, explanation: string): Gap {
  return { status, difference: null, completion: null, suggestedScore: null, scoringMethod: null, explanation, warnings: [] };
}

export function allBands(weight: Micros | null): string {
  const bands: QualitativeBand[] = ['ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED'];
  return bands.map((band) => describeBand(band, weight)).join('；');
}

export const KIND_LABELS: Record<ValueKind, string> = {
  QUANTITY: '数量',
  BOOLEAN: '是否完成',
  GRADE: '等级',
  NOT_APPLICABLE: '不适用',
  TEXT: '文字描述',
};

export function kindMismatchReason(target: TargetReading, actual: ParsedValue): string {
  const split = target.hints.length > 1 ? '（目标含多个数量，建议拆分为多个指标）' : '';
  const actualRange = actual.kind === 'QUANTITY' && actual.quantity?.comparator === 'RANGE' ? '区间' : KIND_LABELS[actual.kind];
  return `目标"${target.raw}"为${KIND_LABELS[target.kind]}${split}，实际"${actual.raw}"为${actualRange}`;
}

export const ONE: Ratio = { numerator: 1n, denominator: 1n };
export const ZERO: Ratio = { numerator: 0n, denominator: 1n };

export function exactRatio(numerator: Micros, denominator: Micros): Ratio {
  // Callers guarantee a non-zero denominator; ratio() returns null only for zero.
  return ratio(numerator, denominator) ?? ZERO;
}

export function statusOf(met: boolean, completion: Ratio): GapStatus {
  if (met) return 'MET';
  return compareRatio(completion, ZERO) > 0 ? 'PARTIAL' : 'NOT_MET';
}

/** "10 次", "90%", "5.5 万元", "12" — the figure as a form writes it. */
export function formatAmount(value: Micros, unit: string | null): string {
  const number = formatDecimal(value);
  if (unit === null) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
