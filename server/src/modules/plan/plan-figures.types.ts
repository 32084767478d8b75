import type { Gap } from '../indicator/gap.type.js';
import type { IndicatorValue } from '../indicator/indicator-value.type.js';
import type { CheckWarning } from './check-warning.type.js';

/** An indicator's figures as the API shows them: rendered from what is stored, a read never re-parses its texts. */
export interface IndicatorFiguresView {
  /** The reading of the target (the planner's structured target when set); null without a target. */
  target: IndicatorValue | null;
  actual: IndicatorValue | null;
  gap: Gap;
}

/**
 * An indicator's figures as stored with the row (FIGURES_VERSION 2, issue 12: a tenth of the views'
 * size): only what cannot be rendered from the row's own columns. A reading leaves out the text it read
 * (the row's 指标值 / 实际完成值; kept as `raw` only if it ever differed) and every field at its default
 * (null, false, no hints); a planner's structured target is not stored at all (rendered from its
 * columns); the gap leaves out its defaults and the score fields (from the suggestion, 得分 and 分值).
 * plan-figures.service.ts writes and renders it.
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
 * A plan's check list as stored, in the parts a single-indicator write refreshes separately: the
 * budget and line-item amount rules, the points rules, each indicator's own warnings (structured
 * target, reasons, re-confirmation; in document order) and the stated total and grade. Plan.checks
 * lists them in the order amounts, scoring, targets, stated, findings.
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
  'figures',
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
  'storedRollup',
  'storedChecks',
  'figuresVersion',
]);
