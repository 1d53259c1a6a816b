/**
 * The in-memory cache of API answers that `useApi` shows at once when a screen comes back; kept
 * apart from React so that the session module (and its tests) can forget it without a renderer.
 */

const CACHE_SIZE = 60;
/** The cached answers by path, oldest first. */
export const cache = new Map<string, unknown>();

/** Keeps `data` as the answer of `path`, dropping the oldest beyond the cache's size. */
export function remember(path: string, data: unknown): void {
  cache.delete(path);
  cache.set(path, data);
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/** Forgets cached answers whose path starts with `prefix` (all of them without one). */
export function forget(prefix = ''): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}
