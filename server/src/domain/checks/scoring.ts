/**
 * The points rules of a score sheet: sections against their indicators, 100 full marks, the total
 * score, score ≤ weight, and the 评价等次 band of the total.
 */
import { formatDecimal, type Micros } from '../decimal.js';
import { EVALUATION_GRADE_LABELS, gradeForScore, readStatedGrade } from '../grade.js';
import type { Level1 } from '../indicator-hierarchy.js';
import { abs, checkEquation, equationValue, formatFormula, found, type Equation, type Term } from './equation.js';
import {
  locationOf,
  type CheckCode,
  type CheckLocation,
  type CheckWarning,
  type CheckedEvaluation,
  type CheckedIndicator,
  type CheckedLineItem,
  type CheckedPlan,
} from './types.js';

const POINT = 1_000_000n;
const FULL_MARKS = 100n * POINT;

/** An indicator row or an evaluation section, with its points. */
interface ScoredRow {
  where: CheckLocation;
  name: string;
  level1: Level1;
  weight: Micros | null;
  score: Micros | null;
}

function indicatorRows(indicators: CheckedIndicator[], lineItemId: string | null): ScoredRow[] {
  return indicators.map((indicator) => ({
    where: locationOf('INDICATOR', 'SCORE', { lineItemId, indicatorId: indicator.id, section: indicator.level1 }),
    name: indicator.name,
    level1: indicator.level1,
    weight: indicator.weight,
    score: indicator.score,
  }));
}

function sectionRows(evaluation: CheckedEvaluation | null): ScoredRow[] {
  return (evaluation?.sections ?? []).map((section) => ({
    where: locationOf('EVALUATION', 'SCORE', { evaluationSectionId: section.id, section: section.level1 === 'UNKNOWN' ? null : section.level1 }),
    name: section.name,
    level1: section.level1,
    weight: section.weight,
    score: section.score,
  }));
}

function lineItemIndicatorRows(items: CheckedLineItem[]): ScoredRow[] {
  return items.flatMap((item) => [...indicatorRows(item.indicators, item.id), ...lineItemIndicatorRows(item.children)]);
}

type Points = 'weight' | 'score';

const POINTS_LABELS: Record<Points, string> = { weight: '分值', score: '得分' };

/** Σ of one kind of points over rows, or null when a row leaves it unstated. */
function pointTerms(rows: ScoredRow[], points: Points, named: boolean): Term[] | null {
  const terms = rows.flatMap((row) => {
    const value = row[points];
    return value === null ? [] : [{ label: named ? row.name : '', value }];
  });
  return terms.length === rows.length ? terms : null;
}

/**
 * The indicator rows are the whole score sheet when they include the 预算执行率 row, or when every
 * stated section has rows; a target table often leaves 预算执行率 out, and then its rows total 90.
 */
function rowsAreWholeSheet(indicators: ScoredRow[], sections: ScoredRow[]): boolean {
  if (indicators.length === 0) return false;
  if (indicators.some((row) => row.level1 === 'BUDGET_EXECUTION')) return true;
  return sections.length > 0 && sections.every((section) => rowsOfSection(indicators, section).length > 0);
}

function rowsOfSection(indicators: ScoredRow[], section: ScoredRow): ScoredRow[] {
  return section.level1 === 'UNKNOWN' ? [] : indicators.filter((row) => row.level1 === section.level1);
}

/**
 * The section and 100-point rules read the plan's own indicators (the 自评 sheet); a line item's
 * indicators form a sheet of their own whose weights need not total 100, so they only get the
 * score ≤ weight check.
 */
export function scoringWarnings(plan: CheckedPlan): CheckWarning[] {
  const indicators = indicatorRows(plan.indicators, null);
  const sections = sectionRows(plan.evaluation);
  const wholeSheet = rowsAreWholeSheet(indicators, sections);
  const totalScore = plan.evaluation?.totalScore ?? null;
  return found([
    ...sections.flatMap((section) => sectionEquations(indicators, section)).map(checkEquation),
    checkFullMarks('SECTIONS_TOTAL_100', locationOf('EVALUATION', 'WEIGHT'), '各部分分值 ', pointTerms(sections, 'weight', true)),
    wholeSheet ? checkFullMarks('INDICATOR_WEIGHTS_TOTAL_100', locationOf('INDICATOR', 'WEIGHT'), '各指标分值 ', pointTerms(indicators, 'weight', false)) : null,
    wholeSheet ? checkTotalScore(totalScore, 'TOTAL_SCORE_SUM', '各指标得分 ', pointTerms(indicators, 'score', false)) : null,
    checkTotalScore(totalScore, 'TOTAL_SCORE_SECTIONS_SUM', '各部分得分 ', pointTerms(sections, 'score', true)),
    ...[...indicators, ...sections, ...lineItemIndicatorRows(plan.lineItems)].map(checkScoreWithinWeight),
    checkGradeBand(plan.evaluation),
  ]);
}

