import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issuePlace, type Issue } from '../../src/core/issues.ts';
import type { Exam, Kit } from '../../src/core/kit-types.ts';
import fc from 'fast-check';
import { KitParser, parseKit, readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { KIT_CSV_FILES } from '../../src/ingest/kit/kit-files.ts';
import { MAX_ISSUES_PER_CODE } from '../../src/ingest/kit/issue-sink.ts';
import { createKitWriter } from '../../src/ingest/kit/write-kit.ts';
import { sampleKit } from './sample-kit.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/kits');

interface Expected {
  errors: string[];
  warnings: string[];
  counts?: Record<string, number>;
  unknownColumns?: Record<string, string[]>;
  files?: { name: string; rows: number; unknownColumns: string[] }[];
  messages?: Record<string, string>;
  hints?: Record<string, string>;
  establishments?: Record<string, unknown>[];
  exams?: Record<string, unknown>[];
  acts?: Record<string, unknown>[];
}

const describeIssue = (i: Issue): string => `${issuePlace(i)} ${i.code}`;
const bySeverity = (issues: Issue[], severity: Issue['severity']): string[] =>
  issues
    .filter((i) => i.severity === severity)
    .map(describeIssue)
    .sort();

/** Exam fields in expected.json: instants as ISO strings. */
function examView(exam: Exam, keys: string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of keys) {
    const value = exam[key as keyof Exam];
    view[key] =
      ['roomIn', 'roomOut', 'reportValidatedAt', 'requestedAt'].includes(key) &&
      typeof value === 'number'
        ? new Date(value).toISOString()
        : value;
  }
  return view;
}

function readFolder(dir: string): Map<string, Uint8Array> {
  return new Map(
    readdirSync(dir).map((name) => [
      `upload/${name}`,
      new Uint8Array(readFileSync(join(dir, name))),
    ]),
  );
}

describe('kit fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const expected = JSON.parse(
      readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'),
    ) as Expected;
    const input = join(FIXTURES, name, 'input');

    it(`${name}: every issue at its place`, async () => {
      const result = await readKitDir(input);
      expect(bySeverity(result.issues, 'error')).toEqual([...expected.errors].sort());
      expect(bySeverity(result.issues, 'warning')).toEqual([...expected.warnings].sort());
      expect(result.kit === null).toBe(expected.errors.length > 0);
      for (const issue of result.issues) {
        expect(issue.message.length).toBeGreaterThan(0);
        expect(issue.hint).toBeTruthy();
      }
      const at = (place: string): Issue | undefined =>
        result.issues.find((i) => issuePlace(i) === place);
      for (const [place, text] of Object.entries(expected.messages ?? {}))
        expect(at(place)?.message).toContain(text);
      for (const [place, text] of Object.entries(expected.hints ?? {}))
        expect(at(place)?.hint).toContain(text);
      if (expected.files) expect(result.files).toEqual(expected.files);
      for (const [file, columns] of Object.entries(expected.unknownColumns ?? {})) {
        expect(result.files.find((f) => f.name === file)?.unknownColumns).toEqual(columns);
      }
      const kit = result.kit;
      if (kit === null) return;
      const counts = expected.counts ?? {};
      for (const [table, n] of Object.entries(counts))
        expect(kit[table as keyof Kit]).toHaveLength(n);
      for (const [i, want] of (expected.exams ?? []).entries()) {
        const exam =
          kit.exams.find(
            (e) =>
              e.examId === want['examId'] &&
              (want['equipmentId'] === undefined || e.equipmentId === want['equipmentId']),
          ) ?? kit.exams[i];
        expect(exam && examView(exam, Object.keys(want))).toEqual(want);
      }
      if (expected.establishments) expect(kit.establishments).toEqual(expected.establishments);
      if (expected.acts) expect(kit.acts).toEqual(expected.acts);
    });

    it(`${name}: parseKit on the uploaded bytes says the same as readKitDir`, async () => {
      const fromDisk = await readKitDir(input);
      const fromUpload = parseKit(readFolder(input));
      expect(fromUpload.issues).toEqual(fromDisk.issues);
      expect(fromUpload.kit).toEqual(fromDisk.kit);
      expect(fromUpload.files).toEqual(fromDisk.files);
    });
  }
});

