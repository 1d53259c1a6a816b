/**
 * The on-disk format of the MLLP journal: one append-only file per UTC day, a file header,
 * then records `magic | u32 length | u32 crc32(length, payload) | payload`, payload =
 * `u32 metaLength | meta JSON | message bytes`. Scanning tells a torn tail (a crash while
 * appending: nothing valid follows) from corruption in the middle (valid records follow).
 */
import { crc32 } from 'node:zlib';

export const FILE_HEADER = new TextEncoder().encode('plateau-mllp-journal 1\n');
const RECORD_MAGIC = 0x4d4c4a31; // "MLJ1"
const RECORD_HEADER = 12;
/** File names: `YYYY-MM-DD.journal` (UTC day of reception). */
export const JOURNAL_FILE = /^\d{4}-\d{2}-\d{2}\.journal$/;
/** The lock file a running listener keeps in its journal folder. */
export const JOURNAL_LOCK_FILE = 'journal.lock';

/** What the journal keeps beside each message. */
export interface JournalMeta {
  /** Instant of reception, ISO 8601 UTC. */
  receivedAt: string;
  /** Idempotency key: sending application, sending facility and control id (MSH-3, MSH-4, MSH-10). */
  key: string;
  controlId: string;
  sendingApplication: string;
  sendingFacility: string;
  /** MSH-9 as sent, e.g. `ORM^O01^ORM_O01`. */
  messageType: string;
}

/** The journal file of the UTC day of `at`. */
export function journalFileName(at: Date): string {
  return `${at.toISOString().slice(0, 10)}.journal`;
}

/** The idempotency key of a message. */
export function messageKey(
  sendingApplication: string,
  sendingFacility: string,
  controlId: string,
): string {
  return JSON.stringify([sendingApplication, sendingFacility, controlId]);
}

/** One record's bytes, ready to append. */
export function encodeRecord(meta: JournalMeta, message: Uint8Array): Buffer {
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const payloadLength = 4 + metaBytes.length + message.length;
  const out = Buffer.allocUnsafe(RECORD_HEADER + payloadLength);
  out.writeUInt32BE(RECORD_MAGIC, 0);
  out.writeUInt32BE(payloadLength, 4);
  out.writeUInt32BE(metaBytes.length, RECORD_HEADER);
  metaBytes.copy(out, RECORD_HEADER + 4);
  out.set(message, RECORD_HEADER + 4 + metaBytes.length);
  out.writeUInt32BE(crc32(out.subarray(RECORD_HEADER), crc32(out.subarray(4, 8))), 8);
  return out;
}

/** A decoded record and where it lies in its file. */
export interface ScannedRecord {
  meta: JournalMeta;
  message: Uint8Array;
  offset: number;
}

/** The records of one file, and what follows the last valid one. */
export interface FileScan {
  records: ScannedRecord[];
  /** End of the last valid record: the length the file should have. */
  validLength: number;
  /** Bytes after `validLength` (a torn tail: a record whose append never completed). */
  tornBytes: number;
}

/** A journal file that cannot be read without losing acknowledged messages. */
export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(
      `the MLLP journal ${file} is damaged at byte ${offset} (${reason}) and valid records follow: ` +
        'plateau will not drop acknowledged messages; move the file aside and check the disk',
    );
    this.name = 'JournalCorruptError';
  }
}

function recordAt(data: Buffer, offset: number): ScannedRecord | null {
  if (offset + RECORD_HEADER > data.length || data.readUInt32BE(offset) !== RECORD_MAGIC)
    return null;
  const length = data.readUInt32BE(offset + 4);
  const end = offset + RECORD_HEADER + length;
  if (length < 4 || end > data.length) return null;
  const payload = data.subarray(offset + RECORD_HEADER, end);
  if (
    crc32(payload, crc32(data.subarray(offset + 4, offset + 8))) !== data.readUInt32BE(offset + 8)
  )
    return null;
  const metaLength = payload.readUInt32BE(0);
  if (4 + metaLength > payload.length) return null;
  let meta: JournalMeta;
  try {
    meta = JSON.parse(payload.subarray(4, 4 + metaLength).toString('utf8')) as JournalMeta;
  } catch {
    return null;
  }
  if (typeof meta.key !== 'string' || typeof meta.receivedAt !== 'string') return null;
  return { meta, message: payload.subarray(4 + metaLength), offset };
}

function recordEnd(data: Buffer, record: ScannedRecord): number {
  return record.offset + RECORD_HEADER + data.readUInt32BE(record.offset + 4);
}

/**
 * Reads every record of a journal file's bytes. A bad record with no valid record after it is a
 * torn tail (reported in `tornBytes`); with valid records after it, the file is corrupt.
 *
 * @example
 * const { records, tornBytes } = scanJournalFile('2026-11-23.journal', await readFile(path));
 */
export function scanJournalFile(file: string, data: Buffer): FileScan {
  if (data.length < FILE_HEADER.length) {
    // A crash while the file was being created.
    if (Buffer.from(FILE_HEADER.subarray(0, data.length)).equals(data))
      return { records: [], validLength: 0, tornBytes: data.length };
    throw new JournalCorruptError(file, 0, 'not an MLLP journal file');
  }
  if (!data.subarray(0, FILE_HEADER.length).equals(FILE_HEADER))
    throw new JournalCorruptError(file, 0, 'not an MLLP journal file');
  const records: ScannedRecord[] = [];
  let offset = FILE_HEADER.length;
  while (offset < data.length) {
    const record = recordAt(data, offset);
    if (!record) {
      // Only a torn tail may be dropped: look for any valid record further on.
      for (
        let at = data.indexOf(RECORD_MAGIC_BYTES, offset + 1);
        at >= 0;
        at = data.indexOf(RECORD_MAGIC_BYTES, at + 1)
      ) {
        if (recordAt(data, at))
          throw new JournalCorruptError(file, offset, 'a record fails its checksum');
      }
      return { records, validLength: offset, tornBytes: data.length - offset };
    }
    records.push(record);
    offset = recordEnd(data, record);
  }
  return { records, validLength: offset, tornBytes: 0 };
}

const RECORD_MAGIC_BYTES = Buffer.from([0x4d, 0x4c, 0x4a, 0x31]);
