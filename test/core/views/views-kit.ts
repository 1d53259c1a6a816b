// A small campaign for the view builders: three sites in two regions (names with accents),
// five CT machines busy k+1 × 20 min in a 2-hour Monday session, one MR, a survey; and its
// CampaignIndex, computed by the real engine.
import { computeCampaignDetailed } from '../../../src/core/indicators/index.ts';
import type { Kit } from '../../../src/core/kit-types.ts';
import type { MachineSamples } from '../../../src/core/indicators/index.ts';
import type { CampaignData } from '../../../src/core/views/index.ts';
import { CampaignIndex } from '../../../src/core/views/index.ts';
import type { MiniMachine } from '../../helpers/build-kit.ts';
import { buildKit } from '../../helpers/build-kit.ts';

const hm = (minutes: number): string =>
  `2010-03-01T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const SITES = {
  eloi: '590000001',
  nord: '590000002',
  europe: '750000001',
} as const;

const FINESS_OF = [SITES.eloi, SITES.eloi, SITES.nord, SITES.nord, SITES.europe];

export function viewsKit(): Kit {
  const machines: MiniMachine[] = [0, 1, 2, 3, 4].map((k) => ({
    id: `CT${k}`,
    finess: FINESS_OF[k]!,
    sessions: [['2010-03-01T08:00', '2010-03-01T10:00', 'PUBLIC_SCHEDULED']],
    exams: Array.from({ length: k + 1 }, (_, i) => ({
      in: hm(8 * 60 + 20 * i),
      out: hm(8 * 60 + 20 * i + 20),
      cat: i === 0 ? ('U' as const) : ('A' as const),
    })),
  }));
  machines.push({
    id: 'MR0',
    modality: 'MR',
    finess: SITES.europe,
    sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED']],
    exams: [{ in: '2010-03-01T08:00', out: '2010-03-01T09:00' }],
  });
  const kit = buildKit(machines, { id: 'views', name: 'Views', days: 7 });
  const site = (finess: string) => kit.establishments.find((e) => e.finess === finess)!;
  Object.assign(site(SITES.eloi), {
    name: 'Hôpital Saint-Éloi',
    region: 'Hauts-de-France',
    legalStatus: 'CH',
  });
  Object.assign(site(SITES.nord), {
    name: 'Clinique du Nord',
    region: 'Hauts-de-France',
    legalStatus: 'PRIVATE',
    department: null,
  });
  Object.assign(site(SITES.europe), {
    name: 'Hôpital Européen',
    region: 'Île-de-France',
    legalStatus: 'CHU',
    department: '75',
  });
  kit.equipment.find((e) => e.equipmentId === 'CT0')!.label = 'Scanner A';
  kit.survey = [
    { finess: SITES.eloi, modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 10 },
    { finess: SITES.nord, modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 20 },
    { finess: SITES.europe, modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 40 },
    { finess: SITES.europe, modality: 'MR', case: 'MR_KNEE_35M', patient: 'outpatient', days: 30 },
  ];
  return kit;
}

/** The index of `kit` as the server builds it, with or without the samples; `more` adds to its data (bundle sites, say). */
export function indexOf(
  kit: Kit,
  withSamples = true,
  more: Partial<CampaignData> = {},
): CampaignIndex {
  const { indicators, samples } = computeCampaignDetailed(kit);
  return new CampaignIndex({
    results: indicators,
    samples: withSamples ? samples : new Map<string, MachineSamples>(),
    establishments: kit.establishments,
    equipment: kit.equipment,
    survey: kit.survey,
    updatedAt: '2026-01-02T03:04:05.000Z',
    ...more,
  });
}
