// A site's bundle made from its store (issue 16): only that site's rows go in, no exam-level
// array but the histograms, each histogram's n the count of the site's exams it stands for
// (counted from the kit by hand), ranks left out, and what the observatory's reader accepts.
// Refusals: a site not in the campaign, a site that came as a bundle. The CLI's keygen and export.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isExamLikeKey } from '../../src/core/bundle/schema.ts';
import type { BundlePayload } from '../../src/core/bundle/types.ts';
import { readBundlePayload } from '../../src/core/bundle/validate.ts';
import { CATEGORIES } from '../../src/core/kit-types.ts';
import { generateKit } from '../../src/generate/index.ts';
import { generateSiteKey, signBundle, verifyBundle } from '../../src/ingest/bundle/index.ts';
import type { Store } from '../../src/storage/index.ts';
import {
  BundleExportError,
  buildBundlePayload,
  importKit,
  loadSamples,
  openStore,
} from '../../src/storage/index.ts';
import { runBundleExport, runBundleKeygen } from '../../src/cli/commands/bundle-export.ts';
import type { TestPlace } from './engines.ts';
import { ENGINES } from './engines.ts';

const kit = generateKit({ seed: 61, machines: 24, days: 7 });
const ID = kit.campaign.id;
/** The site with the most machines. */
const SITE = [...new Set(kit.equipment.map((m) => m.finess))]
  .map((f) => ({ f, n: kit.equipment.filter((m) => m.finess === f).length }))
  .sort((a, b) => b.n - a.n || a.f.localeCompare(b.f))[0]!.f;
const MINE = kit.equipment
  .filter((m) => m.finess === SITE)
  .map((m) => m.equipmentId)
  .sort();

/** Every array of a JSON tree, by path with indexes as `[]`; no exam-like key but a count. */
function arrayPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v) => arrayPaths(v, `${path}[]`))];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => {
      // `indicators.exams` is the machine's count of exams (a number), not exam rows.
      expect(isExamLikeKey(k) && typeof v !== 'number', `${path}.${k}`).toBe(false);
      return arrayPaths(v, path === '' ? k : `${path}.${k}`);
    });
  return [];
}

