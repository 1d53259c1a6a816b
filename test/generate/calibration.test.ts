/**
 * The default national campaign (seed 2010), computed by the real engine, against every
 * P20/P50/P80 the 2010 report published (within 10 %, a published 0 exactly) and the report's
 * secondary facts (on-call and night shares, medians with emergency sessions).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type { CampaignIndicators } from '../../src/core/indicators/types.ts';
import type { Modality } from '../../src/core/kit-types.ts';
import { REFERENCE_2010, REFERENCE_2010_FACTS } from '../../src/core/reference-2010.ts';
import { generateKit } from '../../src/generate/index.ts';

let result: CampaignIndicators;
let exams = 0;

beforeAll(() => {
  const kit = generateKit({ seed: 2010 });
  exams = kit.exams.length;
  result = computeCampaign(kit);
}, 120_000);

const PERCENTILES = ['p20', 'p50', 'p80'] as const;
const cases = REFERENCE_2010.flatMap((figure) =>
  (['CT', 'MR'] as const).flatMap((modality) =>
    PERCENTILES.map((p, i) => ({
      figure,
      modality,
      p,
      published: figure.published[modality][i] as number,
    })),
  ),
);

/** Relative gap of a computed value to a published one (a published 0 must be met exactly). */
function gap(value: number, published: number): number {
  return published === 0 ? (value === 0 ? 0 : Infinity) : Math.abs(value - published) / published;
}

describe('the seed-2010 national campaign lands on the published reference table', () => {
  it.each(cases)(
    '$figure.key $modality $p within 10 % of $published',
    ({ figure, modality, p, published }) => {
      const q = figure.pick(result, modality);
      const value = q?.[p] ?? null;
      expect(
        value,
        `${figure.key} ${modality} ${p}: computed ${value}, published ${published}`,
      ).not.toBeNull();
      const g = gap(value as number, published);
      expect(
        g,
        `${figure.key} ${modality} ${p}: computed ${value}, published ${published} (${(g * 100).toFixed(1)} % off)`,
      ).toBeLessThanOrEqual(0.1);
    },
  );
});

describe("the report's other facts", () => {
  const bench = (m: Modality) => {
    const b = result.benchmark[m];
    if (!b) throw new Error(`no ${m} benchmark`);
    return b;
  };

  it('keeps about 270,000 exams', () => {
    expect(exams).toBeGreaterThanOrEqual(260_000);
    expect(exams).toBeLessThanOrEqual(280_000);
  });

  it('includes about 316 of 326 CT and all 191 MRI in the occupancy figures', () => {
    expect(bench('CT').machines).toBe(326);
    expect(bench('MR').machines).toBe(191);
    expect(Math.abs(bench('CT').includedMachines - 316)).toBeLessThanOrEqual(3);
    expect(bench('MR').includedMachines).toBe(191);
  });

  it.each(['CT', 'MR'] as const)(
    '%s: emergency sessions lower the median occupancy and raise the median opening as reported',
    (m) => {
      const occupancy = bench(m).occupancyProgrammedPlusEmergency.p50 as number;
      const opening = bench(m).programmedPlusEmergencyOpening.p50 as number;
      const facts = REFERENCE_2010_FACTS;
      expect(
        Math.abs(occupancy - facts.occupancyProgrammedPlusEmergencyMedian[m]),
        `occupancy P+E median ${occupancy}`,
      ).toBeLessThanOrEqual(0.015);
      expect(
        gap(opening, facts.programmedPlusEmergencyOpeningMedian[m]),
        `opening P+E median ${opening}`,
      ).toBeLessThanOrEqual(0.05);
      expect(occupancy).toBeLessThan(bench(m).occupancyProgrammed.p50 as number);
      expect(opening).toBeGreaterThan(bench(m).programmedOpening.p50 as number);
    },
  );

  it.each(['CT', 'MR'] as const)('%s: significant on-call share as reported', (m) => {
    const share = bench(m).significantOnCallShare as number;
    expect(
      Math.abs(share - REFERENCE_2010_FACTS.significantOnCallShare[m]),
      `share ${share}`,
    ).toBeLessThanOrEqual(0.02);
  });

  it('CT nights: 5-10 % strong, about two thirds low', () => {
    const strong = bench('CT').strongNightShare as number;
    const low = bench('CT').lowNightShare as number;
    expect(strong).toBeGreaterThanOrEqual(REFERENCE_2010_FACTS.strongNightShareCT[0]);
    expect(strong).toBeLessThanOrEqual(REFERENCE_2010_FACTS.strongNightShareCT[1]);
    expect(Math.abs(low - REFERENCE_2010_FACTS.lowNightShareCT), `low ${low}`).toBeLessThanOrEqual(
      0.02,
    );
  });

  it('has doubtful entries, no overlapping exams and no unvalued exam', () => {
    expect(result.quality.shortExams).toBeGreaterThan(0);
    expect(result.quality.overlappingExams).toBe(0);
    expect(result.quality.unvaluedExams).toBe(0);
    expect(result.quality.unknownActs).toEqual([]);
  });

  it('has both typologies, emergency-dedicated CTs rare, MRIs scheduled-centred', () => {
    const ct = result.machines.filter((x) => x.modality === 'CT');
    const dedicated = ct.filter((x) => x.typology === 'emergency-dedicated').length;
    expect(dedicated).toBeGreaterThan(5);
    expect(dedicated / ct.length).toBeLessThan(0.12);
    expect(
      result.machines.filter((x) => x.modality === 'MR' && x.typology === 'emergency-dedicated'),
    ).toEqual([]);
  });
});
