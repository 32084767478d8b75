import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndicatorValue } from '../../graphql/fragments';
import { StructuredTargetForm } from './StructuredTargetForm';

afterEach(cleanup);

const reading = (changes: Partial<IndicatorValue>): IndicatorValue => ({
  raw: '完成12次',
  kind: 'QUANTITY',
  comparator: 'GTE',
  value: '12',
  upper: null,
  unit: '次',
  approximate: false,
  direction: 'HIGHER_IS_BETTER',
  display: '≥ 12 次',
  confidence: 'HIGH',
  explanation: '',
  explicit: false,
  boolean: null,
  grade: null,
  hints: [],
  splitSuggested: false,
  ...changes,
});

const field = (name: string) => screen.getByRole<HTMLInputElement>(name === '比较符' || name === '方向' ? 'combobox' : 'textbox', { name });

describe('StructuredTargetForm (设定)', () => {
  it('starts from the server reading; 上限 only for 区间', () => {
    render(<StructuredTargetForm reading={reading({})} onSubmit={vi.fn()} onClose={vi.fn()} />);
    expect(field('比较符').value).toBe('GTE');
    expect(field('数值').value).toBe('12');
    expect(field('单位').value).toBe('次');
    // The direction of a text reading is the server's guess: the form leaves it 按比较符.
    expect(field('方向').value).toBe('');
    expect(screen.queryByRole('textbox', { name: '上限' })).toBeNull();
    expect(screen.queryByRole('button', { name: '清除设定' })).toBeNull();
    fireEvent.change(field('比较符'), { target: { value: 'RANGE' } });
    expect(field('下限').value).toBe('12');
    expect(field('上限')).toBeTruthy();
  });

  it('sends the structure as typed and closes when saved', async () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    const onClose = vi.fn();
    render(<StructuredTargetForm reading={null} onSubmit={onSubmit} onClose={onClose} />);
    fireEvent.change(field('比较符'), { target: { value: 'RANGE' } });
    fireEvent.change(field('下限'), { target: { value: '90' } });
    fireEvent.change(field('上限'), { target: { value: ' 95 ' } });
    fireEvent.change(field('单位'), { target: { value: '%' } });
    fireEvent.change(field('方向'), { target: { value: 'HIGHER_IS_BETTER' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    expect(onSubmit).toHaveBeenCalledWith({ comparator: 'RANGE', value: '90', upper: '95', unit: '%', direction: 'HIGHER_IS_BETTER' });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('a non-range sends no upper bound and no unit when blank', () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(<StructuredTargetForm reading={null} onSubmit={onSubmit} onClose={vi.fn()} />);
    fireEvent.change(field('比较符'), { target: { value: 'LTE' } });
    fireEvent.change(field('数值'), { target: { value: '6' } });
    fireEvent.submit(screen.getByRole('form', { name: '设定指标值结构' }));
    expect(onSubmit).toHaveBeenCalledWith({ comparator: 'LTE', value: '6', upper: null, unit: null, direction: null });
  });

  it('asks for the numbers it needs before sending', () => {
    const onSubmit = vi.fn();
    render(<StructuredTargetForm reading={null} onSubmit={onSubmit} onClose={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    expect(screen.getByRole('alert').textContent).toBe('请填写数值');
    fireEvent.change(field('比较符'), { target: { value: 'RANGE' } });
    fireEvent.change(field('下限'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    expect(screen.getByRole('alert').textContent).toBe('区间须填写上限');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server refusal in the form and stays open', async () => {
    const onClose = vi.fn();
    render(<StructuredTargetForm reading={null} onSubmit={vi.fn().mockResolvedValue('上限 10 小于下限 12 (upper below lower)')} onClose={onClose} />);
    fireEvent.change(field('比较符'), { target: { value: 'RANGE' } });
    fireEvent.change(field('下限'), { target: { value: '12' } });
    fireEvent.change(field('上限'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    expect((await screen.findByRole('alert')).textContent).toBe('上限 10 小于下限 12 (upper below lower)');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('a conflict shows their reading; 用我的值覆盖 resends, 采用对方的值 closes', async () => {
    const overwrite = vi.fn().mockResolvedValue(null);
    const onClose = vi.fn();
    render(<StructuredTargetForm reading={reading({ explicit: true })} onSubmit={vi.fn().mockResolvedValue({ kind: 'conflict', theirs: '≥ 15 次', overwrite })} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('已被他人修改：当前值');
    expect(alert.textContent).toContain('≥ 15 次');
    fireEvent.click(screen.getByRole('button', { name: '用我的值覆盖' }));
    expect(overwrite).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('清除设定 (an explicit one) sends null', () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(<StructuredTargetForm reading={reading({ explicit: true, comparator: 'RANGE', value: '12', upper: '15', direction: 'HIGHER_IS_BETTER' })} onSubmit={onSubmit} onClose={vi.fn()} />);
    expect(field('上限').value).toBe('15');
    expect(field('方向').value).toBe('HIGHER_IS_BETTER');
    fireEvent.click(screen.getByRole('button', { name: '清除设定' }));
    expect(onSubmit).toHaveBeenCalledWith(null);
  });
  it('reads numbers as the cells do: "16分", full-width "１６", "1,200"; anything else gets a message at the field', async () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(<StructuredTargetForm reading={null} onSubmit={onSubmit} onClose={vi.fn()} />);
    fireEvent.change(field('比较符'), { target: { value: 'RANGE' } });
    fireEvent.change(field('下限'), { target: { value: '十六' } });
    fireEvent.change(field('上限'), { target: { value: '1,200' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(field('下限').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('请输入数字，如 16 或 16.5（可带单位“分”“万元”）');
    fireEvent.change(field('下限'), { target: { value: '１６' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ comparator: 'RANGE', value: '16', upper: '1200', unit: null, direction: null });
    cleanup();
    render(<StructuredTargetForm reading={null} onSubmit={onSubmit} onClose={vi.fn()} />);
    fireEvent.change(field('数值'), { target: { value: '16分' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设定' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ comparator: 'GTE', value: '16', upper: null, unit: null, direction: null });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