describe('readKitDir', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  /**
   * A kit folder of the sample kit's campaign, establishments and machines, with the exams
   * `exams` makes from one of its exams (none: no exams.csv written).
   */
  async function sampleKitDir(prefix: string, exams?: (base: Exam) => Exam[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    const kit = sampleKit();
    const writer = createKitWriter(dir, kit.campaign);
    await writer.writeEstablishments(kit.establishments);
    await writer.writeEquipment(kit.equipment);
    if (exams) await writer.appendExams(exams(kit.exams[2] as Exam));
    await writer.close();
    return dir;
  }

  it('caps repeated issues of one kind per file and sums up the rest', async () => {
    const n = MAX_ISSUES_PER_CODE + 250;
    // A negative ICR on every row: one issue kind, n times.
    const dir = await sampleKitDir('plateau-cap-', (base) =>
      Array.from({ length: n }, (_, i) => ({ ...base, examId: `X${i}`, icr: -1 })),
    );
    const result = await readKitDir(dir);
    expect(result.kit).toBeNull();
    const outOfRange = result.issues.filter((i) => i.code === 'out-of-range');
    expect(outOfRange).toHaveLength(MAX_ISSUES_PER_CODE);
    const summary = result.issues.filter((i) => i.code === 'too-many-issues');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ severity: 'error', file: 'exams.csv' });
    expect(summary[0]?.message).toContain(
      '1,250 issues of the kind "out-of-range" in exams.csv: the first 1,000 are listed, the other 250 are not',
    );
  });

  it('reads a file of several chunks, the next read while one is parsed, as its bytes in memory', async () => {
    // ≈ 40,000 rows: exams.csv spans several 1 MB reads.
    const dir = await sampleKitDir('plateau-chunks-', (base) =>
      Array.from({ length: 40_000 }, (_, i) => ({
        ...base,
        examId: `X${i}`,
        roomIn: base.roomIn + (i % 1000) * 60_000,
        roomOut: base.roomOut + (i % 1000) * 60_000,
      })),
    );
    const size = readFileSync(join(dir, 'exams.csv')).length;
    expect(size).toBeGreaterThan(3 << 20);
    const seen: { file: string; done: number }[] = [];
    const fromDisk = await readKitDir(dir, { onProgress: (p) => seen.push(p) });
    const inMemory = parseKit(
      new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))])),
    );
    expect(fromDisk.issues).toEqual(inMemory.issues);
    expect(fromDisk.kit?.exams.length).toBe(40_000);
    expect(fromDisk.kit?.exams.map((e) => [e.examId, e.roomIn, e.roomOut])).toEqual(
      inMemory.kit?.exams.map((e) => [e.examId, e.roomIn, e.roomOut]),
    );
    const examsProgress = seen.filter((p) => p.file === 'exams.csv').map((p) => p.done);
    expect(examsProgress.length).toBeGreaterThan(3);
    expect(examsProgress.every((d, i) => i === 0 || d > (examsProgress[i - 1] as number))).toBe(
      true,
    );
  });

  it('stops reading a file that cannot be read as text without leaving a read behind', async () => {
    const dir = await sampleKitDir('plateau-stop-');
    // exams.csv in UTF-16 (several MB): the feed stops after its first chunk.
    const header = 'exam_id,equipment_id\n';
    await writeFile(
      join(dir, 'exams.csv'),
      Buffer.from('\ufeff' + header + 'X1,EQ1\n'.repeat(400_000), 'utf16le'),
    );
    const seen: string[] = [];
    const result = await readKitDir(dir, { onProgress: (p) => seen.push(p.file) });
    expect(result.kit).toBeNull();
    expect(result.issues.some((i) => i.file === 'exams.csv' && i.severity === 'error')).toBe(true);
    expect(seen.filter((f) => f === 'exams.csv')).toHaveLength(1);
  });

  it('reports progress in bytes over the whole kit', async () => {
    const seen: { file: string; done: number; total: number }[] = [];
    await readKitDir(join(FIXTURES, 'good-minimal', 'input'), { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.file)).toEqual([
      'establishments.csv',
      'equipment.csv',
      'sessions.csv',
      'exams.csv',
      'acts.csv',
      'appointment-survey.csv',
    ]);
    const last = seen.at(-1);
    expect(last?.done).toBe(last?.total);
  });
});

describe('parseKit', () => {
  it('takes text as well as bytes, ignores folders and hidden files, and reports a file given twice', () => {
    const dir = join(FIXTURES, 'good-minimal', 'input');
    const files = new Map<string, string | Uint8Array>();
    for (const name of readdirSync(dir))
      files.set(`kit/${name}`, readFileSync(join(dir, name), 'utf8'));
    files.set('__MACOSX/kit/._exams.csv', 'junk');
    files.set('kit/.DS_Store', 'junk');
    const ok = parseKit(files);
    expect(ok.issues).toEqual([]);
    expect(ok.kit?.exams).toHaveLength(3);
    files.set('other/EXAMS.csv', 'x');
    const twice = parseKit(files);
    expect(twice.kit).toBeNull();
    expect(twice.issues.map(describeIssue)).toEqual(['EXAMS.csv duplicate-file']);
  });

  it('builds no records once an error is found, but keeps checking', () => {
    const dir = join(FIXTURES, 'bad-values', 'input');
    const result = parseKit(readFolder(dir));
    expect(result.kit).toBeNull();
    expect(result.files.find((f) => f.name === 'exams.csv')?.rows).toBe(14);
  });
});

describe('KitParser', () => {
  it('reads bytes cut anywhere (inside a UTF-8 character, a quoted line break, a CRLF) as one piece', () => {
    const folders = ['good-semicolon', 'good-minimal', 'bad-values', 'bad-encoding'].map((name) =>
      readFolder(join(FIXTURES, name, 'input')),
    );
    const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.nat(folders.length - 1), cuts, (which, points) => {
        const files = folders[which] as Map<string, Uint8Array>;
        const byName = new Map(
          [...files].map(([path, bytes]) => [path.split('/').pop() ?? path, bytes]),
        );
        const parser = new KitParser();
        parser.campaign(byName.get('campaign.json') ?? null);
        for (const spec of KIT_CSV_FILES) {
          const bytes = byName.get(spec.name);
          const feed = parser.csv(spec, bytes === undefined ? null : spec.name);
          if (feed === null || bytes === undefined) continue;
          let from = 0;
          for (const p of [...new Set(points.map((x) => x % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          )) {
            feed.push(bytes.subarray(from, p));
            from = p;
          }
          feed.push(bytes.subarray(from));
          feed.end();
        }
        const pieces = parser.finish();
        const whole = parseKit(files);
        expect(pieces.issues).toEqual(whole.issues);
        expect(pieces.kit).toEqual(whole.kit);
        expect(pieces.files).toEqual(whole.files);
      }),
      { numRuns: 200 },
    );
  });
});
