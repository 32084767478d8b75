/**
 * Every GraphQL document the client sends. Each object carries its `id`, so every mutation payload
 * updates the normalised cache and the view follows. The client computes nothing: gaps, scores,
 * totals, rates and grades come from the server only.

 */
import { gql } from '@apollo/client';

export const USER_ERROR = gql`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`;

/** The plan's status, what the user may now do, and its version: every workflow step returns them; so does
 * every edit, since any change inside a plan moves the plan's version. */
const PLAN_STATE = gql`
  fragment PlanState on Plan {
    id
    version
    status
    allowedActions
  }
`;

export const STAGE_AMOUNTS = gql`
  fragment StageAmountsFields on StageAmounts {
    initial
    adjustment
    fullYear
    actual
    carryover
    statedExecutionRate
  }
`;

export const BUDGET_LINE = gql`
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
  ${STAGE_AMOUNTS}
`;

export const INDICATOR_VALUE = gql`
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
`;

export const GAP = gql`
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
`;

export const INDICATOR = gql`
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
  ${INDICATOR_VALUE}
  ${GAP}
`;

export const ROLLUP = gql`
  fragment RollupFields on Rollup {
    count
    scoredCount
    weightTotal
    suggestedScoreTotal
    scoreTotal
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
`;

export const CHECK = gql`
  fragment CheckFields on CheckWarning {
    code
    path
    indicatorId
    lineItemId
    stage
    expected
    found
    difference
    message
  }
`;

const LINE_ITEM_OWN = gql`
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
  ${STAGE_AMOUNTS}
  ${ROLLUP}
  ${INDICATOR}
`;

/** 专项 → 子项 → (rare) third level. */
export const LINE_ITEM = gql`
  fragment LineItemFields on LineItem {
    ...LineItemOwnFields
    children {
      ...LineItemOwnFields
      children {
        ...LineItemOwnFields
      }
    }
  }
  ${LINE_ITEM_OWN}
`;

export const KEY_TASK = gql`
  fragment KeyTaskFields on KeyTask {
    id
    version
    item
    owner
    goal
    position
  }
`;

/** The plan-level figures every indicator change can move. */
export const PLAN_FIGURES = gql`
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
  ${ROLLUP}
  ${CHECK}
`;

export const DEPARTMENTS = gql`
  query Departments($filter: DepartmentFilter, $first: Int!, $after: String) {
    departments(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        shortName
        region
        code
        plans {
          id
          year
          status
        }
      }
    }
  }
`;

export const DEPARTMENT = gql`
  query Department($id: ID!) {
    department(id: $id) {
      id
      name
      shortName
      region
      code
      plans {
        id
        year
        status
        documentKind
        updatedAt
      }
    }
  }
`;

