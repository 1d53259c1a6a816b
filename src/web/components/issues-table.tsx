/**
 * Located issues (`file:line:column`, severity, message, hint) as an exportable table: the
 * quality screen's stored issues and an upload's refusals.
 */
import type { ReactNode } from 'react';
import type { Issue } from '../../core/issues.ts';
import { severityLabel } from '../../i18n/labels.ts';
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
    { key: 'code', label: t('col.code'), kind: 'text', value: (i) => i.code, exportOnly: true },
    { key: 'message', label: t('col.message'), kind: 'text', value: (i) => i.message, wrap: true },
    { key: 'hint', label: t('col.hint'), kind: 'text', value: (i) => i.hint, wrap: true },
  ];
  return (
    <DataTable
      name={name}
      title={title}
      columns={columns}
      rows={issues}
      rowKey={(i, n) => `${n}`}
      limit={limit}
    />
  );
}
