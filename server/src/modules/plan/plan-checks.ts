import { checkPlan, locationOf, type CheckedIndicator, type CheckedLineItem, type CheckedPlan } from '../../domain/checks/index.js';
import type { CheckWarning as DomainCheckWarning } from '../../domain/checks/index.js';
import { structuredTargetContradiction } from '../../domain/indicator-value/contradiction.js';
import { readIndicator, type IndicatorReading } from '../indicator/indicator-reading.js';
import { locationPath, type RowPaths } from '../../domain/checks/document.js';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { microsOrNull } from '../../domain/decimal.js';
import type { Indicator } from '../indicator/indicator.entity.js';
import type { LineItem } from '../line-item/line-item.entity.js';
import { LineItemKind } from '../line-item/line-item.entity.js';
import { checkLocationView, type CheckWarning } from './check-warning.type.js';
import type { PlanContent } from './plan-content.js';

/** The 勾稽关系 checks of a stored plan, each located by budget category, stage, line item, indicator, section. */
export function checksOf(content: PlanContent, readings?: ReadonlyMap<number, IndicatorReading>): CheckWarning[] {
  const paths = documentPaths(content);
  return [...checkPlan(checkedPlan(content)), ...targetWarnings(content, readings)].map(({ location, ...warning }) => ({
    ...warning,
    location: checkLocationView(location),
    path: locationPath(location, paths),
    stage: location.stage,
    lineItemId: location.lineItemId,
    indicatorId: location.indicatorId,
  }));
}

/** The plan as the checks read it: rows with their ids, amounts and points as stored. */
export function checkedPlan({ budgetLines, evaluation, childrenByParent, indicatorsByLineItem }: PlanContent): CheckedPlan {
  const indicatorsOf = (lineItemId: number | null): CheckedIndicator[] =>
    (indicatorsByLineItem.get(lineItemId) ?? []).map((row) => ({
      id: String(row.id),
      name: row.name,
      level1: row.level1,
      weight: microsOrNull(row.weight),
      score: microsOrNull(row.score),
    }));
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
export function documentPaths({ budgetLines, evaluation, childrenByParent, indicatorsByLineItem }: PlanContent): RowPaths {
  const lineItems = new Map<string, string>();
  const indicators = new Map<string, string>();
  const addIndicators = (rows: Indicator[] | undefined, path: string) =>
    (rows ?? []).forEach((row, index) => indicators.set(String(row.id), `${path}[${index}]`));
  const addLineItems = (items: LineItem[] | undefined, path: string) =>
    (items ?? []).forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      lineItems.set(String(item.id), itemPath);
      addIndicators(indicatorsByLineItem.get(item.id), `${itemPath}.indicators`);
      addLineItems(childrenByParent.get(item.id), `${itemPath}.children`);
    });
  addIndicators(indicatorsByLineItem.get(null), 'indicators');
  addLineItems(childrenByParent.get(null), 'lineItems');
  const details = budgetLines.filter((line) => line.category === 'BASIC_DETAIL');
  const sections = [...(evaluation?.sections.getItems() ?? [])].sort((a, b) => a.position - b.position);
  return {
    budgetLine: (id) => `budget.basicDetail[${details.findIndex((line) => String(line.id) === id)}]`,
    lineItem: (id) => lineItems.get(id)!,
    indicator: (id) => indicators.get(id)!,
    section: (id) => `evaluation.sections[${sections.findIndex((section) => String(section.id) === id)}]`,
  };
}

/**
 * STRUCTURED_TARGET_CONTRADICTS_TEXT: a planner's structured target (设定) that says otherwise than the
 * 指标值 text; the gap follows the structure, the printed form the text (docs/gap-rules.md 读数).
 */
function targetWarnings({ indicators }: PlanContent, readings?: ReadonlyMap<number, IndicatorReading>): DomainCheckWarning[] {
  return indicators.flatMap((indicator) => {
    const { target, structured } = readings?.get(indicator.id) ?? readIndicator(indicator);
    const finding = structured ? structuredTargetContradiction(structured, target) : null;
    if (!finding) return [];
    const location = locationOf('INDICATOR', 'TARGET', {
      indicatorId: String(indicator.id),
      lineItemId: indicator.lineItem ? String(indicator.lineItem.id) : null,
      section: indicator.level1,
    });
    return [
      {
        code: 'STRUCTURED_TARGET_CONTRADICTS_TEXT',
        location,
        expected: finding.textReading,
        found: finding.structured,
        difference: null,
        message: `${indicator.name}：${finding.message}`,
      },
    ];
  });
}
