import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMllp, MllpDecoder } from '../../../../src/ingest/sources/mllp/framing.ts';
import type { MllpEvent } from '../../../../src/ingest/sources/mllp/framing.ts';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const frames = (events: MllpEvent[]): string[] =>
  events.flatMap((e) => (e.kind === 'frame' ? [text(e.bytes)] : []));
const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : [...p])),
  );

describe('MllpDecoder', () => {
  it('decodes several frames in one chunk', () => {
    const decoder = new MllpDecoder(1000);
    const events = decoder.push(
      bytes(encodeMllp('MSH|a'), encodeMllp('MSH|b'), encodeMllp('MSH|c')),
    );
    expect(frames(events)).toEqual(['MSH|a', 'MSH|b', 'MSH|c']);
    expect(decoder.pending).toBe(0);
  });

  it('joins a frame split across chunks, including between 0x1C and 0x0D', () => {
    const whole = encodeMllp('MSH|^~\\&|RIS\rPID|1');
    const decoder = new MllpDecoder(1000);
    const events: MllpEvent[] = [];
    for (const cut of [
      [0, 1],
      [1, 5],
      [5, whole.length - 1],
      [whole.length - 1, whole.length],
    ]) {
      events.push(...decoder.push(whole.subarray(cut[0], cut[1])));
    }
    expect(frames(events)).toEqual(['MSH|^~\\&|RIS\rPID|1']);
  });

  it('reports garbage outside frames and a frame abandoned by a new start block', () => {
    const decoder = new MllpDecoder(1000);
    const events = decoder.push(
      bytes('noise', [0x0b], 'MSH|cut', [0x0b], 'MSH|ok', [0x1c, 0x0d], 'tail'),
    );
    expect(frames(events)).toEqual(['MSH|ok']);
    expect(
      events.filter((e) => e.kind === 'garbage').map((e) => (e.kind === 'garbage' ? e.size : 0)),
    ).toEqual([5, 7, 4]);
  });

  it('keeps a lone 0x1C as data', () => {
    const decoder = new MllpDecoder(1000);
    expect(frames(decoder.push(bytes([0x0b], 'a', [0x1c], 'b', [0x1c, 0x0d])))).toEqual(['a\x1cb']);
  });

  it('skips an oversize frame, keeping its head and size, and goes on with the next', () => {
    const decoder = new MllpDecoder(100);
    const big = `MSH|^~\\&|RIS|CHU|||x||ORM^O01|BIG1|P|2.5\r${'X'.repeat(10_000)}`;
    const events = [
      ...decoder.push(encodeMllp(big).subarray(0, 5000)),
      ...decoder.push(bytes(encodeMllp(big).subarray(5000), encodeMllp('MSH|next'))),
    ];
    const over = events.find((e) => e.kind === 'oversize');
    expect(over?.kind === 'oversize' && over.size).toBe(big.length);
    expect(
      over?.kind === 'oversize' &&
        text(over.head).startsWith('MSH|^~\\&|RIS|CHU|||x||ORM^O01|BIG1'),
    ).toBe(true);
    expect(over?.kind === 'oversize' && over.head.length).toBeLessThanOrEqual(4096);
    expect(frames(events)).toEqual(['MSH|next']);
  });

  it('gives the same frames however the stream is cut (property)', () => {
    const message = fc
      .string({ maxLength: 40 })
      .map((s) => s.replaceAll('\x0b', '').replaceAll('\x1c', ''));
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (messages, cuts) => {
          const stream = bytes(...messages.map((m) => encodeMllp(m)));
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort(
            (a, b) => a - b,
          );
          const decoder = new MllpDecoder(1 << 20);
          const events: MllpEvent[] = [];
          let from = 0;
          for (const p of [...points, stream.length]) {
            events.push(...decoder.push(stream.subarray(from, p)));
            from = p;
          }
          expect(frames(events)).toEqual(messages);
        },
      ),
      { numRuns: 500 },
    );
  });
});
