/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      user {\n        ...UserFields\n      }\n      expiresAt\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query DashboardYears {\n    planStats(groupBy: [YEAR]) {\n      year\n      planCount\n    }\n  }\n": typeof types.DashboardYearsDocument,
    "\n  query DashboardStats($year: Int!) {\n    planStats(filter: { years: [$year] }, groupBy: [DEPARTMENT]) {\n      departmentId\n      department {\n        id\n        name\n        shortName\n      }\n      planCount\n      scoredPlanCount\n      averageScore\n      executionRatePercent\n      gradeCounts {\n        grade\n        label\n        count\n      }\n    }\n  }\n": typeof types.DashboardStatsDocument,
    "\n  query DashboardPlans($year: Int!) {\n    plans(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        department {\n          id\n          name\n          shortName\n        }\n        rollup {\n          computedTotal\n          gradeLabel\n          executionRatePercent\n        }\n      }\n    }\n  }\n": typeof types.DashboardPlansDocument,
    "\n  query Departments($filter: DepartmentFilter, $first: Int!, $after: String) {\n    departments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n    }\n  }\n": typeof types.DepartmentsDocument,
    "\n  query Department($id: ID!) {\n    department(id: $id) {\n      id\n      name\n      shortName\n      region\n      code\n      plans {\n        id\n        year\n        status\n        documentKind\n        updatedAt\n      }\n    }\n  }\n": typeof types.DepartmentDocument,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      department {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      plan {\n        id\n        year\n        status\n        department {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreatePlanDocument,
    "\n  mutation SetSectionWeights($planId: ID!, $weights: [SectionWeightInput!], $expectedVersion: Int) {\n    setSectionWeights(planId: $planId, weights: $weights, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanFigures\n        sectionWeights {\n          level1\n          weight\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetSectionWeightsDocument,
    "\n  mutation UpdateEvaluation($input: UpdateEvaluationInput!, $expectedVersion: Int) {\n    updateEvaluation(input: $input, expectedVersion: $expectedVersion) {\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n        # Links a just-created evaluation to its plan in the cache (Plan.evaluation), so the page shows\n        # it without re-reading the plan; the fields above are all the plan query reads of it.\n        plan {\n          ...PlanState\n          evaluation {\n            id\n          }\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateEvaluationDocument,
    "\n  fragment PlanSectionWeights on Plan {\n    sectionWeights {\n      level1\n      weight\n    }\n  }\n": typeof types.PlanSectionWeightsFragmentDoc,
    "\n  fragment PlanEvaluationNarrative on Plan {\n    evaluation {\n      ...EvaluationNarrative\n    }\n  }\n": typeof types.PlanEvaluationNarrativeFragmentDoc,
    "\n  query PlanDerivedFigures($id: ID!) {\n    plan(id: $id) {\n      id\n      derivedFigures {\n        budgetAdjustmentRate {\n          value\n          explanation\n        }\n        carryOverRate {\n          value\n          explanation\n        }\n        staffControlRate {\n          value\n          explanation\n        }\n        threePublicChangeRate {\n          value\n          explanation\n        }\n      }\n    }\n  }\n": typeof types.PlanDerivedFiguresDocument,
    "\n  mutation SetBudgetLine($input: SetBudgetLineInput!, $expectedVersion: Int) {\n    setBudgetLine(input: $input, expectedVersion: $expectedVersion) {\n      budgetLine {\n        ...BudgetLineFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetBudgetLineDocument,
    "\n  mutation RemoveBudgetLine($id: ID!, $expectedVersion: Int) {\n    removeBudgetLine(id: $id, expectedVersion: $expectedVersion) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RemoveBudgetLineDocument,
    "\n  mutation RecordSpending($input: RecordSpendingInput!) {\n    recordSpending(input: $input) {\n      plan {\n        ...PlanFigures\n      }\n      lineItem {\n        id\n        version\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n      }\n      budgetLine {\n        ...BudgetLineFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RecordSpendingDocument,
    "\n  fragment IndicatorChangeFields on IndicatorChangePayload {\n    indicator {\n      ...IndicatorFields\n    }\n    plan {\n      ...PlanFigures\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": typeof types.IndicatorChangeFieldsFragmentDoc,
    "\n  mutation AddIndicator($input: AddIndicatorInput!) {\n    addIndicator(input: $input) {\n      indicator {\n        ...IndicatorFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AddIndicatorDocument,
    "\n  mutation UpdateIndicator($id: ID!, $fields: IndicatorInput!, $expectedVersion: Int) {\n    updateIndicator(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      indicator {\n        ...IndicatorFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateIndicatorDocument,
    "\n  mutation MoveIndicator($input: MoveIndicatorInput!) {\n    moveIndicator(input: $input) {\n      indicator {\n        id\n        position\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.MoveIndicatorDocument,
    "\n  mutation DeleteIndicator($id: ID!) {\n    deleteIndicator(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteIndicatorDocument,
    "\n  mutation SetIndicatorTarget($id: ID!, $target: String, $structured: StructuredTargetInput, $reason: String, $expectedVersion: Int) {\n    setIndicatorTarget(id: $id, target: $target, structured: $structured, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": typeof types.SetIndicatorTargetDocument,
    "\n  mutation RecordIndicatorActual($id: ID!, $actual: String, $expectedVersion: Int) {\n    recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": typeof types.RecordIndicatorActualDocument,
    "\n  mutation ScoreIndicator($id: ID!, $score: Decimal, $reason: String, $expectedVersion: Int) {\n    scoreIndicator(id: $id, score: $score, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": typeof types.ScoreIndicatorDocument,
    "\n  mutation SetIndicatorDeviationReason($id: ID!, $reason: String, $expectedVersion: Int) {\n    setIndicatorDeviationReason(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": typeof types.SetIndicatorDeviationReasonDocument,
    "\n  mutation SetIndicatorWeight($id: ID!, $weight: Decimal, $expectedVersion: Int) {\n    setIndicatorWeight(id: $id, weight: $weight, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": typeof types.SetIndicatorWeightDocument,
    "\n  query ParseIndicatorValue($text: String!, $level1: Level1, $level2: Level2, $name: String, $role: ValueRole) {\n    parseIndicatorValue(text: $text, level1: $level1, level2: $level2, name: $name, role: $role) {\n      ...IndicatorValueFields\n    }\n  }\n": typeof types.ParseIndicatorValueDocument,
    "\n  fragment IndicatorScoreFields on Indicator {\n    score\n    deduction\n  }\n": typeof types.IndicatorScoreFieldsFragmentDoc,
    "\n  fragment IndicatorTargetText on Indicator {\n    targetText\n  }\n": typeof types.IndicatorTargetTextFragmentDoc,
    "\n  mutation AddKeyTask($planId: ID!, $input: KeyTaskInput!) {\n    addKeyTask(planId: $planId, input: $input) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AddKeyTaskDocument,
    "\n  mutation UpdateKeyTask($id: ID!, $input: KeyTaskInput!, $expectedVersion: Int) {\n    updateKeyTask(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      keyTask {\n        ...KeyTaskFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateKeyTaskDocument,
    "\n  mutation MoveKeyTask($id: ID!, $position: Int!) {\n    moveKeyTask(id: $id, position: $position) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.MoveKeyTaskDocument,
    "\n  mutation DeleteKeyTask($id: ID!) {\n    deleteKeyTask(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteKeyTaskDocument,
    "\n  mutation AddLineItem($input: AddLineItemInput!) {\n    addLineItem(input: $input) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AddLineItemDocument,
    "\n  mutation UpdateLineItem($id: ID!, $fields: LineItemInput!, $expectedVersion: Int) {\n    updateLineItem(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      lineItem {\n        id\n        version\n        name\n        kind\n        period\n        use\n        periodGoal\n        annualGoal\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateLineItemDocument,
    "\n  mutation MoveLineItem($id: ID!, $parentId: ID, $position: Int!) {\n    moveLineItem(id: $id, parentId: $parentId, position: $position) {\n      lineItem {\n        id\n        position\n        parentId\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.MoveLineItemDocument,
    "\n  mutation DeleteLineItem($id: ID!) {\n    deleteLineItem(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteLineItemDocument,
    "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      year\n      status\n      allowedActions\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n      documentKind\n      statedDepartmentName\n      statedRegion\n      ...PlanProfile\n      sectionWeights {\n        level1\n        weight\n      }\n      department {\n        id\n        name\n        shortName\n        region\n      }\n      budget {\n        lines {\n          ...BudgetLineFields\n        }\n      }\n      keyTasks {\n        ...KeyTaskFields\n      }\n      indicators {\n        ...IndicatorFields\n      }\n      lineItems {\n        ...LineItemFields\n      }\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n      }\n      ...PlanFigures\n    }\n  }\n": typeof types.PlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!, $expectedVersion: Int) {\n    updatePlan(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanState\n        ...PlanProfile\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdatePlanDocument,
    "\n  mutation DeletePlan($id: ID!) {\n    deletePlan(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeletePlanDocument,
    "\n  fragment WorkflowPayload on PlanPayload {\n    plan {\n      ...PlanState\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": typeof types.WorkflowPayloadFragmentDoc,
    "\n  mutation SubmitPlan($id: ID!, $expectedVersion: Int) {\n    submitPlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n": typeof types.SubmitPlanDocument,
    "\n  mutation ReturnPlan($id: ID!, $reason: String!, $expectedVersion: Int) {\n    returnPlan(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n": typeof types.ReturnPlanDocument,
    "\n  mutation ApprovePlan($id: ID!, $expectedVersion: Int, $opinion: String) {\n    approvePlan(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n": typeof types.ApprovePlanDocument,
    "\n  mutation StartEvaluation($id: ID!, $expectedVersion: Int, $opinion: String) {\n    startEvaluation(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n": typeof types.StartEvaluationDocument,
    "\n  mutation ClosePlan($id: ID!, $expectedVersion: Int) {\n    closePlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n": typeof types.ClosePlanDocument,
    "\n  query AuditLog($planId: ID!, $objectType: String, $objectId: ID, $field: String, $first: Int, $after: String) {\n    auditLog(planId: $planId, objectType: $objectType, objectId: $objectId, field: $field, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        userName\n        objectType\n        objectId\n        field\n        before\n        after\n        reason\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query PreviewPlanWorkbook($planId: ID!, $file: String!) {\n    previewPlanWorkbook(planId: $planId, file: $file) {\n      plan {\n        id\n        version\n        status\n      }\n      canImport\n      changes {\n        kind\n        subject\n        location\n        name\n        field\n        before\n        after\n        reading\n        sheet\n        row\n      }\n      problems {\n        sheet\n        row\n        column\n        message\n        code\n      }\n      warnings\n      notices\n    }\n  }\n": typeof types.PreviewPlanWorkbookDocument,
    "\n  mutation ImportPlanWorkbook($planId: ID!, $file: String!, $expectedVersion: Int, $reason: String) {\n    importPlanWorkbook(planId: $planId, file: $file, expectedVersion: $expectedVersion, reason: $reason) {\n      plan {\n        id\n        version\n        status\n      }\n      preview {\n        canImport\n        problems {\n          sheet\n          row\n          column\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ImportPlanWorkbookDocument,
    "\n  fragment AdminUserFields on User {\n    ...UserFields\n    active\n    createdAt\n  }\n": typeof types.AdminUserFieldsFragmentDoc,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query DepartmentOptions($first: Int!) {\n    departments(first: $first) {\n      nodes {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": typeof types.DepartmentOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  fragment PlanState on Plan {\n    id\n    version\n    status\n    allowedActions\n  }\n": typeof types.PlanStateFragmentDoc,
    "\n  fragment StageAmountsFields on StageAmounts {\n    initial\n    adjustment\n    fullYear\n    actual\n    carryover\n    statedExecutionRate\n  }\n": typeof types.StageAmountsFieldsFragmentDoc,
    "\n  fragment BudgetLineFields on BudgetLine {\n    id\n    version\n    category\n    name\n    position\n    amounts {\n      ...StageAmountsFields\n    }\n  }\n": typeof types.BudgetLineFieldsFragmentDoc,
    "\n  fragment IndicatorValueFields on IndicatorValue {\n    raw\n    kind\n    comparator\n    value\n    upper\n    unit\n    approximate\n    direction\n    display\n    confidence\n    explanation\n    explicit\n    boolean\n    grade\n    hints {\n      display\n      comparator\n      value\n      upper\n      unit\n      approximate\n    }\n    splitSuggested\n  }\n": typeof types.IndicatorValueFieldsFragmentDoc,
    "\n  fragment GapFields on Gap {\n    status\n    difference\n    differenceUnit\n    favourable\n    completion\n    completionPercent\n    suggestedScore\n    evaluatorScore\n    effectiveScore\n    scoreSource\n    scoringMethod\n    explanation\n    warnings {\n      code\n      message\n    }\n  }\n": typeof types.GapFieldsFragmentDoc,
    "\n  fragment IndicatorFields on Indicator {\n    id\n    version\n    planId\n    lineItemId\n    position\n    level1\n    level1Label\n    level2\n    level2Label\n    name\n    targetText\n    actualText\n    weight\n    score\n    deduction\n    deviationReason\n    scoreUnconfirmed\n    remark\n    evidence\n    unknownLevelLabels\n    target {\n      ...IndicatorValueFields\n    }\n    actual {\n      ...IndicatorValueFields\n    }\n    gap {\n      ...GapFields\n    }\n  }\n": typeof types.IndicatorFieldsFragmentDoc,
    "\n  fragment RollupFields on Rollup {\n    count\n    scoredCount\n    weightTotal\n    suggestedScoreTotal\n    scoreTotal\n    computedTotal\n    scoredWeight\n    gradeProvisional\n    gradeExplanation\n    pendingCount\n    statusCounts {\n      status\n      count\n    }\n    sections {\n      level1\n      label\n      count\n      indicatorWeight\n      sectionWeight\n      score\n      suggestedScore\n    }\n    executionRate\n    executionRatePercent\n    grade\n    gradeLabel\n    warnings {\n      code\n      level1\n      message\n    }\n  }\n": typeof types.RollupFieldsFragmentDoc,
    "\n  fragment CheckFields on CheckWarning {\n    code\n    stage\n    location {\n      part\n      figure\n      stage\n      budgetCategory\n      budgetLineId\n      lineItemId\n      indicatorId\n      section\n    }\n    expected\n    found\n    difference\n    message\n  }\n": typeof types.CheckFieldsFragmentDoc,
    "\n  fragment LineItemOwnFields on LineItem {\n    id\n    version\n    planId\n    parentId\n    position\n    name\n    kind\n    period\n    use\n    periodGoal\n    annualGoal\n    amounts {\n      ...StageAmountsFields\n    }\n    rollup {\n      ...RollupFields\n    }\n    indicators {\n      ...IndicatorFields\n    }\n  }\n": typeof types.LineItemOwnFieldsFragmentDoc,
    "\n  fragment LineItemFields on LineItem {\n    ...LineItemOwnFields\n    children {\n      ...LineItemOwnFields\n      children {\n        ...LineItemOwnFields\n      }\n    }\n  }\n": typeof types.LineItemFieldsFragmentDoc,
    "\n  fragment KeyTaskFields on KeyTask {\n    id\n    version\n    item\n    owner\n    goal\n    position\n  }\n": typeof types.KeyTaskFieldsFragmentDoc,
    "\n  fragment PlanFigures on Plan {\n    id\n    version\n    status\n    allowedActions\n    rollup {\n      ...RollupFields\n    }\n    checks {\n      ...CheckFields\n    }\n  }\n": typeof types.PlanFiguresFragmentDoc,
    "\n  fragment PlanProfile on Plan {\n    id\n    overallGoals\n    functions\n    internalUnits\n    subUnits\n    fixedAssets\n    staff {\n      authorized\n      actual\n      retired\n    }\n  }\n": typeof types.PlanProfileFragmentDoc,
    "\n  fragment EvaluationNarrative on Evaluation {\n    id\n    version\n    evaluators {\n      name\n      title\n      unit\n    }\n    satisfaction {\n      satisfied\n      basicallySatisfied\n      dissatisfied\n    }\n    problems\n    measures\n    application\n    disclosure\n  }\n": typeof types.EvaluationNarrativeFragmentDoc,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    role\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n    fragment PlanVersion on Plan {\n      version\n    }\n  ": typeof types.PlanVersionFragmentDoc,
    "\n    fragment IndicatorVersion on Indicator {\n      version\n    }\n  ": typeof types.IndicatorVersionFragmentDoc,
    "\n    fragment LineItemVersion on LineItem {\n      version\n    }\n  ": typeof types.LineItemVersionFragmentDoc,
    "\n    fragment KeyTaskVersion on KeyTask {\n      version\n    }\n  ": typeof types.KeyTaskVersionFragmentDoc,
    "\n    fragment BudgetLineVersion on BudgetLine {\n      version\n    }\n  ": typeof types.BudgetLineVersionFragmentDoc,
    "\n    fragment EvaluationVersion on Evaluation {\n      version\n    }\n  ": typeof types.EvaluationVersionFragmentDoc,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      user {\n        ...UserFields\n      }\n      expiresAt\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query DashboardYears {\n    planStats(groupBy: [YEAR]) {\n      year\n      planCount\n    }\n  }\n": types.DashboardYearsDocument,
    "\n  query DashboardStats($year: Int!) {\n    planStats(filter: { years: [$year] }, groupBy: [DEPARTMENT]) {\n      departmentId\n      department {\n        id\n        name\n        shortName\n      }\n      planCount\n      scoredPlanCount\n      averageScore\n      executionRatePercent\n      gradeCounts {\n        grade\n        label\n        count\n      }\n    }\n  }\n": types.DashboardStatsDocument,
    "\n  query DashboardPlans($year: Int!) {\n    plans(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        department {\n          id\n          name\n          shortName\n        }\n        rollup {\n          computedTotal\n          gradeLabel\n          executionRatePercent\n        }\n      }\n    }\n  }\n": types.DashboardPlansDocument,
    "\n  query Departments($filter: DepartmentFilter, $first: Int!, $after: String) {\n    departments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n    }\n  }\n": types.DepartmentsDocument,
    "\n  query Department($id: ID!) {\n    department(id: $id) {\n      id\n      name\n      shortName\n      region\n      code\n      plans {\n        id\n        year\n        status\n        documentKind\n        updatedAt\n      }\n    }\n  }\n": types.DepartmentDocument,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      department {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      plan {\n        id\n        year\n        status\n        department {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreatePlanDocument,
    "\n  mutation SetSectionWeights($planId: ID!, $weights: [SectionWeightInput!], $expectedVersion: Int) {\n    setSectionWeights(planId: $planId, weights: $weights, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanFigures\n        sectionWeights {\n          level1\n          weight\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetSectionWeightsDocument,
    "\n  mutation UpdateEvaluation($input: UpdateEvaluationInput!, $expectedVersion: Int) {\n    updateEvaluation(input: $input, expectedVersion: $expectedVersion) {\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n        # Links a just-created evaluation to its plan in the cache (Plan.evaluation), so the page shows\n        # it without re-reading the plan; the fields above are all the plan query reads of it.\n        plan {\n          ...PlanState\n          evaluation {\n            id\n          }\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateEvaluationDocument,
    "\n  fragment PlanSectionWeights on Plan {\n    sectionWeights {\n      level1\n      weight\n    }\n  }\n": types.PlanSectionWeightsFragmentDoc,
    "\n  fragment PlanEvaluationNarrative on Plan {\n    evaluation {\n      ...EvaluationNarrative\n    }\n  }\n": types.PlanEvaluationNarrativeFragmentDoc,
    "\n  query PlanDerivedFigures($id: ID!) {\n    plan(id: $id) {\n      id\n      derivedFigures {\n        budgetAdjustmentRate {\n          value\n          explanation\n        }\n        carryOverRate {\n          value\n          explanation\n        }\n        staffControlRate {\n          value\n          explanation\n        }\n        threePublicChangeRate {\n          value\n          explanation\n        }\n      }\n    }\n  }\n": types.PlanDerivedFiguresDocument,
    "\n  mutation SetBudgetLine($input: SetBudgetLineInput!, $expectedVersion: Int) {\n    setBudgetLine(input: $input, expectedVersion: $expectedVersion) {\n      budgetLine {\n        ...BudgetLineFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetBudgetLineDocument,
    "\n  mutation RemoveBudgetLine($id: ID!, $expectedVersion: Int) {\n    removeBudgetLine(id: $id, expectedVersion: $expectedVersion) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RemoveBudgetLineDocument,
    "\n  mutation RecordSpending($input: RecordSpendingInput!) {\n    recordSpending(input: $input) {\n      plan {\n        ...PlanFigures\n      }\n      lineItem {\n        id\n        version\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n      }\n      budgetLine {\n        ...BudgetLineFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RecordSpendingDocument,
    "\n  fragment IndicatorChangeFields on IndicatorChangePayload {\n    indicator {\n      ...IndicatorFields\n    }\n    plan {\n      ...PlanFigures\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": types.IndicatorChangeFieldsFragmentDoc,
    "\n  mutation AddIndicator($input: AddIndicatorInput!) {\n    addIndicator(input: $input) {\n      indicator {\n        ...IndicatorFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AddIndicatorDocument,
    "\n  mutation UpdateIndicator($id: ID!, $fields: IndicatorInput!, $expectedVersion: Int) {\n    updateIndicator(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      indicator {\n        ...IndicatorFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateIndicatorDocument,
    "\n  mutation MoveIndicator($input: MoveIndicatorInput!) {\n    moveIndicator(input: $input) {\n      indicator {\n        id\n        position\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.MoveIndicatorDocument,
    "\n  mutation DeleteIndicator($id: ID!) {\n    deleteIndicator(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteIndicatorDocument,
    "\n  mutation SetIndicatorTarget($id: ID!, $target: String, $structured: StructuredTargetInput, $reason: String, $expectedVersion: Int) {\n    setIndicatorTarget(id: $id, target: $target, structured: $structured, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": types.SetIndicatorTargetDocument,
    "\n  mutation RecordIndicatorActual($id: ID!, $actual: String, $expectedVersion: Int) {\n    recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": types.RecordIndicatorActualDocument,
    "\n  mutation ScoreIndicator($id: ID!, $score: Decimal, $reason: String, $expectedVersion: Int) {\n    scoreIndicator(id: $id, score: $score, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": types.ScoreIndicatorDocument,
    "\n  mutation SetIndicatorDeviationReason($id: ID!, $reason: String, $expectedVersion: Int) {\n    setIndicatorDeviationReason(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": types.SetIndicatorDeviationReasonDocument,
    "\n  mutation SetIndicatorWeight($id: ID!, $weight: Decimal, $expectedVersion: Int) {\n    setIndicatorWeight(id: $id, weight: $weight, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n": types.SetIndicatorWeightDocument,
    "\n  query ParseIndicatorValue($text: String!, $level1: Level1, $level2: Level2, $name: String, $role: ValueRole) {\n    parseIndicatorValue(text: $text, level1: $level1, level2: $level2, name: $name, role: $role) {\n      ...IndicatorValueFields\n    }\n  }\n": types.ParseIndicatorValueDocument,
    "\n  fragment IndicatorScoreFields on Indicator {\n    score\n    deduction\n  }\n": types.IndicatorScoreFieldsFragmentDoc,
    "\n  fragment IndicatorTargetText on Indicator {\n    targetText\n  }\n": types.IndicatorTargetTextFragmentDoc,
    "\n  mutation AddKeyTask($planId: ID!, $input: KeyTaskInput!) {\n    addKeyTask(planId: $planId, input: $input) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AddKeyTaskDocument,
    "\n  mutation UpdateKeyTask($id: ID!, $input: KeyTaskInput!, $expectedVersion: Int) {\n    updateKeyTask(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      keyTask {\n        ...KeyTaskFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateKeyTaskDocument,
    "\n  mutation MoveKeyTask($id: ID!, $position: Int!) {\n    moveKeyTask(id: $id, position: $position) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.MoveKeyTaskDocument,
    "\n  mutation DeleteKeyTask($id: ID!) {\n    deleteKeyTask(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteKeyTaskDocument,
    "\n  mutation AddLineItem($input: AddLineItemInput!) {\n    addLineItem(input: $input) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AddLineItemDocument,
    "\n  mutation UpdateLineItem($id: ID!, $fields: LineItemInput!, $expectedVersion: Int) {\n    updateLineItem(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      lineItem {\n        id\n        version\n        name\n        kind\n        period\n        use\n        periodGoal\n        annualGoal\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateLineItemDocument,
    "\n  mutation MoveLineItem($id: ID!, $parentId: ID, $position: Int!) {\n    moveLineItem(id: $id, parentId: $parentId, position: $position) {\n      lineItem {\n        id\n        position\n        parentId\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.MoveLineItemDocument,
    "\n  mutation DeleteLineItem($id: ID!) {\n    deleteLineItem(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteLineItemDocument,
    "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      year\n      status\n      allowedActions\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n      documentKind\n      statedDepartmentName\n      statedRegion\n      ...PlanProfile\n      sectionWeights {\n        level1\n        weight\n      }\n      department {\n        id\n        name\n        shortName\n        region\n      }\n      budget {\n        lines {\n          ...BudgetLineFields\n        }\n      }\n      keyTasks {\n        ...KeyTaskFields\n      }\n      indicators {\n        ...IndicatorFields\n      }\n      lineItems {\n        ...LineItemFields\n      }\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n      }\n      ...PlanFigures\n    }\n  }\n": types.PlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!, $expectedVersion: Int) {\n    updatePlan(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanState\n        ...PlanProfile\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdatePlanDocument,
    "\n  mutation DeletePlan($id: ID!) {\n    deletePlan(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeletePlanDocument,
    "\n  fragment WorkflowPayload on PlanPayload {\n    plan {\n      ...PlanState\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": types.WorkflowPayloadFragmentDoc,
    "\n  mutation SubmitPlan($id: ID!, $expectedVersion: Int) {\n    submitPlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n": types.SubmitPlanDocument,
    "\n  mutation ReturnPlan($id: ID!, $reason: String!, $expectedVersion: Int) {\n    returnPlan(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n": types.ReturnPlanDocument,
    "\n  mutation ApprovePlan($id: ID!, $expectedVersion: Int, $opinion: String) {\n    approvePlan(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n": types.ApprovePlanDocument,
    "\n  mutation StartEvaluation($id: ID!, $expectedVersion: Int, $opinion: String) {\n    startEvaluation(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n": types.StartEvaluationDocument,
    "\n  mutation ClosePlan($id: ID!, $expectedVersion: Int) {\n    closePlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n": types.ClosePlanDocument,
    "\n  query AuditLog($planId: ID!, $objectType: String, $objectId: ID, $field: String, $first: Int, $after: String) {\n    auditLog(planId: $planId, objectType: $objectType, objectId: $objectId, field: $field, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        userName\n        objectType\n        objectId\n        field\n        before\n        after\n        reason\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query PreviewPlanWorkbook($planId: ID!, $file: String!) {\n    previewPlanWorkbook(planId: $planId, file: $file) {\n      plan {\n        id\n        version\n        status\n      }\n      canImport\n      changes {\n        kind\n        subject\n        location\n        name\n        field\n        before\n        after\n        reading\n        sheet\n        row\n      }\n      problems {\n        sheet\n        row\n        column\n        message\n        code\n      }\n      warnings\n      notices\n    }\n  }\n": types.PreviewPlanWorkbookDocument,
    "\n  mutation ImportPlanWorkbook($planId: ID!, $file: String!, $expectedVersion: Int, $reason: String) {\n    importPlanWorkbook(planId: $planId, file: $file, expectedVersion: $expectedVersion, reason: $reason) {\n      plan {\n        id\n        version\n        status\n      }\n      preview {\n        canImport\n        problems {\n          sheet\n          row\n          column\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ImportPlanWorkbookDocument,
    "\n  fragment AdminUserFields on User {\n    ...UserFields\n    active\n    createdAt\n  }\n": types.AdminUserFieldsFragmentDoc,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query DepartmentOptions($first: Int!) {\n    departments(first: $first) {\n      nodes {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": types.DepartmentOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  fragment PlanState on Plan {\n    id\n    version\n    status\n    allowedActions\n  }\n": types.PlanStateFragmentDoc,
    "\n  fragment StageAmountsFields on StageAmounts {\n    initial\n    adjustment\n    fullYear\n    actual\n    carryover\n    statedExecutionRate\n  }\n": types.StageAmountsFieldsFragmentDoc,
    "\n  fragment BudgetLineFields on BudgetLine {\n    id\n    version\n    category\n    name\n    position\n    amounts {\n      ...StageAmountsFields\n    }\n  }\n": types.BudgetLineFieldsFragmentDoc,
    "\n  fragment IndicatorValueFields on IndicatorValue {\n    raw\n    kind\n    comparator\n    value\n    upper\n    unit\n    approximate\n    direction\n    display\n    confidence\n    explanation\n    explicit\n    boolean\n    grade\n    hints {\n      display\n      comparator\n      value\n      upper\n      unit\n      approximate\n    }\n    splitSuggested\n  }\n": types.IndicatorValueFieldsFragmentDoc,
    "\n  fragment GapFields on Gap {\n    status\n    difference\n    differenceUnit\n    favourable\n    completion\n    completionPercent\n    suggestedScore\n    evaluatorScore\n    effectiveScore\n    scoreSource\n    scoringMethod\n    explanation\n    warnings {\n      code\n      message\n    }\n  }\n": types.GapFieldsFragmentDoc,
    "\n  fragment IndicatorFields on Indicator {\n    id\n    version\n    planId\n    lineItemId\n    position\n    level1\n    level1Label\n    level2\n    level2Label\n    name\n    targetText\n    actualText\n    weight\n    score\n    deduction\n    deviationReason\n    scoreUnconfirmed\n    remark\n    evidence\n    unknownLevelLabels\n    target {\n      ...IndicatorValueFields\n    }\n    actual {\n      ...IndicatorValueFields\n    }\n    gap {\n      ...GapFields\n    }\n  }\n": types.IndicatorFieldsFragmentDoc,
    "\n  fragment RollupFields on Rollup {\n    count\n    scoredCount\n    weightTotal\n    suggestedScoreTotal\n    scoreTotal\n    computedTotal\n    scoredWeight\n    gradeProvisional\n    gradeExplanation\n    pendingCount\n    statusCounts {\n      status\n      count\n    }\n    sections {\n      level1\n      label\n      count\n      indicatorWeight\n      sectionWeight\n      score\n      suggestedScore\n    }\n    executionRate\n    executionRatePercent\n    grade\n    gradeLabel\n    warnings {\n      code\n      level1\n      message\n    }\n  }\n": types.RollupFieldsFragmentDoc,
    "\n  fragment CheckFields on CheckWarning {\n    code\n    stage\n    location {\n      part\n      figure\n      stage\n      budgetCategory\n      budgetLineId\n      lineItemId\n      indicatorId\n      section\n    }\n    expected\n    found\n    difference\n    message\n  }\n": types.CheckFieldsFragmentDoc,
    "\n  fragment LineItemOwnFields on LineItem {\n    id\n    version\n    planId\n    parentId\n    position\n    name\n    kind\n    period\n    use\n    periodGoal\n    annualGoal\n    amounts {\n      ...StageAmountsFields\n    }\n    rollup {\n      ...RollupFields\n    }\n    indicators {\n      ...IndicatorFields\n    }\n  }\n": types.LineItemOwnFieldsFragmentDoc,
    "\n  fragment LineItemFields on LineItem {\n    ...LineItemOwnFields\n    children {\n      ...LineItemOwnFields\n      children {\n        ...LineItemOwnFields\n      }\n    }\n  }\n": types.LineItemFieldsFragmentDoc,
    "\n  fragment KeyTaskFields on KeyTask {\n    id\n    version\n    item\n    owner\n    goal\n    position\n  }\n": types.KeyTaskFieldsFragmentDoc,
    "\n  fragment PlanFigures on Plan {\n    id\n    version\n    status\n    allowedActions\n    rollup {\n      ...RollupFields\n    }\n    checks {\n      ...CheckFields\n    }\n  }\n": types.PlanFiguresFragmentDoc,
    "\n  fragment PlanProfile on Plan {\n    id\n    overallGoals\n    functions\n    internalUnits\n    subUnits\n    fixedAssets\n    staff {\n      authorized\n      actual\n      retired\n    }\n  }\n": types.PlanProfileFragmentDoc,
    "\n  fragment EvaluationNarrative on Evaluation {\n    id\n    version\n    evaluators {\n      name\n      title\n      unit\n    }\n    satisfaction {\n      satisfied\n      basicallySatisfied\n      dissatisfied\n    }\n    problems\n    measures\n    application\n    disclosure\n  }\n": types.EvaluationNarrativeFragmentDoc,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    role\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n    fragment PlanVersion on Plan {\n      version\n    }\n  ": types.PlanVersionFragmentDoc,
    "\n    fragment IndicatorVersion on Indicator {\n      version\n    }\n  ": types.IndicatorVersionFragmentDoc,
    "\n    fragment LineItemVersion on LineItem {\n      version\n    }\n  ": types.LineItemVersionFragmentDoc,
    "\n    fragment KeyTaskVersion on KeyTask {\n      version\n    }\n  ": types.KeyTaskVersionFragmentDoc,
    "\n    fragment BudgetLineVersion on BudgetLine {\n      version\n    }\n  ": types.BudgetLineVersionFragmentDoc,
    "\n    fragment EvaluationVersion on Evaluation {\n      version\n    }\n  ": types.EvaluationVersionFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      user {\n        ...UserFields\n      }\n      expiresAt\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      user {\n        ...UserFields\n      }\n      expiresAt\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardYears {\n    planStats(groupBy: [YEAR]) {\n      year\n      planCount\n    }\n  }\n"): (typeof documents)["\n  query DashboardYears {\n    planStats(groupBy: [YEAR]) {\n      year\n      planCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardStats($year: Int!) {\n    planStats(filter: { years: [$year] }, groupBy: [DEPARTMENT]) {\n      departmentId\n      department {\n        id\n        name\n        shortName\n      }\n      planCount\n      scoredPlanCount\n      averageScore\n      executionRatePercent\n      gradeCounts {\n        grade\n        label\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardStats($year: Int!) {\n    planStats(filter: { years: [$year] }, groupBy: [DEPARTMENT]) {\n      departmentId\n      department {\n        id\n        name\n        shortName\n      }\n      planCount\n      scoredPlanCount\n      averageScore\n      executionRatePercent\n      gradeCounts {\n        grade\n        label\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardPlans($year: Int!) {\n    plans(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        department {\n          id\n          name\n          shortName\n        }\n        rollup {\n          computedTotal\n          gradeLabel\n          executionRatePercent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardPlans($year: Int!) {\n    plans(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        department {\n          id\n          name\n          shortName\n        }\n        rollup {\n          computedTotal\n          gradeLabel\n          executionRatePercent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments($filter: DepartmentFilter, $first: Int!, $after: String) {\n    departments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Departments($filter: DepartmentFilter, $first: Int!, $after: String) {\n    departments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Department($id: ID!) {\n    department(id: $id) {\n      id\n      name\n      shortName\n      region\n      code\n      plans {\n        id\n        year\n        status\n        documentKind\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Department($id: ID!) {\n    department(id: $id) {\n      id\n      name\n      shortName\n      region\n      code\n      plans {\n        id\n        year\n        status\n        documentKind\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      department {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      department {\n        id\n        name\n        shortName\n        region\n        code\n        plans {\n          id\n          year\n          status\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      plan {\n        id\n        year\n        status\n        department {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      plan {\n        id\n        year\n        status\n        department {\n          id\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSectionWeights($planId: ID!, $weights: [SectionWeightInput!], $expectedVersion: Int) {\n    setSectionWeights(planId: $planId, weights: $weights, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanFigures\n        sectionWeights {\n          level1\n          weight\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetSectionWeights($planId: ID!, $weights: [SectionWeightInput!], $expectedVersion: Int) {\n    setSectionWeights(planId: $planId, weights: $weights, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanFigures\n        sectionWeights {\n          level1\n          weight\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvaluation($input: UpdateEvaluationInput!, $expectedVersion: Int) {\n    updateEvaluation(input: $input, expectedVersion: $expectedVersion) {\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n        # Links a just-created evaluation to its plan in the cache (Plan.evaluation), so the page shows\n        # it without re-reading the plan; the fields above are all the plan query reads of it.\n        plan {\n          ...PlanState\n          evaluation {\n            id\n          }\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEvaluation($input: UpdateEvaluationInput!, $expectedVersion: Int) {\n    updateEvaluation(input: $input, expectedVersion: $expectedVersion) {\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n        # Links a just-created evaluation to its plan in the cache (Plan.evaluation), so the page shows\n        # it without re-reading the plan; the fields above are all the plan query reads of it.\n        plan {\n          ...PlanState\n          evaluation {\n            id\n          }\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanSectionWeights on Plan {\n    sectionWeights {\n      level1\n      weight\n    }\n  }\n"): (typeof documents)["\n  fragment PlanSectionWeights on Plan {\n    sectionWeights {\n      level1\n      weight\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanEvaluationNarrative on Plan {\n    evaluation {\n      ...EvaluationNarrative\n    }\n  }\n"): (typeof documents)["\n  fragment PlanEvaluationNarrative on Plan {\n    evaluation {\n      ...EvaluationNarrative\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanDerivedFigures($id: ID!) {\n    plan(id: $id) {\n      id\n      derivedFigures {\n        budgetAdjustmentRate {\n          value\n          explanation\n        }\n        carryOverRate {\n          value\n          explanation\n        }\n        staffControlRate {\n          value\n          explanation\n        }\n        threePublicChangeRate {\n          value\n          explanation\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanDerivedFigures($id: ID!) {\n    plan(id: $id) {\n      id\n      derivedFigures {\n        budgetAdjustmentRate {\n          value\n          explanation\n        }\n        carryOverRate {\n          value\n          explanation\n        }\n        staffControlRate {\n          value\n          explanation\n        }\n        threePublicChangeRate {\n          value\n          explanation\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBudgetLine($input: SetBudgetLineInput!, $expectedVersion: Int) {\n    setBudgetLine(input: $input, expectedVersion: $expectedVersion) {\n      budgetLine {\n        ...BudgetLineFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetBudgetLine($input: SetBudgetLineInput!, $expectedVersion: Int) {\n    setBudgetLine(input: $input, expectedVersion: $expectedVersion) {\n      budgetLine {\n        ...BudgetLineFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveBudgetLine($id: ID!, $expectedVersion: Int) {\n    removeBudgetLine(id: $id, expectedVersion: $expectedVersion) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveBudgetLine($id: ID!, $expectedVersion: Int) {\n    removeBudgetLine(id: $id, expectedVersion: $expectedVersion) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSpending($input: RecordSpendingInput!) {\n    recordSpending(input: $input) {\n      plan {\n        ...PlanFigures\n      }\n      lineItem {\n        id\n        version\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n      }\n      budgetLine {\n        ...BudgetLineFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSpending($input: RecordSpendingInput!) {\n    recordSpending(input: $input) {\n      plan {\n        ...PlanFigures\n      }\n      lineItem {\n        id\n        version\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n      }\n      budgetLine {\n        ...BudgetLineFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorChangeFields on IndicatorChangePayload {\n    indicator {\n      ...IndicatorFields\n    }\n    plan {\n      ...PlanFigures\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n"): (typeof documents)["\n  fragment IndicatorChangeFields on IndicatorChangePayload {\n    indicator {\n      ...IndicatorFields\n    }\n    plan {\n      ...PlanFigures\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIndicator($input: AddIndicatorInput!) {\n    addIndicator(input: $input) {\n      indicator {\n        ...IndicatorFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddIndicator($input: AddIndicatorInput!) {\n    addIndicator(input: $input) {\n      indicator {\n        ...IndicatorFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIndicator($id: ID!, $fields: IndicatorInput!, $expectedVersion: Int) {\n    updateIndicator(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      indicator {\n        ...IndicatorFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIndicator($id: ID!, $fields: IndicatorInput!, $expectedVersion: Int) {\n    updateIndicator(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      indicator {\n        ...IndicatorFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveIndicator($input: MoveIndicatorInput!) {\n    moveIndicator(input: $input) {\n      indicator {\n        id\n        position\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveIndicator($input: MoveIndicatorInput!) {\n    moveIndicator(input: $input) {\n      indicator {\n        id\n        position\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteIndicator($id: ID!) {\n    deleteIndicator(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteIndicator($id: ID!) {\n    deleteIndicator(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIndicatorTarget($id: ID!, $target: String, $structured: StructuredTargetInput, $reason: String, $expectedVersion: Int) {\n    setIndicatorTarget(id: $id, target: $target, structured: $structured, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetIndicatorTarget($id: ID!, $target: String, $structured: StructuredTargetInput, $reason: String, $expectedVersion: Int) {\n    setIndicatorTarget(id: $id, target: $target, structured: $structured, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordIndicatorActual($id: ID!, $actual: String, $expectedVersion: Int) {\n    recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordIndicatorActual($id: ID!, $actual: String, $expectedVersion: Int) {\n    recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScoreIndicator($id: ID!, $score: Decimal, $reason: String, $expectedVersion: Int) {\n    scoreIndicator(id: $id, score: $score, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScoreIndicator($id: ID!, $score: Decimal, $reason: String, $expectedVersion: Int) {\n    scoreIndicator(id: $id, score: $score, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIndicatorDeviationReason($id: ID!, $reason: String, $expectedVersion: Int) {\n    setIndicatorDeviationReason(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetIndicatorDeviationReason($id: ID!, $reason: String, $expectedVersion: Int) {\n    setIndicatorDeviationReason(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIndicatorWeight($id: ID!, $weight: Decimal, $expectedVersion: Int) {\n    setIndicatorWeight(id: $id, weight: $weight, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetIndicatorWeight($id: ID!, $weight: Decimal, $expectedVersion: Int) {\n    setIndicatorWeight(id: $id, weight: $weight, expectedVersion: $expectedVersion) {\n      ...IndicatorChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParseIndicatorValue($text: String!, $level1: Level1, $level2: Level2, $name: String, $role: ValueRole) {\n    parseIndicatorValue(text: $text, level1: $level1, level2: $level2, name: $name, role: $role) {\n      ...IndicatorValueFields\n    }\n  }\n"): (typeof documents)["\n  query ParseIndicatorValue($text: String!, $level1: Level1, $level2: Level2, $name: String, $role: ValueRole) {\n    parseIndicatorValue(text: $text, level1: $level1, level2: $level2, name: $name, role: $role) {\n      ...IndicatorValueFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorScoreFields on Indicator {\n    score\n    deduction\n  }\n"): (typeof documents)["\n  fragment IndicatorScoreFields on Indicator {\n    score\n    deduction\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorTargetText on Indicator {\n    targetText\n  }\n"): (typeof documents)["\n  fragment IndicatorTargetText on Indicator {\n    targetText\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddKeyTask($planId: ID!, $input: KeyTaskInput!) {\n    addKeyTask(planId: $planId, input: $input) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddKeyTask($planId: ID!, $input: KeyTaskInput!) {\n    addKeyTask(planId: $planId, input: $input) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateKeyTask($id: ID!, $input: KeyTaskInput!, $expectedVersion: Int) {\n    updateKeyTask(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      keyTask {\n        ...KeyTaskFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateKeyTask($id: ID!, $input: KeyTaskInput!, $expectedVersion: Int) {\n    updateKeyTask(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      keyTask {\n        ...KeyTaskFields\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveKeyTask($id: ID!, $position: Int!) {\n    moveKeyTask(id: $id, position: $position) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveKeyTask($id: ID!, $position: Int!) {\n    moveKeyTask(id: $id, position: $position) {\n      keyTask {\n        ...KeyTaskFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteKeyTask($id: ID!) {\n    deleteKeyTask(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteKeyTask($id: ID!) {\n    deleteKeyTask(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddLineItem($input: AddLineItemInput!) {\n    addLineItem(input: $input) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddLineItem($input: AddLineItemInput!) {\n    addLineItem(input: $input) {\n      lineItem {\n        ...LineItemFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLineItem($id: ID!, $fields: LineItemInput!, $expectedVersion: Int) {\n    updateLineItem(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      lineItem {\n        id\n        version\n        name\n        kind\n        period\n        use\n        periodGoal\n        annualGoal\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLineItem($id: ID!, $fields: LineItemInput!, $expectedVersion: Int) {\n    updateLineItem(id: $id, fields: $fields, expectedVersion: $expectedVersion) {\n      lineItem {\n        id\n        version\n        name\n        kind\n        period\n        use\n        periodGoal\n        annualGoal\n        amounts {\n          ...StageAmountsFields\n        }\n        rollup {\n          ...RollupFields\n        }\n        plan {\n          ...PlanState\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveLineItem($id: ID!, $parentId: ID, $position: Int!) {\n    moveLineItem(id: $id, parentId: $parentId, position: $position) {\n      lineItem {\n        id\n        position\n        parentId\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveLineItem($id: ID!, $parentId: ID, $position: Int!) {\n    moveLineItem(id: $id, parentId: $parentId, position: $position) {\n      lineItem {\n        id\n        position\n        parentId\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteLineItem($id: ID!) {\n    deleteLineItem(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteLineItem($id: ID!) {\n    deleteLineItem(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      year\n      status\n      allowedActions\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n      documentKind\n      statedDepartmentName\n      statedRegion\n      ...PlanProfile\n      sectionWeights {\n        level1\n        weight\n      }\n      department {\n        id\n        name\n        shortName\n        region\n      }\n      budget {\n        lines {\n          ...BudgetLineFields\n        }\n      }\n      keyTasks {\n        ...KeyTaskFields\n      }\n      indicators {\n        ...IndicatorFields\n      }\n      lineItems {\n        ...LineItemFields\n      }\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n      }\n      ...PlanFigures\n    }\n  }\n"): (typeof documents)["\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      year\n      status\n      allowedActions\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n      documentKind\n      statedDepartmentName\n      statedRegion\n      ...PlanProfile\n      sectionWeights {\n        level1\n        weight\n      }\n      department {\n        id\n        name\n        shortName\n        region\n      }\n      budget {\n        lines {\n          ...BudgetLineFields\n        }\n      }\n      keyTasks {\n        ...KeyTaskFields\n      }\n      indicators {\n        ...IndicatorFields\n      }\n      lineItems {\n        ...LineItemFields\n      }\n      evaluation {\n        ...EvaluationNarrative\n        totalScore\n        grade\n        maxScore\n      }\n      ...PlanFigures\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!, $expectedVersion: Int) {\n    updatePlan(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanState\n        ...PlanProfile\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!, $expectedVersion: Int) {\n    updatePlan(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      plan {\n        ...PlanState\n        ...PlanProfile\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePlan($id: ID!) {\n    deletePlan(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePlan($id: ID!) {\n    deletePlan(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkflowPayload on PlanPayload {\n    plan {\n      ...PlanState\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n"): (typeof documents)["\n  fragment WorkflowPayload on PlanPayload {\n    plan {\n      ...PlanState\n      approvalOpinion\n      approvalOpinionBy\n      approvalOpinionAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPlan($id: ID!, $expectedVersion: Int) {\n    submitPlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitPlan($id: ID!, $expectedVersion: Int) {\n    submitPlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnPlan($id: ID!, $reason: String!, $expectedVersion: Int) {\n    returnPlan(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnPlan($id: ID!, $reason: String!, $expectedVersion: Int) {\n    returnPlan(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePlan($id: ID!, $expectedVersion: Int, $opinion: String) {\n    approvePlan(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n"): (typeof documents)["\n  mutation ApprovePlan($id: ID!, $expectedVersion: Int, $opinion: String) {\n    approvePlan(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartEvaluation($id: ID!, $expectedVersion: Int, $opinion: String) {\n    startEvaluation(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n"): (typeof documents)["\n  mutation StartEvaluation($id: ID!, $expectedVersion: Int, $opinion: String) {\n    startEvaluation(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {\n      ...WorkflowPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePlan($id: ID!, $expectedVersion: Int) {\n    closePlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n"): (typeof documents)["\n  mutation ClosePlan($id: ID!, $expectedVersion: Int) {\n    closePlan(id: $id, expectedVersion: $expectedVersion) {\n      ...WorkflowPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($planId: ID!, $objectType: String, $objectId: ID, $field: String, $first: Int, $after: String) {\n    auditLog(planId: $planId, objectType: $objectType, objectId: $objectId, field: $field, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        userName\n        objectType\n        objectId\n        field\n        before\n        after\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($planId: ID!, $objectType: String, $objectId: ID, $field: String, $first: Int, $after: String) {\n    auditLog(planId: $planId, objectType: $objectType, objectId: $objectId, field: $field, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        userName\n        objectType\n        objectId\n        field\n        before\n        after\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewPlanWorkbook($planId: ID!, $file: String!) {\n    previewPlanWorkbook(planId: $planId, file: $file) {\n      plan {\n        id\n        version\n        status\n      }\n      canImport\n      changes {\n        kind\n        subject\n        location\n        name\n        field\n        before\n        after\n        reading\n        sheet\n        row\n      }\n      problems {\n        sheet\n        row\n        column\n        message\n        code\n      }\n      warnings\n      notices\n    }\n  }\n"): (typeof documents)["\n  query PreviewPlanWorkbook($planId: ID!, $file: String!) {\n    previewPlanWorkbook(planId: $planId, file: $file) {\n      plan {\n        id\n        version\n        status\n      }\n      canImport\n      changes {\n        kind\n        subject\n        location\n        name\n        field\n        before\n        after\n        reading\n        sheet\n        row\n      }\n      problems {\n        sheet\n        row\n        column\n        message\n        code\n      }\n      warnings\n      notices\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPlanWorkbook($planId: ID!, $file: String!, $expectedVersion: Int, $reason: String) {\n    importPlanWorkbook(planId: $planId, file: $file, expectedVersion: $expectedVersion, reason: $reason) {\n      plan {\n        id\n        version\n        status\n      }\n      preview {\n        canImport\n        problems {\n          sheet\n          row\n          column\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPlanWorkbook($planId: ID!, $file: String!, $expectedVersion: Int, $reason: String) {\n    importPlanWorkbook(planId: $planId, file: $file, expectedVersion: $expectedVersion, reason: $reason) {\n      plan {\n        id\n        version\n        status\n      }\n      preview {\n        canImport\n        problems {\n          sheet\n          row\n          column\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserFields on User {\n    ...UserFields\n    active\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AdminUserFields on User {\n    ...UserFields\n    active\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentOptions($first: Int!) {\n    departments(first: $first) {\n      nodes {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  query DepartmentOptions($first: Int!) {\n    departments(first: $first) {\n      nodes {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...AdminUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanState on Plan {\n    id\n    version\n    status\n    allowedActions\n  }\n"): (typeof documents)["\n  fragment PlanState on Plan {\n    id\n    version\n    status\n    allowedActions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StageAmountsFields on StageAmounts {\n    initial\n    adjustment\n    fullYear\n    actual\n    carryover\n    statedExecutionRate\n  }\n"): (typeof documents)["\n  fragment StageAmountsFields on StageAmounts {\n    initial\n    adjustment\n    fullYear\n    actual\n    carryover\n    statedExecutionRate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BudgetLineFields on BudgetLine {\n    id\n    version\n    category\n    name\n    position\n    amounts {\n      ...StageAmountsFields\n    }\n  }\n"): (typeof documents)["\n  fragment BudgetLineFields on BudgetLine {\n    id\n    version\n    category\n    name\n    position\n    amounts {\n      ...StageAmountsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorValueFields on IndicatorValue {\n    raw\n    kind\n    comparator\n    value\n    upper\n    unit\n    approximate\n    direction\n    display\n    confidence\n    explanation\n    explicit\n    boolean\n    grade\n    hints {\n      display\n      comparator\n      value\n      upper\n      unit\n      approximate\n    }\n    splitSuggested\n  }\n"): (typeof documents)["\n  fragment IndicatorValueFields on IndicatorValue {\n    raw\n    kind\n    comparator\n    value\n    upper\n    unit\n    approximate\n    direction\n    display\n    confidence\n    explanation\n    explicit\n    boolean\n    grade\n    hints {\n      display\n      comparator\n      value\n      upper\n      unit\n      approximate\n    }\n    splitSuggested\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GapFields on Gap {\n    status\n    difference\n    differenceUnit\n    favourable\n    completion\n    completionPercent\n    suggestedScore\n    evaluatorScore\n    effectiveScore\n    scoreSource\n    scoringMethod\n    explanation\n    warnings {\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment GapFields on Gap {\n    status\n    difference\n    differenceUnit\n    favourable\n    completion\n    completionPercent\n    suggestedScore\n    evaluatorScore\n    effectiveScore\n    scoreSource\n    scoringMethod\n    explanation\n    warnings {\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorFields on Indicator {\n    id\n    version\n    planId\n    lineItemId\n    position\n    level1\n    level1Label\n    level2\n    level2Label\n    name\n    targetText\n    actualText\n    weight\n    score\n    deduction\n    deviationReason\n    scoreUnconfirmed\n    remark\n    evidence\n    unknownLevelLabels\n    target {\n      ...IndicatorValueFields\n    }\n    actual {\n      ...IndicatorValueFields\n    }\n    gap {\n      ...GapFields\n    }\n  }\n"): (typeof documents)["\n  fragment IndicatorFields on Indicator {\n    id\n    version\n    planId\n    lineItemId\n    position\n    level1\n    level1Label\n    level2\n    level2Label\n    name\n    targetText\n    actualText\n    weight\n    score\n    deduction\n    deviationReason\n    scoreUnconfirmed\n    remark\n    evidence\n    unknownLevelLabels\n    target {\n      ...IndicatorValueFields\n    }\n    actual {\n      ...IndicatorValueFields\n    }\n    gap {\n      ...GapFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RollupFields on Rollup {\n    count\n    scoredCount\n    weightTotal\n    suggestedScoreTotal\n    scoreTotal\n    computedTotal\n    scoredWeight\n    gradeProvisional\n    gradeExplanation\n    pendingCount\n    statusCounts {\n      status\n      count\n    }\n    sections {\n      level1\n      label\n      count\n      indicatorWeight\n      sectionWeight\n      score\n      suggestedScore\n    }\n    executionRate\n    executionRatePercent\n    grade\n    gradeLabel\n    warnings {\n      code\n      level1\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment RollupFields on Rollup {\n    count\n    scoredCount\n    weightTotal\n    suggestedScoreTotal\n    scoreTotal\n    computedTotal\n    scoredWeight\n    gradeProvisional\n    gradeExplanation\n    pendingCount\n    statusCounts {\n      status\n      count\n    }\n    sections {\n      level1\n      label\n      count\n      indicatorWeight\n      sectionWeight\n      score\n      suggestedScore\n    }\n    executionRate\n    executionRatePercent\n    grade\n    gradeLabel\n    warnings {\n      code\n      level1\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CheckFields on CheckWarning {\n    code\n    stage\n    location {\n      part\n      figure\n      stage\n      budgetCategory\n      budgetLineId\n      lineItemId\n      indicatorId\n      section\n    }\n    expected\n    found\n    difference\n    message\n  }\n"): (typeof documents)["\n  fragment CheckFields on CheckWarning {\n    code\n    stage\n    location {\n      part\n      figure\n      stage\n      budgetCategory\n      budgetLineId\n      lineItemId\n      indicatorId\n      section\n    }\n    expected\n    found\n    difference\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LineItemOwnFields on LineItem {\n    id\n    version\n    planId\n    parentId\n    position\n    name\n    kind\n    period\n    use\n    periodGoal\n    annualGoal\n    amounts {\n      ...StageAmountsFields\n    }\n    rollup {\n      ...RollupFields\n    }\n    indicators {\n      ...IndicatorFields\n    }\n  }\n"): (typeof documents)["\n  fragment LineItemOwnFields on LineItem {\n    id\n    version\n    planId\n    parentId\n    position\n    name\n    kind\n    period\n    use\n    periodGoal\n    annualGoal\n    amounts {\n      ...StageAmountsFields\n    }\n    rollup {\n      ...RollupFields\n    }\n    indicators {\n      ...IndicatorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LineItemFields on LineItem {\n    ...LineItemOwnFields\n    children {\n      ...LineItemOwnFields\n      children {\n        ...LineItemOwnFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment LineItemFields on LineItem {\n    ...LineItemOwnFields\n    children {\n      ...LineItemOwnFields\n      children {\n        ...LineItemOwnFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyTaskFields on KeyTask {\n    id\n    version\n    item\n    owner\n    goal\n    position\n  }\n"): (typeof documents)["\n  fragment KeyTaskFields on KeyTask {\n    id\n    version\n    item\n    owner\n    goal\n    position\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFigures on Plan {\n    id\n    version\n    status\n    allowedActions\n    rollup {\n      ...RollupFields\n    }\n    checks {\n      ...CheckFields\n    }\n  }\n"): (typeof documents)["\n  fragment PlanFigures on Plan {\n    id\n    version\n    status\n    allowedActions\n    rollup {\n      ...RollupFields\n    }\n    checks {\n      ...CheckFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanProfile on Plan {\n    id\n    overallGoals\n    functions\n    internalUnits\n    subUnits\n    fixedAssets\n    staff {\n      authorized\n      actual\n      retired\n    }\n  }\n"): (typeof documents)["\n  fragment PlanProfile on Plan {\n    id\n    overallGoals\n    functions\n    internalUnits\n    subUnits\n    fixedAssets\n    staff {\n      authorized\n      actual\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EvaluationNarrative on Evaluation {\n    id\n    version\n    evaluators {\n      name\n      title\n      unit\n    }\n    satisfaction {\n      satisfied\n      basicallySatisfied\n      dissatisfied\n    }\n    problems\n    measures\n    application\n    disclosure\n  }\n"): (typeof documents)["\n  fragment EvaluationNarrative on Evaluation {\n    id\n    version\n    evaluators {\n      name\n      title\n      unit\n    }\n    satisfaction {\n      satisfied\n      basicallySatisfied\n      dissatisfied\n    }\n    problems\n    measures\n    application\n    disclosure\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    role\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    role\n    departments {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    fragment PlanVersion on Plan {\n      version\n    }\n  "): (typeof documents)["\n    fragment PlanVersion on Plan {\n      version\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    fragment IndicatorVersion on Indicator {\n      version\n    }\n  "): (typeof documents)["\n    fragment IndicatorVersion on Indicator {\n      version\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    fragment LineItemVersion on LineItem {\n      version\n    }\n  "): (typeof documents)["\n    fragment LineItemVersion on LineItem {\n      version\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    fragment KeyTaskVersion on KeyTask {\n      version\n    }\n  "): (typeof documents)["\n    fragment KeyTaskVersion on KeyTask {\n      version\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    fragment BudgetLineVersion on BudgetLine {\n      version\n    }\n  "): (typeof documents)["\n    fragment BudgetLineVersion on BudgetLine {\n      version\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    fragment EvaluationVersion on Evaluation {\n      version\n    }\n  "): (typeof documents)["\n    fragment EvaluationVersion on Evaluation {\n      version\n    }\n  "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;