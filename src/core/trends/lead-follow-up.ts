/**
 * Lead follow-up: each improvement lead of a machine between consecutive campaigns it is in,
 * with the verdict on whether the earlier campaign's lead was acted on (`LeadVerdict`), from the
 * hours per week it would free then and now.
 */
import type { Lead, Leads, MachineIndicators } from '../indicators/types.ts';
import type { CampaignIndex } from '../views/campaign-index.ts';
import { LEAD_KEYS } from '../views/lead-ranking.ts';
import type { TrendSeries } from './index.ts';
import { presentPairs } from './matching.ts';
import type { LeadFollowUp, LeadVerdict } from './types.ts';
import { LEAD_WORTH_HOURS } from './types.ts';

/**
 * The verdict of a lead from its value before and after (see `LeadVerdict`).
 *
 * @example
 * leadVerdict({ n: 5, p50: 30, p80: 40, hoursPerWeek: 2 }, { n: 5, p50: 5, p80: 10, hoursPerWeek: 0.5 }); // 'acted'
 */
export function leadVerdict(before: Lead | null, after: Lead | null): LeadVerdict {
  if (before === null || after === null) return 'unknown';
  const b = before.hoursPerWeek;
  const a = after.hoursPerWeek;
  if (b < LEAD_WORTH_HOURS) return a < LEAD_WORTH_HOURS ? 'no-lead' : 'new-lead';
  const ratio = a / b;
  if (ratio <= 0.5) return 'acted';
  if (ratio <= 0.8) return 'partly';
  if (ratio <= 1.2) return 'unchanged';
  return 'worse';
}

/** The four leads of a machine from one campaign to the next it is in, in `LEAD_KEYS` order. */
export function leadsBetween(
  from: string,
  to: string,
  before: MachineIndicators,
  after: MachineIndicators,
): LeadFollowUp[] {
  return LEAD_KEYS.map((key) => {
    const b = (before.leads as Leads)[key];
    const a = (after.leads as Leads)[key];
    return { key, from, to, before: b, after: a, verdict: leadVerdict(b, a) };
  });
}

/** Every lead follow-up of a followed machine, oldest pair first. */
export function leadFollowUps(
  series: TrendSeries,
  steps: readonly (MachineIndicators | null)[],
): LeadFollowUp[] {
  const id = (k: number): string => (series[k] as CampaignIndex).ref.id;
  return presentPairs(steps).flatMap(([i, j]) =>
    leadsBetween(id(i), id(j), steps[i] as MachineIndicators, steps[j] as MachineIndicators),
  );
}
