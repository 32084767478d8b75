import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { formatDecimal } from '../../domain/decimal.js';
import { annualQuantity, describeDeadline, describeQuantity } from '../../domain/indicator-value/parse.js';
import type {
  Comparator,
  Confidence,
  Deadline,
  Direction,
  GradeScale,
  ParsedValue,
  Period,
  Qualifier,
  Quantity,
  ValueKind,
} from '../../domain/indicator-value/types.js';
import { enumOf } from '../../graphql/enum.js';
import { DecimalScalar } from '../../graphql/scalars.js';

export const ValueKindValues = enumOf<ValueKind>(['QUANTITY', 'BOOLEAN', 'GRADE', 'NOT_APPLICABLE', 'TEXT']);
export const ComparatorValues = enumOf<Comparator>(['GTE', 'GT', 'LTE', 'LT', 'EQ', 'RANGE']);
export const DirectionValues = enumOf<Direction>(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']);
export const ConfidenceValues = enumOf<Confidence>(['HIGH', 'MEDIUM', 'LOW']);
export const ValueRoleValues = enumOf<'TARGET' | 'ACTUAL'>(['TARGET', 'ACTUAL']);
export const ValueGradeValues = enumOf<'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR'>(['EXCELLENT', 'GOOD', 'FAIR', 'POOR']);
export const GradeScaleValues = enumOf<GradeScale>(['EXCELLENT_GOOD_FAIR_POOR', 'GOOD_FAIRLY_GOOD_AVERAGE_POOR', 'SATISFACTION']);
export const ValueQualifierValues = enumOf<Qualifier>(['PARTIAL', 'LATE']);
export const FrequencyPeriodValues = enumOf<Period>(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR']);
export const ValueBasisValues = enumOf<'BUDGET'>(['BUDGET']);

registerEnumType(ValueKindValues, {
  name: 'ValueKind',
  description: '指标值的类型 / how a value was read',
  valuesConfig: {
    QUANTITY: { description: '数量（比较符、数值、单位）/ a quantity' },
    BOOLEAN: { description: '是否（完成/合规/达标…）/ yes or no' },
    GRADE: { description: '等级（优/良/中/差）/ a grade' },
    NOT_APPLICABLE: { description: '不适用（/、无、无直接经济效益）/ not applicable' },
    TEXT: { description: '文本，由评价人员判断 / text, judged by the evaluator' },
  },
});
registerEnumType(ComparatorValues, {
  name: 'Comparator',
  description: '比较符 / comparator',
  valuesConfig: {
    GTE: { description: '≥ 不少于/不低于/以上' },
    GT: { description: '> 超过/高于' },
    LTE: { description: '≤ 不超过/以下/以内/控制在' },
    LT: { description: '< 低于/少于' },
    EQ: { description: '= 等于' },
    RANGE: { description: '区间，如 90%-95% / a range' },
  },
});
registerEnumType(DirectionValues, {
  name: 'Direction',
  description: '指标方向 / which way is better',
  valuesConfig: { HIGHER_IS_BETTER: { description: '越高越好 / higher is better' }, LOWER_IS_BETTER: { description: '越低越好（成本、不超过…）/ lower is better' } },
});
registerEnumType(ConfidenceValues, {
  name: 'Confidence',
  description: '识别把握 / how sure the reading is',
  valuesConfig: { HIGH: { description: '高 / high' }, MEDIUM: { description: '中（略去了部分文字）/ medium' }, LOW: { description: '低（按文本处理）/ low' } },
});
registerEnumType(ValueRoleValues, {
  name: 'ValueRole',
  description: '目标值还是实际值 / whether a text is a target or an actual',
  valuesConfig: { TARGET: { description: '指标值（"95%" 读作 ≥ 95%）/ target' }, ACTUAL: { description: '实际完成值（"95%" 读作 = 95%）/ actual' } },
});
registerEnumType(ValueGradeValues, {
  name: 'ValueGrade',
  description: '等级 / grade of a qualitative value',
  valuesConfig: { EXCELLENT: { description: '优/优秀' }, GOOD: { description: '良/良好/较好' }, FAIR: { description: '中/合格/一般' }, POOR: { description: '差/较差' } },
});

registerEnumType(GradeScaleValues, {
  name: 'GradeScale',
  description: '等级所属的量表 / the scale a grade word belongs to',
  valuesConfig: {
    EXCELLENT_GOOD_FAIR_POOR: { description: '优/良/中/差' },
    GOOD_FAIRLY_GOOD_AVERAGE_POOR: { description: '好/较好/一般/差' },
    SATISFACTION: { description: '满意/基本满意/不满意（三级）/ three-level satisfaction scale' },
  },
});
registerEnumType(ValueQualifierValues, {
  name: 'ValueQualifier',
  description: '“是”的程度 / how far a yes goes',
  valuesConfig: {
    PARTIAL: { description: '基本完成/部分完成（部分达成）/ done in part' },
    LATE: { description: '延期完成/逾期完成（部分达成）/ done after the deadline' },
  },
});
registerEnumType(FrequencyPeriodValues, {
  name: 'FrequencyPeriod',
  description: '频次的周期（每月2次按全年24次比较）/ the period of a frequency, compared on its annual equivalent',
  valuesConfig: {
    DAY: { description: '每天（× 365）/ per day' },
    WEEK: { description: '每周（× 52）/ per week' },
    MONTH: { description: '每月（× 12）/ per month' },
    QUARTER: { description: '每季度（× 4）/ per quarter' },
    HALF_YEAR: { description: '每半年（× 2）/ per half year' },
    YEAR: { description: '每年 / per year' },
  },
});
registerEnumType(ValueBasisValues, {
  name: 'ValueBasis',
  description: '百分比的基数 / what a percentage is of',
  valuesConfig: { BUDGET: { description: '预算数（不超过预算 = ≤ 预算的 100%）/ the budget' } },
});

/** A deadline a target sets ("9月底前") or the date an actual reports ("9月20日完成"). */
@ObjectType({ description: '时限或完成时间（9月底前、按时）/ a deadline or the date the work was done' })
export class DeadlineReading {
  @Field(() => Int, { nullable: true, description: '年（未写为空）/ year, when written' })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: '月 1–12（按时/及时/按计划 为空）/ month, null for 按时/及时/按计划' })
  month!: number | null;

  @Field(() => Int, { nullable: true, description: '日（月底为空）/ day of the month, null for the end of the month' })
  day!: number | null;

  @Field(() => String, { description: '原文中的时限文字 / the words as written' })
  written!: string;

  @Field(() => String, { description: '简写，如 "9月底"、"按时" / display form' })
  display!: string;
}

