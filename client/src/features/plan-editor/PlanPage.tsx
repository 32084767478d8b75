import { useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { messageOf, serialized, shownVersion, useMutate, type MutationOutcome } from '../../app/mutate';
import { href, navigate } from '../../app/router';
import { askReason } from '../../components/ReasonDialog';
import { APPROVE_PLAN, AUDIT_LOG, CLOSE_PLAN, DELETE_PLAN, PLAN, RETURN_PLAN, START_EVALUATION, SUBMIT_PLAN } from './plan.graphql';
import { readJson } from './HistoryPanel';
import { DEPARTMENT } from '../departments/departments.graphql';
import type { Plan } from './plan.graphql';
import type { PlanAction } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { EvaluationView } from '../evaluation/EvaluationView';
import { WorkbookActions } from '../plan-workbook/WorkbookActions';
import { accessFrom, PlanAccessContext } from './access';
import { PlanningView } from './PlanningView';

/** One plan, in its 目标编制 or 绩效自评 view, with its status and the workflow steps the user may take. */
export function PlanPage({ id, view }: { id: string; view: 'planning' | 'evaluation' }) {
  const { data, loading, error } = useQuery(PLAN, { variables: { id } });
  const plan = data?.plan;
  if (!plan) return <p className="page muted">{loading ? t.app.loading : error ? error.message : t.errors.notFound}</p>;
  const access = accessFrom(plan);
  const frozen = !access.draft && !access.evaluate;
  return (
    <PlanAccessContext.Provider value={access}>
      <section className="page">
        <nav className="plan-nav">
          <a href={href({ name: 'department', id: plan.department.id })}>← {plan.department.shortName ?? plan.department.name}</a>
          <span className="plan-year">{plan.year}</span>
          <PlanStatusTag status={plan.status} />
          <Workflow plan={plan} />
          <WorkbookActions plan={plan} />
          <span className="tabs" role="tablist">
            <a role="tab" aria-selected={view === 'planning'} className={view === 'planning' ? 'tab active' : 'tab'} href={href({ name: 'plan', id, view: 'planning' })}>
              {t.plans.planning}
            </a>
            <a role="tab" aria-selected={view === 'evaluation'} className={view === 'evaluation' ? 'tab active' : 'tab'} href={href({ name: 'plan', id, view: 'evaluation' })}>
              {t.plans.evaluation}
            </a>
          </span>
        </nav>
        {(frozen || access.adjustOnly || plan.status === 'EVALUATING') && (
          <p className="frozen-note" role="note" data-frozen={frozen ? '' : undefined}>
            {t.workflow.frozen[plan.status] ?? ''}
          </p>
        )}
        <StatusNote planId={plan.id} status={plan.status} />
        <ApprovalNote plan={plan} />
        {view === 'planning' ? <PlanningView plan={plan} /> : <EvaluationView plan={plan} />}
      </section>
    </PlanAccessContext.Provider>
  );
}

export function PlanStatusTag({ status }: { status: string }) {
  return (
    <span className={`plan-status plan-status-${status.toLowerCase()}`} data-plan-status={status}>
      {t.status[status] ?? status}
    </span>
  );
}

type Mutate = ReturnType<typeof useMutate>;
type StepVariables = { id: string; expectedVersion: number; reason: string; opinion: string };

/** The workflow steps in the order the buttons show them, each with its mutation. */
const STEPS: [PlanAction, (mutate: Mutate, variables: StepVariables) => Promise<MutationOutcome>][] = [
  ['SUBMIT', (mutate, { id, expectedVersion }) => mutate(SUBMIT_PLAN, { id, expectedVersion })],
  ['RETURN', (mutate, variables) => mutate(RETURN_PLAN, variables)],
  ['APPROVE', (mutate, { id, expectedVersion, opinion }) => mutate(APPROVE_PLAN, { id, expectedVersion, opinion: opinion || null })],
  ['START_EVALUATION', (mutate, { id, expectedVersion, opinion }) => mutate(START_EVALUATION, { id, expectedVersion, opinion: opinion || null })],
  ['CLOSE', (mutate, { id, expectedVersion }) => mutate(CLOSE_PLAN, { id, expectedVersion })],
];

/** The steps whose confirmation dialog takes an optional opinion (sent as `opinion`). */
const OPINION_DIALOGS: Partial<Record<PlanAction, { title: string; label: string; initial?: string }>> = {
  APPROVE: { title: t.workflow.approveTitle, label: t.workflow.approvalOpinion, initial: t.workflow.approvalOpinionDefault },
  START_EVALUATION: { title: t.workflow.startEvaluationTitle, label: t.workflow.startEvaluationOpinion },
};

/** Only the transitions the server lists in `allowedActions`; each sends the plan version shown. */
export function Workflow({ plan }: { plan: Plan }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allowed = new Set(plan.allowedActions ?? []);

  async function run(action: PlanAction, step: (typeof STEPS)[number][1]): Promise<void> {
    let reason = '';
    let opinion = '';
    // 批复 freezes the targets and 开始自评 opens the self-evaluation: neither is undone by the same user.
    // Both ask their confirmation in the dialog that takes their (optional) opinion: 批复意见, 开始自评意见.
    const confirmation = t.workflow.confirmStep[action];
    const asksOpinion = OPINION_DIALOGS[action];
    if (asksOpinion) {
      const asked = await askReason({ ...asksOpinion, hint: confirmation, optional: true });
      if (asked === null) return;
      opinion = asked;
    } else if (confirmation && !window.confirm(confirmation)) return;
    if (action === 'RETURN') {
      const asked = await askReason({ title: t.workflow.returnTitle, label: t.workflow.returnReason });
      if (asked === null) return;
      reason = asked;
    }
    setBusy(true);
    // After any save still on its way: the step expects the plan version the page then shows.
    const outcome = await serialized(`plan:${plan.id}`, () => step(mutate, { id: plan.id, expectedVersion: shownVersion(client, 'Plan', plan.id, plan.version), reason, opinion }));
    setBusy(false);
    // A CONFLICT carries the current plan, already in the cache: the page now shows its real state.
    setError(outcome.userErrors.some((e) => e.code === 'CONFLICT') ? t.workflow.conflict : messageOf(outcome));
  }

  async function remove(): Promise<void> {
    if (!window.confirm(t.plans.confirmDelete)) return;
    const outcome = await mutate(DELETE_PLAN, { id: plan.id }, { refetch: [DEPARTMENT] });
    const message = messageOf(outcome);
    if (message) setError(message);
    else navigate({ name: 'department', id: plan.department.id });
  }

  return (
    <span className="workflow">
      {STEPS.filter(([action]) => allowed.has(action)).map(([action, step]) => (
        <button key={action} type="button" className={action === 'RETURN' ? 'btn small' : 'btn small btn-primary'} disabled={busy} data-action={action} onClick={() => void run(action, step)}>
          {t.workflow.actions[action]}
        </button>
      ))}
      {allowed.has('DELETE') && (
        <button type="button" className="btn small danger" disabled={busy} data-action="DELETE" onClick={() => void remove()}>
          {t.workflow.actions.DELETE}
        </button>
      )}
      {error && <span className="field-error" role="alert">{error}</span>}
    </span>
  );
}

/** 批复意见: what the reviewer wrote with the 批复, who and when; shown to everyone who reads the plan. */
export function ApprovalNote({ plan }: { plan: Pick<Plan, 'approvalOpinion' | 'approvalOpinionBy' | 'approvalOpinionAt'> }) {
  if (!plan.approvalOpinion) return null;
  const date = plan.approvalOpinionAt ? new Date(plan.approvalOpinionAt as string).toLocaleDateString('zh-CN') : '';
  return (
    <p className="return-note approval-note" role="note" data-approval-opinion="">
      <strong>{t.workflow.approvalOpinion}：</strong>
      {plan.approvalOpinion}
      {plan.approvalOpinionBy && <span className="muted">{t.workflow.approvedBy(plan.approvalOpinionBy, date)}</span>}
    </p>
  );
}

/** The status changes that leave a note on the plan, by the status they lead to: the audit entry's reason. */
const STATUS_NOTES: Record<string, { from: string; label: string }> = {
  DRAFT: { from: 'SUBMITTED', label: t.workflow.returnReason },
  EVALUATING: { from: 'APPROVED', label: t.workflow.startEvaluationOpinion },
};

/**
 * 退回原因 on a plan back in 编制中 after a review, 开始自评意见 on a plan in 自评中: the reason of the newest
 * status change in the plan's audit trail, when it led here, with who gave it. The 批复意见 is kept on the
 * plan itself (ApprovalNote).
 */
export function StatusNote({ planId, status }: { planId: string; status: string }) {
  const note = STATUS_NOTES[status];
  const { data } = useQuery(AUDIT_LOG, { variables: { planId, objectType: 'Plan', objectId: planId, field: 'status', first: 1 }, fetchPolicy: 'cache-and-network', skip: !note });
  const entry = data?.auditLog.nodes[0];
  if (!note || !entry?.reason || readJson(entry.before) !== note.from || readJson(entry.after) !== status) return null;
  return (
    <p className="return-note" role="note" data-status-note={status}>
      <strong>{note.label}：</strong>
      {entry.reason}
      <span className="muted">（{entry.userName}）</span>
    </p>
  );
}
