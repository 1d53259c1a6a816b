// `plateau oncall` on two kits: a hand-made two-site kit whose pooled lines, on-call hours and
// shares are worked out by hand (the same case as test/plan/oncall/pooling.test.ts, through the
// kit files and the CLI), and a small generated kit for the document's shape; usage errors
// (exit 2) and the tables in French and English.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OncallDocument } from '../../src/plan/oncall/document.ts';
import { generateKit } from '../../src/generate/index.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { buildKit, type MiniExam } from '../helpers/build-kit.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-oncall-'));
const HAND = join(tmp, 'hand');
const GEN = join(tmp, 'gen');
const A = '590000001';
const B = '620000002';
let genDepartment = '';
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

/*
 * One week from Monday 2026-01-05 in Paris (CET, no DST, no holiday): PDS hours are 5 nights ×
 * 12 h = 60 and the weekend's 48 h, 108 h in all. Site A (Nord, 59) has one CT exam ending at
 * hh:30 of every PDS hour (108 a week, λ = 1/h) and B (Pas-de-Calais, 62) one every other PDS
 * hour (54, λ = 0.5/h); A has daytime exams too, which are not PDS. Reading 10 min exponential
 * (μ = 6/h), target 30 min. M/M/1: P(T ≤ t) = 1 − e^{−(μ−λ)t}:
 *   A alone 1 − e^{−2.5} = 0.917915, B alone 1 − e^{−2.75} = 0.936072, the hub (λ = 1.5) with
 *   one line 1 − e^{−2.25} = 0.894601 (< 0.9), with two lines (Erlang C, C = 1/36)
 *   1 − e^{−3} − C·6·(e^{−3} − e^{−5.25})/4.5 = 0.948563.
 * Target 90 %: separate 1 + 1 lines × 108 h = 216 h; the hub 2 lines × 108 h = 216 h.
 * Target 85 %: the hub 1 line, 108 h; hub at night (1 × 60) + sites at weekends (2 × 48) = 156 h;
 *   sites at night (2 × 60) + hub at weekends (1 × 48) = 168 h.
 */
function handKit() {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const a: MiniExam[] = [];
  const b: MiniExam[] = [];
  let k = 0;
  for (let day = 5; day <= 11; day++)
    for (let h = 0; h < 24; h++) {
      const exam = {
        in: `2026-01-${pad(day)}T${pad(h)}:10`,
        out: `2026-01-${pad(day)}T${pad(h)}:30`,
      };
      const weekday = day <= 9;
      if (weekday && h >= 8 && h < 20) {
        a.push(exam); // daytime: not PDS
        continue;
      }
      a.push(exam);
      if (k % 2 === 0) b.push(exam);
      k++;
    }
  const kit = buildKit(
    [
      { id: 'A-CT', finess: A, exams: a },
      { id: 'B-CT', finess: B, exams: b },
    ],
    { id: 'hand', name: 'Deux sites', start: '2026-01-05', days: 7 },
  );
  Object.assign(
    kit.establishments.find((e) => e.finess === B)!,
    { department: '62', name: 'Site B' },
  );
  Object.assign(
    kit.establishments.find((e) => e.finess === A)!,
    { name: 'Site A' },
  );
  return kit;
}

beforeAll(async () => {
  await writeKitDir(HAND, handKit());
  const gen = generateKit({ seed: 2010, machines: 12 });
  genDepartment = gen.establishments.find((e) => e.department !== null)!.department!;
  await writeKitDir(GEN, gen);
});

