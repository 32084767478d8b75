import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/sqlite';
import type { Context } from './graphql/context.js';
import { graphqlSchema } from './graphql/schema.js';

/** The GraphQL server over an open database; HTTP is wired in main.ts, tests call it directly. */
export async function createApolloServer(): Promise<ApolloServer<Context>> {
  const production = process.env.NODE_ENV === 'production';
  const server = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    // The default landing page loads from a CDN; government intranets have no network.
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: !production,
  });
  await server.start();
  return server;
}

export function contextFor(orm: MikroORM): Context {
  return { em: orm.em.fork() };
}
