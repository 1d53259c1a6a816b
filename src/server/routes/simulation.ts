/**
 * The capacity simulation's routes (planning.md §3): a machine's (or a site's pooled machines')
 * model calibrated on the store's records, with the duration model and the third next available
 * appointment, for the browser's Web Worker to run scenarios on; and the status-quo checks
 * `plateau simulate --all` stored. Models are memoized per campaign import (its `updatedAt`) and
 * machines, like the other views; the checks are read each time (another process may store them).
 * A site that came as a signed bundle has no records to calibrate on: 409 `aggregates-only`.
 */
import type { Hono } from 'hono';
import { calibrateMachines } from '../../compute/simulation.ts';
import { checksView } from '../../plan/simulation/checks.ts';
import { loadSimulationRecords } from '../../storage/machine-records.ts';
import { loadSimulationChecks } from '../../storage/simulation-checks.ts';
import { badRequest, notFound } from '../errors.ts';
import { sendJson } from '../json-response.ts';
import { Lru } from '../lru.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { campaignOr404, requestStore, scopeOf } from '../server-context.ts';
import { auditSuccess, coversSite, maySeeMachine } from '../auth/guards.ts';
import { refuseBundleSite } from '../bundle-sites.ts';
import type { AccessScope } from '../../core/access.ts';
import { scopeKey, seesEverything } from '../../core/access.ts';
import type { Equipment } from '../../core/kit-types.ts';

/** Most machines simulated together (one site's machines of one modality). */
export const MAX_POOLED_MACHINES = 8;

/** Models kept in memory (each a few hundred kB for a busy machine). */
const MODEL_MEMO = 32;

/** Machine ids of `?machines=ID[,ID]`, checked for their form only (the store is not read). */
export function machineIdsOf(raw: string | undefined): string[] {
  if (raw === undefined)
    throw badRequest(
      `machines is required: one equipment id, or up to ${MAX_POOLED_MACHINES} of one site and one modality joined by commas`,
    );
  const ids = raw.split(',').map((s) => s.trim());
  if (ids.some((id) => id === '' || id.length > 200 || /\p{Cc}/u.test(id))) {
    throw badRequest(
      'machines must be equipment ids joined by commas, none empty, without control characters',
    );
  }
  if (new Set(ids).size !== ids.length) throw badRequest('machines names a machine twice');
  if (ids.length > MAX_POOLED_MACHINES)
    throw badRequest(
      `machines: at most ${MAX_POOLED_MACHINES} machines simulated together (got ${ids.length})`,
    );
  return ids;
}

/** The memo key's part naming a non-local scope (none for the local scope: keys as before). */
function scopeSuffix(scope: AccessScope): string[] {
  return scope.kind === 'local' ? [] : [scopeKey(scope)];
}

/** Registers the simulation routes on `app`. */
export function simulationRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const models = new Lru<string, Promise<string>>(MODEL_MEMO);

  app.get('/api/campaigns/:id/simulation/model', async (c) => {
    const ids = machineIdsOf(readQuery(c, ['machines']).text('machines'));
    const campaign = await campaignOr404(ctx, c, c.req.param('id'));
    const id = campaign.index.ref.id;
    const { index } = campaign;
    const machines: Equipment[] = [];
    for (const m of ids) {
      const machine = index.equipmentById.get(m);
      // A machine outside the scope is answered as an unknown one (and its refusal audited).
      if (
        !(await maySeeMachine(ctx, c, index.places, m, machine?.finess, 'read.machine', id)) ||
        !machine
      )
        throw notFound(
          `no machine '${m}' in campaign '${id}' (GET /api/campaigns/${encodeURIComponent(id)}/machines lists them)`,
        );
      machines.push(machine);
    }
    const [first] = machines;
    if (machines.some((m) => m.finess !== first?.finess || m.modality !== first.modality)) {
      throw badRequest(
        `machines simulated together must be of one site and one modality: ${machines.map((m) => `${m.equipmentId} (${m.finess}, ${m.modality})`).join(', ')}`,
      );
    }
    refuseBundleSite(
      index,
      first?.finess,
      'simulate',
      'no model can be calibrated without its sessions and exams',
    );
    await auditSuccess(ctx, c, 'read.machine', ids.join(','), {
      campaign: id,
      view: 'simulation-model',
    });
    // Sorted as the records are: the same pool asked in another order is the same model. The
    // scope is in the key: a model is calibrated on the records the scope's store returns.
    const key = [
      id,
      campaign.index.summary.updatedAt,
      ...[...ids].sort(),
      ...scopeSuffix(scopeOf(c)),
    ].join('\u0000');
    let text = models.get(key);
    if (!text) {
      const made = loadSimulationRecords(requestStore(ctx, c), id, ids).then((records) => {
        if (!records)
          throw notFound(`the machines ${ids.join(', ')} are no longer stored in campaign '${id}'`);
        return JSON.stringify(calibrateMachines(records));
      });
      models.set(key, made);
      made.catch(() => models.get(key) === made && models.delete(key));
      text = made;
    }
    return sendJson(c, await text);
  });

  app.get('/api/campaigns/:id/simulation/checks', async (c) => {
    readQuery(c, []);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'));
    const { ref, data, places } = campaign.index;
    const scope = scopeOf(c);
    // The store's policies keep the scope's machines' checks; the HTTP layer keeps them too.
    const visible = (finess: string): boolean => coversSite(scope, finess, places);
    const equipment = data.equipment.filter((e) => visible(e.finess));
    const mine = new Set(equipment.map((e) => e.equipmentId));
    const checks = (await loadSimulationChecks(requestStore(ctx, c), ref.id)).filter(
      (k) => seesEverything(scope) || mine.has(k.equipmentId),
    );
    return c.json(
      checksView(
        ref,
        equipment,
        data.establishments.filter((e) => visible(e.finess)),
        checks,
      ),
    );
  });
}
