import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyRegistry } from '../../src/ingest/kit/key-registry.ts';
import { RangeIndex } from '../../src/ingest/kit/range-index.ts';

describe('KeyRegistry', () => {
  it('finds the first line of every repeated key, in order or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 60 }),
        fc.boolean(),
        (keys, sorted) => {
          const list = sorted ? [...keys].sort() : keys;
          const registry = new KeyRegistry();
          const firstLine = new Map<string, number>();
          list.forEach((key, line) => {
            const expected = firstLine.get(key) ?? -1;
            expect(registry.add(key, line)).toBe(expected);
            if (expected < 0) firstLine.set(key, line);
          });
        },
      ),
    );
  });
});

describe('RangeIndex', () => {
  it('finds keys written inside a longer text', () => {
    const index = new RangeIndex<number>();
    const keys = ['EQ1', 'EQ10', 'A|B', '', 'é'];
    keys.forEach((k, i) => index.set(k, i));
    const text = `x,${keys.join(',')},y`;
    let from = 2;
    keys.forEach((k, i) => {
      expect(index.getRange(text, from, from + k.length)).toBe(i);
      from += k.length + 1;
    });
    expect(index.getRange(text, 2, 4)).toBeUndefined(); // 'EQ'
    expect(index.get('EQ100')).toBeUndefined();
    index.set('EQ1', 42);
    expect(index.get('EQ1')).toBe(42);
    expect(index.size).toBe(keys.length);
  });
});
