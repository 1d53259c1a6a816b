/**
 * On-call and teleradiology pooling (planning.md §4), pure: PDS demand from the campaign,
 * the reading queue (Erlang C or the engine's simulation) and the four organisation options.
 */
export * from './types.ts';
export { pdsDemand, pdsPeriodAt, pdsHoursInCampaign } from './demand.ts';
export { mmcWaitWithin, mmcResponseWithin, evaluateQueue, linesForTarget } from './queue.ts';
export type { ReadingClass, QueueRun, QueueSettings } from './queue.ts';
export {
  poolingOptions,
  queueFigures,
  defaultReadingModel,
  weakest,
  ILLUSTRATIVE_READING_MINUTES,
} from './pooling.ts';
export * from './document.ts';
