import { describe, expect, it } from 'vitest';
import { AMOUNT_CHECK_CODES, checkCodesOf, checkFlagsOf, INDICATOR_CHECK_CODES } from './plan-figures.types.js';

describe('indicator check flags (indicator.check_flags)', () => {
  it('are the bits of the codes, in the order Plan.checks lists them; none is null', () => {
    expect(checkFlagsOf([])).toBeNull();
    expect(checkFlagsOf(['STRUCTURED_TARGET_CONTRADICTS_TEXT'])).toBe(1);
    expect(checkFlagsOf(['DEVIATION_REASON_MISSING', 'SCORE_UNCONFIRMED'])).toBe(2 | 8);
    expect(checkCodesOf(null)).toEqual([]);
    for (let flags = 1; flags < 1 << INDICATOR_CHECK_CODES.length; flags++) expect(checkFlagsOf(checkCodesOf(flags))).toBe(flags);
    expect(checkCodesOf(15)).toEqual([...INDICATOR_CHECK_CODES]);
  });

  it('refuse a code that is not an indicator\'s own', () => {
    expect(() => checkFlagsOf(['BASIC_SUM'])).toThrow();
  });

  it('the amount rules are the budget and line-item codes', () => {
    expect([...AMOUNT_CHECK_CODES].sort()).toEqual(
      ['BASIC_DETAIL_SUM', 'BASIC_SUM', 'CARRYOVER', 'EXECUTION_RATE', 'FULL_YEAR_SUM', 'INCOME_SUM', 'LINE_ITEMS_PROJECT_SUM', 'LINE_ITEM_CHILDREN_SUM', 'THREE_PUBLIC_SUM', 'TOTAL_NATURE_SUM'].sort(),
    );
  });
});
