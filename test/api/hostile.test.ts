/**
 * Hostile input (issue 6 item 7): well over 1,000 generated malformed or hostile HTTP requests against
 * the real HTTP app. For every one: an answer (no hang-up), never HTTP 500, a JSON body, and a typed
 * refusal: GraphQL `errors` each with an `extensions.code` (never INTERNAL_SERVER_ERROR), or a mutation
 * payload carrying `userErrors` each with a `code`. Every generated write is invalid in some way (or
 * forged by a planner), so afterwards the database must equal its dump from before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlSchema } from '../../server/src/graphql/schema.js';
import { readFixture } from './harness.js';
import { type HttpApi, type HttpReply, openHttpApi } from './http-harness.js';
import { TEST_POSTGRES } from './test-db.js';

const SEED = 0x6a697869; // "jixi"
const CONCURRENCY = 8;

/** mulberry32: small, seeded, reproducible. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

// ── hostile values ──────────────────────────────────────────────────────────────────────────────
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const LONG_TEXT = '长'.repeat(25_000); // over every text limit (500 short, 20,000 long)
const BAD_DECIMALS = ['1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '-0.0000001', '0.0000001', '１２', '١٢', '1.2.3', '', ' ', '0x10', '1e-7', '1e5', '12345678901234567890123456789', '9'.repeat(400), '--1', '+-1', '1,000', '12万', 'abc', '1_000', '.', '-', '\u0000', '<script>', "'; drop table plan; --"];
const BAD_IDS = ['99999999', '0', '-1', 'abc', '1.5', '１２', '1e3', '', ' 1', '9'.repeat(40), "1; drop table plan; --", '<script>alert(1)</script>', '\u0000', '1 OR 1=1', '0x1', 'NaN', '2147483648', '-0'];
const HTML_SQL = ['<script>alert(1)</script>', "'; drop table plan; --", '" OR "1"="1', '<img src=x onerror=alert(1)>', '${7*7}', '{{7*7}}', '../../etc/passwd', '%00', 'Robert\'); DROP TABLE department;--'];
const CONTROL = ['\u0000', 'a\u0007b', '\u001b[31m红\u001b[0m', 'x\u007fy', 'a\u000bb', 'tab\u0008'];
const ODD_UNICODE = ['\ud800', 'a\udfffb', '\u202e反转', '\u200b', '😀'.repeat(50), 'ｆｕｌｌ', '\ufeff'];
const WRONG_TYPES: Record<string, unknown[]> = {
  String: [123, 1.5, true, {}, [], ['a'], { a: 1 }],
  ID: [1.5, true, {}, [], [1], { id: 1 }],
  Int: ['12', 1.5, 2 ** 31, -(2 ** 31) - 1, 1e300, '１２', true, {}, [], 'NaN', 'Infinity', Number.MAX_SAFE_INTEGER + 2],
  Boolean: ['yes', 1, 'true', {}, []],
  Decimal: [{}, [], true, { value: '1' }, ['1']],
  enum: ['NOT_A_VALUE', 'draft', 1, '', {}, '<script>'],
  input: ['string', 1, [], true],
  JSONObject: ['string', 1, true, []],
};

// ── the schema, read generically ────────────────────────────────────────────────────────────────
interface TypeRef {
  nonNull: boolean;
  list: TypeRef | null;
  name: string;
}
function typeRef(text: string): TypeRef {
  const nonNull = text.endsWith('!');
  const inner = nonNull ? text.slice(0, -1) : text;
  if (inner.startsWith('[')) return { nonNull, list: typeRef(inner.slice(1, -1)), name: '' };
  return { nonNull, list: null, name: inner };
}
function typeText(ref: TypeRef): string {
  return `${ref.list ? `[${typeText(ref.list)}]` : ref.name}${ref.nonNull ? '!' : ''}`;
}

type Schema = Awaited<ReturnType<typeof graphqlSchema>>;
interface MutationSpec {
  name: string;
  args: { name: string; type: TypeRef }[];
  selection: string;
}

function kindOf(schema: Schema, name: string): 'scalar' | 'enum' | 'input' | 'object' {
  const type = schema.getType(name) as any;
  if (typeof type.getValues === 'function') return 'enum';
  if (typeof type.getFields === 'function') return type.constructor.name === 'GraphQLInputObjectType' ? 'input' : 'object';
  return 'scalar';
}

function payloadSelection(schema: Schema, typeName: string): string {
  const fields = (schema.getType(typeName) as any).getFields() as Record<string, { type: unknown }>;
  return Object.entries(fields)
    .map(([name, field]) => {
      const named = String(field.type).replace(/[[\]!]/g, '');
      if (name === 'userErrors') return 'userErrors { code field message }';
      if (kindOf(schema, named) === 'object') return `${name} { __typename ${'id' in (schema.getType(named) as any).getFields() ? 'id' : ''} }`;
      return name;
    })
    .join(' ');
}

function mutationSpecs(schema: Schema): MutationSpec[] {
  const fields = schema.getMutationType()!.getFields();
  return Object.values(fields).map((field) => ({
    name: field.name,
    args: field.args.map((arg) => ({ name: arg.name, type: typeRef(String(arg.type)) })),
    selection: payloadSelection(schema, String(field.type).replace(/[[\]!]/g, '')),
  }));
}

// ── the data the requests aim at ────────────────────────────────────────────────────────────────
interface Ids {
  department: string[];
  plan: string[];
  lineItem: string[];
  indicator: string[];
  keyTask: string[];
  budgetLine: string[];
}
const emptyIds = (): Ids => ({ department: [], plan: [], lineItem: [], indicator: [], keyTask: [], budgetLine: [] });

/** Which kind of object an ID argument names, by mutation and argument. */
function idKind(mutation: string, arg: string): keyof Ids {
  if (arg === 'planId' || arg === 'copyFromPlanId') return 'plan';
  if (arg === 'lineItemId' || arg === 'parentId') return 'lineItem';
  if (arg === 'departmentId' || arg === 'departmentIds') return 'department';
  if (/Department/.test(mutation)) return 'department';
  if (/KeyTask/.test(mutation)) return 'keyTask';
  if (/LineItem/.test(mutation)) return 'lineItem';
  if (/BudgetLine/.test(mutation)) return 'budgetLine';
  if (/Indicator/.test(mutation)) return 'indicator';
  return 'plan';
}

