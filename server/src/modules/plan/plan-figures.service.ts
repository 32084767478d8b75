import type { EntityManager } from '@mikro-orm/sqlite';
import { microsOrNull } from '../../domain/decimal.js';
import type { Gap as DomainGap } from '../../domain/gap.js';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { rollupPlan, type IndicatorRow, type LineItemNode, type LineItemRollup } from '../../domain/rollup.js';
import { DEFAULT_SECTION_WEIGHTS, type SectionWeights } from '../../domain/scoring.js';
import { memoised } from '../../graphql/context.js';
import type { Evaluation } from '../evaluation/evaluation.entity.js';
import { rollupView, type Rollup } from '../evaluation/rollup.type.js';
import { gapView, type Gap } from '../indicator/gap.type.js';
import { budgetFigures, indicatorGap, readIndicator, type IndicatorReading } from '../indicator/indicator-reading.js';
import type { LineItem } from '../line-item/line-item.entity.js';
import type { CheckWarning } from './check-warning.type.js';
import { checksOf, documentPaths } from './plan-checks.js';
import { evaluationChecks } from '../evaluation/evaluation-findings.service.js';
import { executionProfileOf } from '../evaluation/execution-scoring.service.js';
import { planContentOf, type PlanContent } from './plan-content.js';
import { BudgetCategory } from './plan-enums.js';
import type { Plan } from './plan.entity.js';

/**
 * Every figure the server resolves about a plan — each indicator's reading and gap, the roll-ups of
 * the plan and of each line item, the 勾稽关系 checks — computed together from one load of its content.
 * Every resolver that shows one of them reads it from here.
 */
export interface PlanFigures {
  readings: Map<number, IndicatorReading>;
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

export function computeFigures(content: PlanContent): PlanFigures {
  const { plan, indicators, budgetLines, evaluation, childrenByParent, indicatorsByLineItem } = content;
  const total = budgetLines.find((line) => line.category === BudgetCategory.TOTAL);
  const budget = budgetFigures(total?.amounts ?? null);
  const readings = new Map<number, IndicatorReading>(indicators.map((indicator) => [indicator.id, readIndicator(indicator)]));
  const profile = executionProfileOf(plan);
  const gaps = new Map<number, DomainGap>(indicators.map((indicator) => [indicator.id, indicatorGap(indicator, readings.get(indicator.id)!, budget, profile)]));
  const rowsOf = (lineItemId: number | null): IndicatorRow[] =>
    (indicatorsByLineItem.get(lineItemId) ?? []).map((indicator) => ({
      level1: indicator.level1,
      weight: microsOrNull(indicator.weight),
      gap: gaps.get(indicator.id)!,
      evaluatorScore: microsOrNull(indicator.score),
      scoreUnconfirmed: indicator.scoreUnconfirmed,
    }));
  const nodeOf = (item: LineItem): LineItemNode => ({
    id: String(item.id),
    indicators: rowsOf(item.id),
    children: (childrenByParent.get(item.id) ?? []).map(nodeOf),
    amounts: budgetFigures(item.amounts, item.kind === 'MIDYEAR'),
  });
  const planRollup = rollupPlan({
    indicators: rowsOf(null),
    lineItems: (childrenByParent.get(null) ?? []).map(nodeOf),
    budget,
    sectionWeights: sectionWeightsOf(plan, evaluation),
    stated: evaluation ? { totalScore: microsOrNull(evaluation.totalScore), grade: evaluation.grade } : undefined,
  });

  const lineItemRollups = new Map<number, Rollup>();
  const collect = (rollup: LineItemRollup): void => {
    lineItemRollups.set(Number(rollup.id), rollupView(rollup));
    rollup.children.forEach(collect);
  };
  planRollup.lineItems.forEach(collect);

  return {
    readings,
    gaps: new Map(indicators.map((indicator) => [indicator.id, gapView(gaps.get(indicator.id)!, microsOrNull(indicator.score))])),
    planRollup: rollupView(planRollup),
    lineItemRollups,
    checks: [...checksOf(content, readings), ...evaluationChecks(planRollup.statedFindings, indicators, gaps, documentPaths(content).indicator)],
  };
}

/** A plan's figures, computed once per request however many fields ask for them. */
export function figuresOf(em: EntityManager, planId: number): Promise<PlanFigures> {
  return memoised(em, `plan-figures:${planId}`, async () => computeFigures(await planContentOf(em, planId)));
}
