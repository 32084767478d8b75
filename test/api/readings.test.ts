/**
 * The readings of docs/gap-rules.md "读数" over GraphQL: the live preview shows the new fields, and an
 * indicator's gap reads its actual knowing its target ("无" against "零投诉" is 0, not 不适用).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi } from './harness.js';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

const PREVIEW = /* GraphQL */ `
  query($t: String!, $r: ValueRole, $n: String) {
    parseIndicatorValue(text: $t, role: $r, name: $n) {
      kind comparator value unit display boolean grade gradeScale qualifier period annualValue basis
      deadline { year month day written display }
      nameQuantity { comparator value unit display }
    }
  }
`;

async function preview(text: string, role: 'TARGET' | 'ACTUAL' = 'TARGET', name: string | null = null) {
  return (await api.gql(PREVIEW, { t: text, r: role, n: name })).parseIndicatorValue;
}

describe('parseIndicatorValue shows the new readings', () => {
  it.each<[string, 'TARGET' | 'ACTUAL', string | null, Record<string, unknown>]>([
    ['满意', 'TARGET', null, { kind: 'GRADE', grade: 'EXCELLENT', gradeScale: 'SATISFACTION', display: '满意' }],
    ['较好', 'TARGET', null, { kind: 'GRADE', grade: 'GOOD', gradeScale: 'GOOD_FAIRLY_GOOD_AVERAGE_POOR', display: '较好' }],
    ['良好', 'TARGET', null, { kind: 'GRADE', gradeScale: 'EXCELLENT_GOOD_FAIR_POOR', display: '良' }],
    ['基本完成', 'ACTUAL', null, { kind: 'BOOLEAN', boolean: true, qualifier: 'PARTIAL', display: '部分完成' }],
    ['延期完成', 'ACTUAL', null, { kind: 'BOOLEAN', boolean: true, qualifier: 'LATE', display: '逾期完成' }],
    [
      '9月底前完成',
      'TARGET',
      null,
      { kind: 'BOOLEAN', boolean: true, display: '是（9月底前）', deadline: { year: null, month: 9, day: null, written: '9月底前', display: '9月底' } },
    ],
    ['按时完成', 'TARGET', null, { kind: 'BOOLEAN', deadline: { year: null, month: null, day: null, written: '按时', display: '按时' } }],
    ['每月2次', 'TARGET', null, { kind: 'QUANTITY', comparator: 'GTE', value: '2', unit: '次', period: 'MONTH', annualValue: '24', display: '每月 ≥ 2 次' }],
    ['不超过预算', 'TARGET', null, { kind: 'QUANTITY', comparator: 'LTE', value: '100', unit: '%', basis: 'BUDGET', display: '≤ 100%（占预算）' }],
    ['零投诉', 'TARGET', null, { kind: 'QUANTITY', comparator: 'LTE', value: '0', unit: null, display: '≤ 0' }],
    ['无', 'TARGET', null, { kind: 'NOT_APPLICABLE' }],
    [
      '100%',
      'TARGET',
      '完成培训12期',
      { kind: 'QUANTITY', comparator: 'GTE', value: '100', nameQuantity: { comparator: 'GTE', value: '12', unit: '期', display: '≥ 12 期' } },
    ],
    ['12次', 'TARGET', null, { period: null, annualValue: null, basis: null, deadline: null, nameQuantity: null, qualifier: null, gradeScale: null }],
  ])('%s (%s, name %s)', async (text, role, name, expected) => {
    expect(await preview(text, role, name)).toMatchObject(expected);
  });
});

const SETUP = 'mutation($name: String!) { createDepartment(input: { name: $name }) { department { id } } }';
const GAP = 'indicator { target { display } actual { kind display } gap { status completionPercent suggestedScore explanation } } userErrors { code message }';

async function evaluatedIndicator(name: string, target: string, actual: string) {
  const department = (await api.gql(SETUP, { name: '中共雁峰区委宣传部' })).createDepartment.department.id;
  const planId = (await api.gql('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2025 }) { plan { id } } }', { d: department }))
    .createPlan.plan.id;
  const indicatorId = (
    await api.gql(
      'mutation($p: ID!, $n: String!, $t: String) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", level2Label: "质量指标", name: $n, target: $t, weight: "10" } }) { indicator { id } } }',
      { p: planId, n: name, t: target },
    )
  ).addIndicator.indicator.id;
  for (const step of ['submitPlan', 'approvePlan', 'startEvaluation']) {
    expect((await api.gql(`mutation($id: ID!) { ${step}(id: $id) { userErrors { code } } }`, { id: planId }))[step].userErrors).toEqual([]);
  }
  const recorded = (await api.gql(`mutation($id: ID!, $a: String) { recordIndicatorActual(id: $id, actual: $a) { ${GAP} } }`, { id: indicatorId, a: actual }))
    .recordIndicatorActual;
  expect(recorded.userErrors).toEqual([]);
  return recorded.indicator;
}