// ── building one mutation's arguments ───────────────────────────────────────────────────────────
interface Leaf {
  path: (string | number)[];
  type: string;
  kind: 'scalar' | 'enum' | 'input';
  mutation: string;
  arg: string;
}

function plausible(schema: Schema, rng: Rng, ref: TypeRef, mutation: string, arg: string, ids: Ids, path: (string | number)[], leaves: Leaf[], document: unknown): unknown {
  if (!ref.nonNull && rng.chance(0.25)) return undefined;
  if (ref.list) {
    const item = plausible(schema, rng, { ...ref.list, nonNull: true }, mutation, arg, ids, [...path, 0], leaves, document);
    return [item];
  }
  const kind = kindOf(schema, ref.name);
  if (kind === 'input') {
    const fields = (schema.getType(ref.name) as any).getFields() as Record<string, { type: unknown }>;
    const value: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      const inner = plausible(schema, rng, typeRef(String(field.type)), mutation, name, ids, [...path, name], leaves, document);
      if (inner !== undefined) value[name] = inner;
    }
    leaves.push({ path, type: ref.name, kind: 'input', mutation, arg });
    return value;
  }
  leaves.push({ path, type: ref.name, kind: kind === 'enum' ? 'enum' : 'scalar', mutation, arg });
  if (kind === 'enum') return rng.pick((schema.getType(ref.name) as any).getValues().map((value: { name: string }) => value.name));
  switch (ref.name) {
    case 'ID':
      return rng.pick(ids[idKind(mutation, arg)].length ? ids[idKind(mutation, arg)] : ['1']);
    case 'Int':
      return arg === 'year' ? 2030 : rng.int(3);
    case 'Decimal':
      return rng.pick(['1', '12.5', '0', '100.000001']);
    case 'Boolean':
      return rng.chance(0.5);
    case 'JSONObject':
      return structuredClone(document);
    default:
      return rng.chance(0.3) ? rng.pick([...HTML_SQL, ...ODD_UNICODE]) : rng.pick(['测试', '宣传经费', '不少于12次', '90%', 'abc']);
  }
}

/** Sets a value inside the variables; false when an earlier poison already replaced a parent. */
function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): boolean {
  let target: any = root;
  for (const key of path.slice(0, -1)) {
    target = target?.[key];
    if (target === null || typeof target !== 'object') return false;
  }
  target[path[path.length - 1]] = value;
  return true;
}

