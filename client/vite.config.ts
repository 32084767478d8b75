import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves client/dist at / on the same port as /graphql; in development Vite proxies to it.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': process.env.JIXIAO_API ?? 'http://localhost:4100' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
