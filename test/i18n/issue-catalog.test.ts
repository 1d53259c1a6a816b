// The issue catalogs (src/i18n/issues): both languages have every key with the same parameters,
// and every issue the kit reader emits — on the fixture kits, the conformance kits and fuzzed
// variants of them — has a key of both catalogs, every parameter its words use, English words
// equal to its `message`/`hint`, and French words that differ from the English ones.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues.ts';
import { issueTotals } from '../../src/core/issues.ts';
import { issueLabel } from '../../src/i18n/labels.ts';
import {
  codeOfKey,
  formatIssueIn,
  ISSUE_CATALOGS,
  issueArguments,
  issueTextIn,
  issueWords,
  isDerivedParam,
  isIssueKey,
  makeIssue,
  type IssueKey,
} from '../../src/i18n/issues/index.ts';
import { parseMessage } from '../../src/i18n/message-format.ts';
import { describeText, quoteCode } from '../../src/ingest/kit/identifying.ts';
import { parseKit } from '../../src/ingest/kit/parse-kit.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { parseMapping } from '../../src/ingest/sources/mapping.ts';
import { hl7v2Adapter } from '../../src/ingest/sources/hl7v2/index.ts';
import { SAMPLE_MAPPING } from '../ingest/sources/hl7v2/sample-mapping.ts';
import { fhirAdapter } from '../../src/ingest/sources/fhir/index.ts';
import { mappingOf, SECRET, sampleInputs } from '../ingest/sources/fhir/cases.ts';
import { kitTemplateXlsx, readKitWorkbook } from '../../src/ingest/sources/xlsx/index.ts';
import { zipSync, unzipSync } from 'fflate';
import { mulberry32 } from '../helpers/rng.ts';
import { SHARED_DIR } from '../helpers/shared.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'kits');
const CONFORMANCE = `${SHARED_DIR}/spec/conformance`;
const KEYS = Object.keys(ISSUE_CATALOGS.en) as IssueKey[];

