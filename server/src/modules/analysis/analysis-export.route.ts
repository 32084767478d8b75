import type { MikroORM } from '@mikro-orm/sqlite';
import type { Request, RequestHandler } from 'express';
import { coerceInputValue, GraphQLError, type GraphQLInputType, GraphQLList, GraphQLNonNull, type GraphQLSchema, isInputType } from 'graphql';
import { graphqlSchema } from '../../graphql/schema.js';
import { bindActor } from '../user/access.js';
import { actorForToken, tokenFrom } from '../user/session.service.js';
import type { IndicatorFilter, IndicatorOrder, PlanScopeFilter, PlanStatsGroup } from './analysis.input.js';
import { csvSink, exportIndicators, exportPlanStats, xlsxSink } from './analysis-export.service.js';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
type Format = keyof typeof CONTENT_TYPES;
/** A parameter longer than this is no question anyone typed. */
const MAX_PARAMETER_LENGTH = 20_000;

class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

function inputType(schema: GraphQLSchema, name: string): GraphQLInputType {
  const type = schema.getType(name);
  if (!type || !isInputType(type)) throw new Error(`no input type ${name}`);
  return type;
}

/** A query parameter as the GraphQL argument of the same name takes it: JSON, coerced by the schema's own input type. */
function argument<T>(request: Request, parameter: string, type: GraphQLInputType): T | null {
  const raw = request.query[parameter];
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string') throw new BadParameter(parameter, `参数 ${parameter} 只能给一次 (give ${parameter} once)`);
  if (raw.length > MAX_PARAMETER_LENGTH) throw new BadParameter(parameter, `参数 ${parameter} 过长 (${parameter} is too long)`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // groupBy may also be written plainly: DEPARTMENT,YEAR
    if (/^[A-Z_,\s]+$/.test(raw)) value = raw.split(',').map((part) => part.trim()).filter(Boolean);
    else throw new BadParameter(parameter, `参数 ${parameter} 不是有效的 JSON (${parameter} is not valid JSON)`);
  }
  return coerceInputValue(value, type, (path, _invalid, error) => {
    throw new BadParameter(parameter, `参数 ${[parameter, ...path].join('.')}：${error.message}`);
  }) as T;
}

/**
 * GET /export/indicators.csv|.xlsx?filter=<IndicatorFilter JSON>&orderBy=<IndicatorOrder JSON> and
 * GET /export/plan-stats.csv|.xlsx?filter=<PlanScopeFilter JSON>&groupBy=DEPARTMENT,YEAR — signed in
 * (session cookie or Bearer token) and scoped exactly like the `indicators` and `planStats` queries.
 */
export function analysisExport(orm: MikroORM, table: 'indicators' | 'plan-stats', format: Format): RequestHandler {
  return async (request, response, next) => {
    const refuse = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
      response.status(status).json({ errors: [{ message, extensions: { ...extra, code } }] });
    let started = false;
    try {
      const session = await actorForToken(orm.em.fork(), tokenFrom(request.headers));
      if (!session) return void refuse(401, 'UNAUTHENTICATED', '请先登录 (sign in first)');
      const schema = await graphqlSchema();
      const em = orm.em.fork();
      bindActor(em, session.actor);
      const sheet = table === 'indicators' ? '指标' : '计划统计';
      const open = () => {
        started = true;
        response.status(200);
        response.setHeader('Content-Type', CONTENT_TYPES[format]);
        response.setHeader('Content-Disposition', `attachment; filename="${table}.${format}"; filename*=UTF-8''${encodeURIComponent(`${sheet}.${format}`)}`);
        response.setHeader('Cache-Control', 'private, no-store');
        return format === 'csv' ? csvSink(response) : xlsxSink(response, sheet);
      };
      if (table === 'indicators') {
        const filter = argument<IndicatorFilter>(request, 'filter', inputType(schema, 'IndicatorFilter'));
        const order = argument<IndicatorOrder>(request, 'orderBy', inputType(schema, 'IndicatorOrder'));
        await exportIndicators(em, session.actor, filter, order, open);
      } else {
        const filter = argument<PlanScopeFilter>(request, 'filter', inputType(schema, 'PlanScopeFilter'));
        const groupBy = argument<PlanStatsGroup[]>(request, 'groupBy', new GraphQLList(new GraphQLNonNull(inputType(schema, 'PlanStatsGroup')))) ?? [];
        await exportPlanStats(em, session.actor, filter, groupBy, open);
      }
    } catch (error) {
      if (started) {
        // The headers are out: the only honest thing left is to cut the download short.
        console.error('[export] failed while streaming:', error);
        response.destroy(error instanceof Error ? error : undefined);
        return;
      }
      if (error instanceof BadParameter) return void refuse(400, 'BAD_USER_INPUT', error.message, { argumentName: error.parameter });
      if (error instanceof GraphQLError && error.extensions?.code === 'BAD_USER_INPUT') return void refuse(400, 'BAD_USER_INPUT', error.message, error.extensions);
      next(error);
    }
  };
}
