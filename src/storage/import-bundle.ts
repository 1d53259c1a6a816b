/**
 * Stores a verified signed bundle (issue 16): a site that keeps its exam rows at home sends its
 * machines' figures and binned samples; they go into the usual tables (establishment, equipment,
 * machine results, samples read back as `bin × width`, survey answers) with a `bundle_sites` row,
 * and the campaign's aggregates are recomputed including them (`refreshAggregatesIn`), all in one
 * transaction under the campaign's import lock: either all of it, or nothing. The campaign is
 * created from the bundle's identity when absent; a site present as raw data is refused, a newer
 * bundle of the same site replaces the previous one.
 */
import { createHash } from 'node:crypto';
import { assembleCampaign } from '../core/indicators/index.ts';
import type { MachineIndicators } from '../core/indicators/types.ts';
import { unbinSamples } from '../core/bundle/binning.ts';
import type { BundlePayload } from '../core/bundle/types.ts';
import { verifyBundle } from '../ingest/bundle/verify.ts';
import type { AggregateRefresh } from './aggregates.ts';
import { refreshAggregatesIn } from './aggregates.ts';
import { countingUpsert, upsertInChunks } from './bulk.ts';
import { lookupBundleKey } from './bundle-keys.ts';
import { readCampaign, touchCampaign, upsertCampaign } from './campaign-repository.ts';
import type { Queryable } from './db.ts';
import { upsertEquipment } from './equipment-repository.ts';
import { upsertEstablishments } from './establishment-repository.ts';
import { periodOf } from './import-kit.ts';
import type { Store } from './open-store.ts';
import { saveResults } from './result-repository.ts';
import { encodeSamples } from './sample-repository.ts';
import { upsertSurvey } from './survey-repository.ts';

/** Why a bundle was refused (nothing stored). */
export type BundleRefusal =
  /** The file is not a valid signed bundle: bad JSON, bad signature, a field outside the allow-list, an exam row… */
  | 'invalid'
  /** Signed with a key no administrator registered (or one this scope may not read). */
  | 'unknown-key'
  /** Signed with a revoked key. */
  | 'revoked-key'
  /** The campaign is stored for another period. */
  | 'period'
  /** The site is in the campaign as raw data (sessions, exams, or rows without a bundle). */
  | 'raw-site'
  /** The importing scope may not write this FINESS. */
  | 'foreign-site'
  /** A site scope may not create a campaign. */
  | 'no-campaign'
  /** A machine id of the bundle is another establishment's in the campaign. */
  | 'machine-taken';

/** A refused bundle: `reason` for the caller's status or exit code, `message` located and in plain words. */
export class BundleImportError extends Error {
  readonly reason: BundleRefusal;
  constructor(reason: BundleRefusal, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BundleImportError';
    this.reason = reason;
  }
}

export interface BundleImportOptions {
  /**
   * The FINESS the importing scope may write (a site user's): a bundle of another is refused
   * before anything is written (row-level security would refuse it too). Absent: any.
   */
  finess?: readonly string[];
  /** Written as the campaign's source (default `bundle: <FINESS>`). */
  source?: string;
  /** The file's name in refusals (default `bundle`). */
  file?: string;
}

/** What an import of a bundle did. */
export interface BundleImportSummary {
  campaignId: string;
  finess: string;
  /** `inserted`: the campaign was created from the bundle's identity. */
  campaign: 'inserted' | 'existing';
  /** True when a previous bundle of the site was replaced. */
  replaced: boolean;
  machines: string[];
  surveyAnswers: number;
  keyId: string;
  /** SHA-256 (hex) of the file as received. */
  sha256: string;
  /** The campaign's aggregates recomputed including the site. */
  aggregates: AggregateRefresh | null;
}

const INSERT_MACHINE_RESULTS =
  countingUpsert(`insert into machine_results (campaign_id, equipment_id, ordinal, indicators)
  select $1, u.equipment_id, u.ordinal, u.indicators::json
  from unnest($2::text[], $3::int4[], $4::text[]) as u (equipment_id, ordinal, indicators)
  on conflict (campaign_id, equipment_id) do update set ordinal = excluded.ordinal, indicators = excluded.indicators`);

const INSERT_SAMPLES =
  countingUpsert(`insert into machine_samples (campaign_id, equipment_id, samples)
  select $1, u.equipment_id, decode(u.samples, 'base64')
  from unnest($2::text[], $3::text[]) as u (equipment_id, samples)
  on conflict (campaign_id, equipment_id) do update set samples = excluded.samples`);

