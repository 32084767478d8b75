import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';

const IMPORT = /* GraphQL */ `
  mutation Import($document: JSONObject!, $reason: String) {
    importPlanDocument(document: $document, reason: $reason) {
      created
      departmentCreated
      plan { id year department { id name shortName region } }
      userErrors { field message code }
    }
  }
`;
const EXPORT = /* GraphQL */ `
  query Export($planId: ID!) { exportPlanDocument(planId: $planId) }
`;

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

async function importDocument(document: unknown, reason: string | null = null) {
  return (await api.gql(IMPORT, { document, reason })).importPlanDocument;
}

describe('plan documents: import → export gives back the same document', () => {
  it.each(['shifeng', 'yanfeng'] as const)('%s round-trips field by field', async (name) => {
    const document = readFixture(name);
    const imported = await importDocument(document);
    expect(imported.userErrors).toEqual([]);
    expect(imported.created).toBe(true);
    const exported = (await api.gql(EXPORT, { planId: imported.plan.id })).exportPlanDocument;
    // Field by field first, so a failure names the part that differs.
    for (const key of Object.keys(document)) expect({ [key]: exported[key] }).toEqual({ [key]: document[key] });
    expect(exported).toEqual(document);
  });

  it('keeps the whole plan readable in one request', async () => {
    const { plan } = await importDocument(readFixture('shifeng'));
    const data = await api.gql(
      /* GraphQL */ `
        query Whole($id: ID!) {
          plan(id: $id) {
            year
            department { name shortName region }
            budget { total { amounts { initial } } basic { amounts { initial } } project { amounts { initial } } income { generalPublic { amounts { initial } } governmentFund { id } } }
            keyTasks { item owner }
            indicators { level1 level1Label level2 level2Label name targetText }
            lineItems { name kind amounts { initial } children { name period amounts { initial } indicators { level1 level2 name targetText } } }
          }
        }
      `,
      { id: plan.id },
    );
    const whole = data.plan;
    expect(whole.department).toEqual({ name: '中共株洲市石峰区委员会宣传部', shortName: '石峰区委宣传部', region: '湖南省株洲市石峰区' });
    expect(whole.budget.total.amounts.initial).toBe('267.5915');
    expect(whole.budget.basic.amounts.initial).toBe('177.59151');
    expect(whole.budget.project.amounts.initial).toBe('90');
    expect(whole.budget.income).toEqual({ generalPublic: { amounts: { initial: '267.5915' } }, governmentFund: null });
    expect(whole.keyTasks).toHaveLength(5);
    expect(whole.indicators).toHaveLength(9);
    // Fixture 002 files satisfaction under 效益指标: canonical by the 二级, label kept.
    expect(whole.indicators[8]).toMatchObject({ level1: 'SATISFACTION', level1Label: '效益指标', level2: 'SERVICE_SATISFACTION', level2Label: '社会公众及服务对象满意度' });
    expect(whole.lineItems.map((item: any) => [item.name, item.amounts.initial, item.children.map((child: any) => child.amounts.initial)])).toEqual([
      ['业务性专项经费', '15', ['6', '6', '3']],
      ['融媒体中心经费', '75', ['60', '15']],
    ]);
    const leaves = whole.lineItems.flatMap((item: any) => item.children);
    expect(leaves.flatMap((child: any) => child.indicators)).toHaveLength(45);
    expect(leaves[0].indicators[3]).toEqual({ level1: 'OUTPUT', level2: 'OUTPUT_COST', name: expect.any(String), targetText: '6万元以下' });
  });
});

describe('plan documents: import is idempotent and matches departments by either name', () => {
  it('re-importing the same department and year replaces the plan, never duplicates it', async () => {
    const document = readFixture('yanfeng');
    const first = await importDocument(document);
    const changed = structuredClone(document);
    changed.indicators[1].actual = '完成12次';
    // The self-evaluation landed in 自评 (issue 10 item 6): replacing it needs a reason.
    const second = await importDocument(changed, '更正实际完成值');
    expect(second).toMatchObject({ created: false, departmentCreated: false, userErrors: [] });
    expect(second.plan.id).toBe(first.plan.id);
    const counts = await api.gql('{ plans(first: 100) { totalCount } departments { totalCount } }');
    expect(counts).toEqual({ plans: { totalCount: 1 }, departments: { totalCount: 1 } });
    const exported = (await api.gql(EXPORT, { planId: first.plan.id })).exportPlanDocument;
    expect(exported).toEqual(changed);
  });

  it('a later year naming the department by its short name joins the same department', async () => {
    const first = await importDocument(readFixture('shifeng'));
    const nextYear = readFixture('shifeng');
    nextYear.year = 2022;
    nextYear.department.name = '石峰区委宣传部';
    nextYear.department.shortName = null;
    const second = await importDocument(nextYear);
    expect(second).toMatchObject({ created: true, departmentCreated: false, userErrors: [] });
    expect(second.plan.department.id).toBe(first.plan.department.id);
    // The export gives back what that year's document said.
    const exported = (await api.gql(EXPORT, { planId: second.plan.id })).exportPlanDocument;
    expect(exported.department.name).toBe('石峰区委宣传部');
    expect(exported.department.shortName).toBeNull();
    const byShortName = await api.gql('{ department(name: "石峰区委宣传部") { name plans { year } } }');
    expect(byShortName.department).toEqual({ name: '中共株洲市石峰区委员会宣传部', plans: [{ year: 2021 }, { year: 2022 }] });
  });
});

