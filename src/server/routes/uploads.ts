/**
 * The upload routes: `POST /api/uploads` takes a kit as a multipart form (its files, one zip,
 * or one .xlsx workbook; `?replace=1` to replace a stored campaign over another period), within
 * the body limit, and answers 202 with the job's status; `GET /api/uploads/:id`
 * polls it until `done`, `rejected` or `failed`. `GET /api/kit-template.xlsx` is the blank kit
 * workbook (column help, drop-down lists) a manager fills in and uploads. Accounts mode (issue
 * 15): national and admin users import whole kits, a site user its own FINESS into an existing
 * campaign, a region user nothing (403); each user polls its own uploads (an admin every one).
 */
import type { Hono } from 'hono';
import { DEFAULT_LANG, LANGS } from '../../i18n/index.ts';
import { kitTemplateXlsx } from '../../ingest/sources/xlsx/index.ts';
import { bodyLimit } from '../body-limit.ts';
import { badRequest, errorBody, notFound } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { scopeOf } from '../server-context.ts';
import { auditEvent, requireScope, scopeKind } from '../auth/guards.ts';
import { filesOfForm } from '../uploads/upload-files.ts';

const MIB = 1024 * 1024;

/** Registers the upload routes on `app`. */
export function uploadRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  // A chunked body is counted in a temporary file: one refused past the limit never fills memory.
  const limit = bodyLimit({
    maxSize: ctx.limits.bodyBytes,
    spool: true,
    onError: (c) =>
      c.json(
        errorBody(
          'payload-too-large',
          `an upload may not exceed ${Math.round(ctx.limits.bodyBytes / MIB)} MiB`,
        ),
        413,
      ),
  });

  app.post('/api/uploads', limit, async (c) => {
    // replace=1: a kit over another period than its stored campaign replaces it (else refused).
    const replace = readQuery(c, ['replace']).oneOf('replace', ['0', '1']) === '1';
    // National and admin users import a whole kit, a site user its own FINESS into an existing
    // campaign (the upload job's site import); a region user never imports.
    const scope = await requireScope(ctx, c, ['site', 'national', 'admin'], 'import', 'upload');
    const type = c.req.header('content-type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) {
      throw badRequest(
        "POST /api/uploads takes multipart/form-data: the kit's files (or one .zip, or one .xlsx workbook) as 'files' fields",
      );
    }
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw badRequest('the multipart/form-data body could not be read');
    }
    const { kind, files, origin } = await filesOfForm(form, ctx.limits);
    // The job audits its import (success or failure) when it ends, naming who sent it.
    const status =
      scope.kind === 'local'
        ? ctx.jobs.submit(files, origin, kind, { replace })
        : ctx.jobs.submit(files, origin, kind, {
            replace,
            scope,
            email: c.get('user')?.email ?? null,
          });
    c.header('Location', `/api/uploads/${status.id}`);
    return c.json(status, 202);
  });

  app.get('/api/kit-template.xlsx', (c) => {
    const lang = readQuery(c, ['lang']).oneOf('lang', LANGS) ?? DEFAULT_LANG;
    const bytes = kitTemplateXlsx({ lang });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="plateau-kit-template-${lang}.xlsx"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'public, max-age=3600',
    });
  });

  app.get('/api/uploads/:id', async (c) => {
    readQuery(c, []);
    const id = c.req.param('id');
    const scope = scopeOf(c);
    // A user reads its own uploads (an admin every one): another's is answered as an unknown one,
    // the refusal audited.
    const status = ctx.jobs.get(id, scope);
    if (!status) {
      if (ctx.jobs.ownerOf(id)) {
        await auditEvent(ctx, c, {
          action: 'access',
          target: `upload:${id}`,
          outcome: 'denied',
          detail: { scope: scopeKind(scope) },
        });
      }
      throw notFound(`no upload '${id}' (uploads are kept in memory, the last 50 only)`);
    }
    return c.json(status);
  });
}
