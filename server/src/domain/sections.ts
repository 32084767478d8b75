/** Section weights (分值 per 一级指标) and the totals and warnings per section (DOMAIN.md §6–7). */
import { sumMicros, type Micros } from './decimal.js';
import { LEVEL1_LABELS, type Level1 } from './indicator-hierarchy.js';
import { POINT, formatPoints } from './points.js';

/** Section weights (分值) of a self-evaluation by 一级指标; a missing key means the section is not scored. */
export type SectionWeights = Partial<Record<Level1, Micros>>;

/** 预算执行率 10, 产出指标 50, 效益指标 30, 满意度指标 10 — total 100 (DOMAIN.md §6). */
export const DEFAULT_SECTION_WEIGHTS: Readonly<SectionWeights> = Object.freeze({
  BUDGET_EXECUTION: 10n * POINT,
  OUTPUT: 50n * POINT,
  OUTCOME: 30n * POINT,
  SATISFACTION: 10n * POINT,
});

/**
 * Default weights of a plan scored on the 部门整体 evaluation framework (issue 10 item 7, docs/gap-rules.md
 * §3.9): 决策 (or 投入) 20, 过程 20, 产出 40, 效益 20. 财预〔2020〕10号 leaves the framework's weights to each
 * department but asks that 产出 and 效益 carry at least 60% (here exactly 60); 20/20/40/20 is the split most
 * provincial 部门整体 rules print. A plan using 投入 instead of 决策 gives 投入 the 20.
 */
export const FRAMEWORK_SECTION_WEIGHTS: Readonly<SectionWeights> = Object.freeze({
  DECISION: 20n * POINT,
  PROCESS: 20n * POINT,
  OUTPUT: 40n * POINT,
  OUTCOME: 20n * POINT,
});
const FRAMEWORK_INPUT_SECTION_WEIGHTS: Readonly<SectionWeights> = Object.freeze({
  INPUT: 20n * POINT,
  PROCESS: 20n * POINT,
  OUTPUT: 40n * POINT,
  OUTCOME: 20n * POINT,
});

/**
 * The weights that score a plan whose weights in force are the 自评表 defaults (10/50/30/10): when its
 * rows use a section of the 部门整体 framework (决策/投入/过程), the framework's defaults instead — the
 * 自评表 defaults would leave those rows unweighted. Weights a plan set or a document stated (anything
 * but exactly the defaults) are kept as they are.
 */
export function sectionWeightsForRows(weights: SectionWeights, level1s: readonly Level1[]): SectionWeights {
  if (!sameWeights(weights, DEFAULT_SECTION_WEIGHTS)) return weights;
  if (level1s.includes('DECISION') || (level1s.includes('PROCESS') && !level1s.includes('INPUT'))) return { ...FRAMEWORK_SECTION_WEIGHTS };
  if (level1s.includes('INPUT')) return { ...FRAMEWORK_INPUT_SECTION_WEIGHTS };
  return weights;
}

