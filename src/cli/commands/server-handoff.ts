/**
 * When `plateau serve` holds the embedded store, `plateau import` cannot open it (one process per
 * data folder): it hands the kit, already read and checked here, to that server through its
 * upload API (`POST /api/uploads`, then `GET /api/uploads/:id` until the job ends), and reports
 * the outcome as a local import would: issues, a summary, exit code 0 or 1. A register alone is
 * handed the same way to `POST /api/campaigns/:id/register` (import-register.ts).
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Issue } from '../../core/issues.ts';
import type { Kit } from '../../core/kit-types.ts';
import type { UploadStatus } from '../../core/views/types.ts';
import { CAMPAIGN_FILE, COSTS_FILE_NAME, KIT_READ_FILES } from '../../ingest/kit/kit-files.ts';
import { writeKitDir } from '../../ingest/kit/write-kit.ts';
import type { StoreHolder } from '../../storage/index.ts';
import { describeHolder, resolveDataDir, storeHolder } from '../../storage/index.ts';
import type { OptionValues } from '../command.ts';
import { stringOption } from '../command.ts';
import { printIssues, Progress, UserError } from '../output.ts';
import { changeLines, importOutcome } from './import-summary.ts';
import { databaseUrlOf } from './store-access.ts';

/** What `plateau import` read: the kit, its issues (printed already), and where it came from. */
export interface ImportJob {
  kit: Kit;
  issues: readonly Issue[];
  /** The kit folder or `.xlsx` workbook given, or null for a kit converted from source files. */
  path: string | null;
  /** `--replace`: the campaign's period may change. */
  replace?: boolean;
}

/** How often the job is polled. */
const POLL_MS = 200;

/** A server that holds the store and says where it answers. */
export type ServingHolder = StoreHolder & { url: string };

/**
 * The `plateau serve` holding the data folder the options name, or null (a PostgreSQL store, a
 * free folder, or a holder that is not a server).
 */
export async function servingHolder(values: OptionValues): Promise<ServingHolder | null> {
  if (databaseUrlOf(values) !== undefined) return null;
  const dataDir = resolveDataDir(stringOption(values, 'data'));
  if (dataDir.startsWith('memory://')) return null;
  const holder = await storeHolder(dataDir);
  if (holder?.url === undefined || !holder.command.startsWith('plateau serve')) return null;
  return holder as ServingHolder;
}

/** The kit's files as multipart `files` fields named `FOLDER/file`, the way the web app sends a folder. */
async function kitForm(job: ImportJob): Promise<FormData> {
  const form = new FormData();
  const add = (name: string, bytes: Uint8Array): void =>
    form.append('files', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  if (job.path !== null && (await stat(job.path)).isFile()) {
    add(basename(job.path), await readFile(job.path)); // one .xlsx workbook
    return form;
  }
  // A converted kit is written out first, as `plateau convert --to-kit` would.
  const dir = job.path ?? (await mkdtemp(join(tmpdir(), 'plateau-handoff-')));
  try {
    if (job.path === null) await writeKitDir(dir, job.kit);
    const known = new Set([CAMPAIGN_FILE, COSTS_FILE_NAME, ...KIT_READ_FILES.map((f) => f.name)]);
    const folder = job.path === null ? job.kit.campaign.id : basename(dir);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isFile() || !known.has(entry.name.toLowerCase())) continue;
      add(`${folder}/${entry.name}`, await readFile(join(dir, entry.name)));
    }
  } finally {
    if (job.path === null) await rm(dir, { recursive: true, force: true });
  }
  return form;
}

/** The JSON body of a response, or null when it has none. */
export async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** The message of an API error body (`{ error: { code, message } }`). */
export function apiMessage(body: unknown): string {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : 'no reason given';
}

/** What tells two printings of one issue apart: severity, code and place. */
export const issueKey = (i: Issue): string =>
  [i.severity, i.code, basename(i.file), i.line ?? '', i.column ?? ''].join('|');

/** Polls upload `id` until it is done, rejected or failed. */
async function outcome(server: ServingHolder, first: UploadStatus): Promise<UploadStatus> {
  const progress = new Progress(
    `importing ${first.files.length} files through ${describeHolder(server)}`,
  );
  let status = first;
  try {
    while (status.state === 'validating' || status.state === 'importing') {
      await sleep(POLL_MS);
      let response: Response;
      try {
        response = await fetch(new URL(`api/uploads/${encodeURIComponent(status.id)}`, server.url));
      } catch {
        throw new UserError(
          `the server at ${server.url} stopped answering while it imported the kit: it may not be stored. Run 'plateau import' again (importing the same kit twice changes nothing)`,
        );
      }
      if (!response.ok)
        throw new UserError(
          `the server at ${server.url} lost track of the import (${response.status}: ${apiMessage(await jsonOf(response))})`,
        );
      status = (await response.json()) as UploadStatus;
      progress.update(
        Math.round((status.progress.fraction ?? 0) * 100),
        status.progress.fraction === null ? null : 100,
        status.progress.stage,
      );
    }
  } finally {
    progress.done();
  }
  return status;
}

/**
 * Imports `job` through the `plateau serve` that holds the store, when one does: returns the exit
 * code (0 once the server stored it), or null when there is no such server (or it stopped before
 * taking the kit), to import locally. Issues the local reading printed are not printed twice.
 *
 * @example
 * const code = await handOffImport(values, { kit, issues, path: './kits/lens-2026' });
 * if (code !== null) return code;
 */
export async function handOffImport(values: OptionValues, job: ImportJob): Promise<number | null> {
  const server = await servingHolder(values);
  if (server === null) return null;
  process.stderr.write(`the store is held by ${describeHolder(server)}: handing the kit to it\n`);
  const form = await kitForm(job);
  let response: Response;
  try {
    response = await fetch(new URL(`api/uploads${job.replace ? '?replace=1' : ''}`, server.url), {
      method: 'POST',
      body: form,
    });
  } catch {
    // The server stopped before it took the kit: the store is free again (or held by another).
    return null;
  }
  const body = await jsonOf(response);
  if (response.status !== 202) {
    throw new UserError(
      `${describeHolder(server)} refused the kit (${response.status}: ${apiMessage(body)}); nothing was stored`,
    );
  }
  const status = await outcome(server, body as UploadStatus);
  const printed = new Set(job.issues.map(issueKey));
  printIssues(status.issues.filter((i) => !printed.has(issueKey(i))));
  if (status.state !== 'done') {
    throw new UserError(
      `${status.error?.message ?? `the import ${status.state}`} (imported through ${server.url})`,
    );
  }
  process.stdout.write(`${describeUpload(status, job, server)}\n`);
  return 0;
}

/** What a done upload changed, in the words of a local import, and which server stored it. */
function describeUpload(status: UploadStatus, job: ImportJob, server: ServingHolder): string {
  const s = status.summary;
  const id = status.campaignId ?? job.kit.campaign.id;
  const by = `(through ${describeHolder(server)})`;
  if (!s) return `Campaign ${id}: stored ${by}`;
  const changed =
    s.campaign === 'updated' ||
    Object.values(s.changes).some((c) => c.inserted + c.updated + c.removed > 0);
  return [
    `Campaign ${id}: ${importOutcome(s.campaign, changed)} ${by}`,
    ...changeLines(s.changes),
  ].join('\n');
}
