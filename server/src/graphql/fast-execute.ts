import { type ApolloServerPlugin, type GraphQLRequestContext, HeaderMap } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getVariableValues,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * A leaner executor for read queries (issue 12). graphql-js allocates, for every field it executes, a
 * resolve-info object, an arguments object and a path entry, and calls the resolver through its generic
 * machinery: a whole-plan read executes thousands of fields, and those per-field objects were the larger
 * part of the request's garbage. This executor runs a query operation from a plan compiled once per
 * document (its fields, their resolvers and completions), and per field only reads the value (the row's
 * property, or the resolver's result) and completes it as graphql-js does: the type's `serialize` for a
 * scalar or enum, an object's selected fields in the document's order, each list item.
 *
 * It answers only when everything goes right. A document it does not handle (a mutation, directives,
 * fragments on other types, abstract types, introspection) is left to graphql-js; so is every request in
 * which anything goes wrong (a resolver throws or rejects, a value does not serialise, a non-null field is
 * null, the variables do not coerce): it gives up and graphql-js executes the operation again, from the
 * start, and answers with its data and errors. Reads are idempotent (the request's memos give the second
 * run the rows the first loaded), so a response is always the one graphql-js gives.
 *
 * Resolvers get what graphql-js gives them: the source, the arguments and a full resolve info, except
 * the streamlined resolvers (fast-resolvers.ts) that read neither arguments nor info, and the plain
 * fields, read as graphql-js's default resolver reads them.
 */
export function fastExecutionPlugin<TContext extends object>(roots: ReadonlySet<string>, onGiveUp: (context: TContext) => void = () => undefined): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { document, operation, schema } = requestContext as unknown as GraphQLRequestContext<object>;
          if (!document || !operation) return null;
          const data = await fastExecute(schema, document, operation, roots, requestContext.contextValue, requestContext.request.variables, onGiveUp);
          // null: graphql-js runs the operation, with its errors
          return data && { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}

/**
 * Runs a query operation with the fast executor when it takes it (its root fields among `roots`): the data, or
 * null when graphql-js must execute it (not compiled, or given up: then `onGiveUp` has been called).
 */
export async function fastExecute<TContext>(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  roots: ReadonlySet<string>,
  context: TContext,
  variables: Record<string, unknown> | undefined,
  onGiveUp: (context: TContext) => void,
): Promise<Record<string, unknown> | null> {
  const plan = compiled(schema, document, operation, roots);
  if (!plan) return null;
  try {
    const data = await plan.run(context, variables);
    fastExecutionStats.answered++;
    return data;
  } catch {
    fastExecutionStats.gaveUp++;
    onGiveUp(context);
    return null;
  }
}

/** Requests the fast executor answered, and those it gave to graphql-js after starting (for tests). */
export const fastExecutionStats = { answered: 0, gaveUp: 0 };

/** Thrown where graphql-js would record an error: the request is given to graphql-js. */
const GIVE_UP = new Error('fast execution gives up');

interface Path {
  readonly prev: Path | undefined;
  readonly key: string | number;
  readonly typename: string | undefined;
}

interface Run {
  context: unknown;
  variables: Record<string, unknown>;
  operation: Operation;
}

interface Operation {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  fields: FieldPlan[];
  queryType: GraphQLObjectType;
  run(context: unknown, variables: Record<string, unknown> | undefined): Promise<Record<string, unknown>>;
}

/** Completes a resolved value (never a promise) for a field's type; may return a promise. */
type Complete = (value: unknown, run: Run, path: Path | undefined) => unknown;

const enum Mode {
  /** A plain field: the source's property. */
  Property,
  /** A streamlined resolver: (source, _, context). */
  Direct,
  /** Any other resolver: (source, args, context, info). */
  Full,
}

interface FieldPlan {
  key: string;
  name: string;
  mode: Mode;
  resolve: GraphQLFieldResolver<unknown, unknown> | undefined;
  definition: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
  parentType: GraphQLObjectType;
  complete: Complete;
  /** This field or one below builds a resolve info, which needs the path. */
  needsPath: boolean;
}

/** Resolvers (fast-resolvers.ts) that read only the source and the context: called without arguments or info. */
export const contextOnlyResolvers = new WeakSet<Function>();

const plans = new WeakMap<DocumentNode, Map<string | null, Operation | null>>();

function compiled(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, roots: ReadonlySet<string>): Operation | null {
  if (operation.operation !== 'query') return null;
  let byName = plans.get(document);
  if (!byName) plans.set(document, (byName = new Map()));
  const name = operation.name?.value ?? null;
  let plan = byName.get(name);
  if (plan === undefined) {
    plan = compile(schema, document, operation, roots);
    byName.set(name, plan);
  }
  return plan && plan.schema === schema ? plan : null;
}

/** Not compiled: left to graphql-js. */
class Unsupported extends Error {}

function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, roots: ReadonlySet<string>): Operation | null {
  const queryType = schema.getQueryType();
  if (!queryType || operation.directives?.length) return null;
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  try {
    const fields = compileFields(queryType, [operation.selectionSet], fragments);
    if (fields.length === 0 || fields.some((field) => !roots.has(field.name))) return null;
    const plan: Operation = {
      schema,
      operation,
      fragments,
      fields,
      queryType,
      async run(context, inputs) {
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 50 });
        if (coerced.errors) throw GIVE_UP;
        const run: Run = { context, variables: coerced.coerced, operation: plan };
        return (await executeFields(fields, undefined, run, undefined)) as Record<string, unknown>;
      },
    };
    return plan;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** The fields of a selection on an object type, merged by response key as graphql-js collects them. */
function collect(type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) throw new Unsupported();
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = fields.get(key);
        if (nodes) nodes.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition && selection.typeCondition.name.value !== type.name) throw new Unsupported();
        visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = fragments[name];
        if (!fragment || fragment.typeCondition.name.value !== type.name) throw new Unsupported();
        visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

