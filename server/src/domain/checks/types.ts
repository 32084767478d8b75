/**
 * 勾稽关系 — what the consistency checks read and what they report (DOMAIN.md §7).
 *
 * The checks read a plan as the domain sees it (rows with ids, amounts as stated, points), never the
 * import document: a stored plan and an imported document are both turned into this shape. Each
 * warning says where it is by structure (budget category, stage, line item, indicator, section), so
 * no reader has to parse a text path.
 */
import type { Micros } from '../decimal.js';
import type { Level1 } from '../indicator-hierarchy.js';
import type { BudgetCategory } from '../budget-category.js';

export type CheckCode =
  // budget, per stage
  | 'TOTAL_NATURE_SUM' // 合计 = 基本支出 + 项目支出
  | 'BASIC_SUM' // 基本支出 = 人员经费 + 公用经费
  | 'INCOME_SUM' // 合计 = Σ 收入来源
  | 'BASIC_DETAIL_SUM' // 基本支出 = Σ 经济分类明细
  | 'THREE_PUBLIC_SUM' // 三公经费 = 公务接待 + 公车运维 + 公车购置 + 因公出国
  // each amount through the year
  | 'FULL_YEAR_SUM' // 全年预算 = 年初预算 + 调整
  | 'CARRYOVER' // 结余结转 = 全年预算 − 实际支出
  | 'EXECUTION_RATE' // 预算执行率 = 实际支出 / 全年预算
  // line items, per stage
  | 'LINE_ITEM_CHILDREN_SUM' // 专项 = Σ 子项
  | 'LINE_ITEMS_PROJECT_SUM' // 项目支出 = Σ 专项
  // scoring
  | 'SECTION_WEIGHT_SUM' // 部分分值 = Σ 该部分指标分值
  | 'SECTION_SCORE_SUM' // 部分得分 = Σ 该部分指标得分
  | 'SECTIONS_TOTAL_100' // Σ 部分分值 = 100
  | 'INDICATOR_WEIGHTS_TOTAL_100' // Σ 指标分值 = 100
  | 'TOTAL_SCORE_SUM' // 综合得分 = Σ 指标得分
  | 'TOTAL_SCORE_SECTIONS_SUM' // 综合得分 = Σ 部分得分
  | 'SCORE_EXCEEDS_WEIGHT' // 得分 ≤ 分值
  | 'GRADE_BAND' // 评价等次 matches the band of 综合得分
  // readings
  | 'STRUCTURED_TARGET_CONTRADICTS_TEXT'; // 结构化目标 agrees with the 指标值 text (indicator-value/contradiction.ts)

import { STAGE_VALUES, type Stage } from '@jixiao/vocabulary';

export type { Stage };
export const STAGES: readonly Stage[] = STAGE_VALUES;

// ─── What the checks read ───────────────────────────────────────────────────────────────────────

/** One amount through the year, as stated: 万元 decimal strings; null or absent = not stated, never 0. */
export interface StatedAmounts {
  initial?: string | null;
  adjustment?: string | null;
  fullYear?: string | null;
  actual?: string | null;
  carryover?: string | null;
  /** 预算执行率 as written, e.g. "99.99%". */
  statedExecutionRate?: string | null;
}

/** A row of the budget matrix. Only stated rows are given; 基本支出明细 has one row per 经济分类. */
export interface CheckedBudgetLine {
  id: string;
  category: BudgetCategory;
  /** The 经济分类 of a 基本支出明细 row. */
  name: string | null;
  amounts: StatedAmounts;
}

export interface CheckedIndicator {
  id: string;
  name: string;
  level1: Level1;
  /** 分值 and 得分 in exact micro-points; null = not stated. */
  weight: Micros | null;
  score: Micros | null;
}

export interface CheckedLineItem {
  id: string;
  name: string;
  /** A 年中追加项目 did not exist at the start of the year: its 年初预算 is none, not unknown. */
  midyear: boolean;
  amounts: StatedAmounts | null;
  indicators: CheckedIndicator[];
  children: CheckedLineItem[];
}

/** A section of the 自评 score sheet (产出指标 50 分 …), by position. */
export interface CheckedSection {
  id: string;
  name: string;
  level1: Level1;
  weight: Micros | null;
  score: Micros | null;
}

export interface CheckedEvaluation {
  totalScore: Micros | null;
  /** 评价等次 as written. */
  grade: string | null;
  sections: CheckedSection[];
}

/** A whole plan, as the checks read it. */
export interface CheckedPlan {
  budget: CheckedBudgetLine[];
  /** The plan's own (department-level) indicators: the 自评 score sheet. */
  indicators: CheckedIndicator[];
  /** Top-level 专项, each with its 子项. */
  lineItems: CheckedLineItem[];
  evaluation: CheckedEvaluation | null;
}

// ─── What the checks report ─────────────────────────────────────────────────────────────────────

/** The part of the plan a warning is about. */
export type CheckPart = 'BUDGET' | 'LINE_ITEM' | 'INDICATOR' | 'EVALUATION';

/** The figure a warning is about, within its row. */
export type CheckFigure = 'AMOUNT' | 'EXECUTION_RATE' | 'WEIGHT' | 'SCORE' | 'TOTAL_SCORE' | 'GRADE' | 'TARGET';

/**
 * Where a warning is. Ids are those of the CheckedPlan rows. A warning about a whole table (Σ 指标分值
 * = 100) has part INDICATOR and no indicator id; about all sections (Σ 部分分值), EVALUATION and no section.
 */
export interface CheckLocation {
  part: CheckPart;
  figure: CheckFigure;
  /** The stage of an AMOUNT. */
  stage: Stage | null;
  budgetCategory: BudgetCategory | null;
  budgetLineId: string | null;
  lineItemId: string | null;
  indicatorId: string | null;
  /** The 一级指标 of the section or indicator (OUTPUT …), where there is one. */
  section: Level1 | null;
  /** The 自评 section row. */
  evaluationSectionId: string | null;
}

export interface CheckWarning {
  code: CheckCode;
  location: CheckLocation;
  /** The figure the rule derives (e.g. the sum), as an exact decimal string ("267.59151", "100.00%"). */
  expected: string;
  /** The figure the plan states. */
  found: string;
  /** found − expected as a decimal string when both are numbers, else null. */
  difference: string | null;
  /** Chinese, with the exact figures. */
  message: string;
}

/** A location with nothing set but its part and figure. */
export function locationOf(part: CheckPart, figure: CheckFigure, fields: Partial<CheckLocation> = {}): CheckLocation {
  return {
    part,
    figure,
    stage: null,
    budgetCategory: null,
    budgetLineId: null,
    lineItemId: null,
    indicatorId: null,
    section: null,
    evaluationSectionId: null,
    ...fields,
  };
}
