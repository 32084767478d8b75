import {
  BUDGET_CATEGORY_LABELS,
  BudgetCategory,
  DOCUMENT_KIND_LABELS,
  DocumentKind,
  PLAN_STATUS_LABELS,
  PlanStatus,
} from '@jixiao/vocabulary';
import { registerEnumType } from 'type-graphql';

// Values and zh-CN labels come from @jixiao/vocabulary (shared with the client); English is added here.
export { BUDGET_CATEGORY_LABELS, BudgetCategory, DocumentKind, PlanStatus };

/** "中文 / english" for an enum value: the shared label first; a suffix starting "（" adds a Chinese note. */
function described<K extends string>(labels: Record<K, string>, english: Record<K, string>) {
  return Object.fromEntries(
    Object.entries<string>(labels).map(([key, label]) => {
      const suffix = english[key as K];
      return [key, { description: suffix.startsWith('（') ? `${label}${suffix}` : `${label} / ${suffix}` }];
    }),
  );
}

/** 工作流状态 (DOMAIN.md §9). */
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: '计划状态 / plan workflow status',
  valuesConfig: described(PLAN_STATUS_LABELS, {
    DRAFT: 'draft',
    SUBMITTED: 'submitted for review',
    APPROVED: '（目标冻结）/ approved, targets frozen',
    EVALUATING: '（可填实际完成值）/ evaluation open',
    CLOSED: '（只读）/ closed, read only',
  }),
});

/** What kind of document the plan came from (plan-document `kind`). */
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: '来源文件类型 / kind of source document',
  valuesConfig: described(DOCUMENT_KIND_LABELS, {
    TARGET_TABLE: 'target table',
    SELF_EVALUATION: 'self-evaluation',
    FINAL_ACCOUNTS_REPORT: 'final accounts report',
  }),
});

/** Rows of the budget matrix (DOMAIN.md §2): by nature, by income, basic detail, 三公经费. */
registerEnumType(BudgetCategory, {
  name: 'BudgetCategory',
  description: '预算类别 / budget category (a row of the budget matrix)',
  valuesConfig: described(BUDGET_CATEGORY_LABELS, {
    TOTAL: 'total',
    BASIC: 'basic expenditure',
    PERSONNEL: 'personnel',
    PUBLIC_USE: 'public use',
    PROJECT: 'project expenditure',
    INCOME_GENERAL_PUBLIC: 'general public budget',
    INCOME_GOVERNMENT_FUND: 'government funds',
    INCOME_OTHER: 'other funds',
    INCOME_PRIOR_YEAR_CARRYOVER: 'carried over from last year',
    INCOME_SPECIAL_ACCOUNT_NON_TAX: 'non-tax revenue in special accounts',
    BASIC_DETAIL: 'basic expenditure by economic class',
    THREE_PUBLIC_TOTAL: '"three public" expenses, total',
    THREE_PUBLIC_RECEPTION: 'official reception',
    THREE_PUBLIC_VEHICLE_OPS: 'official vehicles, running',
    THREE_PUBLIC_VEHICLE_PURCHASE: 'official vehicles, purchase',
    THREE_PUBLIC_OVERSEAS: 'official travel abroad',
  }),
});
