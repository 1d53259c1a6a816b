/**
 * The on-call, costs and relevance documents' speed (issue 14) on the national campaign (seed
 * 2010, written and read back as a kit, so its patient keys, act families and illustrative costs
 * are those a user imports): `computeRelevance` at département level (neuro share, repeats over
 * ~270k keyed exams, data quality), `costsDocument` over the 517 machines, `oncallDocument` for
 * the largest region at the default reading model (fixed, simulated queues) and for one
 * département; and the kit reader's extra checks (`patient_key`) as part of reading exams.csv.
 *
 * Same seeded data every time; each figure is the median of several runs after one warm-up run
 * (`timed`, shared with bench/territories.ts). Each document is checked first (sites, options,
 * repeats found): a bench of a broken computation would be meaningless.
 */
import { join } from 'node:path';
import type { Kit } from '../src/core/kit-types.ts';
import { computeCampaignDetailed } from '../src/core/indicators/index.ts';
import { writeGeneratedKit } from '../src/generate/index.ts';
import { readKitDir } from '../src/ingest/kit/read-kit.ts';
import { computeCosts, costMachines, costsDocument } from '../src/plan/costs/index.ts';
import {
  defaultReadingModel,
  oncallDocument,
  sitesOfTerritory,
  type OncallTerritory,
} from '../src/plan/oncall/index.ts';
import { computeRelevance } from '../src/plan/relevance/document.ts';
import { timed, type TerritoryBenchRow } from './territories.ts';

const RUNS = 5;
const fmt = (n: number): string => n.toLocaleString('en-US');

/** The pooling document of a territory of the kit, at the default reading model. */
function pooling(kit: Kit, territory: OncallTerritory): ReturnType<typeof oncallDocument> {
  const found = sitesOfTerritory(kit, territory);
  if (!found.ok) throw new Error(`no site in ${territory.kind} ${territory.code}`);
  return oncallDocument(kit, found.sites, {
    territory,
    model: defaultReadingModel(),
    holidays: [],
  });
}

/**
 * Writes the national campaign under `root`, reads it back, checks the documents, then times them.
 *
 * @example
 * console.log(territoriesTable(await benchPlanning(root)));
 */
export async function benchPlanning(root: string): Promise<TerritoryBenchRow[]> {
  const dir = join(root, 'planning-campaign');
  await writeGeneratedKit(dir, { seed: 2010 });
  const read = await readKitDir(dir);
  const kit = read.kit;
  if (!kit?.costs) throw new Error('the generated campaign does not read back with its costs');
  const exams = `${fmt(kit.exams.length)} exams`;
  const machines = computeCampaignDetailed(kit).indicators.machines;
  const costInput = {
    campaign: { year: Number(kit.campaign.start.slice(0, 4)), days: kit.campaign.days },
    machines: costMachines(kit.equipment, machines),
    costs: kit.costs,
  };
  const region: OncallTerritory = {
    kind: 'region',
    code: '11',
    name: 'Île-de-France',
    sites: null,
  };
  const department: OncallTerritory = { kind: 'department', code: '59', name: 'Nord', sites: null };

  const relevance = computeRelevance(kit, 'department');
  const keyed = relevance.sites.filter((s) => s.repeatShare !== null).length;
  if (relevance.sites.length < 100 || keyed === 0)
    throw new Error('relevance: too few sites or no repeat found');
  const costs = costsDocument(computeCosts(costInput), null);
  if (costs.machines.filter((m) => m.costPerYear !== null).length !== kit.equipment.length)
    throw new Error('costs: a machine has no cost');
  const idf = pooling(kit, region);
  if (idf.options.length !== 4 || idf.options.some((o) => o.linesNeeded === null))
    throw new Error('on-call: an option has no line count');
  console.log(
    `national campaign: ${exams}, ${kit.equipment.length} machines; Île-de-France ${idf.sites.length} sites, hub ${idf.options[1]?.linesNeeded} lines`,
  );

  return [
    timed('relevance document (département level)', exams, RUNS, () =>
      computeRelevance(kit, 'department'),
    ),
    timed('costs document', `${kit.equipment.length} machines`, RUNS, () =>
      costsDocument(computeCosts(costInput), null),
    ),
    timed(
      'on-call document, Île-de-France (default model)',
      `${idf.sites.length} sites`,
      RUNS,
      () => pooling(kit, region),
    ),
    timed(
      'on-call document, Nord (59)',
      `${pooling(kit, department).sites.length} sites`,
      RUNS,
      () => pooling(kit, department),
    ),
  ];
}
