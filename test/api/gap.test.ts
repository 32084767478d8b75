import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { code } } }';
const ROLLUP = /* GraphQL */ `
  fragment RollupFields on Rollup {
    count scoredCount weightTotal suggestedScoreTotal scoreTotal
    statusCounts { status count }
    sections { level1 label sectionWeight indicatorWeight suggestedScore score count }
    executionRate executionRatePercent grade gradeLabel
    computedTotal scoredWeight pendingCount unconfirmedCount gradeProvisional gradeExplanation
    warnings { code level1 message }
  }
`;
const CHECK = 'checks { code path stage expected found difference message lineItemId indicatorId }';
const CHECK_LOCATED = 'checks { code path stage expected found difference message lineItemId indicatorId location { part indicatorId } }';

async function importFixture(name: 'shifeng' | 'yanfeng'): Promise<string> {
  return (await api.gql(IMPORT, { d: readFixture(name) })).importPlanDocument.plan.id;
}

describe('fixture 004 (雁峰 2024 self-evaluation): stated figures reproduced where right, flagged where wrong', () => {
  it('resolves every indicator, rolls the plan up and reports exactly the §7 inconsistencies', async () => {
    const id = await importFixture('yanfeng');
    const { plan } = await api.gql(
      `${ROLLUP} query($id: ID!) { plan(id: $id) {
        rollup { ...RollupFields }
        ${CHECK_LOCATED}
        sectionWeights { level1 weight }
        indicators { id name targetText actualText target { kind display } actual { kind display } gap { status suggestedScore evaluatorScore effectiveScore scoreSource scoringMethod completionPercent explanation warnings { code } } }
      } }`,
      { id },
    );
    const byName = Object.fromEntries(plan.indicators.map((row: any) => [row.name, row]));

    // 预算执行率: 563.72 / 563.72 = 100% suggests the full 10; the evaluator's 9 (扣1分) wins; the stated 99.99% is flagged.
    expect(byName['预算执行率'].gap).toMatchObject({ status: 'MET', suggestedScore: '10', evaluatorScore: '9', effectiveScore: '9', scoreSource: 'EVALUATOR', scoringMethod: 'BUDGET_EXECUTION', completionPercent: '100%' });
    expect(byName['预算执行率'].gap.warnings).toEqual([{ code: 'STATED_RATE_MISMATCH' }]);
    // ≥90% against 90%: met, full marks.
    expect(byName['区直部门级乡镇街道']).toMatchObject({ target: { kind: 'QUANTITY', display: '≥ 90%' }, actual: { kind: 'QUANTITY', display: '= 90%' } });
    expect(byName['区直部门级乡镇街道'].gap).toMatchObject({ status: 'MET', suggestedScore: '10', effectiveScore: '10' });
    // 合规 / 合规: a qualitative yes, met.
    expect(byName['资金使用合规性'].gap).toMatchObject({ status: 'MET', scoringMethod: 'QUALITATIVE', suggestedScore: '5' });
    // 完成12次 against the real-data typo 完成完成 (a yes, not a count): the evaluator judges.
    expect(byName['组织中心组学习']).toMatchObject({ target: { kind: 'QUANTITY', display: '≥ 12 次' }, actual: { kind: 'BOOLEAN' } });
    expect(byName['组织中心组学习'].gap).toMatchObject({ status: 'NEEDS_JUDGEMENT', suggestedScore: null, effectiveScore: '10', scoreSource: 'EVALUATOR' });
    // A text target (有为有位) is never guessed.
    expect(byName['文明城市创建工作'].gap.status).toBe('NEEDS_JUDGEMENT');

    expect(plan.rollup).toMatchObject({
      count: 11,
      scoredCount: 11,
      weightTotal: '90',
      scoreTotal: '89',
      executionRatePercent: '100%',
      executionRate: '1',
      // Rows weigh 90 (产出 carries 40 of a stated 50) and score 89: graded on 89 ÷ 90 × 100 = 98.89 → 优.
      grade: 'EXCELLENT',
      gradeLabel: '优',
      computedTotal: '98.89',
      scoredWeight: '90',
      pendingCount: 0,
      gradeProvisional: false,
    });
    expect(plan.rollup.statusCounts.filter((row: any) => row.count > 0)).toEqual([
      { status: 'MET', count: 3 },
      { status: 'NEEDS_JUDGEMENT', count: 8 },
    ]);
    expect(plan.rollup.sections.map((row: any) => [row.label, row.sectionWeight, row.indicatorWeight, row.score])).toEqual([
      ['预算执行率', '10', '10', '9'],
      ['产出指标', '50', '40', '40'],
      ['效益指标', '30', '30', '30'],
      ['满意度指标', '10', '10', '10'],
    ]);
    expect(plan.rollup.warnings.map((row: any) => row.message)).toContain('产出指标各指标分值合计 40 分，与该部分分值 50 分不符');
    expect(plan.sectionWeights).toEqual([
      { level1: 'BUDGET_EXECUTION', weight: '10' },
      { level1: 'OUTPUT', weight: '50' },
      { level1: 'OUTCOME', weight: '30' },
      { level1: 'SATISFACTION', weight: '10' },
    ]);

    // DOMAIN.md §7: exactly these, nothing false.
    expect(plan.checks.map((row: any) => [row.code, row.path, row.expected, row.found])).toEqual([
      ['TOTAL_NATURE_SUM', 'budget.total.fullYear', '789.05', '563.72'],
      ['TOTAL_NATURE_SUM', 'budget.total.actual', '789.05', '563.72'],
      ['BASIC_SUM', 'budget.basic.actual', '225.23', '225.33'],
      ['EXECUTION_RATE', 'budget.total.executionRate', '100.00%', '99.99%'],
      ['SECTION_WEIGHT_SUM', 'evaluation.sections[1].weight', '40', '50'],
      ['SECTION_SCORE_SUM', 'evaluation.sections[1].score', '40', '50'],
      ['INDICATOR_WEIGHTS_TOTAL_100', 'indicators', '100', '90'],
      ['TOTAL_SCORE_SUM', 'evaluation.totalScore', '89', '99'],
      // Issue 10, after the §7 findings: the stated 99 beside the computed 89 ÷ 90 × 100 = 98.89, and the
      // 预算执行率 row's 9 of a suggested 10 whose 扣分原因 "扣1分" only repeats the deduction.
      ['STATED_TOTAL_MISMATCH', 'evaluation.totalScore', '98.89', '99'],
      ['SCORE_REASON_MISSING', 'indicators[0].deduction', '扣分原因', '扣1分'],
    ]);
    expect(plan.checks[8].message).toBe(
      '自评：填报综合得分 99 分，计算综合得分 98.89 分（已评分指标分值合计 90 分，得分 89 分，按百分制折算 89 ÷ 90 × 100 = 98.89 分，等次「优」；相差 0.11 分）',
    );
    expect(plan.checks[9]).toMatchObject({ indicatorId: byName['预算执行率'].id, location: { part: 'INDICATOR', indicatorId: byName['预算执行率'].id } });
    expect(plan.checks[2].message).toBe('实际支出：基本支出 225.33 万元，但人员经费 211.82 + 公用经费 13.41 = 225.23 万元（相差 0.1 万元）');
  });
});

