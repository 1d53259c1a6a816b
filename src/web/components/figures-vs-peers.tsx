/**
 * A machine's figures against its peers: where it stands on the percentile scale (P20–P80
 * band, median, its dot with its value) and the same numbers as a table with the peers'
 * P20/P50/P80 and its percentile rank.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { positionOption } from '../../charts/position.ts';
import type { FigureComparison } from '../../core/views/types.ts';
import { formatRank, formatValue, unitSymbol } from '../../i18n/format.ts';
import { figureLabel } from '../../i18n/labels.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { ChartWithTable } from './card.tsx';
import type { Column } from './data-table.tsx';

const exported = (v: number | null, f: FigureComparison): number | null =>
  v === null ? null : f.unit === 'fraction' ? v * 100 : v;

/** The position chart and table of one machine. */
export function FiguresVsPeers({
  name,
  title,
  figures,
}: {
  name: string;
  title: string;
  figures: readonly FigureComparison[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const option = useMemo(() => positionOption({ figures, lang }), [figures, lang]);
  const value = (
    label: string,
    key: string,
    pick: (f: FigureComparison) => number | null,
  ): Column<FigureComparison> => ({
    key,
    label,
    kind: 'number',
    value: (f) => exported(pick(f), f),
    render: (f) => formatValue(pick(f), f.unit, lang),
  });
  const columns: Column<FigureComparison>[] = [
    { key: 'figure', label: t('col.figure'), kind: 'text', value: (f) => figureLabel(f.key, lang) },
    {
      key: 'unit',
      label: t('col.unit'),
      kind: 'text',
      value: (f) => unitSymbol(f.unit, lang),
      exportOnly: true,
    },
    value(t('col.value'), 'value', (f) => f.value),
    value(t('col.p20'), 'p20', (f) => f.peers.p20),
    value(t('col.p50'), 'p50', (f) => f.peers.p50),
    value(t('col.p80'), 'p80', (f) => f.peers.p80),
    { key: 'n', label: t('col.n'), kind: 'number', value: (f) => f.peers.n },
    {
      key: 'rank',
      label: t('col.rank'),
      kind: 'percent',
      value: (f) => f.rank,
      render: (f) => formatRank(f.rank, lang),
    },
  ];
  const height = 60 + figures.length * 26;
  return (
    <ChartWithTable<FigureComparison>
      chart={{ name, title, option, height }}
      table={{ name, title, rows: figures, rowKey: (f) => f.key, columns }}
    />
  );
}
