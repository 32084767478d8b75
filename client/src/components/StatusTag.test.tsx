import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CompletionBar, StatusTag } from './StatusTag';

afterEach(cleanup);

describe('StatusTag', () => {
  it.each([
    ['MET', '达成', 'tag-met'],
    ['PARTIAL', '部分达成', 'tag-partial'],
    ['NOT_MET', '未达成', 'tag-not-met'],
    ['PENDING', '待填报', 'tag-pending'],
    ['NEEDS_JUDGEMENT', '待评价人员判断', 'tag-needs-judgement'],
    ['INCOMPARABLE', '单位不可比', 'tag-incomparable'],
    ['NOT_APPLICABLE', '不适用', 'tag-not-applicable'],
  ] as const)('%s reads %s in its own colour', (status, label, className) => {
    render(<StatusTag status={status} explanation="实际 10 次 < 目标 12 次" />);
    const tag = screen.getByText(label);
    expect(tag.className).toContain(className);
    expect(tag.getAttribute('title')).toBe('实际 10 次 < 目标 12 次');
  });
});

describe('CompletionBar', () => {
  it('draws the server percentage, capped to the bar', () => {
    const { container } = render(<CompletionBar percent="83.33" />);
    expect(container.textContent).toBe('83.33%');
    expect((container.querySelector('.bar-fill') as HTMLElement).style.width).toBe('83.33%');
    cleanup();
    const over = render(<CompletionBar percent={410} />);
    expect((over.container.querySelector('.bar-fill') as HTMLElement).style.width).toBe('100%');
    expect(over.container.textContent).toBe('410%');
  });
  it('draws the percentage as the server writes it, with its % sign', () => {
    const { container } = render(<CompletionBar percent="83.33%" />);
    expect(container.textContent).toBe('83.33%');
    expect((container.querySelector('.bar-fill') as HTMLElement).style.width).toBe('83.33%');
  });
  it('draws nothing without a figure', () => {
    expect(render(<CompletionBar percent={null} />).container.textContent).toBe('');
  });
});
