// Uploads through the app object: a clean kit as files in a folder, the same kit as a zip, a
// kit with errors (rejected, every issue located, nothing stored), re-imports that refresh the
// cached views, one import at a time, failures, and every malformed or oversized upload.
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import type {
  ApiError,
  CampaignDetail,
  CampaignSummary,
  UploadStatus,
} from '../../src/core/views/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { listCampaigns } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { blankKitWorkbook, filledKitWorkbook } from '../helpers/kit-workbook.ts';
import { kitTemplateXlsx } from '../../src/ingest/sources/xlsx/index.ts';
import {
  filesOf,
  json,
  kitFiles,
  memoryStore,
  settled,
  uploadForm,
  wrappedStore,
} from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/kits');
const KIT_FILES = [
  'campaign.json',
  'equipment.csv',
  'establishments.csv',
  'exams.csv',
  'sessions.csv',
  'appointment-survey.csv',
].sort();

let store: Store;
let app: PlateauApp;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  store = await memoryStore();
  app = createApp({ store });
  const kit = viewsKit();
  kit.campaign = { ...kit.campaign, id: 'uploaded', name: 'Uploaded' };
  files = await kitFiles(kit);
});
afterAll(async () => {
  await store?.close();
});

async function post(
  target: PlateauApp,
  form: FormData | string,
  headers?: Record<string, string>,
): Promise<Response> {
  return target.request('/api/uploads', {
    method: 'POST',
    body: form,
    ...(headers ? { headers } : {}),
  });
}

async function upload(target: PlateauApp, form: FormData): Promise<UploadStatus> {
  const response = await post(target, form);
  expect(response.status).toBe(202);
  const status = await json<UploadStatus>(response);
  expect(response.headers.get('location')).toBe(`/api/uploads/${status.id}`);
  return settled(target, status.id);
}

async function expectRefused(
  target: PlateauApp,
  form: FormData | string,
  status: number,
  code: string,
  fragment: string,
  headers?: Record<string, string>,
) {
  const response = await post(target, form, headers);
  expect(response.status).toBe(status);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toContain(fragment);
}

describe('a clean kit', () => {
  it('is accepted at once, then read and imported', async () => {
    const response = await post(app, uploadForm(files, 'ars-kit/'));
    expect(response.status).toBe(202);
    const first = await json<UploadStatus>(response);
    expect(first).toMatchObject({
      state: 'validating',
      files: KIT_FILES,
      issues: [],
      campaignId: null,
      summary: null,
      error: null,
    });
    const done = await settled(app, first.id);
    expect(done).toMatchObject({
      id: first.id,
      state: 'done',
      progress: { stage: 'done', fraction: 1 },
      files: KIT_FILES,
      campaignId: 'uploaded',
      summary: { exams: 16, machines: 6, establishments: 3 },
      error: null,
    });
    expect(done.issues.every((i) => i.severity !== 'error')).toBe(true);
    const list = await json<CampaignSummary[]>(await app.request('/api/campaigns'));
    expect(list.map((c) => c.id)).toEqual(['uploaded']);
    expect((await listCampaigns(store))[0]!.source).toBe('upload: ars-kit');
  });
  it('refreshes the cached views when imported again', async () => {
    const before = await json<CampaignDetail>(await app.request('/api/campaigns/uploaded'));
    expect(before.name).toBe('Uploaded');
    const kit = viewsKit();
    kit.campaign = { ...kit.campaign, id: 'uploaded', name: 'Uploaded again' };
    kit.exams = kit.exams.filter((x) => x.equipmentId !== 'MR0');
    const done = await upload(app, uploadForm(await kitFiles(kit)));
    expect(done.state).toBe('done');
    const after = await json<CampaignDetail>(await app.request('/api/campaigns/uploaded'));
    expect(after.name).toBe('Uploaded again');
    // The campaign is now exactly the kit re-imported: its MR exam is gone.
    expect(after.exams).toBe(15);
  });
  it('is read from a zip, its folder and noise dropped', async () => {
    const entries: Record<string, Uint8Array> = {
      'export/': new Uint8Array(),
      '__MACOSX/export/._exams.csv': new Uint8Array([1, 2]),
    };
    for (const [name, bytes] of files) entries[`export/${name}`] = bytes;
    entries['export/campaign.json'] = new TextEncoder().encode(
      new TextDecoder().decode(files.get('campaign.json')).replace('"uploaded"', '"zipped"'),
    );
    const form = new FormData();
    form.append('files', new Blob([zipSync(entries)]), 'export.zip');
    const done = await upload(app, form);
    expect(done).toMatchObject({ state: 'done', campaignId: 'zipped', files: KIT_FILES });
    expect((await listCampaigns(store)).find((c) => c.id === 'zipped')?.source).toBe(
      'upload: export.zip',
    );
  });
});

