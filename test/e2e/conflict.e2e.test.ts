/**
 * No lost writes, in two real browsers: two people open the same draft plan; A saves a target, B (still
 * showing the old one) saves another → B's cell shows "已被他人修改：当前值 <A's value>" and B chooses.
 * Round 1: B overwrites with its own value. Round 2: B keeps A's value. A reload shows what was chosen.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, cell, missing, shown, startServer, typeInto, type TestServer } from './harness';

describe.skipIf(missing.length > 0)('two editors, one indicator', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([['seed']]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows the conflict at the cell and lets the stale editor choose', async () => {
    // 石峰区委宣传部 2021 (demo data) is plan 1, a draft: the planner and the administrator may edit it.
    const a = await server.signedIn('admin', '#/plans/1/planning');
    const b = await server.signedIn('planner.shifeng', '#/plans/1/planning');
    const firstRow = a.page.locator('tr[data-indicator]').first();
    await firstRow.waitFor();
    const id = await firstRow.getAttribute('data-indicator');
    const rowA = a.page.locator(`tr[data-indicator="${id}"]`);
    const rowB = b.page.locator(`tr[data-indicator="${id}"]`);
    await rowB.waitFor();
    const original = await shown(rowB, 'target');

    // Round 1: A saves first; B, stale, saves its own value and overwrites.
    await typeInto(a.page, cell(rowA, 'target'), '不少于15次');
    await expect.poll(() => shown(rowA, 'target')).toBe('不少于15次');
    await expect.poll(() => cell(rowA, 'target').getAttribute('class')).not.toContain('cell-pending');
    expect(await shown(rowB, 'target')).toBe(original);

    await typeInto(b.page, cell(rowB, 'target'), '不少于20次');
    const conflict = cell(rowB, 'target').getByRole('alert');
    await expect.poll(() => conflict.textContent(), { timeout: 10_000 }).toContain('已被他人修改：当前值');
    expect(await conflict.textContent()).toContain('不少于15次');
    // Mine is still in the cell, not silently replaced.
    expect(await shown(rowB, 'target')).toBe('不少于20次');
    await b.page.screenshot({ path: join(artifacts, 'conflict.png'), fullPage: false });
    await conflict.getByRole('button', { name: '用我的值覆盖' }).click();
    await expect.poll(() => cell(rowB, 'target').getByRole('alert').count(), { timeout: 10_000 }).toBe(0);
    expect(await shown(rowB, 'target')).toBe('不少于20次');

    await a.page.reload();
    await expect.poll(() => shown(rowA, 'target'), { timeout: 10_000 }).toBe('不少于20次');

    // Round 2: A (fresh after its reload) changes the weight; B, stale, tries another one and keeps A's.
    await typeInto(a.page, cell(rowA, 'weight'), '7');
    await expect.poll(() => shown(rowA, 'weight')).toBe('7');
    await expect.poll(() => cell(rowA, 'weight').getAttribute('class')).not.toContain('cell-pending');
    await typeInto(b.page, cell(rowB, 'weight'), '9');
    const second = cell(rowB, 'weight').getByRole('alert');
    await expect.poll(() => second.textContent(), { timeout: 10_000 }).toContain('当前值 7');
    await second.getByRole('button', { name: '采用对方的值' }).click();
    await expect.poll(() => shown(rowB, 'weight')).toBe('7');
    expect(await cell(rowB, 'weight').getByRole('alert').count()).toBe(0);

    // What both chose is what the server kept.
    for (const { page } of [a, b]) {
      await page.reload();
      const row = page.locator(`tr[data-indicator="${id}"]`);
      await expect.poll(() => shown(row, 'target'), { timeout: 10_000 }).toBe('不少于20次');
      expect(await shown(row, 'weight')).toBe('7');
    }
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
