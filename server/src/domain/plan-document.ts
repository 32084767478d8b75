/**
 * The plan document: the import/export format of a whole plan (schema/plan-document.schema.json).
 * Money is a 万元 decimal string; null means the source document stated nothing.
 */

export type Money = string | null;

export type DocumentKind = 'target_table' | 'self_evaluation' | 'final_accounts_report';

/** One amount through the budget year (年初预算 → 调整 → 全年预算数 → 实际支出 → 结余结转). */
export interface StageAmounts {
  initial?: Money;
  adjustment?: Money;
  fullYear?: Money;
  actual?: Money;
  carryover?: Money;
  /** 预算执行率 as the document states it, e.g. "99.99%". */
  executionRate?: string | null;
}

export interface IncomeBreakdown {
  generalPublic?: StageAmounts | null;
  governmentFund?: StageAmounts | null;
  other?: StageAmounts | null;
  priorYearCarryover?: StageAmounts | null;
  specialAccountNonTax?: StageAmounts | null;
}

export interface ThreePublicBreakdown {
  total?: StageAmounts | null;
  reception?: StageAmounts | null;
  vehicleOps?: StageAmounts | null;
  vehiclePurchase?: StageAmounts | null;
  overseas?: StageAmounts | null;
}

export interface BudgetDocument {
  total?: StageAmounts | null;
  basic?: StageAmounts | null;
  personnel?: StageAmounts | null;
  publicUse?: StageAmounts | null;
  project?: StageAmounts | null;
  income?: IncomeBreakdown | null;
  basicDetail?: { name: string; amounts?: StageAmounts | null }[] | null;
  threePublic?: ThreePublicBreakdown | null;
  fixedAssets?: Money;
}

export interface IndicatorDocument {
  level1: string;
  level2?: string | null;
  name: string;
  target?: string | null;
  actual?: string | null;
  weight?: number | null;
  score?: number | null;
  deduction?: string | null;
  /** 偏差原因, when a document states it apart from 扣分原因. */
  deviationReason?: string | null;
  remark?: string | null;
  evidence?: string | null;
}

export interface LineItemDocument {
  name: string;
  kind?: 'initial' | 'midyear' | null;
  amounts?: StageAmounts | null;
  period?: string | null;
  periodGoal?: string | null;
  annualGoal?: string | null;
  use?: string | null;
  indicators?: IndicatorDocument[] | null;
  children?: LineItemDocument[] | null;
}

export interface EvaluationDocument {
  totalScore?: number | null;
  grade?: string | null;
  maxScore?: number | null;
  sections?: { name?: string; weight?: number | null; score?: number | null }[] | null;
  satisfaction?: { satisfied?: string | null; basicallySatisfied?: string | null; dissatisfied?: string | null } | null;
  evaluators?: { name?: string | null; title?: string | null; unit?: string | null }[] | null;
  problems?: string[] | null;
  measures?: string[] | null;
  application?: string | null;
  disclosure?: string | null;
}

export interface DepartmentDocument {
  name: string;
  shortName?: string | null;
  region?: string | null;
  functions?: string[] | null;
  internalUnits?: string[] | null;
  subUnits?: string[] | null;
  staff?: { authorized?: number | null; actual?: number | null; retired?: number | null } | null;
}

export interface PlanDocument {
  source: string;
  kind: DocumentKind;
  year: number;
  department: DepartmentDocument;
  budget?: BudgetDocument | null;
  overallGoals?: string[] | null;
  keyTasks?: { item?: string | null; owner?: string | null; goal?: string | null }[] | null;
  indicators?: IndicatorDocument[] | null;
  lineItems?: LineItemDocument[] | null;
  evaluation?: EvaluationDocument | null;
  achievements?: string[] | null;
}
