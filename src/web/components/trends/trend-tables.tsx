/**
 * The trend pages' tables, each exportable (CSV, XLSX) through DataTable: a machine's figures
 * campaign by campaign (value and rank), a group's (median and P20–P80), a group's and a site's
 * counts per campaign, the leads followed with their verdicts, and a machine's links.
 */
import type { ReactNode } from 'react';
import { trendCampaignLabels, trendFigureUnit } from '../../../charts/trends.ts';
import type {
  FigureTrend,
  GroupTrendYear,
  LeadFollowUp,
  MachineLink,
  SiteTrendYear,
} from '../../../core/trends/types.ts';
import type { CampaignRef, FigureKey } from '../../../core/views/types.ts';
import type { FigureUnit } from '../../../i18n/format.ts';
import {
  formatHoursPerWeek,
  formatInteger,
  formatRank,
  formatValue,
  MISSING,
  unitSymbol,
} from '../../../i18n/format.ts';
import { figureLabel, leadLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import type { Column } from '../data-table.tsx';
import { DataTable } from '../data-table.tsx';
import { linkLabel, originLabel, verdictLabel } from '../../../i18n/trend-words.ts';

/** A figure's value as exported: percent points for fractions, as the other screens' tables. */
const exported = (v: number | null | undefined, unit: FigureUnit): number | null =>
  v === null || v === undefined ? null : unit === 'fraction' ? v * 100 : v;

/** A machine's figures: one row per figure, its value and rank in each campaign. */
export function MachineFiguresTable({
  name,
  title,
  figures,
  campaigns,
}: {
  name: string;
  title: string;
  figures: readonly FigureTrend[];
  campaigns: readonly CampaignRef[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const labels = trendCampaignLabels(campaigns);
  const point = (f: FigureTrend, id: string) => f.points.find((p) => p.campaignId === id) ?? null;
  const columns: Column<FigureTrend>[] = [
    {
      key: 'figure',
      label: t('trends.web.col.figure'),
      kind: 'text',
      value: (f) => figureLabel(f.key, lang),
    },
    {
      key: 'unit',
      label: t('trends.web.col.unit'),
      kind: 'text',
      value: (f) => unitSymbol(f.unit, lang),
      exportOnly: true,
    },
    ...campaigns.map((c, i): Column<FigureTrend> => ({
      key: `value-${c.id}`,
      label: t('trends.web.col.value', { campaign: labels[i] ?? c.name }),
      kind: 'number',
      value: (f) => exported(point(f, c.id)?.value, f.unit),
      render: (f) => formatValue(point(f, c.id)?.value, f.unit, lang),
    })),
    ...campaigns.map((c, i): Column<FigureTrend> => ({
      key: `rank-${c.id}`,
      label: t('trends.web.col.rank', { campaign: labels[i] ?? c.name }),
      kind: 'percent',
      value: (f) => point(f, c.id)?.rank ?? null,
      render: (f) => formatRank(point(f, c.id)?.rank, lang),
    })),
  ];
  return (
    <DataTable name={name} title={title} columns={columns} rows={figures} rowKey={(f) => f.key} />
  );
}

/** A group's figures: one row per figure, its median and P20–P80 in each campaign. */
export function GroupFiguresTable({
  name,
  title,
  keys,
  years,
  campaigns,
}: {
  name: string;
  title: string;
  keys: readonly FigureKey[];
  years: readonly GroupTrendYear[];
  campaigns: readonly CampaignRef[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const labels = trendCampaignLabels(campaigns);
  const band = (key: FigureKey, id: string) =>
    years.find((y) => y.campaignId === id)?.figures[key] ?? null;
  const columns: Column<FigureKey>[] = [
    {
      key: 'figure',
      label: t('trends.web.col.figure'),
      kind: 'text',
      value: (k) => figureLabel(k, lang),
    },
    {
      key: 'unit',
      label: t('trends.web.col.unit'),
      kind: 'text',
      value: (k) => unitSymbol(trendFigureUnit(k), lang),
      exportOnly: true,
    },
    ...campaigns.flatMap((c, i): Column<FigureKey>[] => {
      const campaign = labels[i] ?? c.name;
      const fmt = (k: FigureKey, v: number | null | undefined): string =>
        formatValue(v, trendFigureUnit(k), lang);
      return [
        {
          key: `p20-${c.id}`,
          label: t('trends.web.col.p20', { campaign }),
          kind: 'number',
          value: (k) => exported(band(k, c.id)?.p20, trendFigureUnit(k)),
          exportOnly: true,
        },
        {
          key: `p50-${c.id}`,
          label: t('trends.web.col.band', { campaign }),
          kind: 'number',
          value: (k) => exported(band(k, c.id)?.p50, trendFigureUnit(k)),
          render: (k) => {
            const q = band(k, c.id);
            if (!q) return MISSING;
            return (
              <>
                <span data-testid="p50">{fmt(k, q.p50)}</span>{' '}
                <span className="muted small">
                  ({fmt(k, q.p20)} – {fmt(k, q.p80)})
                </span>
              </>
            );
          },
        },
        {
          key: `p80-${c.id}`,
          label: t('trends.web.col.p80', { campaign }),
          kind: 'number',
          value: (k) => exported(band(k, c.id)?.p80, trendFigureUnit(k)),
          exportOnly: true,
        },
      ];
    }),
  ];
  return <DataTable name={name} title={title} columns={columns} rows={keys} rowKey={(k) => k} />;
}

interface CampaignRow<Y> {
  campaign: CampaignRef;
  label: string;
  year: Y | null;
}

function campaignRows<Y extends { campaignId: string }>(
  campaigns: readonly CampaignRef[],
  years: readonly Y[],
): CampaignRow<Y>[] {
  const labels = trendCampaignLabels(campaigns);
  return campaigns.map((campaign, i) => ({
    campaign,
    label: labels[i] ?? campaign.name,
    year: years.find((y) => y.campaignId === campaign.id) ?? null,
  }));
}

/** The campaign's short label on screen, its full name in the exported files. */
const campaignColumns = <Y,>(label: string): Column<CampaignRow<Y>>[] => [
  { key: 'campaign', label, kind: 'text', value: (r) => r.label },
  { key: 'campaignName', label, kind: 'text', value: (r) => r.campaign.name, exportOnly: true },
];

/** A table of one row per campaign of the series. */
function CampaignTable<Y>({
  name,
  title,
  columns,
  rows,
}: {
  name: string;
  title: string;
  columns: readonly Column<CampaignRow<Y>>[];
  rows: readonly CampaignRow<Y>[];
}): ReactNode {
  return (
    <DataTable
      name={name}
      title={title}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.campaign.id}
    />
  );
}

/** A group's size per campaign: machines, sites (of which bundles), exams. */
export function GroupCountsTable({
  name,
  title,
  years,
  campaigns,
}: {
  name: string;
  title: string;
  years: readonly GroupTrendYear[];
  campaigns: readonly CampaignRef[];
}): ReactNode {
  const t = useT();
  const count = (
    key: string,
    label: string,
    pick: (y: GroupTrendYear) => number,
  ): Column<CampaignRow<GroupTrendYear>> => ({
    key,
    label,
    kind: 'number',
    value: (r) => (r.year ? pick(r.year) : null),
  });
  const columns: Column<CampaignRow<GroupTrendYear>>[] = [
    ...campaignColumns<GroupTrendYear>(t('trends.web.col.campaign')),
    count('machines', t('trends.web.col.machines'), (y) => y.machines),
    count('sites', t('trends.web.col.sites'), (y) => y.sites),
    count('bundleSites', t('trends.web.col.bundleSites'), (y) => y.bundleSites),
    count('exams', t('trends.web.col.exams'), (y) => y.exams),
  ];
  return (
    <CampaignTable
      name={name}
      title={title}
      columns={columns}
      rows={campaignRows(campaigns, years)}
    />
  );
}

/** A site per campaign: present, origin, machines, exams, openings. */
export function SiteYearsTable({
  name,
  title,
  years,
  campaigns,
}: {
  name: string;
  title: string;
  years: readonly SiteTrendYear[];
  campaigns: readonly CampaignRef[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  type Row = CampaignRow<SiteTrendYear>;
  const hours = (
    key: string,
    label: string,
    pick: (y: SiteTrendYear) => number | null,
  ): Column<Row> => ({
    key,
    label,
    kind: 'number',
    value: (r) => (r.year ? pick(r.year) : null),
    render: (r) => formatHoursPerWeek(r.year ? pick(r.year) : null, lang),
  });
  const columns: Column<Row>[] = [
    ...campaignColumns<SiteTrendYear>(t('trends.web.col.campaign')),
    {
      key: 'present',
      label: t('trends.web.col.present'),
      kind: 'text',
      value: (r) => t(r.year?.present ? 'trends.web.yes' : 'trends.web.no'),
    },
    {
      key: 'origin',
      label: t('trends.web.col.origin'),
      kind: 'text',
      value: (r) => originLabel(r.year?.origin ?? null, lang),
    },
    {
      key: 'ct',
      label: t('trends.web.col.ct'),
      kind: 'number',
      value: (r) => r.year?.machines.CT ?? 0,
    },
    {
      key: 'mr',
      label: t('trends.web.col.mr'),
      kind: 'number',
      value: (r) => r.year?.machines.MR ?? 0,
    },
    {
      key: 'exams',
      label: t('trends.web.col.exams'),
      kind: 'number',
      value: (r) => r.year?.exams ?? null,
      render: (r) => formatInteger(r.year?.exams ?? null, lang),
    },
    hours('programmedOpening', t('trends.web.col.programmedOpening'), (y) => y.programmedOpening),
    hours('totalOpening', t('trends.web.col.totalOpening'), (y) => y.totalOpening),
  ];
  return (
    <CampaignTable
      name={name}
      title={title}
      columns={columns}
      rows={campaignRows(campaigns, years)}
    />
  );
}

/** A lead followed, with the machine it is of (a site's table lists several machines'). */
export interface LeadRow {
  machine: string;
  followUp: LeadFollowUp;
}

/** The leads followed from one campaign to the next, with their verdicts. */
export function LeadsFollowUpTable({
  name,
  title,
  rows,
  campaigns,
  withMachine,
}: {
  name: string;
  title: string;
  rows: readonly LeadRow[];
  campaigns: readonly CampaignRef[];
  withMachine: boolean;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const labels = trendCampaignLabels(campaigns);
  const short = (id: string): string => labels[campaigns.findIndex((c) => c.id === id)] ?? id;
  const columns: Column<LeadRow>[] = [
    ...(withMachine
      ? [
          {
            key: 'machine',
            label: t('trends.web.col.machine'),
            kind: 'text' as const,
            value: (r: LeadRow) => r.machine,
          },
        ]
      : []),
    {
      key: 'lead',
      label: t('trends.web.col.lead'),
      kind: 'text',
      value: (r) => leadLabel(r.followUp.key, lang),
    },
    {
      key: 'period',
      label: t('trends.web.col.period'),
      kind: 'text',
      value: (r) => `${short(r.followUp.from)} → ${short(r.followUp.to)}`,
    },
    {
      key: 'before',
      label: t('trends.web.col.before'),
      kind: 'number',
      value: (r) => r.followUp.before?.hoursPerWeek ?? null,
      render: (r) => formatHoursPerWeek(r.followUp.before?.hoursPerWeek ?? null, lang),
    },
    {
      key: 'after',
      label: t('trends.web.col.after'),
      kind: 'number',
      value: (r) => r.followUp.after?.hoursPerWeek ?? null,
      render: (r) => formatHoursPerWeek(r.followUp.after?.hoursPerWeek ?? null, lang),
    },
    {
      key: 'verdict',
      label: t('trends.web.col.verdict'),
      kind: 'text',
      value: (r) => verdictLabel(r.followUp.verdict, lang),
      render: (r) => (
        <span className={`verdict-${r.followUp.verdict}`}>
          {verdictLabel(r.followUp.verdict, lang)}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      name={name}
      title={title}
      columns={columns}
      rows={rows}
      rowKey={(r, i) => `${r.machine}|${r.followUp.key}|${r.followUp.from}|${i}`}
      empty={t('trends.web.leads.none')}
    />
  );
}

/** How a machine is known in each campaign: id, link kind (mapped = replaced or renamed), label. */
export function MachineLinksTable({
  name,
  title,
  links,
  campaigns,
}: {
  name: string;
  title: string;
  links: readonly MachineLink[];
  campaigns: readonly CampaignRef[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const labels = trendCampaignLabels(campaigns);
  const index = (id: string): number => campaigns.findIndex((c) => c.id === id);
  const columns: Column<MachineLink>[] = [
    {
      key: 'campaign',
      label: t('trends.web.col.campaign'),
      kind: 'text',
      value: (l) => labels[index(l.campaignId)] ?? l.campaignId,
    },
    {
      key: 'campaignName',
      label: t('trends.web.col.campaign'),
      kind: 'text',
      value: (l) => campaigns[index(l.campaignId)]?.name ?? l.campaignId,
      exportOnly: true,
    },
    {
      key: 'equipmentId',
      label: t('trends.web.col.equipmentId'),
      kind: 'text',
      value: (l) => l.equipmentId,
    },
    {
      key: 'link',
      label: t('trends.web.col.link'),
      kind: 'text',
      value: (l) => linkLabel(l.link, lang),
    },
    { key: 'label', label: t('trends.web.col.label'), kind: 'text', value: (l) => l.label },
    {
      key: 'installed',
      label: t('trends.web.col.installed'),
      kind: 'text',
      value: (l) => (l.installedYear === null ? null : String(l.installedYear)),
    },
    {
      key: 'origin',
      label: t('trends.web.col.origin'),
      kind: 'text',
      value: (l) => originLabel(l.origin, lang),
    },
  ];
  return (
    <DataTable
      name={name}
      title={title}
      columns={columns}
      rows={links}
      rowKey={(l) => l.campaignId}
    />
  );
}
