import { messageOf, useMutate } from '../../app/mutate';
import {
  ADD_INDICATOR,
  DELETE_INDICATOR,
  MOVE_INDICATOR,
  PLAN,
  RECORD_INDICATOR_ACTUAL,
  SCORE_INDICATOR,
  SET_INDICATOR_TARGET,
  SET_INDICATOR_WEIGHT,
  UPDATE_INDICATOR,
} from '../../graphql/operations';
import type { Indicator } from '../../graphql/types';

export type IndicatorField = 'level1Label' | 'level2Label' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deduction' | 'remark';

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The indicator edits, each resolving to the message to show at the cell (null when saved).
 * Target, actual, weight and score go through the mutations that return the plan's fresh roll-up
 * and checks, so totals and 勾稽关系 follow every edit.
 */
export function useIndicatorActions() {
  const mutate = useMutate();

  async function setField(indicator: Indicator, field: IndicatorField, text: string): Promise<string | null> {
    const value = blankToNull(text);
    switch (field) {
      case 'target':
        return messageOf(await mutate('setIndicatorTarget', SET_INDICATOR_TARGET, { id: indicator.id, target: value }));
      case 'actual':
        return messageOf(await mutate('recordIndicatorActual', RECORD_INDICATOR_ACTUAL, { id: indicator.id, actual: value }));
      case 'weight':
        return messageOf(await mutate('setIndicatorWeight', SET_INDICATOR_WEIGHT, { id: indicator.id, weight: value }));
      case 'score':
        return messageOf(await mutate('scoreIndicator', SCORE_INDICATOR, { id: indicator.id, score: value, reason: indicator.deduction }));
      default:
        break;
    }
    if ((field === 'name' || field === 'level1Label') && value === null) {
      return messageOf(await mutate('updateIndicator', UPDATE_INDICATOR, { id: indicator.id, fields: { [field]: '' } }));
    }
    return messageOf(await mutate('updateIndicator', UPDATE_INDICATOR, { id: indicator.id, fields: { [field]: value } }));
  }

  /** Edits a merged 一级/二级 cell: every indicator of the group takes the new label. */
  async function setGroupLabel(indicators: Indicator[], field: 'level1Label' | 'level2Label', text: string): Promise<string | null> {
    for (const indicator of indicators) {
      const message = await setField(indicator, field, text);
      if (message) return message;
    }
    return null;
  }

  async function add(planId: string, lineItemId: string | null, fields: { level1Label: string; level2Label: string; name: string }) {
    return mutate('addIndicator', ADD_INDICATOR, { input: { planId, lineItemId, fields } }, { refetch: [PLAN] });
  }

  async function move(indicator: Indicator, position: number): Promise<string | null> {
    return messageOf(
      await mutate('moveIndicator', MOVE_INDICATOR, { input: { id: indicator.id, lineItemId: indicator.lineItemId, position } }, { refetch: [PLAN] }),
    );
  }

  async function remove(indicator: Indicator): Promise<string | null> {
    return messageOf(await mutate('deleteIndicator', DELETE_INDICATOR, { id: indicator.id }, { refetch: [PLAN] }));
  }

  return { setField, setGroupLabel, add, move, remove };
}
