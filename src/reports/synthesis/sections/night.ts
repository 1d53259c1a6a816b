/**
 * Chapter "Permanence des soins et activité de nuit": per modality, the shares of machines doing
 * significant on-call work and with strong or low night activity beside the 2010 shares, the
 * split between early and deep night, and the distributions of night passages and on-call hours.
 */
import { histogramOption } from '../../../charts/histogram.ts';
import { OKABE_ITO } from '../../../charts/palette.ts';
import type { ShareRow } from '../../../charts/shares.ts';
import { sharesOption } from '../../../charts/shares.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { formatInteger, formatPercent, modalityLabel, t } from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, paragraph } from '../../html.ts';
import type { ShareFact } from '../data/facts.ts';
import { nightSplit, shareFacts } from '../data/facts.ts';
import { percentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import type { RenderContext } from '../render/context.ts';
import { percentileTableHtml } from '../render/percentile-table.ts';
import { chapter, pointsOf } from './common.ts';

const COLORS: Record<ShareFact['key'], string> = {
  significantOnCallShare: OKABE_ITO.purple,
  strongNightShare: OKABE_ITO.blue,
  lowNightShare: OKABE_ITO.skyBlue,
};

/** The chart's short row labels (the table beside it gives the definitions). */
const SHORT_LABEL = {
  significantOnCallShare: 'chart.shareOnCall',
  strongNightShare: 'chart.shareStrongNight',
  lowNightShare: 'chart.shareLowNight',
} as const;

function publishedText(fact: ShareFact, ctx: RenderContext): string {
  const p = fact.published;
  if (p === null) return '—';
  if (typeof p === 'number') return formatPercent(p, ctx.lang);
  return `${formatPercent(p[0], ctx.lang, 0)} – ${formatPercent(p[1], ctx.lang, 0)}`;
}

function modalityBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const facts = shareFacts(scope, m, lang);
  const [onCall, strong, low] = facts;
  const split = nightSplit(scope, m);
  const nightTotal = split.evening + split.deepNight;
  const modality = modalityLabel(m, lang);
  const withNational = scope.national !== null;
  const sharesTitle = sm(lang, 'figures.shares', { modality });
  const histogram = (
    key: 'nightPerWeek' | 'onCallHoursPerWeek',
    title: string,
    color: string,
  ): Html =>
    ctx.chart({
      id: `fig-${key === 'nightPerWeek' ? 'night' : 'on-call'}-${m.toLowerCase()}`,
      title,
      option: histogramOption({
        label: title,
        values: pointsOf(ctx, m).map((p) => p.figures[key] ?? null),
        quantiles: scope.benchmark[m]?.[key] ?? null,
        reference: null,
        unit: key === 'nightPerWeek' ? 'exams/week' : 'h/week',
        lang,
        color,
      }),
      height: 230,
      source: sm(lang, 'figures.source.histogramOnly'),
    });
  return joinHtml([
    onCall && strong && low
      ? paragraph(
          sm(lang, 'night.text', {
            onCall: formatPercent(onCall.value, lang),
            onCall2010: publishedText(onCall, ctx),
            strong: strong.count,
            strongShare: formatPercent(strong.value, lang),
            low: low.count,
            lowShare: formatPercent(low.value, lang),
          }),
        )
      : null,
    nightTotal > 0
      ? paragraph(
          sm(lang, 'night.split', {
            n: nightTotal,
            evening: formatPercent(split.evening / nightTotal, lang),
            deep: formatPercent(split.deepNight / nightTotal, lang),
          }),
        )
      : null,
    ctx.table({
      title: sm(lang, 'tables.shares', { modality }),
      columns: [
        { label: sm(lang, 'col.figure'), width: '46%' },
        { label: sm(lang, 'col.machines'), align: 'right' },
        { label: sm(lang, withNational ? 'col.region' : 'col.campaign'), align: 'right' },
        ...(withNational ? [{ label: sm(lang, 'col.national'), align: 'right' as const }] : []),
        { label: sm(lang, 'col.published'), align: 'right' },
      ],
      rows: facts.map((f) => [
        f.label,
        `${formatInteger(f.count, lang)} / ${formatInteger(f.machines, lang)}`,
        formatPercent(f.value, lang),
        ...(withNational ? [formatPercent(f.national, lang)] : []),
        publishedText(f, ctx),
      ]),
    }),
    ctx.chart({
      id: `fig-shares-${m.toLowerCase()}`,
      title: sharesTitle,
      option: sharesOption({
        lang,
        rows: facts.map((f): ShareRow => ({
          label: t(lang, SHORT_LABEL[f.key]),
          value: f.value,
          reference: f.published,
          color: COLORS[f.key],
        })),
      }),
      height: 200,
      source: sm(lang, 'figures.source.shares'),
    }),
    percentileTableHtml(ctx, percentileTable(scope, m, 'night', lang)),
    histogram('nightPerWeek', sm(lang, 'figures.nightPerWeek', { modality }), OKABE_ITO.blue),
    histogram('onCallHoursPerWeek', sm(lang, 'figures.onCall', { modality }), OKABE_ITO.purple),
  ]);
}

/** The chapter's sections. */
export function nightSections(ctx: RenderContext): ReportSection[] {
  return chapter(ctx, {
    id: 'night',
    title: sm(ctx.lang, 'night.title'),
    body: paragraph(sm(ctx.lang, 'night.intro')),
    perModality: (m) => modalityBody(ctx, m),
  });
}
