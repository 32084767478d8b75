import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlanDocument, type DocumentCheckWarning as CheckWarning } from './document.js';
import type {
  BudgetDocument,
  EvaluationDocument,
  IndicatorDocument,
  LineItemDocument,
  PlanDocument,
  StageAmounts,
} from '../plan-document.js';

function loadFixture(name: string): PlanDocument {
  return JSON.parse(readFileSync(new URL(`../../../demo-data/${name}`, import.meta.url), 'utf8')) as PlanDocument;
}

function plan(fields: Partial<PlanDocument>): PlanDocument {
  return { source: 'test', kind: 'self_evaluation', year: 2024, department: { name: '测试部门' }, ...fields };
}

function withBudget(budget: BudgetDocument): PlanDocument {
  return plan({ budget });
}

function item(name: string, amounts: StageAmounts, children?: LineItemDocument[], kind?: LineItemDocument['kind']): LineItemDocument {
  return { name, amounts, children, kind };
}

function indicator(level1: string, name: string, weight: number | null, score: number | null): IndicatorDocument {
  return { level1, name, weight, score };
}

/** The fields a test pins down; the message is asserted separately where it matters. */
function summary(warnings: CheckWarning[]) {
  return warnings.map(({ code, path, stage, expected, found, difference }) => ({ code, path, stage, expected, found, difference }));
}

describe('fixture 002 (石峰区委宣传部 2021 绩效目标表)', () => {
  const warnings = checkPlanDocument(loadFixture('shifeng-2021-targets.json'));

  it('reports only 合计 ≠ 基本支出 + 项目支出 at 年初预算 (0.00001 万元 = 0.1 元)', () => {
    expect(warnings).toEqual([
      {
        code: 'TOTAL_NATURE_SUM',
        path: 'budget.total.initial',
        stage: 'initial',
        expected: '267.59151',
        found: '267.5915',
        difference: '-0.00001',
        message: '年初预算：合计 267.5915 万元，但基本支出 177.59151 + 项目支出 90 = 267.59151 万元（相差 0.00001 万元）',
      },
    ]);
  });
});

describe('fixture 004 (盐丰 2024 部门整体支出绩效自评)', () => {
  const warnings = checkPlanDocument(loadFixture('yanfeng-2024-self-evaluation.json'));

  it('reports exactly the inconsistencies of the source document', () => {
    expect(summary(warnings)).toEqual([
      { code: 'TOTAL_NATURE_SUM', path: 'budget.total.fullYear', stage: 'fullYear', expected: '789.05', found: '563.72', difference: '-225.33' },
      { code: 'TOTAL_NATURE_SUM', path: 'budget.total.actual', stage: 'actual', expected: '789.05', found: '563.72', difference: '-225.33' },
      { code: 'BASIC_SUM', path: 'budget.basic.actual', stage: 'actual', expected: '225.23', found: '225.33', difference: '0.1' },
      { code: 'EXECUTION_RATE', path: 'budget.total.executionRate', stage: null, expected: '100.00%', found: '99.99%', difference: '-0.01' },
      { code: 'SECTION_WEIGHT_SUM', path: 'evaluation.sections[1].weight', stage: null, expected: '40', found: '50', difference: '10' },
      { code: 'SECTION_SCORE_SUM', path: 'evaluation.sections[1].score', stage: null, expected: '40', found: '50', difference: '10' },
      { code: 'INDICATOR_WEIGHTS_TOTAL_100', path: 'indicators', stage: null, expected: '100', found: '90', difference: '-10' },
      { code: 'TOTAL_SCORE_SUM', path: 'evaluation.totalScore', stage: null, expected: '89', found: '99', difference: '10' },
    ]);
  });

  it('explains each one with the exact figures', () => {
    expect(warnings.map((warning) => warning.message)).toEqual([
      '全年预算：合计 563.72 万元，但基本支出 225.33 + 项目支出 563.72 = 789.05 万元（相差 225.33 万元）',
      '实际支出：合计 563.72 万元，但基本支出 225.33 + 项目支出 563.72 = 789.05 万元（相差 225.33 万元）',
      '实际支出：基本支出 225.33 万元，但人员经费 211.82 + 公用经费 13.41 = 225.23 万元（相差 0.1 万元）',
      '合计：预算执行率 99.99%，但实际支出 563.72 / 全年预算 563.72 = 100.00%（相差 0.01 个百分点）',
      '产出指标：分值 50 分，但各指标分值 10 + 5 + 5 + 5 + 10 + 5 = 40 分（相差 10 分）',
      '产出指标：得分 50 分，但各指标得分 10 + 5 + 5 + 5 + 10 + 5 = 40 分（相差 10 分）',
      '自评：各指标分值 10 + 10 + 5 + 5 + 5 + 10 + 5 + 10 + 10 + 10 + 10 = 90 分，但满分应为 100 分（相差 10 分）',
      '自评：综合得分 99 分，但各指标得分 9 + 10 + 5 + 5 + 5 + 10 + 5 + 10 + 10 + 10 + 10 = 89 分（相差 10 分）',
    ]);
  });
});

