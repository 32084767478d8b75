/**
 * 绩效指标的层级 (DOMAIN.md §3): 一级指标 and 二级指标, with the names the official forms print
 * (财预〔2020〕10号 附件 and the 2021+ 部门整体/项目支出绩效目标表).
 *
 * 成本指标 means two different things on real forms, so it has two values here:
 * - COST (一级, "成本指标"): the 2021+ forms' own level-1 section, with 经济成本指标 / 社会成本指标 /
 *   生态环境成本指标 under it.
 * - OUTPUT_COST (二级, "产出成本指标"): the older forms' 二级 "成本指标" filed under 产出指标 (产出成本).
 * A form that writes "成本指标" as a 二级 under 产出指标 is read as OUTPUT_COST; the label shown for it is
 * 产出成本指标 so that the two are never confused on screen.
 */
import { valuesObject } from './values.js';

/**
 * 一级指标. UNKNOWN: a label the hierarchy does not know, kept as written and flagged.
 * DECISION 决策, INPUT 投入 and PROCESS 过程 are the sections of the 部门整体 evaluation framework
 * (财预〔2020〕10号 附件: 决策/过程/产出/效益; the earlier 部门整体 common framework, 财预〔2013〕53号:
 * 投入/过程/产出/效果), usable beside 产出/效益/满意度/成本 (issue 10 item 7).
 */
export const LEVEL1_VALUES = ['OUTPUT', 'OUTCOME', 'SATISFACTION', 'COST', 'BUDGET_EXECUTION', 'DECISION', 'INPUT', 'PROCESS', 'UNKNOWN'] as const;
export type Level1 = (typeof LEVEL1_VALUES)[number];
export const Level1 = valuesObject(LEVEL1_VALUES);

export const LEVEL1_LABELS: Record<Exclude<Level1, 'UNKNOWN'>, string> = {
  OUTPUT: '产出指标',
  OUTCOME: '效益指标',
  SATISFACTION: '满意度指标',
  COST: '成本指标',
  BUDGET_EXECUTION: '预算执行率',
  DECISION: '决策',
  INPUT: '投入',
  PROCESS: '过程',
};

/** The 一级 of the 部门整体 evaluation framework that are not also 自评表 sections. */
export const FRAMEWORK_LEVEL1: readonly Exclude<Level1, 'UNKNOWN'>[] = ['DECISION', 'INPUT', 'PROCESS'];

/** 二级指标. */
export const LEVEL2_VALUES = [
  'QUANTITY',
  'QUALITY',
  'TIMELINESS',
  'OUTPUT_COST',
  'ECONOMIC',
  'SOCIAL',
  'ECOLOGICAL',
  'SUSTAINABILITY',
  'SERVICE_SATISFACTION',
  'ECONOMIC_COST',
  'SOCIAL_COST',
  'ECOLOGICAL_COST',
  'UNKNOWN',
] as const;
export type Level2 = (typeof LEVEL2_VALUES)[number];
export const Level2 = valuesObject(LEVEL2_VALUES);

export const LEVEL2_LABELS: Record<Exclude<Level2, 'UNKNOWN'>, string> = {
  QUANTITY: '数量指标',
  QUALITY: '质量指标',
  TIMELINESS: '时效指标',
  OUTPUT_COST: '产出成本指标',
  ECONOMIC: '经济效益指标',
  SOCIAL: '社会效益指标',
  ECOLOGICAL: '生态效益指标',
  SUSTAINABILITY: '可持续影响指标',
  SERVICE_SATISFACTION: '服务对象满意度指标',
  ECONOMIC_COST: '经济成本指标',
  SOCIAL_COST: '社会成本指标',
  ECOLOGICAL_COST: '生态环境成本指标',
};

/** The 一级 each 二级 belongs to. */
export const LEVEL2_PARENT: Record<Exclude<Level2, 'UNKNOWN'>, Exclude<Level1, 'UNKNOWN'>> = {
  QUANTITY: 'OUTPUT',
  QUALITY: 'OUTPUT',
  TIMELINESS: 'OUTPUT',
  OUTPUT_COST: 'OUTPUT',
  ECONOMIC: 'OUTCOME',
  SOCIAL: 'OUTCOME',
  ECOLOGICAL: 'OUTCOME',
  SUSTAINABILITY: 'OUTCOME',
  SERVICE_SATISFACTION: 'SATISFACTION',
  ECONOMIC_COST: 'COST',
  SOCIAL_COST: 'COST',
  ECOLOGICAL_COST: 'COST',
};

/** The 二级 of each 一级 in form order, for pickers. */
export const LEVEL2_OF: Record<Exclude<Level1, 'UNKNOWN'>, Exclude<Level2, 'UNKNOWN'>[]> = {
  OUTPUT: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'OUTPUT_COST'],
  OUTCOME: ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABILITY'],
  SATISFACTION: ['SERVICE_SATISFACTION'],
  COST: ['ECONOMIC_COST', 'SOCIAL_COST', 'ECOLOGICAL_COST'],
  BUDGET_EXECUTION: [],
  // The framework's 二级 (项目立项, 预算配置, 预算执行, 资产管理 …) are kept as written, not canonicalised.
  DECISION: [],
  INPUT: [],
  PROCESS: [],
};

export const UNKNOWN_LEVEL_LABEL = '未识别（保留原文并标记）';
