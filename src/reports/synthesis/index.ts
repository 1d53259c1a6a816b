/**
 * The national and regional syntheses: the 2010 ANAP report's structure rebuilt from a stored
 * campaign — panel, appointment and report delays, openings, volume, durations, occupancy
 * bubbles, on-call and night, caveats — per modality, every P20/P50/P80 beside the value 2010
 * published (and the national value in a region's), then the territories (densities against
 * the OECD, fleet age, platforms, night coverage) when a territory document is handed in. Pure:
 * a `ReportDocument` of escaped HTML with SVG charts, laid out and printed by `../document.ts`
 * and `../pdf.ts`.
 */
import type { CampaignIndex } from '../../core/views/campaign-index.ts';
import type { Lang } from '../../i18n/index.ts';
import type { TerritoryDocument } from '../../plan/territories/types.ts';
import type { ReportDocument } from '../document-types.ts';
import type { PlanningInputs } from '../planning.ts';
import type { PercentileTable } from './data/percentiles.ts';
import { percentileTables } from './data/percentiles.ts';
import { panelTotal, legalStatusRows } from './data/panel.ts';
import { sm } from './messages/index.ts';
import { renderContext } from './render/context.ts';
import type { SynthesisRequest } from './scope.ts';
import { synthesisScope } from './scope.ts';
import { appointmentSections } from './sections/appointments.ts';
import { caveatSections } from './sections/caveats.ts';
import { durationSections } from './sections/durations.ts';
import { introductionSections } from './sections/introduction.ts';
import { nightSections } from './sections/night.ts';
import { occupancySections } from './sections/occupancy.ts';
import { oncallSections } from './sections/oncall.ts';
import { openingSections } from './sections/openings.ts';
import { reportDelaySections } from './sections/report-delays.ts';
import { territorySections } from './sections/territories.ts';
import { trendsSections } from './sections/trends.ts';
import { campaignTrendSections, synthesisTrend } from './sections/trends-campaigns.ts';
import type { TrendSeries } from '../../core/trends/index.ts';
import { volumeSections } from './sections/volume.ts';

export type { SynthesisRequest, SynthesisScope } from './scope.ts';
export { synthesisScope, UnknownRegionError } from './scope.ts';
export type { PercentileRow, PercentileTable, PercentileTableKind } from './data/percentiles.ts';
export { PERCENTILE_TABLE_KINDS } from './data/percentiles.ts';
export { ONCALL_CHAPTER } from './sections/oncall.ts';
export { CAMPAIGN_TRENDS_CHAPTER } from './sections/trends-campaigns.ts';
export type { Published } from './reference.ts';
export { relativeGap } from './reference.ts';
export { percentileCells, formatGap } from './render/percentile-table.ts';

/**
 * The level-1 chapters of a synthesis, in order (section ids). A regional synthesis given the
 * campaign's planning inputs has one more, "oncall" (`ONCALL_CHAPTER`), after "territories".
 */
export const SYNTHESIS_CHAPTERS = [
  'introduction',
  'trends',
  'appointments',
  'report-delays',
  'openings',
  'volume',
  'durations',
  'occupancy',
  'night',
  'territories',
  'caveats',
] as const;

/** What a synthesis may be given beside the campaign. */
export interface SynthesisOptions {
  /**
   * The campaign's territory document (`territoriesOf` of plan/territories, without a region
   * filter: a regional synthesis picks its current INSEE region from it). Absent, the chapter
   * "Territoires" says why it is missing.
   */
  territories?: TerritoryDocument | null;
  /**
   * The campaign's planning documents (`planningInputs` of its kit): a regional synthesis gains
   * the chapter "Nuits et téléradiologie" (PDS demand per département, pooling options).
   */
  planning?: PlanningInputs | null;
  /**
   * The trend series anchored on the campaign (`loadStoredSeries`): with an earlier campaign in
   * it, the chapter "Trends across campaigns" (`CAMPAIGN_TRENDS_CHAPTER`) follows "trends".
   */
  trends?: TrendSeries | null;
}

/**
 * The synthesis of a campaign, national or for one region (throws `UnknownRegionError` for a
 * region without establishments), in `lang`, with its territory chapter when `options` gives
 * the territory document.
 *
 * @example
 * const doc = synthesisDocument(index, {}, 'fr', { territories: territoriesOf(source) });
 * const pdf = await printReport(doc); // ../pdf.ts
 * synthesisDocument(index, { region: 'Bretagne' }, 'en').title; // "Regional synthesis — Bretagne"
 */
export function synthesisDocument(
  index: CampaignIndex,
  scope: SynthesisRequest,
  lang: Lang,
  options: SynthesisOptions = {},
): ReportDocument {
  const s = synthesisScope(index, scope);
  const ctx = renderContext(s, lang);
  const total = panelTotal(legalStatusRows(s));
  const regions = new Set(s.establishments.map((e) => e.region)).size;
  return {
    kind: s.region === null ? 'national' : 'region',
    lang,
    campaign: index.ref,
    title:
      s.region === null
        ? sm(lang, 'doc.title.national')
        : sm(lang, 'doc.title.region', { region: s.region }),
    subtitle: sm(lang, 'doc.subtitle', {
      establishments: total.establishments,
      regions,
      ct: total.machines.CT,
      mr: total.machines.MR,
      exams: total.exams,
    }),
    sections: [
      ...introductionSections(ctx),
      ...trendsSections(ctx),
      ...campaignTrendSections(ctx, synthesisTrend(options.trends, s.region)),
      ...appointmentSections(ctx),
      ...reportDelaySections(ctx),
      ...openingSections(ctx),
      ...volumeSections(ctx),
      ...durationSections(ctx),
      ...occupancySections(ctx),
      ...nightSections(ctx),
      ...territorySections(ctx, options.territories),
      ...oncallSections(ctx, options.planning),
      ...caveatSections(ctx),
    ],
    toc: true,
  };
}

/**
 * Every P20/P50/P80 table the synthesis prints, as data: the rows tests check against the 2010
 * published values, and what exports could reuse.
 *
 * @example
 * synthesisTables(index, {}, 'fr').find((t) => t.id === 'occupancy-ct')?.rows[1]?.value?.p50; // ≈ 0.607
 */
export function synthesisTables(
  index: CampaignIndex,
  scope: SynthesisRequest,
  lang: Lang,
): PercentileTable[] {
  return percentileTables(synthesisScope(index, scope), lang);
}
