import { registerEnumType } from 'type-graphql';

/** 工作流状态 (DOMAIN.md §9). */
export const PlanStatus = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  APPROVED: 'APPROVED',
  EVALUATING: 'EVALUATING',
  CLOSED: 'CLOSED',
} as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];

registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: '计划状态 / plan workflow status',
  valuesConfig: {
    DRAFT: { description: '编制中 / draft' },
    SUBMITTED: { description: '已提交审核 / submitted for review' },
    APPROVED: { description: '已批复（目标冻结）/ approved, targets frozen' },
    EVALUATING: { description: '自评中（可填实际完成值）/ evaluation open' },
    CLOSED: { description: '已关闭（只读）/ closed, read only' },
  },
});

/** What kind of document the plan came from (plan-document `kind`). */
export const DocumentKind = {
  TARGET_TABLE: 'TARGET_TABLE',
  SELF_EVALUATION: 'SELF_EVALUATION',
  FINAL_ACCOUNTS_REPORT: 'FINAL_ACCOUNTS_REPORT',
} as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: '来源文件类型 / kind of source document',
  valuesConfig: {
    TARGET_TABLE: { description: '绩效目标表 / target table' },
    SELF_EVALUATION: { description: '自评表或自评报告 / self-evaluation' },
    FINAL_ACCOUNTS_REPORT: { description: '决算绩效情况 / final accounts report' },
  },
});

import { BudgetCategory } from '../../domain/budget-category.js';

/** Rows of the budget matrix (DOMAIN.md §2): by nature, by income, basic detail, 三公经费. */
export { BudgetCategory };

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
  THREE_PUBLIC_OVERSEAS: '因公出国费',
};

registerEnumType(BudgetCategory, {
  name: 'BudgetCategory',
  description: '预算类别 / budget category (a row of the budget matrix)',
  valuesConfig: Object.fromEntries(
    Object.entries(BUDGET_CATEGORY_LABELS).map(([key, label]) => [key, { description: label }]),
  ),
});
