// Issue 12: the fast executor (server/src/graphql/fast-execute.ts) answers whole-plan reads with exactly the
// bytes graphql-js answers, and leaves to graphql-js what it does not handle or what goes wrong (errors).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { contextFor, createApolloServer } from '../../server/src/app.js';
import type { Context } from '../../server/src/graphql/context.js';
import { fastExecutionStats } from '../../server/src/graphql/fast-execute.js';
import type { Actor } from '../../server/src/modules/user/access.js';
import { type Api, openApi, readFixture, TEST_ADMIN } from './harness.js';

const INDICATOR = 'id position level1 level1Label level2 level2Label name targetText actualText weight score deduction remark evidence version';
const LINE_ITEM = 'id parentId position name kind amounts { initial fullYear actual } period periodGoal annualGoal use version';
const TEXTS = `query($id: ID!) { plan(id: $id) { id year status version department { name region }
  budget { lines { id category name position amounts { initial adjustment fullYear actual carryover } } }
  indicators { ${INDICATOR} } lineItems { ${LINE_ITEM} indicators { ${INDICATOR} } children { ${LINE_ITEM} indicators { ${INDICATOR} } } } } }`;
const EDITOR = `query($id: ID!) { plan(id: $id) { id rollup { scoreTotal grade statusCounts { status count } } checks { code message }
  indicators { id name targetText actualText target { display } actual { display } gap { status suggestedScore explanation } }
  lineItems { id name rollup { scoreTotal } children { id name rollup { scoreTotal } indicators { id name targetText actualText target { display } actual { display } gap { status suggestedScore explanation } } } } } }`;
const FRAGMENTS = `query Read($id: ID!) { first: plan(id: $id) { ...Head lineItems { ...Item children { ...Item } } } second: plan(id: $id) { id ... on Plan { year } evaluation { id } allowedActions sectionWeights { level1 weight } keyTasks { id } } }
  fragment Head on Plan { id status department { id name } indicators { id name } indicators { position } }
  fragment Item on LineItem { id name planId kind amounts { initial } }`;

describe('fast execution of plan reads', () => {
  let api: Api;
  let plain: ApolloServer<Context>;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await openApi();
    plain = await createApolloServer({ fastExecution: false });
    for (const name of ['shifeng', 'yanfeng'] as const) {
      const data = await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { message } } }', { d: readFixture(name) });
      expect(data.importPlanDocument.userErrors).toEqual([]);
      ids.push(data.importPlanDocument.plan.id);
    }
  });
  afterAll(async () => {
    await plain?.stop();
    await api?.close();
  });

  const both = async (query: string, variables: Record<string, unknown>, actor: Actor | null = TEST_ADMIN) => {
    const run = async (server: ApolloServer<Context>) => {
      const response = await server.executeOperation({ query, variables }, { contextValue: contextFor(api.orm, actor) });
      // Development responses carry each error's stack (not in production): where it was thrown differs by run.
      return JSON.stringify(response.body.kind === 'single' ? response.body.singleResult : null, (key, value) => (key === 'stacktrace' ? undefined : value));
    };
    const before = { ...fastExecutionStats };
    const graphqlJs = await run(plain);
    const fast = await run(await fastServer());
    return { fast, graphqlJs, answered: fastExecutionStats.answered - before.answered, gaveUp: fastExecutionStats.gaveUp - before.gaveUp };
  };
  let fastOne: ApolloServer<Context> | undefined;
  const fastServer = async () => (fastOne ??= await createApolloServer());
  afterAll(async () => fastOne?.stop());

  it('answers whole-plan reads with the bytes graphql-js answers', async () => {
    for (const id of ids) {
      for (const query of [TEXTS, EDITOR, FRAGMENTS]) {
        const result = await both(query, { id });
        expect(result.fast).toBe(result.graphqlJs);
        expect(result.fast).not.toContain('"errors"');
        expect(result.answered).toBe(1);
      }
    }
  });

  it('answers a missing plan as graphql-js does (null)', async () => {
    const result = await both(TEXTS, { id: '999999' });
    expect(result.fast).toBe(result.graphqlJs);
    expect(result.fast).toBe('{"data":{"plan":null}}');
    expect(result.answered).toBe(1);
  });

  it('gives errors to graphql-js: a bad id, another department, no one signed in, variables that do not coerce', async () => {
    const planner: Actor = { id: 99, name: '规划员', role: 'PLANNER', departmentIds: [999_999] } as Actor;
    const cases: [string, Record<string, unknown>, Actor | null][] = [
      [TEXTS, { id: 'x' }, TEST_ADMIN],
      [TEXTS, { id: ids[0] }, planner],
      [TEXTS, { id: ids[0] }, null],
      [TEXTS, { id: { nested: true } }, TEST_ADMIN],
    ];
    for (const [query, variables, actor] of cases) {
      const result = await both(query, variables, actor);
      expect(result.fast).toBe(result.graphqlJs);
      expect(result.fast).toContain('"errors"');
      expect(result.answered).toBe(0);
    }
  });

  it('leaves what it does not handle to graphql-js: __typename, directives, other queries', async () => {
    for (const query of [`query($id: ID!) { plan(id: $id) { __typename id } }`, `query($id: ID!, $y: Boolean!) { plan(id: $id) { id year @include(if: $y) } }`, `query($id: ID!) { plan(id: $id) { id } me { id } }`]) {
      const result = await both(query, { id: ids[1], y: true });
      expect(result.fast).toBe(result.graphqlJs);
      expect(result.answered + result.gaveUp).toBe(0);
    }
  });
});
