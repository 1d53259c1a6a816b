/**
 * A worker thread of the parallel status-quo run: receives machines' records, checks each one's
 * status quo with the pure pipeline (`statusQuoCheckOf`) and sends the checks back, in order.
 */
import { parentPort } from 'node:worker_threads';
import type { SimulationWorkerRequest, SimulationWorkerResponse } from './simulation-parallel.ts';
import { statusQuoCheckOf } from './simulation.ts';

const port = parentPort;
if (!port) throw new Error('simulation-worker runs as a worker thread');

port.on('message', (request: SimulationWorkerRequest) => {
  try {
    const checks = request.machines.map((records) => {
      const check = statusQuoCheckOf(records, request.options);
      port.postMessage({
        id: request.id,
        done: check.equipmentId,
      } satisfies SimulationWorkerResponse);
      return check;
    });
    port.postMessage({ id: request.id, checks } satisfies SimulationWorkerResponse);
  } catch (error) {
    port.postMessage({
      id: request.id,
      error: (error as Error).stack ?? String(error),
    } satisfies SimulationWorkerResponse);
  }
});
