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
  /**
   * A frequency: "每月2次" is 2 次 per MONTH, compared on its annual equivalent (24 次). Absent (or
   * null) for a plain quantity.
   */
  period?: Period | null;
  /** What a percentage is of: "不超过预算" is ≤ 100 % of the BUDGET. Absent (or null) otherwise. */
  basis?: 'BUDGET' | null;
}

/** The periods a frequency is written per ("每周", "每月", "每季度", "每半年", "每年", "每天"). */
export type Period = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR';

/** The scale a grade word belongs to: 优/良/中/差, 好/较好/一般/差, or 满意/基本满意/不满意. */
export type GradeScale = 'EXCELLENT_GOOD_FAIR_POOR' | 'GOOD_FAIRLY_GOOD_AVERAGE_POOR' | 'SATISFACTION';

/**
 * How far a yes goes: 基本完成 / 部分完成 are PARTIAL (done in part), 延期完成 / 逾期完成 are LATE (done,
 * after the deadline). Both are 部分达成 when compared.
 */
export type Qualifier = 'PARTIAL' | 'LATE';

/**
 * A date a text sets or reports. As a target it is a deadline ("9月底前", "年底前", "6月30日前"); as an
 * actual it is when the work was done ("9月20日完成"). 按时 / 及时 / 按期 / 按计划 name no date: all null,
 * with the word kept.
 */
export interface Deadline {
  year: number | null;
  /** 1–12; null for 按时/及时/按期/按计划. */
  month: number | null;
  /** Day of the month; null for the end of the month (or no date). */
  day: number | null;
  /** The words as written: "9月底前", "按时". */
  written: string;
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
  /** GRADE: the scale of the word (满意 is the top of a three-level scale). Absent for other kinds. */
  scale?: GradeScale | null;
  /** BOOLEAN true: 基本完成/部分完成 (PARTIAL) or 延期完成 (LATE). Absent for a plain yes or no. */
  qualifier?: Qualifier | null;
  /** BOOLEAN: the deadline a target sets or the date an actual reports (按时, 9月底前 …). */
  deadline?: Deadline | null;
  /**
   * A "100%" whose quantity is in the indicator's name ("完成培训12期" / "100%"): that quantity, so the
   * gap can compare an actual "12期" with it.
   */
  nameQuantity?: Quantity | null;
}

/** What the indicator around a value says about it: 成本指标 and names such as 不超过 point down. */
export interface ValueContext {
  /** A target reads "95%" as ≥ 95 %; an actual reads it as = 95 %. Default TARGET. */
  role?: 'TARGET' | 'ACTUAL';
  level1?: Level1 | null;
  level2?: Level2 | null;
  name?: string | null;
  /**
   * When reading an actual: the reading of the indicator's target. "无" is NOT_APPLICABLE on its own,
   * but 0 occurrences against a zero target ("零投诉", "杜绝安全事故").
   */
  target?: ParsedValue | null;
}
