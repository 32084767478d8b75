/**
 * A text's quantities as one reading: a single quantity (possibly with a few words around it), a lower
 * and an upper bound read as one range, or several quantities (TEXT, with the quantities as hints).
 */
import type { Confidence, ParsedValue, Quantity, ValueContext } from './types.js';
import { contextDirection, resolveQuantity } from './comparators.js';
import { MAX_DIGITS, MICROS_PER_UNIT } from './numbers.js';
import { emptyResult, readAs, textResult } from './results.js';
import { scanQuantities, type Mention } from './scan.js';
import { describeQuantity } from './units.js';
import { periodBefore } from './frequency.js';
import { normaliseText } from './vocabulary.js';
import { FILLER_WORDS, NEUTRAL_PUNCTUATION } from './vocabulary.js';

/**
 * Words (after fillers and punctuation) a single quantity may carry and still be read as that
 * quantity ("满意度达到90%以上", "完成中心组学习任务12次"). More words make it a sentence: TEXT, with the
 * quantity as a hint, because reading a sentence as a number would be a guess.
 */
const MAX_WORDS_AROUND_QUANTITY = 16;

export function readQuantities(raw: string, clean: string, widthChanged: boolean, context: ValueContext): ParsedValue {
  const scan = scanQuantities(clean);
  if (scan.tooLong) {
    return textResult(raw, [], `数字位数过多（超过 ${MAX_DIGITS} 位），按文本处理，由评价人员判断`);
  }
  const conflicting = scan.mentions.find((mention) => mention.conflict !== null);
  if (conflicting) {
    const hints = scan.mentions.filter((m) => m.conflict === null).map((m) => resolveQuantity(m, context).quantity);
    return textResult(raw, hints, `${conflicting.conflict}，比较词前后矛盾，按文本处理，由评价人员判断`);
  }

  if (scan.mentions.length === 0) {
    const [bare] = scan.bareNumbers;
    if (scan.bareNumbers.length === 1 && residualWords(clean, [bare]) === '') {
      return quantityReading(raw, [bare], '', widthChanged, context);
    }
    return textResult(raw, [], '无法识别为数量、是否、等级，按文本处理，由评价人员判断');
  }

  // "每月开展2次": one quantity with its period before it.
  const marker = scan.mentions.length === 1 ? periodBefore(clean, scan.mentions[0].start) : null;
  if (marker) scan.mentions[0] = { ...scan.mentions[0], period: marker.period };
  const quantities = scan.mentions.map((mention) => resolveQuantity(mention, context).quantity);
  const residual = residualWords(clean, marker ? [...scan.mentions, marker] : scan.mentions);
  // Several mentions are several statements ("开展宣讲10次以上，开展督查一次"), unless the text is only the
  // same quantity written again ("12次12次", like fixture 004's "完成完成").
  const repeated = residual === '' && quantities.every((q) => sameQuantity(q, quantities[0]));
  if (quantities.length >= 2 && !repeated) {
    return readBoundsAsRange(raw, scan.mentions, residual, context) ?? severalQuantities(raw, quantities);
  }
  const [quantity] = quantities;
  if (scan.bareNumbers.length > 0) {
    const unread = scan.bareNumbers.map((m) => clean.slice(m.start, m.end)).join('、');
    return textResult(
      raw,
      quantities,
      `读到数量 ${describeQuantity(quantity)}，但还有未写单位的数字（${unread}），按文本处理，由评价人员判断`,
    );
  }
  if ([...residual].length > MAX_WORDS_AROUND_QUANTITY) {
    return textResult(
      raw,
      quantities,
      `文字较多，其中读到数量 ${describeQuantity(quantity)}；按文本处理，由评价人员判断（如指标值就是这个数量，可改写为“${describeQuantity(quantity)}”）`,
    );
  }
  return quantityReading(raw, scan.mentions, residual, widthChanged, context);
}

