/**
 * The I/O side of a bundle site's fiche notice: the stored facts of its signed bundle
 * (`bundle_sites`: signing key, the instant the site made it), read through the caller's store
 * (row-level security shows a scope only its own sites' rows).
 */
import type { Store } from '../../storage/index.ts';
import type { SiteBundleOrigin } from './bundle.ts';

/**
 * The signing key and date of the bundle site `finess` of campaign `campaignId`; null when the
 * site did not come as a bundle (or the scope does not see it).
 *
 * @example
 * const bundle = await siteBundleOrigin(store, 'synthetic-2010', '590780193');
 * buildReport(index, { kind: 'site', finess: '590780193' }, 'fr', { bundle });
 */
export async function siteBundleOrigin(store: Store, campaignId: string, finess: string): Promise<SiteBundleOrigin | null> {
  const rows = await store.db.query<{ key_id: string; created_at: string | Date }>(
    'select key_id, created_at from bundle_sites where campaign_id = $1 and finess = $2',
    [campaignId, finess],
  );
  const row = rows[0];
  if (!row) return null;
  const createdAt = row.created_at instanceof Date ? row.created_at.toISOString() : new Date(row.created_at).toISOString();
  return { keyId: row.key_id, createdAt };
}
