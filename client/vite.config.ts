import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

// The shared vocabulary (@jixiao/vocabulary) from its source, like tsconfig's paths: no build step needed.
const resolve = { alias: { '@jixiao/vocabulary': fileURLToPath(new URL('../vocabulary/src/index.ts', import.meta.url)) } };

// The server serves client/dist at / on the same port as /graphql; in development Vite proxies to it.
const main: UserConfig = {
  plugins: [react()],
  resolve,
  server: {
    port: 5173,
    proxy: { '/graphql': process.env.JIXIAO_API ?? 'http://localhost:4100' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
};

// `vite build --mode graphiql` (the second step of `build`): the analysts' GraphiQL page at /graphiql,
// built on its own so it shares no chunk with the editor and the editor's first screen stays as it was.
// It writes next to the editor's build (no emptying) and names every file graphiql-*.
const graphiql: UserConfig = {
  plugins: [react()],
  resolve,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    // One ~1 MB entry (GraphiQL, CodeMirror 5, React, graphql): fine for a tool page that is not the editor.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // react-compiler-runtime's "use no memo" directive, harmless once bundled.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
      input: fileURLToPath(new URL('graphiql.html', import.meta.url)),
      output: {
        entryFileNames: 'assets/graphiql-[hash].js',
        chunkFileNames: 'assets/graphiql-[name]-[hash].js',
        assetFileNames: 'assets/graphiql-[name]-[hash][extname]',
      },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'graphiql' ? graphiql : main));
