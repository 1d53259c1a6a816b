// A kit uploaded as a zip whose headers lie (an exams.csv whose declared size is under-stated,
// a wrong CRC-32) is refused at once with a 400 naming the entry, and nothing is stored: before,
// the entry was cut at its declared size and the kit imported with part of its exams.
import { zipSync } from 'fflate';
import type { PlateauApp } from '../../src/server/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/core/views/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { listCampaigns } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { field, patched } from '../ingest/sources/xlsx/zip-patch.ts';
import { json, kitFiles, memoryStore, settled } from './helpers.ts';

let store: Store;
let app: PlateauApp;
let zip: Uint8Array;

beforeAll(async () => {
  store = await memoryStore();
  app = createApp({ store });
  const files = await kitFiles(viewsKit());
  zip = zipSync(Object.fromEntries([...files].map(([name, bytes]) => [`kit/${name}`, bytes])));
});
afterAll(async () => {
  await store?.close();
});

async function post(bytes: Uint8Array): Promise<Response> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)]), 'kit.zip');
  return app.request('/api/uploads', { method: 'POST', body: form });
}

describe('a zip whose entry lies about itself', () => {
  it('is refused naming the entry when its size is under-stated, and nothing is stored', async () => {
    const size = field(zip, 'kit/exams.csv', 'originalSize');
    // Cut on a line boundary, as the reported zip was: the shorter file reads as a clean kit.
    const lines = new TextDecoder()
      .decode((await kitFiles(viewsKit())).get('exams.csv'))
      .split('\n');
    const half = lines.slice(0, Math.ceil(lines.length / 2)).join('\n').length + 1;
    expect(half).toBeLessThan(size);
    const response = await post(patched(zip, 'kit/exams.csv', 'originalSize', half));
    expect(response.status).toBe(400);
    const body = await json<ApiError>(response);
    expect(body.error.code).toBe('bad-request');
    expect(body.error.message).toContain("'kit/exams.csv' holds more than");
    expect(await listCampaigns(store)).toEqual([]);
  });

  it('is refused naming the entry when its CRC-32 is wrong', async () => {
    const crc = field(zip, 'kit/sessions.csv', 'crc');
    const response = await post(patched(zip, 'kit/sessions.csv', 'crc', (crc ^ 1) >>> 0));
    expect(response.status).toBe(400);
    expect((await json<ApiError>(response)).error.message).toContain(
      "'kit/sessions.csv' does not match its CRC-32",
    );
    expect(await listCampaigns(store)).toEqual([]);
  });

  it('is refused when only the central directory under-states it', async () => {
    const size = field(zip, 'kit/exams.csv', 'originalSize');
    const response = await post(
      patched(zip, 'kit/exams.csv', 'originalSize', size - 50, 'central'),
    );
    expect(response.status).toBe(400);
    expect((await json<ApiError>(response)).error.message).toMatch(
      /'kit\/exams\.csv' declares other sizes/,
    );
  });

  it('is read when whole', async () => {
    const response = await post(zip);
    expect(response.status).toBe(202);
    const { id } = await json<{ id: string }>(response);
    expect(await settled(app, id)).toMatchObject({ state: 'done', campaignId: 'views' });
  });
});
