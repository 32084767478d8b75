import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../i18n/zh-CN';

export interface EditableCellProps {
  /** The stored value ('' when not stated). */
  value: string;
  /** Saves the text; resolves to an error message to show at the cell, or null when saved. */
  onCommit: (text: string) => Promise<string | null>;
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
 * error beside it — typed input is never silently lost.
 */
export function EditableCell(props: EditableCellProps) {
  const { value, onCommit, col, label, placeholder, onDraft, display, align = 'left', readOnly, title } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  /** Text that is being saved or failed to save; shown instead of the stored value. */
  const [held, setHeld] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
      return;
    }
    setHeld(text);
    setPending(true);
    const message = await onCommit(text);
    setPending(false);
    if (message) {
      setError(message);
    } else {
      setHeld(null);
      setError(null);
    }
  }

  function cancel(): void {
    editingRef.current = false;
    setEditing(false);
    setHeld(null);
    setError(null);
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
  const classes = ['cell', align === 'right' ? 'cell-num' : '', error ? 'cell-error' : '', pending ? 'cell-pending' : '', readOnly ? 'cell-readonly' : '']
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
      onFocus={(event) => {
        if (event.target === wrapper.current) start();
      }}
      onMouseDown={(event) => {
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
