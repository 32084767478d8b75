/**
 * The shape of nearly every 勾稽关系 rule: "the stated figure equals the sum of its parts", with
 * everything needed to explain a mismatch in Chinese with the exact figures.
 */
import { formatDecimal, sumMicros, type Micros } from '../decimal.js';
import type { CheckCode, CheckLocation, CheckWarning } from './types.js';

export type Unit = '万元' | '分';

export interface Term {
  label: string;
  value: Micros;
  negative?: boolean;
}

/** "stated = Σ parts". */
export interface Equation {
  code: CheckCode;
  location: CheckLocation;
  unit: Unit;
  /** What the equation is about, before the colon: a stage ("年初预算") or a row ("基本支出"). */
  heading: string;
  statedLabel: string;
  stated: Micros;
  /** Words before the formula, e.g. "子项 ", "各指标分值 ". */
  partsLabel: string;
  parts: Term[];
  /**
   * Only some parts are stated: the stated ones may not exceed the whole (parts are non-negative),
   * so only an excess is a finding.
   */
  partial: boolean;
}

export function equationValue(parts: Term[]): Micros {
  return sumMicros(parts.map((part) => (part.negative ? -part.value : part.value)));
}

export function checkEquation(equation: Equation): CheckWarning | null {
  const expected = equationValue(equation.parts);
  const difference = equation.stated - expected;
  const consistent = equation.partial ? difference >= 0n : difference === 0n;
  if (consistent) return null;
  return {
    code: equation.code,
    location: equation.location,
    expected: formatDecimal(expected),
    found: formatDecimal(equation.stated),
    difference: formatDecimal(difference),
    message: equationMessage(equation, expected, difference),
  };
}

function equationMessage(equation: Equation, expected: Micros, difference: Micros): string {
  const { unit } = equation;
  const stated = `${equation.heading}：${equation.statedLabel} ${formatDecimal(equation.stated)} ${unit}`;
  const formula = `${equation.partsLabel}${formatFormula(equation.parts)} = ${formatDecimal(expected)} ${unit}`;
  if (equation.partial) {
    return `${stated}，但已填列的 ${formula}，已超过${equation.statedLabel}（超出 ${formatDecimal(-difference)} ${unit}；其余未填列）`;
  }
  return `${stated}，但${formula}（相差 ${formatDecimal(abs(difference))} ${unit}）`;
}

export function formatFormula(parts: Term[]): string {
  return parts
    .map((part, index) => {
      const operator = index === 0 ? (part.negative ? '-' : '') : part.negative ? ' - ' : ' + ';
      const label = part.label ? `${part.label} ` : '';
      const value = part.value < 0n ? `(${formatDecimal(part.value)})` : formatDecimal(part.value);
      return `${operator}${label}${value}`;
    })
    .join('');
}

export function abs(value: Micros): Micros {
  return value < 0n ? -value : value;
}

/** Drops the rules that found nothing. */
export function found(warnings: (CheckWarning | null)[]): CheckWarning[] {
  return warnings.filter((warning): warning is CheckWarning => warning !== null);
}
