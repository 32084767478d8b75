/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';
import type { DepartmentsQuery } from '../../graphql/generated/graphql';

export type Department = DepartmentsQuery['departments']['nodes'][number];
export type PlanSummary = Department['plans'][number];

export const DEPARTMENTS = graphql(`
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
`);

export const DEPARTMENT = graphql(`
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
`);

export const CREATE_DEPARTMENT = graphql(`
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
`);

export const CREATE_PLAN = graphql(`
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
`);