function sectionEquations(indicators: ScoredRow[], section: ScoredRow): Equation[] {
  const rows = rowsOfSection(indicators, section);
  if (rows.length === 0) return [];
  return (['weight', 'score'] as const).flatMap((points) => {
    const stated = section[points];
    const parts = pointTerms(rows, points, false);
    if (stated === null || parts === null) return [];
    return [
      pointsEquation({
        code: points === 'weight' ? 'SECTION_WEIGHT_SUM' : 'SECTION_SCORE_SUM',
        location: { ...section.where, figure: points === 'weight' ? 'WEIGHT' : 'SCORE' },
        heading: section.name,
        statedLabel: POINTS_LABELS[points],
        stated,
        partsLabel: `各指标${POINTS_LABELS[points]} `,
        parts,
      }),
    ];
  });
}

/** A 100-point sheet: the stated weights must add up to full marks. */
function checkFullMarks(code: CheckCode, location: CheckLocation, partsLabel: string, parts: Term[] | null): CheckWarning | null {
  if (parts === null || parts.length === 0) return null;
  const total = equationValue(parts);
  if (total === FULL_MARKS) return null;
  const difference = total - FULL_MARKS;
  return {
    code,
    location,
    expected: formatDecimal(FULL_MARKS),
    found: formatDecimal(total),
    difference: formatDecimal(difference),
    message:
      `自评：${partsLabel}${formatFormula(parts)} = ${formatDecimal(total)} 分，` +
      `但满分应为 ${formatDecimal(FULL_MARKS)} 分（相差 ${formatDecimal(abs(difference))} 分）`,
  };
}

function checkTotalScore(stated: Micros | null, code: CheckCode, partsLabel: string, parts: Term[] | null): CheckWarning | null {
  if (stated === null || parts === null || parts.length === 0) return null;
  return checkEquation(
    pointsEquation({ code, location: locationOf('EVALUATION', 'TOTAL_SCORE'), heading: '自评', statedLabel: '综合得分', stated, partsLabel, parts }),
  );
}

function pointsEquation(fields: Pick<Equation, 'code' | 'location' | 'heading' | 'statedLabel' | 'stated' | 'partsLabel' | 'parts'>): Equation {
  return { ...fields, unit: '分', partial: false };
}

function checkScoreWithinWeight(row: ScoredRow): CheckWarning | null {
  if (row.weight === null || row.score === null || row.score <= row.weight) return null;
  const excess = row.score - row.weight;
  return {
    code: 'SCORE_EXCEEDS_WEIGHT',
    location: row.where,
    expected: formatDecimal(row.weight),
    found: formatDecimal(row.score),
    difference: formatDecimal(excess),
    message: `${row.name}：得分 ${formatDecimal(row.score)} 分，超过分值 ${formatDecimal(row.weight)} 分（超出 ${formatDecimal(excess)} 分）`,
  };
}

function checkGradeBand(evaluation: CheckedEvaluation | null): CheckWarning | null {
  const total = evaluation?.totalScore ?? null;
  const statedText = evaluation?.grade?.trim() ?? '';
  const stated = statedText ? readStatedGrade(statedText) : null;
  if (total === null || stated === null) return null;
  const band = gradeForScore(total);
  if (band === stated) return null;
  const expected = EVALUATION_GRADE_LABELS[band];
  return {
    code: 'GRADE_BAND',
    location: locationOf('EVALUATION', 'GRADE'),
    expected,
    found: statedText,
    difference: null,
    message:
      `自评：评价等次 ${statedText}，但综合得分 ${formatDecimal(total)} 分应为「${expected}」` +
      '（≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差）',
  };
}