describe('a kit with errors', () => {
  it('is rejected with every issue located, and nothing is stored', async () => {
    const before = (await listCampaigns(store)).map((c) => c.id);
    const bad = await filesOf(join(FIXTURES, 'bad-values/input'));
    const done = await upload(app, uploadForm(bad, 'bad-values/'));
    expect(done.state).toBe('rejected');
    expect(done.error).toEqual({
      code: 'invalid-kit',
      message: expect.stringMatching(/^\d+ errors in the kit: nothing was stored$/),
    });
    expect(done.campaignId).toBeNull();
    const located = done.issues
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`);
    expect(located).toEqual(
      expect.arrayContaining([
        'exams.csv:4:room_out negative-duration',
        'establishments.csv:4:finess invalid-finess',
        'sessions.csv:6:end dst-gap',
      ]),
    );
    expect(located.length).toBeGreaterThan(30);
    expect((await listCampaigns(store)).map((c) => c.id)).toEqual(before);
  });
  it('is rejected when a file is missing', async () => {
    const partial = new Map(files);
    partial.delete('exams.csv');
    const done = await upload(app, uploadForm(partial));
    expect(done.state).toBe('rejected');
    expect(done.issues.some((i) => i.severity === 'error' && i.file === 'exams.csv')).toBe(true);
  });
});

describe('a kit workbook (.xlsx)', () => {
  it('is read as the kit it holds and imported', async () => {
    const done = await upload(
      app,
      uploadForm(
        new Map([['campagne.xlsx', filledKitWorkbook('book-upload', 'Classeur')]]),
        'Mes documents/',
      ),
    );
    expect(done).toMatchObject({
      state: 'done',
      files: ['campagne.xlsx'],
      campaignId: 'book-upload',
      summary: { exams: 2, machines: 1, establishments: 1 },
      error: null,
    });
    expect((await listCampaigns(store)).find((c) => c.id === 'book-upload')?.source).toBe(
      'upload: campagne.xlsx',
    );
  });
  it('is rejected with its errors located by sheet, row and column, and nothing is stored', async () => {
    const before = (await listCampaigns(store)).map((c) => c.id);
    const done = await upload(app, uploadForm(new Map([['blank.xlsx', blankKitWorkbook()]])));
    expect(done.state).toBe('rejected');
    const located = done.issues
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.file}:${i.line}:${i.column}`);
    expect(located).toContain('blank.xlsx#campaign:2:B');
    expect((await listCampaigns(store)).map((c) => c.id)).toEqual(before);
  });
  it('is rejected, located, when it is no workbook at all', async () => {
    const done = await upload(
      app,
      uploadForm(new Map([['notes.xlsx', new TextEncoder().encode('not a zip')]])),
    );
    expect(done.state).toBe('rejected');
    expect(done.issues.some((i) => i.severity === 'error' && i.file.startsWith('notes.xlsx'))).toBe(
      true,
    );
  });
  it('starts from the blank template the API serves, in either language', async () => {
    for (const lang of ['fr', 'en']) {
      const response = await app.request(`/api/kit-template.xlsx?lang=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="plateau-kit-template-${lang}.xlsx"`,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes).toEqual(kitTemplateXlsx({ lang: lang as 'fr' | 'en' }));
    }
    expect((await app.request('/api/kit-template.xlsx?lang=de')).status).toBe(400);
  });
  it('goes alone', async () => {
    const mixed = uploadForm(files);
    mixed.append('files', new Blob([new Uint8Array(filledKitWorkbook())]), 'campagne.xlsx');
    await expectRefused(app, mixed, 400, 'bad-request', 'one .xlsx workbook');
  });
});

