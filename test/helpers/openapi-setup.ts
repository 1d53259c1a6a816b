// Vitest setup file (vitest.config.ts setupFiles): every app `createApp` makes in a test checks
// each of its answers to /api/* against the OpenAPI document (test/helpers/openapi-check.ts); a
// mismatch fails the test that made the request, from afterEach (and afterAll for hooks).
import { appendFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, expect, vi } from 'vitest';
import type * as AppModule from '../../src/server/app.ts';
import { OpenApiChecker, describeMismatches } from './openapi-check.ts';

// One checker per worker, kept on globalThis: a project of shared module graphs (`isolate: false`)
// runs this file again for each test file while `app.ts` may still be the mock an earlier file
// made; both must see the same checker, and ajv compiles each schema once per worker, not per file.
const state = vi.hoisted(() => {
  const holder = globalThis as { __plateauOpenApiCheck?: CheckState };
  return (holder.__plateauOpenApiCheck ??= {
    checker: undefined,
    pending: new Set<Promise<void>>(),
    reported: { checked: 0, validated: 0 },
  });
});

interface CheckState {
  checker: OpenApiChecker | undefined;
  pending: Set<Promise<void>>;
  /** The checker's counts already written to PLATEAU_OPENAPI_STATS (each line is one file's). */
  reported: { checked: number; validated: number };
}

vi.mock('../../src/server/app.ts', async (importOriginal) => {
  const original = await importOriginal<typeof AppModule>();
  const { OPENAPI } = await import('../../src/server/openapi.ts');
  state.checker ??= new OpenApiChecker(OPENAPI);
  const checker = state.checker;
  const createApp: typeof original.createApp = (options) => {
    const app = original.createApp(options);
    const fetch = app.fetch;
    app.fetch = async (request: Request, ...rest: unknown[]) => {
      const response = await (
        fetch as (r: Request, ...x: unknown[]) => Response | Promise<Response>
      )(request, ...rest);
      const path = new URL(request.url).pathname;
      if (!path.startsWith('/api/') || request.method === 'OPTIONS') return response;
      const type = response.headers.get('content-type');
      const streamed = type !== null && !/json/i.test(type);
      const check = (streamed ? Promise.resolve('') : decodedText(response.clone()))
        .catch((error: unknown) => `unreadable: ${String(error)}`)
        .then((body) => checker.check(request.method, path, response.status, type, body));
      state.pending.add(check);
      void check.finally(() => state.pending.delete(check));
      return response;
    };
    return app;
  };
  return { ...original, createApp };
});

/** The answer's text, gunzipped when it went gzipped (`Content-Encoding: gzip`). */
async function decodedText(response: Response): Promise<string> {
  if (response.headers.get('content-encoding') !== 'gzip') return response.text();
  return gunzipSync(new Uint8Array(await response.arrayBuffer())).toString('utf8');
}

async function flush(): Promise<void> {
  await Promise.all([...state.pending]);
  const checker = state.checker;
  if (!checker) return;
  const mismatches = checker.take();
  const log = process.env.PLATEAU_OPENAPI_LOG;
  if (log) for (const m of mismatches) appendFileSync(log, `${JSON.stringify(m)}\n`);
  if (mismatches.length > 0) throw new Error(describeMismatches(mismatches));
}

afterEach(flush);
afterAll(async () => {
  await flush();
  const out = process.env.PLATEAU_OPENAPI_STATS;
  const checker = state.checker;
  if (out && checker) {
    const { checked, validated } = state.reported;
    const file = expect.getState().testPath ?? '';
    appendFileSync(out, `${checker.checked - checked} ${checker.validated - validated} ${file}\n`);
    state.reported = { checked: checker.checked, validated: checker.validated };
  }
});
