import { registerEnumType } from 'type-graphql';
import { PLAN_ACTIONS, type PlanAction } from './access.js';

export const PlanActionValues = Object.fromEntries(Object.keys(PLAN_ACTIONS).map((action) => [action, action])) as { [K in PlanAction]: K };

registerEnumType(PlanActionValues, {
  name: 'PlanAction',
  description: '对计划的操作 / an action on a plan',
  valuesConfig: Object.fromEntries(Object.entries(PLAN_ACTIONS).map(([action, rule]) => [action, { description: rule.label }])),
});
