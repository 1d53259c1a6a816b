/**
 * Chapter "Durées d'examens" (report, figures 11–12): per modality, exam durations by patient
 * category pooled over all exams beside 2010, drawn with the distribution of the machines'
 * medians, then those medians as a table; short exams are counted, as the report did.
 */
import type { RangeRow } from '../../../charts/ranges.ts';
import { rangesOption } from '../../../charts/ranges.ts';
import { OKABE_ITO } from '../../../charts/palette.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { CATEGORIES } from '../../../core/kit-types.ts';
import {
  categoryLabel,
  formatMinutes,
  formatPercent,
  modalityLabel,
  t,
} from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, paragraph } from '../../html.ts';
import { percentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import { referenceTriple } from '../reference.ts';
import type { RenderContext } from '../render/context.ts';
import { percentileTableHtml } from '../render/percentile-table.ts';
import { chapter, rangesHeight, samplesNote } from './common.ts';

function modalityBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const bench = scope.benchmark[m];
  const pooled = t(lang, 'chart.pooledExams');
  const medians = t(lang, 'chart.machineMedians');
  const present = CATEGORIES.filter(
    (c) => bench?.durationMinutes[c] || bench?.durationMedianMinutes[c],
  );
  const rows: RangeRow[] = present.flatMap((c) => [
    {
      label: categoryLabel(c, lang),
      series: pooled,
      quantiles: bench?.durationMinutes[c] ?? null,
      reference: referenceTriple(`duration${c}`, m),
    },
    {
      label: categoryLabel(c, lang),
      series: medians,
      quantiles: bench?.durationMedianMinutes[c] ?? null,
    },
  ]);
  const median = Object.fromEntries(
    CATEGORIES.map((c) => [c, formatMinutes(bench?.durationMinutes[c]?.p50, lang)]),
  );
  const title = sm(lang, 'figures.durations', { modality: modalityLabel(m, lang) });
  return joinHtml([
    paragraph(sm(lang, 'dur.text', median)),
    percentileTableHtml(ctx, percentileTable(scope, m, 'durations', lang)),
    ctx.chart({
      id: `fig-durations-${m.toLowerCase()}`,
      title,
      reportFigure: m === 'CT' ? 11 : 12,
      option: rangesOption({
        title,
        rows,
        unit: 'min',
        lang,
        colors: { [pooled]: OKABE_ITO.blue, [medians]: OKABE_ITO.orange },
      }),
      height: rangesHeight(present.length),
      source: sm(lang, 'figures.source.ranges'),
    }),
    percentileTableHtml(ctx, percentileTable(scope, m, 'durationMedians', lang)),
  ]);
}

/** The chapter's sections. */
export function durationSections(ctx: RenderContext): ReportSection[] {
  const { lang, scope } = ctx;
  const exams = scope.machines.reduce((s, m) => s + m.exams, 0);
  const short = scope.machines.reduce((s, m) => s + m.quality.shortExams, 0);
  return chapter(ctx, {
    id: 'durations',
    title: sm(lang, 'dur.title'),
    body: joinHtml([
      paragraph(sm(lang, 'dur.intro')),
      paragraph(
        sm(lang, 'dur.shortExams', {
          n: short,
          share: formatPercent(exams === 0 ? null : short / exams, lang),
        }),
      ),
      samplesNote(ctx),
    ]),
    perModality: (m) => modalityBody(ctx, m),
  });
}
