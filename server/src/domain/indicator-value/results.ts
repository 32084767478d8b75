/** The shapes of a reading, built the same way by every rule family. */
import type { Confidence, ParsedValue, Quantity } from './types.js';
import { describeQuantity } from './units.js';

export function emptyResult(raw: string): ParsedValue {
  return { raw, kind: 'TEXT', quantity: null, boolean: null, grade: null, hints: [], confidence: 'LOW', explanation: '' };
}

export function textResult(raw: string, hints: Quantity[], explanation: string): ParsedValue {
  return { ...emptyResult(raw), hints, explanation };
}

export function notApplicableResult(raw: string, confidence: Confidence, explanation: string): ParsedValue {
  return { ...emptyResult(raw), kind: 'NOT_APPLICABLE', confidence, explanation };
}

export function booleanResult(raw: string, value: boolean, confidence: Confidence, explanation: string): ParsedValue {
  return { ...emptyResult(raw), kind: 'BOOLEAN', boolean: value, confidence, explanation };
}

export function readAs(quantity: Quantity, notes: string[]): string {
  const reasons = notes.filter((note) => note !== '');
  return `读作：${describeQuantity(quantity)}${reasons.length > 0 ? `（${reasons.join('；')}）` : ''}`;
}

export function shown(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

