// @vitest-environment node
import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '../../codegen';

// The committed client types (src/graphql/generated/) are what client/codegen.ts makes from
// schema/schema.graphql and the documents now: regenerated here in memory and compared file by file.
const clientRoot = resolve(import.meta.dirname, '../..');

describe('generated client types (src/graphql/generated)', () => {
  it('match schema/schema.graphql and the documents — run `pnpm --filter @jixiao/client codegen` when this fails', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: clientRoot, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      const committed = readFileSync(resolve(clientRoot, filename), 'utf8');
      expect(committed === content, `${filename} is stale: run \`pnpm --filter @jixiao/client codegen\` and commit the result`).toBe(true);
    }
  }, 60_000);
});
