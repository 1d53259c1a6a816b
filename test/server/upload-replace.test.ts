// Uploads that re-import a campaign, through the app object: the job's summary counts what was
// added, changed and removed per table; a kit over another period is rejected with what to do,
// and replaces the stored campaign with `?replace=1`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import type { ApiError, UploadStatus } from '../../src/core/views/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { listCampaigns, loadKit } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { json, kitFiles, memoryStore, settled, uploadForm } from './helpers.ts';

const WEEK = 7 * 86_400_000;

let store: Store;
let app: PlateauApp;
let kit: Kit;

beforeAll(async () => {
  store = await memoryStore();
  app = createApp({ store });
  kit = viewsKit();
  kit.campaign = { ...kit.campaign, id: 'again', name: 'Again' };
});
afterAll(async () => {
  await store?.close();
});

async function upload(k: Kit, query = ''): Promise<UploadStatus> {
  const response = await app.request(`/api/uploads${query}`, {
    method: 'POST',
    body: uploadForm(await kitFiles(k)),
  });
  expect(response.status).toBe(202);
  return settled(app, (await json<UploadStatus>(response)).id);
}

const later = (k: Kit): Kit => ({
  ...k,
  campaign: { ...k.campaign, start: '2010-03-08' },
  sessions: k.sessions.map((s) => ({ ...s, start: s.start + WEEK, end: s.end + WEEK })),
  exams: k.exams.map((e) => ({
    ...e,
    roomIn: e.roomIn + WEEK,
    roomOut: e.roomOut + WEEK,
    reportValidatedAt: e.reportValidatedAt === null ? null : e.reportValidatedAt + WEEK,
    requestedAt: e.requestedAt === null ? null : e.requestedAt + WEEK,
  })),
});

describe('an upload of a campaign already stored', () => {
  it('counts what it added, changed and removed per table, and leaves exactly the kit stored', async () => {
    const first = await upload(kit);
    expect(first.state, first.error?.message).toBe('done');
    expect(first.summary).toMatchObject({
      campaign: 'inserted',
      changes: { exams: { inserted: kit.exams.length, updated: 0, removed: 0, unchanged: 0 } },
    });
    const fewer: Kit = { ...kit, exams: kit.exams.slice(3) };
    const second = await upload(fewer);
    expect(second.state, second.error?.message).toBe('done');
    expect(second.summary).toMatchObject({
      exams: kit.exams.length - 3,
      campaign: 'unchanged',
      changes: {
        exams: { inserted: 0, updated: 0, removed: 3, unchanged: kit.exams.length - 3 },
        equipment: { inserted: 0, updated: 0, removed: 0, unchanged: kit.equipment.length },
      },
    });
    expect((await loadKit(store, 'again'))?.exams).toHaveLength(kit.exams.length - 3);
  });

  it('is rejected over another period unless replace=1, which replaces the stored campaign whole', async () => {
    const moved = later(kit);
    const refused = await upload(moved);
    expect(refused.state).toBe('rejected');
    expect(refused.error?.code).toBe('invalid-kit');
    expect(refused.error?.message).toContain('start 2010-03-01 → 2010-03-08');
    expect(refused.error?.message).toContain('replace=1');
    expect((await listCampaigns(store)).find((c) => c.id === 'again')?.start).toBe('2010-03-01');

    const replaced = await upload(moved, '?replace=1');
    expect(replaced.state, replaced.error?.message).toBe('done');
    expect(replaced.summary).toMatchObject({
      campaign: 'replaced',
      changes: {
        exams: {
          inserted: kit.exams.length,
          updated: 0,
          removed: kit.exams.length - 3,
          unchanged: 0,
        },
      },
    });
    expect((await listCampaigns(store)).find((c) => c.id === 'again')?.start).toBe('2010-03-08');
  });

  it('refuses a replace parameter it does not know', async () => {
    const response = await app.request('/api/uploads?replace=yes', {
      method: 'POST',
      body: uploadForm(await kitFiles(kit)),
    });
    expect(response.status).toBe(400);
    expect((await json<ApiError>(response)).error.message).toContain('replace must be one of 0, 1');
  });
});
