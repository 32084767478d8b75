import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditableCell } from './EditableCell';

afterEach(cleanup);

function open(label: string): HTMLInputElement {
  fireEvent.focus(screen.getByRole('button', { name: label }));
  return screen.getByRole('textbox', { name: label }) as HTMLInputElement;
}

describe('EditableCell', () => {
  it('opens on focus with the stored value, and Enter commits the typed text', async () => {
    const onCommit = vi.fn().mockResolvedValue(null);
    render(<EditableCell label="指标值" value="100%" onCommit={onCommit} />);
    const input = open('指标值');
    expect(input.value).toBe('100%');
    fireEvent.change(input, { target: { value: '不少于12次' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledWith('不少于12次');
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
  });

  it('Esc cancels: nothing is saved and the stored value shows again', () => {
    const onCommit = vi.fn().mockResolvedValue(null);
    render(<EditableCell label="指标值" value="100%" onCommit={onCommit} />);
    const input = open('指标值');
    fireEvent.change(input, { target: { value: '95%' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: '指标值' }).textContent).toBe('100%');
  });

  it('does not save when the text is unchanged', () => {
    const onCommit = vi.fn().mockResolvedValue(null);
    render(<EditableCell label="分值" value="10" onCommit={onCommit} />);
    const input = open('分值');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('Tab (leaving the cell) commits', () => {
    const onCommit = vi.fn().mockResolvedValue(null);
    render(<EditableCell label="分值" value="" onCommit={onCommit} />);
    const input = open('分值');
    fireEvent.change(input, { target: { value: '10' } });
    fireEvent.keyDown(input, { key: 'Tab' });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledWith('10');
  });

  it('Enter moves to the next cell of the same column', () => {
    const onCommit = vi.fn().mockResolvedValue(null);
    render(
      <table>
        <tbody>
          <tr>
            <td><EditableCell col="target" label="a-target" value="1" onCommit={onCommit} /></td>
            <td><EditableCell col="weight" label="a-weight" value="2" onCommit={onCommit} /></td>
          </tr>
          <tr>
            <td><EditableCell col="target" label="b-target" value="3" onCommit={onCommit} /></td>
            <td><EditableCell col="weight" label="b-weight" value="4" onCommit={onCommit} /></td>
          </tr>
        </tbody>
      </table>,
    );
    const input = open('a-target');
    fireEvent.keyDown(input, { key: 'Enter' });
    const next = screen.getByRole('textbox', { name: 'b-target' }) as HTMLInputElement;
    expect(next.value).toBe('3');
  });

  it('keeps the typed text and shows the error when the save fails', async () => {
    const onCommit = vi.fn().mockResolvedValue('无法连接服务器');
    render(<EditableCell label="实际完成值" value="" onCommit={onCommit} />);
    const input = open('实际完成值');
    fireEvent.change(input, { target: { value: '10次' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '无法连接服务器');
    expect(screen.getByRole('button', { name: '实际完成值' }).textContent).toContain('10次');
    // Reopening starts from the text that failed, not from the stored value.
    expect(open('实际完成值').value).toBe('10次');
  });

  it('reports the draft while typing and null when done', () => {
    const onDraft = vi.fn();
    render(<EditableCell label="指标值" value="" onDraft={onDraft} onCommit={vi.fn().mockResolvedValue(null)} />);
    const input = open('指标值');
    fireEvent.change(input, { target: { value: '≥90%' } });
    expect(onDraft).toHaveBeenLastCalledWith('≥90%');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onDraft).toHaveBeenLastCalledWith(null);
  });

  it('does not open when read only', () => {
    render(<EditableCell label="一级指标" value="产出指标" readOnly onCommit={vi.fn()} />);
    fireEvent.focus(screen.getByRole('button', { name: '一级指标' }));
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('EditableCell conflicts (someone else saved first)', () => {
  function conflicted(theirs: string, overwrite = vi.fn().mockResolvedValue(null)) {
    const onCommit = vi.fn().mockResolvedValue({ kind: 'conflict', theirs, overwrite });
    const view = render(<EditableCell label="指标值" value="≥10次" onCommit={onCommit} />);
    const input = open('指标值');
    fireEvent.change(input, { target: { value: '不少于12次' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    return { onCommit, overwrite, ...view };
  }

  it('shows their value and keeps mine in the cell', async () => {
    conflicted('不少于15次');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('已被他人修改：当前值');
    expect(alert.textContent).toContain('不少于15次');
    expect(screen.getByRole('button', { name: '指标值' }).querySelector('.cell-text')?.textContent).toBe('不少于12次');
    expect(screen.getByRole('button', { name: '采用对方的值' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '用我的值覆盖' })).toBeTruthy();
  });

  it('采用对方的值 drops my text and shows the stored (their) value', async () => {
    const { overwrite, rerender, onCommit } = conflicted('不少于15次');
    await screen.findByRole('alert');
    // The conflict payload put their value in the cache: the cell's stored value is now theirs.
    rerender(<EditableCell label="指标值" value="不少于15次" onCommit={onCommit} />);
    fireEvent.click(screen.getByRole('button', { name: '采用对方的值' }));
    expect(overwrite).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: '指标值' }).querySelector('.cell-text')?.textContent).toBe('不少于15次');
  });

  it('用我的值覆盖 resends mine and clears the conflict when saved', async () => {
    const { overwrite } = conflicted('不少于15次');
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: '用我的值覆盖' }));
    expect(overwrite).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('a second conflict while overwriting shows the newer value', async () => {
    const again = vi.fn().mockResolvedValue(null);
    const overwrite = vi.fn().mockResolvedValue({ kind: 'conflict', theirs: '不少于20次', overwrite: again });
    conflicted('不少于15次', overwrite);
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: '用我的值覆盖' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('不少于20次'));
    expect(screen.getByRole('button', { name: '指标值' }).querySelector('.cell-text')?.textContent).toBe('不少于12次');
  });

  it('clicking a choice does not open the cell for editing', async () => {
    conflicted('不少于15次');
    await screen.findByRole('alert');
    fireEvent.mouseDown(screen.getByRole('button', { name: '采用对方的值' }));
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
