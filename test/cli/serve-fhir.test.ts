// `plateau serve --mapping FILE`: POST /api/fhir reads Bundles with the site mapping and the secret
// from the environment, over a real socket; without --mapping it answers 503; a missing secret or
// a mapping with errors stops the server from starting. The servers started here share one store,
// opened once for the file (test/helpers/shared-store.ts): what they serve does not touch it.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { serve } from '../../src/cli/commands/serve.ts';
import type { FhirReadSummary } from '../../src/server/routes/fhir.ts';
import { FIXTURES_DIR } from '../ingest/sources/fhir/cases.ts';
import { captureOutput, runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-serve-fhir-'));
const DATA = join(tmp, 'store');
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.PLATEAU_SECRET;
  delete process.env.SITE_KEY;
});

// The FHIR adapter's exam-bundle case, with its mapping as a site mapping file.
const BUNDLE = readFileSync(join(FIXTURES_DIR, 'exam-bundle', 'input.json'));
const MAPPING = join(tmp, 'mapping.csv');
writeFileSync(
  MAPPING,
  [
    'kind,key,value,target',
    'site,finess,,690000001',
    'site,time_zone,,Europe/Paris',
    'site,name,,CH de Lyon',
    'site,legal_status,,CH',
    'site,region,,Auvergne-Rhône-Alpes',
    'equipment,serial,SN-48213,CT-2',
    'category,unit,ICU,R',
    'category,patient_class,IMP,H',
    'category,patient_class,EMER,U',
    'category,patient_class,AMB,A',
    'act,local_code,TDM-THX,ZBQK002',
    '',
  ].join('\n'),
);

/** Serves with `values` until the returned `stop` is called; `url` once it listens. */
async function serving(
  values: Record<string, string>,
): Promise<{ url: string; stop: () => Promise<number>; out: { stdout: string; stderr: string } }> {
  const { out, restore } = captureOutput();
  let release!: () => void;
  const stopped = new Promise<void>((resolve) => (release = resolve));
  const running = serve(
    { port: '0', data: DATA, ...values },
    { until: () => stopped, webRoot: join(tmp, 'no-web') },
  );
  try {
    for (let i = 0; ; i += 1) {
      const m = /plateau is serving \d+ campaigns? at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(
        out.stdout,
      );
      const stop = async (): Promise<number> => {
        release();
        return running.finally(restore);
      };
      if (m) return { url: m[1]!, out, stop };
      if (i > 3000) throw new Error(`serve did not start:\n${out.stdout}\n${out.stderr}`);
      await Promise.race([running, new Promise((r) => setTimeout(r, 20))]);
    }
  } catch (error) {
    restore();
    throw error;
  }
}

const post = (url: string, body: Uint8Array) =>
  fetch(`${url}api/fhir`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/fhir+json' },
    body,
  });