describe('fixture 002 (石峰 2021 targets)', () => {
  it('reports the 0.00001 万元 gap in the initial total and nothing else; targets read, actuals pending', async () => {
    const id = await importFixture('shifeng');
    const { plan } = await api.gql(
      `${ROLLUP} query($id: ID!) { plan(id: $id) { ${CHECK} rollup { ...RollupFields }
        lineItems { name rollup { count weightTotal statusCounts { status count } } children { name indicators { targetText target { kind display splitSuggested } gap { status } } } }
        indicators { targetText target { kind display splitSuggested hints { display } } gap { status } } } }`,
      { id },
    );
    expect(plan.checks).toEqual([
      {
        code: 'TOTAL_NATURE_SUM',
        path: 'budget.total.initial',
        stage: 'initial',
        expected: '267.59151',
        found: '267.5915',
        difference: '-0.00001',
        message: '年初预算：合计 267.5915 万元，但基本支出 177.59151 + 项目支出 90 = 267.59151 万元（相差 0.00001 万元）',
        lineItemId: null,
        indicatorId: null,
      },
    ]);
    expect(plan.rollup).toMatchObject({ count: 9, scoredCount: 0, grade: null, scoreTotal: '0' });
    expect(plan.indicators.every((row: any) => row.gap.status === 'PENDING')).toBe(true);
    expect(plan.indicators[0].target).toMatchObject({ kind: 'TEXT', splitSuggested: true });
    expect(plan.indicators[0].target.hints.map((hint: any) => hint.display)).toContain('≥ 10 次');
    const cost = plan.lineItems[0].children[0].indicators[3];
    expect(cost).toMatchObject({ targetText: '6万元以下', target: { kind: 'QUANTITY', display: '≤ 6 万元' } });
    expect(plan.lineItems[0].rollup).toMatchObject({ count: 27, weightTotal: '0' });
  });
});

