// The bundle's allow-list reader: a valid payload passes; exam rows, patient keys, unknown keys,
// bad counts, bad widths and figures that disagree with their histograms are refused by JSON path.
import { describe, expect, it } from 'vitest';
import type { BundleProblem } from '../../../src/core/bundle/validate.ts';
import {
  invalidCampaignFields,
  readBundlePayload,
  readSignedBundle,
} from '../../../src/core/bundle/validate.ts';
import { payloadJson } from './payload.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- spoiling a JSON tree by path

function errorsOf(json: unknown): BundleProblem[] {
  const read = readBundlePayload(json);
  if (!('errors' in read)) throw new Error('expected a refusal');
  return read.errors;
}
const pairs = (problems: BundleProblem[]) => problems.map((p) => [p.key, p.path]);

describe('readBundlePayload', () => {
  it('reads a valid payload as it is', () => {
    const json = payloadJson();
    const read = readBundlePayload(json);
    expect('payload' in read && read.payload).toEqual(json);
  });

  it('refuses exam rows anywhere, saying so with the path', () => {
    const json = payloadJson() as Json;
    json['machines'][1]['exams'] = [{ examId: 'E1', roomIn: 1, roomOut: 2 }];
    json['machines'][0]['indicators']['exams'] = [{ examId: 'E1' }];
    json['sessions'] = [];
    expect(pairs(errorsOf(json))).toEqual([
      ['bundle-exam-rows', 'machines[0].indicators.exams'],
      ['bundle-exam-rows', 'machines[1].exams'],
      ['bundle-exam-rows', 'sessions'],
    ]);
  });

  it('refuses a patient key, and any unknown key, by path without the value', () => {
    const json = payloadJson() as Json;
    json['survey'][0]['patient_key'] = 'Dupont Jean 1950';
    json['establishment']['director'] = 'Dr Martin';
    json['machines'][0]['samples']['durationMinutes']['Z'] = { width: 0.5, n: 0, bins: [] };
    const problems = errorsOf(json);
    expect(pairs(problems)).toEqual([
      ['bundle-unknown-key', 'establishment.director'],
      ['bundle-unknown-key', 'machines[0].samples.durationMinutes.Z'],
      ['bundle-exam-rows', 'survey[0].patient_key'],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/Dupont|Martin/);
  });

  it('names a key that is not identifier-like by its length only', () => {
    const json = payloadJson() as Json;
    json['establishment']['Jean Dupont né le 3/4/1950'] = 1;
    expect(pairs(errorsOf(json))).toEqual([
      ['bundle-unknown-key', 'establishment.[a key of 26 characters]'],
    ]);
  });

  it('refuses bad counts, bins and widths', () => {
    const json = payloadJson() as Json;
    const a = json['machines'][0]['samples']['durationMinutes']['A'];
    a['bins'][0][1] = 0; // a count of 0
    const out = json['machines'][0]['samples']['reportDelayMinutes']['outpatient'];
    out['n'] = out['n'] + 1; // n ≠ Σ counts
    json['machines'][1]['samples']['appointmentDelayDays']['outpatient']['width'] = 2;
    json['machines'][1]['indicators']['exams'] = -3;
    json['machines'][1]['indicators']['icrPerHour'] = 'high';
    // A count of 0 is a bad bin, and its histogram's n no longer adds up either.
    expect(pairs(errorsOf(json))).toEqual([
      ['bundle-histogram.bin', 'machines[0].samples.durationMinutes.A.bins'],
      ['bundle-histogram.total', 'machines[0].samples.durationMinutes.A.n'],
      ['bundle-histogram.total', 'machines[0].samples.reportDelayMinutes.outpatient.n'],
      ['bundle-invalid.integer', 'machines[1].indicators.exams'],
      ['bundle-invalid.number', 'machines[1].indicators.icrPerHour'],
      ['bundle-histogram.width', 'machines[1].samples.appointmentDelayDays.outpatient.width'],
    ]);
  });

  it('refuses a binning other than BINNING, a foreign machine, a duplicate id, a bad campaign', () => {
    const json = payloadJson() as Json;
    json['binning']['durationMinutes'] = 1;
    json['machines'][1]['equipment']['equipmentId'] = 'CT1';
    json['machines'][1]['indicators']['equipmentId'] = 'CT1';
    json['survey'][0]['finess'] = '350000002';
    json['campaign']['start'] = '2011-02-30';
    json['campaign']['timeZone'] = 'Mars/Olympus';
    expect(pairs(errorsOf(json))).toEqual([
      ['bundle-invalid.date', 'campaign.start'],
      ['bundle-invalid.time-zone', 'campaign.timeZone'],
      ['bundle-binning', 'binning.durationMinutes'],
    ]);
    json['binning']['durationMinutes'] = 0.5;
    json['campaign']['start'] = '2011-03-07';
    json['campaign']['timeZone'] = 'Europe/Paris';
    json['machines'][0]['equipment']['finess'] = '350000002';
    json['machines'][0]['indicators']['finess'] = '350000002';
    expect(pairs(errorsOf(json))).toEqual([
      ['bundle-establishment.foreign', 'machines[0].equipment.finess'],
      ['bundle-machine.duplicate', 'machines[1].equipment.equipmentId'],
      ['bundle-establishment.foreign', 'survey[0].finess'],
    ]);
  });

  it('catches figures that disagree with their histograms: counts and quantiles beyond half a bin', () => {
    const json = payloadJson() as Json;
    // True durations A: 9.8 12.1 14.6 15.1 20.2 → P50 14.6; binned 10 12 14.5 15 20 → 14.5 (within 0.25).
    expect(json['machines'][0]['indicators']['durationMinutes']['A']['p50']).toBeCloseTo(14.6, 9);
    json['machines'][0]['indicators']['durationMinutes']['A']['p50'] = 14.8; // 0.3 from 14.5: changed
    json['machines'][0]['indicators']['durationMinutes']['U']['n'] = 3;
    json['machines'][1]['indicators']['exams'] = 5; // its histograms hold 7 durations
    json['machines'][1]['indicators']['reportDelayMinutes']['inpatient'] = {
      n: 1,
      p20: 1,
      p50: 1,
      p80: 1,
    };
    expect(pairs(errorsOf(json))).toEqual([
      ['bundle-consistency.quantile', 'machines[0].indicators.durationMinutes.A.p50'],
      ['bundle-consistency.n', 'machines[0].indicators.durationMinutes.U.n'],
      ['bundle-consistency.keys', 'machines[1].indicators.reportDelayMinutes.inpatient'],
      ['bundle-consistency.exams', 'machines[1].indicators.exams'],
    ]);
    json['machines'][0]['indicators']['durationMinutes']['A']['p50'] = 14.7; // 0.2 from 14.5: within half a bin
    expect(pairs(errorsOf(json))[0]).toEqual([
      'bundle-consistency.n',
      'machines[0].indicators.durationMinutes.U.n',
    ]);
  });

  it('refuses another format or version with one problem, and a missing figure', () => {
    expect(pairs(errorsOf({ ...payloadJson(), format: 'zip' }))).toEqual([
      ['bundle-invalid.format', 'format'],
    ]);
    expect(errorsOf({ ...payloadJson(), version: 2 })[0]?.params).toMatchObject({
      version: 2,
      supported: 1,
    });
    const json = payloadJson() as Json;
    delete json['machines'][0]['indicators']['night'];
    expect(pairs(errorsOf(json))).toEqual([
      ['bundle-invalid.missing', 'machines[0].indicators.night'],
    ]);
  });
});

describe('readSignedBundle', () => {
  it('reads the outer file by its allow-list', () => {
    const file = {
      format: 'plateau-signed-bundle',
      version: 1,
      payload: '{}',
      signature: { algorithm: 'Ed25519', keyId: '0123456789abcdef', value: 'AAAA' },
    };
    expect('bundle' in readSignedBundle(file)).toBe(true);
    const extra = readSignedBundle({ ...file, exams: [] });
    expect('errors' in extra && pairs(extra.errors)).toEqual([['bundle-exam-rows', 'exams']]);
  });
});

describe('invalidCampaignFields', () => {
  it('names the unusable fields as campaign.json would', () => {
    expect(
      invalidCampaignFields({
        id: 'c',
        name: 'C',
        start: '2011-03-07',
        days: 28,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual([]);
    expect(
      invalidCampaignFields({ id: ' ', start: '2011-13-01', days: 0.5, timeZone: 'Nowhere' }),
    ).toEqual(['id', 'name', 'start', 'days', 'timeZone']);
  });
});