export const CREATE_DEPARTMENT = gql`
  mutation CreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      department {
        id
        name
        shortName
        region
        code
        plans {
          id
          year
          status
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

export const CREATE_PLAN = gql`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      plan {
        id
        year
        status
        department {
          id
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

export const DELETE_PLAN = gql`
  mutation DeletePlan($id: ID!) {
    deletePlan(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

/** 部门基本情况 and 年度整体绩效目标: the plan's own fields that updatePlan writes. */
export const PLAN_PROFILE = gql`
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
`;

/** The narrative of the 自评表 that updateEvaluation writes. */
export const EVALUATION_NARRATIVE = gql`
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
`;

export const PLAN = gql`
  query Plan($id: ID!) {
    plan(id: $id) {
      id
      version
      year
      status
      allowedActions
      documentKind
      statedDepartmentName
      statedRegion
      ...PlanProfile
      sectionWeights {
        level1
        weight
      }
      department {
        id
        name
        shortName
        region
      }
      budget {
        lines {
          ...BudgetLineFields
        }
      }
      keyTasks {
        ...KeyTaskFields
      }
      indicators {
        ...IndicatorFields
      }
      lineItems {
        ...LineItemFields
      }
      evaluation {
        ...EvaluationNarrative
        totalScore
        grade
        maxScore
      }
      ...PlanFigures
    }
  }
  ${PLAN_PROFILE}
  ${EVALUATION_NARRATIVE}
  ${BUDGET_LINE}
  ${KEY_TASK}
  ${INDICATOR}
  ${LINE_ITEM}
  ${PLAN_FIGURES}
`;

export const UPDATE_PLAN = gql`
  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!, $expectedVersion: Int) {
    updatePlan(id: $id, input: $input, expectedVersion: $expectedVersion) {
      plan {
        ...PlanState
        ...PlanProfile
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${PLAN_STATE}
  ${PLAN_PROFILE}
  ${USER_ERROR}
`;

/** Removes a budget row (it becomes "not stated"), e.g. a 基本支出明细 row; a stale version → CONFLICT, nothing removed. */
export const REMOVE_BUDGET_LINE = gql`
  mutation RemoveBudgetLine($id: ID!, $expectedVersion: Int) {
    removeBudgetLine(id: $id, expectedVersion: $expectedVersion) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

/** The plan's section weights (all sections), or null for the defaults; the roll-up follows. */
export const SET_SECTION_WEIGHTS = gql`
  mutation SetSectionWeights($planId: ID!, $weights: [SectionWeightInput!], $expectedVersion: Int) {
    setSectionWeights(planId: $planId, weights: $weights, expectedVersion: $expectedVersion) {
      plan {
        ...PlanFigures
        sectionWeights {
          level1
          weight
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${PLAN_FIGURES}
  ${USER_ERROR}
`;

/** The narrative of the 自评表; creates the evaluation on the first save. */
export const UPDATE_EVALUATION = gql`
  mutation UpdateEvaluation($input: UpdateEvaluationInput!, $expectedVersion: Int) {
    updateEvaluation(input: $input, expectedVersion: $expectedVersion) {
      evaluation {
        ...EvaluationNarrative
        totalScore
        grade
        maxScore
        # Links a just-created evaluation to its plan in the cache (Plan.evaluation), so the page shows
        # it without re-reading the plan; the fields above are all the plan query reads of it.
        plan {
          ...PlanState
          evaluation {
            id
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${EVALUATION_NARRATIVE}
  ${PLAN_STATE}
  ${USER_ERROR}
`;

export const SET_BUDGET_LINE = gql`
  mutation SetBudgetLine($input: SetBudgetLineInput!, $expectedVersion: Int) {
    setBudgetLine(input: $input, expectedVersion: $expectedVersion) {
      budgetLine {
        ...BudgetLineFields
        plan {
          ...PlanState
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${BUDGET_LINE}
  ${PLAN_STATE}
  ${USER_ERROR}
`;

export const ADD_KEY_TASK = gql`
  mutation AddKeyTask($planId: ID!, $input: KeyTaskInput!) {
    addKeyTask(planId: $planId, input: $input) {
      keyTask {
        ...KeyTaskFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${KEY_TASK}
  ${USER_ERROR}
`;

export const UPDATE_KEY_TASK = gql`
  mutation UpdateKeyTask($id: ID!, $input: KeyTaskInput!, $expectedVersion: Int) {
    updateKeyTask(id: $id, input: $input, expectedVersion: $expectedVersion) {
      keyTask {
        ...KeyTaskFields
        plan {
          ...PlanState
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${KEY_TASK}
  ${PLAN_STATE}
  ${USER_ERROR}
`;

export const MOVE_KEY_TASK = gql`
  mutation MoveKeyTask($id: ID!, $position: Int!) {
    moveKeyTask(id: $id, position: $position) {
      keyTask {
        ...KeyTaskFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${KEY_TASK}
  ${USER_ERROR}
`;

export const DELETE_KEY_TASK = gql`
  mutation DeleteKeyTask($id: ID!) {
    deleteKeyTask(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

export const ADD_INDICATOR = gql`
  mutation AddIndicator($input: AddIndicatorInput!) {
    addIndicator(input: $input) {
      indicator {
        ...IndicatorFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${INDICATOR}
  ${USER_ERROR}
`;

export const UPDATE_INDICATOR = gql`
  mutation UpdateIndicator($id: ID!, $fields: IndicatorInput!, $expectedVersion: Int) {
    updateIndicator(id: $id, fields: $fields, expectedVersion: $expectedVersion) {
      indicator {
        ...IndicatorFields
        plan {
          ...PlanState
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${INDICATOR}
  ${PLAN_STATE}
  ${USER_ERROR}
`;

export const MOVE_INDICATOR = gql`
  mutation MoveIndicator($input: MoveIndicatorInput!) {
    moveIndicator(input: $input) {
      indicator {
        id
        position
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

export const DELETE_INDICATOR = gql`
  mutation DeleteIndicator($id: ID!) {
    deleteIndicator(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

const INDICATOR_CHANGE = gql`
  fragment IndicatorChangeFields on IndicatorChangePayload {
    indicator {
      ...IndicatorFields
    }
    plan {
      ...PlanFigures
    }
    userErrors {
      ...UserErrorFields
    }
  }
  ${INDICATOR}
  ${PLAN_FIGURES}
  ${USER_ERROR}
`;

export const SET_INDICATOR_TARGET = gql`
  mutation SetIndicatorTarget($id: ID!, $target: String, $structured: StructuredTargetInput, $reason: String, $expectedVersion: Int) {
    setIndicatorTarget(id: $id, target: $target, structured: $structured, reason: $reason, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
  ${INDICATOR_CHANGE}
`;

export const RECORD_INDICATOR_ACTUAL = gql`
  mutation RecordIndicatorActual($id: ID!, $actual: String, $expectedVersion: Int) {
    recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
  ${INDICATOR_CHANGE}
`;

export const SCORE_INDICATOR = gql`
  mutation ScoreIndicator($id: ID!, $score: Decimal, $reason: String, $expectedVersion: Int) {
    scoreIndicator(id: $id, score: $score, reason: $reason, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
  ${INDICATOR_CHANGE}
`;

export const SET_INDICATOR_WEIGHT = gql`
  mutation SetIndicatorWeight($id: ID!, $weight: Decimal, $expectedVersion: Int) {
    setIndicatorWeight(id: $id, weight: $weight, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
  ${INDICATOR_CHANGE}
`;

export const PARSE_INDICATOR_VALUE = gql`
  query ParseIndicatorValue($text: String!, $level1: Level1, $level2: Level2, $name: String, $role: ValueRole) {
    parseIndicatorValue(text: $text, level1: $level1, level2: $level2, name: $name, role: $role) {
      ...IndicatorValueFields
    }
  }
  ${INDICATOR_VALUE}
`;

export const ADD_LINE_ITEM = gql`
  mutation AddLineItem($input: AddLineItemInput!) {
    addLineItem(input: $input) {
      lineItem {
        ...LineItemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${LINE_ITEM}
  ${USER_ERROR}
`;

export const UPDATE_LINE_ITEM = gql`
  mutation UpdateLineItem($id: ID!, $fields: LineItemInput!, $expectedVersion: Int) {
    updateLineItem(id: $id, fields: $fields, expectedVersion: $expectedVersion) {
      lineItem {
        id
        version
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
        plan {
          ...PlanState
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${STAGE_AMOUNTS}
  ${ROLLUP}
  ${PLAN_STATE}
  ${USER_ERROR}
`;

export const RECORD_SPENDING = gql`
  mutation RecordSpending($input: RecordSpendingInput!) {
    recordSpending(input: $input) {
      plan {
        ...PlanFigures
      }
      lineItem {
        id
        version
        amounts {
          ...StageAmountsFields
        }
        rollup {
          ...RollupFields
        }
      }
      budgetLine {
        ...BudgetLineFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${PLAN_FIGURES}
  ${STAGE_AMOUNTS}
  ${ROLLUP}
  ${BUDGET_LINE}
  ${USER_ERROR}
`;

export const MOVE_LINE_ITEM = gql`
  mutation MoveLineItem($id: ID!, $parentId: ID, $position: Int!) {
    moveLineItem(id: $id, parentId: $parentId, position: $position) {
      lineItem {
        id
        position
        parentId
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

export const DELETE_LINE_ITEM = gql`
  mutation DeleteLineItem($id: ID!) {
    deleteLineItem(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;

export const USER = gql`
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
`;

/** Who is signed in (null when nobody is): asked once on load. */
export const ME = gql`
  query Me {
    me {
      ...UserFields
    }
  }
  ${USER}
`;

/** Sets the HttpOnly session cookie; the browser needs nothing else. */
export const SIGN_IN = gql`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      user {
        ...UserFields
      }
      expiresAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER}
  ${USER_ERROR}
`;

export const SIGN_OUT = gql`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`;


const WORKFLOW_PAYLOAD = gql`
  fragment WorkflowPayload on PlanPayload {
    plan {
      ...PlanState
    }
    userErrors {
      ...UserErrorFields
    }
  }
  ${PLAN_STATE}
  ${USER_ERROR}
`;

export const SUBMIT_PLAN = gql`
  mutation SubmitPlan($id: ID!, $expectedVersion: Int) {
    submitPlan(id: $id, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
  ${WORKFLOW_PAYLOAD}
`;

export const RETURN_PLAN = gql`
  mutation ReturnPlan($id: ID!, $reason: String!, $expectedVersion: Int) {
    returnPlan(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
  ${WORKFLOW_PAYLOAD}
`;

export const APPROVE_PLAN = gql`
  mutation ApprovePlan($id: ID!, $expectedVersion: Int) {
    approvePlan(id: $id, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
  ${WORKFLOW_PAYLOAD}
`;

export const START_EVALUATION = gql`
  mutation StartEvaluation($id: ID!, $expectedVersion: Int) {
    startEvaluation(id: $id, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
  ${WORKFLOW_PAYLOAD}
`;

export const CLOSE_PLAN = gql`
  mutation ClosePlan($id: ID!, $expectedVersion: Int) {
    closePlan(id: $id, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
  ${WORKFLOW_PAYLOAD}
`;

/** One cell's (or one object's) history, newest first; before/after are JSON strings. */
export const AUDIT_LOG = gql`
  query AuditLog($planId: ID!, $objectType: String, $objectId: ID, $field: String, $first: Int, $after: String) {
    auditLog(planId: $planId, objectType: $objectType, objectId: $objectId, field: $field, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        at
        userName
        objectType
        objectId
        field
        before
        after
        reason
      }
    }
  }
`;

/** A user as the 用户管理 page shows it: the account, its departments and whether it may sign in. */
export const ADMIN_USER = gql`
  fragment AdminUserFields on User {
    ...UserFields
    active
    createdAt
  }
  ${USER}
`;

/** 用户管理 (administrators): every account, by sign-in name. */
export const USERS = gql`
  query Users($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...AdminUserFields
      }
    }
  }
  ${ADMIN_USER}
`;

/** The departments a user can be put in charge of (id and names only). */
export const DEPARTMENT_OPTIONS = gql`
  query DepartmentOptions($first: Int!) {
    departments(first: $first) {
      nodes {
        id
        name
        shortName
      }
    }
  }
`;

export const CREATE_USER = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...AdminUserFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${ADMIN_USER}
  ${USER_ERROR}
`;

/** Deactivating a user or resetting the password ends that user's sessions (server side). */
export const UPDATE_USER = gql`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      user {
        ...AdminUserFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${ADMIN_USER}
  ${USER_ERROR}
`;

/** The signed-in user's own password; the server ends this user's other sessions. */
export const CHANGE_PASSWORD = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
  ${USER_ERROR}
`;
