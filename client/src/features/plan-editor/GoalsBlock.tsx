import { EditableCell } from '../../components/EditableCell';
import { useApolloClient } from '@apollo/client/react';
import { cellOutcome, serialized, shownVersion, useMutate, type CellOutcome } from '../../app/mutate';
import { UPDATE_PLAN } from './plan.graphql';
import { t } from '../../i18n/zh-CN';
import { usePlanAccess } from './access';

/** 年度整体绩效目标: one sentence per line; clearing a line removes it; the last line adds one. */
export function GoalsBlock({ planId, goals }: { planId: string; goals: string[] }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();
  // The goals are fields of the plan: the write expects the plan's version (as shown when it goes out).
  const save = (next: string[], version?: number): Promise<CellOutcome> =>
    serialized(`plan:${planId}`, async () => cellOutcome(
      await mutate(UPDATE_PLAN, { id: planId, input: { overallGoals: next.map((g) => g.trim()).filter(Boolean) }, expectedVersion: version ?? shownVersion(client, 'Plan', planId, access.planVersion) }),
      {
        current: (payload) => payload.plan,
        theirs: (current) => ((current as { overallGoals?: string[] | null }).overallGoals ?? []).join('；'),
        overwrite: (newer) => save(next, newer),
      },
    ));

  return (
    <ol className="goals">
      {goals.map((goal, index) => (
        <li key={`${index}-${goal}`}>
          <EditableCell col="goal" label={`${t.planning.overallGoals} ${index + 1}`} value={goal} readOnly={!access.draft} onCommit={(text) => save(goals.map((g, i) => (i === index ? text : g)))} />
        </li>
      ))}
      {access.draft && <li className="goal-new">
        <EditableCell col="goal" label={t.planning.addGoal} value="" placeholder={`＋ ${t.planning.addGoal}…`} onCommit={(text) => (text.trim() ? save([...goals, text]) : Promise.resolve(null))} />
      </li>}
    </ol>
  );
}
