import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { EditableCell } from '../../components/EditableCell';
import { cellOutcome, messageOf, serialized, shownVersion, useMutate, type CellOutcome } from '../../app/mutate';
import { PLAN_SECTION_WEIGHTS, SET_SECTION_WEIGHTS } from './evaluation.graphql';
import type { Level1, SectionRollup } from '../../graphql/fragments';
import type { SectionWeight } from './evaluation.graphql';
import { t } from '../../i18n/zh-CN';
import { readDecimal } from '../../app/text';
import { usePlanAccess } from '../plan-editor/access';

/**
 * The plan's section weights (分值 of 预算执行率, 产出, 效益, 满意度…). A change sends every section —
 * the one edited with its new weight, the others as the server last gave them; 恢复默认 sends null.
 * The server re-scores and warns in the roll-up when they do not total 100.
 */
export function useSectionWeights(planId: string, weights: SectionWeight[]) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();

  function send(next: (current: SectionWeight[]) => SectionWeight[] | null, version?: number) {
    return serialized(`plan:${planId}`, () => {
      const cached = client.cache.readFragment({ id: client.cache.identify({ __typename: 'Plan', id: planId }), fragment: PLAN_SECTION_WEIGHTS });
      const current = (cached?.sectionWeights ?? weights).map(({ level1, weight }) => ({ level1, weight }));
      return mutate(SET_SECTION_WEIGHTS, {
        planId,
        weights: next(current),
        expectedVersion: version ?? shownVersion(client, 'Plan', planId, access.planVersion),
      });
    });
  }

  async function setWeight(level1: Level1, text: string, version?: number): Promise<CellOutcome> {
    const number = readDecimal(text);
    if ('error' in number) return number.error;
    const weight = number.value;
    if (!weight) return t.evaluation.weightRequired;
    const next = (current: SectionWeight[]) =>
      current.some((s) => s.level1 === level1) ? current.map((s) => (s.level1 === level1 ? { level1, weight } : s)) : [...current, { level1, weight }];
    return cellOutcome(await send(next, version), {
      current: (payload) => payload.plan,
      theirs: (plan) => plan.sectionWeights.find((s) => s.level1 === level1)?.weight ?? '',
      overwrite: (newer) => setWeight(level1, text, newer),
    });
  }

  async function restore(): Promise<string | null> {
    const outcome = await send(() => null);
    // A CONFLICT brings the current plan into the cache: the table already shows their weights.
    return outcome.userErrors.some((e) => e.code === 'CONFLICT') ? t.workflow.conflict : messageOf(outcome);
  }

  return { setWeight, restore, editable: access.weight };
}

/** The 分值 cell of one section row. */
export function SectionWeightCell({ section, onCommit, readOnly }: { section: SectionRollup; onCommit: (text: string) => Promise<CellOutcome>; readOnly: boolean }) {
  return (
    <EditableCell col="section-weight" align="right" label={`${section.label} ${t.evaluation.sectionWeight}`} value={section.sectionWeight ?? ''} placeholder="—" readOnly={readOnly} onCommit={onCommit} />
  );
}

/** 恢复默认 (null): the defaults 10/50/30/10, or the weights the 自评表 stated. */
export function RestoreWeights({ onRestore }: { onRestore: () => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="restore-weights">
      <button
        type="button"
        className="btn small"
        disabled={busy}
        title={t.evaluation.restoreWeightsTitle}
        onClick={async () => {
          setBusy(true);
          setError(await onRestore());
          setBusy(false);
        }}
      >
        {t.evaluation.restoreWeights}
      </button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </span>
  );
}