/** Poisons that make a write certainly invalid, for a leaf. */
function strongPoisons(leaf: Leaf, rng: Rng): { label: string; value: unknown }[] {
  const poisons: { label: string; value: unknown }[] = [];
  const wrong = leaf.kind === 'input' ? WRONG_TYPES.input : leaf.kind === 'enum' ? WRONG_TYPES.enum : (WRONG_TYPES[leaf.type] ?? WRONG_TYPES.String);
  poisons.push({ label: `wrong type ${leaf.type}`, value: rng.pick(wrong) });
  // A reason is ignored unless the change needs one (an adjustment, a deduction): only its type can poison it.
  if (leaf.arg === 'reason') return poisons;
  if (leaf.type === 'ID' && leaf.kind === 'scalar') poisons.push({ label: 'unknown or malformed id', value: rng.pick(BAD_IDS) });
  if (leaf.type === 'Decimal') poisons.push({ label: 'bad decimal', value: rng.pick(BAD_DECIMALS) });
  if (leaf.type === 'String') {
    poisons.push({ label: 'too long', value: LONG_TEXT });
    poisons.push({ label: 'control characters', value: rng.pick(CONTROL) });
  }
  if (leaf.type === 'Int') poisons.push({ label: 'huge int', value: rng.pick([2 ** 31, -(2 ** 31) - 1, 1e21]) });
  return poisons;
}

// ── requests ────────────────────────────────────────────────────────────────────────────────────
type Actor = 'admin' | 'planner' | 'anonymous';
interface HostileRequest {
  category: string;
  label: string;
  actor: Actor;
  /** A JSON body (object or array), or raw text. */
  body?: unknown;
  raw?: string;
  method?: string;
  headers?: Record<string, string>;
  /** Query string for GET. */
  search?: string;
  /** Root fields that are mutations, whose payloads must carry userErrors when there are no errors. */
  expectsErrorsOnly?: boolean;
}

function mutationRequest(spec: MutationSpec, variables: Record<string, unknown>): { query: string; variables: Record<string, unknown> } {
  const declared = spec.args.map((arg) => `$${arg.name}: ${typeText(arg.type)}`).join(', ');
  const passed = spec.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = spec.args.length
    ? `mutation Hostile(${declared}) { ${spec.name}(${passed}) { ${spec.selection} } }`
    : `mutation Hostile { ${spec.name} { ${spec.selection} } }`;
  return { query, variables };
}

