/**
 * Absurdly nested JSON (issue 9 item 7): a plan document 10,000 levels deep is refused with a clear
 * TOO_DEEP error by the API's importPlanDocument and by the CLI import — never a stack overflow or a 500.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The harness first: it imports the app, which loads reflect-metadata before any decorated class.
import { type HttpApi, openHttpApi } from './http-harness.js';
import { readFixture } from './harness.js';
import { importFiles } from '../../server/src/cli/main.js';
import { jsonDepth, MAX_JSON_DEPTH } from '../../server/src/modules/validation.js';

const LEVELS = 10_000;
/** The fixture with its line items nested `levels` deep, as JSON text (JSON.stringify itself would overflow). */
function deepDocumentText(levels: number): string {
  const document = { ...readFixture('shifeng'), lineItems: '__LINE_ITEMS__' };
  const open = '{"name":"子项","kind":"initial","children":[';
  return JSON.stringify(document).replace('"__LINE_ITEMS__"', `[${open.repeat(levels)}${']}'.repeat(levels)}]`);
}
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { field code message } } }';

describe('deeply nested JSON', () => {
  let api: HttpApi;
  let admin: string;
  const folder = mkdtempSync(join(tmpdir(), 'jixiao-deep-'));
  beforeAll(async () => {
    api = await openHttpApi();
    admin = await api.addUser('admin', 'ADMIN');
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await api?.close();
  });

  it('measures depth without recursion', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth([])).toBe(1);
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3);
    expect(jsonDepth(JSON.parse(nestedArrays(100_000)))).toBe(MAX_JSON_DEPTH + 1);
    expect(jsonDepth(readFixture('shifeng'))).toBeLessThan(MAX_JSON_DEPTH / 2);
  });

  it('importPlanDocument refuses a document 10,000 levels deep with TOO_DEEP, writing nothing', async () => {
    const before = await api.dump();
    const body = `{"query":${JSON.stringify(IMPORT)},"variables":{"d":${deepDocumentText(LEVELS)}}}`;
    const reply = await api.post(body, { token: admin });
    expect(reply.status).toBe(200);
    expect(reply.json.data.importPlanDocument).toEqual({
      plan: null,
      userErrors: [{ field: ['document'], code: 'TOO_DEEP', message: 'JSON 嵌套超过 64 层 (nested deeper than 64 levels)' }],
    });
    // 10,000 nested arrays anywhere in it, too.
    const arrays = await api.post(`{"query":${JSON.stringify(IMPORT)},"variables":{"d":{"source":${nestedArrays(LEVELS)}}}}`, { token: admin });
    expect(arrays.json.data.importPlanDocument.userErrors[0].code).toBe('TOO_DEEP');
    expect(await api.dump()).toEqual(before);
  });

  it('a deep literal in the query text is refused before the parser recurses into it', async () => {
    for (const levels of [LEVELS, 2_000, 99]) {
      const literal = await api.post({ query: `mutation { importPlanDocument(document: { a: ${nestedArrays(levels)} }) { plan { id } } }` }, { token: admin });
      expect(literal.status).toBe(400);
      expect(literal.json.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
      expect(literal.json.errors[0].message).toBe(`查询文本嵌套 ${levels + 3} 层，超过上限 100 (query text nested ${levels + 3} levels; the limit is 100)`);
    }
    // Brackets inside strings and comments are text, not nesting.
    const quoted = await api.post({ query: `query { parseIndicatorValue(text: "${'['.repeat(200)}\\"", name: """${'{'.repeat(200)}""") { raw } } # ${'('.repeat(200)}` }, { token: admin });
    expect(quoted.status).toBe(200);
    // Below the text limit, the document's own rule answers.
    const shallower = await api.post({ query: `mutation { importPlanDocument(document: { a: ${nestedArrays(90)} }) { plan { id } userErrors { code } } }` }, { token: admin });
    expect(shallower.status).toBe(200);
    expect(shallower.json.data.importPlanDocument.userErrors[0].code).toBe('TOO_DEEP');
  });

  it('the CLI import refuses it with a clear message and exit code 1', { timeout: 60_000 }, async () => {
    const path = join(folder, 'deep.json');
    writeFileSync(path, deepDocumentText(LEVELS));
    await expect(importFiles(api.orm, [path], () => {})).rejects.toThrow(/document: JSON 嵌套超过 64 层 \(nested deeper than 64 levels\) \[TOO_DEEP\]/);
    const arrays = join(folder, 'arrays.json');
    writeFileSync(arrays, nestedArrays(LEVELS));
    await expect(importFiles(api.orm, [arrays], () => {})).rejects.toThrow(/TOO_DEEP/);

    const tsx = resolve(import.meta.dirname, '../../server/node_modules/.bin/tsx');
    const cli = resolve(import.meta.dirname, '../../server/src/cli/main.ts');
    const result = await promisify(execFile)(tsx, [cli, 'import', path], { env: { ...process.env, JIXIAO_DB: join(folder, 'cli.sqlite') } }).catch((error) => error);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JSON 嵌套超过 64 层');
    expect(result.stderr).not.toMatch(/RangeError|Maximum call stack/);
  });
});
