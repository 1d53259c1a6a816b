/**
 * Uploads as jobs: each is answered at once (202) and then, one at a time, read with the pure
 * kit reader (every located issue kept), refused when any issue is an error (nothing stored),
 * else imported (the stored campaign becomes exactly the kit; another period only with
 * `replace`) with its progress reported, and its campaign's cached views dropped. The last
 * jobs are kept in memory for polling; an upload's bytes are let go once it is processed.
 * Issue 15: a job records who submitted it (user id, null in local mode) and under which scope.
 * A site's upload is a site import (`importSiteKit` through the site's scoped store: only its
 * FINESS rows, into an existing campaign) followed by `refreshAggregates`, the one privileged path;
 * national, admin and local uploads keep the full import; a region may not upload. Every import
 * by a known user is audited (`import`, success or failure).
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AccessScope } from '../../core/access.ts';
import { scopeKey } from '../../core/access.ts';
import type { Issue } from '../../core/issues.ts';
import { issueTotals } from '../../core/issues.ts';
import type { Kit } from '../../core/kit-types.ts';
import type { UploadStatus } from '../../core/views/types.ts';
import type { UploadStage } from '../../core/views/upload-stages.ts';
import { parseKit } from '../../ingest/kit/read-kit.ts';
import { readKitWorkbook } from '../../ingest/sources/xlsx/index.ts';
import { refreshAggregates } from '../../storage/aggregates.ts';
import { audit } from '../../storage/audit-repository.ts';
import type { ImportProgress, ImportSummary, Store } from '../../storage/index.ts';
import { importKit, KIT_TABLES, StoreError } from '../../storage/index.ts';
import type { SiteImportSummary } from '../../storage/import-site.ts';
import { importSiteKit } from '../../storage/import-site.ts';
import { scopedStore } from '../../storage/scoped-store.ts';
import { forbidden } from '../errors.ts';
import { rowLocator } from './locate-rows.ts';

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
  /** The scope the upload runs under (`local` when none was given). */
  scope: AccessScope;
  /** Who submitted it: the user's id (null in local mode) and e-mail, for the audit. */
  userId: number | null;
  email: string | null;
}

/** What an upload asks of its import, and who asks. */
export interface SubmitOptions {
  /** Replace the stored campaign of the kit's id when its period differs (else refused; not for a site). */
  replace?: boolean;
  /**
   * The request's scope (default `local`): `site` imports only its FINESS into an existing
   * campaign, then refreshes the campaign's aggregates; `national` (admin too) and `local` import
   * the whole kit; `region` is refused (403).
   */
  scope?: AccessScope;
  /** The logged-in user's e-mail, kept in the audit row (the id comes with the scope). */
  email?: string | null;
}

/** Who reads a job's status: the job's own user, an administrator, or anyone in local mode. */
function mayRead(job: Job, viewer: AccessScope | undefined): boolean {
  if (viewer === undefined || viewer.kind === 'local') return true;
  if (viewer.kind === 'national' && viewer.admin) return true;
  return job.userId !== null && job.userId === viewer.userId;
}

const TERMINAL = new Set<UploadStatus['state']>(['done', 'rejected', 'failed']);

/** The stage code of each phase of an import. */
const PHASE_STAGES = {
  write: 'writing',
  load: 'loading',
  compute: 'computing',
  save: 'saving',
} as const satisfies Record<ImportProgress['phase'], UploadStage>;

/** An import's progress as an upload's: the stage code, the table written, the fraction done. */
function stageOf(p: ImportProgress): UploadStatus['progress'] {
  return {
    stage: PHASE_STAGES[p.phase],
    ...(p.phase === 'write' && p.table ? { table: p.table } : {}),
    fraction: p.total > 0 ? Math.min(1, p.done / p.total) : null,
  };
}

/** Errors in all, the ones the reader's cap only counted included (4,312, not 1,001). */
/** The summary an upload's status gives of its import. */
function summaryOf(s: ImportSummary): NonNullable<UploadStatus['summary']> {
  const count = (c: { inserted: number; updated: number; unchanged: number }): number =>
    c.inserted + c.updated + c.unchanged;
  const changes = Object.fromEntries(
    KIT_TABLES.map((t) => [
      t,
      {
        inserted: s[t].inserted,
        updated: s[t].updated,
        removed: s[t].removed,
        unchanged: s[t].unchanged,
      },
    ]),
  ) as NonNullable<UploadStatus['summary']>['changes'];
  return {
    exams: count(s.exams),
    machines: count(s.equipment),
    establishments: count(s.establishments),
    campaign: s.campaign,
    changes,
  };
}

