/**
 * Comparator and direction (DOMAIN.md §4): what the words around a number say, what the indicator
 * says (成本, 不超过 …), and the default when nothing is written (a target is a bound on the good side,
 * an actual is what happened).
 */
import type { Comparator, Direction, Quantity, ValueContext } from './types.js';
import { PERIOD_LABELS, PERIODS_PER_YEAR, splitPerPeriod } from './frequency.js';
import { MICROS_PER_UNIT } from './numbers.js';
import type { Mention } from './scan.js';
import {
  EXCLUSIVE_MARKS,
  INCLUSIVE_MARKS,
  LOWER_IS_BETTER_LEVEL1,
  LOWER_IS_BETTER_LEVEL2,
  LOWER_IS_BETTER_NAME_WORDS,
  matchWordAt,
  type ComparatorWord,
} from './vocabulary.js';

export interface ContextDirection {
  direction: Direction;
  /** Why lower is better, when it is ("成本指标", "指标名称含“不超过”"). */
  reason: string | null;
}

/** DOMAIN.md §4: lower-is-better for 成本 indicators and names that state a limit. */
export function contextDirection(context: ValueContext): ContextDirection {
  if (context.level1 && LOWER_IS_BETTER_LEVEL1.has(context.level1)) return lower('成本指标');
  if (context.level2 && LOWER_IS_BETTER_LEVEL2.has(context.level2)) return lower('成本指标');
  const word = LOWER_IS_BETTER_NAME_WORDS.find((candidate) => context.name?.includes(candidate));
  if (word) return lower(`指标名称含“${word}”`);
  return { direction: 'HIGHER_IS_BETTER', reason: null };
}

export function lower(reason: string): ContextDirection {
  return { direction: 'LOWER_IS_BETTER', reason };
}

/**
 * The comparator: written words win; 余/多/+ mean ≥; otherwise an actual is what happened (=) and a
 * target is a bound on the good side (≥ when higher is better, ≤ when lower is better).
 * Direction: an explicit ≥/> says higher is better and ≤/< lower, even against the indicator's
 * category (the words are the more specific statement); otherwise the indicator decides.
 */
export function resolveQuantity(mention: Mention, context: ValueContext): { quantity: Quantity; notes: string[] } {
  const fromContext = contextDirection(context);
  const side: Side =
    mention.upper !== null
      ? { comparator: 'RANGE', direction: fromContext.direction, notes: [] }
      : mention.comparator !== null
        ? writtenSide(mention.comparator, fromContext)
        : mention.atLeast
          ? { comparator: 'GTE', direction: 'HIGHER_IS_BETTER', notes: [] }
          : defaultSide(mention, context.role ?? 'TARGET', fromContext);
  const perPeriod = splitPerPeriod(mention.unit);
  const period = mention.period ?? perPeriod?.period ?? null;
  const quantity: Quantity = {
    comparator: side.comparator,
    value: mention.value,
    upper: side.comparator === 'RANGE' ? mention.upper : null,
    unit: perPeriod ? perPeriod.unit : mention.unit,
    approximate: mention.approximate,
    direction: side.direction,
    ...(period ? { period } : {}),
  };
  const frequency = period ? [`${PERIOD_LABELS[period]}的频次，比较时折合全年（× ${PERIODS_PER_YEAR[period]}）`] : [];
  return { quantity, notes: [...mention.notes, ...side.notes, ...frequency] };
}

export interface Side {
  comparator: Comparator;
  direction: Direction;
  notes: string[];
}

export function writtenSide(comparator: Comparator, fromContext: ContextDirection): Side {
  const written = directionOf(comparator);
  if (!written) return { comparator, direction: fromContext.direction, notes: [] };
  const overridden = fromContext.reason !== null && written !== fromContext.direction;
  return { comparator, direction: written, notes: overridden ? [`${fromContext.reason}，但比较词优先`] : [] };
}

export function defaultSide(mention: Mention, role: 'TARGET' | 'ACTUAL', fromContext: ContextDirection): Side {
  if (role === 'ACTUAL') {
    return { comparator: 'EQ', direction: fromContext.direction, notes: ['实际完成值按实际数读'] };
  }
  if (mention.value === 0n) {
    // "0次" (事故, 投诉) is a ceiling: ≥ 0 would promise nothing.
    return { comparator: 'LTE', direction: 'LOWER_IS_BETTER', notes: ['目标为 0，读作不超过 0'] };
  }
  if (fromContext.direction === 'LOWER_IS_BETTER') {
    return { comparator: 'LTE', direction: 'LOWER_IS_BETTER', notes: [`${fromContext.reason}，越低越好，目标值读作上限`] };
  }
  const notes = ['目标值未写比较词，按“越高越好”读作下限'];
  // DOMAIN.md §4: "100%" → GTE 100 %, which is EQ at the top of the scale.
  if (mention.unit === '%' && mention.value === 100n * MICROS_PER_UNIT) notes.push('100% 已是满额，即须全部达成');
  return { comparator: 'GTE', direction: 'HIGHER_IS_BETTER', notes };
}

export function directionOf(comparator: Comparator): Direction | null {
  if (comparator === 'GTE' || comparator === 'GT') return 'HIGHER_IS_BETTER';
  if (comparator === 'LTE' || comparator === 'LT') return 'LOWER_IS_BETTER';
  return null;
}

/** Lower-bound words and upper-bound words cannot describe the same number. */
export function combineComparators(
  before: ComparatorWord | null,
  after: ComparatorWord | null,
): { comparator: Comparator | null; conflict: string | null } {
  if (!before || !after) return { comparator: (before ?? after)?.comparator ?? null, conflict: null };
  const sideBefore = directionOf(before.comparator);
  const sideAfter = directionOf(after.comparator);
  if (sideBefore && sideAfter && sideBefore !== sideAfter) {
    return { comparator: null, conflict: `“${before.word}”与“${after.word}”` };
  }
  // Same side ("达到90%以上", "控制在6万元以内"): the word before the number is the more precise one.
  return { comparator: before.comparator === 'EQ' ? after.comparator : before.comparator, conflict: null };
}

/** "控制在90%-95%", "达到90%-95%": words that introduce a range without contradicting it. */
export const RANGE_PREFIX_WORDS: ReadonlySet<string> = new Set(['控制在', '达到', '达', '=', '==', '等于']);

export function comparatorNote(word: ComparatorWord): string[] {
  if (!/[\u4e00-\u9fff]/.test(word.word)) return [];
  const meaning: Record<Comparator, string> = {
    GTE: '下限',
    GT: '下限，不含本数',
    LTE: '上限',
    LT: '上限，不含本数',
    EQ: '等于',
    RANGE: '区间',
  };
  return [`“${word.word}”表示${meaning[word.comparator]}`];
}

export function readInclusiveMark(text: string, index: number): { end: number; exclusive: boolean } | null {
  const inclusive = matchWordAt(text, index, INCLUSIVE_MARKS);
  if (inclusive) return { end: index + inclusive.length, exclusive: false };
  const exclusive = matchWordAt(text, index, EXCLUSIVE_MARKS);
  if (exclusive) return { end: index + exclusive.length, exclusive: true };
  return null;
}