describe('imports', () => {
  it('run one at a time', async () => {
    let running = 0;
    let most = 0;
    const watched = wrappedStore(store, {
      transaction: async (fn) => {
        most = Math.max(most, ++running);
        try {
          return await store.db.transaction(fn);
        } finally {
          running--;
        }
      },
    });
    const queued = createApp({ store: watched });
    const ids: string[] = [];
    for (const id of ['q1', 'q2', 'q3']) {
      const kit = viewsKit();
      kit.campaign = { ...kit.campaign, id };
      const response = await post(queued, uploadForm(await kitFiles(kit)));
      ids.push((await json<UploadStatus>(response)).id);
    }
    const states = await Promise.all(ids.map((id) => settled(queued, id)));
    expect(states.map((s) => [s.state, s.campaignId])).toEqual([
      ['done', 'q1'],
      ['done', 'q2'],
      ['done', 'q3'],
    ]);
    expect(most).toBe(1);
  });
  it('that throw end as failed', async () => {
    const failing = createApp({
      store: wrappedStore(store, {
        transaction: async () => {
          throw new Error('connection lost');
        },
      }),
      log: () => undefined,
    });
    const done = await upload(failing, uploadForm(files));
    expect(done.state).toBe('failed');
    expect(done.error).toEqual({
      code: 'import-failed',
      message: 'the import failed: connection lost',
    });
  });
});

describe('malformed uploads', () => {
  it('are refused with a 400 saying what to send', async () => {
    await expectRefused(app, '{"files": []}', 400, 'bad-request', 'multipart/form-data', {
      'content-type': 'application/json',
    });
    await expectRefused(app, new FormData(), 400, 'bad-request', "'files'");
    const text = new FormData();
    text.append('files', 'campaign.json');
    await expectRefused(app, text, 400, 'bad-request', 'must be a file');
    const other = uploadForm(files);
    other.append('comment', 'hello');
    await expectRefused(app, other, 400, 'bad-request', "unknown form field 'comment'");
    const notZip = new FormData();
    notZip.append('files', new Blob([new Uint8Array([1, 2, 3, 4])]), 'kit.zip');
    await expectRefused(app, notZip, 400, 'bad-request', 'could not be read');
    const mixed = uploadForm(files);
    mixed.append('files', new Blob([zipSync({ 'a.csv': new Uint8Array([65]) })]), 'kit.zip');
    await expectRefused(app, mixed, 400, 'bad-request', 'not both');
    const twice = uploadForm(files);
    twice.append('files', new Blob(['x']), 'exams.csv');
    await expectRefused(app, twice, 400, 'bad-request', 'exams.csv is sent twice');
    const hidden = new FormData();
    hidden.append('files', new Blob(['x']), '.DS_Store');
    await expectRefused(app, hidden, 400, 'bad-request', 'no kit file');
  });
  it('are refused with a 413 past the body limit', async () => {
    const small = createApp({ store, limits: { bodyBytes: 1000 } });
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(5000)]), 'exams.csv');
    await expectRefused(small, form, 413, 'payload-too-large', 'may not exceed');
    const declared = await small.request('/api/uploads', {
      method: 'POST',
      body: 'x'.repeat(2000),
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '2000' },
    });
    expect(declared.status).toBe(413);
  });
  it('refuse zip bombs before inflating them', async () => {
    const bomb = zipSync({ 'kit/exams.csv': new Uint8Array(10_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const guarded = createApp({ store, limits: { zipBytes: 1_000_000, zipEntries: 3 } });
    const form = new FormData();
    form.append('files', new Blob([bomb]), 'kit.zip');
    await expectRefused(guarded, form, 413, 'payload-too-large', 'once unpacked');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) many[`kit/f${i}.csv`] = new Uint8Array([65]);
    const crowd = new FormData();
    crowd.append('files', new Blob([zipSync(many)]), 'kit.zip');
    await expectRefused(guarded, crowd, 413, 'payload-too-large', 'more than 3 files');
  });
  it('answer 404 for an unknown upload id', async () => {
    const response = await app.request('/api/uploads/nope');
    expect(response.status).toBe(404);
    expect((await json<ApiError>(response)).error.code).toBe('not-found');
  });
});
