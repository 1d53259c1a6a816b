/**
 * Night and on-call activity ("permanence des soins"): shares of machines with strong or low
 * night activity and with significant on-call work beside the 2010 shares, and the
 * distributions of night exams per week and on-call hours per week.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { ShareRow } from '../../../charts/shares.ts';
import { sharesOption } from '../../../charts/shares.ts';
import { OKABE_ITO } from '../../../charts/palette.ts';
import type { Modality } from '../../../core/kit-types.ts';
import type { PeerBenchmark } from '../../../core/indicators/types.ts';
import { REFERENCE_2010_FACTS } from '../../../core/reference-2010.ts';
import type { MachinePoint } from '../../../core/views/types.ts';
import { formatPercent } from '../../../i18n/format.ts';
import { modalityLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { Card, ChartWithTable } from '../card.tsx';
import { figureValues } from './distributions.tsx';
import { HistogramBlock } from './histogram-block.tsx';

/** The night and on-call card of one modality. */
export function Night({
  modality,
  benchmark,
  machines,
}: {
  modality: Modality;
  benchmark: PeerBenchmark;
  machines: readonly MachinePoint[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const rows = useMemo(
    (): ShareRow[] => [
      {
        label: t('chart.shareStrongNight'),
        value: benchmark.strongNightShare,
        reference: modality === 'CT' ? REFERENCE_2010_FACTS.strongNightShareCT : null,
        color: OKABE_ITO.blue,
      },
      {
        label: t('chart.shareLowNight'),
        value: benchmark.lowNightShare,
        reference: modality === 'CT' ? REFERENCE_2010_FACTS.lowNightShareCT : null,
        color: OKABE_ITO.skyBlue,
      },
      {
        label: t('chart.shareOnCall'),
        value: benchmark.significantOnCallShare,
        reference: REFERENCE_2010_FACTS.significantOnCallShare[modality],
        color: OKABE_ITO.purple,
      },
    ],
    [t, benchmark, modality],
  );
  const option = useMemo(() => sharesOption({ rows, lang }), [rows, lang]);
  const nightValues = useMemo(() => figureValues(machines, 'nightPerWeek'), [machines]);
  const onCallValues = useMemo(() => figureValues(machines, 'onCallHoursPerWeek'), [machines]);
  const context = modalityLabel(modality, lang);
  const name = `night-${modality}`;
  const title = `${t('card.night.title')} — ${context}`;
  const ref = (r: ShareRow): string =>
    r.reference === null
      ? '—'
      : typeof r.reference === 'number'
        ? formatPercent(r.reference, lang)
        : `${formatPercent(r.reference[0], lang)}–${formatPercent(r.reference[1], lang)}`;
  return (
    <Card title={t('card.night.title')} note={t('card.night.note')} id={name}>
      <div className="grid grid-3">
        <div className="figure-block">
          <h4 className="figure-title">{t('chart.share')}</h4>
          <ChartWithTable<ShareRow>
            chart={{ name, title, option, height: 220 }}
            table={{
              name,
              title,
              rows,
              rowKey: (r) => r.label,
              columns: [
                { key: 'label', label: t('col.figure'), kind: 'text', value: (r) => r.label },
                { key: 'share', label: t('col.share'), kind: 'percent', value: (r) => r.value },
                { key: 'ref', label: t('chart.reference2010'), kind: 'text', value: ref },
              ],
            }}
          />
        </div>
        <HistogramBlock
          name={`histogram-nightPerWeek-${modality}`}
          figureKey="nightPerWeek"
          context={context}
          values={nightValues}
          quantiles={benchmark.nightPerWeek}
          reference={null}
          color={OKABE_ITO.blue}
        />
        <HistogramBlock
          name={`histogram-onCallHoursPerWeek-${modality}`}
          figureKey="onCallHoursPerWeek"
          context={context}
          values={onCallValues}
          quantiles={benchmark.onCallHoursPerWeek}
          reference={null}
          color={OKABE_ITO.purple}
        />
      </div>
    </Card>
  );
}
