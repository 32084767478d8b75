import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12: the cross-plan indicator pages by the largest points lost and by the lowest completion (the
 * analysts' two questions) read an index in their order instead of sorting the province: the sort keys
 * exactly as analysis/indicator-query.service.ts writes them (rows without a value last). Portable SQL:
 * the PostgreSQL twin runs the same statements.
 */
export const INDICATOR_ORDER_INDEXES = [
  'create index "indicator_score_lost_order_index" on "indicator" ((case when "score_lost" is null then 1 else 0 end), (coalesce("score_lost", 0)) desc, "id" desc)',
  'create index "indicator_completion_order_index" on "indicator" ((case when "completion" is null then 1 else 0 end), (coalesce("completion", 0)), "id")',
];

export class Migration20261202410000IndicatorOrderIndexes extends Migration {
  override async up(): Promise<void> {
    for (const sql of INDICATOR_ORDER_INDEXES) this.addSql(sql);
  }
}
