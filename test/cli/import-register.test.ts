// `plateau import` and the equipment register: a kit folder's equipment-register.csv is stored
// with it (and refuses the kit when wrong), a register alone replaces the stored campaign's
// (known by its header, checked against the campaign's machines, nothing stored on an error), and
// the campaign must be named when the store holds several. The commands and the reads share one
// open store (shared-store.ts): a store costs about a second to open.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { loadRegister } from '../../src/storage/register-repository.ts';
import { buildKit } from '../helpers/build-kit.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-import-register-'));
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

const HEADER =
  'finess,department,modality,sector,authorised_on,in_service_on,installed_year,field_tesla,equipment_id';

function kitOf(id: string): Kit {
  return buildKit(
    [
      {
        id: 'CT1',
        modality: 'CT',
        sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED']],
        exams: [{ in: '2010-03-01T09:00', out: '2010-03-01T09:20' }],
      },
      {
        id: 'MR1',
        modality: 'MR',
        sessions: [['2010-03-01T08:00', '2010-03-01T18:00', 'PUBLIC_SCHEDULED']],
        exams: [{ in: '2010-03-01T10:00', out: '2010-03-01T10:30' }],
      },
    ],
    { id },
  );
}

/** The stored register's rows as `finess department modality equipment_id`. */
async function storedRegister(data: string, id: string): Promise<string[] | null> {
  const store = await openStore({ dataDir: data });
  try {
    return (
      (await loadRegister(store.db, id))?.map(
        (m) => `${m.finess} ${m.department} ${m.modality} ${m.equipmentId ?? '-'}`,
      ) ?? null
    );
  } finally {
    await store.close();
  }
}

const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

