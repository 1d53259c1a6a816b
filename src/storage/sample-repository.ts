/**
 * Each machine's exam-level samples (`MachineSamples`), stored beside its results so that a
 * benchmark of any peer group pools the right exams without recomputing. One bytea per machine in
 * a small binary format (a header naming each array and its length, then the values as
 * little-endian float64: durations are millisecond differences in minutes, which float32 would
 * round). Bytes travel as base64 text, or by binary COPY into a campaign the transaction created.
 */
import type { MachineSamples } from '../core/indicators/durations.ts';
import type { PatientType } from '../core/indicators/types.ts';
import { CATEGORIES } from '../core/kit-types.ts';
import type { UpsertCounts } from './bulk.ts';
import { canCopy, countingUpsert, upsertInChunks } from './bulk.ts';
import type { Queryable } from './db.ts';
import type { Store } from './open-store.ts';

/** Every array a `MachineSamples` may hold, in the order they are encoded. */
const GROUPS = {
  durationMinutes: CATEGORIES,
  reportDelayMinutes: [
    'outpatient',
    'inpatient',
    'emergency',
  ] as const satisfies readonly PatientType[],
  appointmentDelayDays: ['outpatient', 'inpatient'] as const,
} as const;
type Group = keyof typeof GROUPS;

/** The encoded arrays' keys (`durationMinutes.A`…), each with its group and sub-key. */
const KEYS: readonly { key: string; group: Group; sub: string }[] = (
  Object.keys(GROUPS) as Group[]
).flatMap((group) => GROUPS[group].map((sub) => ({ key: `${group}.${sub}`, group, sub })));
const KEY_INDEX = new Map(KEYS.map((k, i) => [k.key, i]));

/** `PLS` and the format version. */
const MAGIC = [0x50, 0x4c, 0x53, 0x01] as const;
const utf8 = new TextEncoder();
/**
 * True on a little-endian host (every platform Node runs on in practice): the values are then
 * copied as they lie in memory, one copy per array; a big-endian host reads and writes them one
 * by one.
 */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
const fromAscii = new TextDecoder('ascii');

/** The arrays `samples` holds, in `KEYS` order. */
function arraysOf(samples: MachineSamples): { index: number; values: Float64Array }[] {
  const out: { index: number; values: Float64Array }[] = [];
  KEYS.forEach(({ group, sub }, index) => {
    const values = (samples[group] as Partial<Record<string, Float64Array>>)[sub];
    if (values !== undefined) out.push({ index, values });
  });
  return out;
}

/** Where `encodeSamples` puts each part of `samples`, and its size in bytes. */
function layoutOf(samples: MachineSamples) {
  const arrays = arraysOf(samples);
  const keys = arrays.map((a) => utf8.encode((KEYS[a.index] as (typeof KEYS)[number]).key));
  const headerBytes = 6 + keys.reduce((n, k) => n + 1 + k.length + 4, 0);
  const dataStart = Math.ceil(headerBytes / 8) * 8;
  const total = dataStart + arrays.reduce((n, a) => n + a.values.length * 8, 0);
  return { arrays, keys, dataStart, total };
}

/**
 * One machine's samples as bytes: magic `PLS\x01`, the array count (uint16), then per array its
 * key (uint8 length, ASCII) and value count (uint32); zero padding to a multiple of 8; then every
 * array's values, in header order, as little-endian float64. Arrays absent from `samples` are
 * absent from the bytes; an empty array is kept (as an empty array).
 *
 * @example
 * decodeSamples(encodeSamples(samples)); // equal to samples
 */
export function encodeSamples(samples: MachineSamples): Uint8Array {
  const { arrays, keys, dataStart, total } = layoutOf(samples);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint16(4, arrays.length, true);
  let at = 6;
  arrays.forEach((a, i) => {
    const key = keys[i] as Uint8Array;
    view.setUint8(at, key.length);
    bytes.set(key, at + 1);
    view.setUint32(at + 1 + key.length, a.values.length, true);
    at += 1 + key.length + 4;
  });
  at = dataStart;
  for (const { values } of arrays) {
    if (LITTLE_ENDIAN) {
      bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), at);
      at += values.byteLength;
    } else {
      for (let i = 0; i < values.length; i++, at += 8)
        view.setFloat64(at, values[i] as number, true);
    }
  }
  return bytes;
}

