import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Component tests of the client: jsdom, React's JSX transform. Run from the root `npx vitest run`.
export default defineProject({
  plugins: [react()],
  // The shared vocabulary from its source, like tsconfig's paths.
  resolve: { alias: { '@jixiao/vocabulary': fileURLToPath(new URL('../vocabulary/src/index.ts', import.meta.url)) } },
  test: {
    name: 'client',
    root: import.meta.dirname,
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
  },
});
