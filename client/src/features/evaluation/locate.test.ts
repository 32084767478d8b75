// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { locate } from './locate';

function page(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `
    <table><tr data-budget="TOTAL"></tr><tr data-budget="BASIC"></tr></table>
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
    ['budget.basic', 'data-budget'],
    ['evaluation.totalScore', 'data-section-totals'],
  ])('%s', (path, attribute) => {
    expect(locate(path, page())?.hasAttribute(attribute)).toBe(true);
  });
  it('finds nothing for an unknown path', () => {
    expect(locate('something.else', page())).toBeNull();
  });
});