describe('issue catalogs', () => {
  it('have the same keys in French and English, each parsing, with the same parameters', () => {
    expect(Object.keys(ISSUE_CATALOGS.fr).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      const en = ISSUE_CATALOGS.en[key];
      const fr = ISSUE_CATALOGS.fr[key];
      for (const field of ['message', 'hint'] as const) {
        expect(fr[field] === null, `${key}.${field}`).toBe(en[field] === null);
        if (en[field] !== null) parseMessage(en[field]);
        if (fr[field] !== null) parseMessage(fr[field]);
      }
      const en2 = [...new Set([...issueArguments(en.message), ...issueArguments(en.hint)])].sort();
      const fr2 = [...new Set([...issueArguments(fr.message), ...issueArguments(fr.hint)])].sort();
      expect(fr2, key).toEqual(en2);
      // A template of parameters alone (a FHIR element's name) says the same in both languages.
      if (en.message.replace(/\{\w+\}/g, '').trim() !== '')
        expect(fr.message, key).not.toBe(en.message);
    }
  });

  it('name every code they give, in both languages (the quality page shows the name)', () => {
    const codes = new Set(KEYS.map(codeOfKey).filter((code) => code !== 'about'));
    for (const code of codes) {
      expect(issueLabel(code, 'fr'), code).not.toBeNull();
      expect(issueLabel(code, 'en'), code).not.toBeNull();
    }
  });

  it('builds an issue whose English text is its message and whose French text differs', () => {
    const issue = makeIssue('error', 'duplicate-key.exam', 'exams.csv', 12, 'exam_id', {
      id: 'E1',
      equipment: 'EQ1',
      first: '3',
    });
    expect(issue).toMatchObject({
      code: 'duplicate-key',
      message: 'exam_id E1 of EQ1 is already on line 3',
      text: { key: 'duplicate-key.exam' },
    });
    expect(issueWords(issue, 'fr').message).toBe('exam_id E1 de EQ1 est déjà ligne 3');
    expect(formatIssueIn(issue, 'fr')).toBe(
      'exams.csv:12:exam_id erreur\u202f: exam_id E1 de EQ1 est déjà ligne 3 (conseil\u202f: un examen figure une fois par machine\u202f: supprimer la ligne répétée ou lui donner son propre identifiant)',
    );
    // A parameter holding words carries them per language (`name@fr`).
    const billed = makeIssue('warning', 'billed-not-performed', '(assembled)', null, null, {
      n: 2,
      perEquipment: 'CT-1 2',
      listed: '2010-03-01 08:00 CT-1 (category A, exam r00)',
      'listed@fr': '2010-03-01 08:00 CT-1 (catégorie A, examen r00)',
    });
    expect(billed.message).toContain('(CT-1 2): 2010-03-01 08:00 CT-1 (category A, exam r00)');
    expect(issueWords(billed, 'fr').message).toBe(
      '2 examens RIS n’ont pas d’images d’un appareil qui en a envoyé pour cette période (CT-1 2)\u202f: 2010-03-01 08:00 CT-1 (catégorie A, examen r00)',
    );
    // An issue without a key (stored by an older plateau) keeps its English words, marked so.
    const old = { ...issue, text: undefined };
    expect(issueWords(old, 'fr')).toMatchObject({ message: issue.message, translated: false });
  });

  it('says in French how a reader described text it would not quote', () => {
    const issue = makeIssue('error', 'invalid-value', 'exams.csv', 7, 'category', {
      column: 'category',
      text: `(${describeText('Dupont Jean')})`,
      values: 'A, H, R, U',
    });
    expect(issue.message).toContain('"(11 characters: letters, spaces)"');
    const fr = issueWords(issue, 'fr').message;
    expect(fr).toContain('(11 caractères\u202f: lettres, espaces)');
    expect(fr).not.toMatch(/character|letters/);
    expect(
      issueWords(
        makeIssue('warning', 'hl7-bad-time', 'm.hl7', 3, 'OBR.7', { text: describeText('x') }),
        'fr',
      ).message,
    ).toContain('1 caractère\u202f: lettres');
    expect(quoteCode('Martin Paul')).toBe('a value of 11 characters: letters, spaces');
  });

  it('gives the import’s and the CLI’s own issues in both languages (repeated records, journals, kits among sources)', async () => {
    const { importKit } = await import('../../src/storage/import-kit.ts');
    const { openStore } = await import('../../src/storage/open-store.ts');
    const { buildKit } = await import('../helpers/build-kit.ts');
    const kit = buildKit(
      [
        {
          id: 'CT1',
          sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED']],
          exams: [{ in: '2010-03-01T09:00', out: '2010-03-01T09:20', cat: 'A' }],
        },
      ],
      { id: 'dup' },
    );
    kit.exams.push({ ...kit.exams[0]! });
    const store = await openStore({ dataDir: 'memory://' });
    try {
      const { issues } = await importKit(store, kit);
      const dup = issues.find((i) => i.code === 'duplicate-record')!;
      expect(dup.message).toContain('1 exams appear more than once in the input');
      expect(issueWords(dup, 'fr').message).toContain(
        '1 examens figurent plus d’une fois dans les données',
      );
    } finally {
      await store.close();
    }
  });

  it('counts a capped kind for all its issues, numbers in each language', () => {
    const cap = makeIssue('error', 'too-many-issues', 'exams.csv', null, null, {
      code: 'out-of-range',
      file: 'exams.csv',
      shown: 1000,
      omitted: 3312,
      total: 4312,
    });
    expect(cap.message).toBe(
      '4,312 issues of the kind "out-of-range" in exams.csv: the first 1,000 are listed, the other 3,312 are not',
    );
    expect(issueTextIn('fr', { key: 'too-many-issues', params: cap.text!.params }).message).toBe(
      '4\u202f312 problèmes du type «\u202fout-of-range\u202f» dans exams.csv\u202f: les 1\u202f000 premiers sont listés, les 3\u202f312 autres non',
    );
    const listed = Array.from({ length: 1000 }, () =>
      makeIssue('error', 'required', 'exams.csv', 2, 'icr', { column: 'icr' }),
    );
    expect(issueTotals([...listed, cap])).toMatchObject({
      error: 4312,
      listed: 1000,
      omitted: 3312,
    });
  });
});

