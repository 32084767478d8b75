import { ApolloClient, ApolloLink, DocumentTransform, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { map } from 'rxjs';
import { t } from '../i18n/zh-CN';
import { reportProblem } from './error-store';
import { applyReading } from './reading-transform';

/** Does the server have the value-reading API (issue 4)? Asked once, before the first render. */
export async function serverHasReading(uri = '/graphql'): Promise<boolean> {
  try {
    const response = await fetch(uri, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __type(name: "IndicatorValue") { name } }' }),
    });
    const body = (await response.json()) as { data?: { __type: { name: string } | null } };
    return Boolean(body.data?.__type);
  } catch {
    return false;
  }
}

export function createClient(reading: boolean, uri = '/graphql'): ApolloClient {
  const errorLink = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error)) {
      reportProblem({ kind: 'server', message: `${t.errors.server}：${error.errors.map((e) => e.message).join('；')}` });
    } else if (ServerError.is(error)) {
      reportProblem({ kind: 'server', message: `${t.errors.server}（HTTP ${error.statusCode}）` });
    } else {
      reportProblem({ kind: 'network', message: t.errors.network });
    }
  });
  const clearOnSuccess = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      map((result) => {
        if (!result.errors?.length) reportProblem(null);
        return result;
      }),
    ),
  );
  return new ApolloClient({
    link: ApolloLink.from([errorLink, clearOnSuccess, new HttpLink({ uri })]),
    documentTransform: new DocumentTransform((document) => applyReading(document, reading)),
    cache: new InMemoryCache({
      typePolicies: {
        // Objects without ids are parts of their owner: replace them whole.
        StageAmounts: { merge: true },
        Budget: { merge: true },
        Plan: { fields: { budget: { merge: true } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
