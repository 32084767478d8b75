import { EditableCell } from '../../components/EditableCell';
import { messageOf, useMutate } from '../../app/mutate';
import { UPDATE_PLAN } from '../../graphql/operations';
import { t } from '../../i18n/zh-CN';

/** 年度整体绩效目标: one sentence per line; clearing a line removes it; the last line adds one. */
export function GoalsBlock({ planId, goals }: { planId: string; goals: string[] }) {
  const mutate = useMutate();
  const save = async (next: string[]) =>
    messageOf(await mutate('updatePlan', UPDATE_PLAN, { id: planId, input: { overallGoals: next.map((g) => g.trim()).filter(Boolean) } }));

  return (
    <ol className="goals">
      {goals.map((goal, index) => (
        <li key={`${index}-${goal}`}>
          <EditableCell col="goal" label={`${t.planning.overallGoals} ${index + 1}`} value={goal} onCommit={(text) => save(goals.map((g, i) => (i === index ? text : g)))} />
        </li>
      ))}
      <li className="goal-new">
        <EditableCell col="goal" label={t.planning.addGoal} value="" placeholder={`＋ ${t.planning.addGoal}…`} onCommit={(text) => (text.trim() ? save([...goals, text]) : Promise.resolve(null))} />
      </li>
    </ol>
  );
}
