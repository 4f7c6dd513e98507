import { useSyncExternalStore } from 'react';

// Hash routing: the app is served from a file/custom scheme in Electron, so there are no server routes to lean on.
export const pages = ['today', 'council', 'welfare', 'plans', 'documents', 'settings'] as const;
export type Page = (typeof pages)[number];

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (pages as readonly string[]).includes(name) ? (name as Page) : 'today';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useCurrentPage(): Page {
  return useSyncExternalStore(subscribe, pageFromHash);
}

export function goTo(page: Page): void {
  window.location.hash = `#/${page}`;
}
