/**
 * Signed bundles over HTTP (issue 16). `POST /api/bundles` takes a bundle file (JSON, at most
 * `MAX_BUNDLE_BYTES`) and stores it: local mode, national and admin users, or a site user for its
 * own FINESS (through its scoped store: row-level security refuses another's rows too); region
 * users 403. A refusal answers its located reason (400 invalid, unknown or revoked key; 403 another
 * site's; 409 a conflict with the stored campaign); every import is audited (`bundle.import`).
 * `GET/POST /api/admin/bundle-keys` and `DELETE /api/admin/bundle-keys/:keyId` (revoke) are an
 * administrator's (and the local user's), audited by the key repository.
 */
import type { Context, Hono } from 'hono';
import { MAX_BUNDLE_BYTES } from '../../core/bundle/validate.ts';
import type { BundleKeyActor, BundleRefusal } from '../../storage/index.ts';
import {
  addBundleKey,
  BundleImportError,
  BundleKeyError,
  importBundle,
  listBundleKeys,
  revokeBundleKey,
} from '../../storage/index.ts';
import { onlyFields, optionalString, readJsonObject, stringField } from '../auth/json-body.ts';
import { auditEvent, requireScope } from '../auth/guards.ts';
import { bodyLimit } from '../body-limit.ts';
import type { ApiStatus } from '../errors.ts';
import { ApiError, badRequest, errorBody, notFound } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { requestStore } from '../server-context.ts';

/** The status each refusal answers. */
const STATUS: Record<BundleRefusal, ApiStatus> = {
  invalid: 400,
  'unknown-key': 400,
  'revoked-key': 400,
  'foreign-site': 403,
  period: 409,
  'raw-site': 409,
  'no-campaign': 409,
  'machine-taken': 409,
};

/** The acting user, for the key repository's audit rows (the local user: `local`). */
function actorOf(c: Context<AppEnv>): BundleKeyActor {
  const user = c.get('user');
  return user ? { userId: user.id, email: user.email } : { userId: null, email: 'local' };
}

function keyError(error: unknown): unknown {
  if (!(error instanceof BundleKeyError)) return error;
  if (error.code === 'exists') return new ApiError(409, 'key-exists', error.message);
  if (error.code === 'unknown') return notFound(error.message);
  return badRequest(error.message);
}

/** Registers the bundle routes on `app`. */
export function bundleRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const limit = bodyLimit({
    maxSize: MAX_BUNDLE_BYTES,
    onError: (c) =>
      c.json(
        errorBody('payload-too-large', `a bundle may not exceed ${MAX_BUNDLE_BYTES / 2 ** 20} MiB`),
        413,
      ),
  });

  app.post('/api/bundles', limit, async (c) => {
    readQuery(c, []);
    const scope = await requireScope(
      ctx,
      c,
      ['site', 'national', 'admin'],
      'bundle.import',
      'bundle',
    );
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type))
      throw badRequest(
        'POST /api/bundles takes the bundle file as its body (Content-Type: application/json)',
      );
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
    } catch {
      throw badRequest('POST /api/bundles: the body is not UTF-8 text');
    }
    try {
      const summary = await importBundle(
        requestStore(ctx, c),
        text,
        scope.kind === 'site' ? { finess: scope.finess } : {},
      );
      ctx.cache.invalidate(summary.campaignId);
      await auditEvent(ctx, c, {
        action: 'bundle.import',
        target: summary.finess,
        outcome: 'success',
        detail: {
          campaign: summary.campaignId,
          keyId: summary.keyId,
          sha256: summary.sha256,
          replaced: summary.replaced,
        },
      });
      return c.json(summary, 201);
    } catch (error) {
      if (!(error instanceof BundleImportError)) throw error;
      await auditEvent(ctx, c, {
        action: 'bundle.import',
        target: null,
        outcome: error.reason === 'foreign-site' ? 'denied' : 'failure',
        detail: { reason: error.reason },
      });
      throw new ApiError(STATUS[error.reason], `bundle-${error.reason}`, error.message);
    }
  });

  app.get('/api/admin/bundle-keys', async (c) => {
    readQuery(c, []);
    await requireScope(ctx, c, ['admin'], 'bundle-key.list');
    return c.json({ keys: await listBundleKeys(requestStore(ctx, c)) });
  });

  app.post('/api/admin/bundle-keys', async (c) => {
    readQuery(c, []);
    await requireScope(ctx, c, ['admin'], 'bundle-key.add');
    const what = 'POST /api/admin/bundle-keys';
    const body = await readJsonObject(c, what);
    onlyFields(body, ['finess', 'publicKey', 'label'], what);
    const label = optionalString(body, 'label', what);
    try {
      const key = await addBundleKey(
        requestStore(ctx, c),
        {
          finess: stringField(body, 'finess', what),
          publicKey: stringField(body, 'publicKey', what),
          label: label ?? null,
        },
        actorOf(c),
      );
      return c.json({ key }, 201);
    } catch (error) {
      throw keyError(error);
    }
  });

  app.delete('/api/admin/bundle-keys/:keyId', async (c) => {
    readQuery(c, []);
    const keyId = c.req.param('keyId');
    await requireScope(ctx, c, ['admin'], 'bundle-key.revoke', keyId);
    try {
      return c.json({ key: await revokeBundleKey(requestStore(ctx, c), keyId, actorOf(c)) });
    } catch (error) {
      throw keyError(error);
    }
  });
}
