/**
 * Uploads as jobs: each is answered at once (202) and then, one at a time, read with the pure
 * kit reader (every located issue kept), refused when any issue is an error (nothing stored),
 * else imported (the stored campaign becomes exactly the kit; another period only with
 * `replace`) with its progress reported, and its campaign's cached views dropped. The last
 * jobs are kept in memory for polling; an upload's bytes are let go once it is processed.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Issue } from '../../core/issues.ts';
import { issueTotals } from '../../core/issues.ts';
import type { Kit } from '../../core/kit-types.ts';
import type { UploadStatus } from '../../core/views/types.ts';
import { parseKit } from '../../ingest/kit/read-kit.ts';
import { readKitWorkbook } from '../../ingest/sources/xlsx/index.ts';
import type { ImportProgress, ImportSummary, Store } from '../../storage/index.ts';
import { importKit, KIT_TABLES, StoreError } from '../../storage/index.ts';

export interface UploadJobsOptions {
  /** Called with the campaign id once an import is stored. */
  onImported?: (campaignId: string) => void;
  /** Called with an unexpected failure of an import. */
  onFailure?: (error: unknown) => void;
  /** How many jobs are kept for polling (default 50). */
  keep?: number;
}

interface Job {
  status: UploadStatus;
  files: Map<string, Uint8Array> | null;
  origin: string;
  kind: 'kit' | 'workbook';
  replace: boolean;
}

/** What an upload asks of its import. */
export interface SubmitOptions {
  /** Replace the stored campaign of the kit's id when its period differs (else refused). */
  replace?: boolean;
}

const TERMINAL = new Set<UploadStatus['state']>(['done', 'rejected', 'failed']);

/** Plain words for an import's progress. */
function stageOf(p: ImportProgress): UploadStatus['progress'] {
  const stage = p.phase === 'write' && p.table ? `writing ${p.table}` : { write: 'writing', load: 'loading', compute: 'computing indicators', save: 'saving results' }[p.phase];
  return { stage, fraction: p.total > 0 ? Math.min(1, p.done / p.total) : null };
}

/** Errors in all, the ones the reader's cap only counted included (4,312, not 1,001). */
/** The summary an upload's status gives of its import. */
function summaryOf(s: ImportSummary): NonNullable<UploadStatus['summary']> {
  const count = (c: { inserted: number; updated: number; unchanged: number }): number => c.inserted + c.updated + c.unchanged;
  const changes = Object.fromEntries(
    KIT_TABLES.map((t) => [t, { inserted: s[t].inserted, updated: s[t].updated, removed: s[t].removed, unchanged: s[t].unchanged }]),
  ) as NonNullable<UploadStatus['summary']>['changes'];
  return { exams: count(s.exams), machines: count(s.equipment), establishments: count(s.establishments), campaign: s.campaign, changes };
}

function errorCount(issues: readonly Issue[]): number {
  return issueTotals(issues).error;
}

/** Reads the one workbook of an upload as a kit (issues located at `book.xlsx#sheet:row:column`). */
function readWorkbookUpload(files: Map<string, Uint8Array>): { kit: Kit | null; issues: Issue[] } {
  const [entry] = files;
  return entry ? readKitWorkbook(entry[0], entry[1]) : { kit: null, issues: [] };
}

/** The upload jobs of one server over one store. */
export class UploadJobs {
  readonly #store: Store;
  readonly #options: UploadJobsOptions;
  readonly #jobs = new Map<string, Job>();
  #queue: Promise<void> = Promise.resolve();

  constructor(store: Store, options: UploadJobsOptions = {}) {
    this.#store = store;
    this.#options = options;
  }

  /**
   * Queues the files of an upload — a kit's files by path, or (`kind` `workbook`) one .xlsx
   * workbook holding the kit — and returns its first status (`validating`, queued). With
   * `replace`, a kit over another period than its stored campaign replaces it.
   *
   * @example
   * const status = jobs.submit(new Map([['campaign.json', bytes], …]), 'kit.zip');
   * jobs.submit(new Map([['campagne.xlsx', bytes]]), 'campagne.xlsx', 'workbook');
   */
  submit(files: Map<string, Uint8Array>, origin: string, kind: 'kit' | 'workbook' = 'kit', options: SubmitOptions = {}): UploadStatus {
    const id = randomUUID();
    const status: UploadStatus = {
      id,
      state: 'validating',
      progress: { stage: 'queued', fraction: null },
      files: [...files.keys()].sort(),
      issues: [],
      campaignId: null,
      summary: null,
      error: null,
    };
    const job: Job = { status, files, origin, kind, replace: options.replace === true };
    this.#jobs.set(id, job);
    this.#forgetOld();
    this.#queue = this.#queue.then(() => this.#run(job));
    return { ...status };
  }

  /** The status of upload `id`, or undefined when unknown (or forgotten). */
  get(id: string): UploadStatus | undefined {
    const job = this.#jobs.get(id);
    return job ? { ...job.status, progress: { ...job.status.progress } } : undefined;
  }

  /** Resolves once every queued upload is processed. */
  idle(): Promise<void> {
    return this.#queue;
  }

  #forgetOld(): void {
    const keep = this.#options.keep ?? 50;
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size <= keep) break;
      if (TERMINAL.has(job.status.state)) this.#jobs.delete(id);
    }
  }

  async #run(job: Job): Promise<void> {
    const { status } = job;
    try {
      // Let the 202 go out before the (synchronous) reading starts.
      await nextTurn();
      status.progress = { stage: 'reading the kit', fraction: null };
      const read = job.kind === 'workbook' ? readWorkbookUpload(job.files ?? new Map()) : parseKit(job.files ?? new Map());
      job.files = null;
      status.issues = read.issues;
      if (read.kit === null) {
        const n = errorCount(read.issues);
        status.state = 'rejected';
        status.error = { code: 'invalid-kit', message: `${n} error${n === 1 ? '' : 's'} in the kit: nothing was stored` };
        return;
      }
      status.state = 'importing';
      status.progress = { stage: 'importing', fraction: null };
      const summary = await importKit(this.#store, read.kit, {
        source: `upload: ${job.origin}`,
        issues: read.issues,
        replace: job.replace,
        onProgress: (p) => (status.progress = stageOf(p)),
      });
      status.issues = [...read.issues, ...summary.issues];
      status.campaignId = summary.campaignId;
      status.summary = summaryOf(summary);
      status.state = 'done';
      status.progress = { stage: 'done', fraction: 1 };
      this.#options.onImported?.(summary.campaignId);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'invalid-kit') {
        status.state = 'rejected';
        status.error = { code: 'invalid-kit', message: error.message };
      } else {
        status.state = 'failed';
        status.error = { code: 'import-failed', message: `the import failed: ${error instanceof Error ? error.message : String(error)}` };
        this.#options.onFailure?.(error);
      }
    } finally {
      job.files = null;
      if (status.state !== 'done') status.progress = { stage: status.state, fraction: null };
    }
  }
}
