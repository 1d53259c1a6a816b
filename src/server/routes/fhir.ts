/**
 * `POST /api/fhir`: a FHIR R4 Bundle read with the FHIR adapter and the site mapping the server
 * was started with, answered as an OperationOutcome (records found, every located issue). With
 * an inbox folder, a Bundle without errors that gives an exam or a session is also kept there,
 * de-identified (fhir/deidentify.ts) and written atomically, for `plateau convert`/`import` to
 * read with the rest of the campaign, within a quota of bytes and files (507 when full);
 * importing into the store stays an explicit action. Bodies are bounded in size (413, counted as
 * they arrive) and in nesting (400) before they are parsed.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { Hono } from 'hono';
import type { Issue } from '../../core/issues.ts';
import { issuePlace } from '../../core/issues.ts';
import { quoteCode } from '../../ingest/kit/identifying.ts';
import { deidentifyFhirBundle } from '../../ingest/sources/fhir/deidentify.ts';
import { fhirAdapter } from '../../ingest/sources/fhir/index.ts';
import { MAX_JSON_DEPTH, tooDeep } from '../../ingest/sources/fhir/json-text.ts';
import type { SiteMapping, SourceRecords } from '../../ingest/sources/types.ts';
import { bodyLimit } from '../body-limit.ts';
import { badRequest, errorBody } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { requireScope } from '../auth/guards.ts';

const MIB = 1024 * 1024;

/** What the FHIR endpoint needs: the site's mapping and keyed-hash secret; a body limit. */
export interface FhirEndpointOptions {
  mapping: SiteMapping;
  secret: string;
  /** Largest Bundle accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Where Bundles without errors are kept, de-identified (none: they are only read). */
  inbox?: string;
  /** How much the inbox may hold (defaults: `DEFAULT_INBOX_QUOTA`); a Bundle past it is answered 507. */
  inboxQuota?: Partial<InboxQuota>;
}

/** The most the FHIR inbox holds: bytes of its Bundle files, and files. */
export interface InboxQuota {
  bytes: number;
  files: number;
}

/** 1 GiB and 100,000 Bundles: a campaign's de-identified exams many times over. */
export const DEFAULT_INBOX_QUOTA: InboxQuota = { bytes: 1024 * MIB, files: 100_000 };

/** The answer: an OperationOutcome, with plateau's own summary beside the FHIR issues. */
export interface FhirReadSummary extends OperationOutcome {
  plateau: {
    imported: false;
    /** The inbox file the de-identified Bundle was kept in, or null. */
    stored: string | null;
    /** Why a Bundle read without errors was not kept in the inbox, or null. */
    notKept: string | null;
    records: { exams: number; sessions: number; equipment: number };
    removed: Record<string, number>;
    issues: Issue[];
  };
}

const SEVERITY: Record<Issue['severity'], OperationOutcomeIssue['severity']> = {
  error: 'error',
  warning: 'warning',
  info: 'information',
};

/**
 * The OperationOutcome of a read: a first informational issue with the counts, then one issue per
 * plateau issue (its place in `location`, its FHIR element in `expression`).
 *
 * @example
 * fhirReadSummary(records, issues).issue[0].diagnostics // → 'read 1 exam, 2 sessions, 1 machine; nothing was imported'
 */
export function fhirReadSummary(
  records: SourceRecords,
  issues: Issue[],
  stored: string | null = null,
  notKept: string | null = null,
): FhirReadSummary {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = {
    exams: records.exams.length,
    sessions: records.sessions.length,
    equipment: records.equipment.length,
  };
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'information',
        code: 'informational',
        diagnostics: `read ${plural(counts.exams, 'exam')}, ${plural(counts.sessions, 'session')}, ${plural(counts.equipment, 'machine')}; ${stored ? `kept de-identified in the inbox as ${stored}, for plateau import` : notKept ? `nothing was imported, and it was not kept in the inbox: ${notKept}` : 'nothing was imported'}`,
      },
      ...issues.map((i): OperationOutcomeIssue => ({
        severity: SEVERITY[i.severity],
        code:
          i.severity === 'error'
            ? 'invalid'
            : i.severity === 'warning'
              ? 'incomplete'
              : 'informational',
        details: { coding: [{ system: 'urn:plateau:issue', code: i.code }] },
        diagnostics: i.hint ? `${i.message} (${i.hint})` : i.message,
        location: [issuePlace(i)],
        ...(i.column ? { expression: [i.column] } : {}),
      })),
    ],
    plateau: {
      imported: false,
      stored,
      notKept,
      records: counts,
      removed: records.removed,
      issues,
    },
  };
}

/**
 * Writes `bundle` into `inbox` as a new file, durably (written and flushed under a temporary
 * name, then renamed, the folder flushed): a reader never sees half a Bundle. Returns its name.
 */
