/**
 * Printing a plan (issue 13 item 2), in real headless Chromium: with print media emulated at the width of an
 * A4 landscape page (297 mm − 2 × 10 mm margins ≈ 1047 CSS px), only the form prints — no header, buttons,
 * section links or 勾稽关系 panel — and no table is wider than the page (no cell cut off). page.pdf() then
 * produces the document. Needs `pnpm build` first; skips with a message otherwise.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, missing, startServer, type TestServer } from './harness';

/** A4 landscape content width at 96 px/in: (297 − 20) mm. */
const PAGE_WIDTH = Math.floor(((297 - 20) / 25.4) * 96);

async function printedLayout(page: Page) {
  return page.evaluate(() => {
    const hidden = (element: Element) => getComputedStyle(element).display === 'none' || (element as HTMLElement).offsetParent === null;
    const tables = [...document.querySelectorAll('.form-sheet table')].filter((table) => !hidden(table));
    return {
      tables: tables.length,
      widest: Math.max(...tables.map((table) => table.scrollWidth)),
      overflowing: tables.filter((table) => table.scrollWidth > table.clientWidth + 1 || table.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((table) => table.className),
      cutCells: [...document.querySelectorAll('.form-sheet td, .form-sheet th')].filter((cell) => !hidden(cell) && cell.scrollWidth > cell.clientWidth + 2).length,
      visibleButtons: [...document.querySelectorAll('button')].filter((button) => !hidden(button)).map((button) => button.textContent),
      header: document.querySelector('.app-header') ? hidden(document.querySelector('.app-header')!) : true,
      checks: document.querySelector('.checks') ? hidden(document.querySelector('.checks')!) : true,
      gapDetails: [...document.querySelectorAll('[data-gap-detail]')].filter((detail) => !hidden(detail)).length,
    };
  });
}

describe.skipIf(missing.length > 0)('print (A4 landscape, the form only)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([['seed']]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(['planning', 'evaluation'] as const)('the %s view prints every column on the page, without header or buttons', async (view) => {
    const { page, errors } = await server.signedIn('admin', `#/plans/1/${view}`);
    await page.locator('.form-sheet table').first().waitFor();
    await page.setViewportSize({ width: PAGE_WIDTH, height: 1200 });
    await page.emulateMedia({ media: 'print' });
    const layout = await printedLayout(page);
    expect(layout.tables).toBeGreaterThan(3);
    expect(layout.header).toBe(true);
    expect(layout.checks).toBe(true);
    expect(layout.visibleButtons).toEqual([]);
    expect(layout.overflowing).toEqual([]);
    expect(layout.widest).toBeLessThanOrEqual(PAGE_WIDTH);
    expect(layout.cutCells).toBe(0);
    if (view === 'evaluation') expect(layout.gapDetails).toBeGreaterThan(0);
    const pdf = await page.pdf({ preferCSSPageSize: true, path: join(artifacts, `print-${view}.pdf`) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });
});
