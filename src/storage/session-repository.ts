/**
 * The `sessions` table (vacations). A session has no id of its own: it is what it is, so the
 * same machine, span and type seen again is the same session and is not stored twice.
 */
import type { Session, SessionType } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import {
  copyInChunks,
  countingUpsert,
  deleteAbsent,
  epochMs,
  fromEpochMs,
  intoEmptyTable,
  upsertInChunks,
  withForeignKeysCheckedOnce,
} from './bulk.ts';
import type { Queryable } from './db.ts';

const INSERT =
  countingUpsert(`insert into sessions (campaign_id, equipment_id, start_at, end_at, type)
  select $1, u.equipment_id, ${fromEpochMs('u.start_at')}, ${fromEpochMs('u.end_at')}, u.type
  from unnest($2::text[], $3::float8[], $4::float8[], $5::text[]) as u (equipment_id, start_at, end_at, type)
  on conflict (campaign_id, equipment_id, start_at, end_at, type) do nothing`);

/** The identity of a session. */
export function sessionKey(s: Session): string {
  return `${s.equipmentId}\u0000${s.start}\u0000${s.end}\u0000${s.type}`;
}

/** FNV-1a of a string's UTF-16 code units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Two numbers a session key writes alike (`${n}`: -0 as 0, NaN as NaN). */
const sameNumber = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

function sameSession(a: Session, b: Session): boolean {
  return (
    a.equipmentId === b.equipmentId &&
    sameNumber(a.start, b.start) &&
    sameNumber(a.end, b.end) &&
    a.type === b.type
  );
}

/**
 * The sessions unique by `sessionKey`, in the order each first appears, the last of a repeat
 * kept in its place (repeats are dropped silently: a session seen twice is one session), without
 * a key string per session (a national year has 2.7 million of them: a map of keys cost hundreds
 * of MB): equal sessions are found through an open-addressing hash of their fields.
 */
export function uniqueSessions(sessions: readonly Session[]): Session[] {
  const rows: Session[] = [];
  let size = 16;
  while (size < 2 * sessions.length) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Map<string, number>();
  const hashOf = (text: string): number => {
    let h = hashes.get(text);
    if (h === undefined) {
      h = hashString(text);
      if (hashes.size < 100_000) hashes.set(text, h);
    }
    return h;
  };
  const number = (n: number): number => (n === n ? (n | 0) ^ ((n / 4_294_967_296) | 0) : 1);
  for (const s of sessions) {
    let h = hashOf(s.equipmentId);
    h = Math.imul(h ^ number(s.start), 0x01000193);
    h = Math.imul(h ^ number(s.end), 0x01000193);
    h = Math.imul(h ^ hashOf(s.type), 0x01000193);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slots[slot] as number;
      if (at === -1) {
        slots[slot] = rows.length;
        rows.push(s);
        break;
      }
      if (sameSession(rows[at] as Session, s)) {
        rows[at] = s;
        break;
      }
    }
  }
  return rows;
}

/** Inserts the sessions not stored yet (`updated` is always 0). */
export function insertSessions(
  q: Queryable,
  campaignId: string,
  rows: readonly Session[],
  onChunk?: (done: number, total: number) => void,
): Promise<UpsertCounts> {
  return upsertInChunks(
    q,
    INSERT,
    rows,
    (chunk) => [
      campaignId,
      chunk.map((s) => s.equipmentId),
      chunk.map((s) => s.start),
      chunk.map((s) => s.end),
      chunk.map((s) => s.type),
    ],
    { onChunk },
  );
}

/**
 * Inserts the sessions of a campaign this transaction created, by binary COPY (PGlite); unique by
 * `sessionKey` (a repeated session would fail the load: COPY has no `on conflict do nothing`).
 */
export function copySessions(
  q: CopyQueryable,
  campaignId: string,
  rows: readonly Session[],
  onChunk?: (done: number, total: number) => void,
): Promise<UpsertCounts> {
  return withForeignKeysCheckedOnce(q, 'sessions', rows.length, () =>
    intoEmptyTable(q, 'sessions', () =>
      copyInChunks(
        q,
        'sessions',
        ['campaign_id', 'equipment_id', 'start_at', 'end_at', 'type'],
        rows,
        (w, s) => {
          w.repeatedText(campaignId);
          w.repeatedText(s.equipmentId);
          w.timestamptz(s.start);
          w.timestamptz(s.end);
          w.repeatedText(s.type);
        },
        { onChunk },
      ),
    ),
  );
}

/**
 * Deletes the sessions of a campaign that `rows` (just inserted, unique by `sessionKey`) does not
 * hold; returns how many.
 */
export function deleteAbsentSessions(
  q: Queryable,
  campaignId: string,
  rows: readonly Session[],
): Promise<number> {
  return deleteAbsent(
    q,
    'sessions',
    campaignId,
    [
      { name: 'equipment_id', arrayType: 'text[]' },
      { name: 'start_at', arrayType: 'float8[]', value: fromEpochMs },
      { name: 'end_at', arrayType: 'float8[]', value: fromEpochMs },
      { name: 'type', arrayType: 'text[]' },
    ],
    [
      rows.map((s) => s.equipmentId),
      rows.map((s) => s.start),
      rows.map((s) => s.end),
      rows.map((s) => s.type),
    ],
    rows.length,
  );
}

/** The sessions of a campaign, by machine then start. */
export async function readSessions(q: Queryable, campaignId: string): Promise<Session[]> {
  // One JSON document rather than one row per session: PGlite decodes rows field by field in
  // JavaScript, JSON.parse is several times faster on large campaigns.
  const [row] = await q.query<{ sessions: string }>(
    `select coalesce(json_agg(json_build_array(equipment_id, ${epochMs('start_at')}, ${epochMs('end_at')}, type)
       order by equipment_id collate "C", start_at, end_at, type collate "C"), '[]')::text as sessions
     from sessions where campaign_id = $1`,
    [campaignId],
  );
  const tuples = JSON.parse(row?.sessions ?? '[]') as [string, number, number, SessionType][];
  return tuples.map(([equipmentId, start, end, type]) => ({ equipmentId, start, end, type }));
}
