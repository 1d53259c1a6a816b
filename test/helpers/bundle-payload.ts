// What a site running plateau at home would sign: the bundle payload of `finess` from a kit
// (its machines' figures without ranks and binned samples, its survey answers), for the tests
// that need a real bundle without a second store.
import { binSamples } from '../../src/core/bundle/binning.ts';
import type { BundlePayload } from '../../src/core/bundle/types.ts';
import { BINNING, BUNDLE_FORMAT, BUNDLE_VERSION } from '../../src/core/bundle/types.ts';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { siteKit } from './site-kit.ts';

/** The payload of site `finess` of `kit`, made at `createdAt`. */
export function bundlePayloadOf(
  kit: Kit,
  finess: string,
  createdAt = '2026-12-01T10:00:00.000Z',
): BundlePayload {
  const mine = siteKit(kit, [finess]);
  const { indicators, samples } = computeCampaignDetailed(mine);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt,
    plateauVersion: '0.1.0',
    campaign: kit.campaign,
    establishment: mine.establishments[0]!,
    machines: indicators.machines.map(({ percentRank: _, ...m }) => ({
      equipment: mine.equipment.find((e) => e.equipmentId === m.equipmentId)!,
      indicators: m,
      samples: binSamples(samples.get(m.equipmentId)!),
    })),
    survey: mine.survey,
    binning: BINNING,
  };
}
