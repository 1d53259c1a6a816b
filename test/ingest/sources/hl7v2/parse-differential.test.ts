/**
 * The parser reads fields in place (a cursor over the segment's text, values cut out by
 * position, escapes checked over the whole segment at once). This checks it against a reference
 * that does everything the plain way — split the line, split the field, split the component —
 * on random well-formed and damaged messages, with fields read in random order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delimiters } from '../../../../src/ingest/sources/hl7v2/escape.ts';
import { unescapeHl7 } from '../../../../src/ingest/sources/hl7v2/escape.ts';
import type { Hl7Message } from '../../../../src/ingest/sources/hl7v2/parse.ts';
import {
  fieldValue,
  parseHl7,
  presentFields,
  rawField,
  repetitionCount,
} from '../../../../src/ingest/sources/hl7v2/parse.ts';

// ---- The reference: split, split, split. ----

/** The text's lines as the parser numbers them (BOM and MLLP bytes removed as it does). */
function referenceLines(text: string): string[] {
  const VT = String.fromCharCode(0x0b);
  const FS = String.fromCharCode(0x1c);
  const t = text
    .replace(/\uFEFF/g, '')
    .replaceAll(VT, '')
    .replaceAll(`${FS}\r`, '\r')
    .replaceAll(`${FS}\n`, '\n')
    .replaceAll(FS, '\r');
  return t.split(/\r\n|\r|\n/);
}

/** Fields of a segment line; for MSH, field 1 is the separator itself (as in the standard). */
function referenceFields(line: string, sep: string): string[] {
  const parts = line.split(sep);
  return line.startsWith('MSH') ? ['MSH', sep, ...parts.slice(1)] : parts;
}

function referenceValue(
  fields: string[],
  d: Delimiters,
  n: number,
  c: number,
  s: number,
  rep: number,
): string {
  const raw = fields[n] ?? '';
  if (raw === '' || (fields[0] === 'MSH' && n <= 2)) return raw;
  const pick = (text: string, sep: string, k: number): string =>
    text.split(sep)[Math.max(k, 0)] ?? '';
  const value = pick(pick(pick(raw, d.repetition, rep), d.component, c - 1), d.subcomponent, s - 1);
  return value.includes(d.escape) ? unescapeHl7(value, d) : value;
}

/** The first malformed escape sequence of a field, or null (v2.5.1 §2.7, as the parser reads it). */
function referenceBadEscape(raw: string, d: Delimiters): string | null {
  const parts = raw.split(d.escape);
  for (let i = 1; i < parts.length; i += 2) {
    if (i === parts.length - 1) return d.escape + (parts[i] as string);
    const body = parts[i] as string;
    const known =
      /^(F|S|T|R|E|H|N|X([0-9A-Fa-f]{2})+|[CMZ.].+)$/s.test(body) && !body.includes(d.field);
    if (!known) return `${d.escape}${body}${d.escape}`;
  }
  return null;
}

// ---- Random messages. ----

const STANDARD: Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};
const CUSTOM: Delimiters = {
  field: '#',
  component: '$',
  repetition: '*',
  escape: '!',
  subcomponent: '@',
};

/** A piece of field text: plain characters, or a well-formed or malformed escape sequence body. */
const piece = fc.constantFrom(
  'A',
  'b',
  '7',
  ' ',
  'é',
  '.',
  '-',
  '+',
  '20100315090500',
  'P123',
  'TDM',
  '\u0001',
  '%',
);
const escapeBody = fc.constantFrom(
  'F',
  'S',
  'T',
  'R',
  'E',
  'H',
  'N',
  '.br',
  '.sp',
  'XC3A9',
  'X41',
  'X4',
  'X',
  'Q',
  'Cxx',
  'M',
  'Zlocal',
  '',
  'FF',
);

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'escape'; body: string }
  | { kind: 'sep'; which: 'component' | 'repetition' | 'subcomponent' };
const part: fc.Arbitrary<Part> = fc.oneof(
  { weight: 6, arbitrary: piece.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: escapeBody.map((body) => ({ kind: 'escape' as const, body })) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('component', 'repetition', 'subcomponent').map((which) => ({
      kind: 'sep' as const,
      which: which as 'component' | 'repetition' | 'subcomponent',
    })),
  },
);
const field = fc.array(part, { maxLength: 8 });
const segment = fc.record({
  id: fc.constantFrom('PID', 'PV1', 'ORC', 'OBR', 'OBX', 'ZDS', 'NTE', 'IPC', 'TQ1'),
  fields: fc.array(field, { maxLength: 30 }),
});
const message = fc.record({
  delimiters: fc.constantFrom(STANDARD, CUSTOM),
  segments: fc.array(segment, { maxLength: 6 }),
  eol: fc.constantFrom('\r', '\n', '\r\n'),
  control: fc.constantFrom('C1', 'X\\Q\\', ''),
});

type Message = {
  delimiters: Delimiters;
  segments: { id: string; fields: Part[][] }[];
  eol: string;
  control: string;
};

