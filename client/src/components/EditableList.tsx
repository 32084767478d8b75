import type { CellOutcome } from '../app/mutate';
import { EditableCell } from './EditableCell';

export interface EditableListProps {
  /** The stored sentences. */
  items: string[];
  /** Names the list (each line is "label n"). */
  label: string;
  /** Placeholder and label of the trailing line that adds one. */
  addLabel: string;
  col: string;
  readOnly?: boolean;
  /**
   * Saves a change to the list. `change` turns the list as it is when the write goes out (which may be
   * newer than the one rendered, if an earlier edit is still saving) into the list to send.
   */
  onSave: (change: (current: string[]) => string[]) => Promise<CellOutcome>;
}

/** Blank lines are dropped and lines are trimmed before a list is sent. */
export function tidy(lines: string[]): string[] {
  return lines.map((line) => line.trim()).filter(Boolean);
}

/**
 * A list of sentences edited in place, like 年度整体绩效目标: one cell per line; clearing a line
 * removes it; the last (empty) line adds one.
 */
export function EditableList({ items, label, addLabel, col, readOnly, onSave }: EditableListProps) {
  return (
    <ol className="goals" aria-label={label}>
      {items.map((item, index) => (
        <li key={`${index}-${item}`}>
          <EditableCell col={col} label={`${label} ${index + 1}`} value={item} readOnly={readOnly} onCommit={(text) => onSave((current) => tidy(current.map((line, i) => (i === index ? text : line))))} />
        </li>
      ))}
      {!readOnly && (
        <li className="goal-new">
          <EditableCell col={col} label={addLabel} value="" placeholder={`＋ ${addLabel}…`} onCommit={(text) => (text.trim() ? onSave((current) => tidy([...current, text])) : Promise.resolve(null))} />
        </li>
      )}
      {readOnly && items.length === 0 && <li className="goal-none muted">—</li>}
    </ol>
  );
}
