/**
 * The `reference_figures` table: published figures a user loaded from an OECD export (the shipped
 * ones live in the code, plan/territories/references.ts). A load is one transaction that upserts
 * by (measure, modality, sector, area, year), a row rewritten only when a field differs, so that
 * the counts say what the load added, replaced and left as it was. The whole fleet's sector is
 * stored as '' (part of the primary key) and read back as null.
 */
import { MODALITIES, REGISTER_SECTORS } from '../core/kit-types.ts';
import type { Modality, RegisterSector } from '../core/kit-types.ts';
import type { ReferenceFigure, ReferenceMeasure } from '../plan/territories/types.ts';
import { REFERENCE_MEASURES } from '../plan/territories/types.ts';
import { createHash } from 'node:crypto';
import { countingUpsert, upsertInChunks } from './bulk.ts';
import type { Store } from './open-store.ts';

/** What a load did: figures new to the store, figures it replaced (they differed), the rest. */
export interface ReferenceLoadCounts {
  added: number;
  replaced: number;
  unchanged: number;
}

const UPSERT = countingUpsert(`insert into reference_figures
    (measure, modality, sector, area, year, value, source, note, loaded_from, loaded_at)
  select u.measure, u.modality, u.sector, u.area, u.year, u.value, u.source, u.note, $9, now()
  from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::text[], $8::text[])
    as u (measure, modality, sector, area, year, value, source, note)
  on conflict (measure, modality, sector, area, year) do update set
    value = excluded.value, source = excluded.source, note = excluded.note,
    loaded_from = excluded.loaded_from, loaded_at = excluded.loaded_at
  where (reference_figures.value, reference_figures.source, reference_figures.note)
    is distinct from (excluded.value, excluded.source, excluded.note)`);

/**
 * Stores figures read from the file `loadedFrom`, in one transaction: a figure of the same
 * measure, modality, sector, area and year as a stored one replaces it (when it differs). Of
 * figures repeated in `figures`, the last is kept.
 *
 * @example
 * const { figures } = readOecdCsv(text, 'oecd.csv');
 * await storeReferences(store, figures, 'oecd.csv'); // { added: 12, replaced: 0, unchanged: 0 }
 */
export async function storeReferences(
  store: Store,
  figures: readonly ReferenceFigure[],
  loadedFrom: string,
): Promise<ReferenceLoadCounts> {
  const byKey = new Map<string, ReferenceFigure>();
  for (const f of figures)
    byKey.set(`${f.measure}|${f.modality}|${f.sector ?? ''}|${f.area}|${f.year}`, f);
  const rows = [...byKey.values()];
  if (rows.length === 0) return { added: 0, replaced: 0, unchanged: 0 };
  const counts = await store.db.transaction((tx) =>
    upsertInChunks(tx, UPSERT, rows, (chunk) => [
      chunk.map((f) => f.measure),
      chunk.map((f) => f.modality),
      chunk.map((f) => f.sector ?? ''),
      chunk.map((f) => f.area),
      chunk.map((f) => f.year),
      chunk.map((f) => f.value),
      chunk.map((f) => f.source),
      chunk.map((f) => f.note),
      loadedFrom,
    ]),
  );
  return { added: counts.inserted, replaced: counts.updated, unchanged: counts.unchanged };
}

interface FigureRow {
  [column: string]: unknown;
  measure: string;
  modality: string;
  sector: string;
  area: string;
  year: number;
  value: number;
  source: string;
  note: string | null;
}

/**
 * The figures loaded into the store (origin `loaded`), by measure, modality, area, year and
 * sector. Rows of a measure, modality or sector this plateau does not know (written by a later
 * one) are left out.
 */
export async function loadedReferences(store: Store): Promise<ReferenceFigure[]> {
  const rows = await store.db.query<FigureRow>(
    `select measure, modality, sector, area, year, value, source, note
     from reference_figures order by measure, modality, area, year, sector`,
  );
  const figures: ReferenceFigure[] = [];
  for (const r of rows) {
    if (!(REFERENCE_MEASURES as readonly string[]).includes(r.measure)) continue;
    if (!(MODALITIES as readonly string[]).includes(r.modality)) continue;
    if (r.sector !== '' && !(REGISTER_SECTORS as readonly string[]).includes(r.sector)) continue;
    figures.push({
      measure: r.measure as ReferenceMeasure,
      modality: r.modality as Modality,
      sector: r.sector === '' ? null : (r.sector as RegisterSector),
      area: r.area,
      year: r.year,
      value: r.value,
      source: r.source,
      note: r.note,
      origin: 'loaded',
    });
  }
  return figures;
}

/**
 * A short key of the loaded figures, equal for equal figures: the memos of documents built on
 * them (territories, syntheses) are keyed on it, so a newer load is seen without a restart.
 */
export function figuresKey(figures: readonly ReferenceFigure[]): string {
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 16);
}