describe('budget sums per stage', () => {
  it.each<[string, BudgetDocument]>([
    ['合计 = 基本 + 项目', { total: { initial: '267.59151' }, basic: { initial: '177.59151' }, project: { initial: '90' } }],
    ['基本 = 人员 + 公用', { basic: { actual: '225.23' }, personnel: { actual: '211.82' }, publicUse: { actual: '13.41' } }],
    ['调减 across every category', { total: { adjustment: '-10' }, basic: { adjustment: '-4' }, project: { adjustment: '-6' } }],
    ['0.1 + 0.2 = 0.3 exactly', { total: { initial: '0.3' }, basic: { initial: '0.1' }, project: { initial: '0.2' } }],
    ['a part unstated (null)', { total: { initial: '100' }, basic: { initial: '30' }, project: { initial: null } }],
    ['a category absent', { total: { initial: '100' }, basic: { initial: '30' } }],
    ['a stage absent', { total: { initial: '100', fullYear: '120' }, basic: { initial: '30' }, project: { initial: '70' } }],
    ['the whole unstated', { basic: { initial: '30' }, project: { initial: '70' } }],
    ['an unreadable figure', { total: { initial: '一百' }, basic: { initial: '30' }, project: { initial: '80' } }],
    ['三公 = 四项', {
      threePublic: {
        total: { initial: '6' },
        reception: { initial: '2' },
        vehicleOps: { initial: '3.5' },
        vehiclePurchase: { initial: '0' },
        overseas: { initial: '0.5' },
      },
    }],
    ['三公 with an item unstated', { threePublic: { total: { initial: '6' }, reception: { initial: '9' } } }],
    ['基本支出 = 经济分类明细', {
      basic: { initial: '100' },
      basicDetail: [
        { name: '工资福利支出', amounts: { initial: '80' } },
        { name: '商品和服务支出', amounts: { initial: '15' } },
        { name: '对个人和家庭的补助', amounts: { initial: '5' } },
      ],
    }],
    ['经济分类明细 with an entry unstated', {
      basic: { initial: '100' },
      basicDetail: [{ name: '工资福利支出', amounts: { initial: '80' } }, { name: '商品和服务支出' }],
    }],
  ])('silent when consistent or unknown: %s', (_, budget) => {
    expect(checkPlanDocument(withBudget(budget))).toEqual([]);
  });

  it.each<[string, BudgetDocument, CheckWarning]>([
    [
      '合计 ≠ 基本 + 项目',
      { total: { initial: '267.5915' }, basic: { initial: '177.59151' }, project: { initial: '90' } },
      {
        code: 'TOTAL_NATURE_SUM',
        path: 'budget.total.initial',
        stage: 'initial',
        expected: '267.59151',
        found: '267.5915',
        difference: '-0.00001',
        message: '年初预算：合计 267.5915 万元，但基本支出 177.59151 + 项目支出 90 = 267.59151 万元（相差 0.00001 万元）',
      },
    ],
    [
      '调减 that do not add up',
      { total: { adjustment: '-10' }, basic: { adjustment: '-4' }, project: { adjustment: '-5' } },
      {
        code: 'TOTAL_NATURE_SUM',
        path: 'budget.total.adjustment',
        stage: 'adjustment',
        expected: '-9',
        found: '-10',
        difference: '-1',
        message: '调整预算：合计 -10 万元，但基本支出 (-4) + 项目支出 (-5) = -9 万元（相差 1 万元）',
      },
    ],
    [
      '基本 ≠ 人员 + 公用',
      { basic: { actual: '225.33' }, personnel: { actual: '211.82' }, publicUse: { actual: '13.41' } },
      {
        code: 'BASIC_SUM',
        path: 'budget.basic.actual',
        stage: 'actual',
        expected: '225.23',
        found: '225.33',
        difference: '0.1',
        message: '实际支出：基本支出 225.33 万元，但人员经费 211.82 + 公用经费 13.41 = 225.23 万元（相差 0.1 万元）',
      },
    ],
    [
      '三公 ≠ 四项',
      {
        threePublic: {
          total: { carryover: '6' },
          reception: { carryover: '2' },
          vehicleOps: { carryover: '3' },
          vehiclePurchase: { carryover: '0' },
          overseas: { carryover: '0.5' },
        },
      },
      {
        code: 'THREE_PUBLIC_SUM',
        path: 'budget.threePublic.total.carryover',
        stage: 'carryover',
        expected: '5.5',
        found: '6',
        difference: '0.5',
        message: '结余结转：三公经费 6 万元，但公务接待费 2 + 公务用车运维费 3 + 公务用车购置费 0 + 因公出国（境）费 0.5 = 5.5 万元（相差 0.5 万元）',
      },
    ],
    [
      '基本支出 ≠ 经济分类明细',
      {
        basic: { fullYear: '100' },
        basicDetail: [
          { name: '工资福利支出', amounts: { fullYear: '80' } },
          { name: '商品和服务支出', amounts: { fullYear: '15.000001' } },
        ],
      },
      {
        code: 'BASIC_DETAIL_SUM',
        path: 'budget.basic.fullYear',
        stage: 'fullYear',
        expected: '95.000001',
        found: '100',
        difference: '4.999999',
        message: '全年预算：基本支出 100 万元，但工资福利支出 80 + 商品和服务支出 15.000001 = 95.000001 万元（相差 4.999999 万元）',
      },
    ],
  ])('reports %s', (_, budget, warning) => {
    expect(checkPlanDocument(withBudget(budget))).toEqual([warning]);
  });

  it('checks every stage on its own', () => {
    const budget: BudgetDocument = {
      total: { initial: '100', adjustment: null, fullYear: '130', actual: '125' },
      basic: { initial: '40', fullYear: '50', actual: '50' },
      project: { initial: '60', fullYear: '70', actual: '75' },
    };
    expect(summary(checkPlanDocument(withBudget(budget)))).toEqual([
      { code: 'TOTAL_NATURE_SUM', path: 'budget.total.fullYear', stage: 'fullYear', expected: '120', found: '130', difference: '10' },
    ]);
  });
});

