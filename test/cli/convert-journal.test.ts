// `plateau convert` and `plateau import` with the MLLP journal folder as input: its accepted
// messages are read (named mllp:<receivedAt>#<n>), a torn tail is left out, a damaged file refuses
// the whole run, reading while the listener appends is safe, and other folders are walked as files.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { openJournal } from '../../src/ingest/sources/mllp/index.ts';
import { encodeRecord } from '../../src/ingest/sources/mllp/journal-format.ts';
import { listCampaigns, openStore } from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { CAMPAIGN_ARGS, examMessages, writeMapping } from './source-fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plateau-convert-journal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MAPPING = writeMapping(tmp);
const enc = new TextEncoder();
let n = 0;
const fresh = (what: string): string => join(tmp, `${what}-${++n}`);
const DAY_FILE = '2026-03-03.journal';
const clock = () => new Date('2026-03-03T09:00:00Z');

/** A journal folder holding the messages of exams `first`..`last`, written by a real journal. */
async function journalOf(first: number, last: number): Promise<string> {
  const dir = fresh('journal');
  const journal = await openJournal(dir, { now: clock });
  for (let e = first; e <= last; e += 1)
    for (const m of examMessages(e))
      expect(await journal.append(m.meta, enc.encode(m.text))).toBe('stored');
  await journal.close();
  return dir;
}

beforeEach(() => {
  process.env.PLATEAU_SECRET = 'site-secret';
});
afterEach(() => {
  delete process.env.PLATEAU_SECRET;
});