// One store through the tests, in order: first one campaign, then two.
describe('plateau import with an equipment register', () => {
  const data = join(tmp, 'store');
  let kitDir: string;

  beforeAll(async () => {
    kitDir = join(tmp, 'kit');
    await writeKitDir(kitDir, kitOf('reg-2010'));
  });

  it('refuses a kit whose register has an error, with its place, and creates no store', async () => {
    const dir = join(tmp, 'kit-bad');
    cpSync(kitDir, dir, { recursive: true });
    writeFileSync(
      join(dir, 'equipment-register.csv'),
      `${HEADER}\n590000001,59,CT,hospital,,,,,CT1\n590000001,99,MR,hospital,,,,,MR1\n`,
    );
    const r = await runCli(['import', dir, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'equipment-register.csv:3:department error: department "99" is not a French département code',
    );
    expect(r.stderr).toContain('nothing was computed or stored');
    expect(existsSync(data)).toBe(false);
  });

  it('imports a register alone into the only stored campaign, then says when nothing changed', async () => {
    expect((await runCli(['import', kitDir, '--data', data])).code).toBe(0);
    const register = write(
      'hdf-fleet.csv',
      `${HEADER}\n590000001,59,MR,hospital,,,,1.5,MR1\n590000001,59,CT,hospital,,,,,\n2A0000003,2a,CT,hospital,,,,,\n`,
    );
    const r = await runCli(['import', register, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `Campaign reg-2010: equipment register stored from ${register}\n  register        3 added, 0 removed, 0 unchanged\n`,
    );
    expect(await storedRegister(data, 'reg-2010')).toEqual([
      '590000001 59 MR MR1',
      '590000001 59 CT -',
      '2A0000003 2A CT -',
    ]);
    const again = await runCli(['import', register, '--data', data, '--campaign', 'reg-2010']);
    expect(again.stdout).toBe(
      'Campaign reg-2010: equipment register already up to date, nothing changed\n  register        0 added, 0 removed, 3 unchanged\n',
    );
  });

  it('refuses a register with errors located in its file, and stores nothing', async () => {
    const bad = write(
      'bad-fleet.csv',
      `${HEADER}\n590000001,59,CT,hospital,,,,,\n590000001,59,CT,hospital,,,,,CT9\n590000001,59,CT,hospital,,,,,MR1\n`,
    );
    const r = await runCli(['import', bad, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'bad-fleet.csv:3:equipment_id error: equipment_id CT9 is not a machine of the stored campaign reg-2010',
    );
    expect(r.stderr).toContain(
      'bad-fleet.csv:4:equipment_id error: equipment_id MR1 is MR in the stored campaign reg-2010, and this row says CT',
    );
    expect(r.stderr).toContain(
      'the equipment register has errors (listed above); nothing was stored',
    );
    expect(await storedRegister(data, 'reg-2010')).toEqual([
      '590000001 59 MR MR1',
      '590000001 59 CT -',
      '2A0000003 2A CT -',
    ]);
  });

  it("replaces the register with a kit folder's, and keeps it when the kit comes again without one", async () => {
    const dir = join(tmp, 'kit-with');
    cpSync(kitDir, dir, { recursive: true });
    writeFileSync(
      join(dir, 'equipment-register.csv'),
      `${HEADER}\n590000001,59,CT,hospital,2004-01-05,2004-06-01,2009,,CT1\n2A0000003,2A,CT,hospital,,,,,\n`,
    );
    const first = await runCli(['import', dir, '--data', data]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Campaign reg-2010: stored');
    expect(first.stdout).toMatch(/\n {2}register +1 added, 2 removed, 1 unchanged\n/);
    expect(await storedRegister(data, 'reg-2010')).toEqual([
      '590000001 59 CT CT1',
      '2A0000003 2A CT -',
    ]);
    const again = await runCli(['import', kitDir, '--data', data]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already up to date, nothing changed');
    expect(again.stdout).toMatch(
      /register +0 added, 0 removed, 2 unchanged \(kept: this kit has no equipment-register\.csv\)/,
    );
    expect(await storedRegister(data, 'reg-2010')).toEqual([
      '590000001 59 CT CT1',
      '2A0000003 2A CT -',
    ]);
  });

  it('asks which campaign when several are stored, and lists them for an unknown one', async () => {
    const other = join(tmp, 'kit-other');
    await writeKitDir(other, kitOf('other-2010'));
    expect((await runCli(['import', other, '--data', data])).code).toBe(0);
    const register = write('two.csv', `${HEADER}\n590000001,59,CT,hospital,,,,,CT1\n`);
    const missing = await runCli(['import', register, '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'say which one this register is for with --campaign ID (stored: other-2010, reg-2010)',
    );
    const unknown = await runCli(['import', register, '--data', data, '--campaign', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'campaign nope is not in the store (stored: other-2010, reg-2010)',
    );
    const named = await runCli(['import', register, '--data', data, '--campaign', 'other-2010']);
    expect(named.code, named.stderr).toBe(0);
    expect(await storedRegister(data, 'other-2010')).toEqual(['590000001 59 CT CT1']);
    expect(await storedRegister(data, 'reg-2010')).toEqual([
      '590000001 59 CT CT1',
      '2A0000003 2A CT -',
    ]);
  });

  it('imports FINESS extractions (establishments and equipment apart) as a register', async () => {
    const establishments = write(
      'etalab-cs1100507-stock.csv',
      'finess;etalab;111;2026-05-12\n' +
        'structureet;590000011;590780011;CH DE VALMONT;CENTRE HOSPITALIER DE VALMONT;;;12;AV;DU GENERAL LECLERC;;;606;59;NORD;59300 VALMONT;0327000000;;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;26590000000011;8610Z;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1970-01-01;1970-01-01;2025-03-02;\n',
    );
    const equipment = write(
      'etalab_cs1100504.csv',
      'finess;etalab;111;2026-05-12\n' +
        'equipmateriellourd;590780011;CH DE VALMONT;05602;Scanographe à utilisation médicale;590001001;32-00-001;32-00-001;2004-11-02;590000011;2005-03-15\n' +
        "equipmateriellourd;590780011;CH DE VALMONT;06201;Appareil d'IRM à utilisation clinique;590001002;32-00-002;32-00-002;2008-06-10;590000011;2009-01-20\n",
    );
    const r = await runCli([
      'import',
      establishments,
      equipment,
      '--data',
      data,
      '--campaign',
      'other-2010',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('register        2 added, 1 removed, 0 unchanged');
    expect(await storedRegister(data, 'other-2010')).toEqual([
      '590000011 59 CT -',
      '590000011 59 MR -',
    ]);
  });
});