describe('plan documents: an amount "无" is a stated 0 (gap-rules §4.4)', () => {
  it('imports "无"/"零" budget and line-item amounts as 0, exports "0", and the round trip is stable', async () => {
    const document = readFixture('shifeng');
    document.budget.total.adjustment = '无';
    document.budget.income.governmentFund = { initial: '零', adjustment: null, fullYear: null, actual: null, carryover: null, executionRate: null };
    document.lineItems[0].amounts.adjustment = ' 无 ';
    document.lineItems[0].children[0].amounts.actual = '\u3000零';
    const sent = structuredClone(document);
    const imported = await importDocument(document);
    expect(imported.userErrors).toEqual([]);
    expect(document).toEqual(sent); // the caller's document is read, not changed
    const exported = (await api.gql(EXPORT, { planId: imported.plan.id })).exportPlanDocument;
    expect(exported.budget.total.adjustment).toBe('0');
    expect(exported.budget.total.initial).toBe('267.5915');
    expect(exported.budget.income.governmentFund.initial).toBe('0');
    expect(exported.lineItems[0].amounts.adjustment).toBe('0');
    expect(exported.lineItems[0].children[0].amounts.actual).toBe('0');
    // 0 is stated, not "not stated": the plan's API shows it as a decimal 0.
    const read = await api.gql('query ($id: ID!) { plan(id: $id) { budget { total { amounts { adjustment fullYear } } } } }', { id: imported.plan.id });
    expect(read.plan.budget.total.amounts).toEqual({ adjustment: '0', fullYear: null });
    const again = await importDocument(exported);
    expect(again.userErrors).toEqual([]);
    expect((await api.gql(EXPORT, { planId: again.plan.id })).exportPlanDocument).toEqual(exported);
  });

  it('an indicator\'s actual "无" stays text (it is not an amount)', async () => {
    const document = readFixture('yanfeng');
    const index = document.indicators.findIndex((indicator: { actual: unknown }) => typeof indicator.actual === 'string');
    document.indicators[index].actual = '无';
    const imported = await importDocument(document);
    expect(imported.userErrors).toEqual([]);
    const exported = (await api.gql(EXPORT, { planId: imported.plan.id })).exportPlanDocument;
    expect(exported.indicators[index].actual).toBe('无');
  });
});

describe('plan documents: a bad document is refused whole and changes nothing', () => {
  const broken: [string, (document: any) => void, string, string[]][] = [
    ['missing year', (d) => delete d.year, 'INVALID_DOCUMENT', ['document', 'year']],
    ['year as text', (d) => (d.year = '2021'), 'INVALID_DOCUMENT', ['document', 'year']],
    ['unknown kind', (d) => (d.kind = 'memo'), 'INVALID_DOCUMENT', ['document', 'kind']],
    ['unknown property', (d) => (d.extra = 1), 'INVALID_DOCUMENT', ['document', 'extra']],
    ['money as a number', (d) => (d.budget.total.initial = 267.5915), 'INVALID_DOCUMENT', ['document', 'budget', 'total', 'initial']],
    ['money with 7 decimals', (d) => (d.budget.total.initial = '267.5915001'), 'INVALID_DOCUMENT', ['document', 'budget', 'total', 'initial']],
    ['absurd money', (d) => (d.budget.total.initial = '999999999'), 'TOO_LARGE', ['document', 'budget', 'total', 'initial']],
    ['negative money', (d) => (d.budget.basic.initial = '-1'), 'NEGATIVE', ['document', 'budget', 'basic', 'initial']],
    ['indicator without a name', (d) => delete d.indicators[0].name, 'INVALID_DOCUMENT', ['document', 'indicators', '0', 'name']],
    ['weight NaN-like text', (d) => (d.indicators[0].weight = 'ten'), 'INVALID_DOCUMENT', ['document', 'indicators', '0', 'weight']],
    ['negative weight', (d) => (d.indicators[0].weight = -5), 'OUT_OF_RANGE', ['document', 'indicators', '0', 'weight']],
    ['over-precise weight', (d) => (d.indicators[0].weight = 0.0000001), 'TOO_PRECISE', ['document', 'indicators', '0', 'weight']],
    ['10 MB string', (d) => (d.indicators[0].evidence = 'x'.repeat(10 * 1024 * 1024)), 'TOO_LONG', ['document', 'indicators', '0', 'evidence']],
    ['control characters in a name', (d) => (d.department.name = '宣传部\u0000'), 'INVALID', ['document', 'department', 'name']],
    ['empty department name', (d) => (d.department.name = ''), 'INVALID_DOCUMENT', ['document', 'department', 'name']],
    ['a word for money that is not 无', (d) => (d.budget.total.initial = '无效'), 'INVALID_DOCUMENT', ['document', 'budget', 'total', 'initial']],
    ['a dash for money', (d) => (d.lineItems[0].amounts.initial = '—'), 'INVALID_DOCUMENT', ['document', 'lineItems', '0', 'amounts', 'initial']],
  ];

  it.each(broken)('%s', async (_label, breakIt, code, field) => {
    await importDocument(readFixture('shifeng'));
    const before = await api.dump();
    const document = readFixture('shifeng');
    breakIt(document);
    const result = await importDocument(document);
    expect(result.plan).toBeNull();
    expect(result.userErrors).toContainEqual({ field, code, message: expect.any(String) });
    expect(await api.dump()).toEqual(before);
  });

  it('a malformed document (not an object) is a GraphQL input error', async () => {
    const before = await api.dump();
    const result = await api.raw(IMPORT, { document: [1, 2, 3] });
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await api.dump()).toEqual(before);
  });

  it('export of an unknown plan is null', async () => {
    expect((await api.gql(EXPORT, { planId: '999' })).exportPlanDocument).toBeNull();
  });
});
