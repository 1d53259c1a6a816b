/**
 * The appointment survey: the site's own answers for each clinical case (earliest appointment
 * offered, days) beside the distribution of every answer in its region and in the campaign.
 */
import type { EChartsOption } from 'echarts';
import { INK, OKABE_ITO, rangesOption } from '../../charts/index.ts';
import type { RangeRow } from '../../charts/index.ts';
import type { SurveySummary } from '../../core/indicators/types.ts';
import type { Modality, SurveyAnswer } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import {
  caseLabel,
  caseShortLabel,
  formatDays,
  modalityLabel,
  patientLabel,
} from '../../i18n/index.ts';
import { MISSING } from '../../i18n/index.ts';
import type { ReportSection } from '../document-types.ts';
import { chartFigure } from '../figures.ts';
import type { Html } from '../html.ts';
import { joinHtml, paragraph, section, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { rangeText } from './format.ts';

const caseQuantiles = (s: SurveySummary | null, code: string, patient: string) =>
  s?.byCase.find((c) => c.case === code && c.patient === patient)?.days ?? null;

function modalityBody(
  ctx: FicheContext,
  modality: Modality,
  answers: readonly SurveyAnswer[],
): Html {
  const { lang } = ctx;
  const national = ctx.nationalSurvey(modality);
  const regional = ctx.regionalSurvey(modality);
  const days = (v: number): string => formatDays(v, lang);
  const site = rt(lang, 'site.series.thisSite');
  const region = rt(lang, 'site.series.region', { region: ctx.establishment.region || '—' });
  const nation = rt(lang, 'site.series.campaign');
  const rows: RangeRow[] = answers.flatMap((a) => {
    const label = `${caseShortLabel(a.case, lang)} (${patientLabel(a.patient, lang)})`;
    return [
      {
        label,
        longLabel: caseLabel(a.case, lang),
        series: site,
        quantiles: { n: 1, p20: a.days, p50: a.days, p80: a.days },
      },
      { label, series: region, quantiles: caseQuantiles(regional, a.case, a.patient) },
      { label, series: nation, quantiles: caseQuantiles(national, a.case, a.patient) },
    ];
  });
  const base = rangesOption({
    title: rt(lang, 'site.survey.title'),
    rows,
    unit: 'days',
    lang,
    colors: { [site]: OKABE_ITO.vermillion, [region]: OKABE_ITO.orange, [nation]: OKABE_ITO.blue },
  });
  // Clinical cases have long names: give them more of the page than the shared chart does.
  const option = {
    ...base,
    yAxis: {
      ...(base.yAxis as object),
      axisLabel: { color: INK.text, width: 330, overflow: 'truncate', fontSize: 11 },
    },
  } as EChartsOption;
  return joinHtml([
    chartFigure({
      id: `fig-survey-${modality.toLowerCase()}`,
      caption: rt(lang, 'site.survey.caption', { modality: modalityLabel(modality, lang) }),
      option,
      height: 90 + answers.length * 56,
    }),
    table({
      caption: rt(lang, 'site.survey.table', { modality: modalityLabel(modality, lang) }),
      columns: [
        { label: rt(lang, 'col.case'), width: '40%' },
        { label: rt(lang, 'col.siteAnswer'), align: 'right' },
        { label: region, align: 'right' },
        { label: nation, align: 'right' },
      ],
      rows: answers.map((a) => [
        `${caseLabel(a.case, lang)} — ${patientLabel(a.patient, lang)}`,
        formatDays(a.days, lang),
        rangeText(caseQuantiles(regional, a.case, a.patient), days),
        rangeText(caseQuantiles(national, a.case, a.patient), days),
      ]),
    }),
  ]);
}

/** The survey section: one figure and table per modality the site answered for. */
export function surveySection(ctx: FicheContext): ReportSection {
  const { lang } = ctx;
  const answers = ctx.index.data.survey.filter((a) => a.finess === ctx.establishment.finess);
  const modalities = MODALITIES.filter((m) => answers.some((a) => a.modality === m));
  const body = joinHtml([
    paragraph(rt(lang, 'site.survey.intro')),
    ...modalities.map((m) =>
      modalityBody(
        ctx,
        m,
        answers
          .filter((a) => a.modality === m)
          .sort((a, b) => a.case.localeCompare(b.case) || a.patient.localeCompare(b.patient)),
      ),
    ),
    modalities.length === 0 ? paragraph(rt(lang, 'site.survey.none')) : null,
    paragraph(rt(lang, 'site.survey.reading', { missing: MISSING }), 'muted'),
  ]);
  return section({ id: 'survey', title: rt(lang, 'site.survey.title'), level: 1, body });
}
