import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // type-graphql and @apollo/server must share one `graphql` module instance (STACK.md pitfall 3).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['server/src/**/*.test.ts', 'test/api/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
