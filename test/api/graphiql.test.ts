/**
 * The analysts' GraphiQL at /graphiql (client/graphiql.html, the client build's second entry): served
 * by the same HTTP app, self-contained (no URL of another host that the page could load), with the
 * Content-Security-Policy relaxed for that page alone (fonts as data: URLs).
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The harness first: it imports the app, which loads reflect-metadata before any decorated class.
import { type HttpApi, openHttpApi } from './http-harness.js';
import { CONTENT_SECURITY_POLICY } from '../../server/src/graphql/limits.js';

const graphiqlHtml = resolve(import.meta.dirname, '../../client/dist/graphiql.html');
const built = existsSync(graphiqlHtml);
if (!built) console.warn('graphiql test skipped: client/dist/graphiql.html is missing — run `pnpm build` first.');

/**
 * Absolute URLs the bundle contains as text, never as something the page fetches: XML namespaces of
 * SVG/MathML, the address in React's and graphql-js's error messages and scalar descriptions, and two
 * plain links in GraphiQL (its default logo, which this page replaces, and the keymap manual).
 */
const INERT_URLS = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1998/Math/MathML',
  'https://react.dev/errors/',
  'https://yarnpkg.com/en/docs/selective-version-resolutions',
  'https://en.wikipedia.org/wiki/IEEE_floating_point',
  'https://commonmark.org/',
  'https://github.com/graphql/graphiql',
  'https://codemirror.net/5/doc/manual.html#keymaps',
];

/** Absolute http(s) URLs with a literal host (not a template such as linkify's `http://${e.url}`). */
function absoluteUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[a-zA-Z0-9][^\s"'`)<>\\]*/g)].map((match) => match[0]);
}

describe.skipIf(!built)('GET /graphiql', () => {
  let api: HttpApi;
  beforeAll(async () => {
    api = await openHttpApi();
  });
  afterAll(() => api?.close());

  it('serves the GraphiQL page, not the editor, with a CSP relaxed only for its inline fonts', async () => {
    const page = await api.request('/graphiql');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="graphiql"></div>');
    expect(page.text).toContain('GraphiQL');
    expect(page.text).not.toContain('<div id="root"></div>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY.replace("font-src 'self'", "font-src 'self' data:"));
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe');

    // Everywhere else the policy is the strict one, the editor's page included.
    for (const path of ['/', '/graphiql/x', '/healthz']) {
      const other = await api.request(path);
      expect(other.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await api.request('/')).text).toContain('<div id="root"></div>');
  });

  it('opens with the analysts\' saved questions of docs/ANALYST.md as tabs', async () => {
    const page = await api.request('/graphiql');
    const entry = /src="(\/assets\/graphiql-[^"]+\.js)"/.exec(page.text)![1];
    const bundle = (await api.request(entry)).text;
    for (const name of ['NotMetIn2024', 'ScoreByDepartment', 'TargetAdjustments', 'BudgetByYear']) expect(bundle, name).toContain(`query ${name}`);
  });

  it('loads nothing from another host: the HTML and every JS/CSS file it reaches', async () => {
    const page = await api.request('/graphiql');
    expect(absoluteUrls(page.text)).toEqual([]);

    // The HTML's own assets, then every chunk those import (CodeMirror's add-ons are dynamic imports).
    const pending = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(pending.some((path) => path.endsWith('.js'))).toBe(true);
    expect(pending.some((path) => path.endsWith('.css'))).toBe(true);
    const seen = new Set<string>();
    const found = new Map<string, string>();
    while (pending.length) {
      const path = pending.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const asset = await api.request(path);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type'), path).toMatch(path.endsWith('.css') ? /^text\/css/ : /javascript/);
      for (const url of absoluteUrls(asset.text)) found.set(url, path);
      if (path.endsWith('.css')) {
        expect(asset.text, path).not.toMatch(/@import/);
        // Fonts and images inline (data:) or from this server only.
        for (const [, target] of asset.text.matchAll(/url\(\s*["']?([^"')]+)/g)) expect(target, path).toMatch(/^(data:|\/assets\/)/);
      }
      for (const [, name] of asset.text.matchAll(/["'`](?:\.\/|\/?assets\/)([\w.-]+\.(?:js|css))["'`]/g)) pending.push(`/assets/${name}`);
    }
    // Every file of the GraphiQL build was reached (so every one was checked).
    const files = readdirSync(resolve(graphiqlHtml, '../assets')).filter((name) => name.startsWith('graphiql-'));
    expect([...seen].map((path) => path.replace('/assets/', '')).sort()).toEqual(files.sort());
    const foreign = [...found].filter(([url]) => !INERT_URLS.includes(url)).map(([url, path]) => `${url} in ${path}`);
    expect(foreign).toEqual([]);
    // No CDN, remote font or worker script in any form.
    const everything = [...found.keys()].join('\n');
    expect(everything).not.toMatch(/unpkg|jsdelivr|cdnjs|googleapis|gstatic|esm\.sh/);
  });
});