const SETUP = /* GraphQL */ `
  mutation($name: String!) {
    createDepartment(input: { name: $name }) { department { id } }
  }
`;
const CHANGE = /* GraphQL */ `
  fragment Change on IndicatorChangePayload {
    indicator { id targetText actualText weight score deduction target { kind display explicit } actual { display } gap { status difference differenceUnit favourable completion completionPercent suggestedScore effectiveScore explanation warnings { code message } } }
    plan { id rollup { weightTotal suggestedScoreTotal scoreTotal computedTotal grade gradeProvisional statusCounts { status count } } }
    userErrors { field code message }
  }
`;

/** DRAFT → SUBMITTED → APPROVED → EVALUATING: actuals, scores and spending are recorded in 自评 only. */
async function openEvaluation(planId: string): Promise<void> {
  for (const step of ['submitPlan', 'approvePlan', 'startEvaluation']) {
    const result = (await api.gql(`mutation($id: ID!) { ${step}(id: $id) { plan { status } userErrors { code message } } }`, { id: planId }))[step];
    expect(result.userErrors).toEqual([]);
  }
}

async function planWithIndicator(target: string, weight = '10') {
  const department = (await api.gql(SETUP, { name: '中共雁峰区委宣传部' })).createDepartment.department.id;
  const planId = (await api.gql('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2025 }) { plan { id } } }', { d: department })).createPlan.plan.id;
  const indicatorId = (await api.gql('mutation($p: ID!, $t: String, $w: Decimal) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", level2Label: "数量指标", name: "理论宣讲", target: $t, weight: $w } }) { indicator { id } } }', { p: planId, t: target, w: weight }))
    .addIndicator.indicator.id;
  return { planId, indicatorId };
}

