/**
 * 完成情况 and 评价等次. One word set for how far an indicator got, used by the schema and the UI alike:
 * 达成 / 部分达成 / 未达成 (财预〔2020〕10号's 达成年度指标 / 部分达成 / 未达成), 待填报 before an actual.
 */
import { valuesObject } from './values.js';

export const GAP_STATUS_VALUES = ['PENDING', 'MET', 'PARTIAL', 'NOT_MET', 'NOT_APPLICABLE', 'NEEDS_JUDGEMENT', 'INCOMPARABLE'] as const;
export type GapStatus = (typeof GAP_STATUS_VALUES)[number];
export const GapStatus = valuesObject(GAP_STATUS_VALUES);

export const GAP_STATUS_LABELS: Record<GapStatus, string> = {
  PENDING: '待填报',
  MET: '达成',
  PARTIAL: '部分达成',
  NOT_MET: '未达成',
  NOT_APPLICABLE: '不适用',
  NEEDS_JUDGEMENT: '待评价人员判断',
  INCOMPARABLE: '单位不可比',
};

/** 评价等次 by 综合得分: ≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差. */
export const EVALUATION_GRADE_VALUES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADE_VALUES)[number];
export const EvaluationGrade = valuesObject(EVALUATION_GRADE_VALUES);

export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  EXCELLENT: '优',
  GOOD: '良',
  FAIR: '中',
  POOR: '差',
};
