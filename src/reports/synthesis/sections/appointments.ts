/**
 * Chapter "Délais de rendez-vous" (report, figures 1–6): per modality, the survey's delays by
 * patient type beside 2010, their distribution with the realized delays, the table by clinical
 * case, each site's answers by case for outpatients and inpatients, and the realized delays.
 */
import type { RangeRow } from '../../../charts/ranges.ts';
import { rangesOption } from '../../../charts/ranges.ts';
import { OKABE_ITO } from '../../../charts/palette.ts';
import type { Modality, SurveyPatient } from '../../../core/kit-types.ts';
import type { Quantiles } from '../../../core/stats.ts';
import { formatDays, formatInteger, modalityLabel, patientLabel, t } from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, note, paragraph } from '../../html.ts';
import { surveySitesOption } from '../charts/survey-sites.ts';
import { caseRows, siteAnswers } from '../data/facts.ts';
import { percentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import { referenceTriple } from '../reference.ts';
import type { RenderContext } from '../render/context.ts';
import { percentileTableHtml } from '../render/percentile-table.ts';
import { chapter, rangesHeight, samplesNote } from './common.ts';

const PATIENTS: readonly SurveyPatient[] = ['outpatient', 'inpatient'];
const REF_KEY = {
  outpatient: 'appointmentDelayOutpatient',
  inpatient: 'appointmentDelayInpatient',
} as const;
const FIGURES = {
  distribution: { CT: 1, MR: 2 },
  outpatient: { CT: 3, MR: 4 },
  inpatient: { CT: 5, MR: 6 },
} as const;

function modalityBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const modality = modalityLabel(m, lang);
  const survey = scope.survey[m];
  const bench = scope.benchmark[m];
  const parts: (Html | null)[] = [];
  if (!survey) parts.push(note(sm(lang, 'appt.noSurvey'), 'warning'));
  else {
    const ref = (p: SurveyPatient): string =>
      formatDays(referenceTriple(REF_KEY[p], m)?.[1] ?? null, lang);
    parts.push(
      paragraph(
        sm(lang, 'appt.text', {
          outpatient: formatDays(survey.byPatient.outpatient?.p50, lang),
          inpatient: formatDays(survey.byPatient.inpatient?.p50, lang),
          outpatient2010: ref('outpatient'),
          inpatient2010: ref('inpatient'),
        }),
      ),
    );
  }
  parts.push(percentileTableHtml(ctx, percentileTable(scope, m, 'appointment', lang)));

  const surveyName = t(lang, 'chart.survey');
  const realizedName = t(lang, 'chart.realized');
  const rows: RangeRow[] = PATIENTS.flatMap((p) => [
    {
      label: patientLabel(p, lang),
      series: surveyName,
      quantiles: survey?.byPatient[p] ?? null,
      reference: referenceTriple(REF_KEY[p], m),
    },
    {
      label: patientLabel(p, lang),
      series: realizedName,
      quantiles: bench?.appointmentDelayDays[p] ?? null,
    },
  ]);
  const title = sm(lang, 'figures.appointment', { modality });
  parts.push(
    ctx.chart({
      id: `fig-appointment-${m.toLowerCase()}`,
      title,
      reportFigure: FIGURES.distribution[m],
      option: rangesOption({
        title,
        rows,
        unit: 'days',
        lang,
        colors: { [surveyName]: OKABE_ITO.green, [realizedName]: OKABE_ITO.blue },
      }),
      height: rangesHeight(2),
      source: sm(lang, 'figures.source.ranges'),
    }),
  );

  const cases = caseRows(scope, m, lang);
  if (cases.length > 0) {
    const cell = (q: Quantiles | null): string[] => [
      formatInteger(q?.n ?? null, lang),
      formatDays(q?.p20, lang),
      formatDays(q?.p50, lang),
      formatDays(q?.p80, lang),
    ];
    const quantileColumns = [
      { label: sm(lang, 'col.answers'), align: 'right' as const },
      { label: sm(lang, 'col.p20'), align: 'right' as const },
      { label: sm(lang, 'col.p50'), align: 'right' as const },
      { label: sm(lang, 'col.p80'), align: 'right' as const },
    ];
    parts.push(
      ctx.table({
        title: sm(lang, 'tables.cases', { modality }),
        groups: [
          { label: '', span: 1 },
          { label: patientLabel('outpatient', lang), span: 4 },
          { label: patientLabel('inpatient', lang), span: 4 },
        ],
        columns: [
          { label: sm(lang, 'col.case'), width: '34%' },
          ...quantileColumns,
          ...quantileColumns,
        ],
        rows: cases.map((c) => [c.label, ...cell(c.outpatient), ...cell(c.inpatient)]),
      }),
    );
    const withMedian = cases.filter(
      (c) => c.outpatient?.p50 !== null && c.outpatient?.p50 !== undefined,
    );
    if (withMedian.length > 1) {
      const sorted = [...withMedian].sort(
        (a, b) => (a.outpatient?.p50 ?? 0) - (b.outpatient?.p50 ?? 0),
      );
      const lo = sorted[0];
      const hi = sorted[sorted.length - 1];
      if (lo && hi && lo.outpatient?.p50 === hi.outpatient?.p50)
        parts.push(
          paragraph(sm(lang, 'appt.casesSame', { days: formatDays(lo.outpatient?.p50, lang) })),
        );
      else if (lo && hi)
        parts.push(
          paragraph(
            sm(lang, 'appt.cases', {
              min: formatDays(lo.outpatient?.p50, lang),
              minCase: lo.shortLabel,
              max: formatDays(hi.outpatient?.p50, lang),
              maxCase: hi.shortLabel,
            }),
          ),
        );
    }
    for (const p of PATIENTS) {
      const sites = siteAnswers(scope, m, p);
      if (sites.sites.length === 0) continue;
      const caseTitle = sm(
        lang,
        p === 'outpatient' ? 'figures.casesOutpatient' : 'figures.casesInpatient',
        { modality },
      );
      parts.push(
        ctx.chart({
          id: `fig-cases-${p}-${m.toLowerCase()}`,
          title: caseTitle,
          reportFigure: FIGURES[p][m],
          option: surveySitesOption(sites, caseTitle, lang),
          height: 300,
          source: sm(lang, 'figures.source.cases'),
        }),
      );
    }
  }
  parts.push(percentileTableHtml(ctx, percentileTable(scope, m, 'realized', lang)));
  return joinHtml(parts);
}

/** The chapter's sections. */
export function appointmentSections(ctx: RenderContext): ReportSection[] {
  return chapter(ctx, {
    id: 'appointments',
    title: sm(ctx.lang, 'appt.title'),
    body: joinHtml([paragraph(sm(ctx.lang, 'appt.intro')), samplesNote(ctx)]),
    perModality: (m) => modalityBody(ctx, m),
  });
}