describe('income sources (收入来源)', () => {
  const total = (initial: string): StageAmounts => ({ initial });

  it.each<[string, BudgetDocument]>([
    ['only 一般公共预算拨款 stated, equal to 合计 (fixture 002)', {
      total: total('267.5915'),
      income: { generalPublic: total('267.5915'), governmentFund: null, other: null, priorYearCarryover: null, specialAccountNonTax: null },
    }],
    ['stated sources below 合计: the unstated ones may make up the rest', {
      total: total('100'),
      income: { generalPublic: total('60'), other: total('30') },
    }],
    ['all five stated and equal', {
      total: total('100'),
      income: {
        generalPublic: total('60'),
        governmentFund: total('10'),
        other: total('20'),
        priorYearCarryover: total('10'),
        specialAccountNonTax: total('0'),
      },
    }],
    ['an adjustment (may be negative) with a source unstated', {
      total: { adjustment: '-5' },
      income: { generalPublic: { adjustment: '3' } },
    }],
    ['no income breakdown at all', { total: total('100'), income: null }],
  ])('silent: %s', (_, budget) => {
    expect(checkPlanDocument(withBudget(budget))).toEqual([]);
  });

  it('reports all five stated but not adding up', () => {
    const budget: BudgetDocument = {
      total: total('100'),
      income: {
        generalPublic: total('60'),
        governmentFund: total('10'),
        other: total('20'),
        priorYearCarryover: total('5'),
        specialAccountNonTax: total('0'),
      },
    };
    expect(checkPlanDocument(withBudget(budget))).toEqual([
      {
        code: 'INCOME_SUM',
        path: 'budget.total.initial',
        stage: 'initial',
        expected: '95',
        found: '100',
        difference: '5',
        message:
          '年初预算：合计 100 万元，但一般公共预算拨款 60 + 政府性基金拨款 10 + 其他资金 20 + 上年结转 5 + 纳入专户管理的非税收入 0 = 95 万元（相差 5 万元）',
      },
    ]);
  });

  it('reports stated sources that already exceed 合计', () => {
    const budget: BudgetDocument = { total: total('267.5915'), income: { generalPublic: total('267.59151') } };
    expect(checkPlanDocument(withBudget(budget))).toEqual([
      {
        code: 'INCOME_SUM',
        path: 'budget.total.initial',
        stage: 'initial',
        expected: '267.59151',
        found: '267.5915',
        difference: '-0.00001',
        message: '年初预算：合计 267.5915 万元，但已填列的 一般公共预算拨款 267.59151 = 267.59151 万元，已超过合计（超出 0.00001 万元；其余未填列）',
      },
    ]);
  });
});

