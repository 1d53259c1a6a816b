/**
 * Chapter "Délais de comptes rendus" (report, figures 7–8): per modality, the delay from the
 * end of the exam to the validated report by patient type, pooled over all exams beside 2010,
 * drawn with the distribution of the machines' medians, then those medians as a table.
 */
import type { RangeRow } from '../../../charts/ranges.ts';
import { rangesOption } from '../../../charts/ranges.ts';
import { OKABE_ITO } from '../../../charts/palette.ts';
import type { PatientType } from '../../../core/indicators/types.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { formatMinutes, modalityLabel, patientLabel, t } from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, paragraph } from '../../html.ts';
import { percentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import { referenceTriple } from '../reference.ts';
import type { RenderContext } from '../render/context.ts';
import { percentileTableHtml } from '../render/percentile-table.ts';
import { chapter, rangesHeight, samplesNote } from './common.ts';

const PATIENTS: readonly PatientType[] = ['outpatient', 'inpatient', 'emergency'];
const REF_KEY: Partial<Record<PatientType, string>> = {
  outpatient: 'reportDelayOutpatient',
  inpatient: 'reportDelayInpatient',
};

function modalityBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const bench = scope.benchmark[m];
  const ref = (p: PatientType): number | null => referenceTriple(REF_KEY[p] ?? '', m)?.[1] ?? null;
  const pooled = t(lang, 'chart.pooledExams');
  const medians = t(lang, 'chart.machineMedians');
  const rows: RangeRow[] = PATIENTS.filter(
    (p) => bench?.reportDelayMinutes[p] || bench?.reportDelayMedianMinutes[p],
  ).flatMap((p) => [
    {
      label: patientLabel(p, lang),
      series: pooled,
      quantiles: bench?.reportDelayMinutes[p] ?? null,
      reference: referenceTriple(REF_KEY[p] ?? '', m),
    },
    {
      label: patientLabel(p, lang),
      series: medians,
      quantiles: bench?.reportDelayMedianMinutes[p] ?? null,
    },
  ]);
  const title = sm(lang, 'figures.reportDelay', { modality: modalityLabel(m, lang) });
  return joinHtml([
    paragraph(
      sm(lang, 'report.text', {
        outpatient: formatMinutes(bench?.reportDelayMinutes.outpatient?.p50, lang),
        inpatient: formatMinutes(bench?.reportDelayMinutes.inpatient?.p50, lang),
        outpatient2010: formatMinutes(ref('outpatient'), lang),
        inpatient2010: formatMinutes(ref('inpatient'), lang),
      }),
    ),
    percentileTableHtml(ctx, percentileTable(scope, m, 'reportDelay', lang)),
    ctx.chart({
      id: `fig-report-delay-${m.toLowerCase()}`,
      title,
      reportFigure: m === 'CT' ? 7 : 8,
      option: rangesOption({
        title,
        rows,
        unit: 'min',
        lang,
        log: true,
        colors: { [pooled]: OKABE_ITO.blue, [medians]: OKABE_ITO.orange },
      }),
      height: rangesHeight(rows.length / 2),
      source: sm(lang, 'figures.source.ranges'),
    }),
    percentileTableHtml(ctx, percentileTable(scope, m, 'reportDelayMedian', lang)),
  ]);
}

/** The chapter's sections. */
export function reportDelaySections(ctx: RenderContext): ReportSection[] {
  return chapter(ctx, {
    id: 'report-delays',
    title: sm(ctx.lang, 'report.title'),
    body: joinHtml([paragraph(sm(ctx.lang, 'report.intro')), samplesNote(ctx)]),
    perModality: (m) => modalityBody(ctx, m),
  });
}
