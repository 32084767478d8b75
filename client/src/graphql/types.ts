/** Shapes of the data the documents in operations.ts select (hand-written; mirrors schema/schema.graphql). */
export type Decimal = string;

export interface UserError {
  field: string[];
  message: string;
  code: string;
}

export interface StageAmounts {
  initial: Decimal | null;
  adjustment: Decimal | null;
  fullYear: Decimal | null;
  actual: Decimal | null;
  carryover: Decimal | null;
  statedExecutionRate: string | null;
}
export type Stage = Exclude<keyof StageAmounts, 'statedExecutionRate'>;

export interface BudgetLine {
  id: string;
  version: number;
  category: string;
  name: string | null;
  position: number;
  amounts: StageAmounts;
}

export type ValueKind = 'QUANTITY' | 'BOOLEAN' | 'GRADE' | 'NOT_APPLICABLE' | 'TEXT';
export interface IndicatorValue {
  raw: string;
  kind: ValueKind;
  comparator: string | null;
  value: string | null;
  upper: string | null;
  unit: string | null;
  approximate: boolean | null;
  direction: string | null;
  display: string;
  confidence: 'HIGH' | 'MEDIUM' | 'LOW';
  explanation: string;
  explicit: boolean;
  boolean: boolean | null;
  grade: string | null;
  hints: QuantityReading[];
  splitSuggested: boolean;
}

export interface QuantityReading {
  display: string;
  comparator: string;
  value: string;
  upper: string | null;
  unit: string | null;
  approximate: boolean;
}

export type GapStatus = 'PENDING' | 'MET' | 'PARTIAL' | 'NOT_MET' | 'NOT_APPLICABLE' | 'NEEDS_JUDGEMENT' | 'INCOMPARABLE';
export interface Gap {
  status: GapStatus;
  difference: string | null;
  differenceUnit: string | null;
  favourable: boolean | null;
  completion: Decimal | null;
  completionPercent: string | null;
  suggestedScore: Decimal | null;
  evaluatorScore: Decimal | null;
  effectiveScore: Decimal | null;
  scoreSource: 'EVALUATOR' | 'SUGGESTED' | null;
  scoringMethod: string | null;
  explanation: string;
  warnings: { code: string; message: string }[];
}

export interface Indicator {
  id: string;
  version: number;
  planId: string;
  lineItemId: string | null;
  position: number;
  level1: string;
  level1Label: string;
  level2: string | null;
  level2Label: string | null;
  name: string;
  targetText: string | null;
  actualText: string | null;
  weight: Decimal | null;
  score: Decimal | null;
  deduction: string | null;
  remark: string | null;
  evidence: string | null;
  unknownLevelLabels: string[];
  target: IndicatorValue | null;
  actual: IndicatorValue | null;
  gap: Gap;
}

export interface SectionRollup {
  level1: string;
  label: string;
  count: number;
  indicatorWeight: Decimal;
  sectionWeight: Decimal | null;
  score: Decimal | null;
  suggestedScore: Decimal;
}

export interface Rollup {
  count: number;
  scoredCount: number;
  weightTotal: Decimal;
  suggestedScoreTotal: Decimal;
  scoreTotal: Decimal;
  statusCounts: { status: GapStatus; count: number }[];
  sections: SectionRollup[];
  executionRate: Decimal | null;
  executionRatePercent: string | null;
  grade: string | null;
  gradeLabel: string | null;
  warnings: { code: string; level1: string | null; message: string }[];
}

export interface CheckWarning {
  code: string;
  path: string;
  indicatorId: string | null;
  lineItemId: string | null;
  stage: string | null;
  expected: string;
  found: string;
  difference: string | null;
  message: string;
}

export interface LineItem {
  id: string;
  version: number;
  planId: string;
  parentId: string | null;
  position: number;
  name: string;
  kind: string | null;
  period: string | null;
  use: string | null;
  periodGoal: string | null;
  annualGoal: string | null;
  amounts: StageAmounts;
  rollup: Rollup;
  indicators: Indicator[];
  children?: LineItem[];
}

export interface KeyTask {
  id: string;
  version: number;
  item: string | null;
  owner: string | null;
  goal: string | null;
  position: number;
}

export interface PlanSummary {
  id: string;
  year: number;
  status: string;
}

export interface Department {
  id: string;
  name: string;
  shortName: string | null;
  region: string | null;
  code: string | null;
  plans: PlanSummary[];
}

export interface Plan {
  id: string;
  version: number;
  allowedActions: PlanAction[];
  year: number;
  status: string;
  documentKind: string | null;
  statedDepartmentName: string | null;
  statedRegion: string | null;
  overallGoals: string[] | null;
  functions: string[] | null;
  internalUnits: string[] | null;
  subUnits: string[] | null;
  fixedAssets: Decimal | null;
  staff: Staffing | null;
  sectionWeights: SectionWeight[];
  department: { id: string; name: string; shortName: string | null; region: string | null };
  budget: { lines: BudgetLine[] };
  keyTasks: KeyTask[];
  indicators: Indicator[];
  lineItems: LineItem[];
  evaluation: (EvaluationNarrative & { totalScore: Decimal | null; grade: string | null; maxScore: Decimal | null }) | null;
  rollup: Rollup;
  checks: CheckWarning[];
}

export interface Staffing {
  authorized: number | null;
  actual: number | null;
  retired: number | null;
}

/** 部门基本情况 and goals: the fields of a plan updatePlan writes. */
export interface PlanProfile {
  id: string;
  overallGoals: string[] | null;
  functions: string[] | null;
  internalUnits: string[] | null;
  subUnits: string[] | null;
  fixedAssets: Decimal | null;
  staff: Staffing | null;
}

export interface SectionWeight {
  level1: string;
  weight: Decimal;
}

export interface Evaluator {
  name: string | null;
  title: string | null;
  unit: string | null;
}

export interface SatisfactionSurvey {
  satisfied: string | null;
  basicallySatisfied: string | null;
  dissatisfied: string | null;
}

/** The narrative of the 自评表 (updateEvaluation). */
export interface EvaluationNarrative {
  id: string;
  version: number;
  evaluators: Evaluator[] | null;
  satisfaction: SatisfactionSurvey | null;
  problems: string[] | null;
  measures: string[] | null;
  application: string | null;
  disclosure: string | null;
}

export type Comparator = 'GTE' | 'GT' | 'LTE' | 'LT' | 'EQ' | 'RANGE';
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/** A target reading set explicitly by the planner (setIndicatorTarget's `structured`). */
export interface StructuredTarget {
  comparator: Comparator;
  value: Decimal;
  upper: Decimal | null;
  unit: string | null;
  direction: Direction | null;
}

export type Role = 'PLANNER' | 'REVIEWER' | 'EVALUATOR' | 'ANALYST' | 'ADMIN';
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departments: { id: string; name: string; shortName: string | null }[];
}

/** A user as the 用户管理 page reads it. */
export interface AdminUser extends User {
  active: boolean;
  createdAt: string;
}

export type PlanStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'EVALUATING' | 'CLOSED';
export type PlanAction = 'EDIT_DRAFT' | 'ADJUST_TARGET' | 'EVALUATE' | 'SUBMIT' | 'RETURN' | 'APPROVE' | 'START_EVALUATION' | 'CLOSE' | 'IMPORT' | 'DELETE';

export interface AuditEntry {
  id: string;
  at: string;
  userName: string;
  objectType: string;
  objectId: string;
  field: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}