async function doc(...args: string[]): Promise<OncallDocument> {
  const r = await runCli(['oncall', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as OncallDocument;
}
const HANDMADE = [
  '--reading-minutes',
  'CT=10,MR=20',
  '--reading',
  'exponential',
  '--hourly-rate',
  '100',
];
const opt = (d: OncallDocument, id: string) => d.options.find((o) => o.option === id)!;

describe('plateau oncall on a two-site kit worked out by hand', () => {
  it('measures the PDS hours and demand of the region (both sites)', async () => {
    const d = await doc(HAND, '--region', '32', ...HANDMADE);
    expect(d.territory).toMatchObject({ kind: 'region', code: '32' });
    expect(d.sites.map((s) => s.finess)).toEqual([A, B]);
    expect(d.demand.hoursPerWeek).toEqual({ night: 60, weekend: 48 });
    expect(d.demand.rows.map((r) => [r.site, r.perWeek.night, r.perWeek.weekend])).toEqual([
      [A, 60, 48],
      [B, 30, 24],
    ]);
  });

  it('target 90 %: two lines either way, 216 on-call hours, the hub reads more within target', async () => {
    const d = await doc(HAND, '--sites', `${B},${A}`, ...HANDMADE);
    const sep = opt(d, 'separate');
    expect(sep).toMatchObject({ linesNeeded: 2, onCallHoursPerWeek: 216, costPerWeek: 21_600 });
    expect(sep.examsPerOnCallHour).toBeCloseTo(162 / 216, 10);
    expect(sep.shareReadWithinTarget).toBeCloseTo((108 * 0.917915 + 54 * 0.936072) / 162, 5);
    expect(sep.meanResponseMinutes).toBeCloseTo((108 * 12 + 54 * (60 / 5.5)) / 162, 5);
    const hub = opt(d, 'hub');
    expect(hub).toMatchObject({ linesNeeded: 2, onCallHoursPerWeek: 216 });
    expect(hub.shareReadWithinTarget).toBeCloseTo(0.948563, 5);
    expect(sep.provenance).toEqual({
      linesNeeded: 'input',
      onCallHoursPerWeek: 'input',
      shareReadWithinTarget: 'input',
      meanResponseMinutes: 'input',
      examsPerOnCallHour: 'input',
      costPerWeek: 'input',
    });
    expect(d.notes.map((n) => n.code)).not.toContain('illustrativeReading');
  });

  it('target 85 %: the hub needs one line and half the hours; the mixes by hand', async () => {
    const d = await doc(HAND, '--region', 'Hauts-de-France', ...HANDMADE, '--target-share', '0.85');
    expect(opt(d, 'separate')).toMatchObject({ linesNeeded: 2, onCallHoursPerWeek: 216 });
    const hub = opt(d, 'hub');
    expect(hub).toMatchObject({ linesNeeded: 1, onCallHoursPerWeek: 108, costPerWeek: 10_800 });
    expect(hub.shareReadWithinTarget).toBeCloseTo(0.894601, 5);
    expect(hub.meanResponseMinutes).toBeCloseTo(13.333333, 5);
    expect(opt(d, 'hub-night-sites-weekend')).toMatchObject({
      linesNeeded: 2,
      onCallHoursPerWeek: 156,
    });
    expect(opt(d, 'sites-night-hub-weekend')).toMatchObject({
      linesNeeded: 2,
      onCallHoursPerWeek: 168,
    });
  });

  it('a département takes only its sites; a holiday turns a weekday into PDS hours', async () => {
    const d = await doc(HAND, '--department', '59', ...HANDMADE, '--holidays', '2026-01-06');
    expect(d.sites.map((s) => s.finess)).toEqual([A]);
    // Tuesday 6 January becomes a weekend-like day: its 24 h leave the night (60 − 12 = 48) for the weekend (48 + 24).
    expect(d.demand.hoursPerWeek).toEqual({ night: 48, weekend: 72 });
    expect(d.model.holidays).toEqual(['2026-01-06']);
    expect(d.notes.map((n) => n.code)).not.toContain('noHolidays');
  });

  it('without reading times, the defaults are illustrative and read in fixed time: 90 % in 30 min is reachable', async () => {
    const d = await doc(HAND, '--department', '59');
    expect(d.model.readingMinutes).toEqual({ CT: 15, MR: 20 });
    expect(d.model.distribution).toBe('deterministic');
    expect(opt(d, 'hub').provenance.linesNeeded).toBe('illustrative');
    expect(opt(d, 'hub').costPerWeek).toBeNull();
    expect(d.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['illustrativeReading', 'noHolidays']),
    );
    expect(d.notes.map((n) => n.code)).not.toContain('readingCeiling');
    expect(d.notes.map((n) => n.code)).not.toContain('unreachable');
    // Fixed 15-min reads of λ = 1/h (site A alone): response ≤ 30 min ⇔ wait ≤ 15 min,
    // P = (1 − ρ)·e^{λS} = 0.75·e^{0.25} = 96.3 % with one line.
    expect(opt(d, 'hub').linesNeeded).toBe(1);
    expect(opt(d, 'hub').onCallHoursPerWeek).toBe(108);
    expect(opt(d, 'hub').queues[0]!.method).toBe('simulation');
    expect(opt(d, 'hub').shareReadWithinTarget).toBeGreaterThan(0.963 - 0.01);
    expect(opt(d, 'hub').shareReadWithinTarget).toBeLessThan(0.963 + 0.01);
    expect(await doc(HAND, '--department', '59', '--reading', 'fixed')).toEqual(d);
  });

  it('exponential reading (Erlang C): the illustrative 15 min cannot reach 90 % in 30 min, and the notes say so', async () => {
    const d = await doc(HAND, '--department', '59', '--reading', 'exponential');
    expect(d.model.distribution).toBe('exponential');
    expect(opt(d, 'hub').queues.every((q) => q.method === 'erlang-c')).toBe(true);
    // Even with no wait only 1 − e^{−2} = 86 % is read within 30 min < 90 %.
    expect(opt(d, 'hub').linesNeeded).toBeNull();
    expect(d.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['unreachable', 'readingCeiling']),
    );
    const ceiling = d.notes.find((n) => n.code === 'readingCeiling')!;
    expect(Number(ceiling.params.share)).toBeCloseTo(1 - Math.exp(-2), 10);
  });
});