/** Every file of a kit folder, by name. */
function kitFiles(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name, new Uint8Array(readFileSync(path)));
  }
  return files;
}

const PIECES = [
  '"',
  ',',
  ';',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '',
  'x',
  'é',
  '/',
  '-',
  '2001',
  '99:99',
  '+01:00',
  '1,5',
  '1e9',
  'NaN',
  '-3',
  'CT',
  'mr',
  'U',
  '2010-03-28T02:30',
  '2010-10-31T02:30',
  '\u0000',
];

/** A mutated copy of a kit's files: cells, lines, headers and bytes changed at random. */
function mutate(files: Map<string, Uint8Array>, random: () => number): Map<string, Uint8Array> {
  const out = new Map(files);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (let m = 0; m < 1 + Math.floor(random() * 4) && out.size > 0; m++) {
    const name = pick([...out.keys()]);
    const bytes = out.get(name) as Uint8Array;
    const text = new TextDecoder().decode(bytes);
    const lines = text.split('\n');
    const kind = Math.floor(random() * 8);
    const i = Math.floor(random() * lines.length);
    if (kind === 0) {
      const line = lines[i] ?? '';
      const at = Math.floor(random() * (line.length + 1));
      lines[i] = line.slice(0, at) + pick(PIECES) + line.slice(at + Math.floor(random() * 4));
    } else if (kind === 1) lines.splice(i, 0, lines[i] ?? '');
    else if (kind === 2) lines.splice(i, 1);
    else if (kind === 3) lines.splice(i, 0, '');
    else if (kind === 4 && random() < 0.5)
      lines[0] = (lines[0] ?? '').replace(/[a-z]+/, pick(['nom', 'ipp', 'xx', '', 'Room_In']));
    else if (kind === 4)
      lines[i] = (lines[i] ?? '').replace(
        /20\d\d-\d\d-\d\d/,
        pick(['2001-03-01', '2010-02-27', '2010-12-01']),
      );
    if (kind <= 4) {
      out.set(name, new TextEncoder().encode(lines.join('\n')));
    } else if (kind === 5) {
      // Latin-1 bytes in place of UTF-8.
      const copy = bytes.slice();
      copy[Math.floor(random() * copy.length)] = 0xe9;
      out.set(name, copy);
    } else if (kind === 6) {
      // Saved as UTF-16 LE, with or without its byte-order mark.
      const wide = new Uint8Array(bytes.length * 2 + 2);
      wide.set([0xff, 0xfe]);
      bytes.forEach((b, j) => (wide[2 + j * 2] = b));
      out.set(name, random() < 0.5 ? wide : wide.subarray(2));
    } else if (random() < 0.5) out.delete(name);
    else out.set(`copy/${name}`, bytes);
  }
  return out;
}

/** Checks one issue; returns what is wrong with it, or null. */
function problemOf(issue: Issue): string | null {
  const text = issue.text;
  if (text === undefined) return `no catalog key: ${issue.code} ${issue.message}`;
  if (!isIssueKey(text.key)) return `unknown key ${text.key}`;
  const template = ISSUE_CATALOGS.en[text.key];
  for (const name of [...issueArguments(template.message), ...issueArguments(template.hint)]) {
    if (!isDerivedParam(name) && !Object.hasOwn(text.params, name))
      return `${text.key} misses the parameter ${name}`;
  }
  if (issueWords(issue, 'en').message !== issue.message) return `${text.key}: message differs`;
  const fr = issueWords(issue, 'fr');
  const en = issueWords(issue, 'en');
  if (fr.message === en.message) return `${text.key}: French equals English`;
  if (/\{\w+\}/.test(fr.message) || /\{\w+\}/.test(fr.hint ?? '')) return `${text.key}: unfilled`;
  return null;
}

