/**
 * What a 指标值 (target) or 实际完成值 (actual) text means once read (DOMAIN.md §4).
 * Numbers are exact: bigint micro-units (10^-6), as in ../decimal.ts, without the money bound
 * (a quantity such as "110万+" is 1,100,000 people, not money).
 */
import type { Micros } from '../decimal.js';
import type { Level1, Level2 } from '../indicator-hierarchy.js';

export type ValueKind = 'QUANTITY' | 'BOOLEAN' | 'GRADE' | 'NOT_APPLICABLE' | 'TEXT';

/** GTE ≥, GT >, LTE ≤, LT <, EQ =, RANGE lo–hi. */
export type Comparator = 'GTE' | 'GT' | 'LTE' | 'LT' | 'EQ' | 'RANGE';

export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/** An ordered scale: 优 > 良 > 中 > 差. */
export type Grade = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';

export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';

export interface Quantity {
  comparator: Comparator;
  /** The number (the lower bound for RANGE). */
  value: Micros;
  /** The upper bound, for RANGE only. */
  upper: Micros | null;
  /** As written and normalised: "%", "次", "万元", … ; null when the text has none. */
  unit: string | null;
  /** "400余场", "1.3万多名", "110万+". */
  approximate: boolean;
  direction: Direction;
}

export interface ParsedValue {
  raw: string;
  kind: ValueKind;
  quantity: Quantity | null;
  boolean: boolean | null;
  grade: Grade | null;
  /** Quantities found in a TEXT that states several ("开展宣讲10次以上，开展督查一次"). */
  hints: Quantity[];
  confidence: Confidence;
  /** How it was read, in Chinese, for the person who wrote it ("不少于12次 → ≥ 12 次"). */
  explanation: string;
}

/** What the indicator around a value says about it: 成本指标 and names such as 不超过 point down. */
export interface ValueContext {
  /** A target reads "95%" as ≥ 95 %; an actual reads it as = 95 %. Default TARGET. */
  role?: 'TARGET' | 'ACTUAL';
  level1?: Level1 | null;
  level2?: Level2 | null;
  name?: string | null;
}
