import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Initial } from './Migration20261124000000Initial.js';
import { Migration20261124010000StructuredTarget } from './Migration20261124010000StructuredTarget.js';
import { Migration20261124020000Trust } from './Migration20261124020000Trust.js';
import { Migration20261124030000AuditAppendOnly } from './Migration20261124030000AuditAppendOnly.js';
import { Migration20261201200000PlanImportAudit } from './Migration20261201200000PlanImportAudit.js';
import { Migration20261201100000Evaluation } from './Migration20261201100000Evaluation.js';
import { Migration20261201300000Level1Sections } from './Migration20261201300000Level1Sections.js';
import { Migration20261201400000StoredFigures } from './Migration20261201400000StoredFigures.js';
import { Migration20261201600000ApprovalOpinion } from './Migration20261201600000ApprovalOpinion.js';
import { Migration20261202400000AnalystIndexes } from './Migration20261202400000AnalystIndexes.js';
import { Migration20261202410000IndicatorOrderIndexes } from './Migration20261202410000IndicatorOrderIndexes.js';
import { Migration20261203100000ComputedViews } from './Migration20261203100000ComputedViews.js';
import { Migration20261203110000CheckFlags } from './Migration20261203110000CheckFlags.js';

/** Every migration, in order. Listed explicitly so tsx, vitest and the built code all find them. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124000000Initial', class: Migration20261124000000Initial },
  { name: 'Migration20261124010000StructuredTarget', class: Migration20261124010000StructuredTarget },
  { name: 'Migration20261124020000Trust', class: Migration20261124020000Trust },
  { name: 'Migration20261124030000AuditAppendOnly', class: Migration20261124030000AuditAppendOnly },
  { name: 'Migration20261201100000Evaluation', class: Migration20261201100000Evaluation },
  { name: 'Migration20261201200000PlanImportAudit', class: Migration20261201200000PlanImportAudit },
  { name: 'Migration20261201300000Level1Sections', class: Migration20261201300000Level1Sections },
  { name: 'Migration20261201400000StoredFigures', class: Migration20261201400000StoredFigures },
  { name: 'Migration20261201600000ApprovalOpinion', class: Migration20261201600000ApprovalOpinion },
  { name: 'Migration20261202400000AnalystIndexes', class: Migration20261202400000AnalystIndexes },
  { name: 'Migration20261202410000IndicatorOrderIndexes', class: Migration20261202410000IndicatorOrderIndexes },
  { name: 'Migration20261203100000ComputedViews', class: Migration20261203100000ComputedViews },
  { name: 'Migration20261203110000CheckFlags', class: Migration20261203110000CheckFlags },
];
