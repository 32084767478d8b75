/**
 * The editor end to end, in real headless Chromium (Debian `chromium` driven by playwright-core):
 * start the built server on a temporary database, create a department and a plan in the browser,
 * add an indicator, type its target and see the server's reading, switch to 绩效自评, type the actual,
 * see the server's PARTIAL status and suggested score, reload and see it all persisted.
 * Every operation needs a signed-in user: the test creates one with the built CLI on its temporary
 * database and signs in through the sign-in page first.
 * Needs `pnpm build` first (server/dist and client/dist); skips with a message otherwise.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const serverMain = join(root, 'server/dist/main.js');
const cliMain = join(root, 'server/dist/cli/main.js');
const clientIndex = join(root, 'client/dist/index.html');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = join(root, 'test/e2e/artifacts');
const missing = [serverMain, clientIndex, chromiumPath].filter((path) => !existsSync(path));
if (missing.length) {
  console.warn(`e2e skipped: missing ${missing.join(', ')} — run \`pnpm build\` and \`apt-get install -y chromium\` first.`);
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

describe.skipIf(missing.length > 0)('editor in Chromium', () => {
  let server: ChildProcess | undefined;
  let serverLog = '';
  let context: BrowserContext | undefined;
  let baseUrl = '';
  const scratch = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const db = join(scratch, 'e2e.sqlite');
    execFileSync(process.execPath, [cliMain, 'user', 'add', '--username', 'e2e', '--name', '测试', '--role', 'ADMIN', '--password', 'e2e-password-1'], {
      cwd: root,
      env: { ...process.env, JIXIAO_DB: db },
      stdio: 'pipe',
    });
    server = spawn(process.execPath, [serverMain], {
      cwd: root,
      env: { ...process.env, PORT: String(port), JIXIAO_DB: db, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    await waitForHealth(baseUrl, () => serverLog);
    context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
    });
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((done) => {
        const timer = setTimeout(() => {
          server?.kill('SIGKILL');
          done(undefined);
        }, 5000);
        server?.once('exit', () => {
          clearTimeout(timer);
          done(undefined);
        });
      });
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it('plans a target, evaluates the actual, and keeps both across a reload', async () => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Sign in: nobody is signed in yet, so the sign-in page comes first; the header then names the user.
    await page.goto(`${baseUrl}/#/`);
    await signIn(page, 'e2e', 'e2e-password-1');
    await page.locator('[data-user="e2e"]').waitFor();
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
    await cell(row, 'weight').click();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(row, 'weight')).toBe('10');
    await expect.poll(() => shown(row, 'target')).toBe('不少于12次');
    await page.screenshot({ path: join(artifacts, 'planning.png'), fullPage: true });

    // The session ends mid-edit (signed out elsewhere): the save waits behind the sign-in dialog, the
    // typed text stays in its cell, and after signing in again it is saved.
    await page.evaluate(() =>
      fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { signOut { signedOut } }' }) }),
    );
    await cell(row, 'remark').click();
    await page.keyboard.type('会后复核');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: '登录' }).waitFor();
    expect(await cell(row, 'remark').textContent()).toContain('会后复核');
    await page.screenshot({ path: join(artifacts, 'session-expired.png'), fullPage: false });
    await signIn(page, 'e2e', 'e2e-password-1');
    await expect.poll(() => shown(row, 'remark'), { timeout: 10_000 }).toBe('会后复核');
    await expect.poll(() => cell(row, 'remark').getAttribute('class')).not.toContain('cell-pending');

    // Workflow (the administrator may take every step): 提交 → 批复 → 开始自评 opens the actuals.
    for (const [step, status] of [['提交', '已提交'], ['批复', '已批复'], ['开始自评', '自评中']]) {
      await page.getByRole('button', { name: step, exact: true }).click();
      await expect.poll(() => page.locator('.plan-nav').textContent(), { timeout: 10_000 }).toContain(status);
    }

    // Evaluation: type the actual, see the gap and the suggested score from the server.
    await page.getByRole('tab', { name: '绩效自评' }).click();
    await page.getByRole('heading', { name: '2025年度部门整体支出绩效自评表' }).waitFor();
    const evalRow = page.locator('tr', { hasText: name });
    await cell(evalRow, 'actual').click();
    await page.keyboard.type('10次');
    await page.keyboard.press('Enter');
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

/** Fills the sign-in form (page or dialog) and waits for it to go away. */
async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: '登录' });
  await form.waitFor();
  await form.getByRole('textbox', { name: '用户名' }).fill(username);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: '登录' }).click();
  await form.waitFor({ state: 'detached' });
}

async function expectEvaluated(page: Page, name: string): Promise<void> {
  const row = page.locator('tr', { hasText: name });
  await expect.poll(() => shown(row, 'actual'), { timeout: 10_000 }).toBe('10次');
  await expect.poll(() => row.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 }).toBe('PARTIAL');
  expect(await row.locator('[data-status]').textContent()).toBe('部分完成');
  await expect.poll(() => row.locator('td.suggested').textContent()).toBe('8.33');
}

/** An editable cell of a row, by column. */
function cell(row: Locator, column: string): Locator {
  return row.locator(`[data-col="${column}"]`);
}

/** What a cell shows when not being edited (null while it is). */
async function shown(row: Locator, column: string): Promise<string | null> {
  const text = cell(row, column).locator('.cell-text');
  return (await text.count()) ? text.textContent() : null;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function waitForHealth(baseUrl: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`server did not start within 60 s:\n${log()}`);
}
