// Large memoized views go gzipped to a client that accepts gzip (a browser always does), as they
// are to one that does not; both decode to the same JSON bytes and say Vary: Accept-Encoding. The
// app answers the plain JSON; the HTTP server gzips.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.ts';
import { startServer } from '../../src/server/index.ts';
import { acceptsGzip, GZIP_FROM_BYTES } from '../../src/server/json-response.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { memoryStore } from './helpers.ts';

let store: Store;
let server: RunningServer;
const base = '/api/campaigns/views';

beforeAll(async () => {
  store = await memoryStore();
  await importKit(store, viewsKit(), { source: 'test' });
  server = await startServer({ store, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
});

/** The raw answer to GET `path` (node:http: nothing decoded on the way). */
function get(
  path: string,
  acceptEncoding?: string,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    request(new URL(path, server.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        expect(response.statusCode).toBe(200);
        resolve({ headers: response.headers, body: Buffer.concat(chunks) });
      });
    })
      .on('error', reject)
      .end();
  });
}

describe('gzipped JSON answers', () => {
  it('sends a large memoized view gzipped when accepted, the same bytes once decoded', async () => {
    const paths = [
      `${base}/benchmark`,
      `${base}/benchmark?region=Hauts-de-France`,
      `${base}/establishments/590000001`,
    ];
    for (const path of paths) {
      const plain = await get(path);
      expect(plain.body.byteLength).toBeGreaterThanOrEqual(GZIP_FROM_BYTES);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toBe('Accept-Encoding');
      expect(plain.headers['x-content-type-options']).toBe('nosniff');
      for (const header of ['gzip, deflate, br', 'br;q=1, *;q=0.1']) {
        const zipped = await get(path, header);
        expect(zipped.headers['content-encoding']).toBe('gzip');
        expect(zipped.headers['vary']).toBe('Accept-Encoding');
        expect(zipped.headers['x-content-type-options']).toBe('nosniff');
        expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
        expect(gunzipSync(zipped.body)).toEqual(plain.body);
      }
      const refused = await get(path, 'gzip;q=0, br');
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body).toEqual(plain.body);
    }
    // A small answer goes as it is.
    const health = await get('/api/health', 'gzip');
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('deflate, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('*;q=0.2, gzip;q=0')).toBe(false);
    expect(acceptsGzip('br, *;q=0')).toBe(false);
  });
});
