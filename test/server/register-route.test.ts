// POST /api/campaigns/:id/register through the app object (no port), over an in-memory store
// holding the hand-checked kit of test/cli/territories-kit.ts (its register: CT1 and the Clinique
// CT in the Nord, MR1 and a 2011 MR in Paris): a register replaces the stored one and the
// territory document built before it is not served again; a register with errors is answered
// 422 with its located issues and nothing stored; an unknown campaign 404; a page of another
// origin 403; a FINESS extraction (both sections in one file) is read as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import type { Issue } from '../../src/core/issues.ts';
import type { ApiError } from '../../src/core/views/types.ts';
import type { TerritoryDocument } from '../../src/plan/territories/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { RegisterRefusal, RegisterUploadResult } from '../../src/server/routes/register.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit, loadRegister } from '../../src/storage/index.ts';
import { territoriesKit } from '../cli/territories-kit.ts';
import { json, memoryStore } from './helpers.ts';

let store: Store;
let app: PlateauApp;

beforeAll(async () => {
  store = await memoryStore();
  await importKit(store, territoriesKit(), { source: 'test' });
  app = createApp({ store });
});
afterAll(async () => {
  await store?.close();
});

const HEADER =
  'finess,department,modality,sector,authorised_on,in_service_on,installed_year,field_tesla,equipment_id';
/** CT1 and MR1 as the kit has them, the Clinique CT and the 2011 MR gone, two CTs in the Pas-de-Calais. */
const NEW_REGISTER = [
  HEADER,
  '590000001,59,CT,hospital,,,1998,,CT1',
  '750000001,75,MR,private_practice,,,2000,,MR1',
  '620000001,62,CT,hospital,,,2006,,',
  '620000002,62,CT,private_practice,,,2009,,',
].join('\n');
const STORED_AFTER = [
  '590000001 59 CT CT1',
  '750000001 75 MR MR1',
  '620000001 62 CT -',
  '620000002 62 CT -',
];

