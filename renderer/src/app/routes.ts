import { useSyncExternalStore } from 'react';

// Hash routing: the app is served from a file/custom scheme in Electron, so there are no server routes to lean on.
// A route is "#/<page>" or "#/<page>/<more>/<parts>" (e.g. "#/people/42/edit"); the page picks the left-bar item.
export const pages = ['today', 'people', 'council', 'welfare', 'plans', 'documents', 'history', 'settings'] as const;
export type Page = (typeof pages)[number];

function hashParts(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

function pageOf(parts: readonly string[]): Page {
  const name = parts[0] ?? '';
  return (pages as readonly string[]).includes(name) ? (name as Page) : 'today';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

export function useCurrentPage(): Page {
  return pageOf(hashParts(useSyncExternalStore(subscribe, currentHash)));
}

/** The parts of the route after the page: [] for "#/people", ['42', 'edit'] for "#/people/42/edit". */
export function useRouteParts(): string[] {
  const parts = hashParts(useSyncExternalStore(subscribe, currentHash));
  return pageOf(parts) === parts[0] ? parts.slice(1) : [];
}

export function goTo(page: Page, ...parts: (string | number)[]): void {
  window.location.hash = `#/${[page, ...parts.map((part) => encodeURIComponent(String(part)))].join('/')}`;
}
