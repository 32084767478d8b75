import type { Gap } from '../indicator/gap.type.js';
import type { IndicatorValue } from '../indicator/indicator-value.type.js';
import type { CheckCode } from '../../domain/checks/index.js';
import type { CheckWarning } from './check-warning.type.js';

/** An indicator's figures as the API shows them: rendered from what is stored, a read never re-parses its texts. */
export interface IndicatorFiguresView {
  /** The reading of the target (the planner's structured target when set); null without a target. */
  target: IndicatorValue | null;
  actual: IndicatorValue | null;
  gap: Gap;
}

/**
 * An indicator's reading and gap in a compact form (FIGURES_VERSION 2): only what cannot be rendered from
 * the row's own columns. A reading leaves out the text it read (the row's 指标值 / 实际完成值; kept as `raw`
 * only if it ever differed) and every field at its default (null, false, no hints); a planner's structured
 * target is left out (rendered from its columns); the gap leaves out its defaults and the score fields (from
 * the suggestion, 得分 and 分值). Not stored since FIGURES_VERSION 3 (issue 12: it was half the database):
 * computed from the texts when read, shared by rows that read alike (plan-figures.service.ts).
 */
export interface StoredIndicatorFigures {
  /** The target text's reading; absent without a target text or with a structured target. */
  t?: StoredValue;
  a?: StoredValue;
  g: StoredGap;
}
export type StoredValue = Partial<IndicatorValue>;
export type StoredGap = Partial<Gap>;

/**
 * A plan's check list in its parts: the budget and line-item amount rules, the points rules, each
 * indicator's own warnings (structured target, reasons, re-confirmation; in document order) and the stated
 * total and grade. Plan.checks lists them in the order amounts, scoring, targets, stated, findings. Not
 * stored (issue 12: 35 KB a plan): computed when read; what is stored is each indicator's own codes
 * (indicator.check_flags, INDICATOR_CHECK_CODES) and each plan's count by code (plan_check_count), for analysts' SQL.
 */
export interface StoredChecks {
  amounts: CheckWarning[];
  scoring: CheckWarning[];
  targets: CheckWarning[];
  stated: CheckWarning[];
  findings: CheckWarning[];
}

/** The derived properties: the audit trail records what people change, not what the server recomputes. */
export const FIGURE_PROPERTIES: ReadonlySet<string> = new Set([
  'readingKind',
  'readingComparator',
  'readingValue',
  'readingUnit',
  'readingConfidence',
  'gapStatus',
  'completion',
  'suggestedScore',
  'effectiveScore',
  'scoreLost',
  'checkFlags',
  'rollupCount',
  'rollupScoredCount',
  'rollupPendingCount',
  'rollupWeightTotal',
  'rollupScoreTotal',
  'rollupComputedTotal',
  'rollupGrade',
  'rollupGradeProvisional',
  'rollupExecutionRate',
  'rollupMetCount',
  'rollupPartialCount',
  'rollupNotMetCount',
  'rollupTextTargetCount',
  'figuresVersion',
]);

/**
 * The part of a plan's check list each 勾稽关系 code belongs to (complete: a new code does not compile until
 * it is placed). The amount rules read only budget lines and line items: a single-indicator write leaves
 * their counts as they are and recounts the others.
 */
export const CHECK_PARTS: Record<CheckCode, 'amounts' | 'scoring' | 'targets'> = {
  TOTAL_NATURE_SUM: 'amounts',
  BASIC_SUM: 'amounts',
  INCOME_SUM: 'amounts',
  BASIC_DETAIL_SUM: 'amounts',
  THREE_PUBLIC_SUM: 'amounts',
  FULL_YEAR_SUM: 'amounts',
  CARRYOVER: 'amounts',
  EXECUTION_RATE: 'amounts',
  LINE_ITEM_CHILDREN_SUM: 'amounts',
  LINE_ITEMS_PROJECT_SUM: 'amounts',
  SECTION_WEIGHT_SUM: 'scoring',
  SECTION_SCORE_SUM: 'scoring',
  SECTIONS_TOTAL_100: 'scoring',
  INDICATOR_WEIGHTS_TOTAL_100: 'scoring',
  TOTAL_SCORE_SUM: 'scoring',
  TOTAL_SCORE_SECTIONS_SUM: 'scoring',
  SCORE_EXCEEDS_WEIGHT: 'scoring',
  GRADE_BAND: 'scoring',
  STRUCTURED_TARGET_CONTRADICTS_TEXT: 'targets',
};

/** The codes of the amount rules (CHECK_PARTS). */
export const AMOUNT_CHECK_CODES: readonly string[] = Object.entries(CHECK_PARTS)
  .filter(([, part]) => part === 'amounts')
  .map(([code]) => code);

/**
 * The codes of an indicator's own warnings, each at most once a row, in the order Plan.checks lists them:
 * indicator.check_flags has bit 2^i set for the i-th (1: structured target against its text, 2: 偏差原因
 * missing, 4: 扣分原因 missing, 8: score to re-confirm; null when none). Append only: the stored flags keep
 * their meaning.
 */
export const INDICATOR_CHECK_CODES = ['STRUCTURED_TARGET_CONTRADICTS_TEXT', 'DEVIATION_REASON_MISSING', 'SCORE_REASON_MISSING', 'SCORE_UNCONFIRMED'] as const;

/** The flags of an indicator's codes (INDICATOR_CHECK_CODES); null when none. */
export function checkFlagsOf(codes: readonly string[]): number | null {
  let flags = 0;
  for (const code of codes) {
    const bit = (INDICATOR_CHECK_CODES as readonly string[]).indexOf(code);
    if (bit < 0) throw new Error(`not an indicator's own check code: ${code}`);
    flags |= 1 << bit;
  }
  return flags || null;
}

/** The codes of an indicator's flags, in order. */
export function checkCodesOf(flags: number | null): string[] {
  return flags ? INDICATOR_CHECK_CODES.filter((_code, bit) => flags & (1 << bit)) : [];
}
