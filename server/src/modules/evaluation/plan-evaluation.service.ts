import type { EntityManager } from '@mikro-orm/sqlite';
import { checkPlanDocument } from '../../domain/checks.js';
import { microsOrNull } from '../../domain/decimal.js';
import type { Gap as DomainGap } from '../../domain/gap.js';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { executionRate, rollupIndicators, rollupPlan, type IndicatorRow } from '../../domain/rollup.js';
import { DEFAULT_SECTION_WEIGHTS, effectiveScore, sectionTotals, type SectionWeights } from '../../domain/scoring.js';
import { gradeForScore } from '../../domain/grade.js';
import { memoised } from '../../graphql/context.js';
import { groupBy } from '../collections.js';
import { gapView, type Gap } from '../indicator/gap.type.js';
import type { Indicator } from '../indicator/indicator.entity.js';
import { budgetFigures, indicatorGap } from '../indicator/indicator-reading.js';
import type { LineItem } from '../line-item/line-item.entity.js';
import { loadPlanContent, toPlanDocument, type PlanContent } from '../plan-document/plan-document.service.js';
import type { CheckWarning } from '../plan/check-warning.type.js';
import { BudgetCategory } from '../plan/plan-enums.js';
import type { Plan } from '../plan/plan.entity.js';
import type { Evaluation } from './evaluation.entity.js';
import { rollupView, type Rollup } from './rollup.type.js';

/** Everything the server resolves about a plan's figures, computed together from one load. */
export interface PlanEvaluation {
  gaps: Map<number, Gap>;
  planRollup: Rollup;
  lineItemRollups: Map<number, Rollup>;
  checks: CheckWarning[];
}

/**
 * The section weights that score a plan: its own when set; else those its self-evaluation states
 * (fixture 004 states 10/50/30/10 per section); else the defaults 10/50/30/10.
 */
export function sectionWeightsOf(plan: Plan, evaluation: Evaluation | null): SectionWeights {
  if (plan.sectionWeights) {
    return Object.fromEntries(Object.entries(plan.sectionWeights).map(([level1, weight]) => [level1, microsOrNull(weight) ?? 0n])) as SectionWeights;
  }
  const stated = evaluation?.sections.isInitialized() ? evaluation.sections.getItems() : [];
  const weights: SectionWeights = {};
  for (const section of stated) {
    const level1 = section.name ? canonicalLevels(section.name, null).level1 : 'UNKNOWN';
    const weight = microsOrNull(section.weight);
    if (level1 === 'UNKNOWN' || weight === null) return { ...DEFAULT_SECTION_WEIGHTS };
    weights[level1] = weight;
  }
  return Object.keys(weights).length ? weights : { ...DEFAULT_SECTION_WEIGHTS };
}

function evaluate(content: PlanContent): PlanEvaluation {
  const { plan, indicators, lineItems, budgetLines, evaluation } = content;
  const total = budgetLines.find((line) => line.category === BudgetCategory.TOTAL);
  const budget = budgetFigures(total?.amounts ?? null);
  const domainGaps = new Map<number, DomainGap>(indicators.map((indicator) => [indicator.id, indicatorGap(indicator, budget)]));
  const row = (indicator: Indicator): IndicatorRow => ({
    level1: indicator.level1,
    weight: microsOrNull(indicator.weight),
    gap: domainGaps.get(indicator.id)!,
    evaluatorScore: microsOrNull(indicator.score),
  });
  const weights = sectionWeightsOf(plan, evaluation);
  const scoredRows = (rows: IndicatorRow[]) =>
    rows.map(({ level1, weight, gap, evaluatorScore }) => ({ level1, weight, score: effectiveScore(evaluatorScore, gap.suggestedScore).score }));

  const indicatorsByItem = groupBy(indicators, (indicator) => indicator.lineItem?.id ?? null);
  const childrenByParent = groupBy(lineItems, (item) => item.parent?.id ?? null);
  const planRows = (indicatorsByItem.get(null) ?? []).map(row);
  const planTotals = rollupPlan({ indicators: planRows, lineItems: [], budget, sectionWeights: weights });

  // One pass down the tree: each line item rolls up its own indicators and all its descendants'.
  const lineItemRollups = new Map<number, Rollup>();
  const visit = (item: LineItem): IndicatorRow[] => {
    const rows = [...(indicatorsByItem.get(item.id) ?? []).map(row), ...(childrenByParent.get(item.id) ?? []).flatMap(visit)];
    const totals = rollupIndicators(rows);
    const grade = totals.scoredCount > 0 ? gradeForScore(totals.scoreTotal) : null;
    lineItemRollups.set(item.id, rollupView(totals, sectionTotals(scoredRows(rows), weights), executionRate(budgetFigures(item.amounts)), grade, []));
    return rows;
  };
  (childrenByParent.get(null) ?? []).forEach(visit);

  return {
    gaps: new Map(indicators.map((indicator) => [indicator.id, gapView(domainGaps.get(indicator.id)!, microsOrNull(indicator.score))])),
    planRollup: rollupView(planTotals, sectionTotals(scoredRows(planRows), weights), planTotals.executionRate, planTotals.grade, planTotals.warnings),
    lineItemRollups,
    checks: checksOf(content),
  };
}


/** The 勾稽关系 checks run on the plan as a document; each warning names the row it is about. */
function checksOf(content: PlanContent): CheckWarning[] {
  const { document, locations } = toPlanDocument(content);
  return checkPlanDocument(document).map((warning) => {
    const location = locate(warning.path, locations);
    return {
      ...warning,
      lineItemId: location?.lineItemId == null ? null : String(location.lineItemId),
      indicatorId: location?.indicatorId == null ? null : String(location.indicatorId),
    };
  });
}

function locate<T>(path: string, locations: Map<string, T>): T | null {
  for (let prefix = path; prefix; prefix = prefix.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const found = locations.get(prefix);
    if (found) return found;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(prefix)) break;
  }
  return null;
}

/** A plan's evaluation, computed once per request however many fields ask for it. */
export function evaluationOf(em: EntityManager, planId: number): Promise<PlanEvaluation> {
  return memoised(em, `plan-evaluation:${planId}`, async () => evaluate(await loadPlanContent(em, planId)));
}