const DEEP_FRAGMENTS = (levels: number) => {
  const fragments = ['fragment F0 on Plan { id year }'];
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Plan { ...F${level - 1} ...F${level - 1} }`);
  return `query Bomb { plans { nodes { ...F${levels} } } }\n${fragments.join('\n')}`;
};
function nested(levels: number, leaf = 'id'): string {
  let inner = leaf;
  for (let level = 0; level < levels; level += 1) inner = `children { ${inner} }`;
  return inner;
}

function hostileQueries(rng: Rng, ids: Ids): { label: string; query: string; variables?: unknown; operationName?: string }[] {
  const badId = () => JSON.stringify(rng.pick(BAD_IDS.filter((id) => !/^\d+$/.test(id))));
  return [
    { label: 'deep line items', query: `{ plan(id: "${rng.pick(ids.plan)}") { lineItems { ${nested(12 + rng.int(40))} } } }` },
    { label: 'deep department/plans cycle', query: `{ departments { nodes { ${'plans { department { '.repeat(6 + rng.int(10))}id${' } }'.repeat(6 + rng.int(10))} } } }`.replace(/\{ (\d+) \}/, '$1') },
    { label: 'wide and costly', query: `{ plans(first: 100) { nodes { lineItems { children { children { indicators { id gap { explanation warnings { code } } target { hints { display } } } } } } } } }` },
    { label: 'aliases ×200', query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: plans(first: 100) { totalCount }`).join(' ')} }` },
    { label: 'fragment bomb', query: DEEP_FRAGMENTS(20 + rng.int(20)) },
    { label: 'unknown field', query: `{ plan(id: "${rng.pick(ids.plan)}") { ${rng.pick(['password', 'passwordHash', '__proto__', 'constructor', 'secret', 'sql'])} } }` },
    { label: 'unknown root field', query: `{ ${rng.pick(['users', 'sessions', 'auditEntries', 'dropTable', 'eval'])} }` },
    { label: 'unknown type fragment', query: '{ ...on Nope { id } }' },
    { label: 'malformed id in query', query: `{ plan(id: ${badId()}) { id } }` },
    { label: 'page size out of range', query: `{ plans(first: ${rng.pick([0, -1, 101, 1000, 2147483647])}) { totalCount } }` },
    { label: 'int overflow', query: `{ plans(first: ${rng.pick(['2147483648', '1e3', '9999999999999999999999', '-2147483649', '1.5'])}) { totalCount } }` },
    { label: 'bad cursor', query: `{ plans(after: ${JSON.stringify(rng.pick(['abc', 'b2Zmc2V0Oi0x', Buffer.from('offset:99999999999').toString('base64url'), '\u0000', 'x'.repeat(5000)]))}) { totalCount } }` },
    { label: 'wrong literal types', query: `{ planByYear(year: "2021", departmentId: ${rng.pick(ids.department)}) { id } }` },
    { label: 'missing required argument', query: '{ plan { id } }' },
    { label: 'variable not declared', query: '{ plan(id: $id) { id } }', variables: { id: '1' } },
    { label: 'variable of the wrong type', query: 'query($id: ID!) { plan(id: $id) { id } }', variables: { id: { $gt: 0 } } },
    { label: 'null for non-null variable', query: 'query($id: ID!) { plan(id: $id) { id } }', variables: { id: null } },
    { label: 'unknown operation name', query: '{ __typename }', operationName: rng.pick(['Nope', '', '<script>', 'x'.repeat(10_000)]) },
    { label: 'two anonymous operations', query: '{ __typename } { __typename }' },
    { label: 'several operations, no name', query: 'query A { __typename } query B { __typename }' },
    { label: 'subscription', query: 'subscription { plans { id } }' },
    { label: 'syntax error', query: rng.pick(['{', '}', '{ plan(id: ) }', 'query {{ }}', 'mutation', '{ plan(id: "1" { id } }', '\u0000', '{ a: b: c }', '{ plans(first: NaN) { totalCount } }', '{ plans(first: Infinity) { totalCount } }']) },
    { label: 'empty query', query: rng.pick(['', ' ', '\n\t', '#comment only']) },
    { label: 'directives abuse', query: `{ __typename ${'@skip(if: false) '.repeat(200 + rng.int(200))}} ` },
    { label: 'unknown directive', query: '{ __typename @nope }' },
    { label: 'exportPlanDocument malformed id', query: `{ exportPlanDocument(planId: ${badId()}) }` },
    { label: 'department by malformed id', query: `{ department(id: ${badId()}) { id } }` },
  ];
}

function garbage(rng: Rng): string {
  const length = 1 + rng.int(400);
  let text = '';
  for (let index = 0; index < length; index += 1) text += String.fromCharCode(rng.pick([rng.int(128), rng.int(0x10000), 0x7b, 0x7d, 0x22, 0x5b, 0x5d, 0x3a, 0x2c]));
  return text;
}

function buildRequests(schema: Schema, rng: Rng, specs: MutationSpec[], own: Ids, other: Ids, all: Ids, document: Record<string, unknown>): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const writable = specs.filter((spec) => spec.name !== 'signOut' && spec.name !== 'signIn');

  // 1. Every mutation, as the administrator and as a planner on their own department, each write poisoned.
  for (const spec of writable) {
    for (let round = 0; round < 26; round += 1) {
      const actor: Actor = round % 3 === 2 ? 'planner' : 'admin';
      const ids = actor === 'planner' ? own : all;
      const leaves: Leaf[] = [];
      const variables: Record<string, unknown> = {};
      for (const arg of spec.args) {
        // Required arguments always, so the poison is not lost to "missing argument" alone.
        const value = plausible(schema, rng, { ...arg.type, nonNull: arg.type.nonNull || rng.chance(0.5) }, spec.name, arg.name, ids, [arg.name], leaves, document);
        if (value !== undefined) variables[arg.name] = value;
      }
      const leafPoisons = leaves.flatMap((leaf) => strongPoisons(leaf, rng).map((poison) => ({ leaf, poison })));
      const count = 1 + (rng.chance(0.3) ? 1 : 0);
      const labels: string[] = [];
      for (let index = 0; index < count && leafPoisons.length; index += 1) {
        const { leaf, poison } = rng.pick(leafPoisons);
        if (setAt(variables, leaf.path, poison.value)) labels.push(`${leaf.path.join('.')}: ${poison.label}`);
      }
      if (spec.name === 'importPlanDocument' && !labels.some((label) => label.startsWith('document'))) {
        // A document is valid unless made otherwise: break one of its figures too.
        const broken = structuredClone(document) as any;
        broken.year = rng.pick(['二〇二一', -1, 1e309 === Infinity ? 99999 : 0, null, '2021"; drop table plan; --']);
        variables.document = broken;
        labels.push('document.year: invalid');
      }
      if (!labels.length) continue;
      requests.push({ category: `poisoned ${actor} write`, label: `${spec.name} ${labels.join(', ')}`, actor, body: mutationRequest(spec, variables) });
    }
  }

  // 2. Forged ids: the planner aims otherwise plausible writes at another department's objects.
  for (const spec of writable) {
    for (let round = 0; round < 5; round += 1) {
      const leaves: Leaf[] = [];
      const variables: Record<string, unknown> = {};
      for (const arg of spec.args) {
        const value = plausible(schema, rng, { ...arg.type, nonNull: true }, spec.name, arg.name, other, [arg.name], leaves, document);
        if (value !== undefined) variables[arg.name] = value;
      }
      // Some mix an own plan with a foreign line item or department (cross-department references).
      const foreignReference = spec.args.some((arg) => ['lineItemId', 'parentId', 'copyFromPlanId'].includes(arg.name) && variables[arg.name] !== undefined);
      if (round === 4 && 'planId' in variables && foreignReference) variables.planId = own.plan[0];
      if (spec.name === 'createUser' && variables.input) (variables.input as any).role = 'ADMIN';
      requests.push({ category: 'forged ids (planner)', label: `${spec.name} ${JSON.stringify(variables).slice(0, 120)}`, actor: 'planner', body: mutationRequest(spec, variables) });
    }
  }

  // 3. Unauthenticated: every mutation with plausible (even valid) input, and sign-in with bad credentials.
  for (const spec of writable) {
    for (let round = 0; round < 3; round += 1) {
      const variables: Record<string, unknown> = {};
      for (const arg of spec.args) {
        const value = plausible(schema, rng, { ...arg.type, nonNull: true }, spec.name, arg.name, all, [arg.name], [], document);
        if (value !== undefined) variables[arg.name] = value;
      }
      requests.push({ category: 'unauthenticated write', label: spec.name, actor: 'anonymous', body: mutationRequest(spec, variables) });
    }
  }
  const signIn = specs.find((spec) => spec.name === 'signIn')!;
  for (let round = 0; round < 12; round += 1) {
    const username = rng.pick(['admin', 'planner', 'nobody', "admin'--", '<script>', 'x'.repeat(10_000), '\u0000', '', 'ADMIN ']);
    const password = rng.pick(['', 'wrong password', 'x'.repeat(100_000), "' or '1'='1", '\ud800\ud800', 'correct horse batter']);
    requests.push({ category: 'bad sign-in', label: `signIn ${username.slice(0, 20)}`, actor: rng.pick(['anonymous', 'planner'] as Actor[]), body: mutationRequest(signIn, { username, password }) });
  }

  // 4. Hostile queries, as each actor.
  for (let round = 0; round < 8; round += 1) {
    for (const query of hostileQueries(rng, all)) {
      requests.push({ category: 'hostile query', label: query.label, actor: rng.pick(['admin', 'planner', 'anonymous'] as Actor[]), body: { query: query.query, variables: query.variables, operationName: query.operationName } });
    }
  }
  // Reads of another department's plan by the planner.
  for (const id of other.plan) {
    for (const query of [`{ plan(id: "${id}") { id year } }`, `{ exportPlanDocument(planId: "${id}") }`, `{ plan(id: "${id}") { indicators { id name } } }`]) {
      requests.push({ category: 'forged read (planner)', label: query, actor: 'planner', body: { query } });
    }
  }

  // 5. Malformed HTTP: bodies, content types, methods, batches, sizes.
  const simple = { query: '{ __typename }' };
  const malformed: Omit<HostileRequest, 'actor' | 'category'>[] = [
    { label: 'truncated JSON', raw: '{"query": "{ __typename }"' },
    { label: 'not JSON', raw: 'query { __typename }' },
    { label: 'JSON with NaN', raw: '{"query": "{ plans(first: $n) { totalCount } }", "variables": {"n": NaN}}' },
    { label: 'JSON with Infinity', raw: '{"query": "query($n: Int!) { plans(first: $n) { totalCount } }", "variables": {"n": Infinity}}' },
    { label: 'JSON 1e309', raw: '{"query": "query($n: Int!) { plans(first: $n) { totalCount } }", "variables": {"n": 1e309}}' },
    { label: 'JSON string', raw: '"{ __typename }"' },
    { label: 'JSON number', raw: '12' },
    { label: 'JSON null', raw: 'null' },
    { label: 'JSON true', raw: 'true' },
    { label: 'empty body', raw: '' },
    { label: 'empty object', body: {} },
    { label: 'query is a number', body: { query: 12 } },
    { label: 'query is an object', body: { query: { kind: 'Document', definitions: [] } } },
    { label: 'query is an array', body: { query: ['{ __typename }'] } },
    { label: 'variables is a string', body: { query: '{ __typename }', variables: 'x' } },
    { label: 'variables is an array', body: { query: '{ __typename }', variables: [1, 2] } },
    { label: 'operationName is an object', body: { query: '{ __typename }', operationName: {} } },
    { label: 'extensions garbage', body: { query: '{ __typename }', extensions: 'x' } },
    { label: 'persisted query unknown hash', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } } },
    { label: 'persisted query bad hash', body: { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } } },
    { label: '__proto__ pollution', raw: '{"query": "query($id: ID!) { plan(id: $id) { id } }", "__proto__": {"polluted": true}, "variables": {"__proto__": {"id": "1"}}}' },
    { label: 'batched array', body: [simple, simple] },
    { label: 'batched array of 1000', body: Array.from({ length: 1000 }, () => simple) },
    { label: 'empty array', body: [] },
    { label: 'deeply nested JSON', raw: `{"query": "query($x: String) { parseIndicatorValue(text: $x) { raw } }", "variables": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}` },
    { label: 'deeply nested document', raw: `{"query": "mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { code } } }", "variables": {"d": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}` },
    { label: 'huge variables object', body: { query: 'query($id: ID!) { plan(id: $id) { id } }', variables: Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`v${i}`, i])) } },
    { label: '10 MB string', body: { query: 'query($t: String!) { parseIndicatorValue(text: $t) { raw } }', variables: { t: TEN_MB } } },
    { label: '10 MB name', body: { query: 'mutation($n: String!) { createDepartment(input: { name: $n }) { userErrors { code } } }', variables: { n: TEN_MB } } },
    { label: '10 MB query', raw: JSON.stringify({ query: `{ __typename ${' '.repeat(10 * 1024 * 1024)}}` }) },
    { label: 'text/plain', body: simple, headers: { 'content-type': 'text/plain' } },
    { label: 'form encoded', raw: 'query=%7B__typename%7D', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { label: 'multipart', raw: '--b\r\ncontent-disposition: form-data; name="operations"\r\n\r\n{}\r\n--b--', headers: { 'content-type': 'multipart/form-data; boundary=b' } },
    { label: 'xml', raw: '<query>{ __typename }</query>', headers: { 'content-type': 'application/xml' } },
    { label: 'no content type', raw: JSON.stringify(simple), headers: { 'content-type': '' } },
    { label: 'json with latin1 charset', raw: JSON.stringify(simple), headers: { 'content-type': 'application/json; charset=latin1' } },
    { label: 'json with unknown charset', raw: JSON.stringify(simple), headers: { 'content-type': 'application/json; charset=klingon' } },
    { label: 'json claiming gzip', raw: JSON.stringify(simple), headers: { 'content-encoding': 'gzip' } },
    { label: 'json claiming brotli nonsense', raw: JSON.stringify(simple), headers: { 'content-encoding': 'nonsense' } },
    { label: 'PUT', body: simple, method: 'PUT' },
    { label: 'DELETE', body: simple, method: 'DELETE' },
    { label: 'PATCH', body: simple, method: 'PATCH' },
    { label: 'GET without preflight', method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}` },
    { label: 'GET mutation', method: 'GET', search: `?query=${encodeURIComponent('mutation { createDepartment(input: { name: "x" }) { userErrors { code } } }')}`, headers: { 'apollo-require-preflight': '1' } },
    { label: 'GET bad variables', method: 'GET', search: `?query=${encodeURIComponent('query($id: ID!) { plan(id: $id) { id } }')}&variables=%7Bnot-json`, headers: { 'apollo-require-preflight': '1' } },
    { label: 'GET no query', method: 'GET', search: '', headers: { 'apollo-require-preflight': '1' } },
    { label: 'GET deep', method: 'GET', search: `?query=${encodeURIComponent(`{ plans { nodes { lineItems { ${nested(30)} } } } }`)}`, headers: { 'apollo-require-preflight': '1' } },
    { label: 'bogus bearer token', body: { query: '{ plans { totalCount } }' }, headers: { authorization: `Bearer ${'x'.repeat(5000)}` } },
    { label: 'bogus cookie', body: { query: '{ plans { totalCount } }' }, headers: { cookie: `jixiao_session=${'%'.repeat(100)}; a=b` } },
    { label: 'malformed authorization', body: { query: '{ plans { totalCount } }' }, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } },
  ];
  for (let round = 0; round < 3; round += 1) {
    for (const item of malformed) {
      if (round > 0 && /10 MB|huge|deeply|1000/.test(item.label)) continue; // the big ones once
      // A bogus credential is tried alone: with a real token beside it, it would be beside the point.
      const actor: Actor = /bogus|authorization/.test(item.label) ? 'anonymous' : rng.pick(['admin', 'anonymous'] as Actor[]);
      requests.push({ category: 'malformed HTTP', actor, ...item });
    }
  }

  // 6. Random garbage as the query, the variables, or the whole body.
  for (let round = 0; round < 60; round += 1) {
    const text = garbage(rng);
    const shape = rng.int(3);
    if (shape === 0) requests.push({ category: 'garbage', label: 'garbage query', actor: 'admin', body: { query: text } });
    else if (shape === 1) requests.push({ category: 'garbage', label: 'garbage body', actor: 'admin', raw: text });
    else requests.push({ category: 'garbage', label: 'garbage variables', actor: 'admin', body: { query: 'query($x: String) { parseIndicatorValue(text: $x) { raw } }', variables: { x: { [text]: text } } } });
  }
  return requests;
}

