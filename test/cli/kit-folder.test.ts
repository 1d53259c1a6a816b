// `plateau convert --to-kit DIR` and `plateau generate DIR` write only into a new or empty folder,
// or over their own earlier output of the same campaign (recognised by .plateau-kit.json), and
// replace it as a whole; anything else needs --force, and the refusal says what is there.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIT_MANIFEST, readKitManifest } from '../../src/ingest/kit/kit-folder.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { runCli } from '../helpers/run-cli.ts';

const CT_SMALL = join(import.meta.dirname, '../../../shared/samples/dicom/CT_small.dcm');
const OTHER_KIT = join(import.meta.dirname, '../../../shared/spec/conformance/kit-101');
const tmp = mkdtempSync(join(tmpdir(), 'plateau-kit-folder-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MAPPING = join(tmp, 'mapping.csv');
writeFileSync(
  MAPPING,
  'kind,key,value,target\nsite,finess,,620454421\nsite,time_zone,,Europe/Paris\nsite,name,,CH Test\nsite,legal_status,,CH\nsite,region,,HDF\nequipment,station,CT01_OC0,CT-1\n',
);
// CT_small.dcm was acquired on 1997-04-30.
const campaign = (id: string): string[] => [
  '--campaign-id',
  id,
  '--start',
  '1997-04-28',
  '--days',
  '7',
];
const convert = (dir: string, id = 'ct-small', ...more: string[]) =>
  runCli(['convert', CT_SMALL, '--mapping', MAPPING, ...campaign(id), '--to-kit', dir, ...more]);
let n = 0;
const fresh = (): string => join(tmp, `dir-${++n}`);
/** Each file of a folder with its bytes, to compare a folder before and after. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));

beforeEach(() => {
  process.env.PLATEAU_SECRET = 'site-secret';
});
afterEach(() => {
  delete process.env.PLATEAU_SECRET;
});

describe('plateau convert --to-kit', () => {
  it("refuses another campaign's kit, naming the folder, what it holds and --force, and leaves it whole", async () => {
    const dir = fresh();
    cpSync(OTHER_KIT, dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), 'the other campaign\n');
    const before = snapshot(dir);
    const r = await convert(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toContain(
      'holds a data kit of campaign "conformance-101" that plateau did not write',
    );
    expect(r.stderr).toContain('README.md');
    expect(r.stderr).toContain('--force');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(tmp).filter((f) => f.includes('plateau-'))).toEqual([]);
  });

  it('replaces the folder as a whole with --force: none of the old files is left', async () => {
    const dir = fresh();
    cpSync(OTHER_KIT, dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), 'the other campaign\n');
    const r = await convert(dir, 'ct-small', '--force');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      [
        KIT_MANIFEST,
        'campaign.json',
        'equipment.csv',
        'establishments.csv',
        'exams.csv',
        'sessions.csv',
      ].sort(),
    );
    expect((await readKitDir(dir)).kit?.campaign.id).toBe('ct-small');
  });

  it('replaces its own earlier output of the same campaign, and nothing else without --force', async () => {
    const dir = fresh();
    expect((await convert(dir)).code).toBe(0);
    const manifest = await readKitManifest(dir);
    expect(manifest).toMatchObject({ command: 'plateau convert', campaignId: 'ct-small' });
    expect(manifest!.files.map((f) => f.name)).toEqual(
      readdirSync(dir)
        .filter((f) => f !== KIT_MANIFEST)
        .sort(),
    );
    expect((await convert(dir)).code).toBe(0);

    const other = await convert(dir, 'ct-other');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(
      'holds the data kit of another campaign, ct-small (this one is ct-other)',
    );
    expect((await readKitDir(dir)).kit?.campaign.id).toBe('ct-small');

    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const notes = await convert(dir);
    expect(notes.code).toBe(1);
    expect(notes.stderr).toContain('holds files plateau did not write there (notes.txt)');
    rmSync(join(dir, 'notes.txt'));

    const exams = join(dir, 'exams.csv');
    const { mtime } = statSync(exams);
    writeFileSync(exams, `${readFileSync(exams, 'utf8')}`);
    utimesSync(exams, mtime, new Date(mtime.getTime() + 5000));
    const edited = await convert(dir);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('its exams.csv was changed after plateau convert wrote it');
  });

  it('refuses a folder of other files before reading any source', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    delete process.env.PLATEAU_SECRET; // the folder is refused before the secret is even asked for
    const r = await convert(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${dir} is not empty (1 entry: notes.txt) and is not a data kit plateau wrote`,
    );
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('plateau generate', () => {
  const generate = (dir: string, seed: string, ...more: string[]) =>
    runCli(['generate', dir, '--seed', seed, '--machines', '3', '--days', '7', ...more]);

  it('replaces its own output of the same seed, refuses another seed without --force', async () => {
    const dir = fresh();
    expect((await generate(dir, '5')).code).toBe(0);
    expect(await readKitManifest(dir)).toMatchObject({
      command: 'plateau generate',
      campaignId: 'synthetic-5',
    });
    expect(readdirSync(dir)).toContain('README.md');
    expect((await generate(dir, '5')).code).toBe(0);
    const other = await generate(dir, '6');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('another campaign, synthetic-5 (this one is synthetic-6)');
    expect(other.stderr).toContain('--force');
    expect((await generate(dir, '6', '--force')).code).toBe(0);
    expect((await readKitDir(dir)).kit?.campaign.id).toBe('synthetic-6');
  });

  it('never replaces the current folder or one holding it, even empty, even with --force', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'inner'), { recursive: true });
    const cwd = process.cwd();
    try {
      process.chdir(join(dir, 'inner'));
      const here = await generate('.', '5', '--force');
      expect(here.code).toBe(1);
      expect(here.stderr).toContain(`${join(dir, 'inner')} is the current folder or holds it`);
      expect((await generate(dir, '5', '--force')).code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(dir)).toEqual(['inner']);
  });

  it("refuses convert's kit: a kit of another command is not its own output", async () => {
    const dir = fresh();
    expect((await convert(dir)).code).toBe(0);
    const r = await generate(dir, '5');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('written by plateau convert, not by plateau generate');
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
  });
});
