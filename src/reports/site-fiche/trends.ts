/**
 * The site fiche's trends (issue 16), when the store holds an earlier campaign: a chapter on the
 * establishment over the campaigns (its machines, exams and openings each year, machines added,
 * removed, replaced or renamed since last year), and in each machine's chapter a "Trends"
 * sub-section: small multiples of its key figures and late-start hours against its peers, how it
 * is found in each campaign, its leads followed with verdicts, and "since last year" in words.
 */
import { trendCampaignLabels, trendSmallMultiple } from '../../charts/trends.ts';
import type {
  FigureTrend,
  MachineTrend,
  SiteTrend,
  TrendChange,
  TrendSeries,
} from '../../core/trends/index.ts';
import { siteTrend } from '../../core/trends/index.ts';
import type { CampaignRef } from '../../core/views/types.ts';
import type { MachineComparison } from '../../core/views/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatHoursPerWeek, formatInteger, leadLabel, MISSING, t } from '../../i18n/index.ts';
import type { ReportSection } from '../document-types.ts';
import type { Html } from '../html.ts';
import { html, joinHtml, list, paragraph, section, strong, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { ChangeNames } from '../../i18n/trend-words.ts';
import { changeSentence, linkLabel, originLabel, verdictLabel } from '../../i18n/trend-words.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';
import { smallMultiples } from './trends-figure.ts';

/** The machine figures a fiche follows, in their order on the page. */
export const FICHE_TREND_FIGURES = [
  'programmedOpening',
  'totalOpening',
  'occupancyProgrammed',
  'icrPerHour',
  'passagesPerWeek',
] as const;

/** "Since last year" lines printed at most in the establishment's chapter. */
const MAX_EVENTS = 12;

/**
 * The trend of establishment `finess` over `series` when it has an earlier campaign to compare
 * with (two campaigns or more); null otherwise, and the fiche has no trends.
 */
export function ficheTrend(
  series: TrendSeries | null | undefined,
  finess: string,
): SiteTrend | null {
  if (!series || series.length < 2) return null;
  return siteTrend(series, finess);
}

/** "2010, 2011, 2012": the campaigns a trend follows, by their short labels (the tables' and charts'). */
export function seriesList(campaigns: readonly CampaignRef[]): string {
  return trendCampaignLabels(campaigns).join(', ');
}

/** Machines named by their label and id, sites by their name, as the trend knows them. */
function namesOf(ctx: FicheContext, trend: SiteTrend): ChangeNames {
  const labels = new Map<string, string>();
  for (const m of trend.machines) {
    for (const l of m.links) {
      if (l.equipmentId !== null && l.label && l.label !== l.equipmentId)
        labels.set(l.equipmentId, `${l.label} (${l.equipmentId})`);
    }
  }
  return {
    machine: (id) => labels.get(id) ?? id,
    site: (finess) =>
      finess === trend.finess
        ? trend.name
        : (ctx.index.establishmentByFiness.get(finess)?.name ?? finess),
  };
}

/** The two campaigns "since last year" compares: the series' last two. */
function lastStep(campaigns: readonly CampaignRef[]): { from: string; to: string } {
  const labels = trendCampaignLabels(campaigns);
  return { from: labels[labels.length - 2] ?? MISSING, to: labels[labels.length - 1] ?? MISSING };
}

const EVENT_KINDS: ReadonlySet<TrendChange['kind']> = new Set([
  'machine-added',
  'machine-removed',
  'machine-replaced',
  'machine-renamed',
  'site-added',
  'site-removed',
]);

/**
 * The establishment's chapter: the campaigns followed, the establishment in each (machines,
 * exams, openings, raw data or bundle), and its machine events since last year.
 */
export function siteTrendSection(ctx: FicheContext, trend: SiteTrend): ReportSection {
  const { lang } = ctx;
  const labels = trendCampaignLabels(trend.campaigns);
  const yes = t(lang, 'trends.web.yes');
  const no = t(lang, 'trends.web.no');
  const years = table({
    caption: rt(lang, 'trends.site.years'),
    columns: [
      { label: t(lang, 'trends.web.col.campaign') },
      { label: t(lang, 'trends.web.col.present') },
      { label: t(lang, 'trends.web.col.origin') },
      { label: t(lang, 'trends.web.col.ct'), align: 'right' },
      { label: t(lang, 'trends.web.col.mr'), align: 'right' },
      { label: t(lang, 'trends.web.col.exams'), align: 'right' },
      { label: t(lang, 'trends.web.col.programmedOpening'), align: 'right' },
      { label: t(lang, 'trends.web.col.totalOpening'), align: 'right' },
    ],
    rows: trend.years.map((y, i) => [
      labels[i] ?? y.campaignId,
      y.present ? yes : no,
      originLabel(y.origin, lang),
      y.present ? formatInteger(y.machines.CT ?? 0, lang) : MISSING,
      y.present ? formatInteger(y.machines.MR ?? 0, lang) : MISSING,
      y.present ? formatInteger(y.exams, lang) : MISSING,
      formatHoursPerWeek(y.programmedOpening, lang),
      formatHoursPerWeek(y.totalOpening, lang),
    ]),
  });
  const names = namesOf(ctx, trend);
  const step = lastStep(trend.campaigns);
  const events = trend.sinceLastYear.filter((c) => EVENT_KINDS.has(c.kind));
  // The events first, then the table, kept together: a machine chapter opens the next page, and
  // a line left alone there would leave a page almost blank.
  const body = joinHtml([
    paragraph(rt(lang, 'trends.site.intro')),
    html`<div class="keep">${joinHtml([
      paragraph(t(lang, 'trends.series', { list: seriesList(trend.campaigns) })),
      paragraph(strong(rt(lang, 'trends.site.events', step))),
      events.length === 0
        ? paragraph(rt(lang, 'trends.site.noEvents', step))
        : list(events.slice(0, MAX_EVENTS).map((c) => changeSentence(c, lang, names, true))),
      years,
    ])}</div>`,
  ]);
  return section({ id: 'trends', title: rt(lang, 'trends.site.title'), level: 1, body });
}

/**
 * The late-start lead's hours per week campaign by campaign, as a figure trend (no peers' band):
 * read from the lead follow-ups, each campaign's value from the step it starts or ends.
 */
export function lateStartTrend(machine: MachineTrend): FigureTrend {
  const hours = new Map<string, number | null>();
  for (const f of machine.leads) {
    if (f.key !== 'lateStartMinutes') continue;
    if (f.before) hours.set(f.from, f.before.hoursPerWeek);
    if (f.after) hours.set(f.to, f.after.hoursPerWeek);
  }
  return {
    key: 'lateStartMinutes',
    unit: 'h/week',
    points: machine.campaigns.map((c) => ({
      campaignId: c.id,
      value: hours.get(c.id) ?? null,
      peers: null,
      peerCount: 0,
      rank: null,
    })),
  };
}

/** The small multiples of a machine: its key figures, then its late-start hours. */
function machineMultiples(lang: Lang, machine: MachineTrend, id: string, title: string): Html {
  const figures = FICHE_TREND_FIGURES.map((key) =>
    machine.figures.find((f) => f.key === key),
  ).filter((f): f is FigureTrend => f !== undefined);
  const options = [
    ...figures.map((f) => trendSmallMultiple(f, machine.campaigns, lang)),
    trendSmallMultiple(lateStartTrend(machine), machine.campaigns, lang, {
      label: rt(lang, 'trends.lead.lateStart'),
    }),
  ];
  return smallMultiples(id, rt(lang, 'trends.machine.multiples', { machine: title }), options);
}

/**
 * The "Trends" sub-section of a machine's chapter (`chapterId` is the chapter's id), or null when
 * the trend does not follow this machine.
 */
export function machineTrendSection(
  ctx: FicheContext,
  trend: SiteTrend,
  machine: MachineComparison,
  chapterId: string,
): ReportSection | null {
  const { lang } = ctx;
  const m = trend.machines.find((x) => x.equipmentId === machine.point.equipmentId);
  if (!m) return null;
  const labels = trendCampaignLabels(m.campaigns);
  const labelOf = (id: string): string => labels[m.campaigns.findIndex((c) => c.id === id)] ?? id;
  const names = namesOf(ctx, trend);
  const present = m.links.filter((l) => l.link !== 'absent').length;
  const links = table({
    caption: rt(lang, 'trends.machine.links'),
    columns: [
      { label: t(lang, 'trends.web.col.campaign') },
      { label: t(lang, 'trends.web.col.equipmentId') },
      { label: t(lang, 'trends.web.col.link') },
      { label: t(lang, 'trends.web.col.label') },
      { label: t(lang, 'trends.web.col.installed'), align: 'right' },
      { label: t(lang, 'trends.web.col.origin') },
    ],
    rows: m.links.map((l) => [
      labelOf(l.campaignId),
      l.equipmentId ?? MISSING,
      linkLabel(l.link, lang),
      l.label ?? MISSING,
      l.installedYear === null ? MISSING : String(l.installedYear),
      originLabel(l.origin, lang),
    ]),
  });
  const followed = m.leads.filter((f) => f.verdict !== 'no-lead');
  const leads = table({
    caption: rt(lang, 'trends.machine.leads'),
    columns: [
      { label: t(lang, 'trends.web.col.lead'), width: '30%' },
      { label: t(lang, 'trends.web.col.period') },
      { label: t(lang, 'trends.web.col.before'), align: 'right' },
      { label: t(lang, 'trends.web.col.after'), align: 'right' },
      { label: t(lang, 'trends.web.col.verdict') },
    ],
    rows: followed.map((f) => [
      leadLabel(f.key, lang),
      `${labelOf(f.from)} → ${labelOf(f.to)}`,
      formatHoursPerWeek(f.before?.hoursPerWeek ?? null, lang),
      formatHoursPerWeek(f.after?.hoursPerWeek ?? null, lang),
      verdictLabel(f.verdict, lang),
    ]),
    empty: rt(lang, 'trends.machine.leadsNone'),
  });
  const step = lastStep(m.campaigns);
  const since = joinHtml([
    paragraph(strong(rt(lang, 'trends.machine.since', step))),
    m.sinceLastYear.length === 0
      ? paragraph(t(lang, 'trends.since.none', step))
      : list(m.sinceLastYear.map((c) => changeSentence(c, lang, names, false))),
  ]);
  const body = joinHtml([
    machineMultiples(lang, m, `${chapterId}-fig-trends`, machineTitle(machine)),
    present < 2 ? paragraph(rt(lang, 'trends.machine.onlyOne')) : since,
    links,
    leads,
  ]);
  return section({
    id: `${chapterId}-trends`,
    title: rt(lang, 'trends.machine.title'),
    level: 2,
    body,
  });
}
