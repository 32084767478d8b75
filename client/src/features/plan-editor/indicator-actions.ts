import { useApolloClient } from '@apollo/client/react';
import { cellOutcome, messageOf, serialized, shownVersion, useMutate, type CellOutcome, type MutationOutcome } from '../../app/mutate';
import { askReason } from '../../components/ReasonDialog';
import { ADD_INDICATOR, DELETE_INDICATOR, INDICATOR_SCORE, INDICATOR_TARGET_TEXT, MOVE_INDICATOR, RECORD_INDICATOR_ACTUAL, SCORE_INDICATOR, SET_INDICATOR_DEVIATION_REASON, SET_INDICATOR_TARGET, SET_INDICATOR_WEIGHT, UPDATE_INDICATOR } from './indicator.graphql';
import { PLAN } from './plan.graphql';
import type { Indicator, StructuredTarget } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { readDecimal } from '../../app/text';
import { usePlanAccess } from './access';

export type IndicatorField = 'level1Label' | 'level2Label' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deduction' | 'deviationReason' | 'remark';

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** An indicator field as its cell shows it (for "当前值 X" in a conflict). */
export function fieldText(indicator: Indicator, field: IndicatorField): string {
  switch (field) {
    case 'target':
      return indicator.targetText ?? '';
    case 'actual':
      return indicator.actualText ?? '';
    case 'level2Label':
      return indicator.level2Label ?? '';
    default:
      return (indicator[field] as string | null) ?? '';
  }
}

/**
 * The indicator edits, each resolving to what the cell shows next (saved, a message, or a conflict).
 * Every write sends the version the user was looking at. Target, actual, weight and score go through
 * the mutations that return the plan's fresh roll-up and checks, so totals and 勾稽关系 follow every edit.
 */
export function useIndicatorActions() {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();

  /** `version`: expect exactly this one (用我的值覆盖); otherwise the one the page shows when the write goes out. */
  async function setField(indicator: Indicator, field: IndicatorField, text: string, version?: number, reason?: string): Promise<CellOutcome> {
    // After 批复 a target changes only as a recorded 调整, with a reason (asked before queueing).
    let why = reason;
    if (field === 'target' && access.adjustOnly && why === undefined) {
      const asked = await askReason({ title: t.workflow.adjustTitle, label: t.workflow.adjustReason, hint: t.workflow.adjustHint });
      if (asked === null) return t.workflow.cancelled;
      why = asked;
    }
    return serialized(`plan:${indicator.planId}`, () => write(indicator, field, text, version ?? shownVersion(client, 'Indicator', indicator.id, indicator.version)!, why));
  }

  async function write(indicator: Indicator, field: IndicatorField, text: string, expectedVersion: number, reason?: string): Promise<CellOutcome> {
    let value = blankToNull(text);
    if (field === 'weight' || field === 'score') {
      const number = readDecimal(text);
      if ('error' in number) return number.error;
      value = number.value;
    }
    // Score and reason travel together: take the other one as it is now, not as it was rendered.
    const now = client.cache.readFragment({ id: client.cache.identify({ __typename: 'Indicator', id: indicator.id }), fragment: INDICATOR_SCORE }) ?? indicator;
    const settle = (outcome: MutationOutcome<{ indicator?: Indicator | null }>) =>
      cellOutcome(outcome, {
        current: (payload) => payload.indicator,
        theirs: (current) => fieldText(current, field),
        overwrite: (next) => setField(indicator, field, text, next, reason),
      });
    switch (field) {
      case 'target':
        return settle(await mutate(SET_INDICATOR_TARGET, { id: indicator.id, target: value, reason: reason ?? null, expectedVersion }));
      case 'actual':
        return settle(await mutate(RECORD_INDICATOR_ACTUAL, { id: indicator.id, actual: value, expectedVersion }));
      case 'weight':
        return settle(await mutate(SET_INDICATOR_WEIGHT, { id: indicator.id, weight: value, expectedVersion }));
      case 'score':
        return settle(await mutate(SCORE_INDICATOR, { id: indicator.id, score: value, reason: now.deduction, expectedVersion }));
      case 'deviationReason':
        return settle(await mutate(SET_INDICATOR_DEVIATION_REASON, { id: indicator.id, reason: value, expectedVersion }));
      case 'deduction':
        // 扣分原因 belongs to the score: in the 自评 it is recorded with it (EVALUATE), not as a draft edit.
        if (!access.draft) {
          return settle(await mutate(SCORE_INDICATOR, { id: indicator.id, score: now.score, reason: value, expectedVersion }));
        }
        break;
      default:
        break;
    }
    const fields = { [field]: (field === 'name' || field === 'level1Label') && value === null ? '' : value };
    return settle(await mutate(UPDATE_INDICATOR, { id: indicator.id, fields, expectedVersion }));
  }

  /**
   * 设定: the target's structure stated explicitly (null clears it). It goes with the target text as it is
   * now (the server drops a structure when the text changes without one); after 批复 it is a 调整 too.
   */
  async function setStructured(indicator: Indicator, structured: StructuredTarget | null, version?: number, reason?: string): Promise<CellOutcome> {
    let why = reason;
    if (access.adjustOnly && why === undefined) {
      const asked = await askReason({ title: t.workflow.adjustTitle, label: t.workflow.adjustReason, hint: t.workflow.adjustHint });
      if (asked === null) return t.workflow.cancelled;
      why = asked;
    }
    return serialized(`plan:${indicator.planId}`, async () => {
      const now = client.cache.readFragment({ id: client.cache.identify({ __typename: 'Indicator', id: indicator.id }), fragment: INDICATOR_TARGET_TEXT }) ?? indicator;
      const expectedVersion = version ?? shownVersion(client, 'Indicator', indicator.id, indicator.version)!;
      return cellOutcome(
        await mutate(SET_INDICATOR_TARGET, { id: indicator.id, target: now.targetText, structured, reason: why ?? null, expectedVersion }),
        {
          current: (payload) => payload.indicator,
          theirs: (current) => current.target?.display ?? fieldText(current, 'target'),
          overwrite: (next) => setStructured(indicator, structured, next, why),
        },
      );
    });
  }

  /** Edits a merged 一级/二级 cell: every indicator of the group takes the new label. */
  async function setGroupLabel(indicators: Indicator[], field: 'level1Label' | 'level2Label', text: string): Promise<CellOutcome> {
    for (const indicator of indicators) {
      const outcome = await setField(indicator, field, text);
      if (outcome) return outcome;
    }
    return null;
  }

  async function add(planId: string, lineItemId: string | null, fields: { level1Label: string; level2Label: string; name: string }) {
    return mutate(ADD_INDICATOR, { input: { planId, lineItemId, fields } }, { refetch: [PLAN] });
  }

  async function move(indicator: Indicator, position: number): Promise<string | null> {
    return messageOf(
      await mutate(MOVE_INDICATOR, { input: { id: indicator.id, lineItemId: indicator.lineItemId, position } }, { refetch: [PLAN] }),
    );
  }

  async function remove(indicator: Indicator): Promise<string | null> {
    return messageOf(await mutate(DELETE_INDICATOR, { id: indicator.id }, { refetch: [PLAN] }));
  }

  return { setField, setStructured, setGroupLabel, add, move, remove };
}
