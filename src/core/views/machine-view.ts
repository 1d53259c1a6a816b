/**
 * One machine's page: its comparison with its peers, its establishment, and the weeks of the
 * campaign a timeline can show.
 */
import type { CampaignCalendar } from '../calendar.ts';
import { formatIsoDate, MS_PER_DAY } from '../calendar.ts';
import type { CampaignIndex } from './campaign-index.ts';
import { machineComparison } from './comparison.ts';
import type { MachineView, PeerScope, WeekRef } from './types.ts';

/** How many weeks a timeline can show: `ceil(days / 7)` (a last, shorter week included). */
export function weekCount(calendar: Pick<CampaignCalendar, 'days'>): number {
  return Math.ceil(calendar.days / 7);
}

/**
 * The campaign's weeks: week `i` starts on local day `7 i`.
 *
 * @example
 * weekRefs(new CampaignCalendar('2010-03-01', 28, 'Europe/Paris'))[3]; // { index: 3, start: '2010-03-22' }
 */
export function weekRefs(calendar: Pick<CampaignCalendar, 'days' | 'firstDay'>): WeekRef[] {
  return Array.from({ length: weekCount(calendar) }, (_, index) => ({
    index,
    start: formatIsoDate(calendar.firstDay + index * 7 * MS_PER_DAY),
  }));
}

/**
 * The machine `equipmentId` compared with its peers (`scope`, its modality by default), or null
 * when the campaign has no such machine.
 */
export function machineView(
  index: CampaignIndex,
  equipmentId: string,
  scope: PeerScope = 'modality',
): MachineView | null {
  const m = index.machineById.get(equipmentId);
  if (!m) return null;
  const establishment = index.listingByFiness.get(m.finess) ?? {
    finess: m.finess,
    name: m.finess,
    region: m.region ?? '',
    department: null,
    legalStatus: m.legalStatus ?? '',
    machines: {},
    exams: 0,
  };
  return {
    campaign: index.ref,
    establishment,
    machine: machineComparison(index, m, scope),
    weeks: weekRefs(index.calendar),
  };
}
