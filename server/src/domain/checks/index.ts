/**
 * 勾稽关系 — the consistency checks of a plan (DOMAIN.md §7).
 *
 * Every rule is an equation between figures the plan states: "the stated figure equals the sum of its
 * parts". A rule runs only where every figure it needs is stated; a null is "unknown", never 0.
 * Checks warn, they never block: each warning carries the exact figures, in 万元 for money, 分 for
 * points and % for rates, and its structured location.
 *
 * amounts.ts: budget and line-item money rules · scoring.ts: points rules · equation.ts: "stated =
 * Σ parts" and its message · document.ts: a plan document read as a CheckedPlan (imports, tests).
 */
import { amountWarnings } from './amounts.js';
import { scoringWarnings } from './scoring.js';
import type { CheckedPlan, CheckWarning } from './types.js';

export * from './types.js';

export function checkPlan(plan: CheckedPlan): CheckWarning[] {
  return [...amountWarnings(plan), ...scoringWarnings(plan)];
}
