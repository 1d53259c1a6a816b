/**
 * ByteStore (exam ids, patient keys): any byte strings added from any place of any source read
 * back as they were, and `compare` orders an entry against bytes as their bytes order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteStore } from '../../../src/ingest/kit/byte-store.ts';

const naive = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

const piece = fc.record({
  bytes: fc.uint8Array({ maxLength: 70 }),
  // Where the piece sits in its source, and whether the source is the previous one's.
  offset: fc.integer({ min: 0, max: 9 }),
  sameSource: fc.boolean(),
  probe: fc.uint8Array({ maxLength: 70 }),
});

describe('ByteStore', () => {
  it('gives back every entry and compares entries as their bytes', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }),
        fc.integer({ min: 0, max: 64 }),
        (pieces, hint) => {
          const store = new ByteStore();
          if (hint > 0) store.expect(hint, hint * 4);
          let source = new Uint8Array(256);
          pieces.forEach(({ bytes, offset, sameSource, probe }, e) => {
            if (!sameSource) source = new Uint8Array(256);
            source.set(bytes, offset);
            expect(store.add(source, offset, offset + bytes.length)).toBe(e);
            // An entry against itself, a prefix of it, and other bytes placed in the same source.
            expect(store.compare(e, source, offset, offset + bytes.length)).toBe(0);
            source.set(probe, 100);
            const sign = Math.sign(store.compare(e, source, 100, 100 + probe.length));
            expect(sign).toBe(Math.sign(naive(bytes, probe)));
            if (bytes.length > 0)
              expect(Math.sign(store.compare(e, source, offset, offset + bytes.length - 1))).toBe(
                1,
              );
          });
          const { bytes: all, offsets } = store.columns();
          pieces.forEach(({ bytes }, e) => {
            expect(all.subarray(offsets[e], offsets[e + 1])).toEqual(bytes);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
