/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';

export type { SectionWeightInput as SectionWeight } from '../../graphql/generated/graphql';

/** The plan's section weights (all sections), or null for the defaults; the roll-up follows. */
export const SET_SECTION_WEIGHTS = graphql(`
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
`);

/** The narrative of the 自评表; creates the evaluation on the first save. */
export const UPDATE_EVALUATION = graphql(`
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
`);

/** The section weights as the cache holds them: a change sends every section. */
export const PLAN_SECTION_WEIGHTS = graphql(`
  fragment PlanSectionWeights on Plan {
    sectionWeights {
      level1
      weight
    }
  }
`);

/** The plan's evaluation narrative as the cache holds it (null until the first save creates it). */
export const PLAN_EVALUATION = graphql(`
  fragment PlanEvaluationNarrative on Plan {
    evaluation {
      ...EvaluationNarrative
    }
  }
`);

/** 部门整体共性指标 the server computes from the plan's stated figures (issue 10 item 5). */
export const PLAN_DERIVED_FIGURES = graphql(`
  query PlanDerivedFigures($id: ID!) {
    plan(id: $id) {
      id
      derivedFigures {
        budgetAdjustmentRate {
          value
          explanation
        }
        carryOverRate {
          value
          explanation
        }
        staffControlRate {
          value
          explanation
        }
        threePublicChangeRate {
          value
          explanation
        }
      }
    }
  }
`);
