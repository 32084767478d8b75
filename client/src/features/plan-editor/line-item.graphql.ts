/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';

export const ADD_LINE_ITEM = graphql(`
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
`);

export const UPDATE_LINE_ITEM = graphql(`
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
`);

export const MOVE_LINE_ITEM = graphql(`
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
`);

export const DELETE_LINE_ITEM = graphql(`
  mutation DeleteLineItem($id: ID!) {
    deleteLineItem(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
