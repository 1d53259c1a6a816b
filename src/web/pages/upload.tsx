/**
 * `/upload`: send a data kit (a folder, its files, a .zip, or the .xlsx workbook of the
 * template it links to) and follow its import; a kit
 * with errors stores nothing and every issue is listed by file, line and column, a good one
 * links to its new campaign.
 */
import type { DragEvent, ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { UploadStatus } from '../../core/views/types.ts';
import { formatPercent } from '../../i18n/format.ts';
import { ApiFailure } from '../lib/api.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { api, paths } from '../lib/paths.ts';
import type { KitFile } from '../lib/upload.ts';
import { filesOfDrop, followUpload, pathOf, sendKit } from '../lib/upload.ts';
import { forget } from '../lib/use-api.ts';
import { issueTotals } from '../../core/issues.ts';
import { IssuesTable } from '../components/issues-table.tsx';
import { Link } from '../components/link.tsx';
import { ErrorState } from '../components/states.tsx';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; fraction: number }
  | { kind: 'following'; status: UploadStatus }
  | { kind: 'finished'; status: UploadStatus }
  | { kind: 'error'; error: ApiFailure };

/** Progress over the whole upload (0..100): sending to 30, checking to 40, importing to 100. */
function overall(phase: Phase): number {
  if (phase.kind === 'sending') return Math.round(30 * phase.fraction);
  if (phase.kind === 'following') {
    const { state, progress } = phase.status;
    if (state === 'validating') return 30 + Math.round(10 * (progress.fraction ?? 0));
    if (state === 'importing') return 40 + Math.round(60 * (progress.fraction ?? 0));
  }
  return phase.kind === 'finished' && phase.status.state === 'done' ? 100 : 0;
}

