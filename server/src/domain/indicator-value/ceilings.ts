/**
 * Ceilings written in words, without a number:
 * - zero targets: "零投诉", "杜绝安全事故", "未发生重大舆情事件", "无违规违纪" read as ≤ 0 occurrences
 *   (lower is better; an actual reads as = 0). "无" alone is NOT_APPLICABLE (DOMAIN.md §4), except where
 *   it can only mean none happened: the actual of a zero target, or a value of an indicator that counts
 *   incidents (its name says 事故, 投诉 … and is not a rate).
 * - the budget: "不超过预算", "控制在预算内", "未超预算" read as ≤ 100 % of the budget.
 */
import type { ParsedValue, Quantity, ValueContext } from './types.js';
import { MICROS_PER_UNIT } from './numbers.js';
import { emptyResult } from './results.js';
import { describeQuantity } from './units.js';

/** What a zero target counts: incidents, complaints, errors. */
const INCIDENT_WORDS = [
  '事故', '投诉', '差错', '违规', '违纪', '违法', '舆情', '上访', '信访', '伤亡', '失误', '泄密', '火灾', '案件', '纠纷', '事件',
  '问题', '损失', '错误', '漏洞', '通报', '处罚', '查处', '负面', '隐患', '返工', '退回', '超支',
];
/** Words that say none happens, whatever follows ("杜绝浪费"). */
const NONE_HAPPENS = ['没有发生', '未发生', '不发生', '零发生', '未出现', '不出现', '没有出现', '杜绝', '无发生'];
/** Words that say none only of an incident ("零投诉", "无安全事故"), not of anything ("零容忍", "无明显变化"). */
const NONE_OF = ['零', '无', '没有'];
const NUMBER_CHARACTERS = /[0-9一二两三四五六七八九十百千万亿〇]/;
const MAX_ZERO_TEXT = 20;

export function readZeroTarget(raw: string, clean: string, context: ValueContext): ParsedValue | null {
  if (clean.length > MAX_ZERO_TEXT || NUMBER_CHARACTERS.test(clean.replace(/^零/, ''))) return null;
  const role = context.role ?? 'TARGET';
  if (clean === '无' || clean === '没有' || clean === '零') {
    if (clean !== '零' && !countsIncidents(context)) return null;
    return zeroResult(raw, role, `“${clean}”${clean === '零' ? '' : '在此指标（计发生次数）中'}表示未发生`);
  }
  const none = NONE_HAPPENS.find((word) => clean.includes(word));
  if (none) return zeroResult(raw, role, `“${none}”表示不发生`);
  const prefix = NONE_OF.find((word) => clean.startsWith(word));
  const incident = INCIDENT_WORDS.find((word) => clean.includes(word));
  if (prefix && incident) return zeroResult(raw, role, `“${prefix}${incident}”表示不发生`);
  if (clean.endsWith('为零') && incident) return zeroResult(raw, role, '“为零”表示不发生');
  return null;
}

/** The actual of a zero target, or a value of an indicator named for incidents (not a rate: 投诉处理率). */
function countsIncidents(context: ValueContext): boolean {
  const target = context.target?.quantity;
  if (context.role === 'ACTUAL' && target && target.value === 0n && target.comparator !== 'GTE' && target.comparator !== 'GT') {
    return true;
  }
  const name = context.name ?? '';
  return INCIDENT_WORDS.some((word) => name.includes(word)) && !/[率度比]$/.test(name.replace(/[。.，,\s]+$/, ''));
}

function zeroResult(raw: string, role: 'TARGET' | 'ACTUAL', why: string): ParsedValue {
  const quantity: Quantity = {
    comparator: role === 'TARGET' ? 'LTE' : 'EQ',
    value: 0n,
    upper: null,
    unit: null,
    approximate: false,
    direction: 'LOWER_IS_BETTER',
  };
  const side = role === 'TARGET' ? '目标为 0 次，越低越好' : '实际为 0 次';
  return {
    ...emptyResult(raw),
    kind: 'QUANTITY',
    quantity,
    confidence: 'HIGH',
    explanation: `读作：${describeQuantity(quantity)}（${why}，${side}）`,
  };
}

const BUDGET_CEILING = new RegExp(
  '^(?:支出|费用|经费|成本|资金|项目支出|实际支出|开支)?(?:严格)?' +
    '(?:不超过|不超出|不超|未超过|未超出|未超|没有超过|没有超出|不高于|控制在|在)' +
    '(?:年初|全年|核定|批复的?|下达的?)?预算(?:数|金额|资金|额度)?(?:范围)?(?:内|以内|之内)?$',
);
const WITHIN_BUDGET = /^(?:在)?(?:年初|全年|核定)?预算(?:范围)?(?:内|以内|之内)$/;

/** "不超过预算", "控制在预算内", "预算范围内": ≤ 100 % of the budget, lower is better. */
export function readBudgetCeiling(raw: string, clean: string): ParsedValue | null {
  if (!BUDGET_CEILING.test(clean) && !WITHIN_BUDGET.test(clean)) return null;
  const quantity: Quantity = {
    comparator: 'LTE',
    value: 100n * MICROS_PER_UNIT,
    upper: null,
    unit: '%',
    approximate: false,
    direction: 'LOWER_IS_BETTER',
    basis: 'BUDGET',
  };
  return {
    ...emptyResult(raw),
    kind: 'QUANTITY',
    quantity,
    confidence: 'HIGH',
    explanation: `读作：${describeQuantity(quantity)}（“${clean}”即支出不超过预算数的 100%，越低越好）`,
  };
}
