import { Level1, Level2, LEVEL1_LABELS, LEVEL2_LABELS, UNKNOWN_LEVEL_LABEL } from '@jixiao/vocabulary';
import { registerEnumType } from 'type-graphql';

// Values and labels from @jixiao/vocabulary: the official forms' names (社会效益指标 …); 一级 COST
// (成本指标) and 二级 OUTPUT_COST (产出成本指标) are distinct.
export const Level1Values = Level1;
export const Level2Values = Level2;

const UNKNOWN = { description: `${UNKNOWN_LEVEL_LABEL} / not recognised: label kept as written and flagged` };

registerEnumType(Level1Values, {
  name: 'Level1',
  description: '一级指标（规范值）/ level-1 indicator category, canonical',
  valuesConfig: {
    ...Object.fromEntries(Object.entries(LEVEL1_LABELS).map(([key, label]) => [key, { description: label }])),
    UNKNOWN,
  },
});

registerEnumType(Level2Values, {
  name: 'Level2',
  description: '二级指标（规范值；COST 一级下为经济/社会/生态环境成本指标，OUTPUT_COST 为产出指标下的产出成本指标）/ level-2 indicator category, canonical',
  valuesConfig: {
    ...Object.fromEntries(Object.entries(LEVEL2_LABELS).map(([key, label]) => [key, { description: label }])),
    UNKNOWN,
  },
});
