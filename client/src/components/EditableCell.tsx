import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isConflict, type CellConflict, type CellOutcome } from '../app/mutate';
import { t } from '../i18n/zh-CN';

export interface EditableCellProps {
  /** The stored value ('' when not stated). */
  value: string;
  /**
   * Saves the text; resolves to null when saved, an error message to show at the cell, or a conflict
   * (someone else changed it first) for the user to settle at the cell.
   */
  onCommit: (text: string) => Promise<CellOutcome>;
  /** Column key: Enter moves to the next cell of the same column, as in a spreadsheet. */
  col?: string;
  label: string;
  placeholder?: string;
  /** Called with the text while typing, and with null when the edit ends. */
  onDraft?: (text: string | null) => void;
  /** How the stored value reads when not editing (defaults to the text). */
  display?: ReactNode;
  align?: 'left' | 'right';
  readOnly?: boolean;
  /** Shows the hover title instead of the text as a tooltip. */
  title?: string;
}

/**
 * One form cell, edited in place. Focus (click or Tab) opens it; Enter saves and moves down;
 * Tab saves and moves on; Esc cancels. A failed save keeps the typed text in the cell with the
 * error beside it — typed input is never silently lost. A stale save shows the other person's value
 * with two choices: keep theirs, or overwrite it with mine.
 */
export function EditableCell(props: EditableCellProps) {
  const { value, onCommit, col, label, placeholder, onDraft, display, align = 'left', readOnly, title } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  /** Text that is being saved or failed to save; shown instead of the stored value. */
  const [held, setHeld] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<CellConflict | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const editingRef = useRef(false);
  const suppressFocus = useRef(false);

  function start(): void {
    if (readOnly || editingRef.current) return;
    if (suppressFocus.current) {
      suppressFocus.current = false;
      return;
    }
    editingRef.current = true;
    const text = held ?? value;
    setDraft(text);
    setEditing(true);
    onDraft?.(text);
  }

  async function commit(): Promise<void> {
    if (!editingRef.current) return;
    editingRef.current = false;
    setEditing(false);
    onDraft?.(null);
    const text = draft;
    if (text === value) {
      setHeld(null);
      setError(null);
      setConflict(null);
      return;
    }
    await settle(text, onCommit(text));
  }

  async function settle(text: string, saving: Promise<CellOutcome>): Promise<void> {
    setHeld(text);
    setConflict(null);
    setError(null);
    setPending(true);
    const outcome = await saving;
    setPending(false);
    if (isConflict(outcome)) {
      setConflict(outcome);
    } else if (outcome) {
      setError(outcome);
    } else {
      setHeld(null);
    }
  }

  /** 采用对方的值: drop my text; the cache already holds theirs. */
  function keepTheirs(): void {
    setConflict(null);
    setHeld(null);
    setError(null);
  }

  /** 用我的值覆盖: send my text again against the version the conflict returned. */
  function overwrite(): void {
    if (conflict && held !== null) void settle(held, conflict.overwrite());
  }

  function cancel(): void {
    editingRef.current = false;
    setEditing(false);
    setHeld(null);
    setError(null);
    setConflict(null);
    onDraft?.(null);
    suppressFocus.current = true;
    wrapper.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const next = nextCell(wrapper.current, col, event.shiftKey ? -1 : 1);
      void commit();
      if (next) next.focus();
      else {
        suppressFocus.current = true;
        wrapper.current?.focus();
      }
    }
    // Tab: the browser moves focus to the next cell; the blur saves.
  }

  const shown = held ?? value;
  const classes = ['cell', align === 'right' ? 'cell-num' : '', error ? 'cell-error' : '', conflict ? 'cell-conflict' : '', pending ? 'cell-pending' : '', readOnly ? 'cell-readonly' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div
      ref={wrapper}
      className={classes}
      data-cell=""
      data-col={col}
      tabIndex={editing || readOnly ? -1 : 0}
      role={editing ? undefined : 'button'}
      aria-label={label}
      title={error ?? title}
      data-conflict={conflict ? '' : undefined}
      onFocus={(event) => {
        if (event.target === wrapper.current) start();
      }}
      onMouseDown={(event) => {
        if ((event.target as HTMLElement).closest('.conflict-actions')) return;
        if (!editing && !readOnly) {
          event.preventDefault();
          suppressFocus.current = false;
          wrapper.current?.focus();
          if (!editingRef.current) start();
        }
      }}
    >
      {editing ? (
        <input
          className="cell-input"
          aria-label={label}
          autoFocus
          value={draft}
          placeholder={placeholder}
          onChange={(event) => {
            setDraft(event.target.value);
            onDraft?.(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => void commit()}
        />
      ) : (
        <span className="cell-text">
          {held !== null ? held || <span className="cell-placeholder">{placeholder ?? ''}</span> : display ?? (shown || <span className="cell-placeholder">{placeholder ?? ''}</span>)}
        </span>
      )}
      {pending && <span className="cell-status">{t.app.saving}</span>}
      {error && !editing && (
        <span className="cell-message" role="alert">
          {error}
        </span>
      )}
      {conflict && !editing && !pending && (
        <span className="cell-message conflict" role="alert">
          {t.conflict.changed}
          <strong className="conflict-theirs">{conflict.theirs === '' ? t.app.empty : conflict.theirs}</strong>
          <span className="conflict-actions">
            <button type="button" className="btn small" onClick={keepTheirs}>
              {t.conflict.keepTheirs}
            </button>
            <button type="button" className="btn small btn-primary" onClick={overwrite}>
              {t.conflict.overwrite}
            </button>
          </span>
        </span>
      )}
    </div>
  );
}

/** The cell Enter goes to: next in the same column of the same table, else the next cell at all. */
function nextCell(from: HTMLElement | null, col: string | undefined, step: 1 | -1): HTMLElement | null {
  if (!from) return null;
  const scope = from.closest('table') ?? document.body;
  const all = Array.from(document.querySelectorAll<HTMLElement>('[data-cell]:not(.cell-readonly)'));
  const here = all.indexOf(from);
  const ordered = step === 1 ? all.slice(here + 1) : all.slice(0, here).reverse();
  const sameColumn = col ? ordered.find((cell) => cell.dataset.col === col && scope.contains(cell)) : undefined;
  return sameColumn ?? ordered[0] ?? null;
}