/** A quantity as the API shows it: exact decimals, and the display form the editor puts beside a cell. */
@ObjectType({ description: '数量 / a quantity read from a text' })
export class QuantityReading {
  @Field(() => ComparatorValues, { description: '比较符 / comparator' })
  comparator!: Comparator;

  @Field(() => DecimalScalar, { description: '数值（区间为下限）/ value (lower bound of a range)' })
  value!: string;

  @Field(() => DecimalScalar, { nullable: true, description: '区间上限 / upper bound of a range' })
  upper!: string | null;

  @Field(() => String, { nullable: true, description: '单位 / unit' })
  unit!: string | null;

  @Field(() => Boolean, { description: '是否约数（400余场、110万+）/ approximate' })
  approximate!: boolean;

  @Field(() => DirectionValues, { description: '方向 / direction' })
  direction!: Direction;

  @Field(() => String, { description: '简写，如 "≥ 12 次" / display form' })
  display!: string;

  @Field(() => FrequencyPeriodValues, { nullable: true, description: '频次周期（每月2次）/ the period of a frequency' })
  period!: Period | null;

  @Field(() => DecimalScalar, { nullable: true, description: '折合全年的数值（每月2次 → 24）/ the annual equivalent of a frequency' })
  annualValue!: string | null;

  @Field(() => ValueBasisValues, { nullable: true, description: '百分比的基数（预算）/ what a percentage is of' })
  basis!: 'BUDGET' | null;
}

@ObjectType({ description: '指标值或实际完成值的识别结果（服务器端）/ how the server reads a target or actual text' })
export class IndicatorValue {
  @Field(() => String, { description: '原文 / the text as written' })
  raw!: string;

  @Field(() => ValueKindValues, { description: '类型 / kind' })
  kind!: ValueKind;

  @Field(() => ComparatorValues, { nullable: true, description: '比较符（数量）/ comparator, for quantities' })
  comparator!: Comparator | null;

