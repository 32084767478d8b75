/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';

export const SET_BUDGET_LINE = graphql(`
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
`);

/** Removes a budget row (it becomes "not stated"), e.g. a 基本支出明细 row; a stale version → CONFLICT, nothing removed. */
export const REMOVE_BUDGET_LINE = graphql(`
  mutation RemoveBudgetLine($id: ID!, $expectedVersion: Int) {
    removeBudgetLine(id: $id, expectedVersion: $expectedVersion) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RECORD_SPENDING = graphql(`
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
`);