describe('plateau convert JOURNAL_DIR', () => {
  it("reads the journal's accepted messages, each named by its reception, into a kit", async () => {
    const dir = await journalOf(1, 2);
    const out = fresh('kit');
    const r = await runCli([
      'convert',
      dir,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--to-kit',
      out,
    ]);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    // Issues are located in the journal's messages by reception time and rank.
    expect(r.stderr).toMatch(
      /^mllp:2026-03-03T08:\d\d:00\.000Z#[1-6]:4:OBR\.4 warning: Exam code "TDM-THX"/m,
    );
    expect(r.stderr).not.toContain('.journal');
    expect(r.stdout).toContain('exams          2');
    const { kit } = await readKitDir(out);
    expect(
      kit!.exams.map((e) => [
        e.equipmentId,
        e.category,
        new Date(e.roomIn).toISOString(),
        new Date(e.roomOut).toISOString(),
      ]),
    ).toEqual([
      ['CT-1', 'A', '2026-03-03T08:01:00.000Z', '2026-03-03T08:11:00.000Z'],
      ['CT-1', 'A', '2026-03-03T08:02:00.000Z', '2026-03-03T08:12:00.000Z'],
    ]);
    expect(readFileSync(join(out, 'exams.csv'), 'utf8')).not.toMatch(/ACC1|MARTIN|IPP42/);
  });

  it('leaves out a torn tail (a message cut while being written, never acknowledged)', async () => {
    const dir = await journalOf(1, 1);
    const [order] = examMessages(2);
    appendFileSync(
      join(dir, DAY_FILE),
      encodeRecord(order!.meta, enc.encode(order!.text)).subarray(0, 40),
    );
    const out = fresh('kit');
    const r = await runCli([
      'convert',
      dir,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--to-kit',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exams          1');
  });

  it('refuses a damaged journal, naming the file and the byte, and writes nothing', async () => {
    const dir = await journalOf(1, 2);
    const file = join(dir, DAY_FILE);
    const bytes = readFileSync(file);
    // A byte of the first record's message: its checksum fails and valid records follow.
    const at = bytes.indexOf('OMI^O23');
    bytes[at] = 0x58;
    writeFileSync(file, bytes);
    const out = fresh('kit');
    const r = await runCli([
      'convert',
      dir,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--to-kit',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}: the MLLP journal ${DAY_FILE} is damaged at byte 23 (a record fails its checksum)`,
    );
    expect(r.stderr).toContain('Nothing was read from the sources');
    expect(existsSync(out)).toBe(false);
  });

  it('reads a consistent journal while the listener keeps appending', async () => {
    const dir = fresh('live');
    const journal = await openJournal(dir, { now: clock });
    try {
      for (const m of examMessages(1)) await journal.append(m.meta, enc.encode(m.text));
      let appending = true;
      const appends = (async () => {
        for (let e = 2; e <= 40 && appending; e += 1)
          for (const m of examMessages(e)) await journal.append(m.meta, enc.encode(m.text));
      })();
      const runs = [];
      for (let i = 0; i < 3; i += 1)
        runs.push(
          await runCli([
            'convert',
            dir,
            '--mapping',
            MAPPING,
            ...CAMPAIGN_ARGS,
            '--to-kit',
            fresh('kit'),
          ]),
        );
      appending = false;
      await appends;
      runs.push(
        await runCli([
          'convert',
          dir,
          '--mapping',
          MAPPING,
          ...CAMPAIGN_ARGS,
          '--to-kit',
          fresh('kit'),
        ]),
      );
      const counts = runs.map((r) => {
        expect(r.stderr).not.toMatch(/ error: |damaged/);
        expect(r.code).toBe(0);
        return Number(/exams {10}(\d+)/.exec(r.stdout)?.[1]);
      });
      // Each read sees a prefix of the journal: never fewer exams than an earlier read.
      expect(counts[0]).toBeGreaterThanOrEqual(1);
      expect([...counts].sort((a, b) => a - b)).toEqual(counts);
      expect(counts.at(-1)).toBe(journal.count / 3);
      expect(existsSync(join(dir, 'journal.lock'))).toBe(true);
    } finally {
      await journal.close();
    }
  });

  it('refuses one journal file named on its own, pointing to its folder', async () => {
    const dir = await journalOf(1, 1);
    const r = await runCli([
      'convert',
      join(dir, DAY_FILE),
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--to-kit',
      fresh('kit'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`is one file of an MLLP journal: give its folder, ${dir}`);
  });

  it('walks a folder that merely holds a file named like a journal as files', async () => {
    const dir = fresh('plain');
    mkdirSync(dir);
    writeFileSync(join(dir, DAY_FILE), 'my notes of the day\n');
    writeFileSync(
      join(dir, 'exam-1.hl7'),
      examMessages(1)
        .map((m) => m.text)
        .join('\r'),
    );
    const out = fresh('kit');
    const r = await runCli([
      'convert',
      dir,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--to-kit',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${join(dir, DAY_FILE)} warning: skipped: not a kit file`);
    expect(r.stderr).toContain(`${join(dir, 'exam-1.hl7')}:`);
    expect(r.stdout).toContain('exams          1');
  });

  it('reads a journal met inside a folder, and warns of other files in a journal folder', async () => {
    const parent = fresh('data');
    mkdirSync(parent);
    const journal = await journalOf(1, 1);
    rmSync(join(parent, 'mllp-journal'), { recursive: true, force: true });
    mkdirSync(join(parent, 'mllp-journal'));
    writeFileSync(join(parent, 'mllp-journal', DAY_FILE), readFileSync(join(journal, DAY_FILE)));
    writeFileSync(join(parent, 'mllp-journal', 'README.txt'), 'kept by the listener');
    writeFileSync(
      join(parent, 'exam-2.hl7'),
      examMessages(2)
        .map((m) => m.text)
        .join('\r'),
    );
    const out = fresh('kit');
    const r = await runCli([
      'convert',
      parent,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--to-kit',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /README\.txt warning: skipped: README\.txt is not part of the MLLP journal/,
    );
    expect(r.stdout).toContain('exams          2');
  });
});

describe('plateau import JOURNAL_DIR', () => {
  it('asks for the mapping rather than reading a journal as a kit', async () => {
    const dir = await journalOf(1, 1);
    const r = await runCli(['import', dir, '--data', fresh('store')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir} is an MLLP journal folder: give --mapping FILE`);
  });

  it('stores the exams of a journal, and nothing from a damaged one', async () => {
    const good = await journalOf(1, 3);
    const data = fresh('store');
    const r = await runCli([
      'import',
      good,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--data',
      data,
    ]);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/exams\s+3 added/);

    const bad = await journalOf(4, 5);
    const file = join(bad, DAY_FILE);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('OMI^O23')] = 0x58;
    writeFileSync(file, bytes);
    const data2 = fresh('store');
    const r2 = await runCli([
      'import',
      bad,
      '--mapping',
      MAPPING,
      '--campaign-id',
      'other',
      '--start',
      '2026-03-02',
      '--days',
      '7',
      '--data',
      data2,
    ]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(`${file}: the MLLP journal`);
    expect(existsSync(data2)).toBe(false);
    const store = await openStore({ dataDir: data });
    try {
      expect((await listCampaigns(store)).map((c) => c.id)).toEqual(['journal-2026']);
    } finally {
      await store.close();
    }
  });
});