function render(m: Message): string {
  const d = m.delimiters;
  const text = (parts: Part[]): string =>
    parts
      .map((p) =>
        p.kind === 'text'
          ? p.text
          : p.kind === 'escape'
            ? `${d.escape}${p.body}${d.escape}`
            : d[p.which],
      )
      .join('');
  const msh = `MSH${d.field}${d.component}${d.repetition}${d.escape}${d.subcomponent}${d.field}RIS${d.field}CHU${d.field}${d.field}${d.field}20100315${d.field}${d.field}ORU${d.component}R01${d.field}${m.control}${d.field}P${d.field}2.5`;
  return [msh, ...m.segments.map((s) => [s.id, ...s.fields.map(text)].join(d.field))].join(m.eol);
}

/** Random damage: delimiters, escapes, line breaks and framing bytes inserted, characters cut. */
const damage = fc.array(
  fc.record({
    at: fc.nat(),
    insert: fc.constantFrom(
      '',
      '|',
      '^',
      '~',
      '\\',
      '&',
      '#',
      '$',
      '!',
      '\r',
      '\n',
      '\u000b',
      '\u001c',
      '\uFEFF',
      'MSH|^~\\&|',
      '\\X',
      'ZZ',
    ),
    cut: fc.nat(3),
  }),
  { maxLength: 4 },
);

function applyDamage(text: string, edits: { at: number; insert: string; cut: number }[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    t = t.slice(0, at) + e.insert + t.slice(at + e.cut);
  }
  return t;
}

// ---- The comparison. ----

function compare(text: string, order: number[]): void {
  const { messages, issues } = parseHl7('d.hl7', text);
  const lines = referenceLines(text);
  const expectedEscapes: string[] = [];
  for (const m of messages as Hl7Message[]) {
    const d = m.delimiters;
    for (const seg of m.segments) {
      const line = lines[seg.line - 1] as string;
      const fields = referenceFields(line, d.field);
      expect(seg.id).toBe(line.slice(0, 3));
      // Values first, in a random order (the parser keeps a cursor), then the whole split.
      for (const k of order) {
        const n = k % (fields.length + 2);
        const c = 1 + (k % 3);
        const s = 1 + (k % 2);
        const rep = k % 4 === 3 ? 1 : 0;
        expect(rawField(seg, n), `${seg.id}-${n} of ${JSON.stringify(line)}`).toBe(fields[n] ?? '');
        expect(fieldValue(seg, d, n), `${seg.id}-${n}`).toBe(referenceValue(fields, d, n, 1, 1, 0));
        expect(fieldValue(seg, d, n, c, s, rep), `${seg.id}-${n}.${c}.${s} rep ${rep}`).toBe(
          referenceValue(fields, d, n, c, s, rep),
        );
      }
      const present = presentFields(seg, 25);
      for (let n = 1; n <= 25; n++)
        expect(present[n], `${seg.id}-${n} present`).toBe(
          n !== 1 || seg.id !== 'MSH' ? (fields[n] ?? '') !== '' : false,
        );
      for (let n = 3; n < fields.length; n++)
        expect(repetitionCount(seg, d, n)).toBe(
          fields[n] === '' ? 0 : (fields[n] as string).split(d.repetition).length,
        );
      expect(seg.fields).toEqual(fields);
      for (let n = seg.id === 'MSH' ? 3 : 1; n < fields.length; n++) {
        if (referenceBadEscape(fields[n] as string, d) !== null)
          expectedEscapes.push(`${seg.line} ${seg.id}.${n}`);
      }
    }
  }
  // Messages skipped whole (no type in MSH-9) still report their escapes: compare the kept ones.
  const kept = new Set(messages.flatMap((m) => m.segments.map((seg) => seg.line)));
  const escapes = issues
    .filter((i) => i.code === 'hl7-bad-escape' && kept.has(i.line ?? 0))
    .map((i) => `${i.line} ${i.column}`);
  expect(escapes).toEqual(expectedEscapes);
}

describe('parseHl7 against a split-everything reference (fast-check)', () => {
  it('reads well-formed messages like the reference, fields in any order', () => {
    fc.assert(
      fc.property(message, fc.array(fc.nat(200), { minLength: 1, maxLength: 40 }), (m, order) => {
        const text = render(m);
        compare(text, order);
        // Well-formed: every line is a segment of the one message.
        const { messages } = parseHl7('d.hl7', text);
        expect(messages).toHaveLength(1);
        expect(messages[0]!.segments.map((s) => s.id)).toEqual([
          'MSH',
          ...m.segments.map((s) => s.id),
        ]);
      }),
      { numRuns: 400 },
    );
  });

  it('reads damaged messages like the reference (segments kept, values, escape issues)', () => {
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 1, maxLength: 3 }),
        damage,
        fc.array(fc.nat(200), { minLength: 1, maxLength: 40 }),
        (ms, edits, order) => {
          compare(applyDamage(ms.map(render).join('\r'), edits), order);
        },
      ),
      { numRuns: 400 },
    );
  });
});
