import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/sqlite';
import express from 'express';
import { existsSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { clientAssets } from './client-assets.js';
import type { Context } from './graphql/context.js';
import { fieldSuggestionGuard, formatErrorFor, introspectionGuard, LIMITS, maxQueryCost, queryCostGuard, queryLimitsRules, requestGuard, securityHeaders } from './graphql/limits.js';
import { leanGraphqlRoute } from './graphql/lean-route.js';
import { fastExecutionPlugin } from './graphql/fast-execute.js';
import { graphqlJsonBody } from './graphql/json-body.js';
import { graphqlSchema } from './graphql/schema.js';
import { analysisExport } from './modules/analysis/analysis-export.route.js';
import { planReadSlotsPlugin, restartPacing } from './modules/plan/plan-content.js';
import { planWorkbookDownload } from './modules/plan-workbook/plan-workbook.route.js';
import { type Actor, bindActor } from './modules/user/access.js';
import { actorForToken, SESSION_COOKIE, tokenFrom } from './modules/user/session.service.js';

/** The queries the fast executor takes (all the operation's root fields among them): the whole-plan reads. */
const FAST_QUERIES: ReadonlySet<string> = new Set(['plan', 'planByYear']);

/** The GraphQL server; HTTP is wired in createHttpApp, tests call it directly (fastExecution: false, graphql-js alone: for comparisons). */
export async function createApolloServer(options: { fastExecution?: boolean } = {}): Promise<ApolloServer<Context>> {
  const production = process.env.NODE_ENV === 'production';
  const server = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    // The default landing page loads from a CDN; government intranets have no network.
    // Cache control is off: /graphql answers no-store anyway (securityHeaders), and the plugin's per-field
    // hook made Apollo wrap every resolver — thousands of calls on a whole-plan read (issue 12).
    // Plan reads executed without graphql-js's per-field objects (graphql/fast-execute.ts); graphql-js
    // answers every request that one does not take or gives up on.
    // The lean route (graphql/lean-route.ts) answers the single-indicator edits and plan reads without this
    // pipeline: what a plugin here adds to those requests must be added there too (lean-route.test.ts compares).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      planReadSlotsPlugin(),
      introspectionGuard(production),
      queryCostGuard(),
      fieldSuggestionGuard(),
      ...(options.fastExecution === false ? [] : [fastExecutionPlugin<Context>(FAST_QUERIES, (context) => restartPacing(context.em))]),
    ],
    includeStacktraceInErrorResponses: !production,
    // Limits and hardening (issue 6 item 6): see graphql/limits.ts.
    introspection: true, // gated per actor in production by introspectionGuard
    csrfPrevention: true,
    persistedQueries: false, // the client sends whole documents; no cache for anyone to fill
    validationRules: queryLimitsRules(),
    // graphql-js's own token limit: the parser stops at the limit (GRAPHQL_PARSE_FAILED), no second parse.
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError: formatErrorFor(production),
  });
  await server.start();
  return server;
}

/** A request's context: its own EntityManager, bound to who is asking. */
export function contextFor(orm: MikroORM, actor: Actor | null = null, http?: Context['http']): Context {
  const em = orm.em.fork();
  bindActor(em, actor);
  return { em, actor, http };
}

/**
 * Express's `trust proxy` from env JIXIAO_TRUST_PROXY: unset or "false" trusts no proxy (the socket's
 * address is the client's); "true" trusts every hop; a number the closest N hops; anything else is
 * Express's list of trusted addresses or subnets ("loopback", "10.0.0.0/8, 127.0.0.1"). It decides
 * req.ip (sign-in throttling) and req.secure (the session cookie's Secure flag, from X-Forwarded-Proto).
 */
export function trustProxy(value = process.env.JIXIAO_TRUST_PROXY?.trim() ?? ''): boolean | number | string {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * A GraphQL request's context over HTTP: its own EntityManager, bound to the session's user (one statement, no
 * second fork). The request and response are express's, or node's own on the lean route (which answers before
 * express): those become express's (as express's app.handle makes them) only when sign-in or sign-out needs
 * express's `req.ip`, `req.secure` or `res.cookie`, which the lean route's operations never do.
 */
