/**
 * The API about itself: `GET /api/health` (the process answers and its store is reachable) and
 * `GET /api/openapi.json` (the hand-written OpenAPI 3.1 document of every route).
 */
import type { Hono } from 'hono';
import { OPENAPI } from '../openapi.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';

/** Registers the health and OpenAPI routes on `app`. */
export function metaRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.get('/api/health', async (c) => {
    readQuery(c, []);
    await ctx.store.db.query('select 1');
    return c.json({ status: 'ok' as const, engine: ctx.store.engine });
  });

  app.get('/api/openapi.json', (c) => {
    readQuery(c, []);
    return c.json(OPENAPI);
  });
}
