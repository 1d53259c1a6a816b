/**
 * The site fiche's data: an establishment and each of its machines compared with its peers.
 */
import type { CampaignIndex } from './campaign-index.ts';
import { machineComparison } from './comparison.ts';
import type { EstablishmentView, PeerScope } from './types.ts';

/**
 * The establishment `finess` with every machine compared with its peers (`scope`), or null when
 * the campaign has no such establishment.
 *
 * @example
 * establishmentView(index, '590780193', 'modality')?.machines.length;
 */
export function establishmentView(
  index: CampaignIndex,
  finess: string,
  scope: PeerScope,
): EstablishmentView | null {
  const establishment = index.listingByFiness.get(finess);
  if (!establishment) return null;
  return {
    campaign: index.ref,
    establishment,
    scope,
    machines: index.machinesOf(finess).map((m) => machineComparison(index, m, scope)),
  };
}
