/**
 * The planning documents the reports print (costs, relevance, on-call pooling), computed from a
 * stored campaign's kit (`loadKit`, exams included) and its loaded index. Each document is
 * computed on first use and kept with the kit (a `WeakMap` on the kit object), so the French and
 * English copies of a report, and the reports of one import, compute it once.
 */
import type { Kit } from '../core/kit-types.ts';
import type { CampaignIndex } from '../core/views/index.ts';
import { computeCosts, costMachines, costsDocument } from '../plan/costs/index.ts';
import type { CostsDocument } from '../plan/costs/index.ts';
import type { OncallDocument } from '../plan/oncall/document.ts';
import { oncallDocument, sitesOfTerritory } from '../plan/oncall/document.ts';
import { defaultReadingModel } from '../plan/oncall/pooling.ts';
import type { ReadingDistribution } from '../plan/oncall/types.ts';
import type { RelevanceDocument } from '../plan/relevance/document.ts';
import { computeRelevance } from '../plan/relevance/document.ts';
import { regionByCode } from '../plan/territories/population.ts';

/** What the reports read of the planning documents. */
export interface PlanningInputs {
  /** The campaign's costs (`Kit.costs`), per machine and site; `null` when the campaign has none. */
  costs(): CostsDocument | null;
  /** Neuro share, repeats and data quality per site, départements as territories. */
  relevance(): RelevanceDocument;
  /**
   * The on-call pooling of the sites of INSEE region `code` at the default settings
   * (`defaultReadingModel()`: illustrative reading times, 30 min, 90 %; no holiday, no hourly
   * rate), the reading-time distribution `distribution` when given; `null` when the campaign has
   * no site there.
   */
  oncallOfRegion(code: string, distribution?: ReadingDistribution): OncallDocument | null;
}

const known = new WeakMap<Kit, { index: CampaignIndex; inputs: PlanningInputs }>();

function memo<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

/**
 * The planning inputs of a stored campaign: `kit` from `loadKit` and `index` its loaded results
 * (the cost ratios divide by the stored indicators' activity). The same object for the same kit
 * and index.
 *
 * @example
 * const kit = await loadKit(store, id);
 * const planning = kit ? planningInputs(kit, index) : null;
 * buildReport(index, { kind: 'site', finess }, 'fr', { planning });
 */
export function planningInputs(kit: Kit, index: CampaignIndex): PlanningInputs {
  const cached = known.get(kit);
  if (cached && cached.index === index) return cached.inputs;
  // Sites that came as signed bundles have no exams: relevance and on-call leave them out (the
  // syntheses' panel and a bundle site's fiche say so); costs keep them (stored figures).
  const exams = index.withoutBundleSites(kit);
  const costs = memo((): CostsDocument | null => {
    if (!kit.costs || kit.costs.rows.length === 0) return null;
    const campaign = index.data.results.campaign;
    const report = computeCosts({
      campaign: { year: Number(campaign.start.slice(0, 4)), days: campaign.days },
      machines: costMachines(index.data.equipment, index.data.results.machines),
      costs: kit.costs,
    });
    return costsDocument(report, null);
  });
  const relevance = memo(() => computeRelevance(exams, 'department'));
  const oncall = new Map<string, OncallDocument | null>();
  const inputs: PlanningInputs = {
    costs,
    relevance,
    oncallOfRegion(code, distribution) {
      const key = `${code}|${distribution ?? ''}`;
      if (!oncall.has(key)) {
        const territory = {
          kind: 'region' as const,
          code,
          name: regionByCode(code)?.name ?? null,
          sites: null,
        };
        const sites = sitesOfTerritory(exams, territory);
        oncall.set(
          key,
          sites.ok
            ? oncallDocument(exams, sites.sites, {
                territory,
                model: defaultReadingModel(distribution ? { distribution } : {}),
                holidays: [],
              })
            : null,
        );
      }
      return oncall.get(key) ?? null;
    },
  };
  known.set(kit, { index, inputs });
  return inputs;
}
