/**
 * Damaged input never crashes or hangs the MLLP side: the stream decoder, the frame verdict and
 * its ACK/NAK, and the journal file scanner. A seeded mutation loop (replayable: the run number
 * is in every failure) over real sample messages and real journal bytes. PLATEAU_FUZZ_RUNS sets
 * the number of mutated inputs per part (default 20,000; 100,000 run in about 8 s for both).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodeMllp,
  MLLP_END,
  MLLP_START,
  MllpDecoder,
} from '../../../../src/ingest/sources/mllp/framing.ts';
import type { MllpEvent } from '../../../../src/ingest/sources/mllp/framing.ts';
import {
  encodeRecord,
  FILE_HEADER,
  JournalCorruptError,
  messageKey,
  scanJournalFile,
} from '../../../../src/ingest/sources/mllp/journal-format.ts';
import type { JournalMeta } from '../../../../src/ingest/sources/mllp/journal-format.ts';
import { answer, judgeFrame } from '../../../../src/ingest/sources/mllp/verdict.ts';
import { mulberry32 } from '../../../helpers/rng.ts';
import { haveShared, SHARED_DIR } from '../../../helpers/shared.ts';

const SAMPLES = `${SHARED_DIR}/samples/hl7v2`;
const RUNS = Number(process.env.PLATEAU_FUZZ_RUNS ?? 20_000);
const MAX_FRAME = 4096;
const NOW = new Date('2026-03-02T10:00:00Z');

const OWN = [
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315090000+0100||ORM^O01|M1|P|2.5\rPV1|1|O|RADUnit01\rORC|NW|P1|F1\rOBR|1|P1|F1|TDM^Scanner \\T\\ co|||20100315090500',
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315092000+0100||ORU^R01|M2|P|2.5\rOBR|1|P1|F1|TDM|||20100315090500|20100315092000||||||||||||||20100315101500+0100|||F',
];
const messages = [
  ...OWN,
  ...(haveShared(SAMPLES)
    ? readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.hl7'))
        .sort()
        .map((f) => readFileSync(join(SAMPLES, f), 'utf8'))
    : []),
];

const NOISE: readonly (readonly number[])[] = [
  [MLLP_START],
  [MLLP_END],
  [MLLP_END, 0x0d],
  [0x0d],
  [0x0a],
  [0xef, 0xbb, 0xbf],
  [0x00],
  [0xff],
  [0x7c],
  [0x5e],
];

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One mutation of `bytes`: flip, truncate, insert framing or other noise, cut a slice, repeat a slice. */
function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const at = Math.floor(next() * (bytes.length + 1));
  const end = Math.min(bytes.length, at + Math.floor(next() * 300));
  switch (Math.floor(next() * 5)) {
    case 0: {
      const out = bytes.slice();
      if (at < out.length) out[at] = Math.floor(next() * 256);
      return out;
    }
    case 1:
      return bytes.subarray(0, at);
    case 2:
      return concat(
        bytes.subarray(0, at),
        Uint8Array.from(NOISE[Math.floor(next() * NOISE.length)] as readonly number[]),
        bytes.subarray(at),
      );
    case 3:
      return concat(bytes.subarray(0, at), bytes.subarray(end));
    default:
      return concat(bytes.subarray(0, end), bytes.subarray(at, end), bytes.subarray(end));
  }
}

const encoded = messages.map((m) => encodeMllp(m));

