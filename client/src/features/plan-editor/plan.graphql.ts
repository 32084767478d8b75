/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';
import type { AuditLogQuery, PlanQuery } from '../../graphql/generated/graphql';

export type Plan = NonNullable<PlanQuery['plan']>;
export type AuditEntry = AuditLogQuery['auditLog']['nodes'][number];

export const PLAN = graphql(`
  query Plan($id: ID!) {
    plan(id: $id) {
      id
      version
      year
      status
      allowedActions
      approvalOpinion
      approvalOpinionBy
      approvalOpinionAt
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
`);

export const UPDATE_PLAN = graphql(`
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
`);

export const DELETE_PLAN = graphql(`
  mutation DeletePlan($id: ID!) {
    deletePlan(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const WORKFLOW_PAYLOAD = graphql(`
  fragment WorkflowPayload on PlanPayload {
    plan {
      ...PlanState
      approvalOpinion
      approvalOpinionBy
      approvalOpinionAt
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const SUBMIT_PLAN = graphql(`
  mutation SubmitPlan($id: ID!, $expectedVersion: Int) {
    submitPlan(id: $id, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
`);

export const RETURN_PLAN = graphql(`
  mutation ReturnPlan($id: ID!, $reason: String!, $expectedVersion: Int) {
    returnPlan(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
`);

export const APPROVE_PLAN = graphql(`
  mutation ApprovePlan($id: ID!, $expectedVersion: Int, $opinion: String) {
    approvePlan(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {
      ...WorkflowPayload
    }
  }
`);

export const START_EVALUATION = graphql(`
  mutation StartEvaluation($id: ID!, $expectedVersion: Int, $opinion: String) {
    startEvaluation(id: $id, expectedVersion: $expectedVersion, opinion: $opinion) {
      ...WorkflowPayload
    }
  }
`);

export const CLOSE_PLAN = graphql(`
  mutation ClosePlan($id: ID!, $expectedVersion: Int) {
    closePlan(id: $id, expectedVersion: $expectedVersion) {
      ...WorkflowPayload
    }
  }
`);

/** One cell's (or one object's) history, newest first; before/after are JSON strings. */
export const AUDIT_LOG = graphql(`
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
`);
