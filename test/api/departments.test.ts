import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi } from './harness.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateDepartmentInput!) {
    createDepartment(input: $input) { department { id name shortName region code } userErrors { field message code } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateDepartmentInput!) {
    updateDepartment(id: $id, input: $input) { department { id name shortName region code } userErrors { field message code } }
  }
`;
const DELETE = /* GraphQL */ `
  mutation Delete($id: ID!) { deleteDepartment(id: $id) { deletedId userErrors { field message code } } }
`;
const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $filter: DepartmentFilter) {
    departments(first: $first, after: $after, filter: $filter) {
      totalCount
      nodes { name }
      edges { cursor node { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

async function create(input: Record<string, unknown>) {
  return (await api.gql(CREATE, { input })).createDepartment;
}

const SHIFENG = { name: '中共株洲市石峰区委员会宣传部', shortName: '石峰区委宣传部', region: '湖南省株洲市石峰区', code: '430204001' };
const YANFENG = { name: '中共雁峰区委宣传部', shortName: '雁峰区委宣传部', region: '湖南省衡阳市雁峰区' };
const LUSONG = { name: '株洲市芦淞区财政局', shortName: '芦淞区财政局', region: '湖南省株洲市芦淞区' };

describe('departments', () => {
  it('creates, reads by id and by either name, updates and deletes', async () => {
    const created = await create(SHIFENG);
    expect(created).toEqual({ department: { id: expect.any(String), ...SHIFENG }, userErrors: [] });
    const id = created.department.id;
    for (const query of [`{ department(id: "${id}") { name } }`, '{ department(name: "石峰区委宣传部") { name } }', `{ department(name: "${SHIFENG.name}") { name } }`]) {
      expect((await api.gql(query)).department).toEqual({ name: SHIFENG.name });
    }
    const updated = (await api.gql(UPDATE, { id, input: { region: '湖南省株洲市', code: null } })).updateDepartment;
    expect(updated).toEqual({ department: { ...SHIFENG, id, region: '湖南省株洲市', code: null }, userErrors: [] });
    expect((await api.gql(DELETE, { id })).deleteDepartment).toEqual({ deletedId: id, userErrors: [] });
    expect((await api.gql(`{ department(id: "${id}") { name } }`)).department).toBeNull();
  });

  it('lists by name with filters and cursor pagination', async () => {
    for (const department of [SHIFENG, YANFENG, LUSONG]) await create(department);
    const all = (await api.gql(LIST, {})).departments;
    expect(all.totalCount).toBe(3);
    const firstPage = (await api.gql(LIST, { first: 2 })).departments;
    expect(firstPage.nodes).toHaveLength(2);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = (await api.gql(LIST, { first: 2, after: firstPage.pageInfo.endCursor })).departments;
    expect(secondPage.nodes).toHaveLength(1);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect([...firstPage.nodes, ...secondPage.nodes]).toEqual(all.nodes);
    expect((await api.gql(LIST, { filter: { name: '宣传部' } })).departments.totalCount).toBe(2);
    expect((await api.gql(LIST, { filter: { name: '雁峰区委' } })).departments.nodes).toEqual([{ name: YANFENG.name }]);
    expect((await api.gql(LIST, { filter: { region: '株洲' } })).departments.totalCount).toBe(2);
    expect((await api.gql(LIST, { filter: { name: '%' } })).departments.totalCount).toBe(0);
  });

  it('lists each department\'s plans by year, loaded for the whole page in one query', async () => {
    const ids: string[] = [];
    for (const department of [SHIFENG, YANFENG, LUSONG]) ids.push((await create(department)).department.id);
    for (const [index, years] of [[2023, 2021], [2024], []].entries()) {
      for (const year of years) await api.gql('mutation($d: ID!, $y: Int!) { createPlan(input: { departmentId: $d, year: $y }) { userErrors { code } } }', { d: ids[index], y: year });
    }
    const queries: string[] = [];
    const logger = api.orm.config.getLogger();
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (context) => {
      queries.push(context.query);
      logQuery(context);
    };
    api.orm.config.set('debug', true);
    const { departments } = await api.gql('{ departments { nodes { name plans { year } } } }');
    api.orm.config.set('debug', false);
    expect(departments.nodes).toEqual([
      { name: SHIFENG.name, plans: [{ year: 2021 }, { year: 2023 }] },
      { name: YANFENG.name, plans: [{ year: 2024 }] },
      { name: LUSONG.name, plans: [] },
    ]);
    expect(queries.filter((query) => /from [`"]plan[`"]/.test(query))).toHaveLength(1);
  });

  it('caps a page at 100 and refuses a forged cursor', async () => {
    expect((await api.raw(LIST, { first: 101 })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.raw(LIST, { first: 0 })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.raw(LIST, { after: 'bm9wZQ' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('departments: bad input changes nothing', () => {
  const cases: [string, () => Promise<any>, string, string[]][] = [
    ['an empty name', () => create({ name: '  ' }), 'REQUIRED', ['input', 'name']],
    ['a 10 MB name', () => create({ name: '部'.repeat(10 * 1024 * 1024) }), 'TOO_LONG', ['input', 'name']],
    ['control characters', () => create({ name: '宣传部\u0007' }), 'INVALID', ['input', 'name']],
    ['a name another department uses as its short name', () => create({ name: '石峰区委宣传部' }), 'DUPLICATE', ['input', 'name']],
    ['the same full name', () => create({ name: SHIFENG.name }), 'DUPLICATE', ['input', 'name']],
    ['the same code', () => create({ name: '新部门', code: SHIFENG.code }), 'DUPLICATE', ['input', 'code']],
    ['an unknown id on update', async () => (await api.gql(UPDATE, { id: '999', input: { region: 'x' } })).updateDepartment, 'NOT_FOUND', ['id']],
    ['a forged id on update', async () => (await api.gql(UPDATE, { id: '1 or 1=1', input: { region: 'x' } })).updateDepartment, 'NOT_FOUND', ['id']],
    ['a null name on update', async () => (await api.gql(UPDATE, { id: '1', input: { name: null } })).updateDepartment, 'REQUIRED', ['input', 'name']],
    ['deleting a department that has plans', async () => (await api.gql(DELETE, { id: '1' })).deleteDepartment, 'HAS_DEPENDENTS', ['id']],
  ];

  it.each(cases)('%s', async (_label, run, code, field) => {
    const { department } = await create(SHIFENG);
    await api.gql('mutation($id: ID!) { createPlan(input: { departmentId: $id, year: 2021 }) { userErrors { code } } }', { id: department.id });
    const before = await api.dump();
    const result = await run();
    expect(result.userErrors).toEqual([{ field, code, message: expect.any(String) }]);
    expect(await api.dump()).toEqual(before);
  });

  it('a wrong type is a GraphQL input error', async () => {
    const result = await api.raw(CREATE, { input: { name: 42 } });
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
