import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12 (analysts at province scale): planStats reads each family of sums from an index alone, plan by
 * plan (the plan and indicator rows carry their stored figures as JSON: reading them for a count is what
 * made a region's budget totals take seconds), and the cross-plan indicator pages find a gap status
 * without scanning the province.
 */
export const ANALYST_INDEXES = [
  ['plan_stats_index', 'plan', ['department_id', 'year', 'rollup_computed_total', 'rollup_grade', 'rollup_grade_provisional']],
  ['budget_line_stats_index', 'budget_line', ['plan_id', 'category', 'initial', 'adjustment', 'full_year', 'actual', 'carryover']],
  ['indicator_stats_index', 'indicator', ['plan_id', 'gap_status', 'reading_kind']],
  ['indicator_gap_status_index', 'indicator', ['gap_status']],
] as const;

export class Migration20261202400000AnalystIndexes extends Migration {
  override async up(): Promise<void> {
    for (const [name, table, columns] of ANALYST_INDEXES) this.addSql(`create index \`${name}\` on \`${table}\` (${columns.map((column) => `\`${column}\``).join(', ')})`);
  }
}