describe('stages of one amount (全年 = 年初 + 调整, 结余结转 = 全年 − 实际)', () => {
  it.each<[string, StageAmounts]>([
    ['追加', { initial: '175.16', adjustment: '50.17', fullYear: '225.33' }],
    ['调减', { initial: '100', adjustment: '-12.5', fullYear: '87.5' }],
    ['结余结转', { fullYear: '87.5', actual: '80', carryover: '7.5' }],
    ['超支 as a negative carryover', { fullYear: '80', actual: '81', carryover: '-1' }],
    ['adjustment unstated (fixture 004: 175.16 → 225.33)', { initial: '175.16', adjustment: null, fullYear: '225.33' }],
    ['carryover unstated', { fullYear: '100', actual: '90', carryover: null }],
    ['全年 from 年初 + 调整, carryover right', { initial: '100', adjustment: '-12.5', actual: '80', carryover: '7.5' }],
    ['年初 alone: 全年 unknown', { initial: '100', actual: '80', carryover: '7.5' }],
  ])('silent: %s', (_, basic) => {
    expect(checkPlanDocument(withBudget({ basic }))).toEqual([]);
  });

  it.each<[string, StageAmounts, CheckWarning]>([
    [
      '调减 misapplied',
      { initial: '100', adjustment: '-12.5', fullYear: '112.5' },
      {
        code: 'FULL_YEAR_SUM',
        path: 'budget.basic.fullYear',
        stage: 'fullYear',
        expected: '87.5',
        found: '112.5',
        difference: '25',
        message: '基本支出：全年预算 112.5 万元，但年初预算 100 + 调整预算 (-12.5) = 87.5 万元（相差 25 万元）',
      },
    ],
    [
      '结余结转 wrong',
      { fullYear: '87.5', actual: '80', carryover: '8' },
      {
        code: 'CARRYOVER',
        path: 'budget.basic.carryover',
        stage: 'carryover',
        expected: '7.5',
        found: '8',
        difference: '0.5',
        message: '基本支出：结余结转 8 万元，但全年预算 87.5 - 实际支出 80 = 7.5 万元（相差 0.5 万元）',
      },
    ],
    [
      // issue 10 item 5: 全年 unstated but 年初 and 调整 are, so the carry-over check runs on 年初 + 调整.
      '结余结转 wrong, 全年 from 年初 + 调整',
      { initial: '100', adjustment: '-12.5', actual: '80', carryover: '8' },
      {
        code: 'CARRYOVER',
        path: 'budget.basic.carryover',
        stage: 'carryover',
        expected: '7.5',
        found: '8',
        difference: '0.5',
        message: '基本支出：结余结转 8 万元，但全年预算（年初 + 调整） 87.5 - 实际支出 80 = 7.5 万元（相差 0.5 万元）',
      },
    ],
  ])('reports %s', (_, basic, warning) => {
    expect(checkPlanDocument(withBudget({ basic }))).toEqual([warning]);
  });
});

