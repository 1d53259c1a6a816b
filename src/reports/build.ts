/**
 * One entry for the three reports, shared by the CLI and the HTTP API: which report, built from
 * a loaded campaign, with a "not found" that names close matches, and the file name to save it
 * under.
 */
import type { CampaignIndex, PeerScope } from '../core/views/index.ts';
import type { Lang } from '../i18n/index.ts';
import { territoryRegion } from '../plan/territories/territory-query.ts';
import type { TerritoryDocument } from '../plan/territories/types.ts';
import type { ReportDocument } from './document-types.ts';
import { ReportError } from './errors.ts';
import { closeMatches } from './matches.ts';
import type { PlanningInputs } from './planning.ts';
import { siteFiche } from './site-fiche/index.ts';
import type { MachineWhatIf } from './site-fiche/what-would-change.ts';
import type { SiteBundleOrigin } from './site-fiche/bundle.ts';
import { synthesisDocument, UnknownRegionError } from './synthesis/index.ts';
import type { TrendSeries } from '../core/trends/index.ts';

/** Which report to build. */
export type ReportRequest =
  | { kind: 'site'; finess: string; scope?: PeerScope }
  | { kind: 'region'; region: string }
  | { kind: 'national' };

/** What a report may be given beside the campaign. */
export interface ReportInputs {
  /**
   * The campaign's territory document (`territoriesOf`, no region filter), for the syntheses'
   * chapter "Territoires"; a site fiche does not use it.
   */
  territories?: TerritoryDocument | null;
  /**
   * A site fiche's simulated leads by equipment id (`whatWouldChangeOfSite`): its machines gain a
   * "what would change" section; the syntheses do not use it.
   */
  whatIf?: ReadonlyMap<string, MachineWhatIf>;
  /**
   * The campaign's planning documents (`planningInputs` of its kit): a site fiche gains its
   * costs and relevance sections, a regional synthesis its chapter "Nuits et téléradiologie".
   */
  planning?: PlanningInputs | null;
  /**
   * A bundle site's fiche: the stored facts of its signed bundle (`siteBundleOrigin`), printed in
   * its notice (without them the notice says the site came as a bundle, key and date not given).
   */
  bundle?: SiteBundleOrigin | null;
  /**
   * The trend series anchored on the report's campaign (`loadStoredSeries`): with an earlier
   * campaign in it, the fiche and the syntheses gain their trends sections.
   */
  trends?: TrendSeries | null;
}

/** True when the report prints the territory chapter (the syntheses): its document is worth computing. */
export function needsTerritories(request: ReportRequest): boolean {
  return request.kind !== 'site';
}

/**
 * The report asked for, in `lang`. Throws a `ReportError('not-found')` for an establishment or a
 * region the campaign does not have, naming close matches.
 *
 * @example
 * buildReport(index, { kind: 'site', finess: '590780193', scope: 'region' }, 'fr').title;
 * buildReport(index, { kind: 'national' }, 'en', { territories: territoriesOf(source) });
 */
export function buildReport(
  index: CampaignIndex,
  request: ReportRequest,
  lang: Lang,
  inputs: ReportInputs = {},
): ReportDocument {
  const options = {
    ...(inputs.territories === undefined ? {} : { territories: inputs.territories }),
    ...(inputs.planning ? { planning: inputs.planning } : {}),
    ...(inputs.trends ? { trends: inputs.trends } : {}),
  };
  switch (request.kind) {
    case 'site':
      return siteFiche(
        index,
        request.finess,
        lang,
        request.scope ?? 'modality',
        inputs.whatIf,
        inputs.planning,
        inputs.bundle,
        inputs.trends,
      );
    case 'national':
      return synthesisDocument(index, {}, lang, options);
    case 'region':
      try {
        return synthesisDocument(
          index,
          { region: campaignRegion(index, request.region) },
          lang,
          options,
        );
      } catch (error) {
        if (!(error instanceof UnknownRegionError)) throw error;
        const near = closeMatches(request.region, error.known);
        throw new ReportError(
          'not-found',
          `no establishment of region '${request.region}' in campaign '${index.ref.id}'; ${
            near.length > 0
              ? `close matches: ${near.join(', ')}`
              : `regions: ${error.known.join(', ')}`
          }`,
          { cause: error },
        );
      }
  }
}

/**
 * The campaign's own name of the region `asked` names: itself when the campaign has it, else the
 * campaign's region with the same INSEE code (`11`, `Ile de France`, a pre-2016 name); `asked`
 * unchanged when none matches (the synthesis then says it is unknown, with close matches).
 *
 * @example
 * campaignRegion(index, '11'); // 'Île-de-France'
 */
export function campaignRegion(index: CampaignIndex, asked: string): string {
  const regions = index.options.regions;
  if (regions.includes(asked)) return asked;
  const code = territoryRegion(asked);
  return (code !== null && regions.find((r) => territoryRegion(r) === code)) || asked;
}

/** Lower-case ASCII for file names: "Île-de-France" → "ile-de-france". */
function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report'
  );
}

/**
 * The file name of a report: `plateau-<campaign>-site-<finess>-fr.pdf`,
 * `plateau-<campaign>-region-<region>-en.pdf`, `plateau-<campaign>-national-fr.pdf`.
 *
 * @example
 * reportFileName('synthetic-2010', { kind: 'region', region: 'Île-de-France' }, 'fr', 'pdf');
 * // "plateau-synthetic-2010-region-ile-de-france-fr.pdf"
 */
export function reportFileName(
  campaignId: string,
  request: ReportRequest,
  lang: Lang,
  extension: 'pdf' | 'html',
): string {
  const what =
    request.kind === 'site'
      ? `site-${fileSlug(request.finess)}`
      : request.kind === 'region'
        ? `region-${fileSlug(request.region)}`
        : 'national';
  return `plateau-${fileSlug(campaignId)}-${what}-${lang}.${extension}`;
}
