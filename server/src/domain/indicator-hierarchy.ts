/**
 * The indicator hierarchy (DOMAIN.md §3): 一级 level1 and 二级 level2, canonical values and the labels
 * real forms use for them. Labels are kept as written; the canonical value is what the engine reads.
 */

import { FRAMEWORK_LEVEL1, LEVEL1_LABELS, LEVEL2_LABELS, LEVEL2_PARENT, type Level1, type Level2 } from '@jixiao/vocabulary';

// The values and the official names are the shared vocabulary's (one place for server and client).
export { FRAMEWORK_LEVEL1, LEVEL1_LABELS, LEVEL2_LABELS, LEVEL2_PARENT, type Level1, type Level2 };

const LEVEL1_ALIASES: Record<string, Exclude<Level1, 'UNKNOWN'>> = {
  产出指标: 'OUTPUT',
  产出: 'OUTPUT',
  效益指标: 'OUTCOME',
  效益: 'OUTCOME',
  满意度指标: 'SATISFACTION',
  满意度: 'SATISFACTION',
  成本指标: 'COST',
  成本: 'COST',
  预算执行率: 'BUDGET_EXECUTION',
  预算执行: 'BUDGET_EXECUTION',
  // The 部门整体 framework (财预〔2020〕10号 决策/过程/产出/效益; 财预〔2013〕53号 投入/过程/产出/效果).
  决策: 'DECISION',
  决策指标: 'DECISION',
  投入: 'INPUT',
  投入指标: 'INPUT',
  过程: 'PROCESS',
  过程指标: 'PROCESS',
  效果: 'OUTCOME',
  效果指标: 'OUTCOME',
};

/** 二级 aliases that belong under one level1 only. */
const LEVEL2_ALIASES: Record<string, Exclude<Level2, 'UNKNOWN' | 'OUTPUT_COST'>> = {
  数量指标: 'QUANTITY',
  产出数量: 'QUANTITY',
  数量: 'QUANTITY',
  质量指标: 'QUALITY',
  产出质量: 'QUALITY',
  质量: 'QUALITY',
  时效指标: 'TIMELINESS',
  产出时效: 'TIMELINESS',
  时效: 'TIMELINESS',
  经济效益: 'ECONOMIC',
  经济效益指标: 'ECONOMIC',
  社会效益: 'SOCIAL',
  社会效益指标: 'SOCIAL',
  生态效益: 'ECOLOGICAL',
  生态效益指标: 'ECOLOGICAL',
  可持续影响: 'SUSTAINABILITY',
  可持续影响指标: 'SUSTAINABILITY',
  服务对象满意度: 'SERVICE_SATISFACTION',
  服务对象满意度指标: 'SERVICE_SATISFACTION',
  社会公众及服务对象满意度: 'SERVICE_SATISFACTION',
  社会公众或服务对象满意度: 'SERVICE_SATISFACTION',
  社会公众满意度: 'SERVICE_SATISFACTION',
  经济成本: 'ECONOMIC_COST',
  经济成本指标: 'ECONOMIC_COST',
  社会成本: 'SOCIAL_COST',
  社会成本指标: 'SOCIAL_COST',
  生态环境成本: 'ECOLOGICAL_COST',
  生态环境成本指标: 'ECOLOGICAL_COST',
};

/**
 * 成本指标 is a 二级 under 产出指标 in older forms (OUTPUT_COST, shown as 产出成本指标), and a 一级 of its own
 * in 2021+ forms (COST).
 */
const OUTPUT_COST_ALIASES = new Set(['成本指标', '产出成本', '产出成本指标', '成本']);

export interface CanonicalLevels {
  level1: Level1;
  level2: Level2 | null;
  /** Labels the hierarchy does not know: kept as written and flagged, never dropped. */
  unknownLabels: string[];
}

function normaliseLabel(label: string): string {
  return label.replace(/[\s\u3000]+/g, '').replace(/^[一二三四五六七八九十\d]+[、.．]/, '');
}

/**
 * Reads the labels as written. The 二级 decides the 一级 where it is specific: fixture 002 files
 * 社会公众及服务对象满意度 under 效益指标, and it is a satisfaction indicator.
 */
export function canonicalLevels(level1Label: string, level2Label: string | null | undefined): CanonicalLevels {
  const unknownLabels: string[] = [];
  const written1 = LEVEL1_ALIASES[normaliseLabel(level1Label)] ?? null;
  if (!written1) unknownLabels.push(level1Label);

  const label2 = level2Label == null ? '' : normaliseLabel(level2Label);
  // Under 决策/投入/过程 the 二级 (项目立项, 预算执行 …) has no canonical value: kept as written, not flagged.
  if (written1 && FRAMEWORK_LEVEL1.includes(written1)) return { level1: written1, level2: null, unknownLabels };
  const level2 = label2 ? readLevel2(label2, written1) : null;
  if (level2 === 'UNKNOWN') unknownLabels.push(level2Label!);

  const level1 = level2 && level2 !== 'UNKNOWN' ? LEVEL2_PARENT[level2] : (written1 ?? 'UNKNOWN');
  return { level1, level2, unknownLabels };
}

function readLevel2(label: string, level1: Level1 | null): Level2 | null {
  if (OUTPUT_COST_ALIASES.has(label)) return level1 === 'COST' ? null : 'OUTPUT_COST';
  return LEVEL2_ALIASES[label] ?? 'UNKNOWN';
}
