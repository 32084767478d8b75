import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { map } from 'rxjs';
import { t } from '../i18n/zh-CN';
import { reportProblem } from './error-store';
import { isUnauthenticated, requireSignIn } from './session';
import { chineseOnly } from './text';

export function createClient(uri = '/graphql'): ApolloClient {
  const errorLink = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) {
      // Not a server fault: the session ended. Ask for sign-in over the page; saves wait for it.
      requireSignIn();
    } else if (CombinedGraphQLErrors.is(error)) {
      reportProblem({ kind: 'server', message: `${t.errors.server}：${error.errors.map((e) => chineseOnly(e.message)).join('；')}` });
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