function sameWeights(a: SectionWeights, b: SectionWeights): boolean {
  const keys = Object.keys(a) as Level1[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The full mark of a self-evaluation: section weights must add up to it. */
export const FULL_MARKS: Micros = 100n * POINT;

/** The label a form uses for a section ("产出指标"); UNKNOWN sections are "未分类指标". */
export function sectionLabel(level1: Level1): string {
  return level1 === 'UNKNOWN' ? '未分类指标' : LEVEL1_LABELS[level1];
}

// ---------------------------------------------------------------------------------------------------
// Sections and their weights

/** What scoring needs of an indicator row: its section, 分值 and the score that counts. */
export interface ScoredRow {
  level1: Level1;
  weight: Micros | null;
  score: Micros | null;
}

export interface SectionTotal {
  level1: Level1;
  label: string;
  /** The section's 分值 from the plan's section weights; null when the plan gives the section none. */
  sectionWeight: Micros | null;
  /** Σ 分值 of the section's indicators that state one. */
  indicatorWeight: Micros;
  /** Σ scores of the section's indicators that have one; null when none is scored. */
  score: Micros | null;
  count: number;
  /** Indicators of the section without a 分值. */
  unweightedCount: number;
}

/**
 * Totals per section: every section of the weights (in their order) and every other section that has
 * indicators (成本指标 in a plan that kept the default weights, or unknown labels).
 */
export function sectionTotals(rows: readonly ScoredRow[], sectionWeights: SectionWeights = DEFAULT_SECTION_WEIGHTS): SectionTotal[] {
  const order = sectionOrder(rows, sectionWeights);
  return order.map((level1) => {
    const inSection = rows.filter((row) => row.level1 === level1);
    const weights = inSection.flatMap((row) => (row.weight === null ? [] : [row.weight]));
    const scores = inSection.flatMap((row) => (row.score === null ? [] : [row.score]));
    return {
      level1,
      label: sectionLabel(level1),
      sectionWeight: sectionWeights[level1] ?? null,
      indicatorWeight: sumMicros(weights),
      score: scores.length === 0 ? null : sumMicros(scores),
      count: inSection.length,
      unweightedCount: inSection.length - weights.length,
    };
  });
}

function sectionOrder(rows: readonly ScoredRow[], sectionWeights: SectionWeights): Level1[] {
  const order = Object.keys(sectionWeights) as Level1[];
  for (const row of rows) if (!order.includes(row.level1)) order.push(row.level1);
  return order;
}

export type WeightWarningCode =
  | 'SECTION_WEIGHTS_NOT_FULL_MARKS'
  | 'SECTION_WEIGHT_MISMATCH'
  | 'SECTION_NOT_WEIGHTED'
  | 'INDICATOR_WEIGHT_MISSING';

export interface WeightWarning {
  code: WeightWarningCode;
  level1: Level1 | null;
  message: string;
}

/**
 * Warnings with the exact figures (DOMAIN.md §7); they never block anything.
 * - The section weights must total 100 — checked always, since a plan's own weights can be wrong.
 * - Σ indicator 分值 of a section must equal the section's 分值 — checked only once the plan is being
 *   weighted (some indicator states a 分值): a target table (fixture 002) weighs nothing yet, and
 *   warning about each of its sections would bury the warnings that matter.
 */
export function weightWarnings(rows: readonly ScoredRow[], sectionWeights: SectionWeights = DEFAULT_SECTION_WEIGHTS): WeightWarning[] {
  const warnings: WeightWarning[] = [];
  const sectionSum = sumMicros(Object.values(sectionWeights).filter((weight): weight is Micros => weight !== undefined));
  if (sectionSum !== FULL_MARKS) {
    warnings.push({
      code: 'SECTION_WEIGHTS_NOT_FULL_MARKS',
      level1: null,
      message: `各部分分值合计 ${formatPoints(sectionSum)} 分，应为 ${formatPoints(FULL_MARKS)} 分`,
    });
  }
  if (!rows.some((row) => row.weight !== null)) return warnings;
  for (const section of sectionTotals(rows, sectionWeights)) warnings.push(...sectionWeightWarnings(section));
  return warnings;
}

function sectionWeightWarnings(section: SectionTotal): WeightWarning[] {
  const warnings: WeightWarning[] = [];
  const { level1, label } = section;
  if (section.unweightedCount > 0) {
    warnings.push({
      code: 'INDICATOR_WEIGHT_MISSING',
      level1,
      message: `${label}有 ${section.unweightedCount} 个指标未填写分值`,
    });
  }
  if (section.count === 0) {
    if (section.sectionWeight !== null && section.sectionWeight !== 0n) {
      warnings.push({
        code: 'SECTION_WEIGHT_MISMATCH',
        level1,
        message: `${label}没有指标，该部分分值 ${formatPoints(section.sectionWeight)} 分未计入`,
      });
    }
  } else if (section.sectionWeight === null) {
    warnings.push({
      code: 'SECTION_NOT_WEIGHTED',
      level1,
      message: `${label}的指标分值合计 ${formatPoints(section.indicatorWeight)} 分，但该部分没有设定分值`,
    });
  } else if (section.indicatorWeight !== section.sectionWeight) {
    warnings.push({
      code: 'SECTION_WEIGHT_MISMATCH',
      level1,
      message: `${label}各指标分值合计 ${formatPoints(section.indicatorWeight)} 分，与该部分分值 ${formatPoints(section.sectionWeight)} 分不符`,
    });
  }
  return warnings;
}
