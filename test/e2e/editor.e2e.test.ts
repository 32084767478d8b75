/**
 * The editor end to end, in real headless Chromium (Debian `chromium` driven by playwright-core):
 * start the built server on a temporary database, create a department and a plan in the browser,
 * add an indicator, type its target and see the server's reading, switch to 绩效自评, type the actual,
 * see the server's PARTIAL status and suggested score, reload and see it all persisted.
 * Every operation needs a signed-in user: the test creates one with the built CLI on its temporary
 * database and signs in through the sign-in page first.
 * Needs `pnpm build` first (server/dist and client/dist); skips with a message otherwise.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, cell, missing, shown, signIn, startServer, typeInto, type TestServer } from './harness';

const USERNAME = 'e2e';
const PASSWORD = 'e2e-password-1';

describe.skipIf(missing.length > 0)('editor in Chromium', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([['user', 'add', '--username', USERNAME, '--name', '测试', '--role', 'ADMIN', '--password', PASSWORD]]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('plans a target, evaluates the actual, and keeps both across a reload', async () => {
    // Sign in: nobody is signed in yet, so the sign-in page comes first; the header then names the user.
    const { page, errors: pageErrors } = await server.signedIn(USERNAME, '#/', PASSWORD);
    expect(await page.locator('[data-role]').textContent()).toBe('系统管理员');

    // Navigation: create a department, then a plan for it.
    await page.getByRole('heading', { name: '部门 / 预算单位' }).waitFor();
    const department = `端到端测试部门${Date.now()}`;
    await page.getByRole('textbox', { name: '部门名称' }).fill(department);
    await page.getByRole('textbox', { name: '地区' }).fill('湖南省株洲市');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.getByRole('heading', { name: department }).waitFor();
    await page.getByRole('spinbutton', { name: '预算年度' }).fill('2025');
    await page.getByRole('button', { name: '创建计划' }).click();
    await page.getByRole('heading', { name: '2025年度部门整体支出绩效目标表' }).waitFor();

    // Planning: add an indicator, type its target, see the server's reading.
    const name = '开展理论学习中心组学习';
    await page.getByRole('textbox', { name: '三级指标名称' }).first().fill(name);
    await page.getByRole('button', { name: '＋ 添加指标' }).first().click();
    const row = page.locator('tr', { hasText: name });
    await row.waitFor();
    await cell(row, 'target').click();
    await page.keyboard.type('不少于12次');
    await expect.poll(() => row.locator('.badge').first().textContent(), { timeout: 10_000 }).toBe('≥ 12 次');
    await page.keyboard.press('Enter');
    await typeInto(page, cell(row, 'weight'), '10');
    await expect.poll(() => shown(row, 'weight')).toBe('10');
    await expect.poll(() => shown(row, 'target')).toBe('不少于12次');
    await page.screenshot({ path: join(artifacts, 'planning.png'), fullPage: true });

    // The session ends mid-edit (signed out elsewhere): the save waits behind the sign-in dialog, the
    // typed text stays in its cell, and after signing in again it is saved.
    await page.evaluate(() =>
      fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { signOut { signedOut } }' }) }),
    );
    await typeInto(page, cell(row, 'remark'), '会后复核');
    await page.getByRole('dialog', { name: '登录' }).waitFor();
    expect(await cell(row, 'remark').textContent()).toContain('会后复核');
    await page.screenshot({ path: join(artifacts, 'session-expired.png'), fullPage: false });
    await signIn(page, USERNAME, PASSWORD);
    await expect.poll(() => shown(row, 'remark'), { timeout: 10_000 }).toBe('会后复核');
    await expect.poll(() => cell(row, 'remark').getAttribute('class')).not.toContain('cell-pending');

    // Workflow (the administrator may take every step): 提交 → 批复 → 开始自评 opens the actuals.
    // 批复 and 开始自评 ask for confirmation first, in the dialog that takes their opinion.
    const confirmations: string[] = [];
    page.on('dialog', (dialog) => {
      confirmations.push(dialog.message());
      void dialog.accept();
    });
    for (const [step, status] of [['提交', '已提交审核'], ['批复', '已批复'], ['开始自评', '自评中']]) {
      await page.getByRole('button', { name: step, exact: true }).click();
      if (step === '批复') {
        // 批复 asks its confirmation in the dialog that takes the 批复意见 (同意 unless changed).
        const approval = page.getByRole('dialog', { name: '批复计划' });
        expect(await approval.textContent()).toContain('确定批复');
        await approval.getByRole('button', { name: '确定' }).click();
      }
      if (step === '开始自评') {
        const start = page.getByRole('dialog', { name: '开始自评' });
        expect(await start.textContent()).toContain('确定开始自评');
        await start.getByRole('button', { name: '确定' }).click();
      }
      await expect.poll(() => page.locator('.plan-nav').textContent(), { timeout: 10_000 }).toContain(status);
    }
    expect(confirmations).toEqual([]);

    // Evaluation: type the actual, see the gap and the suggested score from the server.
    await page.getByRole('tab', { name: '绩效自评' }).click();
    await page.getByRole('heading', { name: '2025年度部门整体支出绩效自评表' }).waitFor();
    const evalRow = page.locator('tr', { hasText: name });
    await typeInto(page, cell(evalRow, 'actual'), '10次');
    await expectEvaluated(page, name);
    await page.screenshot({ path: join(artifacts, 'evaluation.png'), fullPage: true });

    // Reload: everything came from the server and is still there.
    await page.reload();
    await page.getByRole('heading', { name: '2025年度部门整体支出绩效自评表' }).waitFor();
    await expectEvaluated(page, name);
    await page.getByRole('tab', { name: '目标编制' }).click();
    const planned = page.locator('tr', { hasText: name });
    await expect.poll(() => planned.locator('.badge').first().textContent()).toBe('≥ 12 次');
    await page.screenshot({ path: join(artifacts, 'planning-after-reload.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

async function expectEvaluated(page: Page, name: string): Promise<void> {
  const row = page.locator('tr', { hasText: name });
  await expect.poll(() => shown(row, 'actual'), { timeout: 10_000 }).toBe('10次');
  await expect.poll(() => row.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 }).toBe('PARTIAL');
  expect(await row.locator('[data-status]').textContent()).toBe('部分达成');
  await expect.poll(() => row.locator('td.suggested').textContent()).toBe('8.33');
}
