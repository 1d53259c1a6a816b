/**
 * The capacity simulation off the page's thread: a Web Worker (Vite builds it from
 * `new Worker(new URL(…), { type: 'module' })`) that runs plateau's own `runSimulation` on the
 * model the API sent, posting progress after each replication, then the report. One worker per
 * run: cancelling terminates it, which stops a synchronous run at once.
 */
import { runSimulation } from '../../plan/simulation/runner.ts';
import type { Scenario, SimulationModel, SimulationReport } from '../../plan/simulation/types.ts';

/** What the page asks the worker to run. */
export interface SimulationRequest {
  model: SimulationModel;
  scenarios: Scenario[];
  replications: number;
  seed: number;
  /** Weeks measured (the model's `gridWeeks` when absent). */
  weeks?: number;
  warmupWeeks?: number;
}

/** What the worker answers: progress (replications done of all), then the report or an error. */
export type SimulationMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; report: SimulationReport }
  | { type: 'error'; message: string };

/** The little of the worker's global scope used here (the app's types are the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage(message: SimulationMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const report = runSimulation(request.model, request.scenarios, {
      replications: request.replications,
      seed: request.seed,
      ...(request.weeks !== undefined ? { weeks: request.weeks } : {}),
      ...(request.warmupWeeks !== undefined ? { warmupWeeks: request.warmupWeeks } : {}),
      onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }),
    });
    scope.postMessage({ type: 'done', report });
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
