// The conformance kits of shared/spec: figures computed by an independent implementation of
// indicators.md. Every key they hold must match ours to 1e-6 (relative to magnitudes above 1).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { outOfRange } from '../helpers/figure-ranges.ts';

const DIR = join(import.meta.dirname, '../../../shared/spec/conformance');
const kits = readdirSync(DIR).filter((f) => /^kit-\d+$/.test(f));

/** Every difference between the expected document and ours, as `path: expected …, got …`. */
function differences(path: string, expected: unknown, got: unknown, out: string[] = []): string[] {
  if (expected !== null && typeof expected === 'object') {
    if (got === null || typeof got !== 'object')
      out.push(`${path}: expected an object, got ${JSON.stringify(got)}`);
    else
      for (const [k, v] of Object.entries(expected))
        differences(`${path}.${k}`, v, (got as Record<string, unknown>)[k], out);
  } else if (typeof expected === 'number' && typeof got === 'number') {
    if (Math.abs(expected - got) > 1e-6 * Math.max(1, Math.abs(expected)))
      out.push(`${path}: expected ${expected}, got ${got}`);
  } else if (expected !== got)
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  return out;
}

describe('conformance kits', () => {
  it('finds the kits', () => expect(kits.length).toBeGreaterThanOrEqual(3));
  for (const name of kits) {
    it(`${name} matches the independent implementation`, async () => {
      const read = await readKitDir(join(DIR, name));
      expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const got = computeCampaign(read.kit!);
      const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as {
        machines: { equipmentId: string }[];
        benchmark: unknown;
      };
      const out: string[] = [];
      for (const m of expected.machines) {
        differences(
          `machines[${m.equipmentId}]`,
          m,
          got.machines.find((g) => g.equipmentId === m.equipmentId),
          out,
        );
      }
      differences('benchmark', expected.benchmark, got.benchmark, out);
      expect(out).toEqual([]);
      // Every figure within its possible range (kit-101's EQ004: 168.25 h, the autumn change).
      expect(outOfRange(got)).toEqual([]);
    });
  }
});
