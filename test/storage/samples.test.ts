// Machine samples in the store: the binary format round-trips (property) and refuses what it did
// not write; on every engine an import stores what the engine computed, a filtered benchmark on
// the loaded samples equals the one from the kit, re-imports and recomputes replace, keep or
// delete rows, deleting a campaign takes them along, and a store made by migration 0001 gets the
// table and, on first use, its samples. `plateau indicators --region` pools the stored exams.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkByModality } from '../../src/core/benchmark.ts';
import type { CampaignComputation, MachineSamples } from '../../src/core/indicators/index.ts';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { applyFilter } from '../../src/cli/commands/indicators.ts';
import { storedComputation } from '../../src/cli/commands/campaigns.ts';
import { importKit, recomputeResults } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import { migrate, schemaTag } from '../../src/storage/migrate.ts';
import { MIGRATIONS } from '../../src/storage/migrations/index.ts';
import * as m0001 from '../../src/storage/migrations/0001-initial.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { openPgliteDb } from '../../src/storage/pglite/pglite-db.ts';
import { defaultTemplatePath } from '../../src/storage/pglite/template.ts';
import { deleteCampaign, loadResults } from '../../src/storage/queries.ts';
import { decodeSamples, encodeSamples, loadSamples } from '../../src/storage/sample-repository.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';
import { syntheticKit } from './synthetic-kit.ts';

const GROUP_KEYS = {
  durationMinutes: ['A', 'H', 'R', 'U'],
  reportDelayMinutes: ['outpatient', 'inpatient', 'emergency'],
  appointmentDelayDays: ['outpatient', 'inpatient'],
} as const;

/** Samples are in no particular order: each array sorted, for comparing as multisets. */
function sorted(samples: ReadonlyMap<string, MachineSamples>): Map<string, MachineSamples> {
  const sortGroup = <K extends string>(g: Partial<Record<K, Float64Array>>) =>
    Object.fromEntries(
      Object.entries(g).map(([k, v]) => [k, Float64Array.from(v as Float64Array).sort()]),
    ) as Partial<Record<K, Float64Array>>;
  return new Map(
    [...samples].map(([id, s]) => [
      id,
      {
        durationMinutes: sortGroup(s.durationMinutes),
        reportDelayMinutes: sortGroup(s.reportDelayMinutes),
        appointmentDelayDays: sortGroup(s.appointmentDelayDays),
      },
    ]),
  );
}

const values = fc
  .array(
    fc.oneof(
      fc.double(),
      fc.integer({ min: -60, max: 1440 }).map((m) => m / 60_000),
      fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY),
    ),
    { maxLength: 40 },
  )
  .map((a) => Float64Array.from(a));
const group = <K extends string>(keys: readonly K[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, values])) as Record<K, typeof values>, {
    requiredKeys: [],
  });
const arbitrarySamples: fc.Arbitrary<MachineSamples> = fc.record({
  durationMinutes: group(GROUP_KEYS.durationMinutes),
  reportDelayMinutes: group(GROUP_KEYS.reportDelayMinutes),
  appointmentDelayDays: group(GROUP_KEYS.appointmentDelayDays),
});

