/**
 * A card of P20–P80 ranges (durations, appointment and report delays) beside the 2010 values,
 * with the same numbers as a table.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { RangeRow } from '../../../charts/ranges.ts';
import { rangesOption } from '../../../charts/ranges.ts';
import type { FigureUnit } from '../../../i18n/format.ts';
import { formatInteger, formatValue } from '../../../i18n/format.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { Card, ChartWithTable } from '../card.tsx';
import type { Column } from '../data-table.tsx';

export interface RangesCardProps {
  name: string;
  title: string;
  note: string;
  /** Title suffix for files (the modality). */
  context: string;
  rows: readonly RangeRow[];
  unit: FigureUnit;
  log?: boolean;
  colors?: Readonly<Record<string, string>>;
  /** Text shown when no row has data. */
  empty: string;
}

/** The ranges card. */
export function RangesCard({
  name,
  title,
  note,
  context,
  rows,
  unit,
  log = false,
  colors,
  empty,
}: RangesCardProps): ReactNode {
  const t = useT();
  const lang = useLang();
  const option = useMemo(
    () => rangesOption({ title, rows, unit, lang, log, ...(colors ? { colors } : {}) }),
    [title, rows, unit, lang, log, colors],
  );
  const fullTitle = `${title} — ${context}`;
  const hasData = rows.some((r) => r.quantiles !== null && r.quantiles.n > 0);
  const value = (
    label: string,
    key: string,
    pick: (r: RangeRow) => number | null | undefined,
  ): Column<RangeRow> => ({
    key,
    label,
    kind: 'number',
    value: (r) => pick(r) ?? null,
    render: (r) => formatValue(pick(r) ?? null, unit, lang),
  });
  const rows2010 = rows.some((r) => r.reference);
  const columns: Column<RangeRow>[] = [
    { key: 'row', label: t('col.row'), kind: 'text', value: (r) => r.longLabel ?? r.label },
    { key: 'series', label: t('col.series'), kind: 'text', value: (r) => r.series },
    {
      key: 'n',
      label: t('col.n'),
      kind: 'number',
      value: (r) => r.quantiles?.n ?? null,
      render: (r) => formatInteger(r.quantiles?.n ?? null, lang),
    },
    value(t('col.p20'), 'p20', (r) => r.quantiles?.p20),
    value(t('col.p50'), 'p50', (r) => r.quantiles?.p50),
    value(t('col.p80'), 'p80', (r) => r.quantiles?.p80),
    ...(rows2010
      ? [
          value(t('col.ref20'), 'ref20', (r) => r.reference?.[0]),
          value(t('col.ref50'), 'ref50', (r) => r.reference?.[1]),
          value(t('col.ref80'), 'ref80', (r) => r.reference?.[2]),
        ]
      : []),
  ];
  const height = Math.max(
    200,
    70 +
      new Set(rows.map((r) => r.label)).size *
        24 *
        Math.max(1, new Set(rows.map((r) => r.series)).size),
  );
  return (
    <Card title={title} note={note} id={name}>
      {hasData ? (
        <ChartWithTable<RangeRow>
          chart={{ name, title: fullTitle, option, height }}
          table={{ name, title: fullTitle, rows, rowKey: (r) => `${r.label}|${r.series}`, columns }}
        />
      ) : (
        <p className="muted">{empty}</p>
      )}
    </Card>
  );
}
