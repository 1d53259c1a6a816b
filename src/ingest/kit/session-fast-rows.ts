/**
 * The fast path of sessions.csv (a national year has millions of opening spans): a row whose
 * bytes are canonical — ASCII without quote, space or control byte, the header's number of
 * cells, a known machine, `start` and `end` ISO local date-times `YYYY-MM-DDTHH:MM[:SS]` (not in
 * a daylight-saving gap or repeated hour), `end` after `start`, the span within the campaign's
 * days (not its day of margin), a session type as written in the table — is read straight from
 * its bytes. Any other row is left untouched to the checked path (session-rows.ts), which says
 * what it always said, so the issues are the same by construction.
 */
import { SESSION_TYPES, type Session } from '../../core/kit-types.ts';
import { ByteInstants } from './byte-instants.ts';
import { ByteRowReader, canonicalKinds, columnRoles, lineStop } from './byte-rows.ts';
import type { CampaignWindow } from './campaign-window.ts';
import type { DateTimeReader } from './date-time.ts';
import type { IssueSink } from './issue-sink.ts';
import type { KitMachines } from './kit-machines.ts';

const EQUIPMENT = 1;
const START = 2;
const END = 3;
const TYPE = 4;

/** The session types' codes as bytes. */
const TYPE_BYTES = SESSION_TYPES.map((t) => Uint8Array.from(t, (c) => c.charCodeAt(0)));

/** Index in SESSION_TYPES of the bytes `b[from, to)`, else -1. */
function typeAt(b: Uint8Array, from: number, to: number): number {
  const n = to - from;
  for (let t = 0; t < TYPE_BYTES.length; t++) {
    const code = TYPE_BYTES[t] as Uint8Array;
    if (code.length !== n) continue;
    let i = 0;
    while (i < n && code[i] === b[from + i]) i++;
    if (i === n) return t;
  }
  return -1;
}

/** What the fast path needs of the kit being read. */
export interface SessionRowsContext {
  readonly rows: Session[];
  readonly machines: KitMachines;
  readonly window: CampaignWindow;
  readonly sink: IssueSink;
}

/** Column indexes of sessions.csv's header (-1: absent). */
export interface SessionColumnIndexes {
  equipment: number;
  start: number;
  end: number;
  type: number;
}

/** Reads canonical session rows from bytes; `read` gives -1 for any other row (nothing done then). */
export class FastSessionRows extends ByteRowReader {
  readonly #ctx: SessionRowsContext;
  readonly #instants: ByteInstants;
  readonly #kinds: Uint8Array;
  /** Per column of the header, its role (EQUIPMENT…; OTHER_CELL when not read). */
  readonly #roles: Uint8Array;
  readonly #separator: number;

  constructor(
    ctx: SessionRowsContext,
    dates: DateTimeReader,
    indexes: SessionColumnIndexes,
    width: number,
    separator: number,
  ) {
    super();
    this.#ctx = ctx;
    this.#instants = new ByteInstants(dates);
    this.#kinds = canonicalKinds(separator);
    this.#separator = separator;
    this.#roles = columnRoles(width, [
      [indexes.equipment, EQUIPMENT],
      [indexes.start, START],
      [indexes.end, END],
      [indexes.type, TYPE],
    ]);
  }

  read(b: Uint8Array, from: number, limit: number, _line: number): number {
    const roles = this.#roles;
    const kinds = this.#kinds;
    const instants = this.#instants;
    const separator = this.#separator;
    const last = roles.length - 1;
    let eqFrom = 0;
    let eqTo = 0;
    let start = NaN;
    let end = NaN;
    let type = -1;
    let p = from;
    for (let k = 0; k <= last; k++) {
      const role = roles[k] as number;
      if (role === START || role === END) {
        const at = instants.cellAt(b, p, limit);
        if (instants.end <= p) return -1; // required: empty or not canonical
        p = instants.end;
        if (role === START) start = at;
        else end = at;
      } else {
        const cell = p;
        while (p < limit && kinds[b[p] as number] === 0) p++;
        if (role === EQUIPMENT) {
          eqFrom = cell;
          eqTo = p;
        } else if (role === TYPE) type = typeAt(b, cell, p);
      }
      if (k === 0 && p === from) return -1;
      if (k < last) {
        if (p >= limit || b[p] !== separator) return -1;
        p++;
      }
    }
    const stop = lineStop(b, p, limit);
    if (stop < 0 || type < 0 || eqFrom === eqTo) return -1;
    if (!(end > start)) return -1;
    const ctx = this.#ctx;
    if (ctx.window.placeOfSpan(start, end) !== 'in') return -1;
    const equipment = ctx.machines.knownAscii(b, eqFrom, eqTo);
    if (equipment === null) return -1;
    if (ctx.sink.errorCount > 0) return stop;
    ctx.rows.push({
      equipmentId: equipment.id,
      start,
      end,
      type: SESSION_TYPES[type] as Session['type'],
    });
    return stop;
  }
}
