/**
 * The demo years of the synthetic campaign (src/generate/years.ts): year 1 is byte for byte the
 * kit main wrote before the years existed (hashes recorded by hand from `plateau generate` at
 * ef82405); years 2 and 3 keep its panel and show each documented change in their raw rows.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMMED_TYPES } from '../../src/core/indicators/openings.ts';
import type { Kit, SessionType } from '../../src/core/kit-types.ts';
import {
  generateKit,
  planCampaign,
  writeGeneratedKit,
  yearChanges,
} from '../../src/generate/index.ts';
import type { YearChange } from '../../src/generate/index.ts';
import { REGIONS } from '../../src/generate/geography.ts';
import { POPULATION } from '../../src/plan/territories/population.ts';
import { generateOptions } from '../../src/cli/commands/generate.ts';
import { UsageError } from '../../src/cli/output.ts';

const SMALL = { seed: 2010, machines: 60, days: 14 } as const;
const PROGRAMMED: ReadonlySet<SessionType> = new Set(PROGRAMMED_TYPES);
const MINUTE = 60_000;

let tmp: string;
const kits: Record<1 | 2 | 3, Kit> = {} as Record<1 | 2 | 3, Kit>;
let changes: YearChange[];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plateau-years-'));
  for (const year of [1, 2, 3] as const) kits[year] = generateKit({ ...SMALL, year });
  changes = yearChanges({ ...SMALL, year: 3 });
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ofKind = (kind: YearChange['kind']): YearChange[] => changes.filter((c) => c.kind === kind);
const sitesOf = (kind: YearChange['kind']): string[] => [
  ...new Set(ofKind(kind).map((c) => c.finess)),
];

/** Σ late start (first exam of 3 min or more − start) over the programmed sessions that start a stretch, in minutes a week. */
function lateMinutesPerWeek(kit: Kit, equipmentId: string): number {
  const sessions = kit.sessions
    .filter((s) => s.equipmentId === equipmentId && PROGRAMMED.has(s.type))
    .sort((a, b) => a.start - b.start);
  const exams = kit.exams.filter(
    (e) => e.equipmentId === equipmentId && e.roomOut - e.roomIn >= 3 * MINUTE,
  );
  let late = 0;
  for (const s of sessions) {
    const first = exams
      .filter((e) => e.roomIn >= s.start && e.roomIn < s.end)
      .reduce((t, e) => Math.min(t, e.roomIn), Infinity);
    if (first < Infinity) late += (first - s.start) / MINUTE;
  }
  return late / (kit.campaign.days / 7);
}

/** Programmed session hours a week of a machine, from sessions.csv. */
function programmedHours(kit: Kit, equipmentId: string): number {
  const ms = kit.sessions
    .filter((s) => s.equipmentId === equipmentId && PROGRAMMED.has(s.type))
    .reduce((t, s) => t + s.end - s.start, 0);
  return ms / 3_600_000 / (kit.campaign.days / 7);
}

const siteLate = (kit: Kit, finess: string): number =>
  kit.equipment
    .filter((e) => e.finess === finess)
    .reduce((t, e) => t + lateMinutesPerWeek(kit, e.equipmentId), 0);

describe('year 1', () => {
  it('is byte for byte the kit written before the demo years existed (40 machines, 7 days)', async () => {
    const dir = join(tmp, 'y1');
    await writeGeneratedKit(dir, { machines: 40, days: 7 });
    const hashes = Object.fromEntries(
      readdirSync(dir)
        .sort()
        .map((f) => [
          f,
          createHash('sha256')
            .update(readFileSync(join(dir, f)))
            .digest('hex')
            .slice(0, 16),
        ]),
    );
    // `plateau generate /tmp/h1/base-40 --machines 40 --days 7` on main at ef82405, sha256 (first 16 digits).
    expect(hashes).toEqual({
      'README.md': '65756576df368777',
      'acts.csv': '36309b7f11664aed',
      'appointment-survey.csv': '397760b09f083866',
      'campaign.json': '2f13fe2a1cda9a07',
      'costs.csv': '3d0b43b89d686562',
      'equipment-register.csv': '7227347dd367ca1c',
      'equipment.csv': '4ba4cb09c7620cba',
      'establishments.csv': '34f6f84c54cd1db7',
      'exams.csv': 'b5418dbbdf9e0152',
      'sessions.csv': '9508f16b17d5bc44',
      'slots.csv': '288263975d78f5bd',
    });
  });

  it('has no changes, and the same campaign id as ever', () => {
    expect(yearChanges(SMALL)).toEqual([]);
    expect(kits[1].campaign.id).toBe('synthetic-2010');
    expect(kits[1].equipment.some((e) => e.previousId !== undefined)).toBe(false);
  });
});

