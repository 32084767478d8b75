/** 计划: workflow statuses (DOMAIN.md §9), the kind of source document, and who may do what. */
import { valuesObject } from './values.js';

export const PLAN_STATUS_VALUES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'EVALUATING', 'CLOSED'] as const;
export type PlanStatus = (typeof PLAN_STATUS_VALUES)[number];
export const PlanStatus = valuesObject(PLAN_STATUS_VALUES);

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: '编制中',
  SUBMITTED: '已提交审核',
  APPROVED: '已批复',
  EVALUATING: '自评中',
  CLOSED: '已关闭',
};

export const DOCUMENT_KIND_VALUES = ['TARGET_TABLE', 'SELF_EVALUATION', 'FINAL_ACCOUNTS_REPORT'] as const;
export type DocumentKind = (typeof DOCUMENT_KIND_VALUES)[number];
export const DocumentKind = valuesObject(DOCUMENT_KIND_VALUES);

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  TARGET_TABLE: '绩效目标表',
  SELF_EVALUATION: '自评表或自评报告',
  FINAL_ACCOUNTS_REPORT: '决算绩效情况',
};

/** Roles (DOMAIN.md §1). */
export const ROLE_VALUES = ['PLANNER', 'REVIEWER', 'EVALUATOR', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLE_VALUES)[number];
export const Role = valuesObject(ROLE_VALUES);

export const ROLE_LABELS: Record<Role, string> = {
  PLANNER: '编报人员',
  REVIEWER: '审核人员',
  EVALUATOR: '评价人员',
  ANALYST: '分析人员',
  ADMIN: '系统管理员',
};