describe('an indicator gap with the new readings', () => {
  it('"无" against "零投诉" is 0 complaints: MET, full marks', async () => {
    const indicator = await evaluatedIndicator('服务对象满意', '零投诉', '无');
    expect(indicator.actual).toEqual({ kind: 'QUANTITY', display: '= 0' });
    expect(indicator.gap).toMatchObject({ status: 'MET', suggestedScore: '10' });
  });

  it('每月2次 against 30次 compares 24 with 30', async () => {
    const indicator = await evaluatedIndicator('理论学习', '每月2次', '30次');
    expect(indicator.gap.status).toBe('MET');
    expect(indicator.gap.explanation).toContain('折合全年 ≥ 24 次');
  });

  it('9月底前完成 against 10月15日完成 is PARTIAL (late)', async () => {
    const indicator = await evaluatedIndicator('项目验收', '9月底前完成', '10月15日完成');
    // A late 完成 is placed in the middle of the 部分达成 band (70%), not at its top.
    expect(indicator.gap).toMatchObject({ status: 'PARTIAL', suggestedScore: '7' });
    expect(indicator.gap.explanation).toContain('晚于期限');
  });

  it('"100%" of 完成培训12期 against "9期" compares with the 12 期 of the name', async () => {
    const indicator = await evaluatedIndicator('完成培训12期', '100%', '9期');
    expect(indicator.gap).toMatchObject({ status: 'PARTIAL', completionPercent: '75%', suggestedScore: '7.5' });
  });
});

describe('STRUCTURED_TARGET_CONTRADICTS_TEXT', () => {
  it('warns on the plan when the planner\'s structured target says otherwise than the 指标值 text, and not when they agree', async () => {
    const department = (await api.gql(SETUP, { name: '中共雁峰区委宣传部' })).createDepartment.department.id;
    const planId = (await api.gql('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2025 }) { plan { id } } }', { d: department }))
      .createPlan.plan.id;
    const add = async (name: string) =>
      (
        await api.gql(
          'mutation($p: ID!, $n: String!) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", level2Label: "数量指标", name: $n, weight: "10" } }) { indicator { id } } }',
          { p: planId, n: name },
        )
      ).addIndicator.indicator.id;
    const setTarget = async (id: string, target: string, structured: Record<string, unknown>) => {
      const result = (
        await api.gql('mutation($id: ID!, $t: String, $s: StructuredTargetInput) { setIndicatorTarget(id: $id, target: $t, structured: $s) { userErrors { code message } } }', {
          id,
          t: target,
          s: structured,
        })
      ).setIndicatorTarget;
      expect(result.userErrors).toEqual([]);
    };
    const contradicting = await add('理论宣讲');
    const agreeing = await add('中心组学习');
    await setTarget(contradicting, '不少于12次', { comparator: 'GTE', value: '10', unit: '次' });
    await setTarget(agreeing, '每月2次', { comparator: 'GTE', value: '24', unit: '次' });

    const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { checks { code expected found message indicatorId location { part figure indicatorId section } } } }', { id: planId });
    const findings = plan.checks.filter((row: any) => row.code === 'STRUCTURED_TARGET_CONTRADICTS_TEXT');
    expect(findings).toEqual([
      {
        code: 'STRUCTURED_TARGET_CONTRADICTS_TEXT',
        expected: '≥ 12 次',
        found: '≥ 10 次',
        message: '理论宣讲：结构化目标 ≥ 10 次 与指标值“不少于12次”（读作 ≥ 12 次）不一致：数值不同（≥ 10 次 与 ≥ 12 次）；比较和评分按结构化目标，请核对后统一',
        indicatorId: contradicting,
        location: { part: 'INDICATOR', figure: 'TARGET', indicatorId: contradicting, section: 'OUTPUT' },
      },
    ]);
  });
});
