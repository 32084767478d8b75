import { EditableCell } from '../../components/EditableCell';
import { EditableList } from '../../components/EditableList';
import type { CellOutcome } from '../../app/mutate';
import type { PlanProfile, Staffing } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { readDecimal } from '../../app/text';
import { usePlanAccess } from './access';
import { staffInput, usePlanUpdate } from './plan-update';

const LISTS = [
  ['functions', t.planning.functions],
  ['internalUnits', t.planning.internalUnits],
  ['subUnits', t.planning.subUnits],
] as const;

const STAFF = [
  ['authorized', t.planning.staffAuthorized],
  ['actual', t.planning.staffActual],
  ['retired', t.planning.staffRetired],
] as const;

/** A head count as typed: null when blank, a message when not a whole number (the server checks the range). */
export function readCount(text: string): number | null | string {
  const count = readDecimal(text, { integer: true });
  if ('error' in count) return t.planning.wholeNumber;
  if (count.value === null) return null;
  return count.value.replace(/^-/, '').length <= 9 ? Number(count.value) : t.planning.wholeNumber;
}

/** 固定资产 as typed (万元): a decimal, or the message for the cell. */
function saveDecimal(text: string, save: (value: string | null) => Promise<CellOutcome>): Promise<CellOutcome> {
  const number = readDecimal(text);
  return 'error' in number ? Promise.resolve(number.error) : save(number.value);
}

/**
 * 部门基本情况, as on the form: 部门职责, 内设机构, 二级单位 (one sentence per line), 人员编制
 * (编制数 / 实有人数 / 退休人数) and 固定资产 (万元, year-end stock). What this year's document says.
 */
export function ProfileBlock({ plan }: { plan: PlanProfile }) {
  const access = usePlanAccess();
  const update = usePlanUpdate(plan);
  const readOnly = !access.draft;

  const saveCount = (key: keyof Staffing, text: string): Promise<CellOutcome> => {
    const count = readCount(text);
    if (typeof count === 'string') return Promise.resolve(count);
    return update((now) => ({ staff: { ...staffInput(now.staff), [key]: count } }), (theirs) => (theirs.staff?.[key] ?? '').toString());
  };

  return (
    <table className="form-table kv profile" data-profile="">
      <colgroup>
        <col className="w-label" />
        <col className="w-label" />
        <col />
        <col className="w-label" />
        <col />
        <col className="w-label" />
        <col />
      </colgroup>
      <tbody>
        {LISTS.map(([key, label]) => (
          <tr key={key} data-profile-field={key}>
            <th>{label}</th>
            <td colSpan={6}>
              <EditableList
                items={plan[key] ?? []}
                label={label}
                addLabel={t.planning.add(label)}
                col={`profile-${key}`}
                readOnly={readOnly}
                onSave={(change) => update((now) => ({ [key]: change(now[key] ?? []) }), (theirs) => (theirs[key] ?? []).join('；'))}
              />
            </td>
          </tr>
        ))}
        <tr data-profile-field="staff">
          <th>{t.planning.staff}</th>
          {STAFF.map(([key, label]) => (
            <StaffCells key={key} label={label} value={plan.staff?.[key]} readOnly={readOnly} col={`staff-${key}`} onCommit={(text) => saveCount(key, text)} />
          ))}
        </tr>
        <tr data-profile-field="fixedAssets">
          <th>{t.planning.fixedAssets}</th>
          <td colSpan={2}>
            <EditableCell
              col="fixedAssets"
              align="right"
              label={t.planning.fixedAssets}
              value={plan.fixedAssets ?? ''}
              placeholder="—"
              readOnly={readOnly}
              onCommit={(text) => saveDecimal(text, (fixedAssets) => update(() => ({ fixedAssets }), (theirs) => theirs.fixedAssets ?? ''))}
            />
          </td>
          <td colSpan={4} className="muted">{t.planning.fixedAssetsUnit}</td>
        </tr>
      </tbody>
    </table>
  );
}

function StaffCells({ label, value, readOnly, col, onCommit }: { label: string; value: number | null | undefined; readOnly: boolean; col: string; onCommit: (text: string) => Promise<CellOutcome> }) {
  return (
    <>
      <th className="sub-head">{label}</th>
      <td>
        <EditableCell col={col} align="right" label={label} value={value == null ? '' : String(value)} placeholder="—" readOnly={readOnly} onCommit={onCommit} />
      </td>
    </>
  );
}
