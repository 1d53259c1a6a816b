// `plateau bundle` end to end in process, over two embedded stores: the site's (a small generated
// campaign imported raw) and the observatory's (empty). keygen → keys add at the observatory →
// export at the site → import at the observatory: the campaign is created from the bundle with the
// site's machines; keys list names the key; a tampered file and a revoked key's bundle are refused
// (exit 1, the reason said, nothing more stored).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKit } from '../../src/generate/index.ts';
import { importKit, loadResults, openStore } from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const root = mkdtempSync(join(tmpdir(), 'plateau-bundle-cli-'));
const home = join(root, 'home');
const observatory = join(root, 'observatory');
const kit = generateKit({ seed: 31, machines: 12, days: 7 });
const site = kit.equipment[0]!.finess;
const machines = kit.equipment
  .filter((m) => m.finess === site)
  .map((m) => m.equipmentId)
  .sort();
const key = join(root, 'site.pem');
const file = join(root, 'site.bundle.json');

describe('plateau bundle', () => {
  beforeAll(async () => {
    const store = await openStore({ dataDir: home });
    await importKit(store, kit);
  }, 60_000);
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await closeSharedStores();
    rmSync(root, { recursive: true, force: true });
  });

  it('makes a key, registers it, exports at the site and imports at the observatory', async () => {
    const keygen = await runCli(['bundle', 'keygen', '--site', site, '--out', key, '--lang', 'en']);
    expect(keygen.code, keygen.stderr).toBe(0);
    const added = await runCli([
      'bundle',
      'keys',
      'add',
      '--site',
      site,
      '--public-key',
      join(root, 'site.pub.pem'),
      '--label',
      'test key',
      '--data',
      observatory,
      '--lang',
      'en',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const keyId = /Key ([0-9a-f]{16}) registered for site/.exec(added.stdout)?.[1];
    expect(keyId).toBeDefined();
    expect(keygen.stdout).toContain(keyId);
    const exported = await runCli([
      'bundle',
      'export',
      '--site',
      site,
      '--key',
      key,
      '--out',
      file,
      '--data',
      home,
      '--lang',
      'en',
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const imported = await runCli([
      'bundle',
      'import',
      file,
      '--data',
      observatory,
      '--lang',
      'en',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      `site ${site} imported into campaign ${kit.campaign.id} (machines ${machines.join(', ')}, key ${keyId}), campaign created from the bundle`,
    );
    const list = await runCli(['bundle', 'keys', 'list', '--json', '--data', observatory]);
    const keys = JSON.parse(list.stdout) as {
      keyId: string;
      finess: string;
      label: string;
      addedBy: string;
      revokedAt: string | null;
    }[];
    expect(
      keys.map((k) => [k.keyId, k.finess, k.label, k.addedBy.startsWith('console:'), k.revokedAt]),
    ).toEqual([[keyId, site, 'test key', true, null]]);
    const store = await openStore({ dataDir: observatory });
    expect(
      (await loadResults(store, kit.campaign.id))!.machines.map((m) => m.equipmentId).sort(),
    ).toEqual(machines);
    // The same bundle again: the site's previous bundle is replaced.
    const again = await runCli(['bundle', 'import', file, '--data', observatory, '--lang', 'en']);
    expect(again.stdout).toContain("replacing the site's previous bundle");
  }, 60_000);

  it("refuses a tampered file and a revoked key's bundle, exit 1 with the reason", async () => {
    const signed = JSON.parse(readFileSync(file, 'utf8')) as { payload: string };
    const tampered = join(root, 'tampered.json');
    writeFileSync(
      tampered,
      JSON.stringify({
        ...signed,
        payload: signed.payload.replace(`"finess":"${site}"`, `"finess":"${site}" `),
      }),
    );
    const bad = await runCli(['bundle', 'import', tampered, '--data', observatory, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/tampered\.json: the bundle is refused: .*signature/i);
    const keyId = (
      JSON.parse(
        (await runCli(['bundle', 'keys', 'list', '--json', '--data', observatory])).stdout,
      ) as { keyId: string }[]
    )[0]!.keyId;
    const revoked = await runCli([
      'bundle',
      'keys',
      'revoke',
      keyId,
      '--data',
      observatory,
      '--lang',
      'en',
    ]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const refused = await runCli(['bundle', 'import', file, '--data', observatory, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/revoked/i);
    const usage = await runCli(['bundle', 'import', '--data', observatory]);
    expect(usage.code).toBe(2);
  }, 60_000);
});
