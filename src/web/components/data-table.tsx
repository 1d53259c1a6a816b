/**
 * Tables: sortable by any column (keyboard too), long ones shown in part until asked, and every
 * table exportable as CSV (French Excel's `;` and decimal comma in French) and XLSX through
 * `src/export`. A chart's table is its accessible alternative.
 */
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import type { ExportColumnKind, ExportTable } from '../../export/index.ts';
import { tablesToXlsx, tableToCsv } from '../../export/index.ts';
import { formatNumber, formatPercent, MISSING } from '../../i18n/format.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { fileStem, saveBlob } from '../lib/download.ts';

/** One column: how to read its value from a row, and optionally how to show it. */
export interface Column<R> {
  key: string;
  label: string;
  kind: ExportColumnKind;
  value: (row: R) => string | number | null;
  /** What the cell shows (a link, a formatted duration); the formatted value otherwise. */
  render?: (row: R) => ReactNode;
  /** In the exported files only (a unit column where the screen shows units beside values). */
  exportOnly?: boolean;
  /** Long text that wraps (messages, hints); other cells stay on one line. */
  wrap?: boolean;
}

export interface DataTableProps<R> {
  /** `data-testid="table-<name>"`. */
  name: string;
  /** The table's caption, export sheet name and file name. */
  title: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  /** Rows shown before "show all". */
  limit?: number;
  /** Shown instead of an empty table. */
  empty?: string;
  /** Show the caption (tables inside a titled card keep it for screen readers only). */
  showCaption?: boolean;
}

type Sort = { key: string; dir: 'asc' | 'desc' } | null;

function compareCells(a: string | number | null, b: string | number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** The table as `src/export` takes it. */
export function exportTableOf<R>(
  title: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
): ExportTable {
  return {
    name: title,
    columns: columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind })),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
  };
}

/** An exportable, sortable table. */
export function DataTable<R>({
  name,
  title,
  columns,
  rows,
  rowKey,
  limit = 60,
  empty,
  showCaption = false,
}: DataTableProps<R>): ReactNode {
  const t = useT();
  const lang = useLang();
  const [sort, setSort] = useState<Sort>(null);
  const [all, setAll] = useState(false);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return rows;
    const factor = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const va = column.value(a);
      const vb = column.value(b);
      if (va === null || vb === null) return compareCells(va, vb);
      return factor * compareCells(va, vb);
    });
  }, [rows, columns, sort]);

  const shown = all ? sorted : sorted.slice(0, limit);
  const visible = columns.filter((c) => !c.exportOnly);
  const cell = (column: Column<R>, row: R): ReactNode => {
    if (column.render) return column.render(row);
    const v = column.value(row);
    if (v === null) return MISSING;
    if (typeof v === 'number')
      return column.kind === 'percent' ? formatPercent(v, lang) : formatNumber(v, lang);
    return v;
  };
  const toggle = (key: string): void =>
    setSort((s) =>
      s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null,
    );

  const exportCsv = (): void => {
    const csv = tableToCsv(
      exportTableOf(title, columns, sorted),
      lang === 'fr' ? { separator: ';', decimal: ',' } : {},
    );
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileStem(title)}.csv`);
  };
  const exportXlsx = (): void => {
    const bytes = tablesToXlsx([exportTableOf(title, columns, sorted)]);
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    saveBlob(
      new Blob([copy.buffer], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      `${fileStem(title)}.xlsx`,
    );
  };

  return (
    <div className="table-wrap" data-testid={`table-${name}`}>
      <div className="table-tools">
        <span className="muted small">{t('table.rows', { n: rows.length })}</span>
        <div className="export" role="group" aria-label={t('export.label')}>
          <button
            type="button"
            className="button button-small"
            onClick={exportCsv}
            aria-label={t('export.tableAria', { name: title, format: 'CSV' })}
          >
            {t('export.csv')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={exportXlsx}
            aria-label={t('export.tableAria', { name: title, format: 'XLSX' })}
          >
            {t('export.xlsx')}
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{empty ?? t('table.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table>
            <caption className={showCaption ? 'caption' : 'visually-hidden'}>{title}</caption>
            <thead>
              <tr>
                {visible.map((c) => {
                  const active = sort?.key === c.key;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      className={c.kind === 'text' ? undefined : 'num'}
                      aria-sort={
                        active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={() => toggle(c.key)}
                        title={t('table.sortBy', { column: c.label })}
                      >
                        {c.label}
                        <span aria-hidden="true" className="sort-mark">
                          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={rowKey(row, i)}>
                  {visible.map((c) => (
                    <td
                      key={c.key}
                      className={c.kind !== 'text' ? 'num' : c.wrap ? 'wrap' : undefined}
                    >
                      {cell(c, row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!all && sorted.length > limit && (
        <button type="button" className="button button-link" onClick={() => setAll(true)}>
          {t('table.showAll', { n: sorted.length })}
        </button>
      )}
    </div>
  );
}
