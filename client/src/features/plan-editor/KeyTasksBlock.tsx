import { useState } from 'react';
import { EditableCell } from '../../components/EditableCell';
import { useApolloClient } from '@apollo/client/react';
import { cellOutcome, messageOf, serialized, shownVersion, useMutate, type CellOutcome } from '../../app/mutate';
import { ADD_KEY_TASK, DELETE_KEY_TASK, MOVE_KEY_TASK, UPDATE_KEY_TASK } from './key-task.graphql';
import { PLAN } from './plan.graphql';
import type { KeyTask } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { usePlanAccess } from './access';

const FIELDS = [
  ['item', t.planning.keyTaskItem],
  ['owner', t.planning.keyTaskOwner],
  ['goal', t.planning.keyTaskGoal],
] as const;

/** 年度重点工作计划: 事项 / 责任单位或科室 / 工作目标. */
export function KeyTasksBlock({ planId, tasks }: { planId: string; tasks: KeyTask[] }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();
  const [error, setError] = useState<string | null>(null);
  const rows = [...tasks].sort((a, b) => a.position - b.position);
  const act = async (run: Promise<string | null>) => setError(await run);
  const update = (task: KeyTask, key: (typeof FIELDS)[number][0], text: string, version?: number): Promise<CellOutcome> =>
    serialized(`plan:${planId}`, async () =>
      cellOutcome(await mutate(UPDATE_KEY_TASK, { id: task.id, input: { [key]: text.trim() || null }, expectedVersion: version ?? shownVersion(client, 'KeyTask', task.id, task.version) }), {
        current: (payload) => payload.keyTask,
        theirs: (current) => current[key] ?? '',
        overwrite: (next) => update(task, key, text, next),
      }),
    );

  return (
    <>
      <table className="form-table">
        <colgroup>
          <col className="w-seq" />
          <col />
          <col className="w-owner" />
          <col />
          <col className="w-ops" />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            {FIELDS.map(([key, label]) => <th key={key}>{label}</th>)}
            <th className="ops-head">{t.indicator.ops}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((task, index) => (
            <tr key={task.id} id={`keytask-${task.id}`}>
              <td className="center">{index + 1}</td>
              {FIELDS.map(([key, label]) => (
                <td key={key}>
                  <EditableCell col={`task-${key}`} label={label} value={task[key] ?? ''} readOnly={!access.draft} onCommit={(text) => update(task, key, text)} />
                </td>
              ))}
              <td className="ops">
                {access.draft && <>
                <button type="button" className="icon" aria-label={t.indicator.moveUp} disabled={index === 0} onClick={() => void act(mutate(MOVE_KEY_TASK, { id: task.id, position: task.position - 1 }, { refetch: [PLAN] }).then(messageOf))}>↑</button>
                <button type="button" className="icon" aria-label={t.indicator.moveDown} disabled={index === rows.length - 1} onClick={() => void act(mutate(MOVE_KEY_TASK, { id: task.id, position: task.position + 1 }, { refetch: [PLAN] }).then(messageOf))}>↓</button>
                <button type="button" className="icon danger" aria-label={t.indicator.delete} onClick={() => void act(mutate(DELETE_KEY_TASK, { id: task.id }, { refetch: [PLAN] }).then(messageOf))}>✕</button>
                </>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {access.draft && <div className="add-row">
        <button type="button" className="btn" onClick={() => void act(mutate(ADD_KEY_TASK, { planId, input: { item: null } }, { refetch: [PLAN] }).then(messageOf))}>
          ＋ {t.planning.addKeyTask}
        </button>
        {error && <span className="field-error" role="alert">{error}</span>}
      </div>}
    </>
  );
}
