/**
 * One figure's distribution across machines: its histogram (with P20–P80 band, median and 2010
 * median) and the bins as a table.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { Bin } from '../../../charts/histogram.ts';
import { histogramLayout, histogramOption } from '../../../charts/histogram.ts';
import type { Triple } from '../../../core/reference-2010.ts';
import type { Quantiles } from '../../../core/stats.ts';
import { formatValue } from '../../../i18n/format.ts';
import { figureLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { unitOf } from '../../lib/figures.ts';
import { ChartWithTable } from '../card.tsx';

export interface HistogramBlockProps {
  /** Chart and table name (test ids, files). */
  name: string;
  figureKey: string;
  /** Title suffix (the modality). */
  context: string;
  values: readonly (number | null)[];
  quantiles: Quantiles | null;
  reference: Triple | null;
  color?: string;
  /** Why there is nothing to draw, when that can be said better than "no data". */
  emptyText?: string;
}

/** A histogram with its table, under a small heading. */
export function HistogramBlock({
  name,
  figureKey,
  context,
  values,
  quantiles,
  reference,
  color,
  emptyText,
}: HistogramBlockProps): ReactNode {
  const t = useT();
  const lang = useLang();
  const unit = unitOf(figureKey);
  const label = figureLabel(figureKey, lang);
  const option = useMemo(
    () =>
      histogramOption({
        label,
        values,
        quantiles,
        reference,
        unit,
        lang,
        ...(color ? { color } : {}),
        ...(emptyText ? { emptyText } : {}),
      }),
    [label, values, quantiles, reference, unit, lang, color, emptyText],
  );
  const bins = useMemo(
    () => histogramLayout(values, { quantiles, reference }).bins,
    [values, quantiles, reference],
  );
  const title = `${label} — ${context}`;
  const scale = (v: number): number => (unit === 'fraction' ? v * 100 : v);
  return (
    <div className="figure-block">
      <h4 className="figure-title">{label}</h4>
      <ChartWithTable<Bin>
        chart={{ name, title, option, height: 220 }}
        table={{
          name,
          title,
          rows: bins,
          rowKey: (b) => String(b.from),
          columns: [
            {
              key: 'from',
              label: t('col.from'),
              kind: 'number',
              value: (b) => scale(b.from),
              render: (b) => formatValue(b.from, unit, lang),
            },
            {
              key: 'to',
              label: t('col.to'),
              kind: 'number',
              value: (b) => scale(b.to),
              render: (b) => formatValue(b.to, unit, lang),
            },
            { key: 'count', label: t('col.count'), kind: 'number', value: (b) => b.count },
          ],
        }}
      />
    </div>
  );
}
