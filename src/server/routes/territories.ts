/**
 * The territory routes: a campaign's territorial figures (planning.md §2) under the benchmark's
 * filters, memoized per campaign and query like the other views, and the published reference
 * figures (shipped with plateau, and those loaded from OECD exports). The register, the on-call
 * and emergency sessions and the loaded references are read when a document is first built; the
 * loaded references count in its memo key, so a newer load is seen without a restart.
 */
import type { Hono } from 'hono';
import { LEGAL_STATUSES, MODALITIES } from '../../core/kit-types.ts';
import { TYPOLOGIES } from '../../core/views/index.ts';
import { POPULATION } from '../../plan/territories/population.ts';
import { mergeReferences, SHIPPED_REFERENCES } from '../../plan/territories/references.ts';
import type { TerritoryQuery } from '../../plan/territories/territory-query.ts';
import {
  GAP_TO_SYNTAX,
  oecdDensityYears,
  parseGapTo,
  territoriesOf,
  territoryRegion,
  unknownOecdYears,
} from '../../plan/territories/territory-query.ts';
import type { ReferenceFigure } from '../../plan/territories/types.ts';
import { figuresKey, loadedReferences } from '../../storage/reference-repository.ts';
import { loadTerritorySource } from '../../storage/territory-source.ts';
import { badRequest } from '../errors.ts';
import type { Query } from '../params.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { campaignOr404, requestStore } from '../server-context.ts';
import { sendJson } from '../json-response.ts';
import { placeFilter } from './campaigns.ts';

/** The query parameters of the territory document. */
export const TERRITORY_PARAMS = [
  'modality',
  'region',
  'legalStatus',
  'typology',
  'department',
  'inseeRegion',
  'gapTo',
] as const;

const REGION_CODES = POPULATION.regions.map((r) => r.code);

/** The territory query of a request, each parameter checked (a 400 names what it accepts). */
export function territoryQuery(
  query: Query,
  references: readonly ReferenceFigure[],
): TerritoryQuery {
  const out: TerritoryQuery = {
    modality: query.oneOf('modality', MODALITIES),
    legalStatus: query.oneOf('legalStatus', LEGAL_STATUSES),
    typology: query.oneOf('typology', TYPOLOGIES),
    ...placeFilter(query),
  };
  const region = query.text('region');
  if (region !== undefined) {
    const code = territoryRegion(region);
    if (code === null)
      throw badRequest(
        `region must be the INSEE code or the name of a region, one of ${REGION_CODES.join(', ')} (got '${region}')`,
      );
    out.region = code;
  }
  const gapTo = query.text('gapTo');
  if (gapTo !== undefined) {
    const refs = parseGapTo(gapTo);
    if (refs === null) throw badRequest(`gapTo must be ${GAP_TO_SYNTAX} (got '${gapTo}')`);
    const missing = unknownOecdYears(refs, references);
    if (missing.length > 0) {
      throw badRequest(
        `gapTo: no OECD average density for ${missing.join(', ')}; the years known are ${oecdDensityYears(references).join(', ')} (GET /api/references lists the figures)`,
      );
    }
    out.gapTo = refs;
  }
  return out;
}

/** Registers the territory and reference routes on `app`. */
export function territoryRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.get('/api/campaigns/:id/territories', async (c) => {
    const query = readQuery(c, TERRITORY_PARAMS);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'));
    // The register, on-call sessions and references as the request's scope sees them.
    const store = requestStore(ctx, c);
    const loaded = await loadedReferences(store);
    const references = mergeReferences(SHIPPED_REFERENCES, loaded);
    const asked = territoryQuery(query, references);
    const key = JSON.stringify([
      asked.modality ?? null,
      asked.region ?? null,
      asked.legalStatus ?? null,
      asked.typology ?? null,
      asked.department ?? null,
      asked.inseeRegion ?? null,
      asked.gapTo ?? null,
      figuresKey(loaded),
    ]);
    const text = await campaign.jsonAsync('territories', key, async () =>
      territoriesOf(
        await loadTerritorySource(store, campaign.index.ref.id, campaign.index.data, loaded),
        asked,
      ),
    );
    return sendJson(c, text);
  });

  app.get('/api/references', async (c) => {
    readQuery(c, []);
    return c.json(
      mergeReferences(SHIPPED_REFERENCES, await loadedReferences(requestStore(ctx, c))),
    );
  });
}
