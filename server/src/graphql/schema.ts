import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DepartmentResolver } from '../modules/department/department.resolver.js';
import { EvaluationResolver } from '../modules/evaluation/evaluation.resolver.js';
import { IndicatorResolver } from '../modules/indicator/indicator.resolver.js';
import { LineItemResolver } from '../modules/line-item/line-item.resolver.js';
import { PlanDocumentResolver } from '../modules/plan-document/plan-document.resolver.js';
import { PlanResolver } from '../modules/plan/plan.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The one GraphQL schema, built from the resolvers' decorators. */
export function graphqlSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [DepartmentResolver, PlanResolver, LineItemResolver, IndicatorResolver, EvaluationResolver, PlanDocumentResolver],
    validate: false,
    emitSchemaFile: false,
  });
  return schema;
}

/** The SDL committed as schema/schema.graphql (sorted, so it diffs cleanly). */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await graphqlSchema()))}\n`;
}
