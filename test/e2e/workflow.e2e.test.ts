/**
 * The 批复 workflow through the browser, each person in their own browser context (own session):
 * the planner drafts a plan and submits it (cells freeze, 提交 disappears); the reviewer approves and
 * opens the 自评; the planner can change the approved target only as a 调整 with a reason, which the
 * cell's 历史 shows; the evaluator records the actual and sees the gap, and writes a 存在的问题 line that
 * is still there after a reload.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, cell, missing, planStatus, shown, startServer, typeInto, type TestServer } from './harness';

describe.skipIf(missing.length > 0)('workflow in Chromium', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([['seed']]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('planner → reviewer → evaluator', async () => {
    // Planner: their department, a new blank plan, one indicator with a target and a weight.
    const planner = await server.signedIn('planner.shifeng');
    const p = planner.page;
    expect(await p.locator('[data-role]').textContent()).toBe('编报人员');
    await p.getByRole('link', { name: '中共株洲市石峰区委员会宣传部' }).click();
    await p.getByRole('spinbutton', { name: '预算年度' }).fill('2025');
    await p.getByRole('combobox', { name: '复制自' }).selectOption('');
    await p.getByRole('button', { name: '创建计划' }).click();
    await p.getByRole('heading', { name: '2025年度部门整体支出绩效目标表' }).waitFor();
    const planHash = new URL(p.url()).hash;
    expect(await planStatus(p)).toBe('DRAFT');

    const name = '开展理论宣讲';
    await p.getByRole('textbox', { name: '三级指标名称' }).first().fill(name);
    await p.getByRole('button', { name: '＋ 添加指标' }).first().click();
    const row = p.locator('tr', { hasText: name });
    await row.waitFor();
    await typeInto(p, cell(row, 'target'), '不少于12次');
    await expect.poll(() => shown(row, 'target')).toBe('不少于12次');
    await typeInto(p, cell(row, 'weight'), '10');
    await expect.poll(() => shown(row, 'weight')).toBe('10');
    await expect.poll(() => row.locator('.badge').first().textContent()).toBe('≥ 12 次');

    // 提交: the plan is locked for the planner — read-only cells, no 提交, no add form.
    await p.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => planStatus(p), { timeout: 10_000 }).toBe('SUBMITTED');
    expect(await p.getByRole('button', { name: '提交', exact: true }).count()).toBe(0);
    expect(await cell(row, 'target').getAttribute('class')).toContain('cell-readonly');
    expect(await cell(row, 'weight').getAttribute('class')).toContain('cell-readonly');
    expect(await p.getByRole('button', { name: '＋ 添加指标' }).count()).toBe(0);
    await cell(row, 'target').click({ force: true });
    expect(await cell(row, 'target').locator('input').count()).toBe(0);
    await p.screenshot({ path: join(artifacts, 'workflow-submitted.png'), fullPage: false });

    // Reviewer, in another browser context: 批复, then 开始自评.
    const reviewer = await server.signedIn('reviewer', planHash);
    const r = reviewer.page;
    await expect.poll(() => planStatus(r), { timeout: 10_000 }).toBe('SUBMITTED');
    expect(await r.getByRole('button', { name: '退回', exact: true }).count()).toBe(1);
    expect(await cell(r.locator('tr', { hasText: name }), 'target').getAttribute('class')).toContain('cell-readonly');
    await r.getByRole('button', { name: '批复', exact: true }).click();
    // 批复 asks its confirmation in the dialog that takes the 批复意见.
    const approval = r.getByRole('dialog', { name: '批复计划' });
    await approval.getByRole('textbox', { name: '批复意见' }).fill('同意，请年中报送执行进度');
    await approval.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => planStatus(r), { timeout: 10_000 }).toBe('APPROVED');
    await r.getByRole('button', { name: '开始自评', exact: true }).click();
    // 开始自评 asks its confirmation in the same dialog, taking the 开始自评意见.
    const start = r.getByRole('dialog', { name: '开始自评' });
    await start.getByRole('textbox', { name: '开始自评意见' }).fill('请3月底前填报实际完成值');
    await start.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => planStatus(r), { timeout: 10_000 }).toBe('EVALUATING');
    expect(await r.getByRole('button', { name: '批复', exact: true }).count()).toBe(0);
    await r.screenshot({ path: join(artifacts, 'workflow-reviewer.png'), fullPage: false });

    // Planner: the approved target changes only as a 调整 with a reason; 历史 shows who, what and why.
    await p.reload();
    await expect.poll(() => planStatus(p), { timeout: 10_000 }).toBe('EVALUATING');
    expect(await p.locator('[data-approval-opinion]').textContent()).toContain('批复意见：同意，请年中报送执行进度');
    await expect.poll(() => p.locator('[data-status-note="EVALUATING"]').textContent(), { timeout: 10_000 }).toContain('开始自评意见：请3月底前填报实际完成值');
    expect(await cell(row, 'weight').getAttribute('class')).toContain('cell-readonly');
    await typeInto(p, cell(row, 'target'), '不少于15次');
    const dialog = p.getByRole('dialog', { name: '调整已批复的指标值' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: '调整原因' }).fill('上级要求增加宣讲场次');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => shown(row, 'target'), { timeout: 10_000 }).toBe('不少于15次');
    await expect.poll(() => cell(row, 'target').getAttribute('class')).not.toContain('cell-pending');
    expect(await cell(row, 'target').getByRole('alert').count()).toBe(0);
    await row.getByRole('button', { name: `历史 ${name}` }).click();
    const history = p.getByRole('dialog', { name: `修改记录：${name}` });
    const adjusted = history.locator('li', { hasText: '上级要求增加宣讲场次' });
    await adjusted.waitFor();
    expect(await adjusted.textContent()).toContain('石峰编报员');
    expect(await adjusted.locator('.history-before').textContent()).toBe('不少于12次');
    expect(await adjusted.locator('.history-after').textContent()).toBe('不少于15次');
    await p.screenshot({ path: join(artifacts, 'workflow-history.png'), fullPage: false });
    await history.getByRole('button', { name: '关闭' }).click();

    // Evaluator: records the actual in the 自评 and sees the server's gap.
    const evaluator = await server.signedIn('evaluator', planHash.replace('/planning', '/evaluation'));
    const e = evaluator.page;
    await e.getByRole('heading', { name: '2025年度部门整体支出绩效自评表' }).waitFor();
    const evalRow = e.locator('tr', { hasText: name });
    expect(await cell(evalRow, 'target').getAttribute('class')).toContain('cell-readonly');
    await typeInto(e, cell(evalRow, 'actual'), '12次');
    await expect.poll(() => shown(evalRow, 'actual'), { timeout: 10_000 }).toBe('12次');
    await expect.poll(() => evalRow.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 }).toBe('PARTIAL');
    expect(await evalRow.locator('.bar-label').textContent()).toBe('80%');
    await expect.poll(() => evalRow.locator('td.suggested').textContent()).toBe('8');
    await e.screenshot({ path: join(artifacts, 'workflow-evaluator.png'), fullPage: true });

    // The 自评表's narrative: the first 存在的问题 line creates the evaluation and is there after a reload.
    const problem = '宣讲场次统计口径不一';
    await typeInto(e, e.getByRole('button', { name: '添加问题' }), problem);
    await expect.poll(() => e.getByRole('button', { name: '存在的问题 1' }).textContent(), { timeout: 10_000 }).toBe(problem);
    await e.reload();
    await expect.poll(() => e.getByRole('button', { name: '存在的问题 1' }).textContent(), { timeout: 10_000 }).toBe(problem);

    expect([...planner.errors, ...reviewer.errors, ...evaluator.errors]).toEqual([]);
  });
});
