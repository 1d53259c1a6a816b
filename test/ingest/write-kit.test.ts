import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/core/issues.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { createKitWriter, writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { sampleKit } from './sample-kit.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'plateau-kit-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeKitDir', () => {
  it('round-trips a kit exactly with ","', async () => {
    const dir = await tempDir();
    const kit = sampleKit();
    await writeKitDir(dir, kit);
    const result = await readKitDir(dir);
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.kit).toEqual(kit);
  });

  it('round-trips a kit exactly with ";" and decimal commas', async () => {
    const dir = await tempDir();
    const kit = sampleKit();
    await writeKitDir(dir, kit, { separator: ';' });
    const exams = await readFile(join(dir, 'exams.csv'), 'utf8');
    expect(exams).toContain(';140,5;');
    expect(exams.split('\n')[0]).toBe(
      'exam_id;equipment_id;category;room_in;room_out;acts;icr;report_validated_at;requested_at;scheduled_minutes;age_band',
    );
    const result = await readKitDir(dir);
    expect(hasErrors(result.issues)).toBe(false);
    expect(result.kit).toEqual(kit);
  });

  it('writes wall-clock times, with an offset only in the repeated autumn hour', async () => {
    const dir = await tempDir();
    await writeKitDir(dir, sampleKit());
    const exams = (await readFile(join(dir, 'exams.csv'), 'utf8')).split('\n');
    expect(exams[1]).toBe(
      'E1,EQ-CT-1,U,2010-03-28T01:30:00,2010-03-28T03:10:00,ZBQK002|ZCQK004,,2010-03-28T03:45:30.250,,,80+',
    );
    expect(exams[2]).toBe(
      'E2,EQ-CT-1,R,2010-10-31T02:30:00+02:00,2010-10-31T02:30:00+01:00,,140.5,2010-10-31T02:59:59+01:00,2010-10-31T00:00:00,12.5,',
    );
    expect(exams[4]).toContain('"a very long exam id, with a comma"');
    const establishments = await readFile(join(dir, 'establishments.csv'), 'utf8');
    expect(establishments).toContain('"CH de Lille; site ""Nord"""');
    expect(establishments).toContain('"  Clinique, du Port  "');
  });

  it('leaves out optional files without rows and removes stale ones', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'acts.csv'), 'code,label,icr\nOLD,old,1\n');
    const kit = { ...sampleKit(), acts: [], survey: [] };
    await writeKitDir(dir, kit);
    expect((await readdir(dir)).sort()).toEqual([
      'campaign.json',
      'equipment.csv',
      'establishments.csv',
      'exams.csv',
      'sessions.csv',
    ]);
    expect((await readKitDir(dir)).kit).toEqual(kit);
  });

  it('refuses decimal commas with the "," separator and non-finite numbers', async () => {
    const dir = await tempDir();
    expect(() =>
      createKitWriter(dir, sampleKit().campaign, { separator: ',', decimalComma: true }),
    ).toThrow(/separator/);
    const writer = createKitWriter(dir, sampleKit().campaign);
    const exam = { ...sampleKit().exams[0]!, icr: Number.NaN };
    await expect(writer.appendExams([exam])).rejects.toThrow(/finite/);
  });
});

describe('createKitWriter', () => {
  it('appends batches in order and writes header-only tables it was not given', async () => {
    const dir = await tempDir();
    const kit = sampleKit();
    const writer = createKitWriter(dir, kit.campaign, { separator: ';' });
    const first = writer.appendExams(kit.exams.slice(0, 1));
    const rest = writer.appendExams(kit.exams.slice(1)); // not awaited in between: order is kept
    await Promise.all([first, rest]);
    await writer.appendSessions([]);
    await writer.close();
    expect(await readFile(join(dir, 'establishments.csv'), 'utf8')).toBe(
      'finess;name;legal_status;region;department\n',
    );
    expect(await readFile(join(dir, 'sessions.csv'), 'utf8')).toBe('equipment_id;start;end;type\n');
    const lines = (await readFile(join(dir, 'exams.csv'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => l.split(';')[0])).toEqual([
      'exam_id',
      'E1',
      'E2',
      'E2',
      'a very long exam id, with a comma',
    ]);
    await expect(writer.appendExams(kit.exams)).rejects.toThrow(/closed/);
  });

  it('streams 300,000 exams in batches without keeping them', async () => {
    const dir = await tempDir();
    const kit = sampleKit();
    const writer = createKitWriter(dir, kit.campaign);
    const base = kit.exams[2]!;
    for (let b = 0; b < 30; b++) {
      const batch = Array.from({ length: 10_000 }, (_, i) => ({
        ...base,
        examId: `X${b * 10_000 + i}`,
      }));
      await writer.appendExams(batch);
    }
    await writer.close();
    const text = await readFile(join(dir, 'exams.csv'), 'utf8');
    expect(text.split('\n').length).toBe(300_002);
  });
});
