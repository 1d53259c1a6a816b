/**
 * The key figures of a peer group: P20, median and P80 of each per-machine figure, with the
 * machines they were taken over and the values the 2010 report published.
 */
import type { ReactNode } from 'react';
import type { Modality } from '../../../core/kit-types.ts';
import type { PeerBenchmark } from '../../../core/indicators/types.ts';
import type { FigureUnit } from '../../../i18n/format.ts';
import { formatInteger, formatValue, unitSymbol } from '../../../i18n/format.ts';
import { figureLabel, modalityLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import type { PartialReference } from '../../lib/figures.ts';
import { referenceOf, unitOf } from '../../lib/figures.ts';
import { Card } from '../card.tsx';
import type { Column } from '../data-table.tsx';
import { DataTable } from '../data-table.tsx';

/** The benchmark's per-machine distributions, in the report's order. */
export const KEY_FIGURES = [
  'programmedOpening',
  'extendedOpening',
  'totalOpening',
  'programmedPlusEmergencyOpening',
  'occupancyProgrammed',
  'occupancyProgrammedPlusEmergency',
  'icrPerHour',
  'passagesPerWeek',
  'emergencyShare',
  'nightPerWeek',
  'onCallHoursPerWeek',
] as const satisfies readonly (keyof PeerBenchmark)[];

interface Row {
  key: string;
  unit: FigureUnit;
  n: number;
  p20: number | null;
  p50: number | null;
  p80: number | null;
  reference: PartialReference | null;
}

/** Exported numbers: percentages as 0–100 with the unit column saying "%". */
const exported = (v: number | null, unit: FigureUnit): number | null =>
  v === null ? null : unit === 'fraction' ? v * 100 : v;

/** The key-figures card of one modality. */
export function KeyFigures({
  modality,
  benchmark,
}: {
  modality: Modality;
  benchmark: PeerBenchmark;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const rows: Row[] = KEY_FIGURES.map((key) => {
    const d = benchmark[key];
    return {
      key,
      unit: unitOf(key),
      n: d.n,
      p20: d.p20,
      p50: d.p50,
      p80: d.p80,
      reference: referenceOf(key, modality),
    };
  });
  const num = (label: string, key: string, pick: (r: Row) => number | null): Column<Row> => ({
    key,
    label,
    kind: 'number',
    value: (r) => exported(pick(r), r.unit),
    render: (r) => formatValue(pick(r), r.unit, lang),
  });
  const columns: Column<Row>[] = [
    { key: 'figure', label: t('col.figure'), kind: 'text', value: (r) => figureLabel(r.key, lang) },
    {
      key: 'unit',
      label: t('col.unit'),
      kind: 'text',
      value: (r) => unitSymbol(r.unit, lang),
      exportOnly: true,
    },
    num(t('col.p20'), 'p20', (r) => r.p20),
    num(t('col.p50'), 'p50', (r) => r.p50),
    num(t('col.p80'), 'p80', (r) => r.p80),
    {
      key: 'n',
      label: t('col.n'),
      kind: 'number',
      value: (r) => r.n,
      render: (r) => formatInteger(r.n, lang),
    },
    num(t('col.ref20'), 'ref20', (r) => r.reference?.p20 ?? null),
    num(t('col.ref50'), 'ref50', (r) => r.reference?.p50 ?? null),
    num(t('col.ref80'), 'ref80', (r) => r.reference?.p80 ?? null),
  ];
  const title = `${t('card.keyFigures.title')} — ${modalityLabel(modality, lang)}`;
  return (
    <Card
      title={t('card.keyFigures.title')}
      note={t('card.keyFigures.note')}
      id={`key-figures-${modality}`}
    >
      <DataTable
        name={`key-figures-${modality}`}
        title={title}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
      />
    </Card>
  );
}