describe('every issue of the kit reader', () => {
  const kits = [
    ...readdirSync(FIXTURES).map((name) => join(FIXTURES, name, 'input')),
    ...['kit-101', 'kit-202', 'kit-303'].map((name) => join(CONFORMANCE, name)),
  ];

  it('on the fixture and conformance kits has its words in both languages', async () => {
    const seen = new Set<string>();
    for (const dir of kits) {
      for (const issue of (await readKitDir(dir)).issues) {
        expect(problemOf(issue), `${dir}: ${issue.code}`).toBeNull();
        seen.add(issue.text?.key ?? issue.code);
      }
    }
    expect(seen.size).toBeGreaterThan(15);
  });

  it('on fuzzed kits has its words in both languages', () => {
    const bases = kits.filter((d) => d.includes('good') || d.includes('kit-101')).map(kitFiles);
    const seen = new Set<string>();
    const seed = 11;
    const random = mulberry32(seed);
    for (let run = 0; run < 200; run++) {
      const files = mutate(bases[run % bases.length] as Map<string, Uint8Array>, random);
      for (const issue of parseKit(files).issues) {
        const problem = problemOf(issue);
        if (problem !== null) expect.fail(`seed ${seed} run ${run}: ${problem}`);
        seen.add(issue.text?.key ?? issue.code);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});

const MAPPING = [
  'kind,key,value,target',
  'site,finess,,620454421',
  'site,time_zone,,Europe/Paris',
  'site,name,,CH de Lens',
  'site,legal_status,,CH',
  'site,region,,Hauts-de-France',
  'equipment,station,CTSCAN1,CT-LENS-1',
  'equipment,modality,MR,IRM-LENS-1',
  'equipment,role,general,IRM-LENS-1',
  'equipment,installed_year,2019,IRM-LENS-1',
  'category,unit,REA1,R',
  'category,patient_class,E,U',
  'act,local_code,SCAN-THORAX,ZBQK002',
];
const MAPPING_PIECES = [
  '',
  'x',
  '9',
  'site',
  'equipment',
  'category',
  'act',
  'Mars/Olympus',
  '12345678',
  '"',
  ',',
  'Q',
  '1969',
];

describe('every issue of the site mapping reader', () => {
  it('on fuzzed mapping files has its words in both languages', () => {
    const seen = new Set<string>();
    const seed = 7;
    const random = mulberry32(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    for (let run = 0; run < 300; run++) {
      const rows = MAPPING.map((row) => row.split(','));
      for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
        const row = rows[1 + Math.floor(random() * (rows.length - 1))] as string[];
        if (random() < 0.15) row.length = 0;
        else row[Math.floor(random() * 4)] = pick(MAPPING_PIECES);
      }
      if (random() < 0.05) rows[0] = ['kind', 'key', 'value'];
      const { issues } = parseMapping('mapping.csv', rows.map((r) => r.join(',')).join('\n'));
      for (const issue of issues) {
        const problem = problemOf(issue);
        if (problem !== null) expect.fail(`seed ${seed} run ${run}: ${problem}`);
        seen.add(issue.text?.key ?? issue.code);
      }
    }
    expect(seen.size).toBeGreaterThan(12);
  });
});

describe('every issue of the kit workbook reader', () => {
  it('on a blank, an extra-sheet and a broken workbook has its words in both languages', () => {
    const blank = kitTemplateXlsx({ lang: 'fr' });
    const entries = unzipSync(blank);
    const broken = zipSync(
      Object.fromEntries(
        Object.entries(entries).filter(([path]) => !path.includes('workbook.xml')),
      ),
    );
    const books = [blank, broken, blank.subarray(0, blank.length / 2)];
    const seen = new Set<string>();
    for (const book of books) {
      for (const issue of readKitWorkbook('kit.xlsx', book).issues) {
        expect(problemOf(issue), `${issue.code}: ${issue.message}`).toBeNull();
        seen.add(issue.text?.key ?? issue.code);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  });
});

const HL7_SAMPLES = `${SHARED_DIR}/samples/hl7v2`;
const HL7_NOISE = [
  '|',
  '^',
  '~',
  '\\',
  '&',
  '\r',
  '\n',
  'MSH|',
  'MSH|^~\\&|',
  '\\X',
  '9',
  'Z',
  '20100328023000',
  'ORC|CA|',
  'PV1|1|',
];

describe('every issue of the HL7 v2 reader', () => {
  it('on the samples and fuzzed variants has its words in both languages', async () => {
    const samples = readdirSync(HL7_SAMPLES)
      .filter((f) => f.endsWith('.hl7'))
      .sort();
    const texts = samples.map((f) => readFileSync(join(HL7_SAMPLES, f), 'utf8'));
    const seed = 5;
    const random = mulberry32(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const seen = new Set<string>();
    for (let run = 0; run < 400; run++) {
      let text = texts[run % texts.length] as string;
      if (run >= texts.length) {
        for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
          const at = Math.floor(random() * (text.length + 1));
          text =
            random() < 0.2
              ? text.slice(0, at)
              : text.slice(0, at) + pick(HL7_NOISE) + text.slice(at + Math.floor(random() * 3));
        }
      }
      const input = { name: `m${run}.hl7`, bytes: new TextEncoder().encode(text) };
      const { issues } = await hl7v2Adapter.read([input], {
        mapping: SAMPLE_MAPPING,
        secret: 'catalog-test-secret-0123456789',
      });
      for (const issue of issues) {
        const problem = problemOf(issue);
        if (problem !== null) expect.fail(`seed ${seed} run ${run}: ${problem}`);
        seen.add(issue.text?.key ?? issue.code);
      }
    }
    expect(seen.size).toBeGreaterThan(8);
  });
});

const FHIR_NOISE = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  'null',
  '"Bundle"',
  '"resourceType"',
  '"2010-03-01"',
  '"noshow"',
  '\\u0000',
  '1e999',
];

describe('every issue of the FHIR reader', () => {
  it('on the R4 samples and fuzzed variants has its words in both languages', async () => {
    const samples = sampleInputs();
    const mapping = mappingOf('samples');
    const seed = 3;
    const random = mulberry32(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const seen = new Set<string>();
    const check = (issues: readonly Issue[], run: number): void => {
      for (const issue of issues) {
        const problem = problemOf(issue);
        if (problem !== null) expect.fail(`seed ${seed} run ${run}: ${problem}`);
        seen.add(issue.text?.key ?? issue.code);
      }
    };
    check((await fhirAdapter.read(samples, { mapping, secret: SECRET })).issues, -1);
    for (let run = 0; run < 300; run++) {
      const sample = samples[run % samples.length]!;
      let text = new TextDecoder().decode(sample.bytes);
      for (let m = 0; m < 1 + Math.floor(random() * 2); m++) {
        const at = Math.floor(random() * (text.length + 1));
        text = text.slice(0, at) + pick(FHIR_NOISE) + text.slice(at + Math.floor(random() * 4));
      }
      const name = run % 7 === 0 ? 'm.ndjson' : sample.name;
      const input = {
        name,
        bytes: new TextEncoder().encode(run % 7 === 0 ? text.replace(/\n\s*/g, ' ') : text),
      };
      check((await fhirAdapter.read([input], { mapping, secret: SECRET })).issues, run);
    }
    expect(seen.size).toBeGreaterThan(6);
  });
});
