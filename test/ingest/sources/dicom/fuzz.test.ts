/**
 * Fuzz: byte mutations and truncations of the real samples and of written files. The reader must
 * never throw nor hang, and every refused input must come with a located error (file, line 1,
 * `byte N`). PLATEAU_FUZZ_RUNS sets the number of inputs (default 3,000; the report's run used
 * 100,000+).
 */
import { describe, expect, it } from 'vitest';
import { instanceFacts } from '../../../../src/ingest/sources/dicom/instance.ts';
import { readPart10 } from '../../../../src/ingest/sources/dicom/part10.ts';
import { TAG } from '../../../../src/ingest/sources/dicom/dictionary.ts';
import { part10 } from './build-part10.ts';
import { sampleInputs } from './samples.ts';

const RUNS = Number(process.env.PLATEAU_FUZZ_RUNS ?? 3000);

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const written = [
  part10(
    [
      [TAG.Modality, 'CS', 'CT'],
      [TAG.StudyInstanceUID, 'UI', '1.2'],
      [TAG.RequestAttributesSequence, 'SQ', [[[TAG.AccessionNumber, 'SH', 'A']]]],
    ],
    { undefinedLengths: true, pixelBytes: 64 },
  ),
  part10(
    [
      [TAG.Modality, 'CS', 'MR'],
      [TAG.ProcedureCodeSequence, 'SQ', [[[TAG.CodeValue, 'SH', 'X']]]],
    ],
    { explicit: false, undefinedLengths: true },
  ),
  part10(
    [
      [TAG.Modality, 'CS', 'MR'],
      [TAG.ProcedureCodeSequence, 'SQ', [[[TAG.CodeValue, 'SH', 'X']]]],
    ],
    { explicit: false },
  ),
];

describe('fuzzing the Part-10 reader', () => {
  it(
    `survives ${RUNS} mutated inputs with located issues`,
    () => {
      // Headers only: the pixel data of the samples is cut so mutations land in the header.
      const seeds = [
        ...sampleInputs().map((i) => i.bytes.subarray(0, Math.min(i.bytes.length, 12_000))),
        ...written,
      ];
      const rand = prng(20261123);
      let refused = 0;
      let slowest = 0;
      for (let run = 0; run < RUNS; run++) {
        const seed = seeds[run % seeds.length] as Uint8Array;
        let bytes = Uint8Array.from(seed);
        const kind = Math.floor(rand() * 5);
        const pos = () => Math.floor(rand() * bytes.length);
        if (kind === 0) bytes = bytes.subarray(0, pos());
        else if (kind === 4) {
          // Splice: delete or duplicate a run of bytes.
          const a = pos();
          const b = Math.min(bytes.length, a + 1 + Math.floor(rand() * 64));
          bytes =
            rand() < 0.5
              ? Uint8Array.from([...bytes.subarray(0, a), ...bytes.subarray(b)])
              : Uint8Array.from([...bytes.subarray(0, b), ...bytes.subarray(a)]);
        } else {
          const flips = 1 + Math.floor(rand() * (kind === 3 ? 16 : 3));
          for (let f = 0; f < flips; f++) {
            const p = Math.max(128, pos());
            // Lengths and tags are where parsers die: favour 0x00, 0xFF and small shifts.
            const r = rand();
            bytes[p] =
              r < 0.3
                ? 0xff
                : r < 0.5
                  ? 0
                  : r < 0.7
                    ? ((bytes[p] ?? 0) + 1) & 0xff
                    : Math.floor(rand() * 256);
          }
        }
        const t = performance.now();
        const r = readPart10(bytes, `fuzz#${run}`);
        if (r === 'need-more') throw new Error('a complete input asked for more');
        if (r.header && !r.header.isDicomdir)
          instanceFacts(`fuzz#${run}`, r.header.dataset, r.header.meta, 's', {});
        slowest = Math.max(slowest, performance.now() - t);
        for (const issue of r.issues) {
          expect(issue.file).toBe(`fuzz#${run}`);
          expect(issue.line).toBe(1);
          expect(issue.column).toMatch(/^byte \d+( \([0-9A-F]{4},[0-9A-F]{4}\))?$/);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        if (r.header === null) {
          refused++;
          expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
        }
        // The prefix protocol ends too: a prefix is complete or asks for more, never throws.
        const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
        readPart10(cut, 'prefix', { complete: false });
      }
      expect(slowest).toBeLessThan(1000);
      expect(refused).toBeGreaterThan(RUNS / 20);
      console.log(
        `fuzz: ${RUNS} inputs, ${refused} refused with located errors, slowest ${slowest.toFixed(1)} ms`,
      );
    },
    Math.max(60_000, RUNS * 10),
  );
});
