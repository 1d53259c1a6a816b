// PGlite stores started from a cached template instead of initdb: the template is written once,
// used afterwards (what `prepare` made is there without running it again), the store persists,
// a damaged template falls back to initdb and is replaced; and rows loaded without WAL survive a
// crash. Two initdb runs in all (a few seconds each under WebAssembly).
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Db } from '../../src/storage/db.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { openPgliteDb } from '../../src/storage/pglite/pglite-db.ts';
import { packFolder, unpackInto } from '../../src/storage/pglite/template.ts';
import { listCampaigns, loadResults } from '../../src/storage/queries.ts';
import { smallKit, sortedKit } from './small-kit.ts';
import { syntheticKit } from './synthetic-kit.ts';

const root = mkdtempSync(join(tmpdir(), 'plateau-template-'));
const template = join(root, 'cache', 'nested', 'template.tar.gz');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const createTable = (name: string) => async (db: Db) => db.exec(`create table ${name} (x integer)`);

async function tables(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select table_name::text as name from information_schema.tables
     where table_schema = 'public' order by 1`,
  );
  return rows.map((r) => r.name);
}

describe('unpackInto', () => {
  const folder = join(root, 'plain');
  mkdirSync(join(folder, 'global'), { recursive: true });
  writeFileSync(join(folder, 'PG_VERSION'), '18\n');
  writeFileSync(join(folder, 'global', 'pg_control'), Buffer.alloc(700, 7));

  it('restores what packFolder packed', () => {
    const into = mkdtempSync(join(root, 'into-'));
    unpackInto(packFolder(folder), into);
    expect(readFileSync(join(into, 'PG_VERSION'), 'utf8')).toBe('18\n');
    expect(readFileSync(join(into, 'global', 'pg_control'))).toEqual(Buffer.alloc(700, 7));
  });

  it('refuses garbage, a truncated archive, and a folder that is not a data folder', () => {
    const packed = packFolder(folder);
    rmSync(join(folder, 'global', 'pg_control'));
    const notData = packFolder(folder);
    const into = () => mkdtempSync(join(root, 'bad-'));
    expect(() => unpackInto(Buffer.from('not a template at all'), into())).toThrow();
    expect(() => unpackInto(packed.subarray(0, packed.length - 20), into())).toThrow();
    expect(() => unpackInto(notData, into())).toThrow(/not a PostgreSQL data folder/);
    // A tar whose entry climbs out of the folder.
    const header = Buffer.alloc(512);
    header.write('../escape', 0);
    header.write('0000644\0', 100);
    header.write('00000000000\0', 124);
    header.write('0', 156);
    header.write('ustar\u000000', 257);
    header.write('        ', 148);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const climbing = gzipSync(Buffer.concat([header, Buffer.alloc(1024)]));
    expect(() => unpackInto(climbing, into())).toThrow(/unsafe path/);
    expect(existsSync(join(root, 'escape'))).toBe(false);
  });
});

describe('PGlite template', () => {
  it('is written from a new prepared folder, then new folders start from it and persist', async () => {
    const first = await openPgliteDb(join(root, 'first'), {
      template,
      prepare: createTable('made_by_prepare'),
    });
    expect(existsSync(template)).toBe(true);
    expect(await tables(first)).toEqual(['made_by_prepare']);
    await first.close();

    const second = await openPgliteDb(join(root, 'second'), {
      template,
      prepare: createTable('not_run'),
    });
    expect(await tables(second)).toEqual(['made_by_prepare']); // from the template
    await second.exec('insert into made_by_prepare values (42)');
    await second.close();
    const reopened = await openPgliteDb(join(root, 'second'), { template });
    expect(await reopened.query('select x from made_by_prepare')).toEqual([{ x: 42 }]);
    await reopened.close();
  });

  it('falls back to initdb when the template is damaged, and replaces it', async () => {
    writeFileSync(template, Buffer.from('\x1f\x8b damaged'));
    const db = await openPgliteDb(join(root, 'fallback'), {
      template,
      prepare: createTable('made_again'),
    });
    expect(await tables(db)).toEqual(['made_again']);
    await db.close();
    const check = mkdtempSync(join(root, 'check-'));
    unpackInto(readFileSync(template), check); // a sound template again
    expect(existsSync(join(check, 'PG_VERSION'))).toBe(true);
  });

  it('starts a store with its schema, and keeps rows loaded without WAL through a crash', async () => {
    const dataDir = join(root, 'crash');
    const store = await openStore({ dataDir, pgliteTemplate: template });
    const kit = syntheticKit({ id: 'crash', machines: 6, examsPerMachine: 400 });
    await importKit(store, kit);
    await importKit(store, smallKit('after'));
    // No close: the folder is opened again as after a killed process (the first instance,
    // abandoned, never writes again). Below openStore, whose lock this process still holds.
    const db = await openPgliteDb(dataDir, { template });
    const again = { db, engine: db.engine, location: dataDir, close: () => db.close() };
    try {
      expect((await listCampaigns(again)).map((c) => [c.id, c.exams])).toEqual([
        ['after', 6],
        ['crash', kit.exams.length],
      ]);
      expect(await loadKit(again, 'after')).toEqual(sortedKit(smallKit('after')));
      expect((await loadKit(again, 'crash'))?.exams).toHaveLength(kit.exams.length);
      // The primary key, built after the load, came through too: count through it alone.
      const [viaIndex] = await again.db.transaction(async (tx) => {
        await tx.exec('set local enable_seqscan = off; set local enable_bitmapscan = off');
        return tx.query<{ n: number }>(
          "select count(*)::int as n from exams where campaign_id = 'crash' and equipment_id > ''",
        );
      });
      expect(viaIndex?.n).toBe(kit.exams.length);
      expect(await loadResults(again, 'crash')).not.toBeNull();
    } finally {
      await again.close();
    }
  });
});
