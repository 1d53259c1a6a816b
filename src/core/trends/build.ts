/**
 * The trend builders (issue 16). CONTRACT PLACEHOLDER: the trends-core helper replaces this file
 * with the implementation; the signatures are the contract the server, CLI, web and PDF code use.
 */
import type { Modality } from '../kit-types.ts';
import type { TrendSeries } from './index.ts';
import type { GroupTrend, MachineTrend, SiteTrend } from './types.ts';

/** A machine of the series' last campaign followed back; null when it is not in that campaign. */
export function machineTrend(series: TrendSeries, equipmentId: string): MachineTrend | null {
  void series;
  void equipmentId;
  throw new Error('machineTrend: not implemented yet (issue 16 contract)');
}

/** A site of the series' last campaign over the series; null when it is not in that campaign. */
export function siteTrend(series: TrendSeries, finess: string): SiteTrend | null {
  void series;
  void finess;
  throw new Error('siteTrend: not implemented yet (issue 16 contract)');
}

/**
 * The nation (`region` null) or a region (as the kits name it) over the series, per modality
 * (`modality` narrows to one); null when the region is in none of the campaigns.
 */
export function groupTrend(series: TrendSeries, region: string | null, modality?: Modality): GroupTrend | null {
  void series;
  void region;
  void modality;
  throw new Error('groupTrend: not implemented yet (issue 16 contract)');
}
