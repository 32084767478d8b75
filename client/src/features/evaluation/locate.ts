import type { CheckWarning } from '../../graphql/fragments';

/**
 * The row a 勾稽关系 warning is about: its indicator, its line item, else the budget row or section its
 * `path` names (e.g. "budget.total.initial", "budget.income.generalPublic"); the most specific wins.
 */
export function locate(check: Pick<CheckWarning, 'path' | 'indicatorId' | 'lineItemId'>, root: ParentNode): HTMLElement | null {
  const path = check.path;
  const candidates: string[] = [];
  if (check.indicatorId) candidates.push(`[data-indicator="${check.indicatorId}"]`);
  if (check.lineItemId) candidates.push(`[data-line-item="${check.lineItemId}"]`);
  const id = (kind: RegExp) => path.match(kind)?.[1];
  const indicator = id(/indicators?[:/.[\s#]+(\d+)/i);
  if (indicator) candidates.push(`[data-indicator="${indicator}"]`);
  const lineItem = id(/line_?items?[:/.[\s#]+(\d+)/i);
  if (lineItem) candidates.push(`[data-line-item="${lineItem}"]`);
  const category = path.match(/\b(TOTAL|BASIC|PERSONNEL|PUBLIC_USE|PROJECT|INCOME_[A-Z_]+)\b/)?.[1];
  if (category) candidates.push(`[data-budget="${category}"]`);
  const lower = path.toLowerCase();
  for (const [key, value] of Object.entries(BUDGET_PATHS)) if (lower.startsWith(`budget.${key.toLowerCase()}`)) candidates.push(`[data-budget="${value}"]`);
  const section = path.match(/\b(OUTPUT|OUTCOME|SATISFACTION|COST|BUDGET_EXECUTION)\b/)?.[1];
  if (section) candidates.push(`[data-section="${section}"]`);
  if (/section|score|grade|weight/i.test(path)) candidates.push('[data-section-totals]');
  for (const selector of candidates) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** Plan-document budget paths → the budget table's rows. Longer keys first: income.other before total. */
const BUDGET_PATHS: Record<string, string> = {
  'income.generalPublic': 'INCOME_GENERAL_PUBLIC',
  'income.governmentFund': 'INCOME_GOVERNMENT_FUND',
  'income.other': 'INCOME_OTHER',
  'income.priorYearCarryover': 'INCOME_PRIOR_YEAR_CARRYOVER',
  'income.specialAccountNonTax': 'INCOME_SPECIAL_ACCOUNT_NON_TAX',
  total: 'TOTAL',
  basic: 'BASIC',
  personnel: 'PERSONNEL',
  publicUse: 'PUBLIC_USE',
  project: 'PROJECT',
};