function corrupt(why: string): Error {
  return new Error(`stored machine samples are corrupt: ${why}`);
}

/**
 * The samples `encodeSamples` wrote (fresh arrays, never views of `bytes`). Throws on bytes it
 * did not write: another magic or version, an unknown or repeated key, a size that does not add up.
 */
export function decodeSamples(bytes: Uint8Array): MachineSamples {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 6 || MAGIC.some((b, i) => bytes[i] !== b)) throw corrupt('unknown format');
  const count = view.getUint16(4, true);
  const header: { index: number; length: number }[] = [];
  let at = 6;
  for (let i = 0; i < count; i++) {
    if (at + 1 > bytes.length) throw corrupt('truncated header');
    const keyLength = view.getUint8(at);
    if (at + 1 + keyLength + 4 > bytes.length) throw corrupt('truncated header');
    const key = fromAscii.decode(bytes.subarray(at + 1, at + 1 + keyLength));
    const index = KEY_INDEX.get(key);
    if (index === undefined) throw corrupt(`unknown array ${JSON.stringify(key)}`);
    if (header.some((h) => h.index === index)) throw corrupt(`array ${key} twice`);
    header.push({ index, length: view.getUint32(at + 1 + keyLength, true) });
    at += 1 + keyLength + 4;
  }
  at = Math.ceil(at / 8) * 8;
  const expected = at + header.reduce((n, h) => n + h.length * 8, 0);
  if (expected !== bytes.length) throw corrupt(`${bytes.length} bytes where ${expected} were due`);
  const samples: MachineSamples = {
    durationMinutes: {},
    reportDelayMinutes: {},
    appointmentDelayDays: {},
  };
  for (const { index, length } of header) {
    const { group, sub } = KEYS[index] as (typeof KEYS)[number];
    const values = new Float64Array(length);
    if (LITTLE_ENDIAN) {
      new Uint8Array(values.buffer).set(bytes.subarray(at, at + length * 8));
      at += length * 8;
    } else {
      for (let i = 0; i < length; i++, at += 8) values[i] = view.getFloat64(at, true);
    }
    (samples[group] as Record<string, Float64Array>)[sub] = values;
  }
  return samples;
}

/** Base64 of bytes (Node's Buffer: storage runs in Node), for a `decode(…, 'base64')` in SQL. */
function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

const UPSERT_SAMPLES =
  countingUpsert(`insert into machine_samples (campaign_id, equipment_id, samples)
  select $1, u.equipment_id, decode(u.samples, 'base64')
  from unnest($2::text[], $3::text[]) as u (equipment_id, samples)
  on conflict (campaign_id, equipment_id) do update set samples = excluded.samples
  where machine_samples.samples is distinct from excluded.samples`);

/** Encoded bytes per statement or COPY: bounds memory for campaigns of any size. */
const CHUNK_BYTES = 32 << 20;

/** Splits rows into runs of about `CHUNK_BYTES` (at least one row each). */
function byBytes(rows: readonly { size: number }[]): number[] {
  const ends: number[] = [];
  let size = 0;
  rows.forEach((row, i) => {
    size += row.size;
    if (size >= CHUNK_BYTES) {
      ends.push(i + 1);
      size = 0;
    }
  });
  if (ends[ends.length - 1] !== rows.length) ends.push(rows.length);
  return ends;
}

/** PGCOPY signature, then flags and header-extension length (both 0). */
const COPY_HEADER = [
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
];

/** Rows `(campaign_id text, equipment_id text, samples bytea)` in binary COPY format. */
function copyData(
  campaignId: Uint8Array,
  rows: readonly { id: Uint8Array; bytes: Uint8Array }[],
): Uint8Array {
  const size = rows.reduce(
    (n, r) => n + 2 + 4 + campaignId.length + 4 + r.id.length + 4 + r.bytes.length,
    COPY_HEADER.length + 2,
  );
  const data = new Uint8Array(size);
  const view = new DataView(data.buffer);
  data.set(COPY_HEADER, 0);
  let at = COPY_HEADER.length;
  const field = (bytes: Uint8Array) => {
    view.setInt32(at, bytes.length);
    data.set(bytes, at + 4);
    at += 4 + bytes.length;
  };
  for (const { id, bytes } of rows) {
    view.setInt16(at, 3);
    at += 2;
    field(campaignId);
    field(id);
    field(bytes);
  }
  view.setInt16(at, -1);
  return data;
}

