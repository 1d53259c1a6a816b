/**
 * Located issues (`file:line:column`, severity, message, hint, code) as an exportable table: the
 * quality screen's stored issues and an upload's refusals. The kit reader writes its messages
 * in English; each opens with the name of its kind of problem in the reader's language (by
 * issue code), and the headers say which text is English.
 */
import type { ReactNode } from 'react';
import type { Issue } from '../../core/issues.ts';
import { MISSING } from '../../i18n/format.ts';
import { issueLabel, severityLabel } from '../../i18n/labels.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import type { Column } from './data-table.tsx';
import { DataTable } from './data-table.tsx';

/** The issues table; `source` (which import) is shown when the issues carry one. */
export function IssuesTable<I extends Issue & { source?: string }>({
  name,
  title,
  issues,
  limit = 100,
}: {
  name: string;
  title: string;
  issues: readonly I[];
  limit?: number;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const withSource = issues.some((i) => i.source !== undefined);
  const columns: Column<I>[] = [
    ...(withSource
      ? [
          {
            key: 'source',
            label: t('col.source'),
            kind: 'text' as const,
            value: (i: I) => i.source ?? null,
          },
        ]
      : []),
    {
      key: 'file',
      label: t('col.file'),
      kind: 'text',
      value: (i) => i.file,
      render: (i) => <code>{i.file}</code>,
    },
    { key: 'line', label: t('col.line'), kind: 'number', value: (i) => i.line },
    {
      key: 'column',
      label: t('col.column'),
      kind: 'text',
      value: (i) => i.column,
      render: (i) => (i.column ? <code>{i.column}</code> : '—'),
    },
    {
      key: 'severity',
      label: t('col.severity'),
      kind: 'text',
      value: (i) => severityLabel(i.severity, lang),
      render: (i) => (
        <span className={`badge badge-${i.severity}`}>{severityLabel(i.severity, lang)}</span>
      ),
    },
    {
      key: 'problem',
      label: t('col.problem'),
      kind: 'text',
      value: (i) => issueLabel(i.code, lang),
      exportOnly: true,
    },
    {
      key: 'message',
      label: t('col.messageEn'),
      kind: 'text',
      value: (i) => i.message,
      wrap: true,
      render: (i) => {
        const label = issueLabel(i.code, lang);
        return (
          <>
            <span className="issue-kind">
              {label && <strong>{label}</strong>} <code>{i.code}</code>
            </span>
            <span lang="en" className="issue-message">
              {i.message}
            </span>
          </>
        );
      },
    },
    {
      key: 'hint',
      label: t('col.hintEn'),
      kind: 'text',
      value: (i) => i.hint,
      wrap: true,
      render: (i) => (i.hint ? <span lang="en">{i.hint}</span> : MISSING),
    },
    { key: 'code', label: t('col.code'), kind: 'text', value: (i) => i.code, exportOnly: true },
  ];
  return (
    <>
      <p className="muted small">{t('issues.messageNote')}</p>
      <DataTable
        name={name}
        title={title}
        columns={columns}
        rows={issues}
        rowKey={(i, n) => `${n}`}
        limit={limit}
      />
    </>
  );
}
