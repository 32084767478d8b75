import type { Gap } from '../indicator/gap.type.js';
import type { IndicatorValue } from '../indicator/indicator-value.type.js';
import type { CheckWarning } from './check-warning.type.js';

/** An indicator's figures as the API shows them, stored with the row so a read never re-parses its texts. */
export interface StoredIndicatorFigures {
  /** The reading of the target (the planner's structured target when set); null without a target. */
  target: IndicatorValue | null;
  actual: IndicatorValue | null;
  gap: Gap;
}

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
