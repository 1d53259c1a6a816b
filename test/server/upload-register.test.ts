// A kit uploaded with its equipment-register.csv (a folder or a zip): the kit reader takes the
// file, the import stores the register (a header alone empties it); a register with an error
// rejects the upload, located, and nothing is stored.
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import type { RegisterMachine } from '../../src/core/kit-types.ts';
import type { UploadStatus } from '../../src/core/views/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { loadRegister } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import type { TestPlace } from '../storage/engines.ts';
import { ENGINES } from '../storage/engines.ts';
import { json, kitFiles, settled, uploadForm } from './helpers.ts';

let place: TestPlace;
let store: Store;
let app: PlateauApp;

beforeAll(async () => {
  // A data folder unpacked from the cached empty store: seconds faster than an in-memory initdb.
  place = await ENGINES[0]!.place();
  store = await place.open();
  app = createApp({ store });
});
afterAll(async () => {
  await store?.close();
  await place?.dispose();
});

const ROW: RegisterMachine = {
  finess: '590000001',
  department: '59',
  modality: 'CT',
  sector: 'hospital',
  authorisationId: null,
  authorisedOn: '2004-01-05',
  inServiceOn: null,
  installedYear: 2008,
  fieldTesla: null,
  equipmentId: 'CT0',
  origin: 'register',
};

async function upload(form: FormData): Promise<UploadStatus> {
  const response = await app.request('/api/uploads', { method: 'POST', body: form });
  expect(response.status).toBe(202);
  return settled(app, (await json<UploadStatus>(response)).id);
}

describe('an uploaded kit with equipment-register.csv', () => {
  it('stores the register, from a folder or a zip', async () => {
    const kit = viewsKit();
    kit.campaign = { ...kit.campaign, id: 'with-register' };
    const files = await kitFiles({
      ...kit,
      register: [ROW, { ...ROW, equipmentId: null, department: '62', finess: '620000002' }],
    });
    expect([...files.keys()]).toContain('equipment-register.csv');
    const done = await upload(uploadForm(files, 'kit/'));
    expect(done.state, JSON.stringify(done.issues)).toBe('done');
    expect(done.files).toContain('equipment-register.csv');
    expect(
      (await loadRegister(store.db, 'with-register'))?.map((r) => `${r.finess} ${r.equipmentId}`),
    ).toEqual(['590000001 CT0', '620000002 null']);
    // A zip whose register has its header alone: the fleet is emptied.
    const header = new TextDecoder().decode(files.get('equipment-register.csv')!).split('\n')[0];
    const entries = Object.fromEntries([...files].map(([name, bytes]) => [`kit/${name}`, bytes]));
    const zipped = new FormData();
    zipped.append(
      'files',
      new Blob([
        zipSync({
          ...entries,
          'kit/equipment-register.csv': new TextEncoder().encode(`${header}\n`),
        }),
      ]),
      'kit.zip',
    );
    const emptied = await upload(zipped);
    expect(emptied.state, JSON.stringify(emptied.issues)).toBe('done');
    expect(await loadRegister(store.db, 'with-register')).toBeNull();
  });

  it('rejects a kit whose register is wrong, located, and stores nothing', async () => {
    const kit = viewsKit();
    kit.campaign = { ...kit.campaign, id: 'bad-register' };
    const files = await kitFiles({ ...kit, register: [{ ...ROW, equipmentId: 'NOPE' }] });
    const status = await upload(uploadForm(files, 'kit/'));
    expect(status.state).toBe('rejected');
    expect(
      status.issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`),
    ).toEqual(['equipment-register.csv:2:equipment_id unknown-reference']);
    expect(await loadRegister(store.db, 'bad-register')).toBeNull();
  });
});
