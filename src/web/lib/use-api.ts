/**
 * `useApi(path)`: the state of a GET (loading, failed, loaded) for a component. Answers are
 * kept in a small in-memory cache, so going back to a screen shows it at once.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, getJson } from './api.ts';
import { cache, remember } from './answer-cache.ts';

export { forget } from './answer-cache.ts';

/** Where a request stands. */
export type ApiState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiFailure } | { status: 'ok'; data: T };

/** The state of `GET path` (nothing is fetched while `path` is null) and a function to retry. */
export function useApi<T>(path: string | null): { state: ApiState<T>; retry: () => void } {
  const initial = (): ApiState<T> =>
    path !== null && cache.has(path)
      ? { status: 'ok', data: cache.get(path) as T }
      : { status: 'loading' };
  const [state, setState] = useState<ApiState<T>>(initial);
  const [attempt, setAttempt] = useState(0);
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    // A new path: show its cached answer or a loading state at once, not the previous screen's data.
    setShownPath(path);
    setState(initial());
  }

  useEffect(() => {
    if (path === null) return;
    if (cache.has(path)) {
      setState({ status: 'ok', data: cache.get(path) as T });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    getJson<T>(path, controller.signal).then(
      (data) => {
        remember(path, data);
        setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof ApiFailure ? error : new ApiFailure(0, 'unknown', String(error));
        setState({ status: 'error', error: failure });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const retry = useCallback(() => {
    if (path !== null) cache.delete(path);
    setAttempt((n) => n + 1);
  }, [path]);
  return { state, retry };
}
