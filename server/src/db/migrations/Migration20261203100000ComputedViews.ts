import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12 (database ≤ 2× the rows' raw size): the API's views of the figures are computed when read,
 * not stored. Dropped: each indicator's `figures` (its readings and gap with their Chinese explanations,
 * half the database), each line item's and plan's `rollup` and each plan's `checks` (35 KB a plan: every
 * warning's message and location). Added: each indicator's own warning codes (`check_codes`), so a
 * single-indicator write recounts its plan's warnings (plan_check_count) without the others' texts. The
 * columns analysts query (status, completion, scores, readings, roll-up totals, counts) stay.
 * FIGURES_VERSION 3 recomputes every plan at start (check_codes). Portable SQL (SQLite ≥ 3.35 drops
 * columns; the PostgreSQL twin runs the same statements).
 */
export const COMPUTED_VIEWS = [
  'alter table "indicator" add column "check_codes" text null',
  'alter table "indicator" drop column "figures"',
  'alter table "line_item" drop column "rollup"',
  'alter table "plan" drop column "rollup"',
  'alter table "plan" drop column "checks"',
];

export class Migration20261203100000ComputedViews extends Migration {
  override async up(): Promise<void> {
    for (const sql of COMPUTED_VIEWS) this.addSql(sql);
  }
}
