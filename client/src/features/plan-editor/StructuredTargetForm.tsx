import { useState, type FormEvent } from 'react';
import { isConflict, type CellConflict, type CellOutcome } from '../../app/mutate';
import { readDecimal } from '../../app/text';
import type { Comparator, Direction, IndicatorValue, StructuredTarget } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';

const COMPARATORS: Comparator[] = ['GTE', 'GT', 'LTE', 'LT', 'EQ', 'RANGE'];
const DIRECTIONS: (Direction | '')[] = ['', 'HIGHER_IS_BETTER', 'LOWER_IS_BETTER'];

interface Props {
  /** The server's current reading of the target: an explicit one (or a quantity) fills the form. */
  reading: IndicatorValue | null | undefined;
  /** Sends the structured target (null clears it); resolves like a cell's save. */
  onSubmit: (structured: StructuredTarget | null) => Promise<CellOutcome>;
  onClose: () => void;
}

/**
 * 设定: the planner states the target's structure — 比较符, 数值 (区间: 下限 and 上限), 单位, 方向 — which
 * the server then reads instead of the text. The form only collects it; the server checks and reads it.
 */
export function StructuredTargetForm({ reading, onSubmit, onClose }: Props) {
  const quantity = reading?.kind === 'QUANTITY' ? reading : null;
  const [comparator, setComparator] = useState<Comparator>(quantity?.comparator ?? 'GTE');
  const [value, setValue] = useState(quantity?.value ?? '');
  const [upper, setUpper] = useState(quantity?.upper ?? '');
  const [unit, setUnit] = useState(quantity?.unit ?? '');
  const [direction, setDirection] = useState<Direction | ''>(reading?.explicit ? (reading.direction ?? '') : '');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ value: string | null; upper: string | null }>({ value: null, upper: null });
  const [conflict, setConflict] = useState<CellConflict | null>(null);
  const [pending, setPending] = useState(false);
  const range = comparator === 'RANGE';

  async function settle(saving: Promise<CellOutcome>): Promise<void> {
    setPending(true);
    setError(null);
    setConflict(null);
    const outcome = await saving;
    setPending(false);
    if (isConflict(outcome)) setConflict(outcome);
    else if (outcome) setError(outcome);
    else onClose();
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!value.trim()) return setError(t.structured.valueRequired);
    if (range && !upper.trim()) return setError(t.structured.upperRequired);
    // Numbers as the indicator cells read them: "16分", full-width "１６", "1,200".
    const lower = readDecimal(value);
    const top = range ? readDecimal(upper) : { value: null };
    setFieldErrors({ value: 'error' in lower ? lower.error : null, upper: 'error' in top ? top.error : null });
    if ('error' in lower || 'error' in top) return;
    void settle(onSubmit({ comparator, value: lower.value!, upper: range ? top.value : null, unit: unit.trim() || null, direction: direction || null }));
  }

  return (
    <form className="structured-form" aria-label={t.structured.title} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <label>
        <span>{t.structured.comparator}</span>
        <select aria-label={t.structured.comparator} value={comparator} onChange={(e) => setComparator(e.target.value as Comparator)} autoFocus>
          {COMPARATORS.map((c) => <option key={c} value={c}>{t.structured.comparators[c]}</option>)}
        </select>
      </label>
      <label>
        <span>{range ? t.structured.lower : t.structured.value}</span>
        <input
          aria-label={range ? t.structured.lower : t.structured.value}
          inputMode="decimal"
          value={value}
          aria-invalid={fieldErrors.value ? true : undefined}
          aria-describedby={fieldErrors.value ? 'structured-value-error' : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {fieldErrors.value && <span id="structured-value-error" className="field-error" role="alert">{fieldErrors.value}</span>}
      </label>
      {range && (
        <label>
          <span>{t.structured.upper}</span>
          <input
            aria-label={t.structured.upper}
            inputMode="decimal"
            value={upper}
            aria-invalid={fieldErrors.upper ? true : undefined}
            aria-describedby={fieldErrors.upper ? 'structured-upper-error' : undefined}
            onChange={(e) => setUpper(e.target.value)}
          />
          {fieldErrors.upper && <span id="structured-upper-error" className="field-error" role="alert">{fieldErrors.upper}</span>}
        </label>
      )}
      <label>
        <span>{t.structured.unit}</span>
        <input aria-label={t.structured.unit} placeholder={t.structured.unitPlaceholder} value={unit} onChange={(e) => setUnit(e.target.value)} />
      </label>
      <label>
        <span>{t.structured.direction}</span>
        <select aria-label={t.structured.direction} value={direction} onChange={(e) => setDirection(e.target.value as Direction | '')}>
          {DIRECTIONS.map((d) => <option key={d} value={d}>{t.structured.directions[d]}</option>)}
        </select>
      </label>
      <span className="structured-buttons">
        <button type="submit" className="btn small btn-primary" disabled={pending}>{t.structured.save}</button>
        {reading?.explicit && (
          <button type="button" className="btn small" disabled={pending} onClick={() => void settle(onSubmit(null))}>{t.structured.clear}</button>
        )}
        <button type="button" className="btn small" onClick={onClose}>{t.structured.cancel}</button>
      </span>
      {pending && <span className="cell-status">{t.app.saving}</span>}
      {error && <span className="field-error" role="alert">{error}</span>}
      {conflict && (
        <span className="cell-message conflict" role="alert">
          {t.conflict.changed}
          <strong className="conflict-theirs">{conflict.theirs === '' ? t.app.empty : conflict.theirs}</strong>
          <span className="conflict-actions">
            <button type="button" className="btn small" onClick={onClose}>{t.conflict.keepTheirs}</button>
            <button type="button" className="btn small btn-primary" onClick={() => void settle(conflict.overwrite())}>{t.conflict.overwrite}</button>
          </span>
        </span>
      )}
    </form>
  );
}
