/**
 * `/admin/audit?action=&since=&limit=` (accounts mode, administrators only): the audit log,
 * newest first, filtered by action and by day, `limit` rows at most; "older rows" asks for more
 * (the API pages by limit). The filters live in the address, so a filtered log is a link.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { AuditLogAnswer, AuditLogEntry } from '../../core/views/account-types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import type { AuditQuery } from '../lib/paths.ts';
import { api, paths } from '../lib/paths.ts';
import { useLocation } from '../lib/router.ts';
import { useApi } from '../lib/use-api.ts';
import { AdminFrame } from '../components/auth/admin-tabs.tsx';
import { Card } from '../components/card.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { useNavigate } from '../components/link.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';

/** The actions the server writes (design15.md; `admin.*` are refused administrations), offered in the filter. */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'read.site',
  'read.machine',
  'export.pdf',
  'import',
  'user.add',
  'user.disable',
  'user.reset',
  'access',
  'admin.users',
  'admin.audit',
] as const;

/** Rows asked for at first, and added by "older rows". */
export const AUDIT_PAGE = 100;
const LIMITS = [50, 100, 200, 500, 1000];

/** The log's filters read from the address (a bad limit falls back to the default page). */
export function auditQueryOf(
  search: URLSearchParams,
): Required<Pick<AuditQuery, 'limit'>> & AuditQuery {
  const limit = Number(search.get('limit'));
  const out: Required<Pick<AuditQuery, 'limit'>> & AuditQuery = {
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 10_000) : AUDIT_PAGE,
  };
  const action = search.get('action');
  const since = search.get('since');
  if (action) out.action = action;
  if (since) out.since = since;
  return out;
}

/** The audit log screen. */
export function AdminAuditPage(): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const { search } = useLocation();
  const query = auditQueryOf(search);
  const actionId = useId();
  const sinceId = useId();
  const limitId = useId();
  useTitle(`${t('auth.web.audit.title')} · ${t('auth.web.admin.title')}`);
  const { state, retry } = useApi<AuditLogAnswer>(api.adminAudit(query));
  const setQuery = (next: AuditQuery): void =>
    go(paths.adminAudit({ ...query, ...next, limit: next.limit ?? query.limit }), {
      replace: true,
      keepScroll: true,
    });
  const actionLabel = (action: string): string => {
    const key = `auth.web.audit.action.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };
  const columns: Column<AuditLogEntry>[] = [
    {
      key: 'at',
      label: t('auth.web.audit.col.at'),
      kind: 'text',
      value: (r) => r.at,
      render: (r) => formatDateTime(r.at, lang),
    },
    {
      key: 'user',
      label: t('auth.web.audit.col.user'),
      kind: 'text',
      value: (r) => r.email ?? t('auth.web.audit.system'),
    },
    {
      key: 'action',
      label: t('auth.web.audit.col.action'),
      kind: 'text',
      value: (r) => actionLabel(r.action),
    },
    { key: 'target', label: t('auth.web.audit.col.target'), kind: 'text', value: (r) => r.target },
    {
      key: 'outcome',
      label: t('auth.web.audit.col.outcome'),
      kind: 'text',
      value: (r) => t(`auth.web.audit.outcome.${r.outcome}`),
      render: (r) => (
        <span className={`outcome-${r.outcome}`}>{t(`auth.web.audit.outcome.${r.outcome}`)}</span>
      ),
    },
    {
      key: 'detail',
      label: t('auth.web.audit.col.detail'),
      kind: 'text',
      wrap: true,
      value: (r) =>
        r.detail && Object.keys(r.detail).length > 0 ? JSON.stringify(r.detail) : null,
      render: (r) =>
        r.detail && Object.keys(r.detail).length > 0 ? (
          <code className="detail-json">{JSON.stringify(r.detail)}</code>
        ) : (
          ''
        ),
    },
  ];
  const rows = state.status === 'ok' ? state.data.entries : null;
  return (
    <AdminFrame current="audit">
      <Card title={t('auth.web.audit.title')} note={t('auth.web.audit.note')} level={2}>
        <form
          className="audit-filters"
          aria-label={t('auth.web.audit.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="form-field">
            <label htmlFor={actionId}>{t('auth.web.audit.action')}</label>
            <select
              id={actionId}
              value={query.action ?? ''}
              onChange={(e) =>
                setQuery({ action: e.currentTarget.value || undefined, limit: AUDIT_PAGE })
              }
              data-testid="audit-action"
            >
              <option value="">{t('auth.web.audit.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={sinceId}>{t('auth.web.audit.since')}</label>
            <input
              id={sinceId}
              type="date"
              value={query.since ?? ''}
              onChange={(e) =>
                setQuery({ since: e.currentTarget.value || undefined, limit: AUDIT_PAGE })
              }
              data-testid="audit-since"
            />
          </div>
          <div className="form-field">
            <label htmlFor={limitId}>{t('auth.web.audit.limit')}</label>
            <select
              id={limitId}
              value={String(query.limit)}
              onChange={(e) => setQuery({ limit: Number(e.currentTarget.value) })}
              data-testid="audit-limit"
            >
              {[...new Set([...LIMITS, query.limit])]
                .sort((a, b) => a - b)
                .map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
            </select>
          </div>
        </form>
        {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
        {state.status === 'loading' && <Skeleton lines={5} />}
        {rows && (
          <>
            <p className="muted small" data-testid="audit-shown">
              {t('auth.web.audit.shown', { shown: rows.length, limit: query.limit })}
            </p>
            <DataTable
              name="audit"
              title={t('auth.web.audit.title')}
              columns={columns}
              rows={rows}
              rowKey={(r) => String(r.id)}
              limit={Math.max(rows.length, 1)}
              empty={t('auth.web.audit.empty')}
            />
            {rows.length >= query.limit && (
              <button
                type="button"
                className="button"
                onClick={() => setQuery({ limit: query.limit + AUDIT_PAGE })}
                data-testid="audit-more"
              >
                {t('auth.web.audit.more')}
              </button>
            )}
          </>
        )}
      </Card>
    </AdminFrame>
  );
}
