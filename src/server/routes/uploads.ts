/**
 * The upload routes: `POST /api/uploads` takes a kit as a multipart form (its files, one zip,
 * or one .xlsx workbook; `?replace=1` to replace a stored campaign over another period), within
 * the body limit, and answers 202 with the job's status; `GET /api/uploads/:id`
 * polls it until `done`, `rejected` or `failed`. `GET /api/kit-template.xlsx` is the blank kit
 * workbook (column help, drop-down lists) a manager fills in and uploads.
 */
import type { Hono } from 'hono';
import { DEFAULT_LANG, LANGS } from '../../i18n/index.ts';
import { kitTemplateXlsx } from '../../ingest/sources/xlsx/index.ts';
import { bodyLimit } from '../body-limit.ts';
import { badRequest, errorBody, notFound } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { scopeOf } from '../server-context.ts';
import { auditAs, auditEvent, requireScope, scopeKind } from '../auth/guards.ts';
import { filesOfForm } from '../uploads/upload-files.ts';

const MIB = 1024 * 1024;

/** Audits the end of upload `id`: `import` success with its counts, or failure with its error. */
async function auditImport(
  ctx: ServerContext,
  user: { id: number; email: string } | null,
  id: string,
  kind: string,
  origin: string,
): Promise<void> {
  const status = ctx.jobs.get(id);
  if (!status) return;
  const done = status.state === 'done';
  await auditAs(ctx, user, {
    action: 'import',
    target: status.campaignId,
    outcome: done ? 'success' : 'failure',
    detail: {
      upload: id,
      kind,
      origin,
      state: status.state,
      ...(status.summary ? { exams: status.summary.exams, machines: status.summary.machines, establishments: status.summary.establishments } : {}),
      ...(status.error ? { error: status.error.code } : {}),
    },
  });
}

/** Registers the upload routes on `app`. */
export function uploadRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  // A chunked body is counted in a temporary file: one refused past the limit never fills memory.
  const limit = bodyLimit({
    maxSize: ctx.limits.bodyBytes,
    spool: true,
    onError: (c) =>
      c.json(errorBody('payload-too-large', `an upload may not exceed ${Math.round(ctx.limits.bodyBytes / MIB)} MiB`), 413),
  });

  // Who submitted each job still polled (accounts mode): a job is its owner's, an admin's too.
  const owners = new Map<string, number | null>();

  app.post('/api/uploads', limit, async (c) => {
    // replace=1: a kit over another period than its stored campaign replaces it (else refused).
    const replace = readQuery(c, ['replace']).oneOf('replace', ['0', '1']) === '1';
    // A kit holds every site's rows: national and admin users. A site user's own import into an
    // existing campaign is not wired yet (issue 15), so it is refused too; a region user never imports.
    await requireScope(ctx, c, ['national', 'admin'], 'import', 'upload');
    const type = c.req.header('content-type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) {
      throw badRequest("POST /api/uploads takes multipart/form-data: the kit's files (or one .zip, or one .xlsx workbook) as 'files' fields");
    }
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw badRequest('the multipart/form-data body could not be read');
    }
    const { kind, files, origin } = await filesOfForm(form, ctx.limits);
    const status = ctx.jobs.submit(files, origin, kind, { replace });
    if (ctx.mode !== 'local') {
      for (const id of owners.keys()) if (!ctx.jobs.get(id)) owners.delete(id);
      const user = c.get('user');
      owners.set(status.id, user?.id ?? null);
      // The import is audited when its job ends (after this answer), naming who sent it.
      void ctx.jobs
        .idle()
        .then(() => auditImport(ctx, user, status.id, kind, origin))
        .catch(() => undefined);
    }
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
    const status = ctx.jobs.get(id);
    const unknown = `no upload '${id}' (uploads are kept in memory, the last 50 only)`;
    if (!status) throw notFound(unknown);
    // Another user's upload is answered as an unknown one (the refusal audited); an admin sees all.
    const scope = scopeOf(c);
    if (scope.kind !== 'local' && !(scopeKind(scope) === 'admin' || owners.get(id) === scope.userId)) {
      await auditEvent(ctx, c, { action: 'access', target: `upload:${id}`, outcome: 'denied', detail: { scope: scopeKind(scope) } });
      throw notFound(unknown);
    }
    return c.json(status);
  });
}
