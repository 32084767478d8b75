/** 部门预算: the rows of the budget matrix (DOMAIN.md §2) and the stages of the budget year. */
import { valuesObject } from './values.js';

/** Rows of the budget matrix: by nature, by income, basic detail (经济分类), 三公经费. */
export const BUDGET_CATEGORY_VALUES = [
  'TOTAL',
  'BASIC',
  'PERSONNEL',
  'PUBLIC_USE',
  'PROJECT',
  'INCOME_GENERAL_PUBLIC',
  'INCOME_GOVERNMENT_FUND',
  'INCOME_OTHER',
  'INCOME_PRIOR_YEAR_CARRYOVER',
  'INCOME_SPECIAL_ACCOUNT_NON_TAX',
  'BASIC_DETAIL',
  'THREE_PUBLIC_TOTAL',
  'THREE_PUBLIC_RECEPTION',
  'THREE_PUBLIC_VEHICLE_OPS',
  'THREE_PUBLIC_VEHICLE_PURCHASE',
  'THREE_PUBLIC_OVERSEAS',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORY_VALUES)[number];
export const BudgetCategory = valuesObject(BUDGET_CATEGORY_VALUES);

export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  TOTAL: '合计',
  BASIC: '基本支出',
  PERSONNEL: '人员经费',
  PUBLIC_USE: '公用经费',
  PROJECT: '项目支出',
  INCOME_GENERAL_PUBLIC: '一般公共预算拨款',
  INCOME_GOVERNMENT_FUND: '政府性基金拨款',
  INCOME_OTHER: '其他资金',
  INCOME_PRIOR_YEAR_CARRYOVER: '上年结转',
  INCOME_SPECIAL_ACCOUNT_NON_TAX: '纳入专户管理的非税收入',
  BASIC_DETAIL: '基本支出明细（按经济分类）',
  THREE_PUBLIC_TOTAL: '三公经费合计',
  THREE_PUBLIC_RECEPTION: '公务接待费',
  THREE_PUBLIC_VEHICLE_OPS: '公务用车运维费',
  THREE_PUBLIC_VEHICLE_PURCHASE: '公务用车购置费',
  THREE_PUBLIC_OVERSEAS: '因公出国（境）费',
};

/** The stages of one amount through the year, as the plan document and the API's StageAmounts name them. */
export const STAGE_VALUES = ['initial', 'adjustment', 'fullYear', 'actual', 'carryover'] as const;
export type Stage = (typeof STAGE_VALUES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  initial: '年初预算',
  adjustment: '调整预算',
  fullYear: '全年预算',
  actual: '实际支出',
  carryover: '结余结转',
};

/** The same stages as GraphQL enum values (BudgetStage), e.g. CheckLocation.stage. */
export const BUDGET_STAGE_VALUES = ['INITIAL', 'ADJUSTMENT', 'FULL_YEAR', 'ACTUAL', 'CARRYOVER'] as const;
export type BudgetStage = (typeof BUDGET_STAGE_VALUES)[number];
export const BudgetStage = valuesObject(BUDGET_STAGE_VALUES);

export const BUDGET_STAGE_OF: Record<Stage, BudgetStage> = {
  initial: 'INITIAL',
  adjustment: 'ADJUSTMENT',
  fullYear: 'FULL_YEAR',
  actual: 'ACTUAL',
  carryover: 'CARRYOVER',
};

/** 项目类型 of a 专项. */
export const LINE_ITEM_KIND_VALUES = ['INITIAL', 'MIDYEAR'] as const;
export type LineItemKind = (typeof LINE_ITEM_KIND_VALUES)[number];
export const LINE_ITEM_KIND_LABELS: Record<LineItemKind, string> = { INITIAL: '年初预算项目', MIDYEAR: '年中追加项目' };
