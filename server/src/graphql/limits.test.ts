import 'reflect-metadata';
import { type DocumentNode, type FragmentDefinitionNode, Kind, parse, print, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as clientOperations from '../../../client/src/graphql/operations.js';
import { LIMITS, maxQueryCost, measureOperation, queryLimitsRule } from './limits.js';
import { graphqlSchema } from './schema.js';

/** Nested line items: depth grows by one per `children`. */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let level = 0; level < levels; level += 1) inner = `children { ${inner} }`;
  return `query Deep { plan(id: "1") { lineItems { ${inner} } } }`;
}

describe('query limits (validation rule)', () => {
  it('lets every client document through with room to spare, and measures the whole-plan query', async () => {
    const schema = await graphqlSchema();
    const documents = Object.entries(clientOperations).filter((entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT);
    expect(documents.length).toBeGreaterThan(10);
    let planCost = 0;
    for (const [name, document] of documents) {
      const reparsed = parse(print(document));
      // Fragment-only documents are pieces of the others.
      if (!reparsed.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) continue;
      expect(validate(schema, reparsed, [...specifiedRules, queryLimitsRule()]), name).toEqual([]);
      const fragments = new Map(reparsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      for (const definition of reparsed.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const measure = measureOperation(schema, definition, fragments);
        expect(measure.depth, name).toBeLessThanOrEqual(LIMITS.maxDepth - 3);
        expect(measure.cost, name).toBeLessThan(LIMITS.defaultMaxCost / 3);
        if (name === 'PLAN') planCost = measure.cost;
      }
    }
    expect(planCost).toBeGreaterThan(100_000);
    console.info(`whole-plan query cost ${planCost} (limit ${LIMITS.defaultMaxCost})`);
  });

  it('counts depth through fragments and refuses past 12', async () => {
    const schema = await graphqlSchema();
    // plan(1) lineItems(2) children×9 (3..11) id(12)
    const depthOnly = queryLimitsRule(Number.MAX_SAFE_INTEGER);
    expect(validate(schema, parse(deepQuery(9)), [depthOnly])).toEqual([]);
    const [tooDeep] = validate(schema, parse(deepQuery(10)), [depthOnly]);
    expect(tooDeep.extensions.code).toBe('QUERY_TOO_DEEP');
    expect(tooDeep.message).toContain('13');
    const viaFragments = parse(`query { plan(id: "1") { ...A } }
      fragment A on Plan { lineItems { ...B } }
      fragment B on LineItem { children { children { ...C } } }
      fragment C on LineItem { children { children { children { children { children { children { children { children { id } } } } } } } } }`);
    expect(validate(schema, viaFragments, [depthOnly]).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('prices connections by `first` and other lists by 10', async () => {
    const schema = await graphqlSchema();
    const measure = (query: string) => {
      const document = parse(query);
      return measureOperation(schema, document.definitions[0] as any, new Map());
    };
    // plans, totalCount, nodes = 3; id, year ×100
    expect(measure('{ plans(first: 100) { totalCount nodes { id year } } }').cost).toBe(3 + 200);
    // default page 20
    expect(measure('{ plans { nodes { id } } }').cost).toBe(2 + 20);
    // variable: the cap, 100
    expect(measure('query($n: Int!) { plans(first: $n) { edges { node { id } } } }').cost).toBe(2 + 100 + 100);
    // plan, lineItems, then ×10: id, children, then ×100: id
    expect(measure('{ plan(id: "1") { lineItems { id children { id } } } }').cost).toBe(2 + 20 + 100);
  });

  it('honours JIXIAO_MAX_QUERY_COST', async () => {
    const schema = await graphqlSchema();
    const previous = process.env.JIXIAO_MAX_QUERY_COST;
    process.env.JIXIAO_MAX_QUERY_COST = '100';
    try {
      expect(maxQueryCost()).toBe(100);
      const [error] = validate(schema, parse('{ plans(first: 100) { nodes { id year } } }'), [queryLimitsRule()]);
      expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', figure: 202, limit: 100 });
      expect(error.message).toMatch(/开销 202，超过上限 100 .*cost 202 exceeds the limit of 100/);
    } finally {
      if (previous === undefined) delete process.env.JIXIAO_MAX_QUERY_COST;
      else process.env.JIXIAO_MAX_QUERY_COST = previous;
    }
    expect(maxQueryCost()).toBe(LIMITS.defaultMaxCost);
  });
});
