import type { CheckWarning } from '../../graphql/fragments';

/**
 * The row a 勾稽关系 warning is about, from the server's structured location: its indicator, its line item,
 * its budget detail row or category, else its section of the 自评 totals; the most specific wins.
 */
export function locate(check: Pick<CheckWarning, 'location'>, root: ParentNode): HTMLElement | null {
  const { indicatorId, lineItemId, budgetLineId, budgetCategory, section, part } = check.location;
  const candidates: string[] = [];
  if (indicatorId) candidates.push(`[data-indicator="${indicatorId}"]`);
  if (lineItemId) candidates.push(`[data-line-item="${lineItemId}"]`);
  if (budgetLineId) candidates.push(`#budget-detail-${budgetLineId}`);
  if (budgetCategory) candidates.push(`[data-budget="${budgetCategory}"]`);
  if (section) candidates.push(`[data-section="${section}"]`);
  if (part === 'EVALUATION' || section) candidates.push('[data-section-totals]');
  for (const selector of candidates) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}