/**
 * Stores every machine's samples for `campaignId` and deletes those of machines no longer in
 * `samples`; identical rows are left alone. `fresh`: the campaign was created by this
 * transaction (and the role may COPY into it), so no row of it can be stored yet and the bytes
 * go by binary COPY.
 */
export async function saveSamples(
  q: Queryable,
  campaignId: string,
  samples: ReadonlyMap<string, MachineSamples>,
  options: { fresh?: boolean } = {},
): Promise<UpsertCounts & { deleted: number }> {
  // Encoded a chunk at a time: a national year's samples are hundreds of MB.
  const rows = [...samples].map(([equipmentId, s]) => ({
    equipmentId,
    samples: s,
    size: layoutOf(s).total,
  }));
  const ends = byBytes(rows);
  let written: UpsertCounts;
  if (options.fresh && canCopy(q)) {
    const campaign = utf8.encode(campaignId);
    let start = 0;
    for (const end of ends) {
      if (end === start) continue;
      const chunk = rows
        .slice(start, end)
        .map((r) => ({ id: utf8.encode(r.equipmentId), bytes: encodeSamples(r.samples) }));
      await q.copyBinary(
        'machine_samples',
        ['campaign_id', 'equipment_id', 'samples'],
        copyData(campaign, chunk),
      );
      start = end;
    }
    written = { inserted: rows.length, updated: 0, unchanged: 0 };
  } else {
    const chunkRows = Math.max(1, Math.ceil(rows.length / ends.length));
    written = await upsertInChunks(
      q,
      UPSERT_SAMPLES,
      rows,
      (chunk) => [
        campaignId,
        chunk.map((r) => r.equipmentId),
        chunk.map((r) => base64(encodeSamples(r.samples))),
      ],
      { chunkRows },
    );
  }
  const deleted = await q.query(
    'delete from machine_samples where campaign_id = $1 and not (equipment_id = any ($2::text[])) returning equipment_id',
    [campaignId, rows.map((r) => r.equipmentId)],
  );
  return { ...written, deleted: deleted.length };
}

/**
 * The stored samples of a campaign by machine id, in the order of its stored results; an empty
 * map when none are stored. Given `equipmentIds`, only those machines' (the server reads a
 * national year's, hundreds of MB, as its views need them).
 */
export async function readSamples(
  q: Queryable,
  campaignId: string,
  equipmentIds?: readonly string[],
): Promise<Map<string, MachineSamples>> {
  const rows = await q.query<{ equipment_id: string; samples: string }>(
    // base64 text rather than bytea: PGlite parses a returned bytea about 15 times slower.
    `select s.equipment_id, encode(s.samples, 'base64') as samples
     from machine_samples s
     left join machine_results r using (campaign_id, equipment_id)
     where s.campaign_id = $1${equipmentIds ? ' and s.equipment_id = any ($2::text[])' : ''}
     order by r.ordinal nulls last, s.equipment_id collate "C"`,
    equipmentIds ? [campaignId, equipmentIds] : [campaignId],
  );
  return new Map(
    rows.map((r) => [r.equipment_id, decodeSamples(Buffer.from(r.samples, 'base64'))]),
  );
}

/** True when a machine of the campaign has results but no stored samples (a store from before). */
export async function samplesMissing(q: Queryable, campaignId: string): Promise<boolean> {
  const [row] = await q.query<{ missing: boolean }>(
    `select exists (select 1 from machine_results r where r.campaign_id = $1
       and not exists (select 1 from machine_samples s
         where s.campaign_id = r.campaign_id and s.equipment_id = r.equipment_id)) as missing`,
    [campaignId],
  );
  return row?.missing ?? false;
}

/**
 * The exam-level samples stored with a campaign's results, by machine id (in the order of the
 * stored machines), for pooling a benchmark of any peer group: with `loadResults`, what
 * `computeCampaignDetailed` gave at import; only those of `equipmentIds` when given. An empty map
 * for a campaign not stored.
 *
 * @example
 * const indicators = await loadResults(store, 'anap-2010');
 * const samples = await loadSamples(store, 'anap-2010');
 * benchmarkByModality(indicators.machines, samples, { region: 'HDF' });
 */
export function loadSamples(
  store: Store,
  campaignId: string,
  equipmentIds?: readonly string[],
): Promise<Map<string, MachineSamples>> {
  return readSamples(store.db, campaignId, equipmentIds);
}
