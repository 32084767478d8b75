import { useSyncExternalStore } from 'react';

/** A tiny hash router: #/ · #/departments/7 · #/plans/3/planning · #/plans/3/evaluation · #/users · #/analysis/2024 */
export type Route =
  | { name: 'departments' }
  | { name: 'users' }
  | { name: 'analysis'; year: number | null }
  | { name: 'department'; id: string }
  | { name: 'plan'; id: string; view: 'planning' | 'evaluation' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'users') return { name: 'users' };
  if (parts[0] === 'analysis') return { name: 'analysis', year: /^\d{4}$/.test(parts[1] ?? '') ? Number(parts[1]) : null };
  if (parts[0] === 'departments' && parts[1]) return { name: 'department', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'plans' && parts[1]) {
    return { name: 'plan', id: decodeURIComponent(parts[1]), view: parts[2] === 'evaluation' ? 'evaluation' : 'planning' };
  }
  return { name: 'departments' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'departments':
      return '#/';
    case 'users':
      return '#/users';
    case 'analysis':
      return route.year ? `#/analysis/${route.year}` : '#/analysis';
    case 'department':
      return `#/departments/${encodeURIComponent(route.id)}`;
    case 'plan':
      return `#/plans/${encodeURIComponent(route.id)}/${route.view}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
