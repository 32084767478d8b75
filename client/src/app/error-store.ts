import { useSyncExternalStore } from 'react';

/** The connection/server error banner's state: the last failure, cleared by the next success. */
export interface ServerProblem {
  kind: 'network' | 'server';
  message: string;
}

let problem: ServerProblem | null = null;
const listeners = new Set<() => void>();

export function reportProblem(next: ServerProblem | null): void {
  if (problem?.kind === next?.kind && problem?.message === next?.message) return;
  problem = next;
  listeners.forEach((listener) => listener());
}

export function useServerProblem(): ServerProblem | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => problem,
  );
}
