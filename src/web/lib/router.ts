/**
 * A small router on the History API: the URL is the state (path and query), every screen is a
 * shareable address, and links are plain `<a href>` that the app intercepts. No dependency.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** The current path and query; re-renders on navigation and on the browser's back/forward. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

/**
 * Goes to `to` (a path with its query). `replace` rewrites the current history entry (filters
 * typed in, a language switch); otherwise a new entry is pushed and the page scrolls to the top.
 */
export function navigate(
  to: string,
  options: { replace?: boolean; keepScroll?: boolean } = {},
): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  if (!options.replace && !options.keepScroll) window.scrollTo(0, 0);
}

/** The screens of the app. */
export type RouteName =
  | 'home'
  | 'upload'
  | 'campaign'
  | 'regions'
  | 'region'
  | 'establishments'
  | 'establishment'
  | 'machine'
  | 'quality'
  | 'territories'
  | 'territory'
  | 'oncall'
  | 'trends'
  | 'region-trends'
  | 'admin-users'
  | 'admin-audit';

/** A matched screen and its decoded path parameters. */
export interface Route {
  name: RouteName;
  params: Readonly<Record<string, string>>;
}

const PATTERNS: readonly [RouteName, string][] = [
  ['home', '/'],
  ['upload', '/upload'],
  ['campaign', '/c/:id'],
  ['regions', '/c/:id/regions'],
  ['region', '/c/:id/regions/:region'],
  ['region-trends', '/c/:id/regions/:region/trends'],
  ['establishments', '/c/:id/establishments'],
  ['establishment', '/c/:id/establishments/:finess'],
  ['machine', '/c/:id/machines/:equipmentId'],
  ['quality', '/c/:id/quality'],
  ['territories', '/c/:id/territories'],
  ['territory', '/c/:id/territories/:department'],
  ['oncall', '/c/:id/oncall'],
  ['trends', '/c/:id/trends'],
  ['admin-users', '/admin/users'],
  ['admin-audit', '/admin/audit'],
];

/**
 * The screen a path shows, or null (not found). A trailing slash is ignored.
 *
 * @example
 * matchRoute('/c/anap-2010/machines/EQ001'); // { name: 'machine', params: { id: 'anap-2010', equipmentId: 'EQ001' } }
 */
export function matchRoute(pathname: string): Route | null {
  const parts = pathname.split('/').filter((p) => p !== '');
  for (const [name, pattern] of PATTERNS) {
    const want = pattern.split('/').filter((p) => p !== '');
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < want.length && ok; i++) {
      const w = want[i] ?? '';
      const p = parts[i] ?? '';
      if (w.startsWith(':')) {
        try {
          params[w.slice(1)] = decodeURIComponent(p);
        } catch {
          ok = false;
        }
      } else ok = w === p;
    }
    if (ok) return { name, params };
  }
  return null;
}
