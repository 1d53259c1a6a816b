/**
 * The syntheses' chapter over the campaigns (issue 16), when the store holds an earlier campaign:
 * the group (the nation, or the region beside the nation) campaign by campaign — machines,
 * establishments (those that came as bundles counted), exams, machines and establishments added
 * or removed since last year — and per modality small multiples and a table of the group's
 * P20/P50/P80 of the key figures, with the notable moves of its medians in words.
 */
import {
  groupTrendSmallMultiple,
  trendCampaignLabels,
  trendFigureUnit,
} from '../../../charts/trends.ts';
import type { Modality } from '../../../core/kit-types.ts';
import type {
  GroupTrend,
  GroupTrendYear,
  TrendChangeKind,
  TrendSeries,
} from '../../../core/trends/index.ts';
import { groupTrend } from '../../../core/trends/index.ts';
import type { Lang } from '../../../i18n/index.ts';
import {
  figureLabel,
  formatInteger,
  formatNumber,
  formatPercent,
  MISSING,
  modalityLabel,
  t,
  unitSymbol,
} from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, list, paragraph } from '../../html.ts';
import { rt } from '../../messages/index.ts';
import { smallMultiples } from '../../site-fiche/trends-figure.ts';
import { seriesList } from '../../site-fiche/trends.ts';
import { changeSentence, ID_NAMES } from '../../../i18n/trend-words.ts';
import type { RenderContext } from '../render/context.ts';
import { chapter } from './common.ts';

/** The chapter's section id (it is printed only with an earlier campaign in the series). */
export const CAMPAIGN_TRENDS_CHAPTER = 'campaign-trends';

/** The figures the chapter follows per modality, in their order on the page. */
export const SYNTHESIS_TREND_FIGURES = [
  'programmedOpening',
  'totalOpening',
  'occupancyProgrammed',
  'icrPerHour',
  'passagesPerWeek',
  'emergencyShare',
] as const;

/** The machine and establishment events counted "since last year", in the sentence's order. */
const EVENT_KINDS = [
  'machine-added',
  'machine-removed',
  'machine-replaced',
  'machine-renamed',
  'site-added',
  'site-removed',
] as const satisfies readonly TrendChangeKind[];

/**
 * The group trend of a synthesis (`region` null: the nation) over `series` when it has an
 * earlier campaign (two or more); null otherwise, and the synthesis has no such chapter.
 */
export function synthesisTrend(
  series: TrendSeries | null | undefined,
  region: string | null,
): GroupTrend | null {
  if (!series || series.length < 2) return null;
  return groupTrend(series, region);
}

/** A value in a table cell without its unit (the row's label carries it): percent for fractions. */
function bare(v: number | null | undefined, key: string, lang: Lang): string {
  if (v === null || v === undefined) return MISSING;
  return trendFigureUnit(key) === 'fraction' ? formatPercent(v, lang, 1) : formatNumber(v, lang, 1);
}

/** "P50 [P20 – P80]" of a band, numbers only. */
function bandCell(
  q: GroupTrendYear['figures'][string] | undefined,
  key: string,
  lang: Lang,
): string {
  if (!q || q.p50 === null) return MISSING;
  return t(lang, 'trends.cell.band', {
    p50: bare(q.p50, key, lang),
    p20: bare(q.p20, key, lang),
    p80: bare(q.p80, key, lang),
  });
}

/** A figure's name with its unit, for a table row ("Programmed opening (h/week)"). */
function rowLabel(key: string, lang: Lang): string {
  const unit = trendFigureUnit(key);
  return unit === 'fraction'
    ? figureLabel(key, lang)
    : `${figureLabel(key, lang)} (${unitSymbol(unit, lang)})`;
}

