/**
 * A worker thread of the parallel engine: receives machines' columns (on shared memory, so
 * nothing is copied), computes each machine with the pure core, and sends the results back,
 * transferring the sample arrays rather than copying them.
 */
import { parentPort } from 'node:worker_threads';
import { CampaignCalendar } from '../core/calendar.ts';
import { computeMachine } from '../core/indicators/index.ts';
import type { MachineResult } from '../core/indicators/index.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('machine-worker runs as a worker thread');

port.on('message', (request: WorkerRequest) => {
  try {
    const { start, days, timeZone } = request.campaign;
    const calendar = new CampaignCalendar(start, days, timeZone);
    const results: MachineResult[] = request.machines.map((cols) => computeMachine(cols, calendar));
    const transfer: ArrayBuffer[] = [];
    for (const r of results) {
      for (const group of [
        r.samples.durationMinutes,
        r.samples.reportDelayMinutes,
        r.samples.appointmentDelayDays,
      ]) {
        for (const array of Object.values(group))
          if (array && array.buffer instanceof ArrayBuffer) transfer.push(array.buffer);
      }
    }
    port.postMessage({ id: request.id, results } satisfies WorkerResponse, transfer);
  } catch (error) {
    port.postMessage({
      id: request.id,
      error: (error as Error).stack ?? String(error),
    } satisfies WorkerResponse);
  }
});
