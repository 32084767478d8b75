/**
 * The analysts' GraphiQL at /graphiql in Chromium: without a session the page says to sign in (the
 * server refuses introspection in production); signed in as the demo analyst on /, it runs a query
 * with the session cookie. Nothing is requested from another host and the page's CSP is not violated.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, missing, startServer, type TestServer } from './harness';

/** Records requests to other hosts and CSP violations (directive and sample) on a page. */
async function watch(page: Page, baseUrl: string): Promise<{ foreign: string[]; violations: string[] }> {
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${baseUrl}/`) && !url.startsWith('data:')) foreign.push(url);
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
  return { foreign, violations };
}

describe.skipIf(missing.length > 0)('GraphiQL in Chromium', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([['seed']]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('asks to sign in when introspection is refused', async () => {
    const context = await server.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = await watch(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/graphiql`);
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.textContent()).toBe('请先以分析人员或管理员身份登录：返回首页登录');
    expect(await notice.getByRole('link', { name: '返回首页登录' }).getAttribute('href')).toBe('/');
    expect(seen.foreign).toEqual([]);
    await context.close();
  });

  it('the demo analyst, signed in on /, runs a query', async () => {
    const { page, errors } = await server.signedIn('analyst');
    const seen = await watch(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/graphiql`);
    const queryEditor = page.locator('.graphiql-query-editor .CodeMirror');
    await queryEditor.waitFor();
    await queryEditor.evaluate((element, text) => (element as unknown as { CodeMirror: { setValue(value: string): void } }).CodeMirror.setValue(text), '{ plans { totalCount } }');
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response .CodeMirror');
    const resultText = () => result.evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    await expect.poll(resultText).toContain('"totalCount": 2');
    expect(JSON.parse(await resultText())).toEqual({ data: { plans: { totalCount: 2 } } });
    await expect.poll(() => result.textContent()).toContain('"totalCount": 2');

    // The schema arrived (introspection is allowed for analysts): the documentation explorer shows it.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Root Types').waitFor();
    await docs.getByRole('link', { name: 'Query' }).first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'graphiql.png') });
    expect(seen.foreign).toEqual([]);
    expect(seen.violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
