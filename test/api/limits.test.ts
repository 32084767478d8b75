import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/orm.js';
import { LIMITS } from '../../server/src/graphql/limits.js';
import { type HttpApi, openHttpApi } from './http-harness.js';

const INTROSPECTION = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`;

/** Nested line items: depth grows by one per `children`. */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let level = 0; level < levels; level += 1) inner = `children { ${inner} }`;
  return `query Deep { plan(id: "1") { lineItems { ${inner} } } }`;
}

const ABUSIVE_WIDE = `query Wide {
  plans(first: 100) { nodes { lineItems { children { children { indicators { id name targetText gap { status explanation warnings { code message } } } } } } } }
}`;

function fragmentBomb(levels: number): string {
  const fragments = [`fragment F0 on Plan { id year status }`];
  // Each fragment spreads the one before twice: 2^levels fields once expanded, at depth 2.
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Plan { ...F${level - 1} ...F${level - 1} }`);
  return `query Bomb { plan(id: "1") { ...F${levels} } }\n${fragments.join('\n')}`;
}

function codes(json: any): string[] {
  return (json?.errors ?? []).map((error: any) => error.extensions?.code);
}

describe('limits and hardening over HTTP', () => {
  let api: HttpApi;
  let admin: string;
  let analyst: string;
  let planner: string;

  beforeAll(async () => {
    api = await openHttpApi();
    admin = await api.addUser('admin', 'ADMIN');
    analyst = await api.addUser('analyst', 'ANALYST');
    const { createDepartment } = await api.gql('mutation { createDepartment(input: { name: "测试部门" }) { department { id } userErrors { code } } }', {}, admin);
    planner = await api.addUser('planner', 'PLANNER', [Number(createDepartment.department.id)]);
  });
  afterAll(() => api?.close());

  it('refuses a deep query with QUERY_TOO_DEEP (400) and a Chinese+English message', async () => {
    const reply = await api.post({ query: deepQuery(14) }, { token: admin });
    expect(reply.status).toBe(400);
    expect(codes(reply.json)).toEqual(['QUERY_TOO_DEEP']);
    expect(reply.json.errors[0].message).toBe('查询「Deep」嵌套深度 17，超过上限 12 (query depth 17 exceeds the limit of 12)');
  });

  it('refuses a costly query with QUERY_TOO_COSTLY, and a fragment bomb quickly', async () => {
    const wide = await api.post({ query: ABUSIVE_WIDE }, { token: admin });
    expect(wide.status).toBe(400);
    expect(codes(wide.json)).toEqual(['QUERY_TOO_COSTLY']);
    expect(wide.json.errors[0].message).toMatch(/^查询「Wide」开销 \d+，超过上限 10000000 \(query cost \d+ exceeds the limit of 10000000\)$/);

    const started = Date.now();
    const bomb = await api.post({ query: fragmentBomb(30) }, { token: admin });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(bomb.status).toBe(400);
    expect(codes(bomb.json)).toContain('QUERY_TOO_COSTLY');
  });

  it('prices a page by the size the request asks for, variables included', async () => {
    const query = `query Page($n: Int!) {
      plans(first: $n) { nodes { lineItems { children { children { indicators { id name targetText gap { status explanation warnings { code message } } } } } } } }
    }`;
    const small = await api.post({ query, variables: { n: 1 } }, { token: admin });
    expect(small.status).toBe(200);
    expect(small.json.errors).toBeUndefined();
    const large = await api.post({ query, variables: { n: 100 } }, { token: admin });
    expect(large.status).toBe(400);
    expect(codes(large.json)).toEqual(['QUERY_TOO_COSTLY']);
    expect(large.json.data).toBeUndefined();
    // A wrong variable is execution's to refuse, not a cost.
    const wrong = await api.post({ query, variables: { n: 'many' } }, { token: admin });
    expect(codes(wrong.json)).toEqual(['BAD_USER_INPUT']);
    // Costs are remembered per document and page size (and directive conditions), never across them.
    expect((await api.post({ query, variables: { n: 1 } }, { token: admin })).status).toBe(200);
    expect(codes((await api.post({ query, variables: { n: 100 } }, { token: admin })).json)).toEqual(['QUERY_TOO_COSTLY']);
    const conditional = `query Conditional($deep: Boolean!) {
      plans(first: 100) { nodes { id lineItems @include(if: $deep) { children { children { indicators { id name targetText gap { status explanation warnings { code message } } } } } } } }
    }`;
    expect((await api.post({ query: conditional, variables: { deep: false } }, { token: admin })).status).toBe(200);
    expect(codes((await api.post({ query: conditional, variables: { deep: true } }, { token: admin })).json)).toEqual(['QUERY_TOO_COSTLY']);
    expect((await api.post({ query: conditional, variables: { deep: false } }, { token: admin })).status).toBe(200);
  });

  it('suggests field names only to signed-in users', async () => {
    const anonymous = await api.post({ query: '{ plann { id } }' });
    expect(anonymous.status).toBe(400);
    expect(codes(anonymous.json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(anonymous.json.errors[0].message).toContain('Cannot query field "plann"');
    expect(anonymous.text).not.toMatch(/Did you mean|"plans"/);
    const argument = await api.post({ query: '{ plans(frist: 1) { totalCount } }' });
    expect(argument.text).not.toMatch(/Did you mean|"first"/);
    const signedIn = await api.post({ query: '{ plann { id } }' }, { token: planner });
    expect(signedIn.json.errors[0].message).toMatch(/Did you mean "plan"/);
  });

  it('caps width: fields per selection, aliases, mutations per request, operations, fields, tokens and length', async () => {
    const aliases = (count: number) => Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ');
    const ok = await api.post({ query: `{ ${aliases(LIMITS.maxFieldsPerSelection)} }` }, { token: admin });
    expect(ok.status).toBe(200);
    const wide = await api.post({ query: `{ ${aliases(LIMITS.maxFieldsPerSelection + 1)} }` }, { token: admin });
    expect(codes(wide.json)).toEqual(['QUERY_TOO_WIDE', 'QUERY_TOO_WIDE']);
    expect(wide.json.errors.map((e: any) => e.message).join('\n')).toContain('同一层选择了 101 个字段，超过上限 100');

    const mutations = Array.from({ length: 11 }, (_, index) => `s${index}: signOut { signedOut }`).join(' ');
    const tooManyMutations = await api.post({ query: `mutation { ${mutations} }` }, { token: admin });
    expect(tooManyMutations.status).toBe(400);
    expect(codes(tooManyMutations.json)).toEqual(['QUERY_TOO_WIDE']);

    const operations = Array.from({ length: 11 }, (_, index) => `query Q${index} { __typename }`).join('\n');
    const tooManyOperations = await api.post({ query: operations, operationName: 'Q0' }, { token: admin });
    expect(codes(tooManyOperations.json)).toEqual(['QUERY_TOO_LARGE']);

    const manyFields = `{ ${Array.from({ length: 95 }, (_, i) => `p${i}: plans { totalCount pageInfo { hasNextPage } nodes { id year status version createdAt updatedAt source fixedAssets statedRegion department { id name shortName region code version createdAt updatedAt } } }`).join(' ')} }`;
    const tooManyFields = await api.post({ query: manyFields }, { token: admin });
    expect(tooManyFields.status).toBe(400);
    expect(codes(tooManyFields.json)).toContain('QUERY_TOO_LARGE');

    const tokens = await api.post({ query: `{ ${'a '.repeat(LIMITS.maxTokens)} }` }, { token: admin });
    expect(tokens.status).toBe(400);
    expect(codes(tokens.json)).toEqual(['GRAPHQL_PARSE_FAILED']);

    const long = await api.post({ query: `{ __typename }${' '.repeat(LIMITS.maxQueryLength)}` }, { token: admin });
    expect(long.status).toBe(413);
    expect(codes(long.json)).toEqual(['QUERY_TOO_LARGE']);
  });

  it('refuses batched requests and bodies over 5 MB with JSON errors', async () => {
    const batch = await api.post([{ query: '{ __typename }' }, { query: '{ __typename }' }], { token: admin });
    expect(batch.status).toBe(400);
    expect(codes(batch.json)).toEqual(['BAD_REQUEST']);
    const big = await api.post({ query: '{ __typename }', variables: { x: 'x'.repeat(6 * 1024 * 1024) } }, { token: admin });
    expect(big.status).toBe(413);
    expect(codes(big.json)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses NUL and lone surrogates anywhere in the body, subscriptions and persisted queries, with typed errors', async () => {
    for (const text of ['a\u0000b', 'x\ud800', '\udfffy']) {
      const reply = await api.post({ query: 'query($t: String!) { parseIndicatorValue(text: $t) { raw } }', variables: { t: text } }, { token: admin });
      expect(reply.status).toBe(400);
      expect(codes(reply.json)).toEqual(['BAD_USER_INPUT']);
    }
    const surrogatePair = await api.post({ query: 'query($t: String!) { parseIndicatorValue(text: $t) { raw } }', variables: { t: '😀' } }, { token: admin });
    expect(surrogatePair.json.data.parseIndicatorValue.raw).toBe('😀');
    const subscription = await api.post({ query: 'subscription { plans { id } }' }, { token: admin });
    expect(subscription.status).toBe(400);
    expect(codes(subscription.json)).toEqual(['OPERATION_NOT_SUPPORTED']);
    const persisted = await api.post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } }, { token: admin });
    expect(codes(persisted.json)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
  });

  it('a cookie that does not decode is no session (not a 500)', async () => {
    const reply = await api.post({ query: '{ plans { totalCount } }' }, { headers: { cookie: 'jixiao_session=%%%' } });
    expect(reply.status).toBe(200);
    expect(codes(reply.json)).toEqual(['UNAUTHENTICATED']);
  });

  it('a malformed id in a query is BAD_USER_INPUT with the service message, not an internal error', async () => {
    const reply = await api.post({ query: '{ plan(id: "abc") { id } }' }, { token: admin });
    expect(reply.status).toBe(200);
    expect(reply.json.errors[0].message).toBe('无效的编号：abc (invalid id)');
    expect(reply.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(reply.json.errors[0].extensions.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('allows introspection in development, signed in or not', async () => {
    for (const token of [null, planner, analyst]) {
      const reply = await api.post({ query: INTROSPECTION }, { token });
      expect(reply.status).toBe(200);
      expect(reply.json.data.__schema.types.length).toBeGreaterThan(50);
    }
  });

  it('CSRF prevention: a text/plain POST and a GET without a preflight header are refused with 400', async () => {
    const plain = await api.request('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(plain.status).toBe(400);
    expect(plain.text).toContain('CSRF');
    const none = await api.request('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) });
    expect(none.status).toBe(400);
    const form = await api.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' });
    expect(form.status).toBe(400);
    const get = await api.request(`/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(get.text).toContain('CSRF');
    const preflighted = await api.request(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('sets security headers on every response, and no-store on /graphql', async () => {
    const graphql = await api.post({ query: '{ __typename }' });
    const health = await api.request('/healthz');
    const page = await api.request('/');
    for (const reply of [graphql, health, page]) {
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
      expect(reply.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      const csp = reply.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("font-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('x-powered-by')).toBeNull();
      // helmet's other defaults
      expect(reply.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(reply.headers.get('x-permitted-cross-domain-policies')).toBe('none');
      expect(reply.headers.get('strict-transport-security')).toBeNull();
    }
    expect(graphql.headers.get('cache-control')).toBe('no-store');
    const error = await api.post('{not json');
    expect(error.headers.get('cache-control')).toBe('no-store');
    expect(error.headers.get('x-frame-options')).toBe('DENY');
  });

  it('shows stack traces and internal messages in development', async () => {
    const reply = await api.post({ query: '{ parseIndicatorValue(text: 1) { raw } }' }, { token: admin });
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].extensions.stacktrace).toBeDefined();
  });
});

describe('production mode', () => {
  let api: HttpApi;
  let admin: string;
  let analyst: string;
  let planner: string;
  const previous = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    api = await openHttpApi();
    admin = await api.addUser('admin', 'ADMIN');
    analyst = await api.addUser('analyst', 'ANALYST');
    const { createDepartment } = await api.gql('mutation { createDepartment(input: { name: "测试部门" }) { department { id } userErrors { code } } }', {}, admin);
    planner = await api.addUser('planner', 'PLANNER', [Number(createDepartment.department.id)]);
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
    await api?.close();
  });

  it('introspection only for signed-in analysts and administrators', async () => {
    for (const token of [analyst, admin]) {
      const reply = await api.post({ query: INTROSPECTION }, { token });
      expect(reply.status).toBe(200);
      expect(reply.json.data.__schema.types.length).toBeGreaterThan(50);
    }
    for (const token of [null, planner]) {
      for (const query of [INTROSPECTION, '{ __type(name: "Plan") { name fields { name } } }', '{ me { id } ...F } fragment F on Query { __schema { queryType { name } } }']) {
        const reply = await api.post({ query }, { token });
        expect(reply.status).toBe(403);
        expect(reply.json.data).toBeUndefined();
        expect(codes(reply.json)).toEqual(['FORBIDDEN']);
        expect(reply.json.errors[0].message).toContain('仅分析人员和系统管理员');
      }
    }
    // __typename is not introspection.
    const typename = await api.post({ query: '{ __typename }' }, { token: planner });
    expect(typename.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('errors carry no stack trace; user-input errors keep their Chinese messages', async () => {
    const validation = await api.post({ query: '{ parseIndicatorValue(text: 1) { raw } }' }, { token: admin });
    expect(validation.status).toBe(400);
    expect(validation.json.errors[0].extensions.stacktrace).toBeUndefined();

    const page = await api.post({ query: '{ plans(first: 1000) { totalCount } }' }, { token: admin });
    expect(page.status).toBe(200);
    expect(page.json.errors[0].message).toBe('first 须在 1 到 100 之间 (first must be 1..100)');
    expect(page.json.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first' });

    const refused = await api.post({ query: 'mutation { createDepartment(input: { name: "" }) { department { id } userErrors { code message } } }' }, { token: admin });
    expect(refused.json.data.createDepartment.userErrors[0]).toEqual({ code: 'REQUIRED', message: '必填 (required)' });

    const unauthenticated = await api.post({ query: '{ plans { totalCount } }' });
    expect(unauthenticated.json.errors[0].extensions.stacktrace).toBeUndefined();
    expect(unauthenticated.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('masks unexpected errors: an internal failure is INTERNAL_SERVER_ERROR with a plain message', async () => {
    // A database failure mid-request: the table the query reads is gone.
    const orm = await openDatabase(':memory:');
    const { listener, apollo } = await createHttpApp(orm);
    const server = createServer(listener).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const em = orm.em.fork();
      const { createUser } = await import('../../server/src/modules/user/user.service.js');
      await createUser(em, { username: 'admin', displayName: 'admin', password: 'correct horse battery', role: 'ADMIN', departments: [] });
      const post = async (query: string, token?: string) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        });
        return { status: response.status, json: (await response.json()) as any };
      };
      const signIn = await post('mutation { signIn(username: "admin", password: "correct horse battery") { token } }');
      const token = signIn.json.data.signIn.token;
      await orm.em.getConnection().execute('drop table `key_task`');
      await orm.em.getConnection().execute('drop table `plan`');
      const reply = await post('{ plans { totalCount } }', token);
      expect(reply.status).toBe(200);
      expect(reply.json.errors).toHaveLength(1);
      expect(reply.json.errors[0].message).toBe('服务器内部错误 (internal server error)');
      expect(reply.json.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(reply.json)).not.toMatch(/plan\b|sqlite|no such table|\.ts:/i);
    } finally {
      server.closeAllConnections();
      server.close();
      await apollo.stop();
      await orm.close();
    }
  });
});