describe('machine samples encoding', () => {
  it('decodes to what was encoded, every array, value and sign, and encodes back to the same bytes (property)', () => {
    fc.assert(
      fc.property(arbitrarySamples, (samples) => {
        const bytes = encodeSamples(samples);
        const decoded = decodeSamples(bytes);
        expect(decoded).toEqual(samples);
        for (const [g, keys] of Object.entries(GROUP_KEYS) as [
          keyof MachineSamples,
          readonly string[],
        ][]) {
          for (const k of keys) {
            const a = (samples[g] as Record<string, Float64Array | undefined>)[k];
            const b = (decoded[g] as Record<string, Float64Array | undefined>)[k];
            expect(b === undefined).toBe(a === undefined);
            if (a && b) b.forEach((v, i) => expect(Object.is(v, a[i])).toBe(true));
          }
        }
        expect(encodeSamples(decoded)).toEqual(bytes);
        // From any offset: a driver may hand back a view into a larger buffer.
        const shifted = new Uint8Array(bytes.length + 3);
        shifted.set(bytes, 3);
        expect(decodeSamples(shifted.subarray(3))).toEqual(samples);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the documented layout: header, padding to 8, little-endian float64', () => {
    const bytes = encodeSamples({
      durationMinutes: { H: Float64Array.of(1.5, 20) },
      reportDelayMinutes: {},
      appointmentDelayDays: { inpatient: Float64Array.of(-3) },
    });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4c, 0x53, 0x01]);
    expect(view.getUint16(4, true)).toBe(2);
    const key1 = 'durationMinutes.H';
    expect(bytes[6]).toBe(key1.length);
    expect(new TextDecoder().decode(bytes.subarray(7, 7 + key1.length))).toBe(key1);
    expect(view.getUint32(7 + key1.length, true)).toBe(2);
    const second = 7 + key1.length + 4;
    const key2 = 'appointmentDelayDays.inpatient';
    expect(new TextDecoder().decode(bytes.subarray(second + 1, second + 1 + key2.length))).toBe(
      key2,
    );
    const data = Math.ceil((second + 1 + key2.length + 4) / 8) * 8;
    expect(bytes.length).toBe(data + 3 * 8);
    expect([
      view.getFloat64(data, true),
      view.getFloat64(data + 8, true),
      view.getFloat64(data + 16, true),
    ]).toEqual([1.5, 20, -3]);
  });

  it('refuses bytes it did not write', () => {
    const good = encodeSamples({
      durationMinutes: { A: Float64Array.of(1, 2) },
      reportDelayMinutes: {},
      appointmentDelayDays: {},
    });
    expect(() => decodeSamples(new Uint8Array([1, 2, 3]))).toThrow(/corrupt/);
    expect(() => decodeSamples(good.subarray(0, good.length - 1))).toThrow(/bytes where/);
    expect(() => decodeSamples(Uint8Array.from([...good, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(
      /bytes where/,
    );
    const renamed = good.slice();
    renamed[7 + 'durationMinutes.'.length] = 'Z'.charCodeAt(0);
    expect(() => decodeSamples(renamed)).toThrow(/unknown array "durationMinutes.Z"/);
    const versioned = good.slice();
    versioned[3] = 2;
    expect(() => decodeSamples(versioned)).toThrow(/unknown format/);
  });
});

/** Rows of machine_samples for a campaign with the transaction that wrote each (xmin). */
async function sampleRows(store: Store, campaignId: string): Promise<Map<string, string>> {
  const rows = await store.db.query<{ id: string; x: string }>(
    'select equipment_id as id, xmin::text as x from machine_samples where campaign_id = $1',
    [campaignId],
  );
  return new Map(rows.map((r) => [r.id, r.x]));
}

/** A kit of the same campaign where one machine's exams last 7 minutes longer. */
function longerExams(kit: Kit, equipmentId: string): Kit {
  return {
    ...kit,
    exams: kit.exams.map((e) =>
      e.equipmentId === equipmentId ? { ...e, roomOut: e.roomOut + 7 * 60_000 } : e,
    ),
  };
}

describe.each(ENGINES)('stored machine samples on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;

  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('stores at import what the engine computed, in the order of the stored machines', async () => {
    const kit = syntheticKit({ id: 'stored', machines: 16, examsPerMachine: 120 });
    const computed = computeCampaignDetailed(kit);
    await importKit(store, kit);
    const loaded = await loadSamples(store, 'stored');
    expect([...loaded.keys()]).toEqual(
      (await loadResults(store, 'stored'))!.machines.map((m) => m.equipmentId),
    );
    expect(sorted(loaded)).toEqual(sorted(computed.samples));
    expect([...loaded.values()].some((s) => (s.durationMinutes.A?.length ?? 0) > 0)).toBe(true);
    expect(await loadSamples(store, 'no-such-campaign')).toEqual(new Map());
    // Some machines' only (the server's lazy reads), in the stored order; an unknown one absent.
    const ids = [...loaded.keys()];
    const some = await loadSamples(store, 'stored', [ids[9]!, 'EQ-NONE', ids[2]!]);
    expect([...some]).toEqual([ids[2]!, ids[9]!].map((id) => [id, loaded.get(id)]));
  });

  it('gives a filtered benchmark equal to the one computed from the kit', async () => {
    const kit = syntheticKit({ id: 'filtered', machines: 24, examsPerMachine: 150, seed: 11 });
    const computed = computeCampaignDetailed(kit);
    await importKit(store, kit);
    const results = (await loadResults(store, 'filtered'))!;
    const samples = await loadSamples(store, 'filtered');
    for (const filter of [
      { region: 'R3' },
      { region: 'R5', modality: 'CT' as const },
      { legalStatus: 'CHU' },
    ]) {
      const fromStore = benchmarkByModality(results.machines, samples, filter);
      const fromKit = benchmarkByModality(computed.indicators.machines, computed.samples, filter);
      expect(fromStore).toEqual(fromKit);
      // Pooled exam durations: what empty samples could not give.
      expect(fromStore.CT?.durationMinutes.A?.n).toBeGreaterThan(0);
      expect(fromStore).not.toEqual(benchmarkByModality(results.machines, new Map(), filter));
    }
  });

  it('replaces the samples of a changed machine only, and keeps identical ones', async () => {
    const kit = syntheticKit({ id: 'reimport', machines: 8, examsPerMachine: 100 });
    await importKit(store, kit);
    const before = await sampleRows(store, 'reimport');
    expect(before.size).toBe(8);

    const again = await importKit(store, kit, { recompute: true });
    expect(again.results).not.toBeNull();
    expect(await sampleRows(store, 'reimport')).toEqual(before);

    const changed = longerExams(kit, 'EQ0003');
    await importKit(store, changed);
    const after = await sampleRows(store, 'reimport');
    expect([...after].filter(([id, x]) => before.get(id) !== x).map(([id]) => id)).toEqual([
      'EQ0003',
    ]);
    const expected = computeCampaignDetailed((await loadKit(store, 'reimport'))!).samples;
    expect(sorted(await loadSamples(store, 'reimport'))).toEqual(sorted(expected));
    const old = computeCampaignDetailed(kit).samples.get('EQ0003')!;
    const now = (await loadSamples(store, 'reimport')).get('EQ0003')!;
    expect(Math.min(...now.durationMinutes.A!)).toBe(Math.min(...old.durationMinutes.A!) + 7);
  });

  it('deletes the rows of machines the computation no longer gives', async () => {
    const kit = syntheticKit({ id: 'gone', machines: 6, examsPerMachine: 60 });
    await importKit(store, kit);
    const without =
      (id: string) =>
      (k: Kit): CampaignComputation => {
        const c = computeCampaignDetailed(k);
        c.indicators.machines = c.indicators.machines.filter((m) => m.equipmentId !== id);
        c.samples.delete(id);
        return c;
      };
    await recomputeResults(store, 'gone', without('EQ0002'));
    expect([...(await sampleRows(store, 'gone')).keys()].sort()).toEqual([
      'EQ0000',
      'EQ0001',
      'EQ0003',
      'EQ0004',
      'EQ0005',
    ]);
    await importKit(store, longerExams(kit, 'EQ0001'), { compute: without('EQ0004') });
    expect([...(await sampleRows(store, 'gone')).keys()].sort()).toEqual([
      'EQ0000',
      'EQ0001',
      'EQ0002',
      'EQ0003',
      'EQ0005',
    ]);
  });

  it('leaves the samples as they were when the import fails', async () => {
    const kit = syntheticKit({ id: 'rollback', machines: 4, examsPerMachine: 50 });
    await importKit(store, kit);
    const before = await loadSamples(store, 'rollback');
    const failing = () => {
      throw new Error('engine exploded');
    };
    await expect(
      importKit(store, longerExams(kit, 'EQ0001'), { compute: failing }),
    ).rejects.toThrow('engine exploded');
    expect(await loadSamples(store, 'rollback')).toEqual(before);
  });

  it('deletes them with the campaign, and only those', async () => {
    await importKit(store, syntheticKit({ id: 'doomed', machines: 4, examsPerMachine: 40 }));
    await importKit(store, syntheticKit({ id: 'kept', machines: 3, examsPerMachine: 40 }));
    expect((await sampleRows(store, 'doomed')).size).toBe(4);
    expect(await deleteCampaign(store, 'doomed')).toBe(true);
    expect((await sampleRows(store, 'doomed')).size).toBe(0);
    expect((await sampleRows(store, 'kept')).size).toBe(3);
  });

  it('migrates a store made by migration 0001, and its campaigns get their samples on first use', async () => {
    const own = await makePlace();
    const kit = syntheticKit({ id: 'legacy', machines: 6, examsPerMachine: 80 });
    try {
      // A store with data as migration 0001 left it: the same tables and rows, no samples.
      const first = await own.open();
      await importKit(first, kit);
      const results = await loadResults(first, 'legacy');
      await first.db.exec(
        'drop table machine_samples; delete from schema_migrations where version = 2',
      );
      await first.close();

      const upgraded = await own.open();
      try {
        const versions = await upgraded.db.query<{ version: number }>(
          'select version from schema_migrations order by 1',
        );
        expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
        expect(await loadSamples(upgraded, 'legacy')).toEqual(new Map());
        // Nothing changed in the kit, yet the missing samples are computed and stored.
        const summary = await importKit(upgraded, kit);
        expect(summary.changed).toBe(false);
        expect(summary.results?.machines).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
        expect(await loadResults(upgraded, 'legacy')).toEqual(results);
        expect(sorted(await loadSamples(upgraded, 'legacy'))).toEqual(
          sorted(computeCampaignDetailed(kit).samples),
        );
        // With its samples there, a further import computes nothing.
        expect((await importKit(upgraded, kit)).results).toBeNull();
      } finally {
        await upgraded.close();
      }
    } finally {
      await own.dispose();
    }
  });
});

describe('migration 0002 on PGlite', () => {
  const root = mkdtempSync(join(tmpdir(), 'plateau-samples-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names another template than the schema of 0001 alone', () => {
    expect(MIGRATIONS.map((m) => m.version).slice(0, 2)).toEqual([1, 2]);
    expect(schemaTag()).not.toBe(schemaTag([m0001]));
    expect(schemaTag()).toMatch(new RegExp(`^schema-${MIGRATIONS.length}-`));
    expect(defaultTemplatePath(schemaTag())).not.toBe(defaultTemplatePath(schemaTag([m0001])));
  });

  it('applies on a folder made from a template of migration 0001', async () => {
    // The per-machine template of the 0001 schema, as a plateau before 0002 wrote it.
    const dir = join(root, 'from-0001');
    const old = await openPgliteDb(dir, {
      templateTag: schemaTag([m0001]),
      prepare: (db) => migrate(db, [m0001]),
    });
    expect(await migrate(old, [m0001])).toEqual([]);
    const tables = async (s: { query: Store['db']['query'] }) =>
      (
        await s.query<{ t: string }>(
          "select table_name::text as t from information_schema.tables where table_name = 'machine_samples'",
        )
      ).length;
    expect(await tables(old)).toBe(0);
    await old.close();

    const store = await openStore({ dataDir: dir });
    try {
      expect(await tables(store.db)).toBe(1);
      const kit = syntheticKit({ id: 'after-0001', machines: 3, examsPerMachine: 30 });
      await importKit(store, kit);
      expect(sorted(await loadSamples(store, 'after-0001'))).toEqual(
        sorted(computeCampaignDetailed(kit).samples),
      );
    } finally {
      await store.close();
    }
  });
});

describe('plateau indicators on a stored campaign', () => {
  const root = mkdtempSync(join(tmpdir(), 'plateau-samples-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const kitOf = () => syntheticKit({ id: 'cli', machines: 20, examsPerMachine: 100, seed: 5 });
  const storedOf = async (dataDir: string) => {
    const store = await openStore({ dataDir });
    try {
      return await storedComputation(store, 'cli');
    } finally {
      await store.close();
    }
  };

  it('pools the exams of the filtered peers, as from the kit', async () => {
    const kit = kitOf();
    const store = await openStore({ dataDir: root });
    try {
      await importKit(store, kit);
    } finally {
      await store.close();
    }
    const stored = await storedOf(root);
    const fromKit = computeCampaignDetailed(kit);
    for (const filter of [{ region: 'R2' }, { modality: 'MR' as const, region: 'R5' }]) {
      const benchmark = applyFilter(stored, filter).benchmark;
      expect(benchmark).toEqual(applyFilter(fromKit, filter).benchmark);
      const pooled = filter.modality === 'MR' ? benchmark.MR : benchmark.CT;
      expect(pooled?.durationMinutes.A?.n).toBeGreaterThan(0);
    }
  });

  it('computes and stores once the samples of a campaign stored without them', async () => {
    const store = await openStore({ dataDir: root });
    try {
      await store.db.query("delete from machine_samples where campaign_id = 'cli'");
    } finally {
      await store.close();
    }
    const stored = await storedOf(root);
    expect(sorted(stored.samples)).toEqual(sorted(computeCampaignDetailed(kitOf()).samples));
    const again = await openStore({ dataDir: root });
    try {
      expect((await loadSamples(again, 'cli')).size).toBe(20);
    } finally {
      await again.close();
    }
  });
});
