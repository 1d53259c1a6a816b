// Browser attacks on a server without accounts: a page of another origin posting a kit (a plain
// multipart form needs no CORS preflight), and DNS rebinding (a page reaching the server under
// its own name). Through the app object, then on a real socket with raw HTTP requests.
import { request as httpRequest } from 'node:http';
import type { PlateauApp } from '../../src/server/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, UploadStatus } from '../../src/core/views/types.ts';
import { createApp, startServer } from '../../src/server/index.ts';
import { isAllowedHost, publicHost } from '../../src/server/origin-guard.ts';
import type { Store } from '../../src/storage/index.ts';
import { listCampaigns } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { json, kitFiles, memoryStore, uploadForm } from './helpers.ts';

let store: Store;
let files: Map<string, Uint8Array>;
let app: PlateauApp;
const PORT = 4317;

beforeAll(async () => {
  store = await memoryStore();
  files = await kitFiles(viewsKit());
  app = createApp({ store, port: PORT, publicHosts: ['plateau.chu-exemple.fr'] });
});
afterAll(async () => {
  await store?.close();
});

const OWN = `127.0.0.1:${PORT}`;

async function post(headers: Record<string, string>, path = '/api/uploads'): Promise<Response> {
  return app.request(`http://${OWN}${path}`, {
    method: 'POST',
    body: uploadForm(files),
    headers: { Host: OWN, ...headers },
  });
}

