import { type GraphQLFieldResolver, GraphQLScalarType, type GraphQLSchema, isObjectType } from 'graphql';
import { AuthenticationError, AuthorizationError, getMetadataStorage } from 'type-graphql';
import type { Context } from './context.js';
import { contextOnlyResolvers } from './fast-execute.js';

/** The auth rule of the schema (schema.ts): signed in, and of one of the roles a field names. */
export type AuthRule = (context: Context, roles: readonly string[]) => boolean;

/**
 * Per-field work type-graphql does that a read does not need (issue 12). A whole-plan read resolves about
 * 80,000 fields; type-graphql wraps each:
 *
 * - a plain field (a column of the row: `name`, `targetText`) gets a resolver that builds a resolver-data
 *   object and runs an empty middleware chain to return `root[name]` — graphql-js's default resolver
 *   returns the same value without either (12% of the allocations of a whole-plan read);
 * - a field resolver of an `@Authorized()` class runs its auth check as an async middleware: four async
 *   functions and their promises per field even when the resolver itself is synchronous (an editor read's
 *   `target`, `actual`, `gap` on each of 5,020 indicators).
 *
 * This pass, run once on the built schema, replaces exactly those two: plain fields without roles or
 * middlewares get graphql-js's default resolver; field resolvers (of resolver classes) whose parameters
 * are only `@Root()`, `@Ctx()` and `@Info()` and which have no middlewares of their own check the same
 * roles synchronously (the same AuthenticationError/AuthorizationError) and call the method directly,
 * with its parameters built as type-graphql builds them. Everything else (queries, mutations, fields
 * with arguments) keeps type-graphql's resolver. The schema's shape (SDL) does not change.
 */
export function streamlineResolvers(schema: GraphQLSchema, authorised: AuthRule, resolverClasses: readonly Function[]): { plain: number; direct: number } {
  const storage = getMetadataStorage();
  const rolesOf = (target: Function, name: string): readonly string[] | undefined =>
    (storage.authorizedFields.find((field) => field.target === target && field.fieldName === name) ?? storage.authorizedResolver.find((resolver) => resolver.target === target))?.roles;
  const instances = new Map<Function, Record<string, (...params: unknown[]) => unknown>>();
  let plain = 0;
  let direct = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || objectType.interfaceClasses?.length || objectType.simpleResolvers) continue;
    const fields = type.getFields();
    // Its own fields, then those it inherits from base classes' object types (id, version: base.entity.ts).
    const inherited = storage.objectTypes
      .filter((base) => base !== objectType && (objectType.target as { prototype: object }).prototype instanceof base.target)
      .flatMap((base) => base.fields ?? [])
      .filter((field) => !objectType.fields?.some((own) => own.schemaName === field.schemaName));
    for (const field of [...(objectType.fields ?? []), ...inherited]) {
      const graphqlField = fields[field.schemaName];
      if (!graphqlField || !graphqlField.resolve || field.simple) continue;
      const fieldResolver = storage.fieldResolvers.find(
        (candidate) => (candidate.kind === 'internal' || resolverClasses.includes(candidate.target)) && candidate.getObjectType?.() === field.target && candidate.methodName === field.name,
      );
      if (!fieldResolver) {
        const own = field.target === objectType.target || (objectType.target as { prototype: object }).prototype instanceof field.target;
        if (!own || field.name !== field.schemaName || field.params?.length || field.middlewares?.length || rolesOf(field.target, field.name)) continue;
        graphqlField.resolve = undefined; // graphql-js's default: root[name]
        plain++;
        continue;
      }
      if (fieldResolver.kind !== 'external' || fieldResolver.middlewares?.length || storage.middlewares.some((middleware) => middleware.target === fieldResolver.target)) continue;
      const params = [...(fieldResolver.params ?? [])].sort((a, b) => a.index - b.index);
      if (!params.every((param) => param.kind === 'root' || param.kind === 'context' || param.kind === 'info')) continue;
      const roles = rolesOf(fieldResolver.target, fieldResolver.methodName);
      let instance = instances.get(fieldResolver.target);
      if (!instance) instances.set(fieldResolver.target, (instance = new (fieldResolver.target as new () => Record<string, (...params: unknown[]) => unknown>)()));
      const method = instance[fieldResolver.methodName];
      const target = instance;
      const readers = params.map((param): ((root: unknown, context: Context, info: unknown) => unknown) => {
        if (param.kind === 'context') {
          const property = param.propertyName as keyof Context | undefined;
          return property ? (_root, context) => context[property] : (_root, context) => context;
        }
        if (param.kind === 'info') return (_root, _context, info) => info;
        const property = (param as { propertyName?: string }).propertyName;
        const getType = (param as { getType?: () => unknown }).getType;
        const rootValue = property ? (root: unknown) => (root as Record<string, unknown>)[property] : (root: unknown) => root;
        return getType ? (root) => convertToType(getType(), rootValue(root)) : (root) => rootValue(root);
      });
      const resolve: GraphQLFieldResolver<unknown, Context> =
        readers.length === 2 && params[0].kind === 'root' && params[1].kind === 'context'
          ? (root, _args, context, info) => {
              if (roles && !authorised(context, roles)) throw roles.length === 0 ? new AuthenticationError() : new AuthorizationError();
              return method.call(target, readers[0](root, context, info), context);
            }
          : (root, _args, context, info) => {
              if (roles && !authorised(context, roles)) throw roles.length === 0 ? new AuthenticationError() : new AuthorizationError();
              return method.apply(
                target,
                readers.map((read) => read(root, context, info)),
              );
            };
      graphqlField.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
      // Reads neither its arguments nor the resolve info: the fast executor calls it without them.
      if (!params.some((param) => param.kind === 'info')) contextOnlyResolvers.add(resolve);
      direct++;
    }
  }
  return { plain, direct };
}

const simpleTypes: unknown[] = [String, Boolean, Number, Date, Array, Promise];

/** type-graphql's convertToType (helpers/types.ts, not exported): a @Root() of a class type becomes an instance of it. */
function convertToType(Target: unknown, data: unknown): unknown {
  if (data == null || Target instanceof GraphQLScalarType || typeof Target !== 'function') return data;
  if (simpleTypes.includes((data as object).constructor)) return data;
  if (data instanceof (Target as new () => object)) return data;
  if (Array.isArray(data)) return data.map((item) => convertToType(Target, item));
  const instance = new (Target as new () => Record<string, unknown>)();
  for (const key of Object.keys(instance)) {
    if (instance[key] === undefined && !(key in (data as object))) delete instance[key];
  }
  return Object.assign(instance, data);
}
