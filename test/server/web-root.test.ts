// Serving the built web app: files with their content type, hashed assets cached for good,
// index.html for app routes (single-page app), nothing outside the web root, /api untouched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';

const root = mkdtempSync(join(tmpdir(), 'plateau-web-'));
const web = join(root, 'web');
mkdirSync(join(web, 'assets'), { recursive: true });
writeFileSync(
  join(web, 'index.html'),
  '<!doctype html><title>plateau</title><script type="module" src="/assets/app-1a2b.js"></script>',
);
writeFileSync(join(web, 'assets', 'app-1a2b.js'), 'console.log("plateau")');
writeFileSync(join(web, 'assets', 'app-1a2b.css'), 'body{}');
writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(root, 'secret.txt'), 'do not serve');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const store = {
  db: {},
  engine: 'pglite',
  location: 'nowhere',
  close: async () => undefined,
} as unknown as Store;
const app = createApp({ store, webRoot: web });

describe('the web root', () => {
  it('serves index.html at / with the security headers, revalidated', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>plateau</title>');
  });
  it('serves hashed assets with their type, cached for good', async () => {
    const js = await app.request('/assets/app-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=UTF-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log("plateau")');
    expect((await app.request('/assets/app-1a2b.css')).headers.get('content-type')).toBe(
      'text/css; charset=UTF-8',
    );
    const svg = await app.request('/favicon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
  });
  it('answers index.html for app routes, 404 for a missing asset', async () => {
    for (const path of ['/benchmark', '/campaigns/x/establishments/590000001', '/a.b']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>plateau</title>');
    }
    expect((await app.request('/assets/gone-0000.js')).status).toBe(404);
    const head = await app.request('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
  it('never serves a file outside the web root', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const response = await app.request(path);
      expect(await response.text(), path).not.toContain('do not serve');
    }
    expect((await app.request('/%E0%A4%A')).status).toBe(400);
  });
  it('leaves /api to the API', async () => {
    const response = await app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
  it('says to build the app when index.html is missing', async () => {
    const bare = createApp({ store, webRoot: join(root, 'missing') });
    const response = await bare.request('/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });
});
