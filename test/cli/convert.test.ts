import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { runCli } from '../helpers/run-cli.ts';

const SAMPLES = join(import.meta.dirname, '../../../shared/samples');
const CT_SMALL = join(SAMPLES, 'dicom/CT_small.dcm');
const KIT = join(import.meta.dirname, '../../../shared/spec/conformance/kit-101');
const tmp = mkdtempSync(join(tmpdir(), 'plateau-convert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MAPPING = join(tmp, 'mapping.csv');
writeFileSync(
  MAPPING,
  [
    'kind,key,value,target',
    'site,finess,,620454421',
    'site,time_zone,,Europe/Paris',
    'site,name,,CH Test',
    'site,legal_status,,CH',
    'site,region,,Hauts-de-France',
    'equipment,station,CT01_OC0,CT-1',
    '',
  ].join('\n'),
);
// CT_small.dcm was acquired on 1997-04-30.
const CAMPAIGN = ['--campaign-id', 'ct-small', '--start', '1997-04-28', '--days', '7'];
let n = 0;
const out = (): string => join(tmp, `out-${++n}`);

beforeEach(() => {
  process.env.PLATEAU_SECRET = 'site-secret';
});
afterEach(() => {
  delete process.env.PLATEAU_SECRET;
  delete process.env.OTHER_SECRET;
});

/** Every byte of every file of a folder, as text. */
const allText = (dir: string): string =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .join('\n');

describe('plateau convert', () => {
  it('is listed and has help', async () => {
    expect((await runCli(['--help'])).stdout).toContain('convert');
    const help = await runCli(['convert', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: plateau convert/);
  });

  it('writes a data kit from a real DICOM file, without patient identity', async () => {
    const dir = out();
    const r = await runCli([
      'convert',
      CT_SMALL,
      '--mapping',
      MAPPING,
      ...CAMPAIGN,
      '--to-kit',
      dir,
    ]);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exams          1');
    expect(r.stdout).toContain('(0010,0010) PatientName: 1');
    const { kit, issues } = await readKitDir(dir);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(kit!.campaign).toEqual({
      id: 'ct-small',
      name: 'ct-small',
      start: '1997-04-28',
      days: 7,
      timeZone: 'Europe/Paris',
    });
    expect(kit!.establishments.map((e) => e.finess)).toEqual(['620454421']);
    expect(kit!.equipment).toMatchObject([{ equipmentId: 'CT-1', modality: 'CT' }]);
    expect(kit!.exams).toHaveLength(1);
    expect(kit!.exams[0]!.equipmentId).toBe('CT-1');
    expect(allText(dir)).not.toContain('CompressedSamples');
  });

  it('reads a whole folder of mixed sources, skipping what it does not know, with located warnings', async () => {
    const dir = out();
    const r = await runCli([
      'convert',
      SAMPLES,
      '--mapping',
      MAPPING,
      ...CAMPAIGN,
      '--to-kit',
      dir,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /SOURCES\.md warning: skipped: not a kit file, HL7 v2, FHIR, DICOM or XLSX/,
    );
    expect(r.stderr).toMatch(/MR_small\.dcm:1:\(0018,1000\) warning: .*not in the site mapping/);
    expect(r.stdout).toContain('PID.5 patient name');
    expect((await readKitDir(dir)).kit!.exams).toHaveLength(1);
  });

  it('takes the campaign from a campaign.json and the secret from another variable', async () => {
    const campaign = join(tmp, 'campaign.json');
    writeFileSync(
      campaign,
      JSON.stringify({
        id: 'c2',
        name: 'Avril',
        start: '1997-04-28',
        days: 7,
        timeZone: 'Europe/Paris',
      }),
    );
    process.env.OTHER_SECRET = 'x';
    delete process.env.PLATEAU_SECRET;
    const dir = out();
    const r = await runCli([
      'convert',
      CT_SMALL,
      '--mapping',
      MAPPING,
      '--campaign',
      campaign,
      '--secret-env',
      'OTHER_SECRET',
      '--to-kit',
      dir,
    ]);
    expect(r.code).toBe(0);
    expect((await readKitDir(dir)).kit!.campaign.name).toBe('Avril');
  });

  it('skips a data kit met inside a folder, such as an earlier output', async () => {
    const input = join(tmp, 'input-with-kit');
    mkdirSync(input);
    cpSync(CT_SMALL, join(input, 'CT_small.dcm'));
    const first = join(input, 'kit');
    expect(
      (await runCli(['convert', input, '--mapping', MAPPING, ...CAMPAIGN, '--to-kit', first])).code,
    ).toBe(0);
    const again = await runCli([
      'convert',
      input,
      '--mapping',
      MAPPING,
      ...CAMPAIGN,
      '--to-kit',
      first,
    ]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/input-with-kit\/kit warning: skipped: .* is a data kit folder/);
    expect((await readKitDir(first)).kit!.exams).toHaveLength(1);
  });

  it('refuses to run without the secret', async () => {
    delete process.env.PLATEAU_SECRET;
    const dir = out();
    const r = await runCli([
      'convert',
      CT_SMALL,
      '--mapping',
      MAPPING,
      ...CAMPAIGN,
      '--to-kit',
      dir,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PLATEAU_SECRET');
    expect(existsSync(dir)).toBe(false);
  });

  it('exits 2 on a missing option', async () => {
    expect((await runCli(['convert', CT_SMALL, '--mapping', MAPPING, ...CAMPAIGN])).code).toBe(2);
    expect((await runCli(['convert', CT_SMALL, ...CAMPAIGN, '--to-kit', out()])).code).toBe(2);
    expect(
      (await runCli(['convert', CT_SMALL, '--mapping', MAPPING, '--to-kit', out()])).code,
    ).toBe(2);
    expect(
      (await runCli(['convert', '--mapping', MAPPING, ...CAMPAIGN, '--to-kit', out()])).code,
    ).toBe(2);
  });

  it('refuses a bad mapping with located issues, and writes nothing', async () => {
    const bad = join(tmp, 'bad-mapping.csv');
    writeFileSync(
      bad,
      'kind,key,value,target\nsite,finess,,620454421\nsite,time_zone,,Europe/Pari\n',
    );
    const dir = out();
    const r = await runCli(['convert', CT_SMALL, '--mapping', bad, ...CAMPAIGN, '--to-kit', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /bad-mapping\.csv:3:target error: "Europe\/Pari" is not a known time zone/,
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses when nothing falls in the campaign, and writes nothing', async () => {
    const dir = out();
    const r = await runCli([
      'convert',
      CT_SMALL,
      '--mapping',
      MAPPING,
      '--campaign-id',
      'x',
      '--start',
      '2010-03-01',
      '--days',
      '28',
      '--to-kit',
      dir,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no exam and no session');
    expect(existsSync(dir)).toBe(false);
  });

  it('sends a data kit folder to plateau import, and will not overwrite a folder of other files', async () => {
    const r = await runCli(['convert', KIT, '--mapping', MAPPING, ...CAMPAIGN, '--to-kit', out()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a data kit already');
    const busy = join(tmp, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'mine');
    const r2 = await runCli([
      'convert',
      CT_SMALL,
      '--mapping',
      MAPPING,
      ...CAMPAIGN,
      '--to-kit',
      busy,
    ]);
    expect(r2.code).toBe(1);
    expect(readFileSync(join(busy, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('plateau import with source files', () => {
  it('converts and stores them', async () => {
    const data = join(tmp, 'store');
    const r = await runCli(['import', CT_SMALL, '--mapping', MAPPING, ...CAMPAIGN, '--data', data]);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Campaign ct-small: stored');
    expect(r.stdout).toMatch(/exams\s+1 added/);
  });

  it('keeps a data kit folder a data kit, even with --mapping', async () => {
    const kit = join(tmp, 'kit-copy');
    cpSync(KIT, kit, { recursive: true });
    const r = await runCli(['import', kit, '--mapping', MAPPING, '--data', join(tmp, 'store-kit')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Campaign /);
  });

  it('needs --mapping for source files', async () => {
    const r = await runCli(['import', CT_SMALL, SAMPLES, '--data', join(tmp, 'store-x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mapping');
  });
});
