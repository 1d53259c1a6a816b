import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { runCli } from '../helpers/run-cli.ts';

const KIT = join(import.meta.dirname, '../../../shared/spec/conformance/kit-101');
const tmp = mkdtempSync(join(tmpdir(), 'plateau-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('plateau --help', () => {
  it('lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'generate', 'import', 'indicators']) expect(r.stdout).toContain(c);
  });
  it.each(['demo', 'generate', 'import', 'indicators'])('has help for %s', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: plateau ${command}`));
  });
  it('exits 2 on an unknown command or option, or a missing argument', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const bad = await runCli(['indicators', '--no-such-flag']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-such-flag');
    expect((await runCli(['import'])).code).toBe(2);
    expect((await runCli(['indicators', KIT, '--json', '--csv'])).code).toBe(2);
    expect((await runCli(['indicators', KIT, '--modality', 'XR'])).code).toBe(2);
  });
});

describe('plateau indicators KIT_DIR', () => {
  it('prints the JSON contract, computed straight from the files', async () => {
    const r = await runCli(['indicators', KIT, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const kit = (await readKitDir(KIT)).kit!;
    expect(doc).toEqual(JSON.parse(JSON.stringify(computeCampaign(kit))));
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['campaign', 'machines', 'benchmark', 'quality']),
    );
    expect(Object.keys(doc.machines[0])).toEqual(
      expect.arrayContaining([
        'equipmentId',
        'finess',
        'modality',
        'openingHoursPerWeek',
        'passagesPerWeek',
        'occupancy',
        'occupancyIncluded',
        'icrPerHour',
        'emergencyShare',
        'night',
        'significantOnCall',
        'typology',
        'durationMinutes',
        'reportDelayMinutes',
        'leads',
      ]),
    );
  });
  it('prints a readable table with the 2010 reference beside the benchmark', async () => {
    const r = await runCli(['indicators', KIT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Benchmark CT');
    expect(r.stdout).toContain('37.4 / 47 / 56.2');
    expect(r.stdout).toContain('EQ000');
  });
  it('prints one CSV row per machine, and narrows to a modality', async () => {
    const r = await runCli(['indicators', KIT, '--csv', '--modality', 'MR']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^equipment,modality,finess/);
    expect(lines).toHaveLength(1 + 4);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'MR')).toBe(true);
  });
  it('refuses a bad kit with located errors and exit code 1', async () => {
    const bad = join(tmp, 'bad-kit');
    cpSync(KIT, bad, { recursive: true });
    const exams = readFileSync(join(bad, 'exams.csv'), 'utf8').split('\n');
    exams[5] = exams[5]!.replace(/,A,|,H,|,R,|,U,/, ',Z,');
    writeFileSync(join(bad, 'exams.csv'), exams.join('\n'));
    const r = await runCli(['indicators', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exams\.csv:6:category/);
    expect(r.stdout).toBe('');
  });
  it('says when no machine matches the filters', async () => {
    const r = await runCli(['indicators', KIT, '--region', 'Atlantis']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no machine matches these filters (regions in this campaign: HDF)');
  });
  it('says when the folder does not exist', async () => {
    const r = await runCli(['indicators', join(tmp, 'nowhere')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a folder');
  });
});

describe('plateau import, then indicators from the store', () => {
  it('stores a kit once, reads its results back, and changes nothing on a second import', async () => {
    const data = join(tmp, 'store');
    const first = await runCli(['import', KIT, '--data', data]);
    expect(first.stderr).not.toMatch(/ error: /);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/exams\s+3877 added, 0 changed, 0 removed, 0 unchanged/);
    const again = await runCli(['import', KIT, '--data', data]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing changed');
    const stored = await runCli(['indicators', '--json', '--data', data]);
    expect(stored.code).toBe(0);
    const fromFiles = await runCli(['indicators', KIT, '--json']);
    expect(JSON.parse(stored.stdout)).toEqual(JSON.parse(fromFiles.stdout));
  });
  it('stores nothing from a kit with an error', async () => {
    const bad = join(tmp, 'bad-import');
    cpSync(KIT, bad, { recursive: true });
    const sessions = readFileSync(join(bad, 'sessions.csv'), 'utf8').split('\n');
    sessions[3] = sessions[3]!.replace('2011-10-18', '2011-02-30');
    writeFileSync(join(bad, 'sessions.csv'), sessions.join('\n'));
    const data = join(tmp, 'store-bad');
    const r = await runCli(['import', bad, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sessions\.csv:4:start .*error/);
    expect(r.stderr).toContain('nothing was computed or stored');
    const after = await runCli(['indicators', '--data', data]);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain(`there is no plateau store in ${data} (nothing was created)`);
    expect(existsSync(data)).toBe(false);
  });
  it('explains what to run when there is no store, and creates none', async () => {
    const r = await runCli(['indicators', '--data', join(tmp, 'empty-store')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("run 'plateau demo'");
    expect(existsSync(join(tmp, 'empty-store'))).toBe(false);
  });
});