describe('years 2 and 3', () => {
  it('are later campaigns of their own: ids, names, Monday starts; an explicit start wins', () => {
    expect([kits[2].campaign.id, kits[3].campaign.id]).toEqual([
      'synthetic-2010-y2',
      'synthetic-2010-y3',
    ]);
    expect([kits[2].campaign.start, kits[3].campaign.start]).toEqual(['2011-03-07', '2012-03-05']);
    expect(kits[2].campaign.name).toContain('année 2 (2011)');
    expect(kits[3].campaign.name).toContain('année 3 (2012)');
    expect(new Date('2011-03-07T12:00:00Z').getUTCDay()).toBe(1);
    expect(new Date('2012-03-05T12:00:00Z').getUTCDay()).toBe(1);
    expect(planCampaign({ ...SMALL, year: 2, start: '2011-09-05' }).campaign.start).toBe(
      '2011-09-05',
    );
    expect(() => planCampaign({ year: 4 })).toThrow(/year/);
    // plateau generate --year N
    expect(generateOptions({ year: '3' }).year).toBe(3);
    expect(generateOptions({}).year).toBe(1);
    expect(() => generateOptions({ year: '4' })).toThrow(UsageError);
  });

  it('keep year 1’s panel (sites, ids, installed years) and draw new exams', () => {
    const y2 = new Map(kits[2].equipment.map((e) => [e.equipmentId, e]));
    const replaced = ofKind('machine-replaced').map((c) => c.previousEquipmentId);
    for (const e of kits[1].equipment) {
      if (replaced.includes(e.equipmentId)) continue;
      expect(y2.get(e.equipmentId)).toMatchObject({
        finess: e.finess,
        modality: e.modality,
        installedYear: e.installedYear,
      });
    }
    for (const s of kits[1].establishments) expect(kits[2].establishments).toContainEqual(s);
    const count = (kit: Kit, id: string): number =>
      kit.exams.filter((x) => x.equipmentId === id).length;
    // Natural noise: the same machine does not repeat its year-1 exams.
    const same = kits[1].equipment.filter(
      (e) => count(kits[1], e.equipmentId) === count(kits[2], e.equipmentId),
    ).length;
    expect(same).toBeLessThan(kits[1].equipment.length / 4);
  });

  it('add machines in the most under-equipped region (fewest campaign machines per million), one at a new site', () => {
    const added = ofKind('machine-added');
    expect(added.length).toBeGreaterThanOrEqual(1);
    // Hand-checked for 60 machines, seed 2010: Nord-Pas-de-Calais had one campaign machine for 4.05 million.
    expect(new Set(added.map((c) => c.region))).toEqual(new Set(['Nord-Pas-de-Calais']));
    const millions = (name: string): number => {
      const codes = new Set(REGIONS.find((r) => r.name === name)!.departments.map((d) => d.code));
      return (
        POPULATION.departments
          .filter((d) => codes.has(d.code))
          .reduce((t, d) => t + d.population, 0) / 1e6
      );
    };
    const regionOf = new Map(kits[1].establishments.map((e) => [e.finess, e.region]));
    const density = (name: string): number =>
      kits[1].equipment.filter((e) => regionOf.get(e.finess) === name).length / millions(name);
    for (const r of REGIONS)
      expect(density(r.name)).toBeGreaterThanOrEqual(density('Nord-Pas-de-Calais'));
    for (const year of [2, 3] as const) {
      const sites = new Map(kits[year].establishments.map((e) => [e.finess, e]));
      for (const c of added) {
        const machine = kits[year].equipment.find((e) => e.equipmentId === c.equipmentId);
        expect(machine?.finess).toBe(c.finess);
        expect(sites.get(c.finess)?.region).toBe('Nord-Pas-de-Calais');
        expect(kits[year].exams.some((x) => x.equipmentId === c.equipmentId)).toBe(true);
      }
    }
    expect(kits[1].equipment.some((e) => added.some((c) => c.equipmentId === e.equipmentId))).toBe(
      false,
    );
    expect(kits[2].establishments.length).toBe(kits[1].establishments.length + 1);
  });

  it('open the saturated MRIs longer: year 2, then more in year 3 (sessions.csv)', () => {
    const extended = ofKind('hours-extended');
    expect(extended.filter((c) => c.year === 2).length).toBeGreaterThanOrEqual(1);
    for (const c of extended.filter((x) => x.year === 2)) {
      expect(kits[1].equipment.find((e) => e.equipmentId === c.equipmentId)?.modality).toBe('MR');
      const [h1, h2, h3] = [1, 2, 3].map((y) =>
        programmedHours(kits[y as 1 | 2 | 3], c.equipmentId),
      ) as [number, number, number];
      // +8 h/week planned in year 2, +4 more in year 3 (a breakdown may cut a few hours of a fortnight).
      expect(h2 - h1).toBeGreaterThan(5);
      expect(h3 - h1).toBeGreaterThan(9);
    }
  });

  it('show the site that fixed its late starts (year 2) and the one that got worse (year 3), measured from exams', () => {
    const [fixed] = sitesOf('late-starts-fixed');
    const [worse] = sitesOf('late-starts-worse');
    expect(fixed).toBeDefined();
    expect(worse).toBeDefined();
    expect(ofKind('late-starts-fixed').every((c) => c.year === 2 && c.detail.after === 0)).toBe(
      true,
    );
    const fixedLate = [1, 2, 3].map((y) => siteLate(kits[y as 1 | 2 | 3], fixed!));
    expect(fixedLate[0]).toBeGreaterThan(20);
    expect(fixedLate[1]).toBeLessThan(0.3 * fixedLate[0]!);
    expect(fixedLate[2]).toBeLessThan(0.3 * fixedLate[0]!);
    const worseLate = [1, 2, 3].map((y) => siteLate(kits[y as 1 | 2 | 3], worse!));
    // Median late start ×3 (within 25–40 min) in the profile; about 4 late sessions a week, so a fortnight's lognormal draws are noisy (measured 82, 64.5, 124 min/week).
    expect(worseLate[2]).toBeGreaterThan(1.5 * worseLate[1]!);
    expect(worseLate[2]).toBeGreaterThan(1.3 * worseLate[0]!);
  });

  it('replace one machine in year 2: a new id whose previous_id names the year-1 one, newer installed year', async () => {
    const [c] = ofKind('machine-replaced');
    expect(c).toBeDefined();
    const old = kits[1].equipment.find((e) => e.equipmentId === c!.previousEquipmentId)!;
    for (const year of [2, 3] as const) {
      const now = kits[year].equipment.find((e) => e.equipmentId === c!.equipmentId)!;
      expect(now).toMatchObject({
        previousId: old.equipmentId,
        finess: old.finess,
        modality: old.modality,
        installedYear: 2011,
      });
      expect(now.installedYear!).toBeGreaterThan(old.installedYear!);
      expect(kits[year].equipment.some((e) => e.equipmentId === old.equipmentId)).toBe(false);
      expect(kits[year].exams.some((x) => x.equipmentId === old.equipmentId)).toBe(false);
    }
    // Only the replacement carries previous_id.
    expect(
      kits[2].equipment.filter((e) => e.previousId !== undefined).map((e) => e.equipmentId),
    ).toEqual([c!.equipmentId]);
    // On disk: equipment.csv has the previous_id column (written only when a machine has one).
    const dir = join(tmp, 'y2');
    await writeGeneratedKit(dir, { machines: 40, days: 7, year: 2 });
    const lines = readFileSync(join(dir, 'equipment.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('equipment_id,finess,modality,label,installed_year,role,previous_id');
    const small = yearChanges({ machines: 40, days: 7, year: 2 }).find(
      (x) => x.kind === 'machine-replaced',
    )!;
    expect(lines.filter((l) => l.endsWith(`,${small.previousEquipmentId}`))).toHaveLength(1);
    expect(
      lines
        .find((l) => l.endsWith(`,${small.previousEquipmentId}`))
        ?.startsWith(`${small.equipmentId},`),
    ).toBe(true);
    expect(readFileSync(join(dir, 'campaign.json'), 'utf8')).toContain('"id": "synthetic-2010-y2"');
  });

  it('remove one machine in year 3 (its site keeps another of its modality)', () => {
    const [c] = ofKind('machine-removed');
    expect(c?.year).toBe(3);
    expect(kits[2].equipment.some((e) => e.equipmentId === c!.equipmentId)).toBe(true);
    expect(kits[3].equipment.some((e) => e.equipmentId === c!.equipmentId)).toBe(false);
    expect(kits[3].exams.some((x) => x.equipmentId === c!.equipmentId)).toBe(false);
    expect(kits[3].sessions.some((x) => x.equipmentId === c!.equipmentId)).toBe(false);
    const gone = kits[2].equipment.find((e) => e.equipmentId === c!.equipmentId)!;
    expect(
      kits[3].equipment.some((e) => e.finess === gone.finess && e.modality === gone.modality),
    ).toBe(true);
    expect(kits[3].equipment.length).toBe(kits[2].equipment.length - 1);
  });

  it('list year 2’s changes again in year 3 (changes add up), each on a machine of that year', () => {
    const two = yearChanges({ ...SMALL, year: 2 });
    expect(changes.filter((c) => c.year === 2)).toEqual(two);
    expect(new Set(changes.map((c) => c.kind))).toEqual(
      new Set([
        'machine-added',
        'hours-extended',
        'late-starts-fixed',
        'late-starts-worse',
        'machine-replaced',
        'machine-removed',
      ]),
    );
  });
});
