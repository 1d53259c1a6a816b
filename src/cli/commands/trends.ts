/**
 * `plateau trends`: the nation, a region, a site or a machine over the campaigns of the store, up to
 * the one shown (issue 16). The series is read from the store (`loadStoredSeries`) and built by the
 * core trend builders; text gives one row per figure and one column per campaign, then the leads
 * followed and "since last year" in words; --json gives the API's JSON.
 */
import { MACHINE_FIGURES } from '../../core/benchmark.ts';
import type { Modality } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import type { Quantiles } from '../../core/stats.ts';
import type {
  FigureTrend,
  GroupTrend,
  LeadFollowUp,
  MachineTrend,
  SiteTrend,
  TrendChange,
  TrendSeries,
} from '../../core/trends/index.ts';
import { groupTrend, machineTrend, siteTrend } from '../../core/trends/index.ts';
import type { CampaignRef } from '../../core/views/types.ts';
import type { MessageKey } from '../../i18n/index.ts';
import {
  formatAxisValue,
  formatHoursPerWeek,
  formatInteger,
  formatRank,
  formatValue,
} from '../../i18n/index.ts';
import { campaignRegion } from '../../reports/build.ts';
import { loadStoredSeries } from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { enumOption, STORE_OPTIONS, stringOption } from '../command.ts';
import { getCliLang, say, table, UsageError, UserError } from '../output.ts';
import { chooseCampaign } from './campaigns.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau trends [--campaign ID] [--site FINESS | --machine ID | --region R]
                      [--modality CT|MR] [--campaigns ID,ID] [--json] [--lang fr|en]
                      [--data DIR | --database-url URL]

