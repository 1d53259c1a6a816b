/** Small view-model fixtures for the chart tests. */
import type { MachinePoint, TimelineView } from '../../src/core/views/types.ts';

/** A machine point with the given figures (others null). */
export function point(
  id: string,
  figures: Record<string, number | null>,
  extra: Partial<MachinePoint> = {},
): MachinePoint {
  return {
    equipmentId: id,
    label: `Machine ${id}`,
    finess: '590000001',
    establishment: 'CH Test',
    modality: 'CT',
    region: 'Nord',
    legalStatus: 'CH',
    typology: 'scheduled-centred',
    occupancyIncluded: true,
    exams: 100,
    nightLevel: 'low',
    significantOnCall: false,
    figures,
    ...extra,
  };
}

/** A week with a few sessions and exams on Monday and Tuesday, nothing after. */
export function week(): TimelineView {
  const empty = (date: string, weekday: number) => ({ date, weekday, sessions: [], exams: [] });
  return {
    equipmentId: 'EQ1',
    week: { index: 0, start: '2010-03-01' },
    weeks: 4,
    days: [
      {
        date: '2010-03-01',
        weekday: 1,
        sessions: [
          { type: 'PUBLIC_SCHEDULED', startMinute: 480, endMinute: 780 },
          { type: 'ON_CALL', startMinute: 1200, endMinute: 1440 },
        ],
        exams: [
          { category: 'A', startMinute: 500, endMinute: 520, short: false },
          { category: 'U', startMinute: 530, endMinute: 545, short: false },
          { category: 'A', startMinute: 600, endMinute: 602, short: true },
        ],
      },
      {
        date: '2010-03-02',
        weekday: 2,
        sessions: [{ type: 'PUBLIC_SCHEDULED', startMinute: 480, endMinute: 780 }],
        exams: [{ category: 'H', startMinute: 700, endMinute: 760, short: false }],
      },
      empty('2010-03-03', 3),
      empty('2010-03-04', 4),
      empty('2010-03-05', 5),
      empty('2010-03-06', 6),
      empty('2010-03-07', 7),
    ],
  };
}
