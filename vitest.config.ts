import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const serverAlias = {
  alias: [
    // type-graphql and @apollo/server must share one `graphql` module instance (STACK.md pitfall 3).
    { find: /^graphql$/, replacement: 'graphql/index.js' },
    // The shared vocabulary from its source, as tsc and tsx read it (tsconfig paths): no build needed.
    { find: /^@jixiao\/vocabulary$/, replacement: fileURLToPath(new URL('./vocabulary/src/index.ts', import.meta.url)) },
  ],
};

export default defineConfig({
  resolve: serverAlias,
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        resolve: serverAlias,
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'test/api/**/*.test.ts', 'vocabulary/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          pool: 'forks',
        },
      },
      // Component tests: jsdom and the React plugin (client/vitest.config.ts).
      'client/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // A real server and a real Chromium: give them time.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
