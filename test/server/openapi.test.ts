// The OpenAPI document against the app: every registered route is documented (and nothing
// else), with its path parameters; every documented query parameter is one the route takes;
// every $ref resolves; and the served document is this one.
import { describe, expect, it } from 'vitest';
import { createApp, OPENAPI } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';

// Routes are registered without touching the store; requests below never reach it (400 first).
const app = createApp({
  store: {
    db: {},
    engine: 'pglite',
    location: 'nowhere',
    close: async () => undefined,
  } as unknown as Store,
});

const toOpenApi = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
const registered = [
  ...new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${toOpenApi(r.path)}`),
  ),
].sort();
const documented = Object.entries(OPENAPI.paths)
  .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
  .sort();

describe('the OpenAPI document', () => {
  it('documents every registered route, and only those', () => {
    expect(registered.length).toBeGreaterThanOrEqual(15);
    expect(documented).toEqual(registered);
  });
  it("documents every route's path parameters", () => {
    for (const [path, ops] of Object.entries(OPENAPI.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        const inPath = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(inPath, `${op.operationId}`).toEqual(names);
        expect(
          op.responses['200'] ?? op.responses['201'] ?? op.responses['202'] ?? op.responses['204'],
        ).toBeDefined();
      }
    }
  });
  it('documents only query parameters the routes take, and the routes refuse others', async () => {
    for (const [path, ops] of Object.entries(OPENAPI.paths)) {
      const op = ops.get;
      if (!op) continue;
      const url = path.replace(/\{(\w+)\}/g, 'x');
      for (const p of (op.parameters ?? []).filter((q) => q.in === 'query')) {
        // A value no parameter accepts: the answer may be 400 for the value, never for the name.
        const response = await app.request(`${url}?${p.name}=%00&zzz=1`);
        expect(response.status, `${url} ${p.name}`).toBe(400);
        const body = (await response.json()) as { error: { message: string } };
        expect(body.error.message).not.toContain(`unknown query parameter '${p.name}'`);
        expect(body.error.message).toContain("unknown query parameter 'zzz'");
      }
      const refused = await app.request(`${url}?zzz=1`);
      expect(refused.status, url).toBe(400);
    }
  });
  it('resolves every $ref', () => {
    const refs = [
      ...JSON.stringify(OPENAPI).matchAll(/"\$ref":"#\/components\/(schemas|responses)\/(\w+)"/g),
    ];
    expect(refs.length).toBeGreaterThan(30);
    for (const [, kind, name] of refs) {
      const table = kind === 'schemas' ? OPENAPI.components.schemas : OPENAPI.components.responses;
      expect(table[name!], `${kind}/${name}`).toBeDefined();
    }
  });
  it('is served at /api/openapi.json', async () => {
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string };
    expect(doc).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
    expect(doc.openapi).toBe('3.1.0');
  });
});
