/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';

export const INDICATOR_CHANGE = graphql(`
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
`);

export const ADD_INDICATOR = graphql(`
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
`);

export const UPDATE_INDICATOR = graphql(`
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
`);

export const MOVE_INDICATOR = graphql(`
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
`);

export const DELETE_INDICATOR = graphql(`
  mutation DeleteIndicator($id: ID!) {
    deleteIndicator(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SET_INDICATOR_TARGET = graphql(`
  mutation SetIndicatorTarget($id: ID!, $target: String, $structured: StructuredTargetInput, $reason: String, $expectedVersion: Int) {
    setIndicatorTarget(id: $id, target: $target, structured: $structured, reason: $reason, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
`);

export const RECORD_INDICATOR_ACTUAL = graphql(`
  mutation RecordIndicatorActual($id: ID!, $actual: String, $expectedVersion: Int) {
    recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
`);

export const SCORE_INDICATOR = graphql(`
  mutation ScoreIndicator($id: ID!, $score: Decimal, $reason: String, $expectedVersion: Int) {
    scoreIndicator(id: $id, score: $score, reason: $reason, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
`);

/** 偏差原因: why a result is off target (未达成, 部分达成, or 50% beyond it); null clears it. */
export const SET_INDICATOR_DEVIATION_REASON = graphql(`
  mutation SetIndicatorDeviationReason($id: ID!, $reason: String, $expectedVersion: Int) {
    setIndicatorDeviationReason(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
`);

export const SET_INDICATOR_WEIGHT = graphql(`
  mutation SetIndicatorWeight($id: ID!, $weight: Decimal, $expectedVersion: Int) {
    setIndicatorWeight(id: $id, weight: $weight, expectedVersion: $expectedVersion) {
      ...IndicatorChangeFields
    }
  }
`);

export const PARSE_INDICATOR_VALUE = graphql(`
  query ParseIndicatorValue($text: String!, $level1: Level1, $level2: Level2, $name: String, $role: ValueRole) {
    parseIndicatorValue(text: $text, level1: $level1, level2: $level2, name: $name, role: $role) {
      ...IndicatorValueFields
    }
  }
`);

/** Score and 扣分原因 travel together: the other one is read from the cache when one is written. */
export const INDICATOR_SCORE = graphql(`
  fragment IndicatorScoreFields on Indicator {
    score
    deduction
  }
`);

/** 设定 goes with the target text as it is now. */
export const INDICATOR_TARGET_TEXT = graphql(`
  fragment IndicatorTargetText on Indicator {
    targetText
  }
`);