// ── judging an answer ───────────────────────────────────────────────────────────────────────────
function problemWith(reply: HttpReply): string | null {
  if (reply.status >= 500) return `HTTP ${reply.status}`;
  const json = reply.json;
  if (json === undefined || json === null || typeof json !== 'object') return `not JSON: ${reply.text.slice(0, 200)}`;
  if (Array.isArray(json)) return 'a batch answered';
  if (json.errors !== undefined) {
    if (!Array.isArray(json.errors) || !json.errors.length) return 'errors is not a non-empty list';
    for (const error of json.errors) {
      const code = error?.extensions?.code;
      if (typeof code !== 'string' || !code) return `untyped error: ${JSON.stringify(error).slice(0, 300)}`;
      if (code === 'INTERNAL_SERVER_ERROR') return `internal error: ${JSON.stringify(error).slice(0, 500)}`;
    }
    return null;
  }
  if (!json.data || typeof json.data !== 'object') return `neither data nor errors: ${reply.text.slice(0, 200)}`;
  for (const [field, payload] of Object.entries(json.data as Record<string, any>)) {
    if (!payload || !Array.isArray(payload.userErrors) || payload.userErrors.length === 0) return `${field} answered without an error: ${JSON.stringify(payload).slice(0, 300)}`;
    for (const userError of payload.userErrors) if (typeof userError?.code !== 'string') return `untyped userError: ${JSON.stringify(userError)}`;
  }
  return null;
}