/** The chapter, or nothing without a trend. */
export function campaignTrendSections(
  ctx: RenderContext,
  trend: GroupTrend | null,
): ReportSection[] {
  if (!trend) return [];
  const { lang, scope } = ctx;
  const region = scope.region !== null;
  const labels = trendCampaignLabels(trend.campaigns);
  const modalities = scope.modalities.filter((m) => trend.byModality[m] !== undefined);
  const from = trend.campaigns[trend.campaigns.length - 2]?.id;
  const to = trend.campaigns[trend.campaigns.length - 1]?.id;
  const step = {
    from: labels[labels.length - 2] ?? MISSING,
    to: labels[labels.length - 1] ?? MISSING,
  };
  const counts = EVENT_KINDS.map((kind) => ({
    kind,
    n: trend.changes.filter((c) => c.kind === kind && c.from === from && c.to === to).length,
  })).filter((c) => c.n > 0);
  const events =
    counts.length === 0
      ? rt(lang, 'trends.synthesis.noEvents', step)
      : rt(lang, 'trends.synthesis.events', {
          ...step,
          list: counts
            .map((c) => rt(lang, `trends.synthesis.count.${c.kind}`, { n: c.n }))
            .join(', '),
        });
  const bundled = scope.establishments.filter((e) => scope.index.isBundleSite(e.finess)).length;
  const groups = ctx.table({
    title: rt(lang, 'trends.synthesis.groups'),
    columns: [
      { label: t(lang, 'trends.web.col.campaign') },
      ...modalities.flatMap((m) => [
        {
          label: `${modalityLabel(m, lang)} — ${t(lang, 'trends.web.col.machines')}`,
          align: 'right' as const,
        },
        { label: t(lang, 'trends.web.col.sites'), align: 'right' as const },
        { label: t(lang, 'trends.web.col.bundleSites'), align: 'right' as const },
        { label: t(lang, 'trends.web.col.exams'), align: 'right' as const },
      ]),
    ],
    rows: trend.campaigns.map((c, i) => [
      labels[i] ?? c.id,
      ...modalities.flatMap((m) => {
        const y = trend.byModality[m]?.[i];
        return y
          ? [
              formatInteger(y.machines, lang),
              formatInteger(y.sites, lang),
              formatInteger(y.bundleSites, lang),
              formatInteger(y.exams, lang),
            ]
          : [MISSING, MISSING, MISSING, MISSING];
      }),
    ]),
  });
  const body = joinHtml([
    paragraph(
      rt(lang, region ? 'trends.synthesis.intro.region' : 'trends.synthesis.intro.national'),
    ),
    paragraph(t(lang, 'trends.series', { list: seriesList(trend.campaigns) })),
    groups,
    paragraph(events),
    bundled > 0 ? paragraph(rt(lang, 'trends.synthesis.bundles', { n: bundled })) : null,
  ]);
  const perModality = (m: Modality): Html => {
    const years = trend.byModality[m] ?? [];
    const name = modalityLabel(m, lang);
    const multiples = smallMultiples(
      `${CAMPAIGN_TRENDS_CHAPTER}-${m.toLowerCase()}-fig`,
      rt(
        lang,
        region ? 'trends.synthesis.multiples.region' : 'trends.synthesis.multiples.national',
        { modality: name },
      ),
      SYNTHESIS_TREND_FIGURES.map((key) =>
        groupTrendSmallMultiple({ key, years, campaigns: trend.campaigns, lang }),
      ),
    );
    const table = ctx.table({
      title: rt(lang, 'trends.synthesis.table', { modality: name }),
      columns: [
        { label: t(lang, 'trends.web.col.figure'), width: region ? '22%' : '28%' },
        ...trend.campaigns.flatMap((c, i) => [
          { label: labels[i] ?? c.id, align: 'right' as const },
          ...(region
            ? [
                {
                  label: rt(lang, 'trends.synthesis.nation', { campaign: labels[i] ?? c.id }),
                  align: 'right' as const,
                },
              ]
            : []),
        ]),
      ],
      rows: SYNTHESIS_TREND_FIGURES.map((key) => [
        rowLabel(key, lang),
        ...years.flatMap((y) => [
          bandCell(y.figures[key], key, lang),
          ...(region ? [bare(y.national?.[key]?.p50, key, lang)] : []),
        ]),
      ]),
    });
    const moves = trend.sinceLastYear.filter((c) => c.kind === 'figure' && c.modality === m);
    return joinHtml([
      multiples,
      table,
      paragraph(rt(lang, 'trends.synthesis.moves')),
      moves.length === 0
        ? paragraph(rt(lang, 'trends.synthesis.movesNone', step))
        : list(moves.map((c) => changeSentence(c, lang, ID_NAMES, false))),
    ]);
  };
  return chapter(ctx, {
    id: CAMPAIGN_TRENDS_CHAPTER,
    title: rt(lang, 'trends.synthesis.title'),
    body,
    perModality,
  });
}
