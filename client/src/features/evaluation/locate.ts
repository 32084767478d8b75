/**
 * The row a check's `path` is about. Paths name objects by kind and id or category
 * (e.g. "indicator:12", "lineItem:3", "budget.TOTAL"); the most specific element found wins.
 */
export function locate(path: string, root: ParentNode): HTMLElement | null {
  const candidates: string[] = [];
  const id = (kind: RegExp) => path.match(kind)?.[1];
  const indicator = id(/indicators?[:/.[\s#]+(\d+)/i);
  if (indicator) candidates.push(`[data-indicator="${indicator}"]`);
  const lineItem = id(/line_?items?[:/.[\s#]+(\d+)/i);
  if (lineItem) candidates.push(`[data-line-item="${lineItem}"]`);
  const category = path.match(/\b(TOTAL|BASIC|PERSONNEL|PUBLIC_USE|PROJECT|INCOME_[A-Z_]+)\b/)?.[1];
  if (category) candidates.push(`[data-budget="${category}"]`);
  const lower = path.toLowerCase();
  const nature: Record<string, string> = { total: 'TOTAL', basic: 'BASIC', personnel: 'PERSONNEL', publicuse: 'PUBLIC_USE', project: 'PROJECT' };
  for (const [key, value] of Object.entries(nature)) if (lower.includes(`budget.${key}`)) candidates.push(`[data-budget="${value}"]`);
  if (/section|score|grade/i.test(path)) candidates.push('[data-section-totals]');
  for (const selector of candidates) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}
