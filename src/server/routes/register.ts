/**
 * `POST /api/campaigns/:id/register`: a campaign's whole fleet on its own, one file per request
 * (an equipment-register.csv, known by its header, or a FINESS extraction whose establishments
 * and equipment sections are concatenated, known by its first line), read against the stored
 * campaign's machines and stored in one transaction in place of its register. Answered at once
 * (a register is small): 200 with what changed and the issues, or 422 with the located issues
 * and nothing stored. When the register changed, the loaded campaign is dropped from the cache,
 * so territory documents (and printed reports) are built again from the new one.
 */
import type { Hono } from 'hono';
import type { Issue } from '../../core/issues.ts';
import { issueTotals } from '../../core/issues.ts';
import type { RegisterMachine } from '../../core/kit-types.ts';
import { isRegisterHeader, readRegisterFile } from '../../ingest/kit/register-file.ts';
import {
  isFinessExtraction,
  readFinessExtraction,
} from '../../ingest/sources/finess/read-finess.ts';
import { readCampaign } from '../../storage/campaign-repository.ts';
import type { RegisterChanges, RegisterImport } from '../../storage/index.ts';
import { importRegister, loadEquipment, StoreError } from '../../storage/index.ts';
import { bodyLimit } from '../body-limit.ts';
import { badRequest, errorBody, notFound } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { requestStore } from '../server-context.ts';
import { auditEvent, requireScope } from '../auth/guards.ts';

const MIB = 1024 * 1024;

/** What a register file is: plateau's equipment-register.csv or a FINESS extraction. */
export type RegisterFileKind = 'register' | 'finess';

/** The answer of a stored register (200). */
export interface RegisterUploadResult {
  campaignId: string;
  /** The file name its issues are located in (`name=`, else a default per kind). */
  file: string;
  kind: RegisterFileKind;
  /** Rows new to the store, gone, and found again (the register is replaced whole). */
  changes: RegisterChanges;
  /** True when the stored register changed (rows or their order). */
  changed: boolean;
  /** Warnings and notes of the reading (no error: a file with one is answered 422). */
  issues: Issue[];
}

/** The answer of a refused register (422): why, and every located issue. */
export interface RegisterRefusal {
  error: { code: 'invalid-register'; message: string };
  issues: Issue[];
}

/** How much of the body is read to recognise it. */
const HEAD_BYTES = 4096;

/** True for a file name given for issue locations: a plain name, no folder, no control character. */
function isFileName(name: string): boolean {
  if (name.length > 255 || name === '.' || name === '..') return false;
  return [...name].every(
    (ch) => ch !== '/' && ch !== '\\' && ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f,
  );
}

const DEFAULT_NAME: Record<RegisterFileKind, string> = {
  register: 'equipment-register.csv',
  finess: 'finess.csv',
};

/** `register` or `finess` from the start of `bytes`, or null when it is neither. */
function kindOf(bytes: Uint8Array): RegisterFileKind | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES));
  if (isRegisterHeader(head)) return 'register';
  return isFinessExtraction(head) ? 'finess' : null;
}

/** Registers the register route on `app`. */
export function registerRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const limit = bodyLimit({
    maxSize: ctx.limits.bodyBytes,
    spool: true,
    onError: (c) =>
      c.json(
        errorBody(
          'payload-too-large',
          `a register may not exceed ${Math.round(ctx.limits.bodyBytes / MIB)} MiB`,
        ),
        413,
      ),
  });

  app.post('/api/campaigns/:id/register', limit, async (c) => {
    // The register is every site's fleet: national and admin users only.
    await requireScope(ctx, c, ['national', 'admin'], 'import', `register:${c.req.param('id')}`);
    const given = readQuery(c, ['name']).text('name');
    if (given !== undefined && !isFileName(given)) {
      throw badRequest(
        `name must be a file name (no folder, at most 255 characters), the one issues are located in (got '${given.slice(0, 80)}')`,
      );
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/csv\s*(;|$)/i.test(type)) {
      return c.json(
        errorBody(
          'unsupported-media-type',
          `POST /api/campaigns/{id}/register takes text/csv (the file's bytes), not '${type.slice(0, 80)}'`,
        ),
        415,
      );
    }
    const id = c.req.param('id');
    const store = requestStore(ctx, c);
    const campaign = await readCampaign(store.db, id);
    if (!campaign)
      throw notFound(
        `no campaign '${id}' in the store (GET /api/campaigns lists them): import its kit first, then its register`,
      );
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const kind = kindOf(bytes);
    if (kind === null) {
      throw badRequest(
        'the body is neither an equipment-register.csv (a first line naming finess, department, modality and sector) nor a FINESS extraction (a first line finess;etalab;… or a structureet or equipmateriellourd line)',
      );
    }
    const file = given ?? DEFAULT_NAME[kind];
    const read: { rows: RegisterMachine[] | null; issues: Issue[] } =
      kind === 'register'
        ? readRegisterFile(file, bytes, { campaign, equipment: await loadEquipment(store, id) })
        : readFinessExtraction(bytes, file);
    const refuse = async (message: string, issues: Issue[]): Promise<Response> => {
      await auditEvent(ctx, c, {
        action: 'import',
        target: id,
        outcome: 'failure',
        detail: { kind: 'register', file, errors: issueTotals(issues).error },
      });
      return c.json(
        { error: { code: 'invalid-register', message }, issues } satisfies RegisterRefusal,
        422,
      );
    };
    if (read.rows === null || issueTotals(read.issues).error > 0) {
      return refuse(
        `${file}: the equipment register has errors (listed in issues); nothing was stored`,
        read.issues,
      );
    }
    let stored: RegisterImport;
    try {
      stored = await importRegister(store, id, read.rows);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      if (error.code === 'unknown-campaign')
        throw notFound(`no campaign '${id}' in the store (GET /api/campaigns lists them)`);
      if (error.code === 'invalid-kit') return refuse(error.message, read.issues);
      throw error;
    }
    // The loaded campaign's territory documents and reports were built from the old register.
    if (stored.changed) ctx.cache.invalidate(id);
    await auditEvent(ctx, c, {
      action: 'import',
      target: id,
      outcome: 'success',
      detail: { kind: 'register', file, ...stored.changes, changed: stored.changed },
    });
    const answer: RegisterUploadResult = {
      campaignId: id,
      file,
      kind,
      changes: stored.changes,
      changed: stored.changed,
      issues: read.issues,
    };
    return c.json(answer, 200);
  });
}
