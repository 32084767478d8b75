import { locationOf, type CheckLocation as DomainCheckLocation } from '../../domain/checks/index.js';
import { microsOrNull } from '../../domain/decimal.js';
import type { StatedFinding } from '../../domain/evaluation-total.js';
import type { Gap } from '../../domain/gap.js';
import { indicatorFindings } from '../../domain/indicator-findings.js';
import type { Indicator } from '../indicator/indicator.entity.js';
import { checkLocationView, type CheckWarning } from '../plan/check-warning.type.js';

/**
 * The self-evaluation's own findings, listed with the 勾稽关系 checks (issue 10 items 1–2): the stated
 * 综合得分/等次 against the computed ones, and per indicator the 偏差原因/扣分原因 still missing and the
 * manual scores to re-confirm. Each is located like a check, so the editor shows it on its row.
 */
export function evaluationChecks(
  statedFindings: readonly StatedFinding[],
  indicators: readonly Indicator[],
  gaps: ReadonlyMap<number, Gap>,
  paths: (indicatorId: string) => string,
): CheckWarning[] {
  const stated = statedFindings.map((finding) =>
    view(
      finding,
      locationOf('EVALUATION', finding.path === 'evaluation.grade' ? 'GRADE' : 'TOTAL_SCORE'),
      finding.path,
    ),
  );
  const rows = indicators.flatMap((indicator) =>
    indicatorFindings({
      name: indicator.name,
      weight: microsOrNull(indicator.weight),
      gap: gaps.get(indicator.id)!,
      evaluatorScore: microsOrNull(indicator.score),
      deduction: indicator.deduction,
      deviationReason: indicator.deviationReason,
      scoreUnconfirmed: indicator.scoreUnconfirmed,
    }).map((finding) =>
      view(
        { ...finding, difference: null },
        locationOf('INDICATOR', 'SCORE', {
          indicatorId: String(indicator.id),
          lineItemId: indicator.lineItem ? String(indicator.lineItem.id) : null,
          section: indicator.level1,
        }),
        `${paths(String(indicator.id))}.${finding.code === 'DEVIATION_REASON_MISSING' ? 'deviationReason' : finding.code === 'SCORE_REASON_MISSING' ? 'deduction' : 'score'}`,
      ),
    ),
  );
  return [...stated, ...rows];
}

function view(
  finding: { code: string; expected: string; found: string; difference: string | null; message: string },
  location: DomainCheckLocation,
  path: string,
): CheckWarning {
  return {
    code: finding.code,
    location: checkLocationView(location),
    path,
    stage: null,
    expected: finding.expected,
    found: finding.found,
    difference: finding.difference,
    message: finding.message,
    lineItemId: location.lineItemId,
    indicatorId: location.indicatorId,
  };
}
