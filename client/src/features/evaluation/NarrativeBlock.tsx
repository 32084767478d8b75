import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { EditableCell } from '../../components/EditableCell';
import { EditableList } from '../../components/EditableList';
import { cellOutcome, isConflict, serialized, shownVersion, useMutate, type CellOutcome } from '../../app/mutate';
import type { EvaluationNarrative, Evaluator, SatisfactionSurvey } from '../../graphql/fragments';
import type { EvaluatorInput, UpdateEvaluationInput } from '../../graphql/generated/graphql';
import { PLAN_EVALUATION, UPDATE_EVALUATION } from './evaluation.graphql';
import { t } from '../../i18n/zh-CN';
import { usePlanAccess } from '../plan-editor/access';

/** What updateEvaluation takes besides planId: omitted fields stay, null clears. */
type NarrativeInput = Omit<UpdateEvaluationInput, 'planId'>;

const PERSON = [
  ['name', t.evaluation.evaluatorName],
  ['title', t.evaluation.evaluatorTitle],
  ['unit', t.evaluation.evaluatorUnit],
] as const;

const SURVEY = [
  ['satisfied', t.evaluation.satisfied],
  ['basicallySatisfied', t.evaluation.basicallySatisfied],
  ['dissatisfied', t.evaluation.dissatisfied],
] as const;

const LISTS = [
  ['problems', t.evaluation.problems, t.evaluation.addProblem],
  ['measures', t.evaluation.measures, t.evaluation.addMeasure],
] as const;

const TEXTS = [
  ['application', t.evaluation.application],
  ['disclosure', t.evaluation.disclosure],
] as const;

/** Cache objects carry __typename; inputs must not. */
const person = (p: Partial<Evaluator> | null | undefined): EvaluatorInput => ({ name: p?.name ?? null, title: p?.title ?? null, unit: p?.unit ?? null });
const survey = (s: SatisfactionSurvey | null | undefined): SatisfactionSurvey => ({ satisfied: s?.satisfied ?? null, basicallySatisfied: s?.basicallySatisfied ?? null, dissatisfied: s?.dissatisfied ?? null });
const blank = (p: EvaluatorInput) => !p.name && !p.title && !p.unit;

/**
 * Writes the narrative with updateEvaluation. The plan may have no evaluation until the first save
 * (which creates it; the payload's `evaluation.plan` links it to the plan in the cache); after that every
 * write expects `evaluation.version`.
 * Lists, the evaluators and the survey are sent whole, built from the evaluation as it is when the
 * write goes out; on CONFLICT 用我的值覆盖 applies my edit to theirs.
 */
function useEvaluationUpdate(planId: string, fallback: EvaluationNarrative | null) {
  const client = useApolloClient();
  const mutate = useMutate();

  function current(): EvaluationNarrative | null {
    const cached = client.cache.readFragment({
      id: client.cache.identify({ __typename: 'Plan', id: planId }),
      fragment: PLAN_EVALUATION,
      fragmentName: 'PlanEvaluationNarrative',
    });
    return cached ? cached.evaluation : fallback;
  }

  function update(build: (now: EvaluationNarrative | null) => NarrativeInput, theirs: (evaluation: EvaluationNarrative) => string, version?: number): Promise<CellOutcome> {
    return serialized(`plan:${planId}`, async () => {
      const now = current();
      const expectedVersion = version ?? (now ? shownVersion(client, 'Evaluation', now.id, now.version) : null);
      return cellOutcome(
        await mutate(UPDATE_EVALUATION, { input: { planId, ...build(now) }, expectedVersion }),
        {
          current: (payload) => payload.evaluation,
          theirs: (evaluation) => theirs(evaluation),
          overwrite: (newer) => update(build, theirs, newer),
        },
      );
    });
  }

  return update;
}

