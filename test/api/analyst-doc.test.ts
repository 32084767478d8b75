/**
 * Issue 11 item 8: docs/ANALYST.md is a guide whose every ```graphql block runs. Each block is run as an
 * analyst against the demo data (the two documents in server/demo-data, imported as `pnpm cli seed` does):
 * no errors, an answer that is not empty (unless the block says 演示数据中为空), and exactly the ```json
 * answer the guide prints after it. The same blocks are the saved queries of /graphiql
 * (client/src/graphiql/examples.ts). `UPDATE_ANALYST_DOC=1 pnpm vitest run test/api/analyst-doc.test.ts`
 * rewrites the answers after a deliberate change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';
import { graphqlBlocks } from '../../client/src/graphiql/examples.js';

const GUIDE = resolve(import.meta.dirname, '../../docs/ANALYST.md');
const EMPTY_ON_DEMO = '演示数据中为空';
const ANALYST = { id: 1, name: '分析人员', role: 'ANALYST' as const, departmentIds: [] };

/** Each graphql block with the json block right after it (blank lines and one line of text between allowed). */
function examples(markdown: string): { query: string; answer: string | null; end: number; answerStart: number; answerEnd: number }[] {
  return [...markdown.matchAll(/^```graphql\r?\n([\s\S]*?)^```\r?\n/gm)].map((match) => {
    const end = match.index! + match[0].length;
    const next = /^((?:[^\n`]*\n){0,3}?)```json\r?\n([\s\S]*?)^```\r?\n/m.exec(markdown.slice(end));
    const adjacent = next && next.index === 0;
    return {
      query: match[1],
      answer: adjacent ? next[2] : null,
      end,
      answerStart: adjacent ? end + next[1].length : end,
      answerEnd: adjacent ? end + next[0].length : end,
    };
  });
}

/** JSON indented by two, each object or list on one line when that line stays short: answers a person can read. */
function compactJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 110 || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${inner}${compactJson(item, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('totalCount' in record) return record.totalCount === 0;
    if ('nodes' in record) return isEmpty(record.nodes);
    return Object.values(record).every(isEmpty);
  }
  return false;
}

describe('docs/ANALYST.md', () => {
  let api: Api;
  const markdown = readFileSync(GUIDE, 'utf8');
  const blocks = examples(markdown);

  beforeAll(async () => {
    api = await openApi();
    // Imported as `pnpm cli seed` does: by the system, not by a signed-in person.
    const system = api.as({ id: 0, name: '系统', role: 'ADMIN', departmentIds: [] });
    for (const fixture of ['shifeng', 'yanfeng'] as const) {
      const { importPlanDocument } = await system.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { message } } }', { d: readFixture(fixture) });
      expect(importPlanDocument.userErrors).toEqual([]);
    }
  });
  afterAll(() => api?.close());

  it('has the saved queries GraphiQL shows, each with its answer', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    expect(graphqlBlocks(markdown)).toHaveLength(blocks.length);
    // GraphiQL names each tab by its operation: every block is one named query.
    const names = blocks.map((block) => /^\s*(?:#[^\n]*\n\s*)*query\s+([A-Za-z_]\w*)/.exec(block.query)?.[1]);
    expect(names.every(Boolean), JSON.stringify(names)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    // The guide is bundled into /graphiql, which must name no other host.
    expect(markdown).not.toMatch(/https?:\/\//);
  });

  it('answers every documented question on the demo data, exactly as the guide says', async () => {
    const analyst = api.as(ANALYST);
    let rewritten = markdown;
    for (const block of [...blocks].reverse()) {
      const reply = await analyst.raw(block.query);
      expect(reply.errors, block.query).toBeUndefined();
      const empty = isEmpty(reply.data);
      expect(empty, `${block.query}\nanswered nothing`).toBe(block.query.includes(EMPTY_ON_DEMO));
      const answer = `${compactJson(reply.data)}\n`;
      if (process.env.UPDATE_ANALYST_DOC) {
        rewritten = `${rewritten.slice(0, block.answerStart)}${block.answer === null ? '\n答案（演示数据）：\n\n' : ''}\`\`\`json\n${answer}\`\`\`\n${rewritten.slice(block.answerEnd)}`;
      } else {
        expect(block.answer, `${block.query}\nhas no \`\`\`json answer after it`).not.toBeNull();
        expect(JSON.parse(block.answer!), block.query).toEqual(reply.data);
      }
    }
    if (process.env.UPDATE_ANALYST_DOC && rewritten !== markdown) writeFileSync(GUIDE, rewritten);
  });
});
