/**
 * `useSimulation()`: runs a simulation in its own Web Worker and follows it (progress, report,
 * failure), with a cancel that terminates the worker. The page's thread only receives messages,
 * so the screen never freezes however long the run; leaving the screen stops the run.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimulationReport } from '../../../plan/simulation/types.ts';
import type { SimulationMessage, SimulationRequest } from '../../lib/simulation-worker.ts';

/** Where a run stands. */
export type SimulationState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; report: SimulationReport }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

/** The run's state, a function that starts one (cancelling any run in progress), and a cancel. */
export function useSimulation(): {
  state: SimulationState;
  run: (request: SimulationRequest) => void;
  cancel: () => void;
} {
  const [state, setState] = useState<SimulationState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback((): boolean => {
    const running = worker.current;
    worker.current = null;
    running?.terminate();
    return running !== null;
  }, []);

  useEffect(
    () => () => {
      stop();
    },
    [stop],
  );

  const run = useCallback(
    (request: SimulationRequest) => {
      stop();
      const started = new Worker(new URL('../../lib/simulation-worker.ts', import.meta.url), {
        type: 'module',
        name: 'plateau-simulation',
      });
      worker.current = started;
      setState({ status: 'running', done: 0, total: 0 });
      started.onmessage = (event: MessageEvent<SimulationMessage>) => {
        // A message from a worker already replaced or cancelled is not this run's.
        if (worker.current !== started) return;
        const message = event.data;
        if (message.type === 'progress') {
          setState({ status: 'running', done: message.done, total: message.total });
          return;
        }
        stop();
        setState(
          message.type === 'done'
            ? { status: 'done', report: message.report }
            : { status: 'error', message: message.message },
        );
      };
      started.onerror = (event: ErrorEvent) => {
        if (worker.current !== started) return;
        event.preventDefault();
        stop();
        setState({ status: 'error', message: event.message || 'worker error' });
      };
      started.postMessage(request);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    if (stop()) setState({ status: 'cancelled' });
  }, [stop]);

  return { state, run, cancel };
}
