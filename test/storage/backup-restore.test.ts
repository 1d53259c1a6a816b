// The backup and restore procedure of docs/production.md, run for real: pg_dump in custom format
// (-Fc) of a database holding a campaign, users and audit rows, pg_restore into a new database,
// then the store opened on the restored database holds the same campaign (same fingerprint,
// stored and recomputed from the records read back), the same users (password hashes included:
// they still log in) and the same audit rows; and the server's app role may serve it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKit } from '../../src/generate/index.ts';
import type { Store } from '../../src/storage/index.ts';
import {
  addUser,
  audit,
  importKit,
  kitFingerprint,
  listCampaigns,
  listUsers,
  loadKit,
  openStore,
  readAudit,
  schemaStatus,
  verifyLogin,
} from '../../src/storage/index.ts';
import type { PgPlace } from '../cli/pg-roles.ts';
import { PG_URL, pgPlace, sql, urlAs } from '../cli/pg-roles.ts';

/** pg_dump and pg_restore of Debian's PostgreSQL (the newest installed), or on the PATH. */
function pgTool(name: string): string | null {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const PG_DUMP = pgTool('pg_dump');
const PG_RESTORE = pgTool('pg_restore');
const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
const PASSWORD = 'correct horse battery staple';

describe.skipIf(!PG_URL || !PG_DUMP || !PG_RESTORE)(
  'backup with pg_dump -Fc and restore with pg_restore',
  () => {
    let source: PgPlace;
    let target: PgPlace;
    let tmp: string;
    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'plateau-backup-'));
      source = await pgPlace(PG_URL!);
      // The restore goes into an empty database (not migrated), as after losing the server.
      target = await pgPlace(PG_URL!, { migrated: false });
    }, 120_000);
    afterAll(async () => {
      await source?.dispose();
      await target?.dispose();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('restores the campaign, the users and the audit log as they were', async () => {
      // A campaign, users of every role, audit rows (the users' own, and an import's).
      const kit = generateKit({ seed: 77, machines: 12, days: 7 });
      let store: Store = await openStore({ url: source.ownerUrl });
      let fingerprint: string;
      try {
        fingerprint = (await importKit(store, kit)).fingerprint;
        const finess = kit.establishments[0]!.finess;
        await addUser(
          store,
          { email: 'admin@chu.example', role: 'admin', password: PASSWORD },
          FAST,
        );
        await addUser(
          store,
          { email: 'national@sante.example', role: 'national', password: PASSWORD },
          FAST,
        );
        await addUser(
          store,
          { email: 'ars@ars.example', role: 'region', region: 'Bretagne', password: PASSWORD },
          FAST,
        );
        await addUser(
          store,
          {
            email: 'site@chu.example',
            role: 'site',
            finess: [finess],
            displayName: 'Imagerie',
            password: PASSWORD,
          },
          FAST,
        );
        await audit(store, {
          action: 'import',
          target: kit.campaign.id,
          outcome: 'success',
          detail: { exams: kit.exams.length },
        });
      } finally {
        await store.close();
      }
      store = await openStore({ url: source.ownerUrl });
      const before = {
        campaigns: await listCampaigns(store),
        users: await listUsers(store),
        audit: await readAudit(store, { limit: 1000 }),
      };
      await store.close();
      expect(before.users).toHaveLength(4);
      expect(before.audit.length).toBeGreaterThanOrEqual(5);

      // The daily backup of docs/production.md, then its restore.
      const dump = join(tmp, 'plateau.dump');
      execFileSync(PG_DUMP!, ['--format=custom', '--file', dump, '--dbname', source.ownerUrl], {
        stdio: 'pipe',
      });
      expect(statSync(dump).size).toBeGreaterThan(10_000);
      execFileSync(
        PG_RESTORE!,
        ['--exit-on-error', '--single-transaction', '--dbname', target.ownerUrl, dump],
        { stdio: 'pipe' },
      );

      // Opened without migrating: the restored schema is already this plateau's.
      const restored = await openStore({ url: target.ownerUrl, migrate: false });
      try {
        expect(await schemaStatus(restored.db)).toEqual({ missing: [], unknown: [] });
        expect(await listCampaigns(restored)).toEqual(before.campaigns);
        const [stored] = await restored.db.query<{ f: string }>(
          'select input_fingerprint as f from campaign_results where campaign_id = $1',
          [kit.campaign.id],
        );
        expect(stored!.f).toBe(fingerprint);
        expect(kitFingerprint((await loadKit(restored, kit.campaign.id))!)).toBe(fingerprint);
        expect(await listUsers(restored)).toEqual(before.users);
        expect(await readAudit(restored, { limit: 1000 })).toEqual(before.audit);
        // The password hashes came back: the users log in as before.
        expect((await verifyLogin(restored, 'site@chu.example', PASSWORD, FAST))?.email).toBe(
          'site@chu.example',
        );
        // The log stays append-only after a restore.
        await expect(restored.db.query('delete from audit_log')).rejects.toThrow();
      } finally {
        await restored.close();
      }

      // The server's login role (in plateau_app) reads the restored schema's version, as serve does.
      const app = await target.loginRole();
      const asApp = await openStore({ url: app, migrate: false });
      try {
        expect(await schemaStatus(asApp.db)).toEqual({ missing: [], unknown: [] });
      } finally {
        await asApp.close();
      }
      // Nothing of the source was needed: dropping it leaves the restored database whole.
      await sql(
        urlAs(PG_URL!, 'postgres', null, 'postgres'),
        `drop database ${source.name} with (force)`,
      );
      const again = await openStore({ url: target.ownerUrl, migrate: false });
      try {
        expect((await listCampaigns(again)).map((c) => c.id)).toEqual([kit.campaign.id]);
      } finally {
        await again.close();
      }
    }, 180_000);
  },
);