/** 自评表's narrative: 评价人员, 满意度调查, 存在的问题, 改进措施, 结果应用, 公开情况 (EVALUATE). */
export function NarrativeBlock({ planId, evaluation }: { planId: string; evaluation: EvaluationNarrative | null }) {
  const access = usePlanAccess();
  const update = useEvaluationUpdate(planId, evaluation);
  const readOnly = !access.evaluate;
  const people = evaluation?.evaluators ?? [];

  return (
    <table className="form-table kv narrative" data-narrative="">
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
        <tr data-narrative-field="evaluators">
          <th>{t.evaluation.evaluators}</th>
          <td colSpan={6} className="nested">
            <Evaluators people={people} readOnly={readOnly} update={update} />
          </td>
        </tr>
        <tr data-narrative-field="satisfaction">
          <th>{t.evaluation.satisfaction}</th>
          {SURVEY.map(([key, label]) => (
            <SurveyCells
              key={key}
              label={label}
              value={evaluation?.satisfaction?.[key] ?? ''}
              readOnly={readOnly}
              onCommit={(text) => update((now) => ({ satisfaction: { ...survey(now?.satisfaction), [key]: text.trim() || null } }), (theirs) => theirs.satisfaction?.[key] ?? '')}
            />
          ))}
        </tr>
        {LISTS.map(([key, label, addLabel]) => (
          <tr key={key} data-narrative-field={key}>
            <th>{label}</th>
            <td colSpan={6}>
              <EditableList
                items={evaluation?.[key] ?? []}
                label={label}
                addLabel={addLabel}
                col={`narrative-${key}`}
                readOnly={readOnly}
                onSave={(change) => update((now) => ({ [key]: change(now?.[key] ?? []) }), (theirs) => (theirs[key] ?? []).join('；'))}
              />
            </td>
          </tr>
        ))}
        {TEXTS.map(([key, label]) => (
          <tr key={key} data-narrative-field={key}>
            <th>{label}</th>
            <td colSpan={6}>
              <EditableCell col={`narrative-${key}`} label={label} value={evaluation?.[key] ?? ''} placeholder="—" readOnly={readOnly} onCommit={(text) => update(() => ({ [key]: text.trim() || null }), (theirs) => theirs[key] ?? '')} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SurveyCells({ label, value, readOnly, onCommit }: { label: string; value: string; readOnly: boolean; onCommit: (text: string) => Promise<CellOutcome> }) {
  return (
    <>
      <th className="sub-head">{label}</th>
      <td>
        <EditableCell col="survey" align="right" label={`${t.evaluation.satisfaction} ${label}`} value={value} placeholder={t.evaluation.sharePlaceholder} readOnly={readOnly} onCommit={onCommit} />
      </td>
    </>
  );
}

type Update = ReturnType<typeof useEvaluationUpdate>;

/** 评价人员: 姓名 / 职务 / 单位 per row; the last row adds one; ✕ removes one. */
function Evaluators({ people, readOnly, update }: { people: Evaluator[]; readOnly: boolean; update: Update }) {
  const [error, setError] = useState<string | null>(null);
  const list = (now: EvaluationNarrative | null) => (now?.evaluators ?? []).map(person);
  const setField = (index: number, key: keyof Evaluator, text: string) =>
    update(
      (now) => ({ evaluators: list(now).map((p, i) => (i === index ? { ...p, [key]: text.trim() || null } : p)).filter((p) => !blank(p)) }),
      (theirs) => theirs.evaluators?.[index]?.[key] ?? '',
    );
  const append = (key: keyof Evaluator, text: string) =>
    text.trim() ? update((now) => ({ evaluators: [...list(now), { ...person(null), [key]: text.trim() }] }), (theirs) => (theirs.evaluators ?? []).map((p) => p.name ?? '').join('、')) : Promise.resolve(null);
  const remove = async (index: number) => {
    const outcome = await update((now) => ({ evaluators: list(now).filter((_, i) => i !== index) }), (theirs) => (theirs.evaluators ?? []).map((p) => p.name ?? '').join('、'));
    // A conflict brought their list into the cache; the table shows it now.
    setError(isConflict(outcome) ? t.workflow.conflict : outcome);
  };

  return (
    <>
      <table className="form-table inner" aria-label={t.evaluation.evaluators}>
        <colgroup>
          <col className="w-seq" />
          <col />
          <col />
          <col />
          <col className="w-seq" />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            {PERSON.map(([key, label]) => <th key={key}>{label}</th>)}
            <th />
          </tr>
        </thead>
        <tbody>
          {people.map((p, index) => (
            <tr key={`${index}-${p.name ?? ''}`} data-evaluator={index}>
              <td className="center">{index + 1}</td>
              {PERSON.map(([key, label]) => (
                <td key={key}>
                  <EditableCell col={`evaluator-${key}`} label={`${t.evaluation.evaluators} ${index + 1} ${label}`} value={p[key] ?? ''} readOnly={readOnly} onCommit={(text) => setField(index, key, text)} />
                </td>
              ))}
              <td className="ops">
                {!readOnly && (
                  <button type="button" className="icon danger" title={t.evaluation.removeEvaluator} aria-label={`${t.evaluation.removeEvaluator} ${index + 1}`} onClick={() => void remove(index)}>✕</button>
                )}
              </td>
            </tr>
          ))}
          {!readOnly && (
            <tr className="goal-new" data-evaluator="new">
              <td className="center muted">＋</td>
              {PERSON.map(([key, label]) => (
                <td key={key}>
                  <EditableCell col={`evaluator-${key}`} label={`${t.evaluation.addEvaluator} ${label}`} value="" placeholder={key === 'name' ? `＋ ${t.evaluation.addEvaluator}…` : ''} onCommit={(text) => append(key, text)} />
                </td>
              ))}
              <td />
            </tr>
          )}
          {readOnly && people.length === 0 && (
            <tr>
              <td colSpan={5} className="muted center">—</td>
            </tr>
          )}
        </tbody>
      </table>
      {error && <span className="field-error" role="alert">{error}</span>}
    </>
  );
}
