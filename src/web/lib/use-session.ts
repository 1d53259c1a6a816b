/**
 * The session state for React components (re-rendering when it changes); the state itself lives
 * in session.ts, free of React so that it can be tested without a renderer.
 */
import { useSyncExternalStore } from 'react';
import type { SessionInfo, SessionState } from './session.ts';
import { sessionState, subscribeSession } from './session.ts';

/** The session state; re-renders when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, sessionState);
}

/** The logged-in user, or null (local mode, or nobody yet). */
export function useSessionUser(): SessionInfo | null {
  const s = useSession();
  return s.status === 'accounts' ? s.user : null;
}
