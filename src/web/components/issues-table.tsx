/**
 * Located issues (`file:line:column`, severity, message, hint, code) as an exportable table: the
 * quality screen's stored issues and an upload's refusals, in the reader's language (each issue's
 * catalog key and parameters, see i18n/issues); an issue without one (stored by an older plateau)
 * shows its English text, marked as such. When the reader capped an issue kind, a line says how
 * many issues there were in all and how many are listed.
 */
import type { ReactNode } from 'react';
import type { Issue } from '../../core/issues.ts';
import { issueTotals, TOO_MANY_ISSUES } from '../../core/issues.ts';
import { MISSING } from '../../i18n/format.ts';
import { issueWords } from '../../i18n/issues/index.ts';
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
      label: t('col.message'),
      kind: 'text',
      value: (i) => issueWords(i, lang).message,
      wrap: true,
      render: (i) => {
        const label = issueLabel(i.code, lang);
        const words = issueWords(i, lang);
        return (
          <>
            <span className="issue-kind">
              {label && <strong>{label}</strong>} <code>{i.code}</code>
            </span>
            <span lang={words.translated ? lang : 'en'} className="issue-message">
              {words.message}
            </span>
            {!words.translated && <span className="muted small"> ({t('issues.englishOnly')})</span>}
          </>
        );
      },
    },
    {
      key: 'hint',
      label: t('col.hint'),
      kind: 'text',
      value: (i) => issueWords(i, lang).hint,
      wrap: true,
      render: (i) => {
        const words = issueWords(i, lang);
        return words.hint ? (
          <span lang={words.translated ? lang : 'en'}>{words.hint}</span>
        ) : (
          MISSING
        );
      },
    },
    { key: 'code', label: t('col.code'), kind: 'text', value: (i) => i.code, exportOnly: true },
  ];
  const totals = issueTotals(issues);
  const cap = issues.find((i) => i.code === TOO_MANY_ISSUES)?.text?.params['shown'];
  return (
    <>
      {totals.omitted > 0 && (
        <p className="muted small" data-testid="issues-not-listed">
          {t('issues.notListed', {
            listed: totals.listed,
            total: totals.listed + totals.omitted,
            omitted: totals.omitted,
            limit: typeof cap === 'number' ? cap : 1000,
          })}
        </p>
      )}
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
