/**
 * `POST /api/fhir`: a FHIR R4 Bundle read with the FHIR adapter and the site mapping the server
 * was started with, answered as an OperationOutcome (records found, every located issue). With
 * an inbox folder, a Bundle without errors is also kept there, de-identified (fhir/deidentify.ts)
 * and written atomically, for `plateau convert`/`import` to read with the rest of the campaign;
 * importing into the store stays an explicit action.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Issue } from '../../core/issues.ts';
import { issuePlace } from '../../core/issues.ts';
import { deidentifyFhirBundle } from '../../ingest/sources/fhir/deidentify.ts';
import { fhirAdapter } from '../../ingest/sources/fhir/index.ts';
import type { SiteMapping, SourceRecords } from '../../ingest/sources/types.ts';
import { badRequest, errorBody } from '../errors.ts';
import { readQuery } from '../params.ts';

const MIB = 1024 * 1024;

/** What the FHIR endpoint needs: the site's mapping and keyed-hash secret; a body limit. */
export interface FhirEndpointOptions {
  mapping: SiteMapping;
  secret: string;
  /** Largest Bundle accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Where Bundles without errors are kept, de-identified (none: they are only read). */
  inbox?: string;
}

/** The answer: an OperationOutcome, with plateau's own summary beside the FHIR issues. */
export interface FhirReadSummary extends OperationOutcome {
  plateau: {
    imported: false;
    /** The inbox file the de-identified Bundle was kept in, or null. */
    stored: string | null;
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
export function fhirReadSummary(records: SourceRecords, issues: Issue[], stored: string | null = null): FhirReadSummary {
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
        diagnostics: `read ${plural(counts.exams, 'exam')}, ${plural(counts.sessions, 'session')}, ${plural(counts.equipment, 'machine')}; ${stored ? `kept de-identified in the inbox as ${stored}, for plateau import` : 'nothing was imported'}`,
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
    plateau: { imported: false, stored, records: counts, removed: records.removed, issues },
  };
}

/**
 * Writes `bundle` into `inbox` as a new file, durably (written and flushed under a temporary
 * name, then renamed, the folder flushed): a reader never sees half a Bundle. Returns its name.
 */
async function keepInInbox(inbox: string, bundle: unknown, at: Date): Promise<string> {
  await mkdir(inbox, { recursive: true, mode: 0o700 });
  const name = `${at.toISOString().replaceAll(':', '-')}-${randomUUID().slice(0, 8)}.json`;
  const temporary = join(inbox, `.${name}.part`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(JSON.stringify(bundle));
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

/** Registers `POST /api/fhir` on `app`; without `options` it answers 503 `fhir-not-configured`. */
export function fhirRoutes(app: Hono, options: FhirEndpointOptions | undefined): void {
  const maxBytes = options?.maxBytes ?? 64 * MIB;
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
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw badRequest('the body is not JSON in UTF-8: send one FHIR R4 Bundle');
    }
    const resourceType =
      typeof body === 'object' && body !== null
        ? (body as { resourceType?: unknown }).resourceType
        : undefined;
    if (resourceType !== 'Bundle')
      throw badRequest(
        `the body is not a FHIR Bundle (resourceType is ${JSON.stringify(resourceType ?? null)})`,
      );
    const { records, issues } = await fhirAdapter.read([{ name: 'request', bytes }], {
      mapping: options.mapping,
      secret: options.secret,
    });
    let stored: string | null = null;
    if (options.inbox !== undefined && !issues.some((i) => i.severity === 'error')) {
      const { bundle } = deidentifyFhirBundle(body as Record<string, unknown>, options.secret);
      stored = await keepInInbox(options.inbox, bundle, new Date());
    }
    return c.json(fhirReadSummary(records, issues, stored), stored ? 201 : 200);
  });
}
