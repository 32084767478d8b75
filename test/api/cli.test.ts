import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, openApi, readFixture } from './harness.js';

const run = promisify(execFile);
const TSX = resolve(import.meta.dirname, '../../server/node_modules/.bin/tsx');
const CLI = resolve(import.meta.dirname, '../../server/src/cli/main.ts');
const folder = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function cli(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { env: { ...process.env, JIXIAO_DB: db, INIT_CWD: folder } });
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

describe('pnpm cli', () => {
  it('imports plan documents with a line per plan, idempotently, and exports one by short name', async () => {
    const db = join(folder, 'import.sqlite');
    const first = await cli(db, 'import', FIXTURES.shifeng, FIXTURES.yanfeng);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^新建 created {2}中共株洲市石峰区委员会宣传部 2021 年度 \(plan 1\)/),
      expect.stringMatching(/^新建 created {2}中共雁峰区委宣传部 2024 年度 \(plan 2\)/),
    ]);
    const again = await cli(db, 'import', FIXTURES.shifeng);
    expect(again.stdout).toMatch(/^替换 replaced {2}中共株洲市石峰区委员会宣传部 2021 年度 \(plan 1\)/);

    const exported = await cli(db, 'export', '--department', '雁峰区委宣传部', '--year', '2024');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(readFixture('yanfeng'));
  }, 180_000); // each step starts a tsx process: seconds apiece on a loaded machine

  it('refuses an invalid document with a readable message, exits non-zero and writes nothing — even beside a valid one', async () => {
    const db = join(folder, 'invalid.sqlite');
    const broken = readFixture('shifeng');
    broken.budget.total.initial = '-5';
    delete broken.year;
    const file = join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const result = await cli(db, 'import', FIXTURES.yanfeng, 'broken.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不符合计划文件格式，未写入任何数据');
    expect(result.stderr).toContain('document.year: 缺少必填字段 year');

    const notJson = join(folder, 'not.json');
    writeFileSync(notJson, '{ "year": ');
    expect((await cli(db, 'import', notJson)).stderr).toContain('不是有效的 JSON');
    expect((await cli(db, 'import', 'missing.json')).stderr).toContain('无法读取文件');
    expect((await cli(db, 'export', '--department', '无此部门', '--year', '2024')).code).toBe(1);

    const api = await openApi(db);
    expect((await api.gql('{ plans { totalCount } departments { totalCount } }')).plans.totalCount).toBe(0);
    await api.close();
  }, 180_000); // each step starts a tsx process: seconds apiece on a loaded machine
});
