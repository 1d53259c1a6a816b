// Upload stages are a closed set of codes (core/views/upload-stages.ts): each has French and
// English words (and so has each table written), and an upload, followed as closely as the event
// loop allows, reports only those codes, from queued to done or rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadStatus } from '../../src/core/views/types.ts';
import type { UploadTable } from '../../src/core/views/upload-stages.ts';
import { UPLOAD_STAGES, UPLOAD_TABLES } from '../../src/core/views/upload-stages.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { fr } from '../../src/i18n/messages/fr.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import { createApp } from '../../src/server/index.ts';
import type { ImportProgress, Store } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { json, kitFiles, memoryStore, uploadForm } from './helpers.ts';

// Compile-time: every table storage reports while writing is one of the codes.
const tableIsCode = (t: NonNullable<ImportProgress['table']>): UploadTable => t;
void tableIsCode;

let store: Store;
let app: PlateauApp;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  store = await memoryStore();
  app = createApp({ store });
  const kit = viewsKit();
  kit.campaign = { ...kit.campaign, id: 'staged', name: 'Staged' };
  files = await kitFiles(kit);
});
afterAll(async () => {
  await store?.close();
});

/** Every progress an upload shows, polled at each turn of the event loop until it settles. */
async function follow(form: FormData): Promise<UploadStatus['progress'][]> {
  const response = await app.request('/api/uploads', { method: 'POST', body: form });
  expect(response.status).toBe(202);
  const first = await json<UploadStatus>(response);
  const seen = [first.progress];
  for (let i = 0; i < 100_000; i++) {
    await new Promise((r) => setImmediate(r));
    const status = await json<UploadStatus>(await app.request(`/api/uploads/${first.id}`));
    seen.push(status.progress);
    if (status.state === 'done' || status.state === 'rejected' || status.state === 'failed')
      return seen;
  }
  throw new Error('the upload never settled');
}

describe('upload stages', () => {
  it('have French and English words, as do the tables written', () => {
    for (const stage of UPLOAD_STAGES) {
      for (const dict of [fr, en] as Record<string, string>[]) {
        expect(dict[`upload.server.${stage}`], stage).toMatch(/\S/);
      }
    }
    for (const table of UPLOAD_TABLES) {
      for (const dict of [fr, en] as Record<string, string>[])
        expect(dict[`upload.table.${table}`], table).toMatch(/\S/);
    }
    expect(new Set(UPLOAD_STAGES.map((s) => fr[`upload.server.${s}`])).size).toBe(
      UPLOAD_STAGES.length,
    );
  });
  it('are the only stages a good upload reports, queued to done', async () => {
    const seen = await follow(uploadForm(files));
    for (const p of seen) {
      expect(UPLOAD_STAGES, JSON.stringify(p)).toContain(p.stage);
      if (p.table !== undefined) {
        expect(p.stage).toBe('writing');
        expect(UPLOAD_TABLES).toContain(p.table);
      }
    }
    expect(seen[0]!.stage).toBe('queued');
    expect(seen.at(-1)).toEqual({ stage: 'done', fraction: 1 });
  });
  it('end a refused kit on rejected', async () => {
    const broken = new Map(files);
    broken.set('exams.csv', new TextEncoder().encode('not,a,kit\n1,2,3\n'));
    const seen = await follow(uploadForm(broken));
    for (const p of seen) expect(UPLOAD_STAGES).toContain(p.stage);
    expect(seen.at(-1)).toEqual({ stage: 'rejected', fraction: null });
  });
});
