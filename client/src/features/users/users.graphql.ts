/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';
import type { AdminUserFieldsFragment } from '../../graphql/generated/graphql';

export type AdminUser = AdminUserFieldsFragment;

/** A user as the 用户管理 page shows it: the account, its departments and whether it may sign in. */
export const ADMIN_USER = graphql(`
  fragment AdminUserFields on User {
    ...UserFields
    active
    createdAt
  }
`);

/** 用户管理 (administrators): every account, by sign-in name. */
export const USERS = graphql(`
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
`);

/** The departments a user can be put in charge of (id and names only). */
export const DEPARTMENT_OPTIONS = graphql(`
  query DepartmentOptions($first: Int!) {
    departments(first: $first) {
      nodes {
        id
        name
        shortName
      }
    }
  }
`);

export const CREATE_USER = graphql(`
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
`);

/** Deactivating a user or resetting the password ends that user's sessions (server side). */
export const UPDATE_USER = graphql(`
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
`);
