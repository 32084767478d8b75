import {
  type ChangeSet,
  ChangeSetType,
  type EntityComparator,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type EventSubscriber,
  type FlushEventArgs,
  JsonType,
  type Platform,
  ReferenceKind,
} from '@mikro-orm/core';
import { Department } from '../department/department.entity.js';
import { Evaluation, EvaluationSection } from '../evaluation/evaluation.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { BudgetLine } from '../plan/budget-line.entity.js';
import { KeyTask } from '../plan/key-task.entity.js';
import { Plan } from '../plan/plan.entity.js';
import { FIGURE_PROPERTIES } from '../plan/plan-figures.types.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { currentAuditScope } from './audit-scope.js';
import { type AuditRow, insertAuditRows } from './audit.writer.js';

/** What is official record: every change to these is written to the audit trail in the same flush. */
const AUDITED: EntityName<object>[] = [Department, Plan, KeyTask, BudgetLine, LineItem, Indicator, Evaluation, EvaluationSection];
/** Bookkeeping, not content. */
const IGNORED_FIELDS = new Set(['id', 'position', 'version', 'createdAt', 'updatedAt', ...FIGURE_PROPERTIES]);

type Row = Record<string, unknown>;

export function planIdOf(entity: object): number | null {
  if (entity instanceof Plan) return entity.id ?? null;
  if (entity instanceof EvaluationSection) return (entity.evaluation as Evaluation | undefined)?.plan?.id ?? null;
  const plan = (entity as { plan?: { id?: number } }).plan;
  return plan?.id ?? null;
}

/**
 * A change set holds database values (money as integer micro-units, JSON as text, embedded amounts as
 * `amounts_actual`): the trail records them as the API speaks them ("563.72", ["…"], amounts.actual).
 */
export function snapshot(meta: EntityMetadata<object>, platform: Platform, data: Row | undefined): Row {
  const row: Row = {};
  for (const [key, raw] of Object.entries(data ?? {})) {
    const prop = meta.properties[key as keyof object] as EntityProperty<object> | undefined;
    if (IGNORED_FIELDS.has(key) || !prop || prop.kind === ReferenceKind.EMBEDDED) continue;
    const name = prop.embedded ? prop.embedded.join('.') : key;
    row[name] = readable(prop, platform, raw);
  }
  return row;
}

function readable(prop: EntityProperty<object>, platform: Platform, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    return typeof raw === 'object' ? ((raw as { id?: unknown }).id ?? null) : raw;
  }
  if (prop.customType && !(prop.customType instanceof JsonType)) return prop.customType.convertToJSValue(raw, platform);
  if (typeof raw === 'string' && (prop.type === 'json' || prop.customType instanceof JsonType)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

export const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

function entriesFor(changeSet: ChangeSet<object>, platform: Platform, comparator: EntityComparator): Partial<AuditEntry>[] {
  const objectType = changeSet.name;
  const meta = changeSet.meta;
  const base = { objectType, planId: planIdOf(changeSet.entity) };
  if (changeSet.type === ChangeSetType.CREATE) {
    return [{ ...base, field: 'CREATED', after: json(snapshot(meta, platform, changeSet.payload as Row)) }];
  }
  if (changeSet.type === ChangeSetType.DELETE) {
    // A delete's change set carries no data: the row as it is now is what goes.
    return [{ ...base, field: 'DELETED', before: json(snapshot(meta, platform, comparator.prepareEntity(changeSet.entity) as Row)) }];
  }
  return updateEntries(meta, platform, base, changeSet.originalEntity as Row, changeSet.payload as Row);
}

/**
 * The entries of an update of one row: each changed field (bookkeeping and figures left out) with its value
 * before and after, from the row's snapshot as loaded and the changed values (both as the database holds
 * them, as in a change set). Also for a write that updates its row natively (plan-figures.store.ts).
 */
export function updateEntries(meta: EntityMetadata<object>, platform: Platform, base: Pick<AuditEntry, 'objectType' | 'planId'>, original: Row, changed: Row): Partial<AuditEntry>[] {
  const before = snapshot(meta, platform, original);
  const after = snapshot(meta, platform, changed);
  return Object.keys(after)
    .filter((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]))
    .map((field) => ({ ...base, field, before: json(before[field]), after: json(after[field]) }));
}

/**
 * Writes the audit trail in the transaction that makes the change, so a change and its record commit
 * or roll back together. Every write goes through one (runMutation, the CLI), which makes afterFlush —
 * where new rows finally have their ids — still part of it. The entries are compared in onFlush, while
 * the change sets still hold the values from before, and inserted in afterFlush in a few statements.
 */
export class AuditSubscriber implements EventSubscriber {
  private pending = new WeakMap<object, { changeSet: ChangeSet<object>; fields: Partial<AuditEntry> }[]>();

  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const rowsAudited = currentAuditScope().rowsAudited !== false;
    const changeSets = uow
      .getChangeSets()
      .filter((changeSet) => AUDITED.some((type) => changeSet.entity instanceof (type as new () => object)))
      .filter((changeSet) => rowsAudited || changeSet.entity instanceof Department);
    const entries = changeSets.flatMap((changeSet) => entriesFor(changeSet, em.getPlatform(), em.getComparator()).map((fields) => ({ changeSet, fields })));
    if (entries.length) this.pending.set(em, entries);
  }

  async afterFlush({ em }: FlushEventArgs): Promise<void> {
    const entries = this.pending.get(em);
    if (!entries) return;
    this.pending.delete(em);
    await insertAuditRows(
      em,
      entries.map(({ changeSet, fields }) => ({
        ...fields,
        planId: fields.planId ?? planIdOf(changeSet.entity),
        objectId: (changeSet.entity as { id?: number }).id ?? 0,
      })) as AuditRow[],
    );
  }
}