/** The summary an upload's status gives of a site's import (the site's rows only; acts are never written). */
function siteSummaryOf(s: SiteImportSummary, acts: number): NonNullable<UploadStatus['summary']> {
  const count = (c: { inserted: number; updated: number; unchanged: number }): number =>
    c.inserted + c.updated + c.unchanged;
  const pick = (c: SiteImportSummary['exams']) => ({
    inserted: c.inserted,
    updated: c.updated,
    removed: c.removed,
    unchanged: c.unchanged,
  });
  return {
    exams: count(s.exams),
    machines: count(s.equipment),
    establishments: count(s.establishments),
    campaign: s.changed ? 'updated' : 'unchanged',
    changes: {
      establishments: pick(s.establishments),
      equipment: pick(s.equipment),
      acts: { inserted: 0, updated: 0, removed: 0, unchanged: acts },
      survey: pick(s.survey),
      sessions: pick(s.sessions),
      exams: pick(s.exams),
    },
  };
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
   * `replace`, a kit over another period than its stored campaign replaces it. `scope` says who
   * asks (see `SubmitOptions`); throws a 403 `ApiError` for a region's scope.
   *
   * @example
   * const status = jobs.submit(new Map([['campaign.json', bytes], …]), 'kit.zip');
   * jobs.submit(new Map([['campagne.xlsx', bytes]]), 'campagne.xlsx', 'workbook');
   * jobs.submit(files, 'kit.zip', 'kit', { scope: scopeOf(c), email: c.get('user')?.email });
   */
  submit(
    files: Map<string, Uint8Array>,
    origin: string,
    kind: 'kit' | 'workbook' = 'kit',
    options: SubmitOptions = {},
  ): UploadStatus {
    const scope = options.scope ?? { kind: 'local' };
    if (scope.kind === 'region')
      throw forbidden(
        'a regional user cannot upload a campaign: a site uploads its own data, a national user the whole kit',
      );
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
    const job: Job = {
      status,
      files,
      origin,
      kind,
      replace: options.replace === true && scope.kind !== 'site',
      scope,
      userId: scope.kind === 'local' ? null : scope.userId,
      email: options.email ?? null,
    };
    this.#jobs.set(id, job);
    this.#forgetOld();
    this.#queue = this.#queue.then(() => this.#run(job));
    return { ...status };
  }

  /**
   * The status of upload `id`, or undefined when unknown (or forgotten), or not `viewer`'s: a
   * logged-in user reads only its own jobs, an administrator every job (no viewer, or `local`: any).
   */
  get(id: string, viewer?: AccessScope): UploadStatus | undefined {
    const job = this.#jobs.get(id);
    if (!job || !mayRead(job, viewer)) return undefined;
    return { ...job.status, progress: { ...job.status.progress } };
  }

  /** Who submitted upload `id` and under which scope (undefined when unknown or forgotten). */
  ownerOf(id: string): { userId: number | null; scope: AccessScope } | undefined {
    const job = this.#jobs.get(id);
    return job ? { userId: job.userId, scope: job.scope } : undefined;
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
    let target: string | null = null;
    try {
      // Let the 202 go out before the (synchronous) reading starts.
      await nextTurn();
      status.progress = { stage: 'reading', fraction: null };
      const files = job.files ?? new Map<string, Uint8Array>();
      const read = job.kind === 'workbook' ? readWorkbookUpload(files) : parseKit(files);
      // A site's refusal names the line of the row: its small files are kept for that, not the exams.
      const locate =
        job.scope.kind === 'site' && job.kind === 'kit' ? rowLocator(files) : undefined;
      job.files = null;
      status.issues = read.issues;
      if (read.kit === null) {
        const n = errorCount(read.issues);
        status.state = 'rejected';
        status.error = {
          code: 'invalid-kit',
          message: `${n} error${n === 1 ? '' : 's'} in the kit: nothing was stored`,
        };
        await this.#audit(job, 'failure', null, { reason: 'invalid-kit', errors: n });
        return;
      }
      target = read.kit.campaign.id;
      status.state = 'importing';
      status.progress = { stage: 'importing', fraction: null };
      const source = `upload: ${job.origin}`;
      const onProgress = (p: ImportProgress) => (status.progress = stageOf(p));
      if (job.scope.kind === 'site') {
        const scope = job.scope;
        const summary = await importSiteKit(
          scopedStore(this.#store, scope),
          read.kit,
          scope.finess,
          {
            source,
            onProgress,
            ...(locate ? { locate } : {}),
          },
        );
        status.progress = { stage: 'refreshing', fraction: null };
        await refreshAggregates(this.#store, summary.campaignId);
        status.issues = [...read.issues, ...summary.issues];
        status.campaignId = summary.campaignId;
        status.summary = siteSummaryOf(summary, read.kit.acts.length);
      } else {
        // National and admin import through their scope too: the app role's policies admit their
        // writes only when plateau.scope is set (the local scope is the store itself).
        const summary = await importKit(scopedStore(this.#store, job.scope), read.kit, {
          source,
          issues: read.issues,
          replace: job.replace,
          onProgress,
        });
        status.issues = [...read.issues, ...summary.issues];
        status.campaignId = summary.campaignId;
        status.summary = summaryOf(summary);
      }
      status.state = 'done';
      status.progress = { stage: 'done', fraction: 1 };
      await this.#audit(job, 'success', status.campaignId, {
        exams: status.summary.exams,
        machines: status.summary.machines,
        campaign: status.summary.campaign,
      });
      this.#options.onImported?.(status.campaignId);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'invalid-kit') {
        status.state = 'rejected';
        status.error = { code: 'invalid-kit', message: error.message };
      } else {
        status.state = 'failed';
        status.error = {
          code: 'import-failed',
          message: `the import failed: ${error instanceof Error ? error.message : String(error)}`,
        };
        this.#options.onFailure?.(error);
      }
      await this.#audit(job, 'failure', target, { reason: status.error.code });
    } finally {
      job.files = null;
      if (status.state === 'rejected' || status.state === 'failed')
        status.progress = { stage: status.state, fraction: null };
    }
  }

  /** Appends the job's `import` row to the audit log when a user submitted it (never fails the job). */
  async #audit(
    job: Job,
    outcome: 'success' | 'failure',
    campaignId: string | null,
    detail: Record<string, unknown>,
  ): Promise<void> {
    if (job.userId === null) return;
    try {
      await audit(this.#store, {
        userId: job.userId,
        email: job.email,
        action: 'import',
        target: campaignId,
        outcome,
        detail: { scope: scopeKey(job.scope), origin: job.origin, kind: job.kind, ...detail },
      });
    } catch (error) {
      this.#options.onFailure?.(error);
    }
  }
}
