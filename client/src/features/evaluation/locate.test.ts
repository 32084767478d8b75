// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CheckWarning } from '../../graphql/fragments';
import { locate } from './locate';

function page(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `
    <table><tr data-budget="TOTAL"></tr><tr data-budget="BASIC"></tr><tr id="budget-detail-31" data-budget="BASIC_DETAIL"></tr></table>
    <section data-line-item="3"></section>
    <table><tr data-indicator="12"></tr></table>
    <table data-section-totals><tr data-section="OUTPUT"></tr></table>`;
  return root;
}

const at = (location: Partial<CheckWarning['location']>): Pick<CheckWarning, 'location'> => ({
  location: { part: 'BUDGET', figure: 'AMOUNT', stage: null, budgetCategory: null, budgetLineId: null, lineItemId: null, indicatorId: null, section: null, ...location } as CheckWarning['location'],
});

describe('locate (勾稽关系 entry → row, by the structured location)', () => {
  it('a budget category', () => expect(locate(at({ budgetCategory: 'BASIC', stage: 'INITIAL' }), page())?.getAttribute('data-budget')).toBe('BASIC'));
  it('a budget detail row', () => expect(locate(at({ budgetCategory: 'BASIC_DETAIL', budgetLineId: '31' }), page())?.id).toBe('budget-detail-31'));
  it('a line item', () => expect(locate(at({ part: 'LINE_ITEM', lineItemId: '3' }), page())?.getAttribute('data-line-item')).toBe('3'));
  it('the indicator before its line item', () => expect(locate(at({ part: 'INDICATOR', lineItemId: '3', indicatorId: '12' }), page())?.getAttribute('data-indicator')).toBe('12'));
  it('a section of the totals', () => expect(locate(at({ part: 'EVALUATION', section: 'OUTPUT' }), page())?.getAttribute('data-section')).toBe('OUTPUT'));
  it('the totals', () => expect(locate(at({ part: 'EVALUATION' }), page())?.hasAttribute('data-section-totals')).toBe(true));
  it('nothing for a location the page does not show', () => expect(locate(at({ indicatorId: '99' }), page())).toBeNull());
});
