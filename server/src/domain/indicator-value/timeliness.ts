/**
 * Timeliness (时效指标): 按时 / 及时 / 按期 / 按计划 and dates ("9月底前", "年底前", "6月30日前完成") read as
 * a yes with a deadline. As a target the date is the deadline; as an actual it is when the work was done
 * ("9月20日完成"). The gap compares them: done by the deadline is 达成, done later is 部分达成.
 */
import type { Deadline, ParsedValue } from './types.js';
import { booleanResult } from './results.js';

/** Words that promise (or report) the work on schedule, without a date. */
const ON_TIME_WORDS = ['按时间节点', '按节点要求', '按进度', '按节点', '按计划', '按时', '及时', '按期', '如期', '准时'];

/** What is done by the date: "按时完成", "年底前拨付到位". Longest first. */
const DONE_VERBS = [
  '全部完成', '完成任务', '拨付到位', '发放到位', '资金到位', '完成', '办结', '完工', '竣工', '到位', '拨付', '发放', '兑付', '支付',
  '上报', '报送', '提交', '实施', '落实', '验收', '建成', '开展', '处理', '推进', '启动', '开工', '结束',
];
const VERB = `(?:${DONE_VERBS.join('|')})?`;
const NOT = '(?:未能|未|没有|没能|不能)';

const ON_TIME = new RegExp(`^(${NOT})?(${ON_TIME_WORDS.join('|')})${VERB}$`);

/** Words for the end of the year or of a half or quarter, with the month they end in. */
const PERIOD_ENDS: ReadonlyArray<[string, number]> = [
  ['本年度内', 12], ['年度内', 12], ['年底', 12], ['年末', 12], ['年终', 12], ['年内', 12], ['当年', 12], ['上半年', 6], ['下半年', 12],
  ['第一季度', 3], ['第二季度', 6], ['第三季度', 9], ['第四季度', 12], ['一季度', 3], ['二季度', 6], ['三季度', 9], ['四季度', 12],
];
/** "2021年" before a month; before 年底 the 年 belongs to the period word ("2024年底"). */
const YEAR = '(?:((?:19|20)\\d{2})(?:年(?=\\d)|(?=年)))?';
const MONTH_DATE = '(1[0-2]|0?[1-9])月(?:(3[01]|[12]\\d|0?[1-9])[日号]|(底|末|上旬|中旬|下旬|份))?';
const PERIOD_END = `(${PERIOD_ENDS.map(([word]) => word).join('|')})`;
const BEFORE = '(之前|以前|前|之内|以内|内)?';
const DATED = new RegExp(`^(?:于|在)?${YEAR}(?:${MONTH_DATE}|${PERIOD_END})${BEFORE}(${DONE_VERBS.join('|')})?$`);

const DAY_OF_PART: Record<string, number | null> = { 底: null, 末: null, 份: null, 上旬: 10, 中旬: 20, 下旬: null };

/** "按时完成" → yes, on time; "未按期完成" → no; "2021年9月底前完成" → yes, by 2021-09 end; null otherwise. */
export function readTimeliness(raw: string, clean: string, role: 'TARGET' | 'ACTUAL'): ParsedValue | null {
  const onTime = ON_TIME.exec(clean);
  if (onTime) {
    const [, negation, word] = onTime;
    const deadline: Deadline = { year: null, month: null, day: null, written: word };
    if (negation) return { ...booleanResult(raw, false, 'HIGH', `“${clean}”读作：否（未${word}完成）`), deadline };
    return { ...booleanResult(raw, true, 'HIGH', `“${clean}”读作：是（${word}完成，时效要求）`), deadline };
  }
  const dated = DATED.exec(clean);
  if (!dated) return null;
  const [, year, month, day, part, periodEnd, before, verb] = dated;
  // "6月" alone is six months (a quantity); a month is a date with a day, 底/前 or a verb ("9月完成").
  if (month !== undefined && day === undefined && part === undefined && before === undefined && verb === undefined) return null;
  const deadline = dateOf(year, month, day, part, periodEnd, before);
  if (deadline === null) return null;
  const when = describeDeadline(deadline);
  const note = role === 'TARGET' ? `期限为${when}，按期完成即达成` : `完成时间为${when}`;
  const assumed = month !== undefined && before !== undefined && part === undefined && day === undefined && before.endsWith('前');
  const shift = assumed ? `；“${month}月前”读作 ${deadline.month} 月底前` : '';
  return { ...booleanResult(raw, true, 'HIGH', `“${clean}”读作：是（${note}${shift}）`), deadline };
}

function dateOf(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  part: string | undefined,
  periodEnd: string | undefined,
  before: string | undefined,
): Deadline | null {
  const written = [year && `${year}年`, month && `${Number(month)}月`, day && `${Number(day)}日`, part, periodEnd, before]
    .filter(Boolean)
    .join('');
  const yearNumber = year === undefined ? null : Number(year);
  if (periodEnd !== undefined) {
    const end = PERIOD_ENDS.find(([word]) => word === periodEnd)![1];
    return { year: yearNumber, month: end, day: null, written };
  }
  let monthNumber = Number(month);
  const dayNumber = day !== undefined ? Number(day) : part !== undefined ? DAY_OF_PART[part] : null;
  // "6月前" is before June begins: by the end of May. "1月前" would be last year: not read.
  if (day === undefined && part === undefined && before !== undefined && before.endsWith('前')) {
    if (monthNumber === 1) return null;
    monthNumber -= 1;
  }
  return { year: yearNumber, month: monthNumber, day: dayNumber, written };
}

/** "2021年9月底", "6月30日", "按时". */
export function describeDeadline(deadline: Deadline): string {
  if (deadline.month === null) return deadline.written;
  const year = deadline.year === null ? '' : `${deadline.year}年`;
  const day = deadline.day === null ? '底' : `${deadline.day}日`;
  return `${year}${deadline.month}月${day}`;
}

/**
 * Was the work done (`done`, from the actual) after the deadline (from the target)? null when either
 * names no date (按时, 完成): then the words decide. Years compare only when both are written.
 */
export function isLate(deadline: Deadline, done: Deadline): boolean | null {
  if (deadline.month === null || done.month === null) return null;
  if (deadline.year !== null && done.year !== null && deadline.year !== done.year) return done.year > deadline.year;
  if (done.month !== deadline.month) return done.month > deadline.month;
  if (deadline.day === null) return false;
  // Done "in September" (no day) against "by 15 September": it may have been on time; the evaluator checks.
  if (done.day === null) return null;
  return done.day > deadline.day;
}
