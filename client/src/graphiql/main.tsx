import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLE_QUERIES } from './examples';

/**
 * The analysts' query tool at /graphiql: GraphiQL 4 (CodeMirror 5, every file bundled by Vite, its
 * fonts inlined in its CSS; nothing is loaded from another host). It talks to /graphql on the same
 * origin with the session cookie the sign-in page at / sets. In production the server answers the
 * schema introspection only for signed-in analysts and administrators; otherwise this page says so.
 */

type Fetcher = GraphiQLProps['fetcher'];
type FetcherParams = Parameters<Fetcher>[0];
type FetcherOptions = Parameters<Fetcher>[1];

const DEFAULT_QUERY = `# 绩效 GraphQL 查询。Ctrl+Enter 运行；左侧「文档」图标可浏览模式说明。
# 示例：各部门、各年度的绩效目标表
{
  plans(first: 20) {
    totalCount
    nodes {
      year
      status
      department { name }
    }
  }
}
`;

function isIntrospection(params: FetcherParams): boolean {
  return params.operationName === 'IntrospectionQuery' || /\b__schema\b/.test(params.query);
}

function isForbidden(status: number, body: unknown): boolean {
  if (status === 401 || status === 403) return true;
  const errors = (body as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors;
  return Array.isArray(errors) && errors.some((error) => error?.extensions?.code === 'FORBIDDEN' || error?.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * GraphiQL's requests as Apollo's CSRF prevention wants them: JSON POSTs. The session cookie is
 * HttpOnly, so `credentials: 'same-origin'` is how it gets sent.
 */
function createFetcher(onIntrospection: (refused: boolean) => void): Fetcher {
  return async (params: FetcherParams, options?: FetcherOptions) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        ...(options?.headers as Record<string, string> | undefined),
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
    }
    if (isIntrospection(params)) onIntrospection(isForbidden(response.status, body));
    return body as Awaited<ReturnType<Fetcher>>;
  };
}

function App() {
  const [refused, setRefused] = useState(false);
  const fetcher = useMemo(() => createFetcher(setRefused), []);
  return (
    <>
      {refused && (
        <p className="jixiao-graphiql-notice" role="alert">
          请先以分析人员或管理员身份登录：<a href="/">返回首页登录</a>
        </p>
      )}
      <div className="jixiao-graphiql-main">
        {/* The first tab is the overview; the analysts' saved questions (docs/ANALYST.md) follow, one tab each. */}
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultTabs={[{ query: DEFAULT_QUERY }, ...EXAMPLE_QUERIES.map((query) => ({ query }))]}>
          <GraphiQL.Logo>
            <a className="jixiao-graphiql-home" href="/">
              绩效
            </a>{' '}
            · GraphQL 查询
          </GraphiQL.Logo>
        </GraphiQL>
      </div>
    </>
  );
}

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
