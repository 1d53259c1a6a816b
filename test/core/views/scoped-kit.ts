// A campaign of five sites in three regions for the scoped views and cache (issue 15): eleven
// CT machines holding 1…11 exams in one week, so every peer group's figures can be checked by
// hand, and three MR (a modality under MIN_PEERS everywhere).
import type { Kit } from '../../../src/core/kit-types.ts';
import type { MiniMachine } from '../../helpers/build-kit.ts';
import { buildKit } from '../../helpers/build-kit.ts';

export const SITES = [
  {
    finess: '590000011',
    name: 'Hôpital Alpha',
    region: 'Hauts-de-France',
    department: '59',
    legalStatus: 'CH',
    ct: 3,
    mr: 1,
  },
  {
    finess: '620000022',
    name: 'Clinique Bravo',
    region: 'Hauts-de-France',
    department: '62',
    legalStatus: 'PRIVATE',
    ct: 2,
    mr: 0,
  },
  {
    finess: '750000033',
    name: 'CHU Charlie',
    region: 'Île-de-France',
    department: '75',
    legalStatus: 'CHU',
    ct: 3,
    mr: 1,
  },
  {
    finess: '920000044',
    name: 'Hôpital Delta',
    region: 'Île-de-France',
    department: '92',
    legalStatus: 'CH',
    ct: 2,
    mr: 1,
  },
  {
    finess: '350000055',
    name: 'Hôpital Echo',
    region: 'Bretagne',
    department: '35',
    legalStatus: 'CH',
    ct: 1,
    mr: 0,
  },
] as const;
export const [ALPHA] = SITES;

const hm = (minutes: number): string =>
  `2010-03-01T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * One week; the i-th CT machine (0..10, sites in order) holds i + 1 exams of 20 min in a Monday
 * 08:00-12:00 session, the first one urgent (so CT-ALPHA-1, with that exam alone, is
 * emergency-dedicated, every other CT scheduled-centred); three MR with two exams of an hour.
 */
export function scopedKit(): Kit {
  const machines: MiniMachine[] = [];
  let i = 0;
  for (const [s, site] of SITES.entries()) {
    const tag = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO'][s]!;
    for (let k = 1; k <= site.ct; k++, i++) {
      machines.push({
        id: `CT-${tag}-${k}`,
        finess: site.finess,
        sessions: [['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED']],
        exams: Array.from({ length: i + 1 }, (_, e) => ({
          in: hm(8 * 60 + 20 * e),
          out: hm(8 * 60 + 20 * e + 20),
          cat: e === 0 ? ('U' as const) : ('A' as const),
        })),
      });
    }
    for (let k = 1; k <= site.mr; k++) {
      machines.push({
        id: `MR-${tag}-${k}`,
        modality: 'MR',
        finess: site.finess,
        sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED']],
        exams: [
          { in: '2010-03-01T08:00', out: '2010-03-01T09:00' },
          { in: '2010-03-01T09:00', out: '2010-03-01T10:00' },
        ],
      });
    }
  }
  const kit = buildKit(machines, { id: 'scoped', name: 'Scoped', days: 7 });
  for (const site of SITES)
    Object.assign(
      kit.establishments.find((e) => e.finess === site.finess)!,
      {
        name: site.name,
        region: site.region,
        department: site.department,
        legalStatus: site.legalStatus,
      },
    );
  kit.survey = SITES.map((s, n) => ({
    finess: s.finess,
    modality: 'CT' as const,
    case: 'CT_BRAIN_80F',
    patient: 'outpatient' as const,
    days: 10 * (n + 1),
  }));
  return kit;
}
