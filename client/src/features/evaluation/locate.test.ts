// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { locate } from './locate';

function page(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `
    <table><tr data-budget="TOTAL"></tr><tr data-budget="BASIC"></tr><tr data-budget="INCOME_GENERAL_PUBLIC"></tr></table>
    <section data-line-item="3"></section>
    <table><tr data-indicator="12"></tr></table>
    <table data-section-totals></table>`;
  return root;
}

describe('locate (勾稽关系 entry → row)', () => {
  it.each([
    ['indicator:12', 'data-indicator'],
    ['indicators/12/weight', 'data-indicator'],
    ['lineItem:3', 'data-line-item'],
    ['budget.TOTAL.initial', 'data-budget'],
    ['budget.basic.actual', 'data-budget'],
    ['budget.income.generalPublic.initial', 'data-budget'],
    ['evaluation.totalScore', 'data-section-totals'],
  ])('%s', (path, attribute) => {
    expect(locate({ path, indicatorId: null, lineItemId: null }, page())?.hasAttribute(attribute)).toBe(true);
  });
  it('finds nothing for an unknown path', () => {
    expect(locate({ path: 'something.else', indicatorId: null, lineItemId: null }, page())).toBeNull();
  });
  it('prefers the indicator or line item the warning names', () => {
    expect(locate({ path: 'lineItems[0].indicators', indicatorId: '12', lineItemId: '3' }, page())?.getAttribute('data-indicator')).toBe('12');
    expect(locate({ path: 'lineItems[0].children', indicatorId: null, lineItemId: '3' }, page())?.getAttribute('data-line-item')).toBe('3');
  });
});
