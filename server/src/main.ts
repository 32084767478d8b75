import 'reflect-metadata';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { contextFor, createApolloServer } from './app.js';
import { databasePath, openDatabase } from './db/orm.js';

const port = Number(process.env.PORT ?? 4000);
const dbPath = databasePath();
const orm = await openDatabase(dbPath);
const apollo = await createApolloServer();

const app = express();
app.disable('x-powered-by');
app.use('/graphql', express.json({ limit: '5mb' }), expressMiddleware(apollo, { context: async () => contextFor(orm) }));
app.get('/healthz', (_request, response) => {
  response.json({ ok: true });
});

// A body that is too large or not JSON gets a GraphQL-shaped error, never an HTML page or a stack.
app.use('/graphql', (error: { status?: number; type?: string }, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
  const tooLarge = error.type === 'entity.too.large';
  response.status(error.status ?? 400).json({
    errors: [
      {
        message: tooLarge ? '请求过大（上限 5 MB）(request body too large)' : '请求体不是有效的 JSON (request body is not valid JSON)',
        extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
      },
    ],
  });
});

const clientDist = resolve(import.meta.dirname, '../../client/dist');
if (existsSync(clientDist)) {
  app.use(express.static(clientDist));
  app.get(/^\/(?!graphql).*/, (_request, response) => response.sendFile(resolve(clientDist, 'index.html')));
}

const server = app.listen(port, () => {
  console.log(`绩效 server ready: http://localhost:${port}/  (GraphQL: http://localhost:${port}/graphql, database: ${dbPath})`);
});

async function shutdown(): Promise<void> {
  server.close();
  await apollo.stop();
  await orm.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
