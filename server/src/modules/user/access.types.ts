import { registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum.js';
import { PLAN_ACTIONS, type PlanAction } from './access.js';

export const PlanActionValues = enumOf(Object.keys(PLAN_ACTIONS) as PlanAction[]);

registerEnumType(PlanActionValues, {
  name: 'PlanAction',
  description: '对计划的操作 / an action on a plan',
  valuesConfig: Object.fromEntries(Object.entries(PLAN_ACTIONS).map(([action, rule]) => [action, { description: rule.label }])),
});
