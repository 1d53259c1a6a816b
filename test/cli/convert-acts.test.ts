// plateau convert --acts FILE: the CCAM acts table (code, label, ICR) goes into the kit, so the
// exams read from hospital systems are valued; a refused cell in it stops the run, located.
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { runCli } from '../helpers/run-cli.ts';
import { CAMPAIGN_ARGS, examMessages, writeMapping } from './source-fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plateau-convert-acts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeEach(() => {
  process.env.PLATEAU_SECRET = 'acts-secret';
});
afterEach(() => {
  delete process.env.PLATEAU_SECRET;
});

const mapping = writeMapping(tmp);
appendFileSync(mapping, 'act,local_code,TDM-THX,ZBQK002\n');
const orders = join(tmp, 'orders.hl7');
writeFileSync(
  orders,
  [1, 2]
    .flatMap((n) => examMessages(n))
    .map((m) => m.text)
    .join('\r'),
);

describe('plateau convert --acts', () => {
  it('puts the acts table in the kit and values the exams with it', async () => {
    const acts = join(tmp, 'ccam-2026.csv');
    writeFileSync(acts, 'code;label;icr\nZBQK002;Scanographie du thorax;75,5\nZCQK004;Autre;40\n');
    const out = join(tmp, 'kit');
    const r = await runCli([
      'convert',
      orders,
      '--mapping',
      mapping,
      ...CAMPAIGN_ARGS,
      '--acts',
      acts,
      '--to-kit',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const { kit } = await readKitDir(out);
    expect(kit!.acts).toEqual([
      { code: 'ZBQK002', label: 'Scanographie du thorax', icr: 75.5 },
      { code: 'ZCQK004', label: 'Autre', icr: 40 },
    ]);
    expect(kit!.exams.map((e) => e.acts)).toEqual([['ZBQK002'], ['ZBQK002']]);
    const shown = await runCli(['indicators', out, '--json']);
    const doc = JSON.parse(shown.stdout) as {
      machines: { equipmentId: string; icrTotal: number; quality: { unvaluedExams: number } }[];
    };
    // Two exams of one act at ICR 75.5, all valued.
    expect(doc.machines.map((m) => [m.equipmentId, m.icrTotal, m.quality.unvaluedExams])).toEqual([
      ['CT-1', 151, 0],
    ]);
  });

  it('stops on a refused cell, naming the file, line and column, and writes nothing', async () => {
    const acts = join(tmp, 'bad-acts.csv');
    writeFileSync(acts, 'code,label,icr\nZBQK002,Scanner,75\nZCQK004,Autre,beaucoup\n');
    const out = join(tmp, 'kit-bad');
    const r = await runCli([
      'convert',
      orders,
      '--mapping',
      mapping,
      ...CAMPAIGN_ARGS,
      '--acts',
      acts,
      '--to-kit',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${acts}:3:icr error`);
    expect(r.stderr).toContain('no kit was made');
    expect(existsSync(out)).toBe(false);
    const missing = await runCli([
      'convert',
      orders,
      '--mapping',
      mapping,
      ...CAMPAIGN_ARGS,
      '--acts',
      join(tmp, 'none.csv'),
      '--to-kit',
      out,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the acts file');
  });
});
