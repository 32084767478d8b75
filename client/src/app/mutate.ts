import type { DocumentNode } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import type { UserError } from '../graphql/types';
import { t } from '../i18n/zh-CN';
import { isUnauthenticated, waitForSignIn } from './session';

/** Outcome of one mutation as a cell sees it: nothing wrong, or the messages to show at the cell. */
export interface MutationOutcome<P = Record<string, unknown>> {
  payload: P | null;
  userErrors: UserError[];
  /** Network or server failure: the typed input must stay where it is. */
  failure: string | null;
}

export function messageOf(outcome: MutationOutcome<unknown>): string | null {
  if (outcome.failure) return outcome.failure;
  if (outcome.userErrors.length) return outcome.userErrors.map((e) => e.message).join('；');
  return null;
}

export interface MutateOptions {
  /** Re-read the plan after structural changes (add, move, delete) so lists and positions follow. */
  refetch?: DocumentNode[];
}

/** Runs a mutation whose payload sits under `key` and never throws. */
export function useMutate() {
  const client = useApolloClient();
  return useCallback(
    async <P = Record<string, unknown>>(
      key: string,
      mutation: DocumentNode,
      variables: Record<string, unknown>,
      options: MutateOptions = {},
    ): Promise<MutationOutcome<P>> => {
      // A save refused because the session ended waits for the user to sign in again, then goes
      // out once more with the same values (and the same expected version).
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await client.mutate<Record<string, P & { userErrors?: UserError[] }>>({
            mutation,
            variables,
            refetchQueries: options.refetch,
            awaitRefetchQueries: true,
          });
          const payload = result.data?.[key] ?? null;
          return { payload, userErrors: payload?.userErrors ?? [], failure: null };
        } catch (error) {
          if (isUnauthenticated(error) && attempt < 3) {
            await waitForSignIn();
            continue;
          }
          return { payload: null, userErrors: [], failure: failureMessage(error) };
        }
      }
    },
    [client],
  );
}

function failureMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return `${t.errors.failed}：${error.errors.map((e) => e.message).join('；')}`;
  if (ServerError.is(error)) return `${t.errors.server}（HTTP ${error.statusCode}）`;
  return t.errors.network;
}
