/**
 * DICOMweb against a real PACS: Debian's Orthanc with its DICOMweb plugin, started on loopback by
 * .ci/start-orthanc.sh (CI sets PLATEAU_TEST_ORTHANC_URL). The sample images are stored in it,
 * then pulled back through QIDO-RS into exams, which must equal what the files give.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { dicomAdapter } from '../../../../src/ingest/sources/dicom/index.ts';
import { queryDicomweb, readDicomweb } from '../../../../src/ingest/sources/dicom/dicomweb.ts';
import { fromDicomJson } from '../../../../src/ingest/sources/dicom/dicom-json.ts';
import { itemsOf, textOf } from '../../../../src/ingest/sources/dicom/dataset.ts';
import { TAG } from '../../../../src/ingest/sources/dicom/dictionary.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import type { SiteMapping } from '../../../../src/ingest/sources/types.ts';
import { haveSamples, sampleInputs } from './samples.ts';

const ORTHANC = process.env.PLATEAU_TEST_ORTHANC_URL;
if (!ORTHANC)
  console.log(
    'DICOMweb tests against Orthanc skipped: PLATEAU_TEST_ORTHANC_URL is unset (run .ci/start-orthanc.sh)',
  );

// QIDO carries no Source AE title (0002,0016): devices are mapped by station or serial here.
const MAPPING: SiteMapping = {
  finess: '750000001',
  timeZone: 'Europe/Paris',
  equipment: [
    { station: 'CT01_OC0', equipmentId: 'CT-GE-1' },
    { serial: '-0000200', equipmentId: 'MR-TOSHIBA' },
  ],
  categories: [],
  acts: [],
};
const context = { mapping: MAPPING, secret: 'test-secret' };

describe('the DICOM JSON model', () => {
  it('reads text, person names, numbers and sequences', () => {
    const ds = fromDicomJson({
      '00080060': { vr: 'CS', Value: ['CT'] },
      '00080008': { vr: 'CS', Value: ['ORIGINAL', 'PRIMARY'] },
      '00100010': { vr: 'PN', Value: [{ Alphabetic: 'DUPONT^JEAN' }] },
      '00200013': { vr: 'IS', Value: [7] },
      '00080050': { vr: 'SH' },
      '7FE00010': { vr: 'OW', BulkDataURI: 'http://x' },
      '00400275': { vr: 'SQ', Value: [{ '00080050': { vr: 'SH', Value: ['ACC'] } }] },
      junk: 1,
    });
    expect(textOf(ds, TAG.Modality)).toBe('CT');
    expect(textOf(ds, TAG.ImageType)).toBe('ORIGINAL\\PRIMARY');
    expect(textOf(ds, TAG.PatientName)).toBe('DUPONT^JEAN');
    expect(ds.get(TAG.InstanceNumber)?.value).toEqual([7]);
    expect(textOf(ds, TAG.AccessionNumber)).toBeNull();
    expect(ds.get(TAG.PixelData)?.value).toBeNull();
    expect(textOf(itemsOf(ds, TAG.RequestAttributesSequence)[0]!, TAG.AccessionNumber)).toBe('ACC');
    expect(ds.size).toBe(7);
  });
});

describe('QIDO-RS failures are located issues', () => {
  it('times out on a server that never answers', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { instances, issues } = await queryDicomweb({
        baseUrl: `http://127.0.0.1:${port}/dicom-web`,
        timeoutMs: 300,
      });
      expect(instances).toEqual([]);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ severity: 'error', code: 'dicomweb-request' });
      expect(issues[0]?.file).toContain(`127.0.0.1:${port}/dicom-web/studies?limit=100&offset=0`);
      expect(issues[0]?.message).toContain('no answer within 300 ms');
    } finally {
      server.close();
    }
  });
});

describe.skipIf(!ORTHANC || !haveSamples)('DICOMweb against Orthanc', () => {
  it('stores the sample images, pulls them back page by page, and gives the exams the files give', async () => {
    const images = sampleInputs().filter((i) => !/DICOMDIR/.test(i.name));
    for (const image of images) {
      const r = await fetch(`${ORTHANC}/instances`, {
        method: 'POST',
        body: image.bytes,
        headers: { 'Content-Type': 'application/dicom' },
      });
      expect(r.ok, image.name).toBe(true);
    }
    const { instances, issues: queryIssues } = await queryDicomweb({
      baseUrl: `${ORTHANC}/dicom-web`,
      pageSize: 2,
      timeoutMs: 10_000,
    });
    expect(queryIssues).toEqual([]);
    // Every CT and MR image comes back (the CR images are filtered at series level).
    const ctMr = images.filter((i) => !/\/CR\d\//.test(i.name));
    expect(instances).toHaveLength(ctMr.length);

    const web = await readDicomweb({ baseUrl: `${ORTHANC}/dicom-web`, pageSize: 3 }, context);
    const files = await dicomAdapter.read(
      ctMr.map((i) => ({ ...i })),
      context,
    );
    // The file source also sees the Source AE title; with this mapping both need station or serial.
    expect(web.records.exams).toEqual(files.records.exams);
    expect(
      web.records.exams.map((e) => [
        e.examId,
        new Date(e.roomIn).toISOString(),
        new Date(e.roomOut).toISOString(),
      ]),
    ).toEqual([
      [
        // No accession: the hashed study UID.
        pseudonymize('1.3.6.1.4.1.5962.1.2.1.20040119072730.12322', 'test-secret'),
        '1997-04-30T16:24:36.000Z',
        '1997-04-30T16:32:36.000Z',
      ],
    ]);
    expect(web.records.removed['(0010,0020) PatientID pseudonymized']).toBe(ctMr.length);
    expect(web.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['dicom-no-device', 'dicom-no-time', 'dicom-study-date-gap']),
    );
  });
});