function compileFields(type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): FieldPlan[] {
  const plans: FieldPlan[] = [];
  const definitions = type.getFields();
  for (const [key, nodes] of collect(type, selectionSets, fragments)) {
    const name = nodes[0].name.value;
    if (name.startsWith('__')) throw new Unsupported(); // __typename, introspection: graphql-js
    const definition = definitions[name];
    if (!definition) throw new Unsupported();
    const subSelections = nodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => !!set);
    const { complete, needsPath } = compileType(definition.type, subSelections, fragments);
    const resolve = definition.resolve;
    const mode = !resolve ? Mode.Property : contextOnlyResolvers.has(resolve) ? Mode.Direct : Mode.Full;
    plans.push({ key, name, mode, resolve, definition, nodes, parentType: type, complete, needsPath: needsPath || mode === Mode.Full });
  }
  return plans;
}

function compileType(type: GraphQLOutputType, selectionSets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): { complete: Complete; needsPath: boolean } {
  if (isNonNullType(type)) {
    const inner = compileType(type.ofType, selectionSets, fragments);
    const complete = inner.complete;
    return {
      needsPath: inner.needsPath,
      complete: (value, run, path) => {
        if (value == null || value instanceof Error) throw GIVE_UP;
        return complete(value, run, path);
      },
    };
  }
  const inner = compileNullable(type, selectionSets, fragments);
  const complete = inner.complete;
  return {
    needsPath: inner.needsPath,
    complete: (value, run, path) => {
      if (value == null) return null;
      if (value instanceof Error) throw GIVE_UP;
      return complete(value, run, path);
    },
  };
}

function compileNullable(type: GraphQLOutputType, selectionSets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): { complete: Complete; needsPath: boolean } {
  if (isListType(type)) {
    const item = compileType(type.ofType, selectionSets, fragments);
    const completeItem = item.complete;
    const needsPath = item.needsPath;
    return {
      needsPath,
      complete: (value, run, path) => {
        const items = Array.isArray(value) ? value : iterable(value);
        const length = items.length;
        const completed = new Array<unknown>(length);
        let pending: Promise<unknown>[] | undefined;
        try {
          for (let index = 0; index < length; index++) {
            const itemPath = needsPath ? { prev: path, key: index, typename: undefined } : undefined;
            const entry = items[index];
            const result = isPromise(entry) ? entry.then((resolved) => completeItem(resolved, run, itemPath)) : completeItem(entry, run, itemPath);
            if (isPromise(result)) {
              completed[index] = null;
              (pending ??= []).push(result.then((done) => void (completed[index] = done)));
            } else completed[index] = result;
          }
        } catch (error) {
          settle(pending);
          throw error;
        }
        return pending ? Promise.all(pending).then(() => completed) : completed;
      },
    };
  }
  if (isLeafType(type)) {
    return {
      needsPath: false,
      complete: (value) => {
        const serialized = type.serialize(value);
        if (serialized == null) throw GIVE_UP;
        return serialized;
      },
    };
  }
  if (isObjectType(type)) {
    if (type.isTypeOf) throw new Unsupported();
    const fields = compileFields(type, selectionSets, fragments);
    return { needsPath: fields.some((field) => field.needsPath), complete: (value, run, path) => executeFields(fields, value, run, path) };
  }
  throw new Unsupported(); // interfaces, unions: graphql-js
}

function iterable(value: unknown): unknown[] {
  if (value == null || typeof value !== 'object' || typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function') throw GIVE_UP;
  return Array.from(value as Iterable<unknown>);
}

/** An object's fields, in the selection's order (a promised field keeps its place). */
function executeFields(fields: readonly FieldPlan[], source: unknown, run: Run, path: Path | undefined): unknown {
  const result: Record<string, unknown> = {};
  let pending: Promise<unknown>[] | undefined;
  const readable = typeof source === 'object' || typeof source === 'function';
  try {
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      const fieldPath = field.needsPath ? { prev: path, key: field.key, typename: field.parentType.name } : undefined;
      let value: unknown;
      if (field.mode === Mode.Property) {
        value = readable ? (source as Record<string, unknown>)[field.name] : undefined;
        if (typeof value === 'function') throw GIVE_UP; // graphql-js would call it as a method
      } else if (field.mode === Mode.Direct) value = field.resolve!(source, undefined, run.context, undefined as never);
      else value = field.resolve!(source, getArgumentValues(field.definition, field.nodes[0], run.variables), run.context, info(field, fieldPath!, run));
      const completed = isPromise(value) ? value.then((resolved) => field.complete(resolved, run, fieldPath)) : field.complete(value, run, fieldPath);
      if (isPromise(completed)) {
        result[field.key] = null;
        (pending ??= []).push(completed.then((done) => void (result[field.key] = done)));
      } else result[field.key] = completed;
    }
  } catch (error) {
    settle(pending);
    throw error;
  }
  return pending ? Promise.all(pending).then(() => result) : result;
}

/** The resolve info graphql-js builds (buildResolveInfo). */
function info(field: FieldPlan, path: Path, run: Run): GraphQLResolveInfo {
  const { operation } = run;
  return {
    fieldName: field.name,
    fieldNodes: field.nodes,
    returnType: field.definition.type,
    parentType: field.parentType,
    path,
    schema: operation.schema,
    fragments: operation.fragments,
    rootValue: undefined,
    operation: operation.operation,
    variableValues: run.variables,
  };
}

/** Promises no one will wait for once the run gives up: their rejections are handled. */
function settle(pending: Promise<unknown>[] | undefined): void {
  if (pending) for (const promise of pending) promise.catch(() => undefined);
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
