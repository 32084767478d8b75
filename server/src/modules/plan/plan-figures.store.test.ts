// A single-indicator write computes the roll-up columns of its chain and plan with rowRollupColumns (the rows
// under each line item, without the section totals and children it does not store): over random trees and
// rows, those columns and the stated total's findings are rollupsOf's, the whole plan's computation.
import { describe, expect, it } from 'vitest';
import { GAP_STATUSES } from '../../domain/gap.js';
import { statedEvaluationFindings } from '../../domain/evaluation-total.js';
import { DEFAULT_SECTION_WEIGHTS } from '../../domain/scoring.js';
import { rowRollupColumns } from './plan-figures.store.js';
import { rollupsOf, type RollupRow, type RollupTreeItem } from './plan-figures.service.js';
import { random } from '../../../bench/province/generate.js';

const LEVEL1S = ['OUTPUT', 'OUTCOME', 'SATISFACTION', 'COST', 'BUDGET_EXECUTION', 'DECISION', 'UNKNOWN'] as const;
const MICRO = 1_000_000n;

describe('rowRollupColumns', () => {
  it('gives rollupsOf\'s columns (but the execution rate) for every line item and the plan, over random plans', () => {
    const next = random(20261204);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    for (let plan = 0; plan < 300; plan++) {
      const items: RollupTreeItem[] = [];
      const parents = new Map<number, number | null>();
      const count = Math.floor(next() * 12);
      for (let id = 1; id <= count; id++) {
        const parent = items.length && next() < 0.6 ? pick(items) : null;
        const depth = (function depthOf(item: number | null): number {
          return item === null ? 0 : 1 + depthOf(parents.get(item)!);
        })(parent?.id ?? null);
        const parentId = depth < 4 ? (parent?.id ?? null) : null;
        parents.set(id, parentId);
        items.push({ id, parentId, amounts: { fullYear: null, actual: null } });
      }
      const rows: RollupRow[] = Array.from({ length: Math.floor(next() * 40) }, (_, index) => {
        const weight = next() < 0.15 ? null : BigInt(1 + Math.floor(next() * 10)) * MICRO;
        const suggestedScore = next() < 0.4 ? null : BigInt(Math.floor(next() * 10 * 100)) * 10_000n;
        const score = next() < 0.6 ? null : BigInt(Math.floor(next() * 10 * 100)) * 10_000n;
        return {
          id: index + 1,
          lineItemId: items.length && next() < 0.8 ? pick(items).id : null,
          level1: pick(LEVEL1S),
          weight,
          score,
          scoreUnconfirmed: score !== null && next() < 0.2,
          status: pick(GAP_STATUSES),
          suggestedScore,
          readingKind: pick(['TEXT', 'NUMBER', null]),
        };
      });
      const childrenByParent = new Map<number | null, RollupTreeItem[]>();
      for (const item of items) childrenByParent.set(item.parentId, [...(childrenByParent.get(item.parentId) ?? []), item]);
      const stated = next() < 0.5 ? undefined : { totalScore: next() < 0.3 ? null : BigInt(Math.floor(next() * 100)) * MICRO, grade: pick([null, '优', '良', '中', '差']) };
      const whole = rollupsOf({ rows, childrenByParent, budget: { fullYear: null, actual: null }, sectionWeights: DEFAULT_SECTION_WEIGHTS, stated });
      const under = (id: number) => rows.filter((row) => {
        for (let at = row.lineItemId; at !== null; at = parents.get(at)!) if (at === id) return true;
        return false;
      });
      for (const item of items) {
        const { rollupExecutionRate: _rate, ...expected } = whole.lineItems.get(item.id)!.columns;
        expect(rowRollupColumns(under(item.id)).columns).toEqual(expected);
      }
      const own = rowRollupColumns(rows.filter((row) => row.lineItemId === null));
      const { rollupExecutionRate: _rate, ...expected } = whole.plan.columns;
      expect(own.columns).toEqual(expected);
      expect(stated ? statedEvaluationFindings(own.total, stated) : []).toEqual(whole.planRollup.statedFindings);
    }
  });
});
