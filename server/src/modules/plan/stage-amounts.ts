import { STAGE_VALUES } from '@jixiao/vocabulary';
import type { StageAmounts } from '../../db/stage-amounts.embeddable.js';
import { checkNonNegative, checkText } from '../validation.js';
import type { StageAmountsInput } from './plan.input.js';


/**
 * Writes the given stages onto `amounts`: omitted stages stay, null clears (null = not stated).
 * Only 调整 may be negative (调减); a negative 结余 would mean overspending and is stated as 0 on forms.
 */
export function applyStageAmounts(amounts: StageAmounts, input: StageAmountsInput, field: string[]): void {
  for (const stage of STAGE_VALUES) {
    const value = input[stage];
    if (value === undefined) continue;
    if (stage !== 'adjustment') checkNonNegative(value, [...field, stage]);
    amounts[stage] = value;
  }
  if (input.statedExecutionRate !== undefined) {
    checkText(input.statedExecutionRate, [...field, 'statedExecutionRate'], { max: 100 });
    amounts.statedExecutionRate = input.statedExecutionRate?.trim() || null;
  }
}
