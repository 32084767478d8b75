import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getVariableValues,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
  visit,
} from 'graphql';
import { beginPlanReads, endPlanReads, planReadsOf, restartPacing } from '../modules/plan/plan-content.js';
import type { Context } from './context.js';
import { fastExecute } from './fast-execute.js';
import { isPlainJsonBody, readPlainJsonBody } from './json-body.js';
import { costVariables, graphqlSecurityHeaders, invalidText, LIMITS, queryCost, queryLimitsRules, textNesting } from './limits.js';

/**
 * The mutations the lean route answers: the evaluator's and planner's single-indicator edits, the requests an
 * editor sends one after another while a form is filled in (issue 12: ≥ 300 writes/s with p95 ≤ 50 ms).
 */
export const LEAN_MUTATIONS: ReadonlySet<string> = new Set(['recordIndicatorActual', 'setIndicatorDeviationReason', 'scoreIndicator', 'setIndicatorWeight', 'setIndicatorTarget']);

/** Requests the lean route answered (for tests). */
export const leanRouteStats = { answered: 0 };

/** Documents classified, by their text (a client sends the same few again and again); emptied when full. */
const DOCUMENTS_KEPT = 256;

/**
 * `Accept` headers the lean route answers, with the content type Apollo chooses for each (its negotiation,
 * chooseContentTypeForSingleResultResponse, worked out once here); any other goes to Apollo.
 */
