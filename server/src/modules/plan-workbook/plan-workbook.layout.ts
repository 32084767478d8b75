/**
 * The paper forms a plan is printed on, as the writer lays them out and the reader recognises them:
 * sheet titles, section labels, column headers (with the other wordings real forms use), and the
 * budget rows. One place, so writing and reading cannot drift apart.
 */
import { BUDGET_CATEGORY_LABELS, LINE_ITEM_KIND_LABELS } from '@jixiao/vocabulary';
import { normaliseText } from '../../domain/indicator-value/vocabulary.js';
import { BudgetCategory } from '../plan/plan-enums.js';
import { INCOME_ROWS, NATURE_ROWS } from '../plan/budget.js';

/** The kinds of sheet; each is recognised by the title written in its first rows. */
export const SHEET_TITLES = {
  department: '部门整体支出绩效目标表',
  summary: '专项资金预算绩效目标汇总表',
  direction: '专项资金支出方向绩效目标表',
  selfEvaluation: '部门整体支出绩效自评表',
} as const;
export type SheetKind = keyof typeof SHEET_TITLES;

/** What a title says, shortened wordings included (the first match wins, most specific first). */
export const TITLE_KEYWORDS: [SheetKind, string[]][] = [
  ['selfEvaluation', ['自评表', '自评']],
  ['summary', ['汇总表']],
  ['direction', ['支出方向绩效目标表', '支出方向表', '子项绩效目标表']],
  ['department', ['部门整体支出绩效目标表', '整体支出绩效目标表', '部门整体绩效目标表']],
];

export const MONEY_FORMAT = '#,##0.00####';
export const UNIT_NOTE = '单位：万元';

/**
 * A header or label as a lookup key: full-width forms read as half-width (the domain's own
 * normalisation), then spaces, colons, asterisks and a "(万元)" unit note are dropped.
 */
export function labelKey(text: string): string {
  return normaliseText(text)
    .text.replace(/[\s:：*＊]/g, '')
    .replace(/\((万元|元)\)/g, '')
    .replace(/^其中[,，、]?/, '');
}

function aliases<K extends string>(table: Record<K, string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, words] of Object.entries(table) as [K, string[]][]) for (const word of words) map.set(labelKey(word), key);
  return map;
}

/** The indicator table: the first wording of each column is the one written. */
export const INDICATOR_COLUMNS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '三级指标名称', '指标名称', '指标内容'],
  target: ['指标值', '年度指标值', '目标值', '绩效指标值', '指标值（目标值）'],
  weight: ['分值', '权重', '指标分值'],
  remark: ['备注'],
} satisfies Record<string, string[]>;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;
export const INDICATOR_HEADERS = aliases(INDICATOR_COLUMNS);

export const KEY_TASK_COLUMNS = {
  item: ['重点工作事项', '事项', '重点工作', '任务名称', '工作事项'],
  goal: ['工作目标', '目标', '主要内容'],
  owner: ['责任单位或科室', '责任单位', '责任科室', '责任单位（科室）'],
} satisfies Record<string, string[]>;
export type KeyTaskColumn = keyof typeof KEY_TASK_COLUMNS;
export const KEY_TASK_HEADERS = aliases(KEY_TASK_COLUMNS);

export const SUMMARY_COLUMNS = {
  number: ['序号'],
  lineItem: ['专项名称', '专项', '专项资金名称', '项目名称'],
  child: ['支出方向（子项）', '支出方向', '子项', '子项名称', '支出方向名称'],
  kind: ['项目类型', '类型'],
  amount: ['年初预算数（万元）', '年初预算数', '金额', '预算金额', '资金金额', '年初预算'],
} satisfies Record<string, string[]>;
export type SummaryColumn = keyof typeof SUMMARY_COLUMNS;
export const SUMMARY_HEADERS = aliases(SUMMARY_COLUMNS);

/** The labelled fields at the top of a 支出方向表 (label cell, then its value cell). */
export const DIRECTION_FIELDS = {
  lineItem: ['专项名称', '专项'],
  child: ['支出方向（子项）名称', '支出方向（子项）', '支出方向名称', '支出方向', '子项名称', '子项'],
  department: ['主管部门', '部门名称', '填报单位'],
  amount: ['年初预算数（万元）', '年初预算数', '资金金额', '金额', '预算金额'],
  period: ['项目实施期', '实施期'],
  periodGoal: ['实施期绩效目标', '实施期目标'],
  annualGoal: ['年度绩效目标', '年度目标'],
} satisfies Record<string, string[]>;
export type DirectionField = keyof typeof DIRECTION_FIELDS;
export const DIRECTION_LABELS = aliases(DIRECTION_FIELDS);

/** The 自评表's indicator table: the target table's columns plus what the evaluation states. */
export const SELF_EVALUATION_COLUMNS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '三级指标名称', '指标名称', '指标内容'],
  target: ['年度指标值', '指标值', '目标值'],
  actual: ['实际完成值', '实际完成情况', '完成值', '全年实际完成值'],
  weight: ['分值', '权重', '指标分值'],
  score: ['得分', '自评得分', '评分'],
  deduction: ['扣分原因', '扣分原因说明', '扣分理由'],
  deviationReason: ['偏差原因', '偏差原因分析', '偏差原因及改进措施'],
  evidence: ['佐证材料', '佐证', '佐证资料'],
} satisfies Record<string, string[]>;
export type SelfEvaluationColumn = keyof typeof SELF_EVALUATION_COLUMNS;
export const SELF_EVALUATION_HEADERS = aliases(SELF_EVALUATION_COLUMNS);