describe('预算执行率 (stated rate = actual / fullYear, off by less than 0.01 points)', () => {
  const rated = (actual: string, fullYear: string, executionRate: string): PlanDocument =>
    withBudget({ project: { actual, fullYear, executionRate } });

  it.each<[string, string, string]>([
    ['100', '100', '100%'],
    ['563.72', '563.72', '100.00%'],
    ['1', '3', '33.33%'],
    ['1', '3', '33.34%'], // 33.3333…%: 0.006667 points off
    ['99.995', '100', '99.99%'], // 0.005 points off
    ['99.981', '100', '99.99%'], // 0.009 points off
    ['99.999', '100', '99.99%'], // 0.009 points off, the other way
    ['90', '100', '90％'], // full-width percent sign
    ['1', '0', '50%'], // no full-year budget: no rate to compare with
    ['90', '100', '九成'], // unreadable: left to the importer's validation
  ])('silent: %s / %s stated as %s', (actual, fullYear, stated) => {
    expect(checkPlanDocument(rated(actual, fullYear, stated))).toEqual([]);
  });

  it.each<[string, string, string, string, string]>([
    ['563.72', '563.72', '99.99%', '100.00%', '-0.01'], // exactly 0.01 below (fixture 004)
    ['99.98', '100', '99.99%', '99.98%', '0.01'], // exactly 0.01 above
    ['99.979999', '100', '99.99%', '99.98%', '0.010001'],
    ['1', '3', '33.32%', '33.33%', '-0.013333'],
    ['80', '100', '100%', '80.00%', '20'],
  ])('reports %s / %s stated as %s', (actual, fullYear, stated, expected, difference) => {
    const [warning] = checkPlanDocument(rated(actual, fullYear, stated));
    expect(summary([warning])).toEqual([
      { code: 'EXECUTION_RATE', path: 'budget.project.executionRate', stage: null, expected, found: stated, difference },
    ]);
  });

  it('explains the rate with the figures', () => {
    expect(checkPlanDocument(rated('80', '100', '100%'))[0].message).toBe(
      '项目支出：预算执行率 100%，但实际支出 80 / 全年预算 100 = 80.00%（相差 20 个百分点）',
    );
  });
});

describe('line items (专项 = Σ 子项, 项目支出 = Σ 专项)', () => {
  const consistentTree = (): LineItemDocument[] => [
    item('业务性专项经费', { initial: '15' }, [
      item('文明建设和文明创建', { initial: '6' }),
      item('理论学习', { initial: '6' }, [item('中心组学习', { initial: '4' }), item('宣讲', { initial: '2' })]),
      item('意识形态', { initial: '3' }),
    ]),
    item('融媒体中心经费', { initial: '75' }, [item('融媒体运营经费', { initial: '60' }), item('宣传经费', { initial: '15' })]),
  ];

  it('is silent when every level adds up', () => {
    expect(checkPlanDocument(plan({ budget: { project: { initial: '90' } }, lineItems: consistentTree() }))).toEqual([]);
  });

  it('is silent where a child leaves the stage unstated', () => {
    const lineItems = [item('业务性专项经费', { initial: '15', actual: '14' }, [item('理论学习', { initial: '6', actual: '9' }), item('意识形态', { initial: '9' })])];
    expect(checkPlanDocument(plan({ lineItems }))).toEqual([]);
  });

  it('reads a 年中追加项目 as having no 年初预算', () => {
    const lineItems = [
      item('业务性专项经费', { initial: '15', fullYear: '20' }, [
        item('理论学习', { initial: '15', fullYear: '15' }),
        item('应急宣传', { initial: null, adjustment: '5', fullYear: '5' }, undefined, 'midyear'),
      ]),
    ];
    expect(checkPlanDocument(plan({ budget: { project: { initial: '15', fullYear: '20' } }, lineItems }))).toEqual([]);
  });

  it('reports a grandchild that does not add up, at its parent', () => {
    const lineItems = consistentTree();
    lineItems[0].children![1].children![1].amounts = { initial: '2.5' };
    expect(checkPlanDocument(plan({ budget: { project: { initial: '90' } }, lineItems }))).toEqual([
      {
        code: 'LINE_ITEM_CHILDREN_SUM',
        path: 'lineItems[0].children[1].amounts.initial',
        stage: 'initial',
        expected: '6.5',
        found: '6',
        difference: '-0.5',
        message: '年初预算：理论学习 6 万元，但子项 中心组学习 4 + 宣讲 2.5 = 6.5 万元（相差 0.5 万元）',
      },
    ]);
  });

  it('reports 专项 that do not add up to 项目支出', () => {
    expect(checkPlanDocument(plan({ budget: { project: { initial: '100' } }, lineItems: consistentTree() }))).toEqual([
      {
        code: 'LINE_ITEMS_PROJECT_SUM',
        path: 'budget.project.initial',
        stage: 'initial',
        expected: '90',
        found: '100',
        difference: '10',
        message: '年初预算：项目支出 100 万元，但各专项 业务性专项经费 15 + 融媒体中心经费 75 = 90 万元（相差 10 万元）',
      },
    ]);
  });

  it('checks a line item through its own stages', () => {
    const lineItems = [item('宣传经费', { initial: '15', adjustment: '-3', fullYear: '12', actual: '12', executionRate: '90%' })];
    expect(summary(checkPlanDocument(plan({ lineItems })))).toEqual([
      { code: 'EXECUTION_RATE', path: 'lineItems[0].amounts.executionRate', stage: null, expected: '100.00%', found: '90%', difference: '-10' },
    ]);
  });
});

