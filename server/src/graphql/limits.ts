import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { NextFunction, Request, Response } from 'express';
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import { MAX_PAGE_SIZE } from './connection.js';
import type { Context } from './context.js';
import { UserInputError } from './user-error.js';

/**
 * Limits on what one GraphQL request may ask for (issue 6 item 6). The client's largest document,
 * the whole-plan query (client/src/graphql/operations.ts `PLAN`: line items three levels deep, each
 * with indicators, their readings and gaps) has depth 8 and cost ≈ 2,450,000 by the rule below; the
 * limits leave it a fourfold margin and refuse abuse (100 plans × nested line items × indicators).
 */
export const LIMITS = {
  /** Nesting of fields, counted through fragments; introspection (`__schema`, `__type`) counts as one level. */
  maxDepth: 12,
  /**
   * Σ over the selected fields of the product of the list multipliers of their ancestors: a connection's
   * `edges`/`nodes` count its `first` (default 20; a variable counts as the cap, 100), any other list 10.
   * Default 10,000,000 (≈ 4 whole-plan reads); env JIXIAO_MAX_QUERY_COST overrides it.
   */
  defaultMaxCost: 10_000_000,
  listMultiplier: 10,
  defaultPageSize: 20,
  /** Field selections written side by side in one selection set (aliases included). */
  maxFieldsPerSelection: 100,
  /** Root fields of one mutation: each is its own transaction. */
  maxMutationFields: 10,
  /** Aliased fields in one document. */
  maxAliases: 100,
  /** Field selections written in one document (fragments counted once). */
  maxFields: 2_000,
  /** Field selections visited with fragments expanded: bounds the work of the depth and cost walk itself. */
  maxExpandedFields: 50_000,
  maxOperations: 10,
  maxFragments: 200,
  /** Characters of the query text, and tokens the parser will read. */
  maxQueryLength: 100_000,
  maxTokens: 20_000,
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

function limitError(code: keyof typeof LimitCode, message: string, figure: number, limit: number, nodes?: readonly FieldNode[] | FieldNode): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, figure, limit } });
}

export interface QueryMeasure {
  depth: number;
  cost: number;
  /** True when the walk stopped at maxExpandedFields (a fragment bomb, or plain enormity). */
  truncated: boolean;
}

function fieldDefinition(parent: GraphQLNamedType, node: FieldNode, schema: GraphQLSchema): GraphQLField<unknown, unknown> | undefined {
  const name = node.name.value;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/** A Relay connection (`…Connection` with a `first` argument): its `edges` and `nodes` are one page long. */
function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode): number | null {
  if (!getNamedType(field.type).name.endsWith('Connection') || !field.args.some((arg) => arg.name === 'first')) return null;
  const argument = node.arguments?.find((arg) => arg.name.value === 'first');
  if (!argument) {
    const declared = field.args.find((arg) => arg.name === 'first')?.defaultValue;
    return typeof declared === 'number' ? declared : LIMITS.defaultPageSize;
  }
  // A variable may be anything up to the cap; a literal out of range is refused by the resolver anyway.
  if (argument.value.kind === Kind.INT) return Math.min(Math.max(Number(argument.value.value), 0), MAX_PAGE_SIZE);
  return MAX_PAGE_SIZE;
}

/**
 * Depth and cost of one operation, fragments expanded. Fields of an unknown name or on an unknown type
 * are left to graphql-js's own rules; introspection subtrees are bounded by its MaxIntrospectionDepthRule.
 */
export function measureOperation(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): QueryMeasure {
  const root = schema.getRootType(operation.operation);
  const measure: QueryMeasure = { depth: 0, cost: 0, truncated: false };
  if (!root) return measure;
  let visited = 0;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, depth: number, multiplier: number, page: number | null, fragmentPath: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (measure.truncated) return;
      if (selection.kind === Kind.FIELD) {
        if (++visited > LIMITS.maxExpandedFields) {
          measure.truncated = true;
          return;
        }
        measure.cost += multiplier;
        const field = fieldDefinition(parent, selection, schema);
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') {
          measure.depth = Math.max(measure.depth, depth);
          continue;
        }
        measure.depth = Math.max(measure.depth, depth);
        if (!field || !selection.selectionSet) continue;
        const own = isList(field.type) ? (page ?? LIMITS.listMultiplier) : 1;
        walk(selection.selectionSet, getNamedType(field.type), depth + 1, multiplier * own, pageSize(field, selection), fragmentPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type) walk(selection.selectionSet, type, depth, multiplier, page, fragmentPath);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is refused by NoFragmentCyclesRule; here it just stops.
        if (!fragment || fragmentPath.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type) continue;
        fragmentPath.add(name);
        walk(fragment.selectionSet, type, depth, multiplier, page, fragmentPath);
        fragmentPath.delete(name);
      }
    }
  };
  walk(operation.selectionSet, root, 1, 1, null, new Set());
  return measure;
}

