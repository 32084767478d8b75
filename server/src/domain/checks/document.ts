/**
 * The checks of a plan document (the import/export format): the document read as a CheckedPlan whose
 * row ids are their document paths ("lineItems[0].children[1]"), and a location written back as the
 * document path it names ("budget.total.initial", "evaluation.sections[1].weight").
 */
import { numberToMicros, type Micros } from '../decimal.js';
import { BudgetCategory, INCOME_ROWS, NATURE_ROWS, THREE_PUBLIC_ROWS } from '../budget-category.js';
import { canonicalLevels } from '../indicator-hierarchy.js';
import type { IndicatorDocument, LineItemDocument, PlanDocument, StageAmounts } from '../plan-document.js';
import { checkPlan } from './index.js';
import type { CheckedBudgetLine, CheckedIndicator, CheckedLineItem, CheckedPlan, CheckLocation, CheckWarning, Stage, StatedAmounts } from './types.js';

/** A warning about a document, located by its document path. */
export interface DocumentCheckWarning extends Omit<CheckWarning, 'location'> {
  path: string;
  stage: Stage | null;
}

export function checkPlanDocument(document: PlanDocument): DocumentCheckWarning[] {
  return checkPlan(checkedPlanOfDocument(document)).map(({ location, ...warning }) => ({
    ...warning,
    path: locationPath(location, DOCUMENT_PATHS),
    stage: location.stage,
  }));
}

// ─── Document → CheckedPlan ─────────────────────────────────────────────────────────────────────

export function checkedPlanOfDocument(document: PlanDocument): CheckedPlan {
  const evaluation = document.evaluation;
  return {
    budget: budgetLines(document),
    indicators: indicators(document.indicators, 'indicators'),
    lineItems: lineItems(document.lineItems, 'lineItems'),
    evaluation: evaluation
      ? {
          totalScore: points(evaluation.totalScore),
          grade: evaluation.grade ?? null,
          sections: (evaluation.sections ?? []).map((section, index) => ({
            id: `evaluation.sections[${index}]`,
            name: section.name ?? '',
            level1: canonicalLevels(section.name ?? '', null).level1,
            weight: points(section.weight),
            score: points(section.score),
          })),
        }
      : null,
  };
}

function stated(amounts: StageAmounts | null | undefined): StatedAmounts {
  const { executionRate, ...stages } = amounts ?? {};
  return { ...stages, statedExecutionRate: executionRate };
}

function budgetLines({ budget }: PlanDocument): CheckedBudgetLine[] {
  if (!budget) return [];
  const rows = <K extends string>(group: object | null | undefined, keys: Record<K, BudgetCategory>, path: string) =>
    Object.entries(keys).flatMap(([key, category]) => {
      const amounts = (group as Partial<Record<string, StageAmounts | null>> | null | undefined)?.[key];
      return amounts == null ? [] : [{ id: `${path}.${key}`, category: category as BudgetCategory, name: null, amounts: stated(amounts) }];
    });
  return [
    ...rows(budget, NATURE_ROWS, 'budget'),
    ...rows(budget.income, INCOME_ROWS, 'budget.income'),
    ...(budget.basicDetail ?? []).map((entry, index) => ({
      id: `budget.basicDetail[${index}]`,
      category: BudgetCategory.BASIC_DETAIL,
      name: entry.name,
      amounts: stated(entry.amounts),
    })),
    ...rows(budget.threePublic, THREE_PUBLIC_ROWS, 'budget.threePublic'),
  ];
}

function points(value: number | null | undefined): Micros | null {
  if (value == null) return null;
  const parsed = numberToMicros(value);
  return parsed.ok ? parsed.value : null;
}

function indicators(rows: IndicatorDocument[] | null | undefined, path: string): CheckedIndicator[] {
  return (rows ?? []).map((row, index) => ({
    id: `${path}[${index}]`,
    name: row.name,
    level1: canonicalLevels(row.level1, row.level2).level1,
    weight: points(row.weight),
    score: points(row.score),
  }));
}

function lineItems(items: LineItemDocument[] | null | undefined, path: string): CheckedLineItem[] {
  return (items ?? []).map((item, index) => {
    const id = `${path}[${index}]`;
    return {
      id,
      name: item.name,
      midyear: item.kind === 'midyear',
      amounts: item.amounts ? stated(item.amounts) : null,
      indicators: indicators(item.indicators, `${id}.indicators`),
      children: lineItems(item.children, `${id}.children`),
    };
  });
}

// ─── Location → document path ───────────────────────────────────────────────────────────────────

/** The document path of each row, by its id. */
export interface RowPaths {
  budgetLine(id: string): string;
  lineItem(id: string): string;
  indicator(id: string): string;
  section(id: string): string;
}

/** In a CheckedPlan read from a document, every id is already its path. */
const DOCUMENT_PATHS: RowPaths = { budgetLine: (id) => id, lineItem: (id) => id, indicator: (id) => id, section: (id) => id };

const BUDGET_KEYS = new Map<BudgetCategory, string>([
  ...Object.entries(NATURE_ROWS).map(([key, category]) => [category, `budget.${key}`] as const),
  ...Object.entries(INCOME_ROWS).map(([key, category]) => [category, `budget.income.${key}`] as const),
  ...Object.entries(THREE_PUBLIC_ROWS).map(([key, category]) => [category, `budget.threePublic.${key}`] as const),
]);

/** Where a location is in the plan document, e.g. "budget.total.initial", "lineItems[0].amounts.executionRate". */
export function locationPath(location: CheckLocation, paths: RowPaths): string {
  const { part, figure, stage } = location;
  const key = figure === 'AMOUNT' ? stage! : figure === 'EXECUTION_RATE' ? 'executionRate' : figure === 'WEIGHT' ? 'weight' : 'score';
  switch (part) {
    case 'BUDGET': {
      const row =
        location.budgetCategory === BudgetCategory.BASIC_DETAIL
          ? `${paths.budgetLine(location.budgetLineId!)}.amounts`
          : BUDGET_KEYS.get(location.budgetCategory!)!;
      return `${row}.${key}`;
    }
    case 'LINE_ITEM':
      return `${paths.lineItem(location.lineItemId!)}.amounts.${key}`;
    case 'INDICATOR':
      return location.indicatorId ? `${paths.indicator(location.indicatorId)}.${key}` : 'indicators';
    case 'EVALUATION':
      if (location.evaluationSectionId) return `${paths.section(location.evaluationSectionId)}.${key}`;
      return figure === 'TOTAL_SCORE' ? 'evaluation.totalScore' : figure === 'GRADE' ? 'evaluation.grade' : 'evaluation.sections';
  }
}