/** Polls an upload through the guarded app (addressed to the server's own name) until it settles. */
async function settledHere(response: Response): Promise<UploadStatus> {
  expect(response.status).toBe(202);
  const { id } = await json<UploadStatus>(response);
  for (;;) {
    const status = await json<UploadStatus>(
      await app.request(`http://${OWN}/api/uploads/${id}`, { headers: { Host: OWN } }),
    );
    if (status.state !== 'validating' && status.state !== 'importing') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function refused(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe('state-changing requests from another origin', () => {
  it('refuses a cross-origin form POST to /api/uploads, saying why and what to configure, and stores nothing', async () => {
    const message = await refused(
      await post({ Origin: 'http://attacker.example', 'Sec-Fetch-Site': 'cross-site' }),
      403,
      'cross-origin',
    );
    expect(message).toContain("Origin 'http://attacker.example'");
    expect(message).toContain('--public-host');
    expect(
      await refused(await post({ 'Sec-Fetch-Site': 'cross-site' }), 403, 'cross-origin'),
    ).toContain('Sec-Fetch-Site: cross-site');
    expect(await refused(await post({ Origin: 'null' }), 403, 'cross-origin')).toContain(
      "Origin 'null'",
    );
    // Another port of this machine is another origin (another local web app).
    await refused(
      await post({ Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site' }),
      403,
      'cross-origin',
    );
    await refused(await post({ 'Sec-Fetch-Site': 'same-site' }), 403, 'cross-origin');
    await refused(await post({ Origin: 'file://' }), 403, 'cross-origin');
    // Every state-changing method, on every route.
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await app.request(`http://${OWN}/api/campaigns/views`, {
        method,
        headers: { Host: OWN, Origin: 'http://attacker.example' },
      });
      await refused(response, 403, 'cross-origin');
    }
    await refused(
      await post({ Origin: 'http://attacker.example' }, '/api/fhir'),
      403,
      'cross-origin',
    );
    expect(await listCampaigns(store)).toEqual([]);
  });

  it("takes the server's own pages and clients that are not browsers", async () => {
    const own = await post({ Origin: `http://${OWN}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(await settledHere(own)).toMatchObject({ state: 'done' });
    // curl and the CLI send neither Origin nor Sec-Fetch-*.
    expect(await settledHere(await post({}))).toMatchObject({ state: 'done' });
    // The same server under its other loopback name, and under its public name.
    const other = await app.request(`http://localhost:${PORT}/api/uploads`, {
      method: 'POST',
      body: uploadForm(files),
      headers: {
        Host: `localhost:${PORT}`,
        Origin: `http://127.0.0.1:${PORT}`,
        'Sec-Fetch-Site': 'same-site',
      },
    });
    expect(await settledHere(other)).toMatchObject({ state: 'done' });
    const proxied = await app.request('https://plateau.chu-exemple.fr/api/uploads', {
      method: 'POST',
      body: uploadForm(files),
      headers: {
        Host: 'plateau.chu-exemple.fr',
        Origin: 'https://plateau.chu-exemple.fr',
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    expect(await settledHere(proxied)).toMatchObject({ state: 'done' });
  });
});

describe('requests addressed to another name (DNS rebinding)', () => {
  const get = async (host: string, path = '/api/health'): Promise<Response> =>
    app.request(`http://${host}${path}`, { headers: { Host: host } });

  it('refuses them with 421, saying which names are accepted and what to configure', async () => {
    const message = await refused(await get('attacker.example'), 421, 'host-not-allowed');
    expect(message).toContain(
      `127.0.0.1:${PORT}, localhost:${PORT}, [::1]:${PORT} or plateau.chu-exemple.fr`,
    );
    expect(message).toContain("not to 'attacker.example'");
    expect(message).toContain('--public-host NAME');
    await refused(await get(`attacker.example:${PORT}`), 421, 'host-not-allowed');
    await refused(await get('127.0.0.1:9999'), 421, 'host-not-allowed');
    await refused(await get('localhost.attacker.example'), 421, 'host-not-allowed');
    await refused(await get('plateau.chu-exemple.fr.attacker.example'), 421, 'host-not-allowed');
    await refused(await get('attacker.example', '/'), 421, 'host-not-allowed');
  });

  it('answers loopback names with the server port and the public names', async () => {
    for (const host of [
      OWN,
      `localhost:${PORT}`,
      `[::1]:${PORT}`,
      'LOCALHOST:4317',
      'plateau.chu-exemple.fr',
      'plateau.chu-exemple.fr:8443',
    ]) {
      expect((await get(host)).status, host).toBe(200);
    }
  });

  it('checks the names it is given', () => {
    expect(publicHost('Plateau.CHU.fr')).toBe('plateau.chu.fr');
    expect(publicHost('[fe80::1]:8080')).toBe('[fe80::1]:8080');
    for (const bad of ['http://plateau.chu.fr', 'a b', 'x/y', 'user@host', '-x.fr', ''])
      expect(publicHost(bad), bad).toBeNull();
    expect(() => createApp({ store, publicHosts: ['https://plateau.chu.fr'] })).toThrow(
      /is not a host name/,
    );
    // Without a port (the app object alone), loopback names with any port.
    expect(isAllowedHost('localhost:5173', { port: null, publicHosts: [] })).toBe(true);
    expect(isAllowedHost('localhost:5173', { port: 4317, publicHosts: [] })).toBe(false);
    // A development server on another loopback port (vite's proxy) is allowed only when given.
    expect(isAllowedHost('localhost:5173', { port: 4317, publicHosts: ['localhost:5173'] })).toBe(
      true,
    );
    expect(isAllowedHost('localhost:5174', { port: 4317, publicHosts: ['localhost:5173'] })).toBe(
      false,
    );
  });
});

/** One raw HTTP/1.1 request (Node's fetch would not let a test set Host). */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: Uint8Array,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('on a real socket', () => {
  it('refuses a rebinding GET and a cross-origin form POST, and takes a plain POST from Node', async () => {
    const own = await memoryStore();
    const server = await startServer({ store: own, port: 0, webRoot: null });
    try {
      expect(server.hosts).toEqual([
        `127.0.0.1:${server.port}`,
        `localhost:${server.port}`,
        `[::1]:${server.port}`,
      ]);
      const rebound = await raw(`${server.url}api/campaigns`, 'GET', {
        Host: `attacker.example:${server.port}`,
      });
      expect(rebound.status).toBe(421);
      expect(JSON.parse(rebound.body)).toMatchObject({ error: { code: 'host-not-allowed' } });
      const plain = await raw(`${server.url}api/health`, 'GET', {
        Host: `localhost:${server.port}`,
      });
      expect(plain.status).toBe(200);

      // What a page on attacker.example sends with a form whose action is the server's upload route.
      const form = new Response(uploadForm(files));
      const type = form.headers.get('content-type')!;
      const bytes = new Uint8Array(await form.arrayBuffer());
      const attack = await raw(
        `${server.url}api/uploads`,
        'POST',
        {
          'Content-Type': type,
          Origin: 'http://attacker.example',
          'Sec-Fetch-Site': 'cross-site',
          'Sec-Fetch-Mode': 'navigate',
        },
        bytes,
      );
      expect(attack.status).toBe(403);
      expect(JSON.parse(attack.body)).toMatchObject({ error: { code: 'cross-origin' } });
      expect(await listCampaigns(own)).toEqual([]);

      // The CLI hands its work over with a plain fetch from Node: no Origin, no Sec-Fetch-*.
      const cli = await fetch(`${server.url}api/uploads`, {
        method: 'POST',
        body: uploadForm(files),
      });
      expect(cli.status).toBe(202);
      const id = (await json<UploadStatus>(cli)).id;
      for (let i = 0; i < 3000; i++) {
        const status = await json<UploadStatus>(await fetch(`${server.url}api/uploads/${id}`));
        if (status.state !== 'validating' && status.state !== 'importing') {
          expect(status.state).toBe('done');
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await listCampaigns(own)).map((c) => c.id)).toEqual(['views']);
    } finally {
      await server.close();
      await own.close();
    }
  });
});
