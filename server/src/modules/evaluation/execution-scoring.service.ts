import { DEFAULT_STEPWISE, PROPORTIONAL, type ExecutionProfile } from '../../domain/budget-execution.js';
import { microsOrNull } from '../../domain/decimal.js';
import type { ExecutionScoringSetting, Plan } from '../plan/plan.entity.js';

/** The plan's 预算执行率 profile for the domain: proportional unless the plan chose stepwise. */
export function executionProfileOf(plan: Pick<Plan, 'executionScoring'>): ExecutionProfile {
  return executionProfileFrom(plan.executionScoring);
}

export function executionProfileFrom(setting: ExecutionScoringSetting | null): ExecutionProfile {
  if (!setting || setting.profile !== 'STEPWISE') return PROPORTIONAL;
  const defaults = DEFAULT_STEPWISE as Extract<ExecutionProfile, { kind: 'STEPWISE' }>;
  return {
    kind: 'STEPWISE',
    fullMarksRate: microsOrNull(setting.fullMarksRate ?? null) ?? defaults.fullMarksRate,
    stepPercent: microsOrNull(setting.stepPercent ?? null) ?? defaults.stepPercent,
    deductionPerStep: microsOrNull(setting.deductionPerStep ?? null) ?? defaults.deductionPerStep,
  };
}