/** The upload screen. */
export function UploadPage(): ReactNode {
  const t = useT();
  const lang = useLang();
  useTitle(t('upload.title'));
  const folderInput = useRef<HTMLInputElement>(null);
  const filesId = useId();
  const folderId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [chosen, setChosen] = useState<KitFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const stop = useRef<AbortController | null>(null);
  const busy = phase.kind === 'sending' || phase.kind === 'following';

  useEffect(() => {
    // `webkitdirectory` is not in React's attribute types; every current browser supports it.
    folderInput.current?.setAttribute('webkitdirectory', '');
    return () => stop.current?.abort();
  }, []);

  const start = (files: KitFile[]): void => {
    if (files.length === 0) return;
    setChosen(files);
    const controller = new AbortController();
    stop.current?.abort();
    stop.current = controller;
    setPhase({ kind: 'sending', fraction: 0 });
    sendKit(files, (fraction) => setPhase({ kind: 'sending', fraction }))
      .then((first) =>
        followUpload(first, (status) => setPhase({ kind: 'following', status }), controller.signal),
      )
      .then((status) => {
        if (status.state === 'done') forget('/api/campaigns');
        setPhase({ kind: 'finished', status });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setPhase({
          kind: 'error',
          error: error instanceof ApiFailure ? error : new ApiFailure(0, 'unknown', String(error)),
        });
      });
  };
  const fromInput = (list: FileList | null): void =>
    start([...(list ?? [])].map((file) => ({ file, path: pathOf(file) })));
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    void filesOfDrop(event.dataTransfer).then(start);
  };
  const reset = (): void => {
    stop.current?.abort();
    setChosen([]);
    setPhase({ kind: 'idle' });
  };

  const percent = overall(phase);
  const stage =
    phase.kind === 'sending'
      ? t('upload.stage.sending')
      : phase.kind === 'following'
        ? phase.status.state === 'importing'
          ? t('upload.stage.importing')
          : t('upload.stage.validating')
        : phase.kind === 'finished' && phase.status.state === 'done'
          ? t('upload.stage.done')
          : '';
  const progress = phase.kind === 'following' ? phase.status.progress : null;
  const serverWords = progress
    ? `${t(`upload.server.${progress.stage}`)}${progress.table ? ` (${t(`upload.table.${progress.table}`)})` : ''}`
    : '';
  const names = chosen.map((f) => f.path);

  return (
    <div className="page page-narrow">
      <h1>{t('upload.title')}</h1>
      <p className="lede">{t('upload.intro')}</p>
      <p className="lede">
        {t('upload.workbook')}{' '}
        <a href={api.kitTemplate(lang)} download data-testid="upload-template">
          {t('upload.template')}
        </a>
      </p>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}${busy ? ' drop-zone-busy' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="upload-drop"
      >
        <p className="drop-text">{t('upload.drop')}</p>
        <p className="muted">{t('upload.or')}</p>
        <div className="drop-inputs">
          <div className="file-field">
            <label htmlFor={folderId} className="button">
              {t('upload.folder')}
            </label>
            <input
              ref={folderInput}
              id={folderId}
              className="visually-hidden-input"
              type="file"
              multiple
              disabled={busy}
              data-testid="upload-folder"
              onChange={(e) => {
                fromInput(e.target.files);
                e.target.value = '';
              }}
            />
          </div>
          <div className="file-field">
            <label htmlFor={filesId} className="button button-primary">
              {t('upload.files')}
            </label>
            <input
              id={filesId}
              className="visually-hidden-input"
              type="file"
              multiple
              accept=".csv,.json,.zip,.xlsx,text/csv,application/json,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              data-testid="upload-files"
              onChange={(e) => {
                fromInput(e.target.files);
                e.target.value = '';
              }}
            />
          </div>
        </div>
        <p className="muted small" aria-live="polite">
          {names.length > 0
            ? t('upload.selected', {
                n: names.length,
                names: names.slice(0, 8).join(', ') + (names.length > 8 ? '…' : ''),
              })
            : t('upload.none')}
        </p>
      </div>

      {(phase.kind === 'sending' ||
        phase.kind === 'following' ||
        (phase.kind === 'finished' && phase.status.state === 'done')) && (
        <div className="upload-progress">
          <div
            className={`progress${phase.kind === 'finished' ? ' progress-done' : ''}`}
            role="progressbar"
            aria-label={t('upload.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${formatPercent(percent / 100, lang, 0)}${stage ? ` — ${stage}` : ''}`}
            data-testid="upload-progress"
          >
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <p className="stage" aria-live="polite" data-testid="upload-stage">
            {stage}
            {serverWords ? ` — ${serverWords}` : ''}
          </p>
        </div>
      )}

      {phase.kind === 'finished' && phase.status.state !== 'done' && (
        // Nothing is under way any more: no progress bar (a full red bar read as "done"), the
        // step where it stopped instead.
        <p className="stage stage-final" data-testid="upload-stage">
          <span className="stage-mark" aria-hidden="true">
            ✕
          </span>
          {t(phase.status.state === 'rejected' ? 'upload.final.rejected' : 'upload.final.failed')}
        </p>
      )}

      {phase.kind === 'error' && (
        <>
          <ErrorState error={phase.error} />
          <button type="button" className="button" onClick={reset}>
            {t('upload.again')}
          </button>
        </>
      )}

      {phase.kind === 'finished' && <Result status={phase.status} onAgain={reset} />}
    </div>
  );
}

/** What the import changed in the store: a replaced period, nothing, or rows added, changed and removed. */
function changesText(
  summary: NonNullable<UploadStatus['summary']>,
  t: ReturnType<typeof useT>,
): string | null {
  if (summary.campaign === 'replaced') return t('upload.done.replaced');
  if (summary.campaign === 'inserted') return null;
  const tables = Object.values(summary.changes);
  const added = tables.reduce((n, c) => n + c.inserted, 0);
  const changed = tables.reduce((n, c) => n + c.updated, 0);
  const removed = tables.reduce((n, c) => n + c.removed, 0);
  if (added + changed + removed === 0) return t('upload.done.unchanged');
  return t('upload.done.changes', { added, changed, removed });
}

function Result({ status, onAgain }: { status: UploadStatus; onAgain: () => void }): ReactNode {
  const t = useT();
  const errors = status.issues.filter((i) => i.severity === 'error');
  const others = status.issues.filter((i) => i.severity !== 'error');
  // Counted in all: a kind capped by the reader stands for all its issues (4,312, not 1,001).
  const totals = issueTotals(status.issues);
  if (status.state === 'done' && status.campaignId) {
    const summary = status.summary;
    return (
      <section className="state state-done" role="status" data-testid="upload-done">
        <h2 className="state-title">{t('upload.done.title')}</h2>
        {summary && (
          <p>
            {t('upload.done.body', {
              exams: summary.exams,
              machines: summary.machines,
              establishments: summary.establishments,
            })}
          </p>
        )}
        {summary && summary.campaign !== 'inserted' && (
          <p data-testid="upload-changes">{changesText(summary, t)}</p>
        )}
        <p>
          <Link
            to={paths.campaign(status.campaignId)}
            className="button button-primary"
            data-testid="upload-campaign-link"
          >
            {t('upload.done.open', { id: status.campaignId })}
          </Link>{' '}
          <button type="button" className="button" onClick={onAgain}>
            {t('upload.again')}
          </button>
        </p>
        {others.length > 0 && (
          <details>
            <summary>{t('upload.warnings', { n: others.length })}</summary>
            <IssuesTable
              name="upload-warnings"
              title={t('upload.warnings', { n: others.length })}
              issues={others}
            />
          </details>
        )}
      </section>
    );
  }
  return (
    <section className="state state-error" role="alert" data-testid="upload-rejected">
      <h2 className="state-title">
        {t(status.state === 'rejected' ? 'upload.rejected.title' : 'upload.failed.title')}
      </h2>
      {errors.length > 0 ? (
        <p>
          {t('upload.rejected.body', {
            errors: totals.error,
            others: totals.warning + totals.info,
          })}
        </p>
      ) : (
        status.error && (
          // A rule checked while storing (no located issue): the server's own words, marked
          // as such since they are English.
          <p>
            {t(status.state === 'rejected' ? 'upload.rejected.server' : 'upload.failed.body')}{' '}
            <code lang="en">{status.error.message}</code>
          </p>
        )
      )}
      {status.issues.length > 0 && (
        <div data-testid="upload-issues">
          <IssuesTable
            name="upload-issues"
            title={t('upload.issues.title')}
            issues={[...errors, ...others]}
            limit={500}
          />
        </div>
      )}
      <p>
        <button type="button" className="button" onClick={onAgain}>
          {t('upload.again')}
        </button>
      </p>
    </section>
  );
}
