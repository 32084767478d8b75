import type { MigrationObject } from '@mikro-orm/core';
import { FOREIGN_KEY_INDEXES as BASELINE_FOREIGN_KEY_INDEXES, PgMigration20261201200000Baseline } from './PgMigration20261201200000Baseline.js';
import { PgMigration20261201300000Level1Sections } from './PgMigration20261201300000Level1Sections.js';
import { PgMigration20261201400000StoredFigures, STORED_FIGURES_FOREIGN_KEY_INDEXES } from './PgMigration20261201400000StoredFigures.js';
import { PgMigration20261201600000ApprovalOpinion } from './PgMigration20261201600000ApprovalOpinion.js';
import { PgMigration20261202400000AnalystIndexes } from './PgMigration20261202400000AnalystIndexes.js';
import { PgMigration20261202410000IndicatorOrderIndexes } from './PgMigration20261202410000IndicatorOrderIndexes.js';
import { PgMigration20261203100000ComputedViews } from './PgMigration20261203100000ComputedViews.js';
import { PgMigration20261203110000CheckFlags } from './PgMigration20261203110000CheckFlags.js';

/**
 * Every PostgreSQL migration, in order. The SQLite ones are in ../index.ts; both lists end at the schema
 * the entities describe (test/api/database.test.ts checks each). A new SQLite migration gets its
 * PostgreSQL twin here, named after it (PgMigration<same timestamp><Name>).
 */
export const postgresMigrationsList: MigrationObject[] = [
  { name: 'PgMigration20261201200000Baseline', class: PgMigration20261201200000Baseline },
  { name: 'PgMigration20261201300000Level1Sections', class: PgMigration20261201300000Level1Sections },
  { name: 'PgMigration20261201400000StoredFigures', class: PgMigration20261201400000StoredFigures },
  { name: 'PgMigration20261201600000ApprovalOpinion', class: PgMigration20261201600000ApprovalOpinion },
  { name: 'PgMigration20261202400000AnalystIndexes', class: PgMigration20261202400000AnalystIndexes },
  { name: 'PgMigration20261202410000IndicatorOrderIndexes', class: PgMigration20261202410000IndicatorOrderIndexes },
  { name: 'PgMigration20261203100000ComputedViews', class: PgMigration20261203100000ComputedViews },
  { name: 'PgMigration20261203110000CheckFlags', class: PgMigration20261203110000CheckFlags },
];

/**
 * The indexes on foreign-key columns that these migrations add beyond what MikroORM's schema generator
 * makes for PostgreSQL (the SQLite schema has them); the schema test allows exactly these.
 */
export const FOREIGN_KEY_INDEXES: [table: string, columns: string[]][] = [...BASELINE_FOREIGN_KEY_INDEXES, ...STORED_FIGURES_FOREIGN_KEY_INDEXES];