/** Sizes that need no schema: operations, fragments, fields, aliases and width of each selection set. */
function checkShape(context: { reportError(error: GraphQLError): void }, document: DocumentNode): void {
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
  let aliases = 0;
  let widest = 0;
  let widestNode: FieldNode | undefined;
  visit(document, {
    Field(node) {
      fields += 1;
      if (node.alias) aliases += 1;
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
  if (aliases > LIMITS.maxAliases) {
    context.reportError(limitError('QUERY_TOO_WIDE', `文档含 ${aliases} 个别名，超过上限 ${LIMITS.maxAliases} (document has ${aliases} aliases; the limit is ${LIMITS.maxAliases})`, aliases, LIMITS.maxAliases));
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
  }
}

/**
 * The validation rule: shape limits, then depth and cost of every operation in the document. Apollo
 * reports validation errors as GRAPHQL_VALIDATION_FAILED; `formatError` below restores our code.
 */
export function queryLimitsRule(maxCost = maxQueryCost()): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      leave(document) {
        let refused = false;
        checkShape(
          {
            reportError(error) {
              refused = true;
              context.reportError(error);
            },
          },
          document,
        );
        if (refused) return;
        const fragments = new Map<string, FragmentDefinitionNode>();
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        }
        for (const definition of document.definitions) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
          // graphql-js validates a subscription against a schema without one and fails only when executing.
          if (!context.getSchema().getRootType(definition.operation)) {
            context.reportError(
              new GraphQLError(`不支持 ${definition.operation} 操作 (this server has no ${definition.operation} operations)`, {
                nodes: definition,
                extensions: { code: LimitCode.OPERATION_NOT_SUPPORTED },
              }),
            );
            continue;
          }
          const { depth, cost, truncated } = measureOperation(context.getSchema(), definition, fragments);
          const name = definition.name ? `「${definition.name.value}」` : '';
          if (depth > LIMITS.maxDepth) {
            context.reportError(
              limitError('QUERY_TOO_DEEP', `查询${name}嵌套深度 ${depth}，超过上限 ${LIMITS.maxDepth} (query depth ${depth} exceeds the limit of ${LIMITS.maxDepth})`, depth, LIMITS.maxDepth),
            );
          } else if (truncated || cost > maxCost) {
            const figure = truncated ? `> ${cost}` : String(cost);
            context.reportError(
              new GraphQLError(`查询${name}开销 ${figure}，超过上限 ${maxCost} (query cost ${figure} exceeds the limit of ${maxCost})`, {
                extensions: { code: LimitCode.QUERY_TOO_COSTLY, figure: cost, limit: maxCost },
              }),
            );
          }
        }
      },
    },
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A string no form may hold: U+0000 (SQLite's C API ends statements there) or a lone UTF-16 surrogate. */
function invalidText(value: unknown, budget = { nodes: 0 }): boolean {
  if (++budget.nodes > 1_000_000) return false;
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some((item) => invalidText(item, budget));
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => invalidText(key, budget) || invalidText(item, budget));
  return false;
}

function refuse(response: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  response.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
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
  // Deeply nested JSON would overflow the stack of a recursive walk: the try refuses it as such.
  let invalid: boolean;
  try {
    invalid = invalidText(request.body) || invalidText(request.query);
  } catch {
    invalid = true;
  }
  if (invalid) {
    refuse(response, 400, 'BAD_USER_INPUT', '请求含有空字符或无效的 Unicode 字符 (the request contains NUL or invalid Unicode characters)');
    return;
  }
  next();
}

function usesIntrospection(document: DocumentNode): boolean {
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

/** Headers on every response (no helmet: these few are all we need). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The built client has no inline styles (React sets element.style through the CSSOM, which CSP allows).
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * /graphiql only (the analysts' GraphiQL, client/graphiql.html): its CSS carries its fonts (Roboto,
 * Fira Code) inline as data: URLs. Everything else stays as above; style-src stays 'self' — the one
 * inline <style> GraphiQL tries (a scroll lock on <body> while a dialog is open) is refused, harmless
 * on a page that does not scroll.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("font-src 'self'", "font-src 'self' data:");

export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Content-Security-Policy', request.path === '/graphiql' || request.path === '/graphiql.html' ? GRAPHIQL_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
  if (request.path === '/graphql' || request.path.startsWith('/graphql/')) response.setHeader('Cache-Control', 'no-store');
  next();
}
