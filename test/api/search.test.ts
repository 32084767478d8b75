/**
 * Text search in filters (issue 9 item 7): LIKE wildcards are literal (escaped, with an ESCAPE clause),
 * and a search text longer than any stored name is a typed TOO_LONG user error — never an internal
 * error or SQL in the log.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, openApi } from './harness.js';

const NAMES = ['达标率100%单位', '达标率100元单位', 'a_b 部门', 'axb 部门', 'x\\y 部门', 'xy 部门'];

describe('searching departments and plans by text', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi();
    for (const [index, name] of NAMES.entries()) {
      const { createDepartment } = await api.gql('mutation($n: String!, $r: String!) { createDepartment(input: { name: $n, region: $r }) { department { id } } }', {
        n: name,
        r: index % 2 ? '湖南省株洲市' : '湖南省_株洲市%',
      });
      await api.gql('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2025 }) { plan { id } } }', { d: createDepartment.department.id });
    }
  });
  afterAll(() => api?.close());

  const departments = async (filter: Record<string, string>) =>
    ((await api.gql('query($f: DepartmentFilter) { departments(first: 100, filter: $f) { nodes { name } } }', { f: filter })).departments.nodes as { name: string }[]).map((d) => d.name).sort();
  const plans = async (filter: Record<string, string>) =>
    ((await api.gql('query($f: PlanFilter) { plans(first: 100, filter: $f) { nodes { department { name } } } }', { f: filter })).plans.nodes as any[]).map((p) => p.department.name).sort();

  it('treats % _ and \\ as the characters they are', async () => {
    expect(await departments({ name: '100%' })).toEqual(['达标率100%单位']);
    expect(await departments({ name: 'a_b' })).toEqual(['a_b 部门']);
    expect(await departments({ name: 'x\\y' })).toEqual(['x\\y 部门']);
    expect(await departments({ name: '%' })).toEqual(['达标率100%单位']);
    expect(await departments({ name: '部门' })).toHaveLength(4);
    expect(await departments({ name: 'A_B' })).toEqual(['a_b 部门']); // LIKE: ASCII case-insensitive
    expect(await departments({ region: '_株洲市%' })).toHaveLength(3);
    // The same through a plan's department (the LIKE runs on the joined table).
    expect(await plans({ departmentName: '100%' })).toEqual(['达标率100%单位']);
    expect(await plans({ departmentName: '_' })).toEqual(['a_b 部门']);
    expect(await plans({ region: '%' })).toHaveLength(3);
  });

  it('refuses a search text longer than any name with TOO_LONG (BAD_USER_INPUT), logging nothing', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      for (const [query, field] of [
        ['query($t: String!) { departments(filter: { name: $t }) { totalCount } }', ['filter', 'name']],
        ['query($t: String!) { departments(filter: { region: $t }) { totalCount } }', ['filter', 'region']],
        ['query($t: String!) { plans(filter: { departmentName: $t }) { totalCount } }', ['filter', 'departmentName']],
        ['query($t: String!) { plans(filter: { region: $t }) { totalCount } }', ['filter', 'region']],
        ['query($t: String!) { department(name: $t) { id } }', ['name']],
        ['query($t: String!) { planByYear(year: 2025, department: $t) { id } }', ['name']],
      ] as const) {
        for (const length of [501, 100_000]) {
          const reply = await api.raw(query, { t: '%'.repeat(length) });
          expect(reply.data?.[Object.keys(reply.data ?? {})[0]] ?? null, query).toBeNull();
          expect(reply.errors, query).toHaveLength(1);
          expect(reply.errors![0].extensions.code).toBe('BAD_USER_INPUT');
          expect(reply.errors![0].extensions.userErrors).toEqual([{ field, code: 'TOO_LONG', message: `长度 ${length} 超过上限 500 字 (longer than 500 characters)` }]);
          expect(JSON.stringify(reply)).not.toMatch(/select|like|sqlite/i);
        }
      }
      // 500 is still a search (it finds nothing).
      expect(await departments({ name: 'x'.repeat(500) })).toEqual([]);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