/** The verified payload of `text`, with its key id; a `BundleImportError` otherwise. */
async function verified(
  q: Queryable,
  text: string,
  file: string | undefined,
): Promise<{ payload: BundlePayload; keyId: string }> {
  const result = await verifyBundle(
    text,
    (keyId: string) => lookupBundleKey(q, keyId),
    file === undefined ? {} : { file },
  );
  if (result.ok) return { payload: result.payload, keyId: result.keyId };
  const reason: BundleRefusal =
    result.reason === 'unknown-key'
      ? 'unknown-key'
      : result.reason === 'revoked-key'
        ? 'revoked-key'
        : 'invalid';
  throw new BundleImportError(
    reason,
    `the bundle is refused: ${result.message}. Nothing was stored.`,
  );
}

/** SQLSTATE of an error from the database, if any. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Verifies the signed bundle `text` (its key looked up in `bundle_keys`) and stores it, with the
 * campaign's aggregates recomputed including it, in one transaction. Refusals throw a
 * `BundleImportError` (nothing stored): invalid or tampered file, unknown or revoked key, the
 * campaign stored for another period, the site present as raw data, a FINESS outside `finess`, a
 * machine id another establishment holds. Through a site's `scopedStore`, the campaign must exist.
 *
 * @example
 * const summary = await importBundle(store, await readFile('590780193.bundle.json', 'utf8'));
 * summary.machines; // ['590780193-CT1', …]
 */
