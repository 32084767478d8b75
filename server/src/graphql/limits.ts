import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getNullableType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import helmet from 'helmet';
import { MAX_PAGE_SIZE } from './connection.js';
import type { Context } from './context.js';
import { UserInputError } from './user-error.js';

/**
 * Limits on what one GraphQL request may ask for (issue 6 item 6; issue 9: maintained libraries do the
 * counting — graphql-armor the depth, aliases, directives and tokens, graphql-query-complexity the cost).
 * The client's largest document, the whole-plan query (client/src/features/plan-editor/plan.graphql.ts `PLAN`: line
 * items three levels deep, each with indicators, their readings and gaps) has depth 8 and cost ≈ 2,500,000
 * by the estimator below; the limits leave it a fourfold margin and refuse abuse (100 plans × nested line
 * items × indicators).
 */
export const LIMITS = {
  /** Nesting of fields, counted through fragments (a spread adds no level); `__schema` is bounded by graphql-js's own introspection rule. */
  maxDepth: 12,
  /**
   * Cost (graphql-query-complexity with `costEstimator`): every field costs 1 plus its children's cost, times
   * the page size for a connection (`first`/`last`, as the request gives it, variables included; absent: the
   * declared default, else 100; never more than 100) and times 10 for any other list.
   * Default 10,000,000 (≈ 4 whole-plan reads); env JIXIAO_MAX_QUERY_COST overrides it.
   */
  defaultMaxCost: 10_000_000,
  listMultiplier: 10,
  maxPageSize: MAX_PAGE_SIZE,
  /** Field selections written side by side in one selection set (aliases included). */
  maxFieldsPerSelection: 100,
  /** Root fields of one mutation: each is its own transaction. */
  maxMutationFields: 10,
  /** Aliased fields in one operation, fragments included (`__typename` counts too). */
  maxAliases: 100,
  /** Directives in one operation, fragments included. */
  maxDirectives: 50,
  /** Field selections written in one document (fragments counted once). */
  maxFields: 2_000,
  /** Selections the cost walk visits with fragments expanded: a fragment bomb stops here (QUERY_TOO_COSTLY). */
  maxExpandedFields: 50_000,
  maxOperations: 10,
  maxFragments: 200,
  /** Characters of the query text, and tokens the parser will read. */
  maxQueryLength: 100_000,
  maxTokens: 20_000,
  /** Brackets (`{ [ (`) nested in the query text: the parser recurses per level (a literal 10,000 lists deep overflows it). */
  maxTextNesting: 100,
} as const;

export function maxQueryCost(): number {
  const configured = Number(process.env.JIXIAO_MAX_QUERY_COST);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : LIMITS.defaultMaxCost;
}

export const LimitCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  QUERY_TOO_WIDE: 'QUERY_TOO_WIDE',
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
} as const;
const LIMIT_CODES = new Set<string>(Object.values(LimitCode));

function limitError(code: keyof typeof LimitCode, message: string, figure: number | string, limit: number, nodes?: readonly FieldNode[] | FieldNode | OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, figure, limit } });
}

/** The page a connection field returns: its `first` (or `last`), never more than 100; null for any other field. */
function pageSize(args: Record<string, unknown>, declaresPage: boolean): number | null {
  if (!declaresPage) return null;
  const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : LIMITS.maxPageSize;
  // Out of range is refused by the resolver (pageWindow); here it only must not price below nothing.
  return Math.min(Math.max(asked, 0), LIMITS.maxPageSize);
}

/**
 * A field costs 1 plus its children: a connection's children once per row of its page (its `edges` and
 * `nodes` are that page, so they add no factor of their own), any other list's children 10 times.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, type, childComplexity }) => {
  const page = pageSize(args, field.args.some((arg) => arg.name === 'first' || arg.name === 'last'));
  if (page !== null) return 1 + page * childComplexity;
  const list = isListType(getNullableType(field.type));
  const pageOfConnection = type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes');
  return 1 + (list && !pageOfConnection ? LIMITS.listMultiplier : 1) * childComplexity;
};

/** Cost of the operation a request runs (its variables give the real page sizes); null when the variables do not fit (execution refuses them). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): number | null {
  try {
    return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [costEstimator], maxQueryNodes: LIMITS.maxExpandedFields });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Number.POSITIVE_INFINITY;
    return null;
  }
}

/**
 * The variables an operation's cost can depend on: page sizes (`first`, `last`) and the conditions of
 * directives (`@include(if: $x)`, `@skip`). Any other variable (an id, a text) leaves the cost as it is.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first' || argument.name.value === 'last') collect(argument.value);
    },
    Directive(directive) {
      collect(directive);
    },
  });
  return [...names].sort();
}

/**
 * Costs already computed, by document (Apollo's document store hands back the same parsed document for the
 * same query text) and by the operation and the values of its cost variables: a client sends the same few
 * documents again and again (issue 12: a single-indicator write priced its document every time). Only costs
 * within the ceiling are kept, so a refusal, and a request whose variables do not fit, are decided as before.
 */