describe('MLLP fuzzing', () => {
  it(`decodes ${RUNS} mutated streams in random chunks, judging and answering every frame`, () => {
    const next = mulberry32(20102);
    const decoder = new MllpDecoder(MAX_FRAME);
    let slowest = 0;
    let frames = 0;
    let rejected = 0;
    for (let n = 0; n < RUNS; n++) {
      const count = 1 + Math.floor(next() * 3);
      let stream = concat(
        ...Array.from(
          { length: count },
          () => encoded[Math.floor(next() * encoded.length)] as Uint8Array,
        ),
      );
      const rounds = 1 + Math.floor(next() * 3);
      for (let r = 0; r < rounds; r++) stream = mutate(stream, next);
      const t = performance.now();
      const events: MllpEvent[] = [];
      try {
        for (let from = 0; from < stream.length;) {
          const to = Math.min(stream.length, from + 1 + Math.floor(next() * 600));
          events.push(...decoder.push(stream.subarray(from, to)));
          from = to;
        }
        for (const e of events) {
          if (e.kind === 'garbage' && !(e.size > 0)) throw new Error('an empty garbage event');
          if (e.kind === 'oversize' && !(e.size > MAX_FRAME && e.head.length <= MAX_FRAME))
            throw new Error(`oversize event of ${e.size} bytes`);
          if (e.kind !== 'frame') continue;
          if (e.bytes.length > MAX_FRAME)
            throw new Error(`a frame of ${e.bytes.length} bytes over the ${MAX_FRAME} limit`);
          frames++;
          const verdict = judgeFrame(new TextDecoder().decode(e.bytes));
          const reply = verdict.ok
            ? answer(verdict.message, 'AA', undefined, NOW)
            : answer(verdict.message, verdict.code, verdict, NOW);
          if (!verdict.ok) rejected++;
          if (!reply.startsWith('MSH') || !/\rMSA.A[AER]/.test(reply))
            throw new Error(`a malformed answer: ${JSON.stringify(reply)}`);
          if (!verdict.ok && !/\rERR/.test(reply))
            throw new Error(`a NAK without ERR: ${JSON.stringify(reply)}`);
        }
      } catch (error) {
        throw new Error(
          `stream ${n} broke the MLLP side: ${String(error)}\n${JSON.stringify(new TextDecoder().decode(stream).slice(0, 400))}`,
        );
      }
      // Whatever the damage, the decoder holds at most one unfinished frame's bytes.
      if (decoder.pending > stream.length + MAX_FRAME)
        throw new Error(`stream ${n}: ${decoder.pending} bytes pending`);
      slowest = Math.max(slowest, performance.now() - t);
      // A fresh start for the next stream: close any frame left open by the damage.
      decoder.push(Uint8Array.from([MLLP_END, 0x0d]));
    }
    expect(slowest).toBeLessThan(5000); // a hang, not a GC pause on a shared machine
    expect(frames).toBeGreaterThan(RUNS / 2);
    expect(rejected).toBeGreaterThan(0);
  });

  it(`scans ${RUNS} damaged journal files: records a subsequence of those written, or a located refusal`, () => {
    const next = mulberry32(20103);
    const meta = (i: number, message: string): JournalMeta => {
      const controlId = `C${i}`;
      return {
        receivedAt: new Date(NOW.getTime() + i * 1000).toISOString(),
        key: messageKey('RIS', 'CHU', controlId),
        controlId,
        sendingApplication: 'RIS',
        sendingFacility: 'CHU',
        messageType: message.slice(0, 3),
      };
    };
    const written = Array.from({ length: 6 }, (_, i) => {
      const message = messages[i % messages.length] as string;
      return {
        meta: meta(i, message),
        bytes: encodeRecord(meta(i, message), new TextEncoder().encode(message)),
      };
    });
    let slowest = 0;
    let refused = 0;
    let torn = 0;
    for (let n = 0; n < RUNS; n++) {
      const kept = written.slice(0, 1 + Math.floor(next() * written.length));
      let data: Uint8Array = Buffer.concat([Buffer.from(FILE_HEADER), ...kept.map((r) => r.bytes)]);
      const rounds = 1 + Math.floor(next() * 2);
      for (let r = 0; r < rounds; r++) data = mutate(data, next);
      const buffer = Buffer.from(data);
      const t = performance.now();
      try {
        const scan = scanJournalFile('2026-03-02.journal', buffer);
        if (scan.validLength + scan.tornBytes !== buffer.length)
          throw new Error('the scan does not account for every byte');
        if (scan.tornBytes > 0) torn++;
        // Every record read back is one that was written, in the order written (a checksum guards each).
        let from = 0;
        for (const record of scan.records) {
          const i = written.findIndex((w, k) => k >= from && w.meta.key === record.meta.key);
          if (i < 0) throw new Error(`a record never written: ${JSON.stringify(record.meta)}`);
          const message = messages[i % messages.length] as string;
          if (new TextDecoder().decode(record.message) !== message)
            throw new Error(`record ${record.meta.controlId} has other bytes than written`);
          from = i + 1;
        }
      } catch (error) {
        if (error instanceof JournalCorruptError) {
          refused++;
          if (
            !(error.offset >= 0 && error.offset <= buffer.length) ||
            !error.message.includes('2026-03-02.journal')
          )
            throw new Error(`run ${n}: an unlocated refusal: ${error.message}`);
        } else {
          throw new Error(`run ${n} broke the journal scanner: ${String(error)}`);
        }
      }
      slowest = Math.max(slowest, performance.now() - t);
    }
    expect(slowest).toBeLessThan(5000);
    expect(refused).toBeGreaterThan(0);
    expect(torn).toBeGreaterThan(0);
  });
});
