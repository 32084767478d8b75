import { locationOf, type CheckedIndicator, type CheckedLineItem, type CheckedPlan } from '../../domain/checks/index.js';
import type { CheckWarning as DomainCheckWarning } from '../../domain/checks/index.js';
import { amountWarnings } from '../../domain/checks/amounts.js';
import { scoringWarnings } from '../../domain/checks/scoring.js';
import { structuredTargetContradiction } from '../../domain/indicator-value/contradiction.js';
import type { IndicatorReading } from '../indicator/indicator-reading.js';
import { locationPath, type RowPaths } from '../../domain/checks/document.js';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { microsOrNull } from '../../domain/decimal.js';
import type { Indicator } from '../indicator/indicator.entity.js';
import type { LineItem } from '../line-item/line-item.entity.js';
import { LineItemKind } from '../line-item/line-item.entity.js';
import { checkLocationView, type CheckWarning } from './check-warning.type.js';
import type { PlanContent } from './plan-content.js';

/**
 * A plan's structure, as much of it as locating a row in the plan document needs: ids in the order
 * of the document (the loaded content, or the thin rows a single-indicator write reads).
 */
export interface PlanShape {
  budgetLines: readonly { id: number; category: string }[];
  sections: readonly { id: number; position: number }[];
  childrenByParent: ReadonlyMap<number | null, readonly { id: number }[]>;
  indicatorsByLineItem: ReadonlyMap<number | null, readonly { id: number }[]>;
}

export function planShapeOf({ budgetLines, evaluation, childrenByParent, indicatorsByLineItem }: PlanContent): PlanShape {
  return { budgetLines, sections: evaluation?.sections.getItems() ?? [], childrenByParent, indicatorsByLineItem };
}

/** The 勾稽关系 money rules of a stored plan (budget and line items), located. */
export function amountChecks(checked: CheckedPlan, paths: RowPaths): CheckWarning[] {
  return amountWarnings(checked).map((warning) => located(warning, paths));
}

/** The 勾稽关系 points rules (sections, totals, score ≤ weight, grade band), located. */
export function scoringChecks(checked: CheckedPlan, paths: RowPaths): CheckWarning[] {
  return scoringWarnings(checked).map((warning) => located(warning, paths));
}

export function located({ location, ...warning }: DomainCheckWarning, paths: RowPaths): CheckWarning {
  return {
    ...warning,
    location: checkLocationView(location),
    path: locationPath(location, paths),
    stage: location.stage,
    lineItemId: location.lineItemId,
    indicatorId: location.indicatorId,
  };
}

/** The indicator as the checks read it. */
export function checkedIndicator(row: Pick<Indicator, 'id' | 'name' | 'level1' | 'weight' | 'score'>): CheckedIndicator {
  return { id: String(row.id), name: row.name, level1: row.level1, weight: microsOrNull(row.weight), score: microsOrNull(row.score) };
}

/** The plan as the checks read it: rows with their ids, amounts and points as stored. */
export function checkedPlan({ budgetLines, evaluation, childrenByParent, indicatorsByLineItem }: PlanContent): CheckedPlan {
  const indicatorsOf = (lineItemId: number | null): CheckedIndicator[] => (indicatorsByLineItem.get(lineItemId) ?? []).map(checkedIndicator);
  const lineItemOf = (item: LineItem): CheckedLineItem => ({
    id: String(item.id),
    name: item.name,
    midyear: item.kind === LineItemKind.MIDYEAR,
    amounts: item.amounts,
    indicators: indicatorsOf(item.id),
    children: (childrenByParent.get(item.id) ?? []).map(lineItemOf),
  });
  return {
    budget: budgetLines.map((line) => ({ id: String(line.id), category: line.category, name: line.name, amounts: line.amounts })),
    indicators: indicatorsOf(null),
    lineItems: (childrenByParent.get(null) ?? []).map(lineItemOf),
    evaluation: evaluation && {
      totalScore: microsOrNull(evaluation.totalScore),
      grade: evaluation.grade,
      sections: [...evaluation.sections.getItems()]
        .sort((a, b) => a.position - b.position)
        .map((section) => ({
          id: String(section.id),
          name: section.name ?? '',
          level1: canonicalLevels(section.name ?? '', null).level1,
          weight: microsOrNull(section.weight),
          score: microsOrNull(section.score),
        })),
    },
  };
}

/**
 * Each row's path in the exported plan document, for CheckWarning.path (kept while clients move to
 * the structured location).
 */
export function documentPaths({ budgetLines, sections, childrenByParent, indicatorsByLineItem }: PlanShape): RowPaths {
  const lineItems = new Map<string, string>();
  const indicators = new Map<string, string>();
  const addIndicators = (rows: readonly { id: number }[] | undefined, path: string) =>
    (rows ?? []).forEach((row, index) => indicators.set(String(row.id), `${path}[${index}]`));
  const addLineItems = (items: readonly { id: number }[] | undefined, path: string) =>
    (items ?? []).forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      lineItems.set(String(item.id), itemPath);
      addIndicators(indicatorsByLineItem.get(item.id), `${itemPath}.indicators`);
      addLineItems(childrenByParent.get(item.id), `${itemPath}.children`);
    });
  addIndicators(indicatorsByLineItem.get(null), 'indicators');
  addLineItems(childrenByParent.get(null), 'lineItems');
  const details = budgetLines.filter((line) => line.category === 'BASIC_DETAIL');
  const sorted = [...sections].sort((a, b) => a.position - b.position);
  return {
    budgetLine: (id) => `budget.basicDetail[${details.findIndex((line) => String(line.id) === id)}]`,
    lineItem: (id) => lineItems.get(id)!,
    indicator: (id) => indicators.get(id)!,
    section: (id) => `evaluation.sections[${sorted.findIndex((section) => String(section.id) === id)}]`,
  };
}

/** The plan's indicator ids in document order: its own first, then each line item's, depth first. */
export function documentOrder({ childrenByParent, indicatorsByLineItem }: Pick<PlanShape, 'childrenByParent' | 'indicatorsByLineItem'>): number[] {
  const order: number[] = [];
  const visit = (lineItemId: number | null) => {
    for (const row of indicatorsByLineItem.get(lineItemId) ?? []) order.push(row.id);
    if (lineItemId !== null) for (const child of childrenByParent.get(lineItemId) ?? []) visit(child.id);
  };
  visit(null);
  for (const item of childrenByParent.get(null) ?? []) visit(item.id);
  return order;
}

/**
 * STRUCTURED_TARGET_CONTRADICTS_TEXT: a planner's structured target (设定) that says otherwise than the
 * 指标值 text; the gap follows the structure, the printed form the text (docs/gap-rules.md 读数).
 */
export function targetWarning(
  indicator: { id: number; name: string; level1: Indicator['level1']; lineItemId: number | null },
  { target, structured }: IndicatorReading,
  paths: RowPaths,
): CheckWarning | null {
  const finding = structured ? structuredTargetContradiction(structured, target) : null;
  if (!finding) return null;
  const location = locationOf('INDICATOR', 'TARGET', {
    indicatorId: String(indicator.id),
    lineItemId: indicator.lineItemId === null ? null : String(indicator.lineItemId),
    section: indicator.level1,
  });
  return located(
    { code: 'STRUCTURED_TARGET_CONTRADICTS_TEXT', location, expected: finding.textReading, found: finding.structured, difference: null, message: `${indicator.name}：${finding.message}` },
    paths,
  );
}
