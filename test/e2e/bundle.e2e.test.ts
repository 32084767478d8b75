/**
 * The editor's first screen stays under its JS budget (docs/BENCHMARKS.md: 250 KB gzipped): every script
 * index.html loads or preloads, gzipped at level 9, and ECharts is not among them (the charts load it on
 * first use, as their own chunk). Needs `pnpm build` first; skips otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { root } from './harness';

const dist = join(root, 'client/dist');
const BUDGET = 250 * 1000;

describe.skipIf(!existsSync(join(dist, 'index.html')))('client bundle budget', () => {
  it('the first screen\'s JS is under 250 KB gzipped, without ECharts', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const sources = scripts.map((path) => readFileSync(join(dist, path)));
    const gzipped = sources.reduce((sum, source) => sum + gzipSync(source, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(BUDGET);
    for (const source of sources) expect(source.includes('zrender')).toBe(false);
  });
});
