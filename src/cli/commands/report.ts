/**
 * `plateau report`: a stored campaign's site fiche, regional or national synthesis, printed to
 * PDF by Chromium (or written as HTML with --html). Reads the store once, builds the report,
 * prints it, and closes the browser before it returns.
 */
import { writeFile } from 'node:fs/promises';
import { CampaignIndex, PEER_SCOPES } from '../../core/views/index.ts';
import { DEFAULT_LANG, LANGS } from '../../i18n/index.ts';
import { territoriesOf } from '../../plan/territories/territory-query.ts';
import type { TerritoryDocument } from '../../plan/territories/types.ts';
import type { ReportRequest } from '../../reports/build.ts';
import { buildReport, needsTerritories } from '../../reports/build.ts';
import { renderReportHtml } from '../../reports/document.ts';
import type { MachineWhatIf } from '../../reports/site-fiche/what-would-change.ts';
import { whatWouldChangeOfSite } from '../../reports/site-fiche/what-would-change-run.ts';
import type { SiteBundleOrigin } from '../../reports/site-fiche/bundle.ts';
import { ReportError } from '../../reports/errors.ts';
import { closePdfBrowser, printReport } from '../../reports/pdf.ts';
import type { PlanningInputs } from '../../reports/planning.ts';
import { planningInputs } from '../../reports/planning.ts';
import { namedDestinationPages } from '../../reports/pdf-destinations.ts';
import type { CampaignData } from '../../core/views/index.ts';
import { loadCampaignData, loadKit, siteBundleOrigin } from '../../storage/index.ts';
import { loadStoredSeries } from '../../storage/trend-series.ts';
import type { TrendSeries } from '../../core/trends/index.ts';
import { loadTerritorySource } from '../../storage/territory-source.ts';
import type { Command, OptionValues } from '../command.ts';
import { enumOption, positionals, STORE_OPTIONS, stringOption } from '../command.ts';
import { UsageError, UserError } from '../output.ts';
import { chooseCampaign } from './campaigns.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau report (--site FINESS | --region R | --national) --out FILE.pdf [options]

