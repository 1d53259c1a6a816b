// Three tiny campaigns (one week each, 2010, 2011, 2012) for the trend builders, chosen so every
// figure can be computed by hand. Every CT works Monday–Friday, exams of 30 min back to back, ICR
// 100 each unless said: CT-A (site 1, the machine under test), peers P1…P4 holding k exams a day in
// a 2k-hour session (occupancy 0.25, ICR/h 50, 5k passages, 10k h/week), MR-1 one Monday exam.
// 2011: CT-A opens 08–14 and starts at 08:30; P2 is replaced by P2-NEW (previous_id, other year).
// 2012: CT-A is renamed CT-A2 (previous_id, same year), opens 08–13, 4 exams from 09:00 at ICR 150;
// site 3 loses P4 and gets P5 (no previous_id); site 4 (Bretagne) comes with MR-4; site 2 is a bundle.
import type { StoredPeerGroup } from '../../../src/core/access.ts';
import type { Kit } from '../../../src/core/kit-types.ts';
import type { CampaignData } from '../../../src/core/views/index.ts';
import { CampaignIndex } from '../../../src/core/views/index.ts';
import { storedPeerGroups } from '../../../src/core/views/peer-groups.ts';
import type { MiniMachine } from '../../helpers/build-kit.ts';
import { buildKit } from '../../helpers/build-kit.ts';
import { indexOf } from '../views/views-kit.ts';

export const S1 = '590000001';
export const S2 = '620000002';
export const S3 = '750000003';
export const S4 = '350000004';

const SITES: Record<string, { name: string; region: string }> = {
  [S1]: { name: 'Hôpital Un', region: 'Hauts-de-France' },
  [S2]: { name: 'Clinique Deux', region: 'Hauts-de-France' },
  [S3]: { name: 'CHU Trois', region: 'Île-de-France' },
  [S4]: { name: 'Hôpital Quatre', region: 'Bretagne' },
};

export const YEARS = [
  { id: 'y2010', start: '2010-03-01' },
  { id: 'y2011', start: '2011-03-07' },
  { id: 'y2012', start: '2012-03-05' },
] as const;

interface Spec {
  id: string;
  finess: string;
  modality?: 'CT' | 'MR';
  /** Session open and close, minutes after midnight. */
  open: number;
  close: number;
  /** First exam's start (minutes), exams a day, minutes each, ICR each. */
  first: number;
  exams: number;
  minutes?: number;
  icr?: number;
  /** Weekdays worked from Monday (5 unless said). */
  days?: number;
  installed?: number;
  previousId?: string;
}

function stamp(start: string, day: number, minutes: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d + day).padStart(2, '0')}`;
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function mini(start: string, s: Spec): MiniMachine {
  const minutes = s.minutes ?? 30;
  const days = Array.from({ length: s.days ?? 5 }, (_, d) => d);
  return {
    id: s.id,
    finess: s.finess,
    modality: s.modality ?? 'CT',
    sessions: days.map((d) => [
      stamp(start, d, s.open),
      stamp(start, d, s.close),
      'PUBLIC_SCHEDULED',
    ]),
    exams: days.flatMap((d) =>
      Array.from({ length: s.exams }, (_, e) => ({
        in: stamp(start, d, s.first + e * minutes),
        out: stamp(start, d, s.first + (e + 1) * minutes),
        icr: s.icr ?? 100,
      })),
    ),
  };
}

const peer = (id: string, finess: string, k: number): Spec => ({
  id,
  finess,
  open: 480,
  close: 480 + 120 * k,
  first: 480,
  exams: k,
});
const MR1: Spec = {
  id: 'MR-1',
  finess: S1,
  modality: 'MR',
  open: 480,
  close: 1080,
  first: 480,
  exams: 1,
  minutes: 60,
  days: 1,
};

function specs(year: 0 | 1 | 2): Spec[] {
  const machines: Spec[][] = [
    [
      { id: 'CT-A', finess: S1, open: 480, close: 720, first: 540, exams: 2, installed: 2005 },
      peer('P1', S1, 1),
      { ...peer('P2', S2, 2), installed: 2001 },
      peer('P3', S3, 3),
      peer('P4', S3, 4),
      MR1,
    ],
    [
      { id: 'CT-A', finess: S1, open: 480, close: 840, first: 510, exams: 3, installed: 2005 },
      peer('P1', S1, 1),
      { ...peer('P2-NEW', S2, 2), installed: 2011, previousId: 'P2' },
      peer('P3', S3, 3),
      peer('P4', S3, 4),
      MR1,
    ],
    [
      {
        id: 'CT-A2',
        finess: S1,
        open: 480,
        close: 780,
        first: 540,
        exams: 4,
        icr: 150,
        installed: 2005,
        previousId: 'CT-A',
      },
      peer('P1', S1, 1),
      { ...peer('P2-NEW', S2, 2), installed: 2011, previousId: 'P2' },
      peer('P3', S3, 3),
      peer('P5', S3, 4),
      MR1,
      { ...MR1, id: 'MR-4', finess: S4 },
    ],
  ];
  return machines[year] as Spec[];
}

/** The kit of year 0 (2010), 1 (2011) or 2 (2012). */
export function trendKit(year: 0 | 1 | 2): Kit {
  const { id, start } = YEARS[year];
  const list = specs(year);
  const kit = buildKit(
    list.map((s) => mini(start, s)),
    { id, name: `Campagne ${start.slice(0, 4)}`, start, days: 7 },
  );
  for (const e of kit.establishments) Object.assign(e, SITES[e.finess]);
  for (const s of list) {
    const equipment = kit.equipment.find((e) => e.equipmentId === s.id);
    if (!equipment) continue;
    equipment.installedYear = s.installed ?? null;
    if (s.previousId !== undefined) equipment.previousId = s.previousId;
  }
  return kit;
}

/** The full data of a kit as the store loads it (site 2 a bundle in 2012). */
export function dataOf(kit: Kit): CampaignData {
  const { data } = indexOf(kit);
  return kit.campaign.id === 'y2012' ? { ...data, bundleSites: new Set([S2]) } : data;
}

/** What a scope seeing only `finess` loads: its rows, and the stored peer groups of the full campaign. */
export function scopedData(full: CampaignData, finess: readonly string[]): CampaignData {
  const sites = new Set(finess);
  const peers: StoredPeerGroup[] = storedPeerGroups(new CampaignIndex(full));
  const machines = full.results.machines.filter((m) => sites.has(m.finess));
  return {
    ...full,
    results: { ...full.results, machines },
    samples: new Map(
      [...full.samples].filter(([id]) => machines.some((m) => m.equipmentId === id)),
    ),
    establishments: full.establishments.filter((e) => sites.has(e.finess)),
    equipment: full.equipment.filter((e) => sites.has(e.finess)),
    survey: full.survey.filter((a) => sites.has(a.finess)),
    peers,
  };
}

/** The three campaigns' full indexes, oldest first. */
export function fullSeries(): CampaignIndex[] {
  return ([0, 1, 2] as const).map((y) => new CampaignIndex(dataOf(trendKit(y))));
}
