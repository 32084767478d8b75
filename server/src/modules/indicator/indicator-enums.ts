import { registerEnumType } from 'type-graphql';
import { LEVEL1_LABELS, LEVEL2_LABELS, type Level1, type Level2 } from '../../domain/indicator-hierarchy.js';

export const Level1Values: { [K in Level1]: K } = {
  OUTPUT: 'OUTPUT',
  OUTCOME: 'OUTCOME',
  SATISFACTION: 'SATISFACTION',
  COST: 'COST',
  BUDGET_EXECUTION: 'BUDGET_EXECUTION',
  UNKNOWN: 'UNKNOWN',
};

export const Level2Values: { [K in Level2]: K } = {
  QUANTITY: 'QUANTITY',
  QUALITY: 'QUALITY',
  TIMELINESS: 'TIMELINESS',
  OUTPUT_COST: 'OUTPUT_COST',
  ECONOMIC: 'ECONOMIC',
  SOCIAL: 'SOCIAL',
  ECOLOGICAL: 'ECOLOGICAL',
  SUSTAINABILITY: 'SUSTAINABILITY',
  SERVICE_SATISFACTION: 'SERVICE_SATISFACTION',
  ECONOMIC_COST: 'ECONOMIC_COST',
  SOCIAL_COST: 'SOCIAL_COST',
  ECOLOGICAL_COST: 'ECOLOGICAL_COST',
  UNKNOWN: 'UNKNOWN',
};

registerEnumType(Level1Values, {
  name: 'Level1',
  description: '一级指标（规范值）/ level-1 indicator category, canonical',
  valuesConfig: {
    ...Object.fromEntries(Object.entries(LEVEL1_LABELS).map(([key, label]) => [key, { description: label }])),
    UNKNOWN: { description: '未识别（保留原文并标记）/ not recognised: label kept as written and flagged' },
  },
});

registerEnumType(Level2Values, {
  name: 'Level2',
  description: '二级指标（规范值）/ level-2 indicator category, canonical',
  valuesConfig: {
    ...Object.fromEntries(Object.entries(LEVEL2_LABELS).map(([key, label]) => [key, { description: label }])),
    UNKNOWN: { description: '未识别（保留原文并标记）/ not recognised: label kept as written and flagged' },
  },
});