const COST_CACHE_PER_DOCUMENT = 64;
class CostCache {
  private documents = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();

  key(document: DocumentNode, variables: Record<string, unknown>, operationName: string | null | undefined): { costs: Map<string, number>; key: string } {
    let entry = this.documents.get(document);
    if (!entry) this.documents.set(document, (entry = { variables: costVariables(document), costs: new Map() }));
    const values = entry.variables.length ? JSON.stringify(entry.variables.map((name) => variables[name] ?? null)) : '';
    return { costs: entry.costs, key: `${operationName ?? ''}\u0000${values}` };
  }

  remember(costs: Map<string, number>, key: string, cost: number): void {
    if (costs.size >= COST_CACHE_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
  }
}

/** Refuses an operation whose cost passes the ceiling, before it runs (QUERY_TOO_COSTLY, HTTP 400). */
export function queryCostGuard(maxCost = maxQueryCost()): ApolloServerPlugin<Context> {
  const cache = new CostCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          const variables = request.variables ?? {};
          const { costs, key } = cache.key(document, variables, request.operationName);
          if (costs.has(key)) return; // priced before, within the ceiling
          const cost = queryCost(schema, document, variables, request.operationName);
          if (cost !== null && cost <= maxCost) cache.remember(costs, key, cost);
          if (cost === null || cost <= maxCost) return;
          const name = operation?.name ? `「${operation.name.value}」` : '';
          const figure = Number.isFinite(cost) ? String(cost) : `> ${LIMITS.maxExpandedFields} 个选择 (selections)`;
          throw new GraphQLError(`查询${name}开销 ${figure}，超过上限 ${maxCost} (query cost ${figure} exceeds the limit of ${maxCost})`, {
            extensions: { code: LimitCode.QUERY_TOO_COSTLY, figure: Number.isFinite(cost) ? cost : null, limit: maxCost, http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Sizes the libraries do not count: operations, fragments, fields, width of each selection set, mutations per request, subscriptions. */
function checkShape(context: ValidationContext, document: DocumentNode): void {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  if (operations.length > LIMITS.maxOperations) {
    context.reportError(
      limitError('QUERY_TOO_LARGE', `文档含 ${operations.length} 个操作，超过上限 ${LIMITS.maxOperations} (document has ${operations.length} operations; the limit is ${LIMITS.maxOperations})`, operations.length, LIMITS.maxOperations),
    );
  }
  if (fragments.length > LIMITS.maxFragments) {
    context.reportError(
      limitError('QUERY_TOO_LARGE', `文档含 ${fragments.length} 个片段，超过上限 ${LIMITS.maxFragments} (document has ${fragments.length} fragments; the limit is ${LIMITS.maxFragments})`, fragments.length, LIMITS.maxFragments),
    );
  }
  let fields = 0;
  let widest = 0;
  let widestNode: FieldNode | undefined;
  visit(document, {
    Field() {
      fields += 1;
    },
    SelectionSet(node) {
      const width = node.selections.filter((selection) => selection.kind === Kind.FIELD).length;
      if (width > widest) {
        widest = width;
        widestNode = node.selections.find((selection): selection is FieldNode => selection.kind === Kind.FIELD);
      }
    },
  });
  if (fields > LIMITS.maxFields) {
    context.reportError(limitError('QUERY_TOO_LARGE', `文档含 ${fields} 个字段，超过上限 ${LIMITS.maxFields} (document selects ${fields} fields; the limit is ${LIMITS.maxFields})`, fields, LIMITS.maxFields));
  }
  if (widest > LIMITS.maxFieldsPerSelection) {
    context.reportError(
      limitError(
        'QUERY_TOO_WIDE',
        `同一层选择了 ${widest} 个字段，超过上限 ${LIMITS.maxFieldsPerSelection} (a selection set has ${widest} fields; the limit is ${LIMITS.maxFieldsPerSelection})`,
        widest,
        LIMITS.maxFieldsPerSelection,
        widestNode,
      ),
    );
  }
  for (const operation of operations) {
    const roots = operation.selectionSet.selections.length;
    if (operation.operation === 'mutation' && roots > LIMITS.maxMutationFields) {
      context.reportError(
        limitError('QUERY_TOO_WIDE', `一次请求含 ${roots} 个变更，超过上限 ${LIMITS.maxMutationFields} (${roots} mutations in one request; the limit is ${LIMITS.maxMutationFields})`, roots, LIMITS.maxMutationFields),
      );
    }
    // graphql-js validates a subscription against a schema without one and fails only when executing.
    if (!context.getSchema().getRootType(operation.operation)) {
      context.reportError(
        new GraphQLError(`不支持 ${operation.operation} 操作 (this server has no ${operation.operation} operations)`, {
          nodes: operation,
          extensions: { code: LimitCode.OPERATION_NOT_SUPPORTED },
        }),
      );
    }
  }
}

const shapeRule: ValidationRule = (context) => ({
  Document: {
    leave(document) {
      checkShape(context, document);
    },
  },
});

/** The operation each validation is inside of, so a library's refusal can name it. */
const currentOperation = new WeakMap<ValidationContext, OperationDefinitionNode>();
const trackOperation: ValidationRule = (context): ASTVisitor => ({
  OperationDefinition(node) {
    currentOperation.set(context, node);
  },
});

/** graphql-armor states its figure in English ("… limit of 12 exceeded, found 17."): our typed, bilingual error instead. */
function armorRefusal(code: keyof typeof LimitCode, limit: number, describe: (name: string, found: string) => string) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    if (!context) return;
    const found = /found (\d+)/.exec(error.message)?.[1] ?? `> ${limit}`;
    const operation = currentOperation.get(context);
    const name = operation?.name ? `「${operation.name.value}」` : '';
    context.reportError(limitError(code, describe(name, found), Number(found) || found, limit, operation));
  };
}

/**
 * The validation rules: depth, aliases and directives by graphql-armor (through its Apollo adapter, its
 * refusals turned into our codes), then the shapes it does not count. Apollo reports validation errors as
 * GRAPHQL_VALIDATION_FAILED; `formatError` below restores our code.
 */
export function queryLimitsRules(): ValidationRule[] {
  const refuseOnly = { propagateOnRejection: false } as const;
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false }, // graphql-query-complexity prices connections by their page: queryCostGuard
    maxTokens: { enabled: false }, // the parser's own maxTokens: see createApolloServer
    maxDepth: {
      ...refuseOnly,
      n: LIMITS.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      onReject: [armorRefusal('QUERY_TOO_DEEP', LIMITS.maxDepth, (name, depth) => `查询${name}嵌套深度 ${depth}，超过上限 ${LIMITS.maxDepth} (query depth ${depth} exceeds the limit of ${LIMITS.maxDepth})`)],
    },
    maxAliases: {
      ...refuseOnly,
      n: LIMITS.maxAliases,
      allowList: [],
      onReject: [armorRefusal('QUERY_TOO_WIDE', LIMITS.maxAliases, (name, count) => `查询${name}含 ${count} 个别名，超过上限 ${LIMITS.maxAliases} (${count} aliases; the limit is ${LIMITS.maxAliases})`)],
    },
    maxDirectives: {
      ...refuseOnly,
      n: LIMITS.maxDirectives,
      onReject: [armorRefusal('QUERY_TOO_LARGE', LIMITS.maxDirectives, (name, count) => `查询${name}含 ${count} 个指令，超过上限 ${LIMITS.maxDirectives} (${count} directives; the limit is ${LIMITS.maxDirectives})`)],
    },
  });
  return [trackOperation, ...armor.protect().validationRules, shapeRule];
}

