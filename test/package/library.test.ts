// plateau as a library, as a user gets it: the BUILT package (dist/, made by `npm ci`'s prepare
// script, or `npx tsc -p tsconfig.build.json`) imported BY ITS NAME from another folder, through
// package.json's `exports`. A child node process resolves `plateau` from a folder whose
// node_modules/plateau is a link to this repository: every name src/index.ts exports must exist
// at run time, its declarations too, and the figures must be those of the sources.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import { writeGeneratedKit } from '../../src/generate/index.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { MODALITIES } from '../../src/core/kit-types.ts';

const ROOT = join(import.meta.dirname, '../..');
const INDEX = join(ROOT, 'src/index.ts');
const run = promisify(execFile);

/** The value names src/index.ts exports (`export { a, b as c } from`, `export const|function|class`), types left out. */
function exportedValues(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/^export\s+\{([^}]*)\}/gm)) {
    for (const part of (m[1] as string).split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  for (const m of source.matchAll(
    /^export\s+(?:async\s+)?(?:const|function|class|let)\s+([A-Za-z_$][\w$]*)/gm,
  ))
    names.push(m[1] as string);
  return names.sort();
}

interface ChildReport {
  names: string[];
  version: string;
  manifestVersion: string;
  deepImport: string;
  examCount: number;
  examTableRows: number;
  errors: number;
  p50: Record<string, number | null>;
  sameParallel: boolean;
  campaignId: string;
  stored: { id: string; exams: number }[];
  inserted: number;
}

// The user's program: read the kit, P50 occupancy per modality, compute in parallel, store it in a
// data folder (a new one starts from plateau's cached template: much faster than `memory://`).
const PROGRAM = `
import * as p from 'plateau';
import manifest from 'plateau/package.json' with { type: 'json' };
const { readKitDir, computeCampaign, computeCampaignParallel, examCount, examTableOf, hasErrors, openStore, importKit, listCampaigns, MODALITIES } = p;
let deepImport = 'allowed';
try { await import('plateau/dist/core/stats.js'); } catch (e) { deepImport = e.code; }
const { kit, issues } = await readKitDir(process.argv[1]);
const result = computeCampaign(kit);
const p50 = Object.fromEntries(MODALITIES.map((m) => [m, result.benchmark[m]?.occupancyProgrammed.p50 ?? null]));
const parallel = await computeCampaignParallel(kit, { threads: 2 });
const store = await openStore({ dataDir: process.argv[2] });
let stored, inserted;
try {
  inserted = (await importKit(store, kit, { issues })).exams.inserted;
  stored = (await listCampaigns(store)).map((c) => ({ id: c.id, exams: c.exams }));
} finally {
  await store.close();
}
process.stdout.write(JSON.stringify({
  names: Object.keys(p).sort(), version: p.plateauVersion(), manifestVersion: manifest.version, deepImport,
  examCount: examCount(kit), examTableRows: examTableOf(kit).roomIn.length, errors: hasErrors(issues) ? 1 : 0, p50,
  sameParallel: JSON.stringify(parallel.indicators) === JSON.stringify(result), campaignId: kit.campaign.id, stored, inserted,
}));
`;

describe('plateau as a library (the built package, imported by name)', () => {
  let tmp = '';
  let kitDir = '';
  let report: ChildReport;

  beforeAll(async () => {
    // Not skipped without a build: CI builds dist/ (npm ci → prepare); locally, build it first.
    expect(
      existsSync(join(ROOT, 'dist/index.js')),
      'dist/index.js is missing: npx tsc -p tsconfig.build.json',
    ).toBe(true);
    tmp = mkdtempSync(join(tmpdir(), 'plateau-library-'));
    mkdirSync(join(tmp, 'node_modules'));
    symlinkSync(ROOT, join(tmp, 'node_modules/plateau'), 'dir');
    kitDir = join(tmp, 'kit');
    await writeGeneratedKit(kitDir, { seed: 17, machines: 24, days: 7 });
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', PROGRAM, kitDir, join(tmp, 'data')],
      { cwd: tmp },
    );
    report = JSON.parse(stdout) as ChildReport;
  }, 120_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('exports at run time every name src/index.ts exports, and the core of the API', () => {
    const declared = exportedValues(readFileSync(INDEX, 'utf8'));
    for (const name of [
      'readKitDir',
      'parseKit',
      'computeCampaign',
      'computeCampaignDetailed',
      'computeCampaignParallel',
      'benchmarkByModality',
      'examTableOf',
      'examCount',
      'formatIssue',
      'generateKit',
      'openStore',
      'importKit',
      'plateauVersion',
      'StoreError',
    ]) {
      expect(declared, `src/index.ts exports ${name}`).toContain(name);
    }
    // A build older than src/index.ts lacks names: rebuild (npx tsc -p tsconfig.build.json).
    expect(report.names).toEqual(declared);
  });

  it('ships its declarations where package.json says, naming the same exports', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      types: string;
      exports: Record<string, { types?: string; import?: string } | string>;
    };
    const main = manifest.exports['.'] as { types: string; import: string };
    expect(main.import).toBe('./dist/index.js');
    expect(join(ROOT, main.types)).toBe(join(ROOT, manifest.types));
    const dts = readFileSync(join(ROOT, main.types), 'utf8');
    for (const name of exportedValues(readFileSync(INDEX, 'utf8')))
      expect(dts, name).toMatch(new RegExp(`\\b${name}\\b`));
    for (const type of [
      'Kit',
      'KitReadResult',
      'CampaignIndicators',
      'MachineIndicators',
      'PeerBenchmark',
      'ExamTable',
      'Store',
      'Issue',
    ])
      expect(dts, type).toMatch(new RegExp(`\\b${type}\\b`));
  });

  it('says the version of package.json and keeps its internal modules private', () => {
    expect(report.version).toBe(report.manifestVersion);
    expect(report.version).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    expect(report.deepImport).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('reads a kit and computes the figures the sources compute', async () => {
    const lines = readFileSync(join(kitDir, 'exams.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(report.errors).toBe(0);
    expect(report.examCount).toBe(lines.length - 1); // one exam per row, header aside
    expect(report.examTableRows).toBe(lines.length - 1);
    const { kit } = await readKitDir(kitDir);
    if (kit === null) throw new Error('the generated kit does not read');
    const here = computeCampaign(kit);
    expect(Object.keys(report.p50).sort()).toEqual([...MODALITIES].sort());
    for (const m of MODALITIES) {
      const p50 = here.benchmark[m]?.occupancyProgrammed.p50 ?? null;
      expect(p50, m).not.toBeNull();
      expect(report.p50[m], m).toBe(p50);
      expect(p50 as number).toBeGreaterThan(0);
      expect(p50 as number).toBeLessThanOrEqual(1.5);
    }
    expect(report.sameParallel).toBe(true);
  });

  it('opens a store, imports the kit and lists it, then closes', () => {
    expect(report.inserted).toBe(report.examCount);
    expect(report.stored).toEqual([{ id: report.campaignId, exams: report.examCount }]);
  });
});
