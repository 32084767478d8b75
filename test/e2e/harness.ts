/**
 * Shared set-up of the browser tests: the built server on a temporary database prepared with the
 * built CLI (demo data and one user per role via `seed`), headless Chromium, sign-in through the UI.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
const serverMain = join(root, 'server/dist/main.js');
const cliMain = join(root, 'server/dist/cli/main.js');
const clientIndex = join(root, 'client/dist/index.html');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifacts = join(root, 'test/e2e/artifacts');
export const DEMO_PASSWORD = 'jixiao-demo';

/** What is missing to run the browser tests (they skip, with a message, when anything is). */
export const missing = [serverMain, cliMain, clientIndex, chromiumPath].filter((path) => !existsSync(path));
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

export interface TestServer {
  baseUrl: string;
  browser: Browser;
  log: () => string;
  /** A fresh browser context (its own cookies: its own session), signed in as `username`, at `hash`. */
  signedIn: (username: string, hash?: string, password?: string) => Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  stop: () => Promise<void>;
}

/** Starts the server on a new database that `prepare` sets up with CLI commands (e.g. ['seed']). */
export async function startServer(prepare: string[][] = [['seed']]): Promise<TestServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const db = join(scratch, 'e2e.sqlite');
  for (const args of prepare) {
    execFileSync(process.execPath, [cliMain, ...args], { cwd: root, env: { ...process.env, JIXIAO_DB: db }, stdio: 'pipe' });
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverLog = '';
  const server: ChildProcess = spawn(process.execPath, [serverMain], {
    cwd: root,
    env: { ...process.env, PORT: String(port), JIXIAO_DB: db, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  await waitForHealth(baseUrl, () => serverLog);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(artifacts, { recursive: true });
  const contexts: BrowserContext[] = [];

  return {
    baseUrl,
    browser,
    log: () => serverLog,
    async signedIn(username, hash = '#/', password = DEMO_PASSWORD) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl}/${hash}`);
      await signIn(page, username, password);
      await page.locator(`[data-user="${username}"]`).waitFor();
      return { context, page, errors };
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((done) => {
          const timer = setTimeout(() => {
            server.kill('SIGKILL');
            done(undefined);
          }, 5000);
          server.once('exit', () => {
            clearTimeout(timer);
            done(undefined);
          });
        });
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Fills the sign-in form (page or dialog) and waits for it to go away. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: '登录' });
  await form.waitFor();
  await form.getByRole('textbox', { name: '用户名' }).fill(username);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: '登录' }).click();
  await form.waitFor({ state: 'detached' });
}

/** An editable cell of a row, by column. */
export function cell(row: Locator, column: string): Locator {
  return row.locator(`[data-col="${column}"]`);
}

/** What a cell shows when not being edited (null while it is). */
export async function shown(row: Locator, column: string): Promise<string | null> {
  const text = cell(row, column).locator('.cell-text');
  return (await text.count()) ? text.textContent() : null;
}

/** Types into a cell and presses Enter. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export async function planStatus(page: Page): Promise<string | null> {
  return page.locator('[data-plan-status]').getAttribute('data-plan-status');
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
