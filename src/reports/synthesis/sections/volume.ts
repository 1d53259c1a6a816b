/**
 * Chapter "Volume d'activité": per modality, passages per week (median, P20, P80 beside 2010),
 * the share of patients from the emergency department, and the distribution of passages.
 */
import { histogramOption } from '../../../charts/histogram.ts';
import { OKABE_ITO } from '../../../charts/palette.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { formatNumber, formatPercent, modalityLabel } from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, paragraph } from '../../html.ts';
import { percentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import { referenceTriple } from '../reference.ts';
import type { RenderContext } from '../render/context.ts';
import { percentileTableHtml } from '../render/percentile-table.ts';
import { chapter, pointsOf } from './common.ts';

function modalityBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const q = scope.benchmark[m]?.passagesPerWeek ?? null;
  const ref = referenceTriple('passagesPerWeek', m);
  const machines = scope.machines.filter((x) => x.modality === m);
  const exams = machines.reduce((s, x) => s + x.exams, 0);
  const fromEd = machines.reduce((s, x) => s + (x.emergencyShare ?? 0) * x.exams, 0);
  const n = (v: number | null | undefined): string => formatNumber(v, lang, 0);
  const title = sm(lang, 'figures.volume', { modality: modalityLabel(m, lang) });
  return joinHtml([
    paragraph(
      sm(lang, 'vol.text', {
        p50: n(q?.p50),
        p20: n(q?.p20),
        p80: n(q?.p80),
        p50_2010: n(ref?.[1]),
        p20_2010: n(ref?.[0]),
        p80_2010: n(ref?.[2]),
        exams,
        emergency: formatPercent(exams === 0 ? null : fromEd / exams, lang),
      }),
    ),
    percentileTableHtml(ctx, percentileTable(scope, m, 'volume', lang)),
    ctx.chart({
      id: `fig-volume-${m.toLowerCase()}`,
      title,
      option: histogramOption({
        label: title,
        values: pointsOf(ctx, m).map((p) => p.figures['passagesPerWeek'] ?? null),
        quantiles: q,
        reference: ref,
        unit: 'exams/week',
        lang,
        color: OKABE_ITO.blue,
      }),
      height: 240,
      source: sm(lang, 'figures.source.histogram'),
    }),
  ]);
}

/** The chapter's sections. */
export function volumeSections(ctx: RenderContext): ReportSection[] {
  return chapter(ctx, {
    id: 'volume',
    title: sm(ctx.lang, 'vol.title'),
    body: paragraph(sm(ctx.lang, 'vol.intro')),
    perModality: (m) => modalityBody(ctx, m),
  });
}
