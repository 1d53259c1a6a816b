/**
 * English words of the syntheses for sites that came as signed bundles of aggregates (issue 16),
 * spread into the synthesis' English dictionary (`en.ts`).
 */
import type { bundlesFr } from './bundles-fr.ts';

export const bundlesEn: Record<keyof typeof bundlesFr, string> = {
  'intro.panel.bundles':
    '{n, plural, one {# establishment sent signed aggregates} other {# establishments sent signed aggregates}} ({machines, plural, one {# machine} other {# machines}}) instead of raw data: the machines’ indicators and binned distributions, computed on site and verified on import. These sites count in the distributions and benchmarks like the others (durations and delays within the bins’ precision); what needs exams one by one (on-call, relevance) leaves them out.',
};