/** The 自评表's budget execution table. */
export const EXECUTION_COLUMNS = {
  label: ['项目', '预算项目'],
  initial: ['年初预算数'],
  fullYear: ['全年预算数', '调整后预算数'],
  actual: ['全年执行数', '执行数', '实际支出'],
  executionRate: ['执行率', '预算执行率'],
} satisfies Record<string, string[]>;
export type ExecutionColumn = keyof typeof EXECUTION_COLUMNS;
export const EXECUTION_HEADERS = aliases(EXECUTION_COLUMNS);

/** The 自评表's totals and narrative rows, by their label. */
export const SELF_EVALUATION_LABELS = {
  total: ['总分', '合计', '自评总分'],
  grade: ['评价等次', '等次', '自评等次'],
  problems: ['存在的问题', '存在问题'],
  measures: ['改进措施', '整改措施'],
  application: ['结果应用', '评价结果应用'],
  disclosure: ['公开情况', '信息公开情况'],
  evaluators: ['评价人员', '评价组成员'],
} satisfies Record<string, string[]>;
export type SelfEvaluationLabel = keyof typeof SELF_EVALUATION_LABELS;
export const SELF_EVALUATION_LABEL_KEYS = aliases(SELF_EVALUATION_LABELS);
/** A section subtotal row: 「产出指标（小计）」. */
export const SUBTOTAL = /[（(]\s*小计\s*[)）]$/;

/** The 评价人员 cell as written (and read back): 「姓名 职务 单位」, people separated by 「；」. */
export function evaluatorsText(evaluators: { name?: string | null; title?: string | null; unit?: string | null }[] | null | undefined): string | null {
  return evaluators?.map((person) => [person.name, person.title, person.unit].filter(Boolean).join(' ')).join('；') || null;
}

/** Sections of the 部门整体支出绩效目标表, by the label in their first column. */
export const DEPARTMENT_SECTIONS = {
  department: ['部门名称', '单位名称', '预算单位'],
  budget: ['年度预算申请', '年度预算', '年度预算申请（万元）', '部门预算', '预算情况'],
  goals: ['年度整体绩效目标', '整体绩效目标', '年度绩效目标', '年度总体目标'],
  keyTasks: ['年度重点工作计划', '重点工作计划', '年度重点工作'],
  indicators: ['绩效指标', '年度绩效指标', '部门整体绩效指标'],
} satisfies Record<string, string[]>;
export type DepartmentSection = keyof typeof DEPARTMENT_SECTIONS;
export const DEPARTMENT_SECTION_LABELS = aliases(DEPARTMENT_SECTIONS);

/** The budget rows of the target table: a year-start form states 年初预算 by nature and by income. */
export type BudgetKey = { group: 'nature'; key: keyof typeof NATURE_ROWS } | { group: 'income'; key: keyof typeof INCOME_ROWS };
export const BUDGET_ROWS: { row: BudgetKey; category: BudgetCategory; label: string; words: string[] }[] = [
  ...Object.entries(NATURE_ROWS).map(([key, category]) => ({ row: { group: 'nature', key } as BudgetKey, category })),
  ...Object.entries(INCOME_ROWS).map(([key, category]) => ({ row: { group: 'income', key } as BudgetKey, category })),
].map(({ row, category }) => {
  const label = category === BudgetCategory.TOTAL ? '资金总额（合计）' : BUDGET_CATEGORY_LABELS[category];
  const extra: Partial<Record<BudgetCategory, string[]>> = {
    TOTAL: ['合计', '资金总额', '年度资金总额', '预算总额', '总额'],
    INCOME_GENERAL_PUBLIC: ['一般公共预算', '财政拨款'],
    INCOME_SPECIAL_ACCOUNT_NON_TAX: ['纳入专户管理的非税收入拨款', '非税收入'],
    INCOME_GOVERNMENT_FUND: ['政府性基金'],
  };
  return { row, category, label, words: [label, BUDGET_CATEGORY_LABELS[category], ...(extra[category] ?? [])] };
});
export const BUDGET_LABELS = new Map(BUDGET_ROWS.flatMap((entry) => entry.words.map((word) => [labelKey(word), entry] as const)));

/** 项目类型 as the plan document names it, with the shared labels. */
export const KIND_LABELS = { initial: LINE_ITEM_KIND_LABELS.INITIAL, midyear: LINE_ITEM_KIND_LABELS.MIDYEAR } as const;
export const KIND_WORDS = new Map<string, 'initial' | 'midyear'>([
  [labelKey(KIND_LABELS.initial), 'initial'],
  [labelKey('年初预算'), 'initial'],
  [labelKey('年初'), 'initial'],
  [labelKey(KIND_LABELS.midyear), 'midyear'],
  [labelKey('年中追加'), 'midyear'],
  [labelKey('追加'), 'midyear'],
]);

/** Excel's rules for sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, '_').replace(/^'|'$/g, '').slice(0, 31) || '工作表';
  let name = clean;
  for (let index = 2; taken.has(name); index += 1) name = `${clean.slice(0, 31 - String(index).length - 1)}_${index}`;
  taken.add(name);
  return name;
}