export async function importBundle(
  store: Store,
  text: string,
  options: BundleImportOptions = {},
): Promise<BundleImportSummary> {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  try {
    return await store.db.transaction(async (tx) => {
      const { payload, keyId } = await verified(tx, text, options.file);
      const { campaign, establishment } = payload;
      const id = campaign.id;
      const finess = establishment.finess;
      if (options.finess !== undefined && !options.finess.includes(finess)) {
        throw new BundleImportError(
          'foreign-site',
          `bundle payload.establishment.finess: FINESS ${finess} is not one of your establishments (${options.finess.join(', ')}); a site imports only its own bundle. Nothing was stored.`,
        );
      }
      // Takes turns with any other import of the campaign (a kit, a site's upload, another bundle).
      await tx.query('select 1 from pg_advisory_xact_lock(hashtext($1))', [
        `plateau:campaign:${id}`,
      ]);
      const [{ scope } = { scope: '' }] = await tx.query<{ scope: string }>(
        "select coalesce(current_setting('plateau.scope', true), '') as scope",
      );
      const stored = await readCampaign(tx, id);
      if (stored !== null) {
        const period = (['start', 'days', 'timeZone'] as const).filter(
          (k) => stored[k] !== campaign[k],
        );
        if (period.length > 0) {
          throw new BundleImportError(
            'period',
            `bundle payload.campaign: campaign ${id} is stored for ${periodOf(stored)}, and this bundle is for ${periodOf(campaign)} (` +
              period.map((k) => `${k} ${stored[k]} → ${campaign[k]}`).join(', ') +
              '): its figures would mix two periods. Nothing was stored.',
          );
        }
      } else if (scope === 'site' || scope === 'region') {
        throw new BundleImportError(
          'no-campaign',
          `bundle payload.campaign.id: campaign ${id} is not in the store; a site imports its bundle into a campaign a national user has created. Nothing was stored.`,
        );
      }
      let replaced = false;
      if (stored !== null) {
        const [raw] = await tx.query<{ present: boolean; bundle: boolean; records: boolean }>(
          `select exists (select 1 from establishments where campaign_id = $1 and finess = $2) as present,
             exists (select 1 from bundle_sites where campaign_id = $1 and finess = $2) as bundle,
             exists (select 1 from equipment m where m.campaign_id = $1 and m.finess = $2 and (
               exists (select 1 from sessions s where s.campaign_id = m.campaign_id and s.equipment_id = m.equipment_id)
               or exists (select 1 from exams x where x.campaign_id = m.campaign_id and x.equipment_id = m.equipment_id))) as records`,
          [id, finess],
        );
        if (raw && (raw.records || (raw.present && !raw.bundle))) {
          throw new BundleImportError(
            'raw-site',
            `bundle payload.establishment.finess: site ${finess} is in campaign ${id} as raw data; a bundle cannot replace it. Nothing was stored.`,
          );
        }
        if (raw?.bundle) {
          // The previous bundle's rows go (establishment → machines, results, samples, answers, bundle row).
          await tx.query(
            'delete from simulation_checks where campaign_id = $1 and equipment_id in (select equipment_id from equipment where campaign_id = $1 and finess = $2)',
            [id, finess],
          );
          await tx.query('delete from establishments where campaign_id = $1 and finess = $2', [
            id,
            finess,
          ]);
          replaced = true;
        }
      }
      const source = options.source ?? `bundle: ${finess}`;
      const created =
        stored === null ? (await upsertCampaign(tx, campaign, source)) === 'inserted' : false;
      // A new campaign's results head, which the refresh reads the campaign's identity from (written
      // before the machines: saving results keeps only the machines they list).
      if (created)
        await saveResults(
          tx,
          id,
          assembleCampaign({ campaign, survey: [] }, []).indicators,
          sha256,
        );
      const ids = payload.machines.map((m) => m.equipment.equipmentId);
      const taken = await tx.query<{ equipment_id: string }>(
        'select equipment_id from equipment where campaign_id = $1 and equipment_id = any ($2::text[])',
        [id, ids],
      );
      if (taken.length > 0) {
        throw new BundleImportError(
          'machine-taken',
          `bundle payload.machines: equipment_id ${taken.map((r) => r.equipment_id).join(', ')} is already a machine of another establishment of campaign ${id}. Nothing was stored.`,
        );
      }
      await upsertEstablishments(tx, id, [establishment]);
      await upsertEquipment(
        tx,
        id,
        payload.machines.map((m) => m.equipment),
      );
      await upsertSurvey(tx, id, payload.survey);
      // Ordinals and percentile ranks are campaign-wide: the refresh below sets them.
      const [top] = await tx.query<{ n: number }>(
        'select coalesce(max(ordinal), -1)::int4 as n from machine_results where campaign_id = $1',
        [id],
      );
      const first = (top?.n ?? -1) + 1;
      const results = payload.machines.map((m, i) => ({
        id: m.equipment.equipmentId,
        ordinal: first + i,
        indicators: { ...m.indicators, percentRank: {} } as MachineIndicators,
        samples: encodeSamples(unbinSamples(m.samples)),
      }));
      await upsertInChunks(tx, INSERT_MACHINE_RESULTS, results, (chunk) => [
        id,
        chunk.map((r) => r.id),
        chunk.map((r) => r.ordinal),
        chunk.map((r) => JSON.stringify(r.indicators)),
      ]);
      await upsertInChunks(
        tx,
        INSERT_SAMPLES,
        results,
        (chunk) => [
          id,
          chunk.map((r) => r.id),
          chunk.map((r) =>
            Buffer.from(r.samples.buffer, r.samples.byteOffset, r.samples.byteLength).toString(
              'base64',
            ),
          ),
        ],
        { chunkRows: 64 },
      );
      await tx.query(
        `insert into bundle_sites (campaign_id, finess, key_id, sha256, created_at, plateau_version) values ($1, $2, $3, $4, $5::timestamptz, $6)`,
        [id, finess, keyId, sha256, payload.createdAt, payload.plateauVersion],
      );
      if (!created) await touchCampaign(tx, id, source);
      const aggregates = await refreshAggregatesIn(tx, id, {
        role:
          store.engine === 'postgres' && (scope === 'site' || scope === 'region')
            ? 'aggregator'
            : 'owner',
      });
      return {
        campaignId: id,
        finess,
        campaign: created ? 'inserted' : 'existing',
        replaced,
        machines: ids,
        surveyAnswers: payload.survey.length,
        keyId,
        sha256,
        aggregates,
      };
    });
  } catch (error) {
    if (error instanceof BundleImportError) throw error;
    const state = sqlState(error);
    if (state === '42501') {
      throw new BundleImportError(
        'foreign-site',
        `the bundle is refused: this account may not write its site's rows (${(error as Error).message}). Nothing was stored.`,
        { cause: error },
      );
    }
    if (state?.startsWith('23')) {
      throw new BundleImportError(
        'invalid',
        `the bundle cannot be stored: ${(error as Error).message}. Nothing was stored.`,
        { cause: error },
      );
    }
    throw error;
  }
}