describe.each(ENGINES)('bundle export on $name', (engine) => {
  let place: TestPlace;
  let store: Store;
  let payload: BundlePayload;

  beforeAll(async () => {
    place = await engine.place();
    store = await place.open();
    await importKit(store, kit);
    payload = await buildBundlePayload(store, ID, SITE, { now: new Date('2026-12-07T01:00:00Z') });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('holds that site only: its establishment, machines and survey answers', () => {
    expect(payload.establishment).toEqual(kit.establishments.find((e) => e.finess === SITE));
    expect(payload.machines.map((m) => m.equipment.equipmentId).sort()).toEqual(MINE);
    expect(
      payload.machines.every((m) => m.equipment.finess === SITE && m.indicators.finess === SITE),
    ).toBe(true);
    expect(payload.survey).toEqual(
      expect.arrayContaining(kit.survey.filter((a) => a.finess === SITE)),
    );
    expect(payload.survey).toHaveLength(kit.survey.filter((a) => a.finess === SITE).length);
    expect(payload.campaign).toEqual(kit.campaign);
    expect(payload.createdAt).toBe('2026-12-07T01:00:00.000Z');
    expect(payload.plateauVersion).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(payload.machines.some((m) => 'percentRank' in m.indicators)).toBe(false);
  });

  it('has no exam-level array but the histograms, and no exam-like key', () => {
    const arrays = new Set(arrayPaths(JSON.parse(JSON.stringify(payload))));
    const allowed =
      /^(machines|survey|machines\[\]\.indicators\.quality\.unknownActs|machines\[\]\.samples\.\w+\.\w+\.bins(\[\])?)$/;
    expect([...arrays].filter((p) => !allowed.test(p))).toEqual([]);
    expect(readBundlePayload(JSON.parse(JSON.stringify(payload)))).toEqual({
      payload: JSON.parse(JSON.stringify(payload)),
    });
  });

  it("gives each histogram the n of the site's exams it stands for (counted from the kit) and of the stored samples", async () => {
    const stored = await loadSamples(store, ID);
    for (const machine of payload.machines) {
      const id = machine.equipment.equipmentId;
      const exams = kit.exams.filter((e) => e.equipmentId === id);
      for (const c of CATEGORIES) {
        const n = exams.filter(
          (e) => e.category === c && e.roomOut - e.roomIn >= 3 * 60_000,
        ).length;
        expect(machine.samples.durationMinutes[c]?.n ?? 0, `${id} ${c}`).toBe(n);
        expect(machine.samples.durationMinutes[c]?.n ?? 0).toBe(
          stored.get(id)?.durationMinutes[c]?.length ?? 0,
        );
      }
      const reports = exams.filter((e) => e.reportValidatedAt !== null).length;
      const binnedReports = Object.values(machine.samples.reportDelayMinutes).reduce(
        (s, h) => s + (h?.n ?? 0),
        0,
      );
      expect(binnedReports, id).toBe(reports);
    }
  });

  it('signs into a file the reader verifies', async () => {
    const key = generateSiteKey();
    const text = JSON.stringify(signBundle(payload, key.privatePem));
    const result = await verifyBundle(text, () => ({
      finess: SITE,
      publicPem: key.publicPem,
      revoked: false,
    }));
    expect(result.ok).toBe(true);
  });

  it('refuses a site not in the campaign, a campaign not stored, and a site that came as a bundle', async () => {
    await expect(buildBundlePayload(store, ID, '999999999')).rejects.toMatchObject({
      reason: 'no-site',
    });
    await expect(buildBundlePayload(store, 'nope', SITE)).rejects.toMatchObject({
      reason: 'no-campaign',
    });
    const other = kit.equipment.find((m) => m.finess !== SITE)!.finess;
    await store.db.query(
      `insert into bundle_keys (key_id, finess, public_key, added_by) values ('00112233aabbccdd', $1, 'x', 'test')`,
      [other],
    );
    await store.db.query(
      `insert into bundle_sites (campaign_id, finess, key_id, sha256, created_at, plateau_version) values ($1, $2, '00112233aabbccdd', $3, now(), '0.1.0')`,
      [ID, other, '0'.repeat(64)],
    );
    const refused = await buildBundlePayload(store, ID, other).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BundleExportError);
    expect(refused).toMatchObject({ reason: 'bundle-site' });
  });
});

describe('plateau bundle keygen and export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plateau-bundle-cli-'));
  const data = join(dir, 'store');
  let out = '';
  beforeAll(async () => {
    const store = await openStore({ dataDir: data, create: true });
    await importKit(store, kit);
    await store.close();
  }, 60_000);
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const capture = () => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  };

  it('writes the private key 0600 and the public key beside it, and never overwrites a key', async () => {
    capture();
    const keyPath = join(dir, 'chu.pem');
    expect(await runBundleKeygen({ positionals: [], values: { site: SITE, out: keyPath } })).toBe(
      0,
    );
    vi.restoreAllMocks();
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'chu.pub.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(out).toMatch(/Key [0-9a-f]{16} of site/);
    expect(out).toContain(`plateau bundle keys add --site ${SITE} --public-key chu.pub.pem`);
    const before = readFileSync(keyPath, 'utf8');
    await expect(
      runBundleKeygen({ positionals: [], values: { site: SITE, out: keyPath } }),
    ).rejects.toThrow(/already exists/);
    expect(readFileSync(keyPath, 'utf8')).toBe(before);
  });

  it('exports the signed bundle and says what went in', async () => {
    capture();
    const file = join(dir, 'chu.bundle.json');
    const code = await runBundleExport({
      positionals: [],
      values: { site: SITE, key: join(dir, 'chu.pem'), out: file, data },
    });
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(out).toContain(`${MINE.length} machine`);
    expect(out).toContain('no exam row, no patient key');
    const signed = JSON.parse(readFileSync(file, 'utf8'));
    expect(JSON.parse(signed.payload).machines).toHaveLength(MINE.length);
  }, 60_000);
});
