import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../graphql/fragments';
import { ValueBadge } from './ValueBadge';

afterEach(cleanup);

const reading = (over: Partial<IndicatorValue>): IndicatorValue => ({
  raw: '不少于12次', kind: 'QUANTITY', comparator: 'GTE', value: '12', upper: null, unit: '次', approximate: false,
  direction: 'HIGHER_IS_BETTER', display: '≥ 12 次', confidence: 'HIGH', explanation: '“不少于”读作 ≥', explicit: false, boolean: null,
  grade: null, hints: [], splitSuggested: false, ...over,
});

const quantity = (display: string): IndicatorValue['hints'][number] => ({ display, comparator: 'GTE', value: '1', upper: null, unit: '次', approximate: false });

describe('ValueBadge', () => {
  it('shows the server display beside the cell, with its explanation on hover', () => {
    render(<ValueBadge reading={reading({})} />);
    const badge = screen.getByText('≥ 12 次');
    expect(badge.getAttribute('data-kind')).toBe('QUANTITY');
    expect(badge.getAttribute('title')).toContain('不少于');
    expect(badge.className).not.toContain('badge-warn');
  });

  it('warns for TEXT', () => {
    render(<ValueBadge reading={reading({ kind: 'TEXT', raw: '按预算经费实施。', display: '文本' })} />);
    expect(screen.getByText(/文本/).className).toContain('badge-warn');
  });

  it('suggests splitting a compound target, listing the quantities found', () => {
    render(<ValueBadge reading={reading({ kind: 'TEXT', display: '文本', splitSuggested: true, hints: [quantity('≥ 10 次'), quantity('= 1 次')] })} />);
    expect(screen.getByRole('note').textContent).toContain('建议拆分');
    expect(screen.getByRole('note').textContent).toContain('≥ 10 次');
  });

  it('shows nothing without a reading', () => {
    const { container } = render(<ValueBadge reading={null} />);
    expect(container.textContent).toBe('');
  });
});
