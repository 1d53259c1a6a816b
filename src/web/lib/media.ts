/**
 * `useMediaQuery(query)`: whether a CSS media query matches, kept up to date, for the few
 * layouts CSS alone cannot size (a chart's height on a phone).
 */
import { useCallback, useSyncExternalStore } from 'react';

/** True while `query` (e.g. `(max-width: 600px)`) matches the viewport. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
