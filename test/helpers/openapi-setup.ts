// Vitest setup file (vitest.config.ts setupFiles): every app `createApp` makes in a test checks
// each of its answers to /api/* against the OpenAPI document (test/helpers/openapi-check.ts); a
// mismatch fails the test that made the request, from afterEach (and afterAll for hooks).
import { appendFileSync } from 'node:fs';
import { afterAll, afterEach, vi } from 'vitest';
import type * as AppModule from '../../src/server/app.ts';
import { OpenApiChecker, describeMismatches } from './openapi-check.ts';

const state = vi.hoisted(() => ({
  checker: undefined as OpenApiChecker | undefined,
  pending: new Set<Promise<void>>(),
}));

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
      const check = (streamed ? Promise.resolve('') : response.clone().text())
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
  if (out && state.checker)
    appendFileSync(out, `${state.checker.checked} ${state.checker.validated}\n`);
});