Prints a report of a stored campaign to PDF (A4, page numbers), with Debian's Chromium:

  --site FINESS         the site fiche of one establishment: each machine among its peers,
                        its improvement leads ranked by the hours per week they would free,
                        and what the top ones would change, simulated on the machine's own
                        data (status quo vs scenario, 20 replications, fixed seed); its costs
                        when the campaign has a costs.csv (an illustrative set is badged) and
                        its relevance (CT share of head imaging vs peer sites, repeats, data
                        quality)
  --region R            the synthesis of one region (its figures beside the national ones),
                        with a chapter "Nuits et téléradiologie": PDS exams per week per
                        département and the four on-call pooling options at default settings
  --national            the national synthesis, laid out like the 2010 ANAP report
                        (both syntheses end with a chapter "Territoires": the map of CT and
                        MRI units per million by département, densities beside France and the
                        OECD, exams per 1,000, gaps, fleet age, platforms, night coverage and
                        pooled waits, from the equipment register when the campaign has one;
                        a region's figures are those of its current INSEE region)
  --out FILE            where to write the PDF (or the HTML with --html)
  --lang fr|en          the report's language (default fr)
  --campaign ID         which stored campaign (default: the last imported, named on stderr
                        when the store holds several; see 'plateau campaigns list')
  --scope S             site fiche peers: modality (default), region, legalStatus or typology
  --html                write the HTML page instead of printing it (to check a layout)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Chromium: /usr/bin/chromium, or the executable named by $PLATEAU_CHROMIUM.

Examples:
  plateau report --site 590780193 --out fiche.pdf
  plateau report --national --lang en --out national-synthesis.pdf
  plateau report --region Bretagne --out bretagne.pdf`;

/** The report the options ask for; a usage error unless exactly one kind is given. */
function requestOf(values: OptionValues): ReportRequest {
  const site = stringOption(values, 'site');
  const region = stringOption(values, 'region');
  const national = values['national'] === true;
  const given = [site !== undefined, region !== undefined, national].filter(Boolean).length;
  if (given !== 1)
    throw new UsageError('give exactly one of --site FINESS, --region R and --national');
  const scope = enumOption(values, 'scope', PEER_SCOPES);
  if (scope !== undefined && site === undefined)
    throw new UsageError('--scope applies to a site fiche (--site) only');
  if (site !== undefined) {
    if (site.trim() === '') throw new UsageError('--site takes a FINESS number');
    return { kind: 'site', finess: site.trim(), ...(scope ? { scope } : {}) };
  }
  if (region !== undefined) {
    if (region.trim() === '') throw new UsageError('--region takes a region name');
    return { kind: 'region', region: region.trim() };
  }
  return { kind: 'national' };
}

/**
 * The stored campaign's index (see `chooseCampaign`), or a user error naming the stored
 * campaigns; with its territory document when the report prints it (the syntheses), the
 * simulated leads of the site's machines for a site fiche, and the planning documents of its kit
 * (exams read once) for a site fiche or a regional synthesis (read while the store is open).
 */
async function campaignData(
  values: OptionValues,
  campaignId: string | undefined,
  request: ReportRequest,
): Promise<{
  index: CampaignIndex;
  territories: TerritoryDocument | null;
  whatIf?: Map<string, MachineWhatIf>;
  planning: PlanningInputs | null;
  bundle?: SiteBundleOrigin | null;
  trends: TrendSeries | null;
}> {
  return withStore(values, async (store) => {
    const { id } = await chooseCampaign(store, campaignId);
    const data: CampaignData | null = await loadCampaignData(store, id);
    if (!data) throw new UserError(`campaign '${id}' is no longer in ${store.location}`);
    const index = new CampaignIndex(data);
    const kit = request.kind === 'national' ? null : await loadKit(store, id);
    const planning = kit ? planningInputs(kit, index) : null;
    // The stored campaigns up to this one: with an earlier one, the report gains its trends.
    const trends = await loadStoredSeries(store, id);
    if (request.kind === 'site') {
      const bundle = index.isBundleSite(request.finess)
        ? await siteBundleOrigin(store.db, id, request.finess)
        : null;
      return {
        index,
        territories: null,
        planning,
        bundle,
        trends,
        whatIf: await whatWouldChangeOfSite(store, index, request.finess),
      };
    }
    if (!needsTerritories(request)) return { index, territories: null, planning, trends };
    return {
      index,
      territories: territoriesOf(await loadTerritorySource(store, id, data)),
      planning,
      trends,
    };
  });
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'print a site fiche, a regional or the national synthesis to PDF',
  usage: USAGE,
  options: {
    site: { type: 'string' },
    region: { type: 'string' },
    national: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    campaign: { type: 'string' },
    scope: { type: 'string' },
    html: { type: 'boolean' },
    ...STORE_OPTIONS,
  },
  async run({ positionals: args, values }) {
    positionals(args, 0, 0, 'no positional argument (see the options)');
    const request = requestOf(values);
    const lang = enumOption(values, 'lang', LANGS) ?? DEFAULT_LANG;
    const out = stringOption(values, 'out');
    if (!out) throw new UsageError('--out FILE is required');
    const started = Date.now();
    const loaded = await campaignData(values, stringOption(values, 'campaign'), request);
    const { index } = loaded;
    try {
      const doc = buildReport(index, request, lang, {
        territories: loaded.territories,
        planning: loaded.planning,
        bundle: loaded.bundle ?? null,
        trends: loaded.trends,
        ...(loaded.whatIf ? { whatIf: loaded.whatIf } : {}),
      });
      if (values['html'] === true) {
        await write(out, renderReportHtml(doc));
        process.stdout.write(`wrote ${out} (HTML, ${doc.sections.length} sections)\n`);
        return 0;
      }
      const pdf = await printReport(doc);
      await write(out, pdf);
      const { pages } = namedDestinationPages(pdf);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `wrote ${out} (${pages} pages, ${Math.round(pdf.byteLength / 1024)} KB) in ${seconds} s\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof ReportError) throw new UserError(error.message);
      throw error;
    } finally {
      await closePdfBrowser();
    }
  },
};

async function write(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    throw new UserError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