describe('the gap, live: an editor never computes anything itself', () => {
  it('previews a reading while the planner types', async () => {
    const read = async (text: string, extra: Record<string, unknown> = {}) =>
      (await api.gql('query($t: String!, $l1: Level1, $l2: Level2, $r: ValueRole) { parseIndicatorValue(text: $t, level1: $l1, level2: $l2, role: $r) { kind comparator value unit display confidence explanation splitSuggested } }', { t: text, ...extra })).parseIndicatorValue;
    expect(await read('不少于12次')).toMatchObject({ kind: 'QUANTITY', comparator: 'GTE', value: '12', unit: '次', display: '≥ 12 次' });
    expect(await read('95%', { r: 'ACTUAL' })).toMatchObject({ comparator: 'EQ', display: '= 95%' });
    expect(await read('100%', { l1: 'OUTPUT', l2: 'OUTPUT_COST' })).toMatchObject({ comparator: 'LTE' });
    expect(await read('开展宣讲10次以上，开展意识形态工作督查一次')).toMatchObject({ kind: 'TEXT', splitSuggested: true });
    expect(await read('良好')).toMatchObject({ kind: 'GRADE', display: '良' });
    expect((await read('有为有位')).kind).toBe('TEXT');
  });

  it('不少于12次 against 10次: PARTIAL, 10 × 10/12 = 8.33 suggested, and the roll-up follows', async () => {
    const { indicatorId } = await planWithIndicator('不少于12次');
    const pending = (await api.gql(`${CHANGE} mutation($id: ID!) { setIndicatorTarget(id: $id, target: "不少于12次") { ...Change } }`, { id: indicatorId })).setIndicatorTarget;
    expect(pending.indicator.target).toEqual({ kind: 'QUANTITY', display: '≥ 12 次', explicit: false });
    expect(pending.indicator.gap.status).toBe('PENDING');
    await openEvaluation(pending.plan.id);

    const recorded = (await api.gql(`${CHANGE} mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "10次") { ...Change } }`, { id: indicatorId })).recordIndicatorActual;
    expect(recorded.userErrors).toEqual([]);
    expect(recorded.indicator.gap).toEqual({
      status: 'PARTIAL',
      difference: '-2',
      differenceUnit: '次',
      favourable: false,
      completion: '0.833333',
      completionPercent: '83.33%',
      suggestedScore: '8.33',
      effectiveScore: '8.33',
      explanation: '实际 10 次，目标 ≥ 12 次，完成率 83.33%，建议得分 8.33 分（10 × 10/12）',
      warnings: [],
    });
    expect(recorded.plan.rollup).toMatchObject({ weightTotal: '10', suggestedScoreTotal: '8.33', scoreTotal: '8.33', computedTotal: '83.3', grade: 'GOOD', gradeProvisional: false });

    // A score below the suggestion needs a reason; with one, the evaluator's score wins.
    const refused = (await api.gql(`${CHANGE} mutation($id: ID!) { scoreIndicator(id: $id, score: "7") { ...Change } }`, { id: indicatorId })).scoreIndicator;
    expect(refused.userErrors).toEqual([{ field: ['score'], code: 'REASON_REQUIRED', message: '得分 7 分低于建议得分 8.33 分，请填写扣分原因' }]);
    const scored = (await api.gql(`${CHANGE} mutation($id: ID!) { scoreIndicator(id: $id, score: "7", reason: "两次宣讲未留存记录") { ...Change } }`, { id: indicatorId })).scoreIndicator;
    expect(scored.indicator).toMatchObject({ score: '7', deduction: '两次宣讲未留存记录', gap: { suggestedScore: '8.33', effectiveScore: '7' } });
    expect(scored.plan.rollup).toMatchObject({ suggestedScoreTotal: '8.33', scoreTotal: '7' });

    // Raising the actual re-resolves everything at once; the evaluator's score is kept beside the suggestion.
    const met = (await api.gql(`${CHANGE} mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "41场") { ...Change } }`, { id: indicatorId })).recordIndicatorActual;
    expect(met.indicator.gap).toMatchObject({ status: 'INCOMPARABLE', suggestedScore: null });
    const overshoot = (await api.gql(`${CHANGE} mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "41次") { ...Change } }`, { id: indicatorId })).recordIndicatorActual;
    expect(overshoot.indicator.gap).toMatchObject({ status: 'MET', suggestedScore: '10', effectiveScore: '7' });
    expect(overshoot.indicator.gap.warnings.map((warning: any) => warning.code)).toEqual(['OVERSHOOT']);
  });

  it('a planner\'s structured target wins over the text reading', async () => {
    const { indicatorId } = await planWithIndicator('全年开展宣讲不少于十场，覆盖全部乡镇');
    const set = (await api.gql(`${CHANGE} mutation($id: ID!, $s: StructuredTargetInput) { setIndicatorTarget(id: $id, target: "全年开展宣讲不少于十场，覆盖全部乡镇", structured: $s) { ...Change } }`, {
      id: indicatorId,
      s: { comparator: 'GTE', value: '10', unit: '场' },
    })).setIndicatorTarget;
    expect(set.indicator.target).toEqual({ kind: 'QUANTITY', display: '≥ 10 场', explicit: true });
    await openEvaluation(set.plan.id);
    const recorded = (await api.gql(`${CHANGE} mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "12场") { ...Change } }`, { id: indicatorId })).recordIndicatorActual;
    expect(recorded.indicator.gap).toMatchObject({ status: 'MET', suggestedScore: '10' });
    const bad = (await api.gql(`${CHANGE} mutation($id: ID!, $s: StructuredTargetInput) { setIndicatorTarget(id: $id, target: "x", structured: $s, reason: "范围调整") { ...Change } }`, {
      id: indicatorId,
      s: { comparator: 'RANGE', value: '95', upper: '90', unit: '%' },
    })).setIndicatorTarget;
    expect(bad.userErrors).toEqual([{ field: ['structured', 'upper'], code: 'INVALID', message: expect.any(String) }]);
  });

  it('refuses scores out of range and keeps the database as it was', async () => {
    const { planId, indicatorId } = await planWithIndicator('≥90%');
    await openEvaluation(planId);
    await api.gql('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "92%") { userErrors { code } } }', { id: indicatorId });
    const before = await api.dump();
    for (const [score, code] of [['10.5', 'OUT_OF_RANGE'], ['-1', 'NEGATIVE'], ['9.999', 'TOO_PRECISE']]) {
      const result = (await api.gql('mutation($id: ID!, $s: Decimal) { scoreIndicator(id: $id, score: $s, reason: "r") { userErrors { field code } } }', { id: indicatorId, s: score })).scoreIndicator;
      expect(result.userErrors).toEqual([{ field: ['score'], code }]);
    }
    const weight = (await api.gql('mutation($id: ID!) { setIndicatorWeight(id: $id, weight: "-2") { userErrors { field code } } }', { id: indicatorId })).setIndicatorWeight;
    expect(weight.userErrors).toEqual([{ field: ['weight'], code: 'NEGATIVE' }]);
    expect(await api.dump()).toEqual(before);
  });

  it('recording spending updates the execution rate and the 预算执行率 row; section weights are the plan\'s own', async () => {
    const { planId } = await planWithIndicator('≥90%');
    await api.gql('mutation($p: ID!) { addIndicator(input: { planId: $p, fields: { level1Label: "预算执行率", name: "预算执行率", weight: "20" } }) { indicator { id } } }', { p: planId });
    await openEvaluation(planId);
    const spent = (await api.gql(`${ROLLUP} mutation($i: RecordSpendingInput!) { recordSpending(input: $i) { budgetLine { category amounts { fullYear actual } } plan { rollup { ...RollupFields } indicators { name gap { status suggestedScore explanation } } } userErrors { code } } }`, {
      i: { planId, fullYear: '120', actual: '96.5' },
    })).recordSpending;
    expect(spent.userErrors).toEqual([]);
    expect(spent.budgetLine).toEqual({ category: 'TOTAL', amounts: { fullYear: '120', actual: '96.5' } });
    expect(spent.plan.rollup).toMatchObject({ executionRatePercent: '80.42%' });
    expect(spent.plan.indicators[1].gap).toMatchObject({ status: 'PARTIAL', suggestedScore: '16.08' });

    const weights = (await api.gql(`${ROLLUP} mutation($p: ID!, $w: [SectionWeightInput!]) { setSectionWeights(planId: $p, weights: $w) { plan { sectionWeights { level1 weight } rollup { ...RollupFields } } userErrors { code } } }`, {
      p: planId,
      w: [
        { level1: 'BUDGET_EXECUTION', weight: '20' },
        { level1: 'OUTPUT', weight: '40' },
        { level1: 'OUTCOME', weight: '30' },
      ],
    })).setSectionWeights;
    expect(weights.plan.sectionWeights).toHaveLength(3);
    expect(weights.plan.rollup.warnings.map((row: any) => row.code)).toContain('SECTION_WEIGHTS_NOT_FULL_MARKS');

    const bad = (await api.gql('mutation($i: RecordSpendingInput!) { recordSpending(input: $i) { userErrors { field code } } }', { i: { planId, actual: '-1' } })).recordSpending;
    expect(bad.userErrors).toEqual([{ field: ['input', 'actual'], code: 'NEGATIVE' }]);
  });

  it('a line item rolls up its own and its children\'s indicators, with its own execution rate', async () => {
    const { planId } = await planWithIndicator('≥90%');
    const parent = (await api.gql('mutation($p: ID!) { addLineItem(input: { planId: $p, fields: { name: "业务性专项经费" } }) { lineItem { id } } }', { p: planId })).addLineItem.lineItem.id;
    const child = (await api.gql('mutation($p: ID!, $parent: ID) { addLineItem(input: { planId: $p, parentId: $parent, fields: { name: "理论学习" } }) { lineItem { id } } }', { p: planId, parent })).addLineItem.lineItem.id;
    const indicator = (await api.gql('mutation($p: ID!, $l: ID) { addIndicator(input: { planId: $p, lineItemId: $l, fields: { level1Label: "产出指标", name: "学习次数", target: "不少于12次", weight: "10" } }) { indicator { id } } }', { p: planId, l: child }))
      .addIndicator.indicator.id;
    await openEvaluation(planId);
    await api.gql('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "12次") { userErrors { code } } }', { id: indicator });
    await api.gql('mutation($i: RecordSpendingInput!) { recordSpending(input: $i) { userErrors { code } } }', { i: { planId, lineItemId: parent, fullYear: '15', actual: '15' } });
    const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { rollup { count } lineItems { rollup { count suggestedScoreTotal executionRatePercent } children { rollup { count scoreTotal } } } } }', { id: planId });
    expect(plan.rollup.count).toBe(1);
    expect(plan.lineItems[0].rollup).toEqual({ count: 1, suggestedScoreTotal: '10', executionRatePercent: '100%' });
    expect(plan.lineItems[0].children[0].rollup).toEqual({ count: 1, scoreTotal: '10' });
  });
});
