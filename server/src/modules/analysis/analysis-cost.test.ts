/**
 * Issue 11 item 5: the cost rule charges a connection's page at the size the request gives it — a literal
 * or a variable — so an analyst's 100-row page of indicators with their plan passes with room to spare,
 * and the same page with each row's whole plan roll-up still does. The figures are in docs/ANALYST.md.
 */
import 'reflect-metadata';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, queryCost } from '../../graphql/limits.js';
import { graphqlSchema } from '../../graphql/schema.js';

const PAGE = `query Page($n: Int, $after: String) {
  indicators(first: $n, after: $after, filter: { years: [2024] }, orderBy: { field: YEAR, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name targetText actualText weight path plan { id year department { name region } } }
  }
}`;

describe('the cost of analysts\' queries', () => {
  let cost: (query: string, variables?: Record<string, unknown>) => number | null;
  beforeAll(async () => {
    const schema = await graphqlSchema();
    cost = (query, variables = {}) => queryCost(schema, parse(query), variables);
  });

  it('charges a variable page size at its real value', () => {
    const hundred = cost(PAGE, { n: 100 })!;
    const ten = cost(PAGE, { n: 10 })!;
    expect(hundred).toBe(1_701);
    expect(ten).toBe(171);
    // No variable: the page is priced at its most, 100.
    expect(cost(PAGE)).toBe(hundred);
    expect(cost(PAGE.replace('first: $n', 'last: $n'), { n: 100 })).toBe(hundred);
    expect(hundred).toBeLessThan(LIMITS.defaultMaxCost / 1000);
  });

  it('prices the documented shapes far below the ceiling', () => {
    const withGaps = cost(`{ indicators(first: 100) { nodes { name path gap { status completionPercent effectiveScore } plan { year department { name } } } } }`)!;
    expect(withGaps).toBe(1_101);
    const stats = cost(`{ planStats(groupBy: [DEPARTMENT, YEAR]) { department { name } year planCount budget { category initial fullYear actual } executionRate statusCounts { status count } gradeCounts { grade count } checkCounts { code count } } }`)!;
    expect(stats).toBeLessThan(2_000);
    const audit = cost(`{ auditEntries(first: 100) { nodes { id userName field before after reason indicator { name plan { year department { name } } } } } }`)!;
    expect(audit).toBeLessThan(2_000);
  });
});
