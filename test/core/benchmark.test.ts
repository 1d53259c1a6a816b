import { describe, expect, it } from 'vitest';
import { benchmarkByModality, surveySummary } from '../../src/core/benchmark.ts';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import type { MiniMachine } from '../helpers/build-kit.ts';
import { buildKit } from '../helpers/build-kit.ts';

const hm = (minutes: number): string =>
  `2010-03-01T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// Five CT machines open 08-10 on Monday with k+1 exams of 20 min (k = 0..4), one MR; CT4 sits in
// another region; a sixth CT has no exam and fails the inclusion rule.
const machines: MiniMachine[] = [0, 1, 2, 3, 4].map((k) => ({
  id: `CT${k}`,
  finess: k === 4 ? '750000001' : '590000001',
  sessions: [['2010-03-01T08:00', '2010-03-01T10:00', 'PUBLIC_SCHEDULED']],
  exams: Array.from({ length: k + 1 }, (_, i) => ({
    in: hm(8 * 60 + 20 * i),
    out: hm(8 * 60 + 20 * i + 20),
  })),
}));
machines.push({
  id: 'CT5',
  sessions: [['2010-03-01T08:00', '2010-03-01T10:00', 'PUBLIC_SCHEDULED']],
});
machines.push({
  id: 'MR0',
  modality: 'MR',
  sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED']],
  exams: [{ in: '2010-03-01T08:00', out: '2010-03-01T09:00' }],
});

const kit = buildKit(machines, { days: 7 });
kit.establishments.find((e) => e.finess === '750000001')!.region = 'IDF';
const { indicators, samples } = computeCampaignDetailed(kit);

describe('benchmark', () => {
  it('takes occupancy over included machines and openings over all', () => {
    const ct = indicators.benchmark.CT!;
    expect(ct.machines).toBe(6);
    expect(ct.programmedOpening).toEqual({ n: 6, p20: 2, p50: 2, p80: 2 });
    // included CT1..CT4 (CT0 has 20/120 = 16.7 %, included too; CT5 has nothing): occupancies k+1 × 20 / 120.
    expect(ct.includedMachines).toBe(5);
    expect(ct.occupancyProgrammed.n).toBe(5);
    expect(ct.occupancyProgrammed.p50).toBeCloseTo(60 / 120, 12);
    expect(indicators.benchmark.MR!.machines).toBe(1);
  });
  it('pools exam durations across peers and also spreads per-machine medians', () => {
    const ct = indicators.benchmark.CT!;
    expect(ct.durationMinutes.A?.n).toBe(15);
    expect(ct.durationMinutes.A?.p50).toBe(20);
    expect(ct.durationMedianMinutes.A?.n).toBe(5);
  });
  it('narrows peers by region', () => {
    const idf = benchmarkByModality(indicators.machines, samples, { region: 'IDF' });
    expect(idf.CT?.machines).toBe(1);
    expect(idf.MR).toBeUndefined();
  });
  it('ranks each machine among its modality', () => {
    const ct4 = indicators.machines.find((m) => m.equipmentId === 'CT4')!;
    expect(ct4.percentRank?.passagesPerWeek).toBeCloseTo(5.5 / 6, 12);
    expect(ct4.percentRank?.occupancyProgrammed).toBeCloseTo(4.5 / 5, 12);
    expect(
      indicators.machines.find((m) => m.equipmentId === 'MR0')!.percentRank?.programmedOpening,
    ).toBe(0.5);
  });
});

describe('appointment survey', () => {
  it('pools answers per patient type and per clinical case', () => {
    const s = surveySummary([
      { finess: 'a', modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 2 },
      { finess: 'b', modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 12 },
      { finess: 'a', modality: 'CT', case: 'CT_CHEST_50M', patient: 'inpatient', days: 0 },
    ]);
    expect(s.CT?.byPatient.outpatient).toEqual({ n: 2, p20: 4, p50: 7, p80: 10 });
    expect(s.CT?.byCase).toHaveLength(2);
    expect(s.MR).toBeUndefined();
  });
});