/** A single quantity, possibly written more than once ("12次12次"). */
function quantityReading(
  raw: string,
  mentions: Mention[],
  residual: string,
  widthChanged: boolean,
  context: ValueContext,
): ParsedValue {
  const [mention] = mentions;
  const { quantity, notes } = resolveQuantity(mention, context);
  const extra: string[] = [];
  let confidence: Confidence = 'HIGH';
  if (mention.assumed) confidence = 'MEDIUM';
  if (quantity.unit === null) {
    confidence = 'MEDIUM';
    extra.push('未写单位');
  }
  if (residual !== '') {
    confidence = 'MEDIUM';
    extra.push(`略过了“${residual}”等文字`);
  }
  if (mentions.length > 1) {
    confidence = 'MEDIUM';
    extra.push(`同一数量写了 ${mentions.length} 遍`);
  }
  if (widthChanged) extra.push('全角符号按半角读');
  return {
    ...emptyResult(raw),
    kind: 'QUANTITY',
    quantity,
    confidence,
    explanation: readAs(quantity, [...notes, ...extra]),
  };
}

/** "不低于90%，不超过95%": a lower and an upper bound in the same unit are one range. */
function readBoundsAsRange(
  raw: string,
  mentions: Mention[],
  residual: string,
  context: ValueContext,
): ParsedValue | null {
  if (mentions.length !== 2 || residual !== '') return null;
  const [first, second] = mentions;
  const lower = first.comparator === 'GTE' ? first : second.comparator === 'GTE' ? second : null;
  const upper = first.comparator === 'LTE' ? first : second.comparator === 'LTE' ? second : null;
  if (!lower || !upper || lower.upper !== null || upper.upper !== null) return null;
  if (lower.unit !== upper.unit || lower.value > upper.value) return null;
  const quantity: Quantity = {
    comparator: 'RANGE',
    value: lower.value,
    upper: upper.value,
    unit: lower.unit,
    approximate: lower.approximate || upper.approximate,
    direction: contextDirection(context).direction,
  };
  return {
    ...emptyResult(raw),
    kind: 'QUANTITY',
    quantity,
    confidence: 'MEDIUM',
    explanation: readAs(quantity, ['下限和上限合读为一个区间']),
  };
}

function severalQuantities(raw: string, quantities: Quantity[]): ParsedValue {
  const listed = quantities.map(describeQuantity).join('；');
  return textResult(
    raw,
    quantities,
    `含 ${quantities.length} 个数量（${listed}），建议拆分为多个指标，每个指标一个数量；按文本处理，由评价人员判断`,
  );
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return (
    a.comparator === b.comparator &&
    a.value === b.value &&
    a.upper === b.upper &&
    a.unit === b.unit &&
    a.approximate === b.approximate
  );
}

/** What the text says besides its quantities, without punctuation and words that add nothing. */
function residualWords(text: string, mentions: ReadonlyArray<{ start: number; end: number }>): string {
  let rest = '';
  let cursor = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    rest += `${text.slice(cursor, mention.start)} `;
    cursor = mention.end;
  }
  rest += text.slice(cursor);
  for (const filler of FILLER_WORDS) rest = rest.split(filler).join(' ');
  return rest.replace(NEUTRAL_PUNCTUATION, '');
}

/**
 * "完成中心组学习任务12次" / "100%": the quantity sits in the indicator's name and the 指标值 only says all
 * of it. The reading stays "≥ 100%", and says so; `nameQuantity` lets the gap compare an actual "12次".
 */
export function withNameQuantity(parsed: ParsedValue, context: ValueContext): ParsedValue {
  const quantity = parsed.quantity;
  if (parsed.kind !== 'QUANTITY' || !quantity || (context.role ?? 'TARGET') !== 'TARGET') return parsed;
  if (quantity.unit !== '%' || quantity.value !== 100n * MICROS_PER_UNIT || !context.name) return parsed;
  const name = normaliseText(context.name).text;
  const mentions = scanQuantities(name).mentions.filter((m) => m.conflict === null && m.upper === null);
  const inName = mentions
    .map((mention) => resolveQuantity(mention, { role: 'TARGET', level1: context.level1, level2: context.level2 }).quantity)
    .filter((q) => q.unit !== null && q.unit !== '%');
  if (inName.length === 0) return parsed;
  if (inName.length > 1) {
    const listed = inName.map(describeQuantity).join('；');
    return { ...parsed, explanation: `${parsed.explanation}；指标名称中写有多个数量（${listed}），建议拆分为多个指标` };
  }
  const [nameQuantity] = inName;
  const note = `指标名称中写有数量 ${describeQuantity(nameQuantity)}，100% 即完成该数量；实际值可直接填写完成数`;
  return { ...parsed, nameQuantity, explanation: `${parsed.explanation}；${note}` };
}
