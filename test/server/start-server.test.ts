// The API on a real socket: port 0 picks a free port, the URL says where, close() stops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { memoryStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await memoryStore();
  await importKit(store, viewsKit());
});
afterAll(async () => {
  await store?.close();
});

describe('startServer', () => {
  it('listens on a free loopback port until closed', async () => {
    const server = await startServer({ store, port: 0, webRoot: null });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const health = await fetch(`${server.url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', engine: 'pglite' });
    // 50 clients at once on the establishment view.
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${server.url}api/campaigns/views/establishments/590000001`).then((r) => r.status),
      ),
    );
    expect(new Set(answers)).toEqual(new Set([200]));
    await server.close();
    await expect(fetch(`${server.url}api/health`)).rejects.toThrow();
  });
  it('fails when the port is taken', async () => {
    const first = await startServer({ store, port: 0 });
    try {
      await expect(startServer({ store, port: first.port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await first.close();
    }
  });
});
