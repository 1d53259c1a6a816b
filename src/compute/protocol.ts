/** Messages between the parallel engine and its worker threads. */
import type { MachineColumns, MachineResult } from '../core/indicators/index.ts';
import type { Campaign } from '../core/kit-types.ts';

export interface WorkerRequest {
  id: number;
  campaign: Pick<Campaign, 'start' | 'days' | 'timeZone'>;
  machines: MachineColumns[];
}

export type WorkerResponse =
  { id: number; results: MachineResult[] } | { id: number; error: string };