describe('plateau serve --mapping', () => {
  it('answers POST /api/fhir with an OperationOutcome read with the mapping and the secret', async () => {
    process.env.SITE_KEY = 'site-key';
    const server = await serving({ mapping: MAPPING, 'secret-env': 'SITE_KEY' });
    let summary: FhirReadSummary;
    try {
      const response = await post(server.url, BUNDLE);
      expect(response.status).toBe(200);
      summary = (await response.json()) as FhirReadSummary;
      expect(server.out.stderr).toContain(
        `POST /api/fhir reads FHIR R4 Bundles with the site mapping ${MAPPING} (FINESS 690000001)`,
      );
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(summary.resourceType).toBe('OperationOutcome');
    expect(summary.issue[0]?.diagnostics).toBe(
      'read 1 exam, 1 session, 1 machine; nothing was imported',
    );
    expect(summary.plateau).toMatchObject({
      imported: false,
      records: { exams: 1, sessions: 1, equipment: 1 },
    });
    expect(JSON.stringify(summary)).not.toContain('Martin');
  });

  it('answers 503 without --mapping, as before', async () => {
    const server = await serving({});
    try {
      const response = await post(server.url, BUNDLE);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'fhir-not-configured',
      );
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses to start without the secret, naming the variable', async () => {
    const r = await runCli(['serve', '--port', '0', '--data', 'memory://', '--mapping', MAPPING]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'plateau serve: the site secret is not set: put it in the environment variable PLATEAU_SECRET',
    );
    expect(r.stdout).not.toContain('plateau is serving');
    const named = await runCli([
      'serve',
      '--port',
      '0',
      '--data',
      'memory://',
      '--mapping',
      MAPPING,
      '--secret-env',
      'SITE_KEY',
    ]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('environment variable SITE_KEY');
  });

  it('refuses to start with a mapping that has errors, printing them where they are', async () => {
    process.env.PLATEAU_SECRET = 'x';
    const bad = join(tmp, 'bad-mapping.csv');
    writeFileSync(
      bad,
      'kind,key,value,target\nsite,finess,,690000001\nsite,time_zone,,Europe/Pari\n',
    );
    const r = await runCli(['serve', '--port', '0', '--data', 'memory://', '--mapping', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /bad-mapping\.csv:3:target error: "Europe\/Pari" is not a known time zone/,
    );
    expect(r.stderr).toContain(
      `plateau serve: ${bad}: the mapping file has errors; the server was not started`,
    );
    const missing = await runCli([
      'serve',
      '--port',
      '0',
      '--data',
      'memory://',
      '--mapping',
      join(tmp, 'none.csv'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the mapping file');
  });

  it('keeps Bundles in the --fhir-inbox folder, which plateau convert turns into the kit', async () => {
    process.env.PLATEAU_SECRET = 'site-key';
    const inbox = join(tmp, 'fhir-inbox');
    const server = await serving({ mapping: MAPPING, 'fhir-inbox': inbox });
    let stored: string | null = null;
    try {
      const response = await post(server.url, BUNDLE);
      expect(response.status).toBe(201);
      stored = ((await response.json()) as FhirReadSummary).plateau.stored;
      expect(server.out.stderr).toContain(`keeping those without errors de-identified in ${inbox}`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(readdirSync(inbox)).toEqual([stored]);
    const kit = join(tmp, 'kit-from-inbox');
    const r = await runCli([
      'convert',
      inbox,
      '--mapping',
      MAPPING,
      '--campaign-id',
      'inbox',
      '--start',
      '2026-03-09',
      '--days',
      '7',
      '--to-kit',
      kit,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const exams = readFileSync(join(kit, 'exams.csv'), 'utf8').trim().split('\n');
    expect(exams).toHaveLength(2);
    expect(exams[1]).toContain('CT-2');
    expect(readFileSync(join(kit, 'exams.csv'), 'utf8')).not.toContain('Martin');
  });

  it.skipIf(process.platform === 'win32')(
    'creates the inbox for its owner only, and narrows one other local users could read, saying so',
    async () => {
      process.env.PLATEAU_SECRET = 'site-key';
      const fresh = join(tmp, 'inbox-new');
      let server = await serving({ mapping: MAPPING, 'fhir-inbox': fresh });
      expect(await server.stop()).toBe(0);
      expect(statSync(fresh).mode & 0o777).toBe(0o700);
      const wide = join(tmp, 'inbox-wide');
      mkdirSync(wide, { mode: 0o755 });
      expect(statSync(wide).mode & 0o077).not.toBe(0);
      server = await serving({ mapping: MAPPING, 'fhir-inbox': wide });
      expect(await server.stop()).toBe(0);
      expect(statSync(wide).mode & 0o777).toBe(0o700);
      expect(server.out.stderr).toContain(
        `the FHIR inbox ${wide} was open to other local users (mode 0755): restricted to its owner`,
      );
    },
  );

  it('takes --secret-env and --fhir-inbox only with --mapping, and documents them', async () => {
    expect((await runCli(['serve', '--secret-env', 'SITE_KEY'])).code).toBe(2);
    const inboxAlone = await runCli(['serve', '--fhir-inbox', join(tmp, 'x')]);
    expect(inboxAlone.code).toBe(2);
    expect(inboxAlone.stderr).toContain('--fhir-inbox goes with --mapping FILE');
    const help = await runCli(['serve', '--help']);
    expect(help.stdout).toMatch(/--mapping FILE {8}the site mapping file/);
    expect(help.stdout).toContain('--secret-env NAME');
    expect(help.stdout).toContain('--fhir-inbox DIR');
  });
});
