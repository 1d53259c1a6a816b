/**
 * Data-quality side of relevance (planning.md §6): per site, the share of exams without a request
 * time (`requested_at`) and without a booked length (`scheduled_minutes`). Exams on machines not
 * given are left out.
 */
import type { QualityEntry, RelevanceExam, RelevanceMachine } from './types.ts';

/**
 * Exams without a request time / booked length per site (FINESS), sites in FINESS order; a site
 * of `machines` with no exam has `null` shares.
 */
export function computeQuality(
  exams: readonly RelevanceExam[],
  machines: readonly RelevanceMachine[],
): QualityEntry[] {
  const siteOf = new Map(machines.map((m) => [m.equipmentId, m.finess]));
  const bySite = new Map<string, { exams: number; noRequest: number; noLength: number }>();
  for (const m of machines)
    if (!bySite.has(m.finess)) bySite.set(m.finess, { exams: 0, noRequest: 0, noLength: 0 });
  for (const e of exams) {
    const finess = siteOf.get(e.equipmentId);
    if (finess === undefined) continue;
    const c = bySite.get(finess) as { exams: number; noRequest: number; noLength: number };
    c.exams++;
    if (e.requestedAt === null) c.noRequest++;
    if (e.scheduledMinutes === null) c.noLength++;
  }
  return [...bySite.keys()].sort().map((finess) => {
    const c = bySite.get(finess) as { exams: number; noRequest: number; noLength: number };
    return {
      finess,
      exams: c.exams,
      withoutRequestTime: c.noRequest,
      withoutBookedLength: c.noLength,
      withoutRequestTimeShare: c.exams === 0 ? null : c.noRequest / c.exams,
      withoutBookedLengthShare: c.exams === 0 ? null : c.noLength / c.exams,
    };
  });
}
