import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DepartmentResolver } from '../modules/department/department.resolver.js';
import { EvaluationResolver, PlanExecutionScoringResolver } from '../modules/evaluation/evaluation.resolver.js';
import { IndicatorResolver } from '../modules/indicator/indicator.resolver.js';
import { LineItemResolver } from '../modules/line-item/line-item.resolver.js';
import { PlanDocumentResolver } from '../modules/plan-document/plan-document.resolver.js';
import { PlanWorkbookResolver } from '../modules/plan-workbook/plan-workbook.resolver.js';
import { BudgetLineResolver, KeyTaskResolver } from '../modules/plan/plan-rows.resolver.js';
import { PlanResolver } from '../modules/plan/plan.resolver.js';
import { PlanDerivedFiguresResolver } from '../modules/plan/derived-figures.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AnalysisResolver, IndicatorPathResolver } from '../modules/analysis/analysis.resolver.js';
import type { Context } from './context.js';
import { type AuthRule, streamlineResolvers } from './fast-resolvers.js';

let schema: Promise<GraphQLSchema> | undefined;

/** Signed in, and of one of the roles a field names; department scope is checked in the services. */
const authorised: AuthRule = (context, roles) => context.actor !== null && (roles.length === 0 || roles.includes(context.actor.role));

const RESOLVERS = [DepartmentResolver, PlanResolver, PlanDerivedFiguresResolver, LineItemResolver, IndicatorResolver, EvaluationResolver, PlanExecutionScoringResolver, PlanDocumentResolver, PlanWorkbookResolver, UserResolver, AuditResolver, BudgetLineResolver, KeyTaskResolver, AnalysisResolver, IndicatorPathResolver] as const;

/** The one GraphQL schema, built from the resolvers' decorators (per-field wrappers trimmed: fast-resolvers.ts). */
export function graphqlSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker: ({ context }: { context: Context }, roles: string[]) => authorised(context, roles),
    validate: false,
    emitSchemaFile: false,
  }).then((built) => {
    streamlineResolvers(built, authorised, RESOLVERS);
    return built;
  });
  return schema;
}

/** The SDL committed as schema/schema.graphql (sorted, so it diffs cleanly). */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await graphqlSchema()))}\n`;
}
