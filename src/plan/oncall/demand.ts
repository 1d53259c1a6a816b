/**
 * PDS demand: each exam's end (reading requests arrive as exams end) is classified in local
 * wall-clock time of the campaign zone; PDS hours are counted on the campaign calendar hour by
 * hour in real time, so a DST night has 11 or 13 hours and a holiday adds its daytime hours.
 */
import {
  CampaignCalendar,
  MS_PER_HOUR,
  formatIsoDate,
  naiveMs,
  type ZoneClock,
} from '../../core/calendar.ts';
import type { Campaign, Equipment, Exam, Modality } from '../../core/kit-types.ts';
import type { PdsDemand, PdsPeriod, SiteModalityDemand } from './types.ts';

/**
 * The PDS period of an instant, or `null` in daytime on a working weekday.
 * `holidays` holds local dates `YYYY-MM-DD` (an input: plateau has no holiday table yet).
 */
export function pdsPeriodAt(
  clock: ZoneClock,
  instant: number,
  holidays: ReadonlySet<string>,
): PdsPeriod | null {
  const w = clock.toWallClock(instant);
  if (w.weekday === 0 || w.weekday === 6) return 'weekend';
  if (holidays.has(formatIsoDate(naiveMs(w.year, w.month, w.day)))) return 'weekend';
  return w.hour < 8 || w.hour >= 20 ? 'night' : null;
}

/** Real PDS hours per period over the campaign (hour steps from local midnight of the first day). */
export function pdsHoursInCampaign(
  calendar: CampaignCalendar,
  holidays: ReadonlySet<string>,
): Record<PdsPeriod, number> {
  const hours: Record<PdsPeriod, number> = { night: 0, weekend: 0 };
  for (let t = calendar.start; t < calendar.end; t += MS_PER_HOUR) {
    const p = pdsPeriodAt(calendar.clock, t, holidays);
    if (p !== null) hours[p]++;
  }
  return hours;
}

/**
 * Demand per site (FINESS) and modality of the exams ending in PDS hours within the campaign.
 * Exams of unknown equipment are left out (the kit reader reports them).
 */
export function pdsDemand(
  campaign: Campaign,
  equipment: readonly Equipment[],
  exams: readonly Exam[],
  holidays: ReadonlySet<string> = new Set(),
): PdsDemand {
  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  const byId = new Map(equipment.map((e) => [e.equipmentId, e]));
  const rows = new Map<string, SiteModalityDemand & { counts: Record<PdsPeriod, number> }>();
  const perWeek = 7 / campaign.days;
  for (const exam of exams) {
    const eq = byId.get(exam.equipmentId);
    const end = exam.roomOut;
    if (eq === undefined || end < calendar.start || end >= calendar.end) continue;
    const period = pdsPeriodAt(calendar.clock, end, holidays);
    if (period === null) continue;
    const key = `${eq.finess}\u0000${eq.modality}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = newRow(eq.finess, eq.modality);
      rows.set(key, row);
    }
    row.examsInCampaign++;
    row.counts[period]++;
    const h = calendar.clock.hourOfWeek(end);
    row.byHourOfWeek[h] = (row.byHourOfWeek[h] ?? 0) + perWeek;
  }
  const hours = pdsHoursInCampaign(calendar, holidays);
  return {
    campaignDays: campaign.days,
    hoursPerWeek: { night: hours.night * perWeek, weekend: hours.weekend * perWeek },
    rows: [...rows.values()]
      .map(({ counts, ...row }) => ({
        ...row,
        perWeek: { night: counts.night * perWeek, weekend: counts.weekend * perWeek },
        perYear: (row.examsInCampaign * 365) / campaign.days,
      }))
      .sort((a, b) =>
        a.site === b.site ? a.modality.localeCompare(b.modality) : a.site.localeCompare(b.site),
      ),
  };
}

function newRow(
  site: string,
  modality: Modality,
): SiteModalityDemand & { counts: Record<PdsPeriod, number> } {
  return {
    site,
    modality,
    examsInCampaign: 0,
    perWeek: { night: 0, weekend: 0 },
    perYear: 0,
    byHourOfWeek: new Array<number>(168).fill(0),
    counts: { night: 0, weekend: 0 },
  };
}
