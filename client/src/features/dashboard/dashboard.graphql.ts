/** GraphQL documents of the analysts' dashboard (typed by client/codegen.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';
import type { DashboardPlansQuery, DashboardStatsQuery } from '../../graphql/generated/graphql';

export type DepartmentStats = DashboardStatsQuery['planStats'][number];
export type DashboardPlan = DashboardPlansQuery['plans']['nodes'][number];

/** The years that have plans. */
export const DASHBOARD_YEARS = graphql(`
  query DashboardYears {
    planStats(groupBy: [YEAR]) {
      year
      planCount
    }
  }
`);

/** One row per department for the year: the analyst helper's aggregate (no plan is loaded whole). */
export const DASHBOARD_STATS = graphql(`
  query DashboardStats($year: Int!) {
    planStats(filter: { years: [$year] }, groupBy: [DEPARTMENT]) {
      departmentId
      department {
        id
        name
        shortName
      }
      planCount
      scoredPlanCount
      averageScore
      executionRatePercent
      gradeCounts {
        grade
        label
        count
      }
    }
  }
`);

/** Scores and grades from each plan's roll-up, for the figures planStats leaves empty. */
export const DASHBOARD_PLANS = graphql(`
  query DashboardPlans($year: Int!) {
    plans(filter: { year: $year }, first: 100) {
      nodes {
        id
        department {
          id
          name
          shortName
        }
        rollup {
          computedTotal
          gradeLabel
          executionRatePercent
        }
      }
    }
  }
`);
