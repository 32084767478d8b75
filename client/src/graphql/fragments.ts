/** The fragments several features share; each is written once and found by name (see ./index.ts). */
import { graphql } from './index';
import type {
  BudgetLineFieldsFragment,
  CheckFieldsFragment,
  EvaluationNarrativeFragment,
  GapFieldsFragment,
  IndicatorFieldsFragment,
  IndicatorValueFieldsFragment,
  KeyTaskFieldsFragment,
  LineItemOwnFieldsFragment,
  PlanProfileFragment,
  RollupFieldsFragment,
  StageAmountsFieldsFragment,
  UserErrorFieldsFragment,
  UserFieldsFragment,
} from './generated/graphql';

// Short names for the generated shapes the components pass around (all generated, none hand-written).
export type { Comparator, Direction, GapStatus, Level1, PlanAction, PlanStatus, Role, StructuredTargetInput as StructuredTarget } from './generated/graphql';
export type UserError = UserErrorFieldsFragment;
export type StageAmounts = StageAmountsFieldsFragment;
/** A stage of the budget amounts (initial … carryover). */
export type Stage = Exclude<keyof StageAmounts, 'statedExecutionRate'>;
export type BudgetLine = BudgetLineFieldsFragment;
export type IndicatorValue = IndicatorValueFieldsFragment;
export type Gap = GapFieldsFragment;
export type Indicator = IndicatorFieldsFragment;
export type Rollup = RollupFieldsFragment;
export type SectionRollup = Rollup['sections'][number];
export type CheckWarning = CheckFieldsFragment;
/** A 专项 or 子项 with its children (LineItemFields reads three levels). */
export type LineItem = LineItemOwnFieldsFragment & { children?: LineItem[] | null };
export type KeyTask = KeyTaskFieldsFragment;
export type PlanProfile = PlanProfileFragment;
export type Staffing = NonNullable<PlanProfile['staff']>;
export type EvaluationNarrative = EvaluationNarrativeFragment;
export type Evaluator = NonNullable<EvaluationNarrative['evaluators']>[number];
export type SatisfactionSurvey = NonNullable<EvaluationNarrative['satisfaction']>;
export type User = UserFieldsFragment;

export const USER_ERROR = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

/** The plan's status, what the user may now do, and its version: every workflow step returns them; so does
 * every edit, since any change inside a plan moves the plan's version. */
export const PLAN_STATE = graphql(`
  fragment PlanState on Plan {
    id
    version
    status
    allowedActions
  }
`);

export const STAGE_AMOUNTS = graphql(`
  fragment StageAmountsFields on StageAmounts {
    initial
    adjustment
    fullYear
    actual
    carryover
    statedExecutionRate
  }
`);

export const BUDGET_LINE = graphql(`
  fragment BudgetLineFields on BudgetLine {
    id
    version
    category
    name
    position
    amounts {
      ...StageAmountsFields
    }
  }
`);

export const INDICATOR_VALUE = graphql(`
  fragment IndicatorValueFields on IndicatorValue {
    raw
    kind
    comparator
    value
    upper
    unit
    approximate
    direction
    display
    confidence
    explanation
    explicit
    boolean
    grade
    hints {
      display
      comparator
      value
      upper
      unit
      approximate
    }
    splitSuggested
  }
`);

export const GAP = graphql(`
  fragment GapFields on Gap {
    status
    difference
    differenceUnit
    favourable
    completion
    completionPercent
    suggestedScore
    evaluatorScore
    effectiveScore
    scoreSource
    scoringMethod
    explanation
    warnings {
      code
      message
    }
  }
`);

export const INDICATOR = graphql(`
  fragment IndicatorFields on Indicator {
    id
    version
    planId
    lineItemId
    position
    level1
    level1Label
    level2
    level2Label
    name
    targetText
    actualText
    weight
    score
    deduction
    deviationReason
    scoreUnconfirmed
    remark
    evidence
    unknownLevelLabels
    target {
      ...IndicatorValueFields
    }
    actual {
      ...IndicatorValueFields
    }
    gap {
      ...GapFields
    }
  }
`);

export const ROLLUP = graphql(`
  fragment RollupFields on Rollup {
    count
    scoredCount
    weightTotal
    suggestedScoreTotal
    scoreTotal
    computedTotal
    scoredWeight
    gradeProvisional
    gradeExplanation
    pendingCount
    statusCounts {
      status
      count
    }
    sections {
      level1
      label
      count
      indicatorWeight
      sectionWeight
      score
      suggestedScore
    }
    executionRate
    executionRatePercent
    grade
    gradeLabel
    warnings {
      code
      level1
      message
    }
  }
`);

export const CHECK = graphql(`
  fragment CheckFields on CheckWarning {
    code
    stage
    location {
      part
      figure
      stage
      budgetCategory
      budgetLineId
      lineItemId
      indicatorId
      section
    }
    expected
    found
    difference
    message
  }
`);

export const LINE_ITEM_OWN = graphql(`
  fragment LineItemOwnFields on LineItem {
    id
    version
    planId
    parentId
    position
    name
    kind
    period
    use
    periodGoal
    annualGoal
    amounts {
      ...StageAmountsFields
    }
    rollup {
      ...RollupFields
    }
    indicators {
      ...IndicatorFields
    }
  }
`);

/** 专项 → 子项 → (rare) third level. */
export const LINE_ITEM = graphql(`
  fragment LineItemFields on LineItem {
    ...LineItemOwnFields
    children {
      ...LineItemOwnFields
      children {
        ...LineItemOwnFields
      }
    }
  }
`);

export const KEY_TASK = graphql(`
  fragment KeyTaskFields on KeyTask {
    id
    version
    item
    owner
    goal
    position
  }
`);

/** The plan-level figures every indicator change can move. */
export const PLAN_FIGURES = graphql(`
  fragment PlanFigures on Plan {
    id
    version
    status
    allowedActions
    rollup {
      ...RollupFields
    }
    checks {
      ...CheckFields
    }
  }
`);

/** 部门基本情况 and 年度整体绩效目标: the plan's own fields that updatePlan writes. */
export const PLAN_PROFILE = graphql(`
  fragment PlanProfile on Plan {
    id
    overallGoals
    functions
    internalUnits
    subUnits
    fixedAssets
    staff {
      authorized
      actual
      retired
    }
  }
`);

/** The narrative of the 自评表 that updateEvaluation writes. */
export const EVALUATION_NARRATIVE = graphql(`
  fragment EvaluationNarrative on Evaluation {
    id
    version
    evaluators {
      name
      title
      unit
    }
    satisfaction {
      satisfied
      basicallySatisfied
      dissatisfied
    }
    problems
    measures
    application
    disclosure
  }
`);

export const USER = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    role
    departments {
      id
      name
      shortName
    }
  }
`);

/** An object's version as the page shows it (the cache): what the next write expects (app/mutate.ts). */
export const VERSIONS = {
  Plan: graphql(`
    fragment PlanVersion on Plan {
      version
    }
  `),
  Indicator: graphql(`
    fragment IndicatorVersion on Indicator {
      version
    }
  `),
  LineItem: graphql(`
    fragment LineItemVersion on LineItem {
      version
    }
  `),
  KeyTask: graphql(`
    fragment KeyTaskVersion on KeyTask {
      version
    }
  `),
  BudgetLine: graphql(`
    fragment BudgetLineVersion on BudgetLine {
      version
    }
  `),
  Evaluation: graphql(`
    fragment EvaluationVersion on Evaluation {
      version
    }
  `),
};
