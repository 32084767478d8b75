import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { batchLoad, type Context } from '../../graphql/context.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { IndicatorFilter, IndicatorOrder, PlanScopeFilter, type PlanStatsGroup, PlanStatsGroupValues } from './analysis.input.js';
import { findIndicators, lineItemPaths } from './indicator-query.service.js';
import { planStats, planStatsFamilies } from './plan-stats.service.js';
import { selectedFields } from '../../graphql/selection.js';
import { PlanStats } from './plan-stats.type.js';

const IndicatorConnection = Connection(Indicator, 'Indicator', '跨计划的指标 / indicators across plans');

const PAGE = {
  first: { nullable: true, description: '向后取的数量（1–100，默认 20）/ page size reading forward' },
  after: { nullable: true, description: '从该游标之后开始 / start after this cursor' },
  last: { nullable: true, description: '向前取的数量（1–100，与 before 同用）/ page size reading backward' },
  before: { nullable: true, description: '到该游标之前为止 / end before this cursor' },
} as const;

/** The analysts' questions across departments and years (issue 11), answered in SQL over stored figures. */
@Authorized()
@Resolver()
export class AnalysisResolver {
  @Query(() => IndicatorConnection, {
    description:
      '跨计划查询指标：按年度、部门、地区、一级/二级指标、有无指标值/实际值、分值、文本筛选，按编号、年度、部门、失分或完成率排序；游标按排序键分页（插入新行不错位），仅含可查看的计划 / indicators across plans, filtered and ordered; keyset cursors stable under inserts; only plans the actor may read',
  })
  indicators(
    @Ctx() { em, actor }: Context,
    @Arg('filter', () => IndicatorFilter, { nullable: true, description: '筛选 / filter' }) filter: IndicatorFilter | null,
    @Arg('orderBy', () => IndicatorOrder, { nullable: true, description: '排序（默认按编号升序）/ ordering; by id ascending when omitted' }) orderBy: IndicatorOrder | null,
    @Arg('first', () => Int, PAGE.first) first: number | null,
    @Arg('after', () => String, PAGE.after) after: string | null,
    @Arg('last', () => Int, PAGE.last) last: number | null,
    @Arg('before', () => String, PAGE.before) before: string | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    const fields = selectedFields(info, 3);
    return findIndicators(em, actor!, filter, orderBy, { first, after, last, before }, { count: fields.has('totalCount'), plans: fields.has('nodes.plan') || fields.has('edges.node.plan') });
  }

  @Query(() => [PlanStats], {
    description:
      '计划统计（按部门、年度、地区任意组合分组；不分组为一行合计）：预算各类别各阶段合计（精确小数）、预算执行率、得分与等次分布、各状态指标数、文本目标占比、勾稽检查数；在数据库中汇总，仅含可查看的计划 / plan statistics grouped by any of department, year, region (none: one total row), summed in the database over stored figures; only plans the actor may read',
  })
  planStats(
    @Ctx() { em, actor }: Context,
    @Arg('filter', () => PlanScopeFilter, { nullable: true, description: '计划范围 / which plans' }) filter: PlanScopeFilter | null,
    @Arg('groupBy', () => [PlanStatsGroupValues], { defaultValue: [], description: '分组维度 / group by' }) groupBy: PlanStatsGroup[],
    @Info() info: GraphQLResolveInfo,
  ): Promise<PlanStats[]> {
    // Only the sums the query asks for are computed (a region's budget totals need no indicator scan).
    return planStats(em, actor!, filter, groupBy, planStatsFamilies(selectedFields(info, 2)));
  }
}

@Authorized()
@Resolver(() => Indicator)
export class IndicatorPathResolver {
  @FieldResolver(() => [String], { description: '所属专项路径（专项 › 子项，由外到内；部门整体指标为空）/ the line items above, outermost first; empty at plan level' })
  async path(@Root() indicator: Indicator, @Ctx() { em }: Context): Promise<string[]> {
    if (!indicator.lineItem) return [];
    const id = indicator.lineItem.id;
    return (await batchLoad(em, 'indicator-path', id, (ids) => lineItemPaths(em, ids))) ?? [];
  }
}
