import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useSyncExternalStore } from 'react';

/**
 * "Sign in again" state. Any request refused as UNAUTHENTICATED raises it; the sign-in form is then
 * laid over the page (nothing underneath unmounts, so typed cells keep their text), and every save
 * that was refused waits here and is sent again once the user has signed in.
 */
let required = false;
let waiters: (() => void)[] = [];
const listeners = new Set<() => void>();

const notify = () => listeners.forEach((listener) => listener());

export function requireSignIn(): void {
  if (required) return;
  required = true;
  notify();
}

/** Resolves when the user has signed in again (for retrying a refused save). */
export function waitForSignIn(): Promise<void> {
  return new Promise((resolve) => waiters.push(resolve));
}

/** Called after a successful sign-in: releases the waiting saves. */
export function signedIn(): void {
  const waiting = waiters;
  waiters = [];
  required = false;
  notify();
  waiting.forEach((resolve) => resolve());
}

export function useSignInRequired(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => required,
  );
}

/** type-graphql's AuthenticationError, or our own "请先登录" error, both with code UNAUTHENTICATED. */
export function isUnauthenticated(error: unknown): boolean {
  if (!CombinedGraphQLErrors.is(error)) return false;
  return error.errors.some(
    (e) => e.extensions?.code === 'UNAUTHENTICATED' || /need to be authenticated|请先登录/.test(e.message),
  );
}
