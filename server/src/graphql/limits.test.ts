import 'reflect-metadata';
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS, maxQueryCost, queryCost, queryLimitsRules } from './limits.js';
import { graphqlSchema } from './schema.js';

/** Every document of the client (imported at run time: the client's files are typed by the client's tsconfig). */
const CLIENT_DOCUMENTS = '../../../client/src/graphql/documents.ts';

/** Nested line items: depth grows by one per `children`. */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let level = 0; level < levels; level += 1) inner = `children { ${inner} }`;
  return `query Deep { plan(id: "1") { lineItems { ${inner} } } }`;
}

/** A value for each variable of the document, every page as large as it may be (Int → 100). */
function worstVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const value = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return value(type.ofType);
    if (isListType(type)) return [];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      return Object.fromEntries(Object.values(type.getFields()).filter((field) => isNonNullType(field.type)).map((field) => [field.name, value(field.type)]));
    }
    return { Int: 100, Float: 1, Boolean: true }[type.name] ?? '1';
  };
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) variables[variable.variable.name.value] = value(typeFromAST(schema, variable.type as never) as GraphQLInputType);
  }
  return variables;
}

describe('query limits (graphql-armor rules, graphql-query-complexity cost)', () => {
  it('lets every client document through with room to spare, and prices the whole-plan query', async () => {
    const schema = await graphqlSchema();
    const clientOperations: Record<string, unknown> = await import(/* @vite-ignore */ CLIENT_DOCUMENTS);
    const documents = Object.entries(clientOperations).filter((entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT);
    expect(documents.length).toBeGreaterThan(10);
    let planCost = 0;
    for (const [name, document] of documents) {
      const reparsed = parse(print(document));
      // Fragment-only documents are pieces of the others.
      if (!reparsed.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) continue;
      expect(validate(schema, reparsed, [...specifiedRules, ...queryLimitsRules()]), name).toEqual([]);
      const cost = queryCost(schema, reparsed, worstVariables(schema, reparsed));
      expect(cost, name).not.toBeNull();
      expect(cost!, name).toBeLessThan(LIMITS.defaultMaxCost / 3);
      if (name === 'PLAN') planCost = cost!;
    }
    expect(planCost).toBeGreaterThan(100_000);
    console.info(`whole-plan query cost ${planCost} (limit ${LIMITS.defaultMaxCost})`);
  });

  it('counts depth through fragments and refuses past 12', async () => {
    const schema = await graphqlSchema();
    // plan(1) lineItems(2) children×9 (3..11) id(12)
    expect(validate(schema, parse(deepQuery(9)), queryLimitsRules())).toEqual([]);
    const [tooDeep] = validate(schema, parse(deepQuery(10)), queryLimitsRules());
    expect(tooDeep.extensions.code).toBe('QUERY_TOO_DEEP');
    expect(tooDeep.message).toBe('查询「Deep」嵌套深度 13，超过上限 12 (query depth 13 exceeds the limit of 12)');
    const viaFragments = parse(`query { plan(id: "1") { ...A } }
      fragment A on Plan { lineItems { ...B } }
      fragment B on LineItem { children { children { ...C } } }
      fragment C on LineItem { children { children { children { children { children { children { children { children { id } } } } } } } } }`);
    expect(validate(schema, viaFragments, queryLimitsRules()).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses too many aliases and directives with typed codes', async () => {
    const schema = await graphqlSchema();
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(validate(schema, parse(aliases(LIMITS.maxAliases)), queryLimitsRules())).toEqual([]);
    const [tooMany] = validate(schema, parse(`${aliases(60)} fragment F on Query { ${Array.from({ length: 41 }, (_, i) => `b${i}: me { id }`).join(' ')} }`.replace('{ a0', '{ ...F a0')), queryLimitsRules());
    expect(tooMany.extensions).toMatchObject({ code: 'QUERY_TOO_WIDE', figure: 101, limit: 100 });
    const directives = `{ me { ${Array.from({ length: LIMITS.maxDirectives + 1 }, (_, i) => `f${i}: id @include(if: true)`).join(' ')} } }`;
    expect(validate(schema, parse(directives), queryLimitsRules()).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_LARGE']);
  });

  it('prices a connection by its page (first, variables included; at most 100) and other lists by 10', async () => {
    const schema = await graphqlSchema();
    const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables);
    // plans = 1 + 100 × (totalCount + nodes (1 + id + year))
    expect(cost('{ plans(first: 100) { totalCount nodes { id year } } }')).toBe(1 + 100 * (1 + 3));
    // the declared default page, 20
    expect(cost('{ plans { nodes { id } } }')).toBe(1 + 20 * 2);
    // a variable: its real value
    expect(cost('query($n: Int!) { plans(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(1 + 7 * 3);
    expect(cost('query($n: Int!) { plans(first: $n) { edges { node { id } } } }', { n: 5000 })).toBe(1 + 100 * 3);
    // variables that do not fit: execution refuses them, no price
    expect(cost('query($n: Int!) { plans(first: $n) { nodes { id } } }', {})).toBeNull();
    // plan, lineItems = 1 + 10 × (id + children (1 + 10 × id))
    expect(cost('{ plan(id: "1") { lineItems { id children { id } } } }')).toBe(1 + 1 + 10 * (1 + 1 + 10));
    // a page of 100 plans with their department and budget passes; the same page of nested line items does not
    const page = cost('{ plans(first: 100) { nodes { id year status department { id name region } lineItems { id name } } } }')!;
    expect(page).toBeLessThan(LIMITS.defaultMaxCost / 100);
    const runaway = cost('{ plans(first: 100) { nodes { lineItems { children { children { indicators { id name targetText gap { status explanation warnings { code message } } } } } } } } }')!;
    expect(runaway).toBeGreaterThan(LIMITS.defaultMaxCost);
  });

  it('stops a fragment bomb at the node limit, quickly', async () => {
    const schema = await graphqlSchema();
    const fragments = ['fragment F0 on Plan { id year status }'];
    for (let level = 1; level <= 30; level += 1) fragments.push(`fragment F${level} on Plan { ...F${level - 1} ...F${level - 1} }`);
    const started = Date.now();
    expect(queryCost(schema, parse(`{ plan(id: "1") { ...F30 } }\n${fragments.join('\n')}`))).toBe(Number.POSITIVE_INFINITY);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('honours JIXIAO_MAX_QUERY_COST', () => {
    const previous = process.env.JIXIAO_MAX_QUERY_COST;
    process.env.JIXIAO_MAX_QUERY_COST = '100';
    try {
      expect(maxQueryCost()).toBe(100);
      process.env.JIXIAO_MAX_QUERY_COST = 'lots';
      expect(maxQueryCost()).toBe(LIMITS.defaultMaxCost);
    } finally {
      if (previous === undefined) delete process.env.JIXIAO_MAX_QUERY_COST;
      else process.env.JIXIAO_MAX_QUERY_COST = previous;
    }
    expect(maxQueryCost()).toBe(LIMITS.defaultMaxCost);
  });
});