describe('plateau oncall on a generated kit', () => {
  it('gives the document with flat figures for the four options', async () => {
    const d = await doc(GEN, '--department', genDepartment);
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining(['territory', 'sites', 'demand', 'options', 'model', 'notes']),
    );
    expect(d.options.map((o) => o.option)).toEqual([
      'separate',
      'hub',
      'hub-night-sites-weekend',
      'sites-night-hub-weekend',
    ]);
    for (const o of d.options) {
      for (const key of [
        'linesNeeded',
        'onCallHoursPerWeek',
        'shareReadWithinTarget',
        'meanResponseMinutes',
        'examsPerOnCallHour',
        'costPerWeek',
      ] as const) {
        expect(key in o, key).toBe(true);
        expect(o[key] === null || typeof o[key] === 'number', key).toBe(true);
        expect(o.provenance[key]).toBe('illustrative'); // default reading times
      }
    }
    expect(d.sites.length).toBeGreaterThan(0);
  });
});

describe('plateau oncall tables and errors', () => {
  it('prints the table in French', async () => {
    const r = await runCli(['oncall', HAND, '--region', '32', ...HANDMADE, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Chaque site seul');
    expect(r.stdout).toContain('Un centre pour tous');
    expect(r.stdout).toContain('Heures de garde / sem.');
    expect(r.stdout).toContain('2 sites');
    expect(r.stdout.replace(/\u202f/g, ' ')).toContain(
      'Provenance : demande — mesuré ; lignes, heures, parts et réponse — saisi ; coût — saisi',
    );
    expect(r.stdout).toContain('94,9'); // the hub's share within target, 94.86 %
  });

  it('prints the table in English, saying the default reading times are illustrative and read in fixed time', async () => {
    const r = await runCli(['oncall', HAND, '--department', '59', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Each site alone');
    expect(r.stdout).toContain('Hub at night, sites at weekends');
    expect(r.stdout).toContain('1 site:');
    expect(r.stdout).toContain('ILLUSTRATIVE');
    expect(r.stdout).toContain('fixed (simulated) distribution');
    expect(r.stdout).toContain('plateau has no holiday table');
    expect(r.stdout).not.toContain('even with no wait');
    const e = await runCli([
      'oncall',
      HAND,
      '--department',
      '59',
      '--reading',
      'exponential',
      '--lang',
      'en',
    ]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toContain('exponential distribution');
    expect(e.stdout).toContain('even with no wait only 86% of CT exams are read within 30 min');
  });

  it('says in its usage that fixed reading is the default', async () => {
    const r = await runCli(['oncall', '--help']);
    expect(r.stdout + r.stderr).toContain('fixed (default: each read takes its mean');
  });

  it.each([
    [['--region', '32', '--department', '59'], 'exactly one of --department'],
    [[], 'exactly one of --department'],
    [['--department', '99'], '--department'],
    [['--region', 'Atlantis'], '--region'],
    [['--department', '59', '--reading-minutes', 'CT=abc'], 'CT=15,MR=20'],
    [['--department', '59', '--reading-minutes', 'XR=10'], 'CT=15,MR=20'],
    [['--department', '59', '--reading', 'gamma'], 'exponential, fixed'],
    [['--department', '59', '--target-share', '1.5'], 'strictly between 0 and 1'],
    [['--department', '59', '--target-minutes', '0'], 'a positive number'],
    [['--department', '59', '--hourly-rate', '-3'], 'zero or more'],
    [['--department', '59', '--holidays', '2026-02-30'], 'YYYY-MM-DD'],
  ])('refuses %j with exit 2', async (args, words) => {
    const r = await runCli(['oncall', HAND, ...args, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
  });

  it('says clearly when the territory has no campaign site, or a site is unknown', async () => {
    const r = await runCli(['oncall', HAND, '--department', '75', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no campaign site in département 75 (Paris)');
    const s = await runCli(['oncall', HAND, '--sites', `${A},999999999`, '--lang', 'en']);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('sites not in the campaign: 999999999');
  });
});

describe('plateau oncall from the store', () => {
  it('gives the document of the kit once imported', async () => {
    const data = join(tmp, 'store');
    const imported = await runCli(['import', HAND, '--data', data]);
    expect(imported.code, imported.stderr).toBe(0);
    const stored = await doc('--region', '32', ...HANDMADE, '--data', data);
    expect(stored).toEqual(await doc(HAND, '--region', '32', ...HANDMADE));
    expect(opt(stored, 'hub')).toMatchObject({ linesNeeded: 2, onCallHoursPerWeek: 216 });
  }, 60_000);
});
