import 'reflect-metadata';
import { createServer } from 'node:http';
import { createHttpApp } from './app.js';
import { databasePath, openDatabase } from './db/orm.js';

const port = Number(process.env.PORT ?? 4000);
const dbPath = databasePath();
const orm = await openDatabase(dbPath);
const { listener, apollo } = await createHttpApp(orm, { leanRoute: process.env.JIXIAO_LEAN_ROUTE !== '0' });

const server = createServer(listener).listen(port, () => {
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
