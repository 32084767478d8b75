/**
 * The forms people file (issue 13), in real headless Chromium: the 导出Excel link downloads the plan's
 * workbook with the session; a workbook edited like a planner would is previewed (上传中 → 解析中 → 预览,
 * before/after) and imported; 批复 takes a 批复意见 that the plan page then shows; the 自评 view and the
 * analysts' page draw their charts on a canvas. Needs `pnpm build` first; skips with a message otherwise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExcelJS } from '../../server/src/modules/plan-workbook/plan-workbook.reader';
import { artifacts, missing, planStatus, startServer, type TestServer } from './harness';

describe.skipIf(missing.length > 0)('Excel in and out, 批复意见, charts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([['seed']]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('exports, previews and imports an edited workbook, approves with an opinion, and draws the charts', async () => {
    const { page, errors } = await server.signedIn('admin', '#/plans/1/planning');
    await page.locator('.form-sheet table').first().waitFor();

    // 导出Excel: a link the browser follows with the session cookie.
    const link = page.getByRole('link', { name: '导出Excel' });
    expect(await link.getAttribute('href')).toBe('/export/plans/1.xlsx');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = readFileSync((await download.path())!);

    // The planner's edit: 基本支出 in the target table.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as never);
    const sheet = workbook.getWorksheet('部门整体支出绩效目标表')!;
    expect(sheet.getCell('C5').value).toBe('基本支出');
    sheet.getCell('D5').value = 180.5;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());

    // 导入Excel: choose the file → progress → preview of the change → 确认导入.
    await page.locator('input[data-import-xlsx]').setInputFiles({ name: '石峰2021年度绩效目标表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edited });
    const dialog = page.getByRole('dialog', { name: '导入Excel工作簿' });
    await dialog.waitFor();
    const change = dialog.locator('tr', { hasText: '基本支出' });
    await change.waitFor({ timeout: 20_000 });
    expect(await change.locator('.workbook-before').textContent()).toBe('177.59151');
    expect(await change.locator('.workbook-after').textContent()).toBe('180.5');
    expect(await dialog.getByRole('status').textContent()).toBe('预览');
    await page.screenshot({ path: join(artifacts, 'workbook-preview.png'), fullPage: false });
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 }).toBe('已导入');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.locator('.form-sheet').textContent(), { timeout: 10_000 }).toContain('180.5');

    // 提交 → 批复 with a 批复意见 → shown on the plan page.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => planStatus(page), { timeout: 10_000 }).toBe('SUBMITTED');
    await page.getByRole('button', { name: '批复', exact: true }).click();
    const approval = page.getByRole('dialog', { name: '批复计划' });
    await approval.getByRole('textbox', { name: '批复意见' }).fill('同意，请按期报送执行情况');
    await approval.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => planStatus(page), { timeout: 10_000 }).toBe('APPROVED');
    expect(await page.locator('[data-approval-opinion]').textContent()).toContain('批复意见：同意，请按期报送执行情况');

    // The 自评 view of the evaluated 2024 plan draws 分值 vs 得分 and the completions on a canvas.
    await page.goto(`${server.baseUrl}/#/plans/2/evaluation`);
    const charts = page.locator('[data-evaluation-charts]');
    await charts.locator('canvas').first().waitFor({ timeout: 20_000 });
    expect(await charts.locator('canvas').count()).toBe(2);
    expect(await charts.getByRole('img').first().getAttribute('aria-label')).toContain('产出指标');
    await charts.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'evaluation-charts.png'), fullPage: false });

    // 年度绩效分析: the departments of 2024, drawn and tabled.
    await page.getByRole('link', { name: '分析' }).click();
    await page.locator('.dashboard canvas').first().waitFor({ timeout: 20_000 });
    // 雁峰 2024: 综合得分 98.89 (README), from the plan roll-up while planStats leaves scores empty.
    await expect.poll(() => page.locator('[data-dashboard-table]').textContent(), { timeout: 10_000 }).toContain('98.89');
    expect(await page.locator('[data-dashboard-table]').textContent()).toContain('雁峰');
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: false });
    expect(errors).toEqual([]);
  });
});