const CONTENT_TYPES = new Map<string | undefined, string>([
  [undefined, 'application/json; charset=utf-8'],
  ['*/*', 'application/json; charset=utf-8'],
  ['application/json', 'application/json; charset=utf-8'],
  ['application/graphql-response+json,application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
]);

export interface LeanRouteOptions {
  schema: GraphQLSchema;
  /** The request's context, as Apollo's context function builds it (its session looked up). */
  context(request: IncomingMessage, response: ServerResponse): Promise<Context>;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  includeStacktrace: boolean;
  maxCost: number;
  /** The queries the fast executor takes (graphql/fast-execute.ts): the lean route answers those too. */
  fastQueries: ReadonlySet<string>;
}

interface Classified {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Its cost (queryCost), once a request's variables have priced it. */
  cost: number | null;
}

interface LeanRequest {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

/**
 * POST /graphql for the single-indicator edits and the whole-plan reads, on node's own request and response
 * before express sees them (app.ts), without express, body-parser and Apollo's request pipeline (issue 12: with
 * them a write cost ≈ 2.4 ms of the main thread, and at 300 writes/s bursts queued past the 50 ms target). It answers a request only when it can answer it as the full
 * path would, byte for byte: a signed-in caller's plain JSON body with one operation — a mutation whose one
 * field is among LEAN_MUTATIONS, or a query of the fast executor's root fields — whose document passes the
 * same validation rules, token limit, text limits and cost ceiling (checked once per document text), has no
 * directives or introspection, with variables that coerce, and an `Accept` header it knows. It executes as
 * Apollo would (a query by the fast executor, graphql-js when that one declines or gives up; a mutation by
 * graphql-js) with the same context, plan-read bookkeeping and error formatting; the response has Apollo's
 * body and express's headers. Every other request, and every one it declines, goes on to the full path
 * untouched through `next` (a body it read is handed on as express.json would leave it; an error, to express's error handlers).
 */
export function leanGraphqlRoute(options: LeanRouteOptions): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void {
  const documents = new Map<string, Classified | null>();
  const rules = [...specifiedRules, ...queryLimitsRules()];

  const classify = (query: string): Classified | null => {
    if (query.length > LIMITS.maxQueryLength || textNesting(query) > LIMITS.maxTextNesting) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: LIMITS.maxTokens });
    } catch {
      return null;
    }
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) return null;
    const [operation] = operations;
    const roots = operation.selectionSet.selections;
    if (operation.operation === 'mutation') {
      if (roots.length !== 1 || roots[0].kind !== Kind.FIELD || !LEAN_MUTATIONS.has(roots[0].name.value)) return null;
    } else if (operation.operation !== 'query' || !roots.every((root) => root.kind === Kind.FIELD && options.fastQueries.has(root.name.value))) return null;
    if (usesDirectivesOrIntrospection(document)) return null;
    if (validate(options.schema, document, rules).length) return null;
    // A cost that no variable can change (no page sizes, no directives): priced with the first variables that coerce.
    if (costVariables(document).length) return null;
    return { document, operation, cost: null };
  };

  const leanRequest = (body: unknown): LeanRequest | null => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    const { query, variables, operationName, extensions, ...rest } = body as Record<string, unknown>;
    if (typeof query !== 'string' || extensions !== undefined || Object.keys(rest).length) return null;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    if (invalidText(body)) return null;
    let known = documents.get(query);
    if (known === undefined) {
      if (documents.size >= DOCUMENTS_KEPT) documents.clear();
      documents.set(query, (known = classify(query)));
    }
    if (!known) return null;
    if (operationName != null && (typeof operationName !== 'string' || operationName !== known.operation.name?.value)) return null;
    const values = (variables ?? {}) as Record<string, unknown>;
    if (getVariableValues(options.schema, known.operation.variableDefinitions ?? [], values).errors) return null;
    known.cost ??= queryCost(options.schema, known.document, values) ?? Number.POSITIVE_INFINITY;
    if (known.cost > options.maxCost) return null;
    return { document: known.document, operation: known.operation, variables: values };
  };

  const answer = async (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void, work: LeanRequest, contentType: string) => {
    const context = await options.context(request, response);
    // Signed-out callers get the full path: it masks field suggestions for them (fieldSuggestionGuard).
    if (!context.actor) return next();
    beginPlanReads(context.em);
    planReadsOf(context.em, work.document);
    let result: ExecutionResult;
    try {
      // A plan read as Apollo runs it: the fast executor (its plugin), graphql-js when that one does not take it or gives up.
      const fast = work.operation.operation === 'query' ? await fastExecute(options.schema, work.document, work.operation, options.fastQueries, context, work.variables, (given) => restartPacing(given.em)) : null;
      result = fast ? { data: fast } : await execute({ schema: options.schema, document: work.document, contextValue: context, variableValues: work.variables });
    } finally {
      endPlanReads(context.em);
    }
    const errors = result.errors?.length ? formatErrors(result.errors, options) : undefined;
    // Apollo's body (errors first, its trailing newline), sent as express's res.send sends it.
    const text = `${JSON.stringify({ errors: errors?.formatted, data: result.data, extensions: result.extensions })}\n`;
    response.statusCode = errors?.status ?? 200;
    response.setHeader('Content-Type', contentType);
    response.setHeader('Content-Length', Buffer.byteLength(text));
    response.end(text);
    leanRouteStats.answered++;
  };

  return (request, response, next) => {
    const contentType = CONTENT_TYPES.get(request.headers.accept);
    if (request.method !== 'POST' || request.url !== '/graphql' || !contentType || !isPlainJsonBody(request)) return next();
    graphqlSecurityHeaders(request, response);
    readPlainJsonBody(request, (error, body) => {
      if (error) return next(error); // the /graphql error handler answers, as for express.json's errors
      (request as IncomingMessage & { body?: unknown }).body = body;
      const work = leanRequest(body);
      if (!work) return next();
      answer(request, response, next, work, contentType).catch(next);
    });
  };
}

function usesDirectivesOrIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive() {
      found = true;
    },
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** Execution errors as Apollo formats them (its normalizeAndFormatErrors): the code, the HTTP status they ask for, the stack in development. */
function formatErrors(errors: readonly GraphQLError[], options: LeanRouteOptions): { formatted: GraphQLFormattedError[]; status: number | undefined } {
  let status: number | undefined;
  const enrich = (error: unknown): GraphQLFormattedError => {
    const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : `Unexpected error value: ${String(error)}`, { originalError: error instanceof Error ? error : undefined });
    const extensions: Record<string, unknown> = { ...graphqlError.extensions, code: graphqlError.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    const http = extensions.http as { status?: unknown } | undefined;
    if (http && typeof http === 'object' && (!('status' in http) || typeof http.status === 'number')) {
      if (http.status) status = http.status as number;
      delete extensions.http;
    }
    if (options.includeStacktrace) extensions.stacktrace = graphqlError.stack?.split('\n');
    return { ...graphqlError.toJSON(), extensions };
  };
  const formatted = errors.map((error) => {
    try {
      return options.formatError(enrich(error), error);
    } catch (formattingError) {
      return options.includeStacktrace ? enrich(formattingError) : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { formatted, status };
}
