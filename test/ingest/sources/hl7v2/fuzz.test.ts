/**
 * Damaged input never crashes or hangs the HL7 v2 reader: every problem is a located issue.
 * A seeded mutation loop over the real samples (byte flips, truncations, duplicated or removed
 * separators, stray MLLP/BOM bytes) plus fast-check properties. PLATEAU_FUZZ_RUNS raises the
 * number of mutated inputs (default 30,000: about 3 s on CI's 2 cores beside the other files;
 * 100,000 took 11.5 s there — run it before changing the reader).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../src/core/issues.ts';
import { deidentifyHl7 } from '../../../../src/ingest/sources/hl7v2/deidentify.ts';
import {
  DEFAULT_DELIMITERS,
  escapeHl7,
  unescapeHl7,
} from '../../../../src/ingest/sources/hl7v2/escape.ts';
import { readHl7Files } from '../../../../src/ingest/sources/hl7v2/index.ts';
import { parseHl7 } from '../../../../src/ingest/sources/hl7v2/parse.ts';
import type { SiteMapping } from '../../../../src/ingest/sources/types.ts';
import { mulberry32 } from '../../../helpers/rng.ts';
import { haveShared, SHARED_DIR } from '../../../helpers/shared.ts';

const SAMPLES = `${SHARED_DIR}/samples/hl7v2`;
const RUNS = Number(process.env.PLATEAU_FUZZ_RUNS ?? 30_000);
const mapping: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { location: '055', equipmentId: 'ROOM-055' },
    { location: 'RADUnit01', equipmentId: 'CT-1' },
  ],
  categories: [
    { patientClass: 'O', category: 'A' },
    { patientClass: 'I', category: 'H' },
    { patientClass: 'E', category: 'U' },
  ],
  acts: [],
};

const SYNTHETIC = [
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315090000+0100||ORM^O01|M1|P|2.5',
  'PV1|1|O|RADUnit01',
  'ORC|SC|P1|F1||CM||||20100315092000',
  'OBR|1|P1|F1|TDM^Scanner \\T\\ co|||20100315090500|20100315092000||||||||||RADUnit01||||20100315101500+0100|||F',
  'TXA|1|RAD|TX|||||||||||P1|F1||AU|||||1^DR^X^^^^^^^^^^^^20100315143000+0100',
].join('\r');

const texts = [
  SYNTHETIC,
  ...(haveShared(SAMPLES)
    ? readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.hl7'))
        .sort()
        .map((f) => readFileSync(join(SAMPLES, f), 'utf8'))
    : []),
];

const NOISE = [
  '|',
  '^',
  '~',
  '\\',
  '&',
  '\r',
  '\n',
  '\r\n',
  '\u000b',
  '\u001c',
  '\uFEFF',
  'MSH|',
  'MSH|^~\\&|',
  '\\X',
  '\\.br\\',
  '+',
  '-',
  '9',
  'Z',
  '\u0000',
  'é',
];
const SEPARATORS = ['|', '^', '~', '&', '\r', '\n', '\\'];

function mutate(text: string, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 6)) {
    case 0: // flip one character
      return text.slice(0, at) + String.fromCharCode(Math.floor(next() * 256)) + text.slice(at + 1);
    case 1: // truncate
      return text.slice(0, at);
    case 2: {
      // duplicate a separator
      const sep = pick(SEPARATORS);
      const i = text.indexOf(sep, at);
      return i === -1 ? text : text.slice(0, i) + sep + text.slice(i);
    }
    case 3: {
      // remove a separator
      const sep = pick(SEPARATORS);
      const i = text.indexOf(sep, at);
      return i === -1 ? text : text.slice(0, i) + text.slice(i + sep.length);
    }
    case 4: // insert noise
      return text.slice(0, at) + pick(NOISE) + text.slice(at);
    default: {
      // cut out a slice
      const end = at + Math.floor(next() * 200);
      return text.slice(0, at) + text.slice(end);
    }
  }
}

function expectLocated(issues: readonly Issue[], name: string): void {
  for (const i of issues) {
    if (i.file !== name && i.file !== 'mapping')
      throw new Error(`issue not located in ${name}: ${JSON.stringify(i)}`);
    if (i.line !== null && !(Number.isInteger(i.line) && i.line > 0))
      throw new Error(`bad line: ${JSON.stringify(i)}`);
    if (!i.message || !i.code || !['error', 'warning', 'info'].includes(i.severity))
      throw new Error(`bad issue: ${JSON.stringify(i)}`);
  }
}

describe('HL7 v2 fuzzing', () => {
  it(`reads ${RUNS} mutated samples without a crash or a hang, every problem located`, () => {
    const next = mulberry32(20101);
    const enc = new TextEncoder();
    let slowest = 0;
    let withIssues = 0;
    for (let n = 0; n < RUNS; n++) {
      let text = texts[n % texts.length] as string;
      const rounds = 1 + Math.floor(next() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, next);
      const name = `mutant-${n}.hl7`;
      const t = performance.now();
      let result: ReturnType<typeof readHl7Files>;
      try {
        result = readHl7Files([{ name, bytes: enc.encode(text) }], { mapping, secret: 'fuzz' });
      } catch (error) {
        throw new Error(
          `mutant ${n} crashed the reader: ${String(error)}\n${JSON.stringify(text.slice(0, 400))}`,
        );
      }
      slowest = Math.max(slowest, performance.now() - t);
      expectLocated(result.issues, name);
      if (result.issues.length > 0) withIssues++;
      for (const e of result.records.exams) {
        if (!(e.roomOut > e.roomIn) || !Number.isFinite(e.roomIn))
          throw new Error(`mutant ${n}: bad exam ${JSON.stringify(e)}`);
      }
      // One mutant in ten: what the MLLP journal would keep of it reads back into the same exams.
      if (n % 10 === 0) {
        const kept = parseHl7(name, text)
          .messages.map((m) => deidentifyHl7(m, 'fuzz').text)
          .join('');
        const again = readHl7Files([{ name, bytes: enc.encode(kept) }], {
          mapping,
          secret: 'fuzz',
        });
        const noBand = (exams: typeof result.records.exams) =>
          JSON.stringify(exams.map((e) => ({ ...e, ageBand: null })));
        if (noBand(again.records.exams) !== noBand(result.records.exams)) {
          throw new Error(
            `mutant ${n}: its de-identified form gives other exams\n${JSON.stringify(text.slice(0, 400))}`,
          );
        }
      }
    }
    expect(slowest).toBeLessThan(5000); // a hang, not a GC pause on a shared machine
    expect(withIssues).toBeGreaterThan(RUNS / 2);
  });

  it('parses any text into messages and located issues (fast-check)', () => {
    const piece = fc.constantFrom(
      'MSH|^~\\&|A|B|C|D|2010||ORU^R01|X|P|2.5',
      'OBR|1|P|F|C|||2010',
      'PID|1||X',
      '|',
      '^',
      '~',
      '\\',
      '&',
      '\r',
      '\n',
      '\\F\\',
      '\\X41\\',
      'BHS|^~\\&',
      'BTS|1',
      '\u000b',
      '\u001c',
      '\uFEFF',
      'ZZ',
    );
    const hl7ish = fc
      .array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(hl7ish, (text) => {
        const { messages, issues } = parseHl7('p.hl7', text);
        expectLocated(issues, 'p.hl7');
        for (const m of messages) {
          expect(m.segments[0]?.id).toBe('MSH');
          expect(m.type).not.toBe('');
          for (let i = 1; i < m.segments.length; i++)
            expect(m.segments[i]!.line).toBeGreaterThan(m.segments[i - 1]!.line);
        }
        if (messages.length === 0) expect(issues.some((i) => i.severity === 'error')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes and unescapes any text back to itself (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) =>
          unescapeHl7(escapeHl7(text, DEFAULT_DELIMITERS), DEFAULT_DELIMITERS) ===
          text.replace(/\r/g, '\n'),
      ),
    );
  });
});