The nation (default), a region, a site or a machine over the stored campaigns, oldest first, up to
the one shown: every figure campaign by campaign (the value, and the peers' median), the improvement
leads followed from one campaign to the next (acted on, partly, unchanged, worse) and what changed
"since last year" (machines added, removed or replaced, notable moves of figures and ranks).
A machine is followed back by its equipment_id, or by the previous_id equipment.csv gives it.

  --campaign ID         the campaign to end on (default: the last imported, named on stderr)
  --site FINESS         one establishment: its machines, exams and opening, campaign by campaign
  --machine ID          one machine of that campaign, followed back
  --region R            a region as the kits name it, or its INSEE code (11, 32…)
  --modality CT|MR      only this modality (nation and region)
  --campaigns ID,ID     only these earlier campaigns (the one shown is always in)
  --json                the trend as JSON (the API's: GET /api/campaigns/ID/trends…)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Examples:
  plateau trends
  plateau trends --region "Hauts-de-France" --modality MR
  plateau trends --machine CT-0042 --json
  plateau trends --campaign synthetic-2010-y3 --site 590780193 --campaigns synthetic-2010`;

const FIGURE_UNITS = new Map(MACHINE_FIGURES.map((f) => [f.key, f.unit]));

const label = (key: string): string => say(key as MessageKey);

/** A campaign's column header: its start year, or its id when two campaigns share a year. */
function headers(campaigns: readonly CampaignRef[]): string[] {
  const years = campaigns.map((c) => c.start.slice(0, 4));
  return campaigns.map((c, i) =>
    years.indexOf(years[i] as string) === years.lastIndexOf(years[i] as string)
      ? (years[i] as string)
      : c.id,
  );
}

function value(key: string, v: number | null): string {
  const unit = FIGURE_UNITS.get(key);
  return unit ? formatValue(v, unit, getCliLang()) : formatInteger(v, getCliLang());
}

function figureTable(figures: readonly FigureTrend[], campaigns: readonly CampaignRef[]): string {
  return table(
    [
      { header: say('trends.col.figure') },
      ...headers(campaigns).map((header) => ({ header, align: 'right' as const })),
    ],
    figures.map((f) => [
      label(`figure.${f.key}`),
      ...f.points.map((p) =>
        p.value === null
          ? say('trends.absent')
          : say('trends.cell.value', {
              value: value(f.key, p.value),
              p50: value(f.key, p.peers?.p50 ?? null),
            }),
      ),
    ]),
  );
}

function band(key: string, q: Quantiles | null): string {
  if (q === null) return '–';
  const unit = FIGURE_UNITS.get(key);
  // The unit once, on the median; the band's ends as a chart's axis writes them.
  const end = (v: number | null): string =>
    v === null || !unit ? value(key, v) : formatAxisValue(v, unit, getCliLang());
  return say('trends.cell.band', { p50: value(key, q.p50), p20: end(q.p20), p80: end(q.p80) });
}

function leadLines(leads: readonly LeadFollowUp[]): string[] {
  if (leads.length === 0) return [];
  return [
    '',
    say('trends.leads.title'),
    ...leads.map(
      (l) =>
        `  ${say('trends.leads.row', {
          lead: label(`lead.${l.key}`),
          from: l.from,
          to: l.to,
          before: formatHoursPerWeek(l.before?.hoursPerWeek ?? null, getCliLang()),
          after: formatHoursPerWeek(l.after?.hoursPerWeek ?? null, getCliLang()),
          verdict: label(`trends.web.verdict.${l.verdict}`),
        })}`,
    ),
  ];
}

/** One change in words (the web's sentences). */
export function changeWords(
  change: TrendChange,
  siteName: (finess: string | null) => string,
): string {
  const machine = change.equipmentId ?? '';
  const site = siteName(change.finess);
  switch (change.kind) {
    case 'machine-added':
    case 'machine-removed':
    case 'machine-replaced':
    case 'machine-renamed':
      return say(`trends.web.change.${change.kind}` as MessageKey, {
        machine,
        site,
        previous: change.previousEquipmentId ?? '',
      });
    case 'site-added':
    case 'site-removed':
      return say(`trends.web.change.${change.kind}` as MessageKey, { site });
    case 'lead':
      return say('trends.web.change.lead', {
        subject: machine ? `${machine}, ` : '',
        lead: label(`lead.${change.lead ?? ''}`),
        verdict: label(`trends.web.verdict.${change.verdict ?? 'unknown'}`),
        before: formatHoursPerWeek(change.before, getCliLang()),
        after: formatHoursPerWeek(change.after, getCliLang()),
      });
    case 'figure': {
      const key = change.figure ?? '';
      const subject = machine
        ? `${machine}, `
        : change.modality
          ? say('trends.web.change.groupFigure', {
              modality: say(`modality.${change.modality}` as MessageKey),
            })
          : '';
      const params = {
        subject,
        figure: label(`figure.${key}`),
        before: value(key, change.before),
        after: value(key, change.after),
      };
      return change.rankBefore !== null && change.rankAfter !== null
        ? say('trends.web.change.figureRank', {
            ...params,
            rankBefore: formatRank(change.rankBefore, getCliLang()),
            rankAfter: formatRank(change.rankAfter, getCliLang()),
          })
        : say('trends.web.change.figure', params);
    }
  }
}

function sinceLines(
  campaigns: readonly CampaignRef[],
  since: readonly TrendChange[],
  siteName: (f: string | null) => string,
): string[] {
  if (campaigns.length < 2) return ['', say('trends.single')];
  const from = since[0]?.from ?? (campaigns[campaigns.length - 2] as CampaignRef).id;
  const to = since[0]?.to ?? (campaigns[campaigns.length - 1] as CampaignRef).id;
  if (since.length === 0) return ['', say('trends.since.none', { from, to })];
  return [
    '',
    say('trends.since.title', { from, to }),
    ...since.map((c) => `  - ${changeWords(c, siteName)}`),
  ];
}

function machineText(trend: MachineTrend, siteName: (f: string | null) => string): string[] {
  return [
    say('trends.title.machine', {
      machine: trend.equipmentId,
      modality: trend.modality,
      establishment: trend.establishment,
    }),
    say('trends.series', { list: trend.campaigns.map((c) => c.id).join(', ') }),
    '',
    figureTable(trend.figures, trend.campaigns),
    ...leadLines(trend.leads),
    ...sinceLines(trend.campaigns, trend.sinceLastYear, siteName),
  ];
}

function siteText(trend: SiteTrend, siteName: (f: string | null) => string): string[] {
  const lang = getCliLang();
  const rows = [
    [
      say('trends.row.present'),
      ...trend.years.map((y) => (y.present ? say('trends.web.yes') : say('trends.web.no'))),
    ],
    ...MODALITIES.map((m) => [
      say(`modality.${m}` as MessageKey),
      ...trend.years.map((y) => formatInteger(y.machines[m] ?? 0, lang)),
    ]),
    [say('trends.row.exams'), ...trend.years.map((y) => formatInteger(y.exams, lang))],
    [
      say('trends.row.programmedOpening'),
      ...trend.years.map((y) => formatHoursPerWeek(y.programmedOpening, lang)),
    ],
  ];
  return [
    say('trends.title.site', { name: trend.name, finess: trend.finess }),
    say('trends.series', { list: trend.campaigns.map((c) => c.id).join(', ') }),
    '',
    table(
      [
        { header: '' },
        ...headers(trend.campaigns).map((header) => ({ header, align: 'right' as const })),
      ],
      rows,
    ),
    ...trend.machines.flatMap((m) => [
      '',
      say('trends.machine.of', { machine: m.equipmentId }),
      figureTable(m.figures, m.campaigns),
      ...leadLines(m.leads),
    ]),
    ...sinceLines(trend.campaigns, trend.sinceLastYear, siteName),
  ];
}

function groupText(trend: GroupTrend, siteName: (f: string | null) => string): string[] {
  const lang = getCliLang();
  const out = [
    trend.level === 'region'
      ? say('trends.title.region', { region: trend.region ?? '' })
      : say('trends.title.nationAll'),
    say('trends.series', { list: trend.campaigns.map((c) => c.id).join(', ') }),
  ];
  for (const modality of MODALITIES) {
    const years = trend.byModality[modality];
    if (!years) continue;
    const rows = [
      [say('trends.row.machines'), ...years.map((y) => formatInteger(y.machines, lang))],
      [
        say('trends.row.sites'),
        ...years.map(
          (y) => `${formatInteger(y.sites, lang)} (${formatInteger(y.bundleSites, lang)})`,
        ),
      ],
      [say('trends.row.exams'), ...years.map((y) => formatInteger(y.exams, lang))],
      ...MACHINE_FIGURES.map((f) => [
        label(`figure.${f.key}`),
        ...years.map((y) => band(f.key, y.figures[f.key] ?? null)),
      ]),
    ];
    out.push(
      '',
      say('trends.title.nation', { modality: say(`modality.${modality}` as MessageKey) }),
    );
    out.push(
      table(
        [
          { header: say('trends.col.group') },
          ...headers(trend.campaigns).map((header) => ({ header, align: 'right' as const })),
        ],
        rows,
      ),
    );
  }
  return [...out, ...sinceLines(trend.campaigns, trend.sinceLastYear, siteName)];
}

/** What `plateau trends` shows: the trend asked, from `series`; a user error when it is not in the campaign. */
function build(
  series: TrendSeries,
  values: OptionValues,
  modality: Modality | undefined,
): MachineTrend | SiteTrend | GroupTrend {
  const anchor = series[series.length - 1];
  if (!anchor) throw new UserError('no campaign to show');
  const site = stringOption(values, 'site');
  const machine = stringOption(values, 'machine');
  const region = stringOption(values, 'region');
  if (machine !== undefined) {
    const trend = machineTrend(series, machine);
    if (!trend) throw new UserError(`no machine '${machine}' in campaign '${anchor.ref.id}'`);
    return trend;
  }
  if (site !== undefined) {
    const trend = siteTrend(series, site);
    if (!trend)
      throw new UserError(`no establishment with FINESS '${site}' in campaign '${anchor.ref.id}'`);
    return trend;
  }
  const named = region === undefined ? null : campaignRegion(anchor, region);
  const trend = groupTrend(series, named, modality);
  if (!trend) {
    throw new UserError(
      `no region '${region}' in campaign '${anchor.ref.id}' or the campaigns before it (regions: ${anchor.options.regions.join(', ')})`,
    );
  }
  return trend;
}

export const trendsCommand: Command = {
  name: 'trends',
  summary: 'the nation, a region, a site or a machine over the stored campaigns',
  usage: USAGE,
  options: {
    ...STORE_OPTIONS,
    json: { type: 'boolean' },
    campaign: { type: 'string' },
    campaigns: { type: 'string' },
    site: { type: 'string' },
    machine: { type: 'string' },
    region: { type: 'string' },
    modality: { type: 'string' },
  },
  async run({ positionals: args, values }) {
    if (args.length > 0)
      throw new UsageError(
        `plateau trends reads the store and takes no argument (got '${args[0]}')`,
      );
    const subjects = ['site', 'machine', 'region'].filter((o) => values[o] !== undefined);
    if (subjects.length > 1)
      throw new UsageError(
        `give one of --site, --machine and --region (got ${subjects.map((s) => `--${s}`).join(' and ')})`,
      );
    const modality = enumOption(values, 'modality', MODALITIES);
    if (
      modality !== undefined &&
      (values['site'] !== undefined || values['machine'] !== undefined)
    ) {
      throw new UsageError(
        '--modality narrows the nation or a region; a site or a machine shows its own machines',
      );
    }
    const campaigns = stringOption(values, 'campaigns');
    const chosen =
      campaigns === undefined
        ? undefined
        : campaigns
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
    if (chosen !== undefined && chosen.length === 0)
      throw new UsageError('--campaigns takes campaign ids separated by commas');
    await withStore(values, async (store) => {
      const anchor = await chooseCampaign(store, stringOption(values, 'campaign'));
      const series = await loadStoredSeries(store, anchor.id, chosen);
      if (!series)
        throw new UserError(`campaign '${anchor.id}' has no results in ${store.location}`);
      const missing = (chosen ?? []).filter((id) => !series.some((i) => i.ref.id === id));
      if (missing.length > 0) {
        throw new UserError(
          `--campaigns: no campaign ${missing.map((m) => `'${m}'`).join(', ')} stored before '${anchor.id}' in ${store.location} ('plateau campaigns list' shows them)`,
        );
      }
      const trend = build(series, values, modality);
      if (values['json'] === true) {
        process.stdout.write(`${JSON.stringify(trend, null, 2)}\n`);
        return;
      }
      const siteName = (finess: string | null): string =>
        finess === null
          ? ''
          : (series
              .findLast((i) => i.establishmentByFiness.has(finess))
              ?.establishmentByFiness.get(finess)?.name ?? finess);
      const lines =
        'equipmentId' in trend
          ? machineText(trend, siteName)
          : 'years' in trend
            ? siteText(trend, siteName)
            : groupText(trend, siteName);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
    return 0;
  },
};
