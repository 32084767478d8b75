/**
 * Merged cells of the official forms: consecutive rows with the same 一级 share one cell, and within
 * it consecutive rows with the same 二级. Layout only — no figures are computed here.
 */
export interface GroupedRow<T> {
  row: T;
  /** rowSpan of the 一级 cell on this row; 0 = covered by a cell above. */
  level1Span: number;
  level2Span: number;
  /** The rows the merged cells starting here cover. */
  level1Group: T[];
  level2Group: T[];
}

export function groupRows<T>(rows: T[], level1: (row: T) => string, level2: (row: T) => string): GroupedRow<T>[] {
  const result: GroupedRow<T>[] = rows.map((row) => ({ row, level1Span: 0, level2Span: 0, level1Group: [], level2Group: [] }));
  let i = 0;
  while (i < rows.length) {
    let end = i;
    while (end + 1 < rows.length && level1(rows[end + 1]) === level1(rows[i])) end++;
    result[i].level1Span = end - i + 1;
    result[i].level1Group = rows.slice(i, end + 1);
    let j = i;
    while (j <= end) {
      let end2 = j;
      while (end2 + 1 <= end && level2(rows[end2 + 1]) === level2(rows[j])) end2++;
      result[j].level2Span = end2 - j + 1;
      result[j].level2Group = rows.slice(j, end2 + 1);
      j = end2 + 1;
    }
    i = end + 1;
  }
  return result;
}