async function post(
  body: string,
  query = '',
  headers: Record<string, string> = {},
  id = 'terr',
): Promise<Response> {
  return await app.request(`/api/campaigns/${id}/register${query}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'text/csv', ...headers },
  });
}

async function storedRows(): Promise<string[] | null> {
  return (
    (await loadRegister(store.db, 'terr'))?.map(
      (m) => `${m.finess} ${m.department} ${m.modality} ${m.equipmentId ?? '-'}`,
    ) ?? null
  );
}

async function territories(): Promise<TerritoryDocument> {
  const response = await app.request('/api/campaigns/terr/territories');
  expect(response.status).toBe(200);
  return json<TerritoryDocument>(response);
}

const units = (d: TerritoryDocument, code: string) =>
  d.departments.find((x) => x.code === code)!.units.CT;

describe('POST /api/campaigns/:id/register', () => {
  it('replaces the stored register, says what changed, and the territories are built again from it', async () => {
    const before = await territories(); // built and memoised from the kit's register
    expect(before.national.units.CT).toEqual({
      total: 2,
      hospital: 1,
      privatePractice: 1,
      unknownSector: 0,
    });
    expect(units(before, '62')?.total ?? 0).toBe(0);

    const response = await post(NEW_REGISTER, '?name=hdf-fleet.csv');
    expect(response.status, await response.clone().text()).toBe(200);
    const result = await json<RegisterUploadResult>(response);
    // Kept: CT1 and MR1 rows; gone: the Clinique CT and the 2011 MR; new: the two 62 CTs.
    expect(result).toEqual({
      campaignId: 'terr',
      file: 'hdf-fleet.csv',
      kind: 'register',
      changes: { added: 2, removed: 2, unchanged: 2 },
      changed: true,
      issues: [],
    });
    expect(await storedRows()).toEqual(STORED_AFTER);

    const after = await territories();
    expect(after.register).toMatchObject({ source: 'register', rows: 4, inService: 4 });
    expect(after.national.units.CT).toEqual({
      total: 3,
      hospital: 2,
      privatePractice: 1,
      unknownSector: 0,
    });
    expect(units(after, '62')).toEqual({
      total: 2,
      hospital: 1,
      privatePractice: 1,
      unknownSector: 0,
    });
    expect(units(after, '59')).toEqual({
      total: 1,
      hospital: 1,
      privatePractice: 0,
      unknownSector: 0,
    });

    // The same file again: nothing changes.
    const again = await json<RegisterUploadResult>(await post(NEW_REGISTER, '?name=hdf-fleet.csv'));
    expect(again).toMatchObject({
      changes: { added: 0, removed: 0, unchanged: 4 },
      changed: false,
    });
  });

  it('answers 422 with every located issue and stores nothing when the register has errors', async () => {
    const bad = [
      HEADER,
      '590000001,59,CT,hospital,,,1998,,CT1',
      '590000002,59,CT,hospital,,,,,CT9',
      '590000003,99,CT,hospital,,,,,',
    ].join('\n');
    const response = await post(bad, '?name=bad-fleet.csv');
    expect(response.status).toBe(422);
    const body = await json<RegisterRefusal>(response);
    expect(body.error.code).toBe('invalid-register');
    expect(body.error.message).toContain('nothing was stored');
    const errors = body.issues
      .filter((i: Issue) => i.severity === 'error')
      .map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`);
    expect(errors).toEqual([
      'bad-fleet.csv:3:equipment_id equipment_id CT9 is not a machine of the stored campaign terr',
      'bad-fleet.csv:4:department department "99" is not a French département code',
    ]);
    expect(await storedRows()).toEqual(STORED_AFTER);
    expect((await territories()).national.units.CT?.total).toBe(3);
  });

  it('answers 404 for an unknown campaign, 403 to a page of another origin, 415 and 400 for bodies it cannot take', async () => {
    const unknown = await post(NEW_REGISTER, '', {}, 'nope');
    expect(unknown.status).toBe(404);
    expect((await json<ApiError>(unknown)).error.message).toContain("no campaign 'nope'");

    const emptying = `${HEADER}\n`;
    const crossOrigin = await post(emptying, '', { Origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    expect((await json<ApiError>(crossOrigin)).error.code).toBe('cross-origin');
    const crossSite = await post(emptying, '', { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);

    const wrongType = await post(NEW_REGISTER, '', { 'Content-Type': 'application/json' });
    expect(wrongType.status).toBe(415);
    const neither = await post('a,b,c\n1,2,3\n');
    expect(neither.status).toBe(400);
    expect((await json<ApiError>(neither)).error.message).toContain(
      'neither an equipment-register.csv',
    );
    const badName = await post(NEW_REGISTER, '?name=../x.csv');
    expect(badName.status).toBe(400);

    expect(await storedRows()).toEqual(STORED_AFTER);
  });

  it('reads a FINESS extraction whose establishments and equipment sections are concatenated', async () => {
    const finess =
      'finess;etalab;111;2026-05-12\n' +
      'structureet;590000011;590780011;CH DE VALMONT;CENTRE HOSPITALIER DE VALMONT;;;12;AV;DU GENERAL LECLERC;;;606;59;NORD;59300 VALMONT;0327000000;;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;26590000000011;8610Z;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1970-01-01;1970-01-01;2025-03-02;\n' +
      'finess;etalab;111;2026-05-12\n' +
      'equipmateriellourd;590780011;CH DE VALMONT;05602;Scanographe à utilisation médicale;590001001;32-00-001;32-00-001;2004-11-02;590000011;2005-03-15\n' +
      "equipmateriellourd;590780011;CH DE VALMONT;06201;Appareil d'IRM à utilisation clinique;590001002;32-00-002;32-00-002;2008-06-10;590000011;2009-01-20\n";
    const response = await post(finess, '?name=valmont.csv');
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await json<RegisterUploadResult>(response)).toMatchObject({
      file: 'valmont.csv',
      kind: 'finess',
      changes: { added: 2, removed: 4, unchanged: 0 },
      changed: true,
    });
    expect(await storedRows()).toEqual(['590000011 59 CT -', '590000011 59 MR -']);
    // A line FINESS does not have is located in the file named.
    const bad = await post(`${finess}not a line\n`, '?name=valmont.csv');
    expect(bad.status).toBe(422);
    expect(
      (await json<RegisterRefusal>(bad)).issues.map((i) => `${i.file}:${i.line} ${i.code}`),
    ).toContain('valmont.csv:6 finess-unknown-line');
    expect(await storedRows()).toEqual(['590000011 59 CT -', '590000011 59 MR -']);
  });
});