describe('hostile input', () => {
  let api: HttpApi;
  const tokens: Record<Actor, string | null> = { admin: null, planner: null, anonymous: null };
  let own: Ids;
  let other: Ids;
  let all: Ids;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    api = await openHttpApi();
    tokens.admin = await api.addUser('admin', 'ADMIN');
    const importDocument = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id department { id } } userErrors { code message } } }';
    const shifeng = (await api.gql(importDocument, { d: readFixture('shifeng') }, tokens.admin)).importPlanDocument;
    // As a target table, so the plan stays a DRAFT the admin can add rows to (a self-evaluation lands in 自评).
    const yanfeng = (await api.gql(importDocument, { d: { ...readFixture('yanfeng'), kind: 'target_table' } }, tokens.admin)).importPlanDocument;
    expect(shifeng.userErrors).toEqual([]);
    expect(yanfeng.userErrors).toEqual([]);
    tokens.planner = await api.addUser('planner', 'PLANNER', [Number(shifeng.plan.department.id)]);
    document = readFixture('shifeng');
    const idsOf = async (planId: string): Promise<Ids> => {
      const { plan } = await api.gql(
        `query($id: ID!) { plan(id: $id) { id department { id } keyTasks { id } indicators { id } budget { lines { id } }
           lineItems { id indicators { id } children { id indicators { id } children { id indicators { id } } } } } }`,
        { id: planId },
        tokens.admin,
      );
      const ids = emptyIds();
      ids.plan.push(plan.id);
      ids.department.push(plan.department.id);
      ids.keyTask.push(...plan.keyTasks.map((task: { id: string }) => task.id));
      ids.indicator.push(...plan.indicators.map((indicator: { id: string }) => indicator.id));
      ids.budgetLine.push(...plan.budget.lines.map((line: { id: string }) => line.id));
      const walk = (items: any[]) => {
        for (const item of items ?? []) {
          ids.lineItem.push(item.id);
          ids.indicator.push(...item.indicators.map((indicator: { id: string }) => indicator.id));
          walk(item.children);
        }
      };
      walk(plan.lineItems);
      return ids;
    };
    own = await idsOf(shifeng.plan.id);
    // The other department's plan has no 专项 of its own: give it one, so forged line-item ids exist.
    const added = await api.gql(
      'mutation($p: ID!) { addLineItem(input: { planId: $p, fields: { name: "雁峰专项" } }) { lineItem { id } userErrors { code message } } }',
      { p: yanfeng.plan.id },
      tokens.admin,
    );
    expect(added.addLineItem.userErrors).toEqual([]);
    const task = await api.gql(
      'mutation($p: ID!) { addKeyTask(planId: $p, input: { item: "雁峰重点工作" }) { keyTask { id } userErrors { code message } } }',
      { p: yanfeng.plan.id },
      tokens.admin,
    );
    expect(task.addKeyTask.userErrors).toEqual([]);
    other = await idsOf(yanfeng.plan.id);
    all = emptyIds();
    for (const key of Object.keys(all) as (keyof Ids)[]) all[key] = [...own[key], ...other[key]];
    for (const key of Object.keys(all) as (keyof Ids)[]) expect(other[key].length, key).toBeGreaterThan(0);
  });
  afterAll(() => api?.close());

  it('survives 1,000+ generated hostile requests: no 500, a typed error each time, the database unchanged', { timeout: TEST_POSTGRES ? 300_000 : 120_000 }, async () => {
    const schema = await graphqlSchema();
    const specs = mutationSpecs(schema);
    expect(specs.length).toBeGreaterThan(25);
    const rng = prng(SEED);
    const requests = buildRequests(schema, rng, specs, own, other, all, document);
    expect(requests.length).toBeGreaterThanOrEqual(1000);

    const before = await api.dump();
    const findings: string[] = [];
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    const categories = new Map<string, number>();
    const started = Date.now();

    const send = async (request: HostileRequest, index: number): Promise<void> => {
      const token = tokens[request.actor];
      const method = request.method ?? 'POST';
      const headers: Record<string, string> = { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...request.headers };
      for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
      const body = method === 'GET' ? undefined : (request.raw ?? JSON.stringify(request.body));
      let reply: HttpReply;
      try {
        reply = await api.request(`/graphql${request.search ?? ''}`, { method, headers, body });
      } catch (error) {
        findings.push(`#${index} [${request.category}] ${request.label}: no answer (${(error as Error).message})`);
        return;
      }
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      categories.set(request.category, (categories.get(request.category) ?? 0) + 1);
      for (const error of reply.json?.errors ?? []) codes.set(error?.extensions?.code, (codes.get(error?.extensions?.code) ?? 0) + 1);
      for (const payload of Object.values((reply.json?.data ?? {}) as Record<string, any>)) {
        for (const userError of payload?.userErrors ?? []) codes.set(`userError ${userError.code}`, (codes.get(`userError ${userError.code}`) ?? 0) + 1);
      }
      const problem = problemWith(reply);
      if (problem) findings.push(`#${index} [${request.category}] as ${request.actor} ${request.label.slice(0, 200)} → HTTP ${reply.status}: ${problem}`);
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const index = next++;
          await send(requests[index], index);
        }
      }),
    );

    const after = await api.dump();
    const changed = Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
    console.info(
      [
        `hostile: ${requests.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `categories: ${[...categories].map(([name, count]) => `${name} ${count}`).join(', ')}`,
        `statuses: ${[...statuses].sort().map(([status, count]) => `${status}×${count}`).join(', ')}`,
        `codes: ${[...codes].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code}×${count}`).join(', ')}`,
      ].join('\n'),
    );
    if (findings.length) console.error(`findings (${findings.length}):\n${findings.join('\n')}`);
    if (changed.length) console.error(`tables changed: ${changed.join(', ')}`);
    expect(findings).toEqual([]);
    expect(changed).toEqual([]);
    // The server still answers normally afterwards.
    expect(await api.gql('{ plans { totalCount } }', {}, tokens.admin)).toEqual({ plans: { totalCount: 2 } });
  });
});