async function httpContext(orm: MikroORM, app: express.Express, request: IncomingMessage, response: ServerResponse): Promise<Context> {
  const token = tokenFrom(request.headers);
  const asExpress = () => {
    if (Object.getPrototypeOf(request) !== app.request) {
      Object.assign(request, { res: response });
      Object.assign(response, { req: request });
      Object.setPrototypeOf(request, app.request);
      Object.setPrototypeOf(response, app.response);
    }
    return { request: request as express.Request, response: response as express.Response };
  };
  const context = contextFor(orm, null, {
    // The client's address (behind a trusted proxy: from X-Forwarded-For), for sign-in throttling.
    get address() {
      const { request: expressRequest } = asExpress();
      return expressRequest.ip ?? expressRequest.socket.remoteAddress ?? 'unknown';
    },
    token,
    setSessionCookie(value, maxAgeSeconds) {
      const { request: expressRequest, response: expressResponse } = asExpress();
      expressResponse.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: expressRequest.secure, path: '/', maxAge: maxAgeSeconds * 1000 });
    },
  });
  const session = await actorForToken(context.em, token);
  if (session) bindActor(context.em, (context.actor = session.actor));
  return context;
}

/**
 * One HTTP app: /graphql, /healthz, and the built client with an SPA fallback, as a request listener for node's
 * HTTP server. The lean route (graphql/lean-route.ts) answers the single-indicator edits and plan reads before
 * express sees them (issue 12: express's own dispatch, its request and response prototypes swapped in and its
 * router, with the pool's acquire per statement in db/orm.ts, was 0.16–0.36 ms of a small read's 1.1–1.4 ms of
 * main-thread CPU); every request it does not answer goes to express as it came. `leanRoute: false` leaves every request to express and Apollo.
 */
export async function createHttpApp(
  orm: MikroORM,
  options: { leanRoute?: boolean } = {},
): Promise<{ listener: RequestListener; apollo: ApolloServer<Context>; assetsReady: Promise<void> }> {
  const apollo = await createApolloServer();
  const app = express();
  app.disable('x-powered-by');
  // No ETag on res.send's answers (/graphql, /healthz): they are no-store, and hashing each one was ≈ 4 % of a
  // typical plan read's CPU (issue 12). The client's files have their own (client-assets.ts, express's sendFile).
  app.set('etag', false);
  app.set('trust proxy', trustProxy());
  const production = process.env.NODE_ENV === 'production';
  const lean =
    options.leanRoute === false
      ? null
      : leanGraphqlRoute({
          schema: await graphqlSchema(),
          context: (request, response) => httpContext(orm, app, request, response),
          formatError: formatErrorFor(production),
          includeStacktrace: !production,
          maxCost: maxQueryCost(),
          fastQueries: FAST_QUERIES,
        });
  // An error the lean route met (a body that is not JSON, a failure while answering) goes on through express's
  // error handlers, as if a middleware had passed it on.
  const leanErrors = new WeakMap<IncomingMessage, unknown>();
  if (lean) app.use((request, _response, next) => next(leanErrors.get(request)));
  app.use(securityHeaders);
  app.use(
    '/graphql',
    graphqlJsonBody, // express.json({ limit: '5mb' }), read without its layers for a plain JSON body
    requestGuard,
    expressMiddleware(apollo, { context: ({ req, res }) => httpContext(orm, app, req, res) }),
  );
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/export/plans/:id.xlsx', planWorkbookDownload(orm));
  // Analysts' tables (issue 11 item 7): any indicators or planStats question, streamed.
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/export/indicators.${format}`, analysisExport(orm, 'indicators', format));
    app.get(`/export/plan-stats.${format}`, analysisExport(orm, 'plan-stats', format));
  }

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
  let assetsReady = Promise.resolve();
  if (existsSync(clientDist)) {
    // Precompressed (brotli, gzip) and cached by kind: see client-assets.ts.
    const assets = clientAssets(clientDist);
    assetsReady = assets.ready;
    app.use(assets.serve);
    // Files added to the build after start: plain, revalidated.
    app.use(express.static(clientDist, { cacheControl: false, setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache') }));
    // The analysts' GraphiQL (client/graphiql.html, a second Vite entry): /graphiql on the same port.
    app.get('/graphiql', (request, response, next) => assets.send('/graphiql.html', request, response, next));
    app.get(/^\/(?!graphql).*/, (request, response, next) => assets.send('/index.html', request, response, next));
  }
  const listener: RequestListener = lean
    ? (request, response) =>
        lean(request, response, (error) => {
          if (error !== undefined) leanErrors.set(request, error);
          app(request, response);
        })
    : app;
  return { listener, apollo, assetsReady };
}