async function keepInInbox(inbox: string, content: string, at: Date): Promise<string> {
  await mkdir(inbox, { recursive: true, mode: 0o700 });
  const name = `${at.toISOString().replaceAll(':', '-')}-${randomUUID().slice(0, 8)}.json`;
  const temporary = join(inbox, `.${name}.part`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, join(inbox, name));
  const folder = await open(inbox, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return name;
}

/**
 * The inbox and what it holds: counted once from its folder, then kept up to date as Bundles
 * are written, and counted again when it looks full (files may have been imported and moved away
 * since). Bundles are kept one at a time, so two requests cannot both take the last room.
 */
class Inbox {
  #usage: { bytes: number; files: number } | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly folder: string,
    readonly quota: InboxQuota,
  ) {}

  async #count(): Promise<{ bytes: number; files: number }> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { bytes: 0, files: 0 };
      throw error;
    }
    const usage = { bytes: 0, files: 0 };
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const size = await stat(join(this.folder, name)).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      );
      if (size === null) continue;
      usage.bytes += size;
      usage.files += 1;
    }
    return usage;
  }

  /** Why `bytes` more do not fit, or null. */
  #full(usage: { bytes: number; files: number }, bytes: number): string | null {
    if (usage.files + 1 > this.quota.files)
      return `the inbox holds its ${this.quota.files} Bundles already`;
    if (usage.bytes + bytes > this.quota.bytes) {
      return `the inbox would pass its ${Math.max(1, Math.round(this.quota.bytes / MIB))} MiB`;
    }
    return null;
  }

  /** Keeps `content` as a new file when it fits: its name, or why it does not fit. */
  keep(content: string, at: Date): Promise<{ stored: string } | { full: string }> {
    const run = async (): Promise<{ stored: string } | { full: string }> => {
      const bytes = Buffer.byteLength(content);
      let usage = (this.#usage ??= await this.#count());
      if (this.#full(usage, bytes)) usage = this.#usage = await this.#count();
      const full = this.#full(usage, bytes);
      if (full) return { full };
      const stored = await keepInInbox(this.folder, content, at);
      usage.bytes += bytes;
      usage.files += 1;
      return { stored };
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** The OperationOutcome of a refused request (inbox full). */
function refusal(code: OperationOutcomeIssue['code'], diagnostics: string): string {
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics }],
  };
  return JSON.stringify(outcome);
}

/**
 * Registers `POST /api/fhir` on `app`; without `options` it answers 503 `fhir-not-configured`.
 * National and admin users only (a refusal is audited through `ctx`).
 */
export function fhirRoutes(
  app: Hono<AppEnv>,
  options: FhirEndpointOptions | undefined,
  ctx: ServerContext,
): void {
  const maxBytes = options?.maxBytes ?? 64 * MIB;
  const inbox =
    options?.inbox === undefined
      ? null
      : new Inbox(options.inbox, { ...DEFAULT_INBOX_QUOTA, ...options.inboxQuota });
  // Bundles hold patients' identities: a chunked one is counted in memory, never spooled to disk.
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        errorBody(
          'payload-too-large',
          `a Bundle may not exceed ${Math.max(1, Math.round(maxBytes / MIB))} MiB`,
        ),
        413,
      ),
  });

  app.post('/api/fhir', limit, async (c) => {
    readQuery(c, []);
    // A Bundle may name any site's machines: national and admin users only.
    await requireScope(ctx, c, ['national', 'admin'], 'import', 'fhir');
    if (!options) {
      return c.json(
        errorBody(
          'fhir-not-configured',
          'this server reads no FHIR: it was started without a site mapping and secret',
        ),
        503,
      );
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(fhir\+)?json\s*(;|$)/i.test(type)) {
      return c.json(
        errorBody(
          'unsupported-media-type',
          `POST /api/fhir takes application/fhir+json (or application/json), not '${type}'`,
        ),
        415,
      );
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw badRequest('the body is not JSON in UTF-8: send one FHIR R4 Bundle');
    }
    if (tooDeep(text) !== null) {
      throw badRequest(
        `the body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep, which no FHIR resource does: send one FHIR R4 Bundle`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest('the body is not JSON in UTF-8: send one FHIR R4 Bundle');
    }
    const resourceType =
      typeof body === 'object' && body !== null
        ? (body as { resourceType?: unknown }).resourceType
        : undefined;
    if (resourceType !== 'Bundle')
      throw badRequest(
        `the body is not a FHIR Bundle (resourceType is ${typeof resourceType === 'string' ? quoteCode(resourceType, 32) : 'missing or not a text'})`,
      );
    const { records, issues } = await fhirAdapter.read([{ name: 'request', bytes }], {
      mapping: options.mapping,
      secret: options.secret,
    });
    let stored: string | null = null;
    let notKept: string | null = null;
    if (inbox && !issues.some((i) => i.severity === 'error')) {
      if (records.exams.length === 0 && records.sessions.length === 0) {
        // A Bundle of patients (or of anything else plateau does not count) would only fill the inbox.
        notKept =
          'it gives no exam and no session, and the inbox keeps only Bundles plateau import counts something from (send patients in the Bundle of their exams)';
      } else {
        const { bundle } = deidentifyFhirBundle(body as Record<string, unknown>, options.secret);
        const kept = await inbox.keep(JSON.stringify(bundle), new Date());
        if ('full' in kept) {
          return c.body(
            refusal(
              'too-costly',
              `this Bundle was read but not kept: ${kept.full} (quota: ${inbox.quota.files} Bundles, ${Math.max(1, Math.round(inbox.quota.bytes / MIB))} MiB). ` +
                'Import the inbox (plateau import) and move its files away, or start the server with a larger --fhir-inbox-max-mib or --fhir-inbox-max-files.',
            ),
            507,
            { 'Content-Type': 'application/fhir+json; charset=UTF-8' },
          );
        }
        stored = kept.stored;
      }
    }
    return c.json(fhirReadSummary(records, issues, stored, notKept), stored ? 201 : 200);
  });
}
