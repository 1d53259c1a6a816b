// `--dicomweb URL` on `plateau convert` and `plateau import`: the PACS's exams of the campaign's
// days (StudyDate widened a day each side) merged with the file inputs, the Authorization header
// from an environment variable, and a PACS that fails refusing the whole run with nothing
// written or stored. Against a fake QIDO-RS server always, and against Orthanc when
// PLATEAU_TEST_ORTHANC_URL is set (.ci/start-orthanc.sh).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { studyDateRange } from '../../src/cli/commands/dicomweb-input.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { runCli } from '../helpers/run-cli.ts';
import { haveShared, SHARED_DIR } from '../helpers/shared.ts';
import type { FakePacs } from './fake-pacs.ts';
import { startFakePacs, unreachableUrl } from './fake-pacs.ts';
import { CAMPAIGN_ARGS, examMessages, writeMapping } from './source-fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plateau-convert-dicomweb-'));
const MAPPING = writeMapping(tmp);
const HL7 = join(tmp, 'exam-1.hl7');
writeFileSync(
  HL7,
  examMessages(1)
    .map((m) => m.text)
    .join('\r'),
);
let n = 0;
const fresh = (what: string): string => join(tmp, `${what}-${++n}`);

let pacs: FakePacs;
beforeAll(async () => {
  pacs = await startFakePacs();
});
afterAll(async () => {
  await pacs.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  process.env.PLATEAU_SECRET = 'site-secret';
  pacs.mode = 'study';
  pacs.requests.length = 0;
});
afterEach(() => {
  delete process.env.PLATEAU_SECRET;
  delete process.env.PLATEAU_DICOMWEB_AUTHORIZATION;
  delete process.env.PACS_AUTH;
});

const convert = (...args: string[]) =>
  runCli(['convert', ...args, '--mapping', MAPPING, ...CAMPAIGN_ARGS]);

describe('the StudyDate range', () => {
  it("covers the campaign's days and one more on each side, across month and year ends", () => {
    expect(studyDateRange({ start: '2026-03-02', days: 7 })).toBe('20260301-20260309');
    expect(studyDateRange({ start: '2026-01-01', days: 31 })).toBe('20251231-20260201');
  });
});