  @Field(() => DecimalScalar, { nullable: true, description: '数值（数量）/ value, for quantities' })
  value!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '区间上限 / upper bound, for ranges' })
  upper!: string | null;

  @Field(() => String, { nullable: true, description: '单位 / unit' })
  unit!: string | null;

  @Field(() => Boolean, { description: '是否约数 / approximate' })
  approximate!: boolean;

  @Field(() => DirectionValues, { nullable: true, description: '方向（数量）/ direction, for quantities' })
  direction!: Direction | null;

  @Field(() => Boolean, { nullable: true, description: '是/否（BOOLEAN）/ the yes-or-no value' })
  boolean!: boolean | null;

  @Field(() => ValueGradeValues, { nullable: true, description: '等级（GRADE）/ the grade' })
  grade!: string | null;

  @Field(() => String, { description: '简写，如 "≥ 12 次"、"是"、"良"、"不适用"、"文本" / display form' })
  display!: string;

  @Field(() => ConfidenceValues, { description: '把握 / confidence' })
  confidence!: Confidence;

  @Field(() => String, { description: '识别说明（中文）/ how it was read, in Chinese' })
  explanation!: string;

  @Field(() => [QuantityReading], { description: '文本中包含的多个数量（建议拆分）/ quantities found in a compound text' })
  hints!: QuantityReading[];

  @Field(() => Boolean, { description: '是否建议拆分为多个指标 / whether splitting into several indicators is suggested' })
  splitSuggested!: boolean;

  @Field(() => GradeScaleValues, { nullable: true, description: '等级量表（GRADE）/ the scale of a grade' })
  gradeScale!: GradeScale | null;

  @Field(() => ValueQualifierValues, { nullable: true, description: '基本完成/部分完成（PARTIAL）、延期完成（LATE）/ how far a yes goes' })
  qualifier!: Qualifier | null;

  @Field(() => DeadlineReading, { nullable: true, description: '时限（目标）或完成时间（实际）/ deadline (target) or completion date (actual)' })
  deadline!: DeadlineReading | null;

  @Field(() => FrequencyPeriodValues, { nullable: true, description: '频次周期（数量）/ the period of a frequency, for quantities' })
  period!: Period | null;

  @Field(() => DecimalScalar, { nullable: true, description: '折合全年的数值（频次）/ the annual equivalent of a frequency' })
  annualValue!: string | null;

  @Field(() => ValueBasisValues, { nullable: true, description: '百分比的基数（不超过预算 → 预算）/ what a percentage is of' })
  basis!: 'BUDGET' | null;

  @Field(() => QuantityReading, {
    nullable: true,
    description: '指标名称中的数量（名称“完成培训12期”，指标值“100%”）/ the quantity written in the indicator name when the target is 100%',
  })
  nameQuantity!: QuantityReading | null;

  /** Set by the planner rather than read from the text. */
  @Field(() => Boolean, { description: '是否为编报人员明确设定的结构化目标 / true when a planner set the structured form explicitly' })
  explicit!: boolean;
}

const GRADE_DISPLAY: Record<GradeScale, Record<'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR', string>> = {
  EXCELLENT_GOOD_FAIR_POOR: { EXCELLENT: '优', GOOD: '良', FAIR: '中', POOR: '差' },
  GOOD_FAIRLY_GOOD_AVERAGE_POOR: { EXCELLENT: '好', GOOD: '较好', FAIR: '一般', POOR: '差' },
  SATISFACTION: { EXCELLENT: '满意', GOOD: '满意', FAIR: '基本满意', POOR: '不满意' },
};

export function quantityReading(quantity: Quantity): QuantityReading {
  return {
    comparator: quantity.comparator,
    value: formatDecimal(quantity.value),
    upper: quantity.upper === null ? null : formatDecimal(quantity.upper),
    unit: quantity.unit,
    approximate: quantity.approximate,
    direction: quantity.direction,
    display: describeQuantity(quantity),
    period: quantity.period ?? null,
    annualValue: quantity.period ? formatDecimal(annualQuantity(quantity).value) : null,
    basis: quantity.basis ?? null,
  };
}

function deadlineReading(deadline: Deadline): DeadlineReading {
  return { ...deadline, display: describeDeadline(deadline) };
}

function display(parsed: ParsedValue): string {
  switch (parsed.kind) {
    case 'QUANTITY':
      return parsed.quantity ? describeQuantity(parsed.quantity) : parsed.raw;
    case 'BOOLEAN':
      if (parsed.qualifier === 'PARTIAL') return '部分完成';
      if (parsed.qualifier === 'LATE') return '逾期完成';
      if (parsed.boolean && parsed.deadline) return `是（${parsed.deadline.written}）`;
      return parsed.boolean ? '是（完成）' : '否（未完成）';
    case 'GRADE':
      return parsed.grade ? GRADE_DISPLAY[parsed.scale ?? 'EXCELLENT_GOOD_FAIR_POOR'][parsed.grade] : parsed.raw;
    case 'NOT_APPLICABLE':
      return '不适用';
    case 'TEXT':
      return '文本（由评价人员判断）';
  }
}

export function indicatorValue(parsed: ParsedValue, explicit = false): IndicatorValue {
  const quantity = parsed.quantity ? quantityReading(parsed.quantity) : null;
  return {
    raw: parsed.raw,
    kind: parsed.kind,
    comparator: quantity?.comparator ?? null,
    value: quantity?.value ?? null,
    upper: quantity?.upper ?? null,
    unit: quantity?.unit ?? null,
    approximate: quantity?.approximate ?? false,
    direction: quantity?.direction ?? null,
    boolean: parsed.boolean,
    grade: parsed.grade,
    display: display(parsed),
    confidence: parsed.confidence,
    explanation: parsed.explanation,
    hints: parsed.hints.map(quantityReading),
    splitSuggested: parsed.kind === 'TEXT' && parsed.hints.length > 1,
    gradeScale: parsed.scale ?? null,
    qualifier: parsed.qualifier ?? null,
    deadline: parsed.deadline ? deadlineReading(parsed.deadline) : null,
    period: quantity?.period ?? null,
    annualValue: quantity?.annualValue ?? null,
    basis: quantity?.basis ?? null,
    nameQuantity: parsed.nameQuantity ? quantityReading(parsed.nameQuantity) : null,
    explicit,
  };
}
