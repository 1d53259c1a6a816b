// plateau trends over a store holding the three demo years of a small synthetic campaign (20
// machines, 7 days): --json gives the API's trend (nation by default, a machine, a site, a region;
// --campaigns narrows the series); the text has one row per figure with one column per campaign
// (by start year) and says "since last year" in the language asked; usage errors exit 2, a machine
// or campaign not stored exits 1; --help documents it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import type { GroupTrend, MachineTrend, SiteTrend } from '../../src/core/trends/index.ts';
import { generateKit } from '../../src/generate/index.ts';
import { importKit, loadResults, openStore } from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';

const IDS = ['synthetic-77', 'synthetic-77-y2', 'synthetic-77-y3'];
let dir: string;
const kits: Kit[] = [];
const opening = new Map<string, (number | null)[]>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plateau-trends-cli-'));
  const store = await openStore({ dataDir: dir });
  try {
    for (const year of [1, 2, 3]) {
      const kit = generateKit({ seed: 77, machines: 20, days: 7, year });
      kits.push(kit);
      await importKit(store, kit, { source: 'test' });
    }
    for (const id of IDS) {
      for (const m of (await loadResults(store, id))!.machines) {
        const list = opening.get(m.equipmentId) ?? [];
        list.push(m.openingHoursPerWeek.programmed);
        opening.set(m.equipmentId, list);
      }
    }
  } finally {
    await store.close();
  }
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const trends = (...args: string[]) =>
  runCli(['trends', '--data', dir, '--campaign', IDS[2]!, ...args]);

describe('plateau trends', () => {
  it('gives the nation by default as JSON, per modality over the three campaigns', async () => {
    const run = await trends('--json');
    expect(run.code, run.stderr).toBe(0);
    const trend = JSON.parse(run.stdout) as GroupTrend;
    expect([trend.level, trend.campaigns.map((c) => c.id)]).toEqual(['nation', IDS]);
    expect(trend.byModality.CT!.map((y) => y.machines)).toEqual(
      kits.map((k) => k.equipment.filter((m) => m.modality === 'CT').length),
    );
    const mr = JSON.parse(
      (await trends('--json', '--modality', 'MR', '--campaigns', IDS[0]!)).stdout,
    ) as GroupTrend;
    expect([Object.keys(mr.byModality), mr.campaigns.map((c) => c.id)]).toEqual([
      ['MR'],
      [IDS[0], IDS[2]],
    ]);
  });

  it('gives a machine, a site and a region as JSON', async () => {
    const id = [...opening].find(([, v]) => v.length === 3)![0];
    const machine = JSON.parse((await trends('--json', '--machine', id)).stdout) as MachineTrend;
    expect(
      machine.figures.find((f) => f.key === 'programmedOpening')!.points.map((p) => p.value),
    ).toEqual(opening.get(id));
    const finess = kits[2]!.equipment.find((m) => m.equipmentId === id)!.finess;
    const site = JSON.parse((await trends('--json', '--site', finess)).stdout) as SiteTrend;
    expect([site.finess, site.years.map((y) => y.campaignId)]).toEqual([finess, IDS]);
    const region = kits[2]!.establishments.find((e) => e.finess === finess)!.region;
    const group = JSON.parse((await trends('--json', '--region', region)).stdout) as GroupTrend;
    expect([group.level, group.region]).toEqual(['region', region]);
  });

  it('prints one row per figure and one column per campaign, then since last year, in French or English', async () => {
    const id = [...opening].find(([, v]) => v.length === 3 && v.every((x) => x !== null))![0];
    const en = await trends('--machine', id, '--lang', 'en');
    expect(en.code, en.stderr).toBe(0);
    const header = en.stdout.split('\n').find((l) => l.startsWith('Figure'))!;
    expect(header.split(/\s{2,}/)).toEqual(['Figure', '2010', '2011', '2012']);
    // Values as formatValue writes them (a no-break space before the unit).
    const row = en.stdout
      .split('\n')
      .find((l) => l.startsWith('Programmed opening'))!
      .replace(/[\u00a0\u202f]/g, ' ');
    expect(row).toContain(`${opening.get(id)![2]!.toFixed(1)} h/week (peers P50`);
    expect(en.stdout).toMatch(
      /Since last year \(synthetic-77-y2 → synthetic-77-y3\)|No notable change between synthetic-77-y2 and synthetic-77-y3/,
    );
    const fr = await trends('--lang', 'fr');
    expect(fr.stdout).toContain('Tendances nationales');
    expect(fr.stdout).toMatch(/Depuis l’an dernier|Aucun changement notable/);
  });

  it('refuses bad usage (exit 2) and what is not stored (exit 1); --help documents it', async () => {
    expect((await trends('--site', '1', '--machine', 'x')).code).toBe(2);
    expect((await trends('--modality', 'XR')).code).toBe(2);
    expect((await trends('--machine', 'x', '--modality', 'CT')).code).toBe(2);
    const machine = await trends('--machine', 'NOPE');
    expect([machine.code, machine.stderr]).toEqual([
      1,
      expect.stringContaining("no machine 'NOPE' in campaign 'synthetic-77-y3'"),
    ]);
    const campaigns = await trends('--campaigns', 'nope');
    expect([campaigns.code, campaigns.stderr]).toEqual([
      1,
      expect.stringContaining("no campaign 'nope' stored before"),
    ]);
    const help = await runCli(['trends', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Usage: plateau trends [--campaign ID] [--site FINESS | --machine ID | --region R]',
    );
  });
});
