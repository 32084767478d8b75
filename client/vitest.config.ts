import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// Component tests of the client: jsdom, React's JSX transform. Run from the root `npx vitest run`.
export default defineProject({
  plugins: [react()],
  test: {
    name: 'client',
    root: import.meta.dirname,
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
  },
});
