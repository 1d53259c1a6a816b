// A site whose CT starts late every morning: programmed sessions 08:00–18:00 Monday to Friday
// over 4 weeks, first patient at 08:45, then 37 slots of 15 minutes (14-minute exams, 1-minute
// gaps, booked 13 minutes), the last patient out at 17:59. Hand-computed leads per week:
// late start 20 × 45 min / 4 = 3.75 h; overrun 20 × 37 × 1 min / 4 = 3.083 h; turnover gap
// 20 × 36 × 1 min / 4 = 3 h; early end 20 × 1 min / 4 = 0.083 h. Median exam 14 min, so late
// start is worth 3.75 × 60 / 14 = 16.07 exams per week. A second site gives it peers.
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { CampaignIndex } from '../../src/core/views/index.ts';
import type { MiniExam, MiniMachine } from '../helpers/build-kit.ts';
import { buildKit } from '../helpers/build-kit.ts';

export const LATE_SITE = '590000001';
export const PEER_SITE = '750000002';

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The 20 weekdays of a 28-day campaign starting Monday 2010-03-01. */
export function weekdays(): string[] {
  const days: string[] = [];
  for (let d = 0; d < 28; d++) {
    if (d % 7 < 5) days.push(`2010-03-${String(d + 1).padStart(2, '0')}`);
  }
  return days;
}

function lateMachine(): MiniMachine {
  const sessions: MiniMachine['sessions'] = [];
  const exams: MiniExam[] = [];
  for (const day of weekdays()) {
    sessions.push([`${day}T08:00`, `${day}T18:00`, 'PUBLIC_SCHEDULED']);
    for (let k = 0; k < 37; k++) {
      const start = 8 * 60 + 45 + 15 * k;
      exams.push({
        in: `${day}T${clock(start)}`,
        out: `${day}T${clock(start + 14)}`,
        cat: k % 4 === 0 ? 'H' : 'A',
        booked: 13,
        icr: 80,
      });
    }
  }
  return { id: 'CT-LATE', finess: LATE_SITE, sessions, exams };
}

function peerMachine(
  id: string,
  finess: string,
  modality: 'CT' | 'MR',
  minutes: number,
): MiniMachine {
  const sessions: MiniMachine['sessions'] = [];
  const exams: MiniExam[] = [];
  for (const day of weekdays()) {
    sessions.push([`${day}T08:00`, `${day}T17:00`, 'PUBLIC_SCHEDULED']);
    for (let start = 8 * 60 + 5; start + minutes <= 17 * 60; start += minutes + 5) {
      exams.push({
        in: `${day}T${clock(start)}`,
        out: `${day}T${clock(start + minutes)}`,
        cat: 'A',
        booked: minutes,
        icr: 120,
      });
    }
  }
  return { id, finess, modality, sessions, exams };
}

/** The kit: the late site (one CT, one MR) and a peer site (two CT). */
export function lateStartKit(): Kit {
  const kit = buildKit(
    [
      lateMachine(),
      peerMachine('MR-LATE-SITE', LATE_SITE, 'MR', 25),
      peerMachine('CT-PEER-1', PEER_SITE, 'CT', 12),
      peerMachine('CT-PEER-2', PEER_SITE, 'CT', 18),
    ],
    { id: 'late', name: 'Campagne d’essai', days: 28 },
  );
  const late = kit.establishments.find((e) => e.finess === LATE_SITE)!;
  Object.assign(late, {
    name: 'Hôpital Saint-Éloi & Cie <test>',
    region: 'Hauts-de-France',
    legalStatus: 'CH',
  });
  const peer = kit.establishments.find((e) => e.finess === PEER_SITE)!;
  Object.assign(peer, {
    name: 'Clinique Européenne',
    region: 'Île-de-France',
    legalStatus: 'PRIVATE',
    department: '75',
  });
  kit.equipment.find((e) => e.equipmentId === 'CT-LATE')!.label = 'Scanner Écho 1';
  kit.survey = [
    { finess: LATE_SITE, modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 12 },
    { finess: PEER_SITE, modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 4 },
    { finess: LATE_SITE, modality: 'MR', case: 'MR_KNEE_35M', patient: 'outpatient', days: 30 },
  ];
  return kit;
}

/** The campaign index of a kit, computed by the real engine, samples included. */
export function indexOfKit(kit: Kit, withSamples = true): CampaignIndex {
  const { indicators, samples } = computeCampaignDetailed(kit);
  return new CampaignIndex({
    results: indicators,
    samples: withSamples ? samples : new Map(),
    establishments: kit.establishments,
    equipment: kit.equipment,
    survey: kit.survey,
    updatedAt: '2026-01-02T03:04:05.000Z',
  });
}