describe('scoring', () => {
  const sheet = (): IndicatorDocument[] => [
    indicator('预算执行率', '预算执行率', 10, 9),
    indicator('产出指标', '组织中心组学习', 30, 28.5),
    indicator('产出指标', '开展理论宣讲', 20, 20),
    indicator('效益指标', '宣传工作', 30, 30),
    indicator('满意度指标', '群众满意度', 10, 9.5),
  ];
  const sections = (): NonNullable<EvaluationDocument['sections']> => [
    { name: '预算执行率', weight: 10, score: 9 },
    { name: '产出指标', weight: 50, score: 48.5 },
    { name: '效益指标', weight: 30, score: 30 },
    { name: '满意度指标', weight: 10, score: 9.5 },
  ];
  const scored = (evaluation: EvaluationDocument, indicators: IndicatorDocument[] = sheet()): PlanDocument =>
    plan({ indicators, evaluation });

  it('is silent on a consistent score sheet', () => {
    expect(checkPlanDocument(scored({ sections: sections(), totalScore: 97, grade: '优' }))).toEqual([]);
  });

  it('adds decimal points exactly (0.1 + 0.2 = 0.3, not 0.30000000000000004)', () => {
    const indicators = [
      indicator('预算执行率', '预算执行率', 10, 10),
      indicator('产出指标', 'a', 0.1, 0.1),
      indicator('产出指标', 'b', 0.2, 0.2),
      indicator('效益指标', '宣传工作', 79.7, 79.7),
      indicator('满意度指标', '群众满意度', 10, 10),
    ];
    const evaluation = {
      sections: [
        { name: '预算执行率', weight: 10, score: 10 },
        { name: '产出指标', weight: 0.3, score: 0.3 },
        { name: '效益指标', weight: 79.7, score: 79.7 },
        { name: '满意度指标', weight: 10, score: 10 },
      ],
      totalScore: 100,
    };
    expect(checkPlanDocument(scored(evaluation, indicators))).toEqual([]);
  });

  it('skips a section with no indicator rows, and then leaves the rows out of the totals', () => {
    const indicators = sheet().slice(1);
    expect(checkPlanDocument(scored({ sections: sections(), totalScore: 97 }, indicators))).toEqual([]);
  });

  it('matches sections by the canonical 一级, whatever the label (满意度 under 效益指标, 二级 says so)', () => {
    const indicators = sheet();
    indicators[4] = { level1: '效益指标', level2: '社会公众及服务对象满意度', name: '群众满意度', weight: 10, score: 9.5 };
    const sectionsAsWritten = sections().map((section, index) => (index === 3 ? { ...section, name: '满意度' } : section));
    expect(checkPlanDocument(scored({ sections: sectionsAsWritten, totalScore: 97 }, indicators))).toEqual([]);
  });

  it('skips sums where a row leaves its points unstated', () => {
    const indicators = sheet();
    indicators[2] = indicator('产出指标', '开展理论宣讲', null, null);
    expect(checkPlanDocument(scored({ sections: sections(), totalScore: 97 }, indicators))).toEqual([]);
  });

  it('reports a section whose rows do not add up', () => {
    const evaluation = { sections: sections().map((s, i) => (i === 1 ? { ...s, weight: 40, score: 40 } : s)) };
    expect(summary(checkPlanDocument(scored(evaluation)))).toEqual([
      { code: 'SECTION_WEIGHT_SUM', path: 'evaluation.sections[1].weight', stage: null, expected: '50', found: '40', difference: '-10' },
      { code: 'SECTION_SCORE_SUM', path: 'evaluation.sections[1].score', stage: null, expected: '48.5', found: '40', difference: '-8.5' },
      { code: 'SECTIONS_TOTAL_100', path: 'evaluation.sections', stage: null, expected: '100', found: '90', difference: '-10' },
    ]);
  });

  it('reports section weights that do not total 100', () => {
    const [warning] = checkPlanDocument(plan({ evaluation: { sections: [{ name: '产出指标', weight: 60 }, { name: '效益指标', weight: 30 }, { name: '满意度指标', weight: 20 }] } }));
    expect(warning).toEqual({
      code: 'SECTIONS_TOTAL_100',
      path: 'evaluation.sections',
      stage: null,
      expected: '100',
      found: '110',
      difference: '10',
      message: '自评：各部分分值 产出指标 60 + 效益指标 30 + 满意度指标 20 = 110 分，但满分应为 100 分（相差 10 分）',
    });
  });

  it('does not expect 100 from target-table rows without the 预算执行率 row', () => {
    const indicators = sheet().slice(1);
    expect(checkPlanDocument(plan({ kind: 'target_table', indicators }))).toEqual([]);
  });

  it('reports a score sheet whose rows do not total 100', () => {
    const indicators = sheet();
    indicators[3] = indicator('效益指标', '宣传工作', 20, 20);
    expect(summary(checkPlanDocument(plan({ indicators })))).toEqual([
      { code: 'INDICATOR_WEIGHTS_TOTAL_100', path: 'indicators', stage: null, expected: '100', found: '90', difference: '-10' },
    ]);
  });

  it('reports a total score that is neither Σ indicator scores nor Σ section scores, distinctly', () => {
    const warnings = checkPlanDocument(scored({ sections: sections(), totalScore: 95 }));
    expect(summary(warnings)).toEqual([
      { code: 'TOTAL_SCORE_SUM', path: 'evaluation.totalScore', stage: null, expected: '97', found: '95', difference: '-2' },
      { code: 'TOTAL_SCORE_SECTIONS_SUM', path: 'evaluation.totalScore', stage: null, expected: '97', found: '95', difference: '-2' },
    ]);
    expect(warnings[1].message).toBe('自评：综合得分 95 分，但各部分得分 预算执行率 9 + 产出指标 48.5 + 效益指标 30 + 满意度指标 9.5 = 97 分（相差 2 分）');
  });

  it('reports a score above its weight', () => {
    const indicators = sheet();
    indicators[2] = indicator('产出指标', '开展理论宣讲', 20, 21);
    const lineItems = [{ name: '宣传经费', indicators: [indicator('产出指标', '宣传报道', 5, 6)] }];
    expect(checkPlanDocument(plan({ indicators, lineItems }))).toEqual([
      {
        code: 'SCORE_EXCEEDS_WEIGHT',
        path: 'indicators[2].score',
        stage: null,
        expected: '20',
        found: '21',
        difference: '1',
        message: '开展理论宣讲：得分 21 分，超过分值 20 分（超出 1 分）',
      },
      expect.objectContaining({ code: 'SCORE_EXCEEDS_WEIGHT', path: 'lineItems[0].indicators[0].score', expected: '5', found: '6' }),
    ]);
  });

  it.each<[number, string]>([
    [90, '优'],
    [89.99, '良'],
    [80, '良等'],
    [60, '合格'],
    [59.5, '差'],
  ])('silent: total %s graded %s', (totalScore, grade) => {
    expect(checkPlanDocument(plan({ evaluation: { totalScore, grade } }))).toEqual([]);
  });

  it.each<[number, string, string]>([
    [89.99, '优', '良'],
    [90, '良好', '优'],
    [59.99, '中', '差'],
  ])('reports total %s graded %s (band %s)', (totalScore, grade, band) => {
    expect(checkPlanDocument(plan({ evaluation: { totalScore, grade } }))).toEqual([
      {
        code: 'GRADE_BAND',
        path: 'evaluation.grade',
        stage: null,
        expected: band,
        found: grade,
        difference: null,
        message: `自评：评价等次 ${grade}，但综合得分 ${totalScore} 分应为「${band}」（≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差）`,
      },
    ]);
  });

  it('leaves an unreadable grade alone', () => {
    expect(checkPlanDocument(plan({ evaluation: { totalScore: 95, grade: '通过' } }))).toEqual([]);
  });
});

describe('an empty document', () => {
  it('has nothing to check', () => {
    expect(checkPlanDocument(plan({}))).toEqual([]);
    expect(checkPlanDocument(plan({ budget: null, lineItems: null, indicators: null, evaluation: null }))).toEqual([]);
  });
});
