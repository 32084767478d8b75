import type { ApolloClient, DocumentNode, TypedDocumentNode } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { PLAN } from '../features/plan-editor/plan.graphql';
import { VERSIONS } from '../graphql/fragments';
import type { UserError } from '../graphql/fragments';
import { t } from '../i18n/zh-CN';
import { isUnauthenticated, waitForSignIn } from './session';
import { chineseOnly } from './text';

/** What a mutation returns under its one root field (e.g. updateIndicator's IndicatorPayload). */
export type PayloadOf<R> = NonNullable<R[Exclude<keyof R, '__typename'>]>;

/** Outcome of one mutation as a cell sees it: nothing wrong, or the messages to show at the cell. */
export interface MutationOutcome<P = unknown> {
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

/**
 * A stale write (CONFLICT): the payload carries the object as it is now. The cell shows their value
 * beside the text typed, and the user picks: keep theirs (the cache already holds it) or overwrite
 * with mine, sent again with the version just received.
 */
export interface CellConflict {
  kind: 'conflict';
  /** Their value, as the cell would show it. */
  theirs: string;
  overwrite: () => Promise<CellOutcome>;
}

/** What a cell's save resolves to: null saved, a message to show at the cell, or a conflict to settle. */
export type CellOutcome = string | null | CellConflict;

export function isConflict(outcome: CellOutcome | undefined): outcome is CellConflict {
  return typeof outcome === 'object' && outcome !== null && outcome.kind === 'conflict';
}

/**
 * The cell outcome of a mutation. With `conflict`, a CONFLICT userError whose payload carries the
 * current object becomes a choice; every other userError is a message at the cell.
 */
export function cellOutcome<P, C extends { version: number }>(
  outcome: MutationOutcome<P>,
  conflict?: {
    /** The current object in the payload. */
    current: (payload: P) => C | null | undefined;
    /** The current value of the edited field, as text. */
    theirs: (current: C) => string;
    /** Sends my value again, expecting `version`. */
    overwrite: (version: number) => Promise<CellOutcome>;
  },
): CellOutcome {
  if (conflict && outcome.payload && outcome.userErrors.some((e) => e.code === 'CONFLICT')) {
    const current = conflict.current(outcome.payload);
    if (current) return { kind: 'conflict', theirs: conflict.theirs(current), overwrite: () => conflict.overwrite(current.version) };
  }
  return messageOf(outcome);
}

export interface MutateOptions {
  /** Re-read the plan after structural changes (add, move, delete) so lists and positions follow. */
  refetch?: DocumentNode[];
}

/** Runs a mutation (typed by its generated document) and never throws; the payload is its one root field. */
export function useMutate() {
  const client = useApolloClient();
  return useCallback(
    async <R extends object, V extends Record<string, unknown>>(
      mutation: TypedDocumentNode<R, V>,
      variables: V,
      options: MutateOptions = {},
    ): Promise<MutationOutcome<PayloadOf<R>>> => {
      // A save refused because the session ended waits for the user to sign in again, then goes
      // out once more with the same values (and the same expected version).
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await client.mutate<R, V>({
            mutation,
            variables,
            refetchQueries: options.refetch,
            awaitRefetchQueries: true,
          } as ApolloClient.MutateOptions<R, V>);
          const data = result.data;
          const key = data ? (Object.keys(data) as (keyof R)[]).find((k) => k !== '__typename') : undefined;
          const payload = (data && key !== undefined ? data[key] : null) as PayloadOf<R> | null;
          const userErrors = userErrorsOf(payload).map((e) => ({ ...e, message: chineseOnly(e.message) }));
          // Refused for the plan's status or the user's rights: the plan moved on under us; re-read it
          // so the page shows the status and freezes what is frozen now.
          if (userErrors.some((e) => e.code === 'WRONG_STATUS' || e.code === 'FORBIDDEN')) void client.refetchQueries({ include: [PLAN] });
          return { payload, userErrors, failure: null };
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

function userErrorsOf(payload: unknown): UserError[] {
  const errors = payload && typeof payload === 'object' && 'userErrors' in payload ? payload.userErrors : null;
  return Array.isArray(errors) ? errors : [];
}

function failureMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return `${t.errors.failed}：${error.errors.map((e) => chineseOnly(e.message)).join('；')}`;
  if (ServerError.is(error)) return `${t.errors.server}（HTTP ${error.statusCode}）`;
  return t.errors.network;
}

/**
 * Writes inside one plan go out one after another: every change moves the versions (the object's and
 * the plan's), so a second edit typed while the first is still saving must wait for its answer and then
 * expect the version that answer brought — otherwise users would "conflict" with themselves.
 */
const queues = new Map<string, Promise<unknown>>();

export function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(run, run);
  queues.set(key, next);
  const done = () => {
    if (queues.get(key) === next) queues.delete(key);
  };
  next.then(done, done);
  return next;
}

/** The version of an object as the page shows it now (the cache), or `fallback` when not cached. */
export function shownVersion<F extends number | null>(client: ApolloClient, typename: keyof typeof VERSIONS, id: string | null | undefined, fallback: F): number | F {
  if (!id) return fallback;
  const data = client.cache.readFragment<{ version: number }>({ id: client.cache.identify({ __typename: typename, id }), fragment: VERSIONS[typename] });
  return data?.version ?? fallback;
}
