/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';

export const ADD_KEY_TASK = graphql(`
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
`);

export const UPDATE_KEY_TASK = graphql(`
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
`);

export const MOVE_KEY_TASK = graphql(`
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
`);

export const DELETE_KEY_TASK = graphql(`
  mutation DeleteKeyTask($id: ID!) {
    deleteKeyTask(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