describe('plateau convert --dicomweb (fake PACS)', () => {
  it("merges the PACS's exams with the file inputs, asking for the campaign's days with the header from the environment", async () => {
    process.env.PLATEAU_DICOMWEB_AUTHORIZATION = 'Bearer token-123';
    const out = fresh('kit');
    const r = await convert(HL7, '--dicomweb', pacs.url, '--to-kit', out);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exams          2');
    const { kit } = await readKitDir(out);
    expect(kit!.exams.map((e) => e.equipmentId).sort()).toEqual(['CT-1', 'CT-GE']);
    const web = kit!.exams.find((e) => e.equipmentId === 'CT-GE')!;
    // Images at 10:00 and 10:08 Paris time (UTC+1), within the exam's room time.
    expect(web.roomIn).toBeLessThanOrEqual(Date.parse('2026-03-04T09:00:00Z'));
    expect(web.roomOut).toBeGreaterThanOrEqual(Date.parse('2026-03-04T09:08:00Z'));
    expect(readFileSync(join(out, 'exams.csv'), 'utf8')).not.toMatch(/ACC-WEB-1|DUPONT/);
    const studies = pacs.requests.find((q) => q.path === '/dicom-web/studies')!;
    expect(studies.query.get('StudyDate')).toBe('20260301-20260309');
    expect(pacs.requests.map((q) => q.authorization)).toEqual(
      pacs.requests.map(() => 'Bearer token-123'),
    );
    expect(r.stdout + r.stderr).not.toContain('token-123');
  });

  it("counts an exam the RIS and the PACS both describe once: the PACS's exams are the DICOM side", async () => {
    // The RIS's messages of the fake study: same accession and device, 10:00 to 10:10 local time.
    const ris = join(tmp, 'exam-web.hl7');
    const text = examMessages(0, '20260304')
      .map((m) => m.text)
      .join('\r');
    writeFileSync(
      ris,
      text
        .replaceAll('ACC0', 'ACC-WEB-1')
        .replaceAll('CT_STATION_1', 'CT01_OC0')
        .replaceAll('2026030409', '2026030410'),
    );
    const out = fresh('kit');
    const r = await convert(ris, '--dicomweb', pacs.url, '--to-kit', out);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /reconciliation.*RIS 1 exam, DICOM 1 exam: 1 RIS exam matched to 1 DICOM exam \(1 by accession/,
    );
    const { kit } = await readKitDir(out);
    expect(
      kit!.exams.map((e) => [
        e.equipmentId,
        new Date(e.roomIn).toISOString(),
        new Date(e.roomOut).toISOString(),
      ]),
    ).toEqual([['CT-GE', '2026-03-04T09:00:00.000Z', '2026-03-04T09:10:00.000Z']]);
  });

  it('reads PACS without any INPUT, repeated, with the header from a named variable', async () => {
    process.env.PACS_AUTH = 'Basic dXNlcjpwYXNz';
    const other = await startFakePacs('empty');
    try {
      const out = fresh('kit');
      const r = await convert(
        '--dicomweb',
        pacs.url,
        '--dicomweb',
        other.url,
        '--dicomweb-auth-env',
        'PACS_AUTH',
        '--to-kit',
        out,
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('exams          1');
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]!.authorization).toBe('Basic dXNlcjpwYXNz');
      expect(pacs.requests.every((q) => q.authorization === 'Basic dXNlcjpwYXNz')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('sends no Authorization header when no variable holds one', async () => {
    const r = await convert(HL7, '--dicomweb', pacs.url, '--to-kit', fresh('kit'));
    expect(r.code).toBe(0);
    expect(pacs.requests.length).toBeGreaterThan(0);
    expect(pacs.requests.every((q) => q.authorization === undefined)).toBe(true);
  });

  it.each([
    [404, 'QIDO-RS answered HTTP 404 Not Found'],
    [500, 'QIDO-RS answered HTTP 500 Internal Server Error'],
  ] as const)(
    'refuses a PACS answering HTTP %i, naming it, and writes nothing',
    async (status, reason) => {
      pacs.mode = status;
      const out = fresh('kit');
      const r = await convert(HL7, '--dicomweb', pacs.url, '--to-kit', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`plateau convert: cannot read the PACS at ${pacs.url}: ${reason}`);
      expect(r.stderr).toContain('nothing was read from the sources');
      expect(existsSync(out)).toBe(false);
    },
  );

  it('refuses a PACS that does not answer in time', async () => {
    pacs.mode = 'silent';
    const out = fresh('kit');
    const r = await convert(
      HL7,
      '--dicomweb',
      pacs.url,
      '--dicomweb-timeout',
      '1',
      '--to-kit',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `cannot read the PACS at ${pacs.url}: QIDO-RS request failed: no answer within 1000 ms`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unreachable PACS', async () => {
    const url = await unreachableUrl();
    const out = fresh('kit');
    const r = await convert(HL7, '--dicomweb', url, '--to-kit', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`cannot read the PACS at ${url}: QIDO-RS request failed: .*ECONNREFUSED`),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('never takes credentials as an option value, and needs a named variable to be set', async () => {
    const inUrl = await convert(
      HL7,
      '--dicomweb',
      'http://user:secret@127.0.0.1:1/dicom-web',
      '--to-kit',
      fresh('kit'),
    );
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toContain('--dicomweb URLs may not hold credentials');
    expect(
      (await convert(HL7, '--dicomweb', 'ftp://pacs/dicom-web', '--to-kit', fresh('kit'))).code,
    ).toBe(2);
    const unset = await convert(
      HL7,
      '--dicomweb',
      pacs.url,
      '--dicomweb-auth-env',
      'PACS_AUTH',
      '--to-kit',
      fresh('kit'),
    );
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('--dicomweb-auth-env names PACS_AUTH, which is not set');
    expect(pacs.requests).toEqual([]);
  });

  it('needs an INPUT or a --dicomweb URL', async () => {
    const r = await convert('--to-kit', fresh('kit'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected one or more INPUT files or folders, or --dicomweb URL');
  });
});

describe('plateau import --dicomweb (fake PACS)', () => {
  it('stores the exams of the PACS, and nothing when it fails', async () => {
    const data = fresh('store');
    const r = await runCli([
      'import',
      '--dicomweb',
      pacs.url,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--data',
      data,
    ]);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/exams\s+1 added/);

    pacs.mode = 500;
    const data2 = fresh('store');
    const failed = await runCli([
      'import',
      HL7,
      '--dicomweb',
      pacs.url,
      '--mapping',
      MAPPING,
      ...CAMPAIGN_ARGS,
      '--data',
      data2,
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`cannot read the PACS at ${pacs.url}`);
    expect(existsSync(data2)).toBe(false);
  });
});

const ORTHANC = process.env.PLATEAU_TEST_ORTHANC_URL;
const SAMPLES = join(SHARED_DIR, 'samples/dicom');
const haveSamples = haveShared(join(SAMPLES, 'CT_small.dcm'));

describe.skipIf(!ORTHANC || !haveSamples)('plateau convert --dicomweb against Orthanc', () => {
  it('gives the exam the DICOM file gives, merged with an HL7 exam, and asks only for the StudyDate range', async () => {
    for (const name of ['CT_small.dcm', 'MR_small.dcm']) {
      const stored = await fetch(`${ORTHANC}/instances`, {
        method: 'POST',
        body: readFileSync(join(SAMPLES, name)),
        headers: { 'Content-Type': 'application/dicom' },
      });
      expect(stored.ok, name).toBe(true);
    }
    // The samples are anonymized with shifted dates: CT_small.dcm was acquired on 1997-04-30 but
    // its StudyDate is 2004-01-19 (MR_small.dcm's 2004-08-26). A campaign from 1997-04-28 to
    // 2004-01-19 holds the CT's StudyDate and acquisition, not the MR's StudyDate.
    const campaign = [
      '--mapping',
      MAPPING,
      '--campaign-id',
      'ct-small',
      '--start',
      '1997-04-28',
      '--days',
      '2458',
    ];
    const hl7 = join(tmp, 'exam-1997.hl7');
    writeFileSync(
      hl7,
      examMessages(1, '19970430')
        .map((m) => m.text)
        .join('\r'),
    );
    const fromFile = fresh('kit');
    expect(
      (await runCli(['convert', join(SAMPLES, 'CT_small.dcm'), ...campaign, '--to-kit', fromFile]))
        .code,
    ).toBe(0);
    const fromPacs = fresh('kit');
    const r = await runCli([
      'convert',
      hl7,
      '--dicomweb',
      `${ORTHANC}/dicom-web`,
      ...campaign,
      '--to-kit',
      fromPacs,
    ]);
    expect(r.stderr).not.toMatch(/ error: /);
    expect(r.code).toBe(0);
    // The MR study is outside the StudyDate range: never read, so its unmapped device is not met.
    expect(r.stderr).not.toMatch(/not in the site mapping/);
    const file = (await readKitDir(fromFile)).kit!;
    const both = (await readKitDir(fromPacs)).kit!;
    expect(both.exams.map((e) => e.equipmentId).sort()).toEqual(['CT-1', 'CT-GE']);
    expect(both.exams.find((e) => e.equipmentId === 'CT-GE')).toEqual(file.exams[0]);

    // Over the days of acquisition only, the PACS has no study: the HL7 exam alone.
    const acquisitionDays = [
      '--mapping',
      MAPPING,
      '--campaign-id',
      'ct-small',
      '--start',
      '1997-04-28',
      '--days',
      '7',
    ];
    const only = await runCli([
      'convert',
      hl7,
      '--dicomweb',
      `${ORTHANC}/dicom-web`,
      ...acquisitionDays,
      '--to-kit',
      fresh('kit'),
    ]);
    expect(only.code).toBe(0);
    expect(only.stdout).toContain('exams          1');
  });
});
