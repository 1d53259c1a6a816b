/**
 * Trends' speed (issue 16) on the three demo years of the national campaign (seed 2010, years 1–3:
 * 517+ machines, 28 days each): the nation's trend, every region's, every site's and every machine's
 * of the last year, built from the three campaigns' indexes as the server's cache holds them.
 * Checked first (the generator's documented changes found), then timed: medians of several runs
 * after a warm-up (`timed`, shared with bench/territories.ts).
 */
import { computeCampaignDetailed } from '../src/core/indicators/index.ts';
import { groupTrend, machineTrend, siteTrend, type TrendSeries } from '../src/core/trends/index.ts';
import { CampaignIndex } from '../src/core/views/campaign-index.ts';
import { generateKit, yearChanges } from '../src/generate/index.ts';
import { timed, type TerritoryBenchRow } from './territories.ts';

const RUNS = 5;

/** The three demo years as indexes, oldest first. */
function demoSeries(): TrendSeries {
  return [1, 2, 3].map((year) => {
    const kit = generateKit({ seed: 2010, year });
    const { indicators, samples } = computeCampaignDetailed(kit);
    return new CampaignIndex({
      results: indicators,
      samples,
      establishments: kit.establishments,
      equipment: kit.equipment,
      survey: kit.survey,
      updatedAt: new Date(0).toISOString(),
    });
  });
}

/**
 * Builds the demo series, checks that the trends find the generator's changes, then times them.
 *
 * @example
 * console.log(territoriesTable(benchTrends(), 'Trends'));
 */
export function benchTrends(): TerritoryBenchRow[] {
  const series = demoSeries();
  const last = series[series.length - 1] as CampaignIndex;
  const nation = groupTrend(series, null);
  const changes = yearChanges({ seed: 2010, year: 3 });
  const replaced = changes.find((c) => c.kind === 'machine-replaced');
  if (!nation || !replaced) throw new Error('trends: no nation trend or no documented replacement');
  const trend = machineTrend(series, replaced.equipmentId);
  if (trend?.links[0]?.equipmentId !== replaced.previousEquipmentId)
    throw new Error(
      `trends: ${replaced.equipmentId} is not followed back to ${replaced.previousEquipmentId}`,
    );
  const regions = [...new Set(last.data.establishments.map((e) => e.region))];
  const sites = last.listings.map((l) => l.finess);
  const machines = last.machines.map((m) => m.equipmentId);
  console.log(
    `three demo years: ${series.map((s) => `${s.ref.id} (${s.machines.length} machines)`).join(', ')}; ${nation.changes.length} changes in the nation's trend`,
  );
  return [
    timed('nation trend (both modalities)', '3 campaigns', RUNS, () => groupTrend(series, null)),
    timed('every region trend', `${regions.length} regions`, RUNS, () =>
      regions.map((r) => groupTrend(series, r)),
    ),
    timed('every site trend', `${sites.length} sites`, RUNS, () =>
      sites.map((f) => siteTrend(series, f)),
    ),
    timed(
      'every machine trend',
      `${machines.length} machines`,
      RUNS,
      () => machines.map((id) => machineTrend(series, id)),
      (ms) => `${((ms * 1000) / machines.length).toFixed(0)} µs/machine`,
    ),
  ];
}