/**
 * Validation messages of graphql-js suggest names ("Did you mean "plans"?"): a map of the schema for
 * whoever probes it. Signed-out requests get graphql-armor's block-field-suggestion mask; signed-in
 * users (who may read the schema anyway) keep the help.
 */
export function fieldSuggestionGuard(): ApolloServerPlugin<Context> {
  const [mask] = new ApolloArmor({
    blockFieldSuggestion: { enabled: true },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
  }).protect().plugins as ApolloServerPlugin<Context>[];
  return {
    async requestDidStart(requestContext) {
      if (requestContext.contextValue.actor) return;
      const masked = await mask.requestDidStart?.(requestContext);
      return {
        async didEncounterErrors(errorContext) {
          await masked?.didEncounterErrors?.(errorContext);
          // Development shows stack traces, whose first line repeats the message as it was.
          for (const error of errorContext.errors) {
            if (error.stack) error.stack = error.stack.replace(/Did you mean .+$/gm, '');
          }
        },
      };
    },
  };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A string no form may hold: U+0000 (SQLite's C API ends statements there) or a lone UTF-16 surrogate —
 * anywhere in a parsed JSON body, keys included. Walked without recursion, so any nesting is safe here
 * (how deep a document may be is the receiving service's rule: checkJsonDepth).
 */
export function invalidText(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000') || LONE_SURROGATE.test(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push(key, item);
    }
  }
  return false;
}

function refuse(response: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  response.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/**
 * How deep `{`, `[` and `(` nest in a query text (strings and comments skipped): graphql-js's parser
 * recurses once per level, and a few thousand levels of `[[[…]]]` in a literal overflow its stack.
 */
export function textNesting(query: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < query.length; index += 1) {
    const char = query[index];
    if (char === '#') {
      while (index < query.length && query[index] !== '\n' && query[index] !== '\r') index += 1;
    } else if (char === '"') {
      if (query.startsWith('"""', index)) {
        const end = query.indexOf('"""', index + 3);
        index = end < 0 ? query.length : end + 2;
      } else {
        for (index += 1; index < query.length && query[index] !== '"' && query[index] !== '\n'; index += 1) if (query[index] === '\\') index += 1;
      }
    } else if (char === '{' || char === '[' || char === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (char === '}' || char === ']' || char === ')') {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * Before Apollo (express middleware on /graphql, after the JSON parser): query text too long, and text
 * no form may hold (NUL, lone surrogates) anywhere in the body, are refused with a typed JSON error.
 */
export function requestGuard(request: Request, response: Response, next: NextFunction): void {
  // Express 5 leaves req.body undefined when no parser matched (text/plain, no content type); Apollo's
  // integration would answer 500 for that. An empty body lets Apollo refuse it properly (CSRF, 400).
  if (request.body === undefined) request.body = {};
  const items: unknown[] = Array.isArray(request.body) ? request.body : [request.body];
  const queries = [...items.map((item) => (item && typeof item === 'object' ? (item as { query?: unknown }).query : undefined)), request.query?.query];
  const longest = Math.max(0, ...queries.map((query) => (typeof query === 'string' ? query.length : 0)));
  if (longest > LIMITS.maxQueryLength) {
    refuse(response, 413, LimitCode.QUERY_TOO_LARGE, `查询文本 ${longest} 个字符，超过上限 ${LIMITS.maxQueryLength} (query text of ${longest} characters exceeds the limit of ${LIMITS.maxQueryLength})`, {
      figure: longest,
      limit: LIMITS.maxQueryLength,
    });
    return;
  }
  const nesting = Math.max(0, ...queries.map((query) => (typeof query === 'string' ? textNesting(query) : 0)));
  if (nesting > LIMITS.maxTextNesting) {
    refuse(response, 400, LimitCode.QUERY_TOO_DEEP, `查询文本嵌套 ${nesting} 层，超过上限 ${LIMITS.maxTextNesting} (query text nested ${nesting} levels; the limit is ${LIMITS.maxTextNesting})`, {
      figure: nesting,
      limit: LIMITS.maxTextNesting,
    });
    return;
  }
  if (invalidText(request.body) || invalidText(request.query)) {
    refuse(response, 400, 'BAD_USER_INPUT', '请求含有空字符或无效的 Unicode 字符 (the request contains NUL or invalid Unicode characters)');
    return;
  }
  next();
}

const introspecting = new WeakMap<DocumentNode, boolean>();

/** Whether a document asks for `__schema` or `__type` (remembered per parsed document: documents repeat). */
function usesIntrospection(document: DocumentNode): boolean {
  let known = introspecting.get(document);
  if (known === undefined) introspecting.set(document, (known = findsIntrospection(document)));
  return known;
}

function findsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** In production, introspection (`__schema`, `__type`) only for signed-in analysts and administrators. */
export function introspectionGuard(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!production) return;
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!usesIntrospection(document)) return;
          const role = contextValue.actor?.role;
          if (role === 'ANALYST' || role === 'ADMIN') return;
          throw new GraphQLError('仅分析人员和系统管理员可以查询模式 (schema introspection is for analysts and administrators only)', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}

/**
 * Errors as the client sees them. Our limit codes survive Apollo's GRAPHQL_VALIDATION_FAILED wrapper.
 * In production an unexpected error (anything not a GraphQLError: a bug, a database failure) is logged
 * here and answered with a plain INTERNAL_SERVER_ERROR, so no internal detail leaks; user-input errors
 * and our own GraphQL errors keep their Chinese messages.
 */
export function formatErrorFor(production: boolean, log: (error: unknown) => void = (error) => console.error('[graphql] unexpected error:', error)) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const limitCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
    if (typeof limitCode === 'string' && LIMIT_CODES.has(limitCode)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: limitCode } };
    }
    const cause = unwrapResolverError(error);
    // A service's input check reached from a query (e.g. parseId of `plan(id: "abc")`): bad input, not a bug.
    if (cause instanceof UserInputError) {
      return { ...formatted, message: cause.errors.map((problem) => problem.message).join('; '), extensions: { code: 'BAD_USER_INPUT', userErrors: cause.errors } };
    }
    if (cause instanceof GraphQLError) return formatted;
    log(cause);
    if (!production) return formatted;
    return {
      message: '服务器内部错误 (internal server error)',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * The Content-Security-Policy: nothing from another host. The built client has no inline styles (React sets
 * element.style through the CSSOM, which CSP allows).
 */
const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * /graphiql only (the analysts' GraphiQL, client/graphiql.html): its CSS carries its fonts (Roboto,
 * Fira Code) inline as data: URLs. Everything else stays as above; style-src stays 'self' — the one
 * inline <style> GraphiQL tries (a scroll lock on <body> while a dialog is open) is refused, harmless
 * on a page that does not scroll.
 */
const GRAPHIQL_CSP_DIRECTIVES = { ...CSP_DIRECTIVES, 'font-src': ["'self'", 'data:'] };

/** The header as helmet writes it ("name value;name value"). */
const cspHeader = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');
export const CONTENT_SECURITY_POLICY = cspHeader(CSP_DIRECTIVES);
export const GRAPHIQL_CONTENT_SECURITY_POLICY = cspHeader(GRAPHIQL_CSP_DIRECTIVES);

/**
 * helmet's headers (nosniff, X-Frame-Options DENY, no-referrer, COOP/CORP same-origin, …) with our CSP.
 * No Strict-Transport-Security: HTTPS is the TLS terminator's business (a reverse proxy), and pinning
 * every intranet host under this name to HTTPS for a year is not ours to decide.
 */
const helmetWith = (directives: Record<string, string[]>) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
type Middleware = (request: Request, response: Response, next: (error?: unknown) => void) => void;

/**
 * helmet's headers, as it sets them, recorded once and set directly on every response (issue 12: helmet
 * computes the same static headers through a dozen middleware functions per request). Every header and its
 * order are helmet's own; helmet itself runs if recording it fails (a header that depends on the request).
 */
export function precomputed(middleware: Middleware): Middleware {
  const steps: ([name: string, value: string | number | readonly string[]] | [name: string])[] = [];
  let called = false;
  try {
    const recorder = {
      setHeader: (name: string, value: string | number | readonly string[]) => steps.push([name, value]),
      removeHeader: (name: string) => steps.push([name]),
    };
    middleware(Object.freeze({}) as Request, recorder as unknown as Response, (error) => {
      called = error === undefined;
    });
  } catch {
    called = false;
  }
  if (!called) return middleware;
  return (_request, response, next) => {
    for (const step of steps) {
      if (step.length === 2) response.setHeader(step[0], step[1]);
      else response.removeHeader(step[0]);
    }
    next();
  };
}

const strictHeaders = precomputed(helmetWith(CSP_DIRECTIVES) as Middleware);
const graphiqlHeaders = precomputed(helmetWith(GRAPHIQL_CSP_DIRECTIVES) as Middleware);

export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/graphql' || request.path.startsWith('/graphql/')) response.setHeader('Cache-Control', 'no-store');
  const graphiql = request.path === '/graphiql' || request.path === '/graphiql.html';
  (graphiql ? graphiqlHeaders : strictHeaders)(request, response, next);
}

/** securityHeaders for a request to /graphql itself, on node's own request and response (the lean route runs before express). */
export function graphqlSecurityHeaders(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Cache-Control', 'no-store');
  strictHeaders(request as Request, response as Response, () => undefined);
}
