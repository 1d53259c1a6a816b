// Figures loaded from an OECD export, on every engine: stored in one transaction, a figure of the
// same key replaced (and counted so) only when it differs, the whole fleet's sector read back as
// null, and a later plateau's unknown measures left out of what this one reads. One store per
// engine (a store costs seconds to make), its figures deleted before each test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceFigure } from '../../src/plan/territories/types.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { loadedReferences, storeReferences } from '../../src/storage/reference-repository.ts';
import { ENGINES } from './engines.ts';
import type { TestPlace } from './engines.ts';

const figure = (over: Partial<ReferenceFigure>): ReferenceFigure => ({
  measure: 'unitsPerMillion',
  modality: 'CT',
  sector: null,
  area: 'FRA',
  year: 2021,
  value: 18.9,
  source: 'OECD Data Explorer export a.csv',
  note: null,
  origin: 'loaded',
  ...over,
});

describe.each(ENGINES)('reference figures on $name', (engine) => {
  let place: TestPlace;
  let store: Store;
  beforeAll(async () => {
    place = await engine.place();
    store = await place.open();
    // A new store holds no loaded figure (checked before any is deleted below).
    expect(await loadedReferences(store)).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });
  beforeEach(async () => {
    await store.db.query('delete from reference_figures');
  });

  it('stores figures, reads them back as loaded, and replaces only what differs', async () => {
    expect(await loadedReferences(store)).toEqual([]);
    const first = [
      figure({}),
      figure({ area: 'OECD', value: 29.1, note: 'E' }),
      figure({ modality: 'MR', sector: 'hospital', value: 9.25 }),
      figure({ modality: 'MR', sector: 'private_practice', value: 7.5 }),
    ];
    expect(await storeReferences(store, first, 'a.csv')).toEqual({
      added: 4,
      replaced: 0,
      unchanged: 0,
    });
    const read = await loadedReferences(store);
    expect(read).toHaveLength(4);
    expect(read.find((f) => f.sector === 'hospital')).toEqual(first[2]);
    expect(read.find((f) => f.area === 'OECD')).toEqual(first[1]);
    expect(read.every((f) => f.origin === 'loaded')).toBe(true);
    // A second load: one figure changed, one the same, one new; the same key is one row.
    const second = [
      figure({ value: 19.2, source: 'OECD Data Explorer export b.csv' }),
      figure({ area: 'OECD', value: 29.1, note: 'E' }),
      figure({ year: 2022, value: 19.5 }),
    ];
    expect(await storeReferences(store, second, 'b.csv')).toEqual({
      added: 1,
      replaced: 1,
      unchanged: 1,
    });
    const after = await loadedReferences(store);
    expect(after).toHaveLength(5);
    expect(
      after
        .filter((f) => f.area === 'FRA' && f.modality === 'CT')
        .map((f) => [f.year, f.value, f.source]),
    ).toEqual([
      [2021, 19.2, 'OECD Data Explorer export b.csv'],
      [2022, 19.5, 'OECD Data Explorer export a.csv'],
    ]);
    const [{ loaded_from: from } = { loaded_from: '' }] = await store.db.query<{
      loaded_from: string;
    }>(
      `select loaded_from from reference_figures where area = 'FRA' and modality = 'CT' and year = 2021`,
    );
    expect(from).toBe('b.csv');
  });

  it('keeps the last of figures repeated in one load, and stores nothing for none', async () => {
    expect(await storeReferences(store, [], 'empty.csv')).toEqual({
      added: 0,
      replaced: 0,
      unchanged: 0,
    });
    const counts = await storeReferences(
      store,
      [figure({ value: 1 }), figure({ value: 2 })],
      'twice.csv',
    );
    expect(counts).toEqual({ added: 1, replaced: 0, unchanged: 0 });
    expect((await loadedReferences(store)).map((f) => f.value)).toEqual([2]);
  });

  it('leaves out the rows of measures this plateau does not know', async () => {
    await storeReferences(store, [figure({})], 'a.csv');
    await store.db.query(
      `insert into reference_figures (measure, modality, sector, area, year, value, source, loaded_from)
       values ('petUnitsPerMillion', 'CT', '', 'FRA', 2021, 3, 's', 'later.csv')`,
    );
    expect((await loadedReferences(store)).map((f) => f.measure)).toEqual(['unitsPerMillion']);
  });
});
