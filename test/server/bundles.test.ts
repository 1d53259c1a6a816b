// The bundle routes in local mode (issue 16): the local user registers a site's key through
// POST /api/admin/bundle-keys and lists it, POSTs the site's signed bundle to /api/bundles (201,
// the campaign created from it, the cache then serving the campaign with its machines), gets 400
// for a tampered file and an unregistered key, revokes the key (DELETE) and then gets 400 revoked;
// a body that is not JSON is refused before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKit } from '../../src/generate/index.ts';
import { generateSiteKey, signBundle } from '../../src/ingest/bundle/index.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { bundlePayloadOf } from '../helpers/bundle-payload.ts';
import { memoryStore } from './helpers.ts';

const kit = generateKit({ seed: 2017, machines: 12, days: 7 });
const [site, other] = [...new Set(kit.equipment.map((e) => e.finess))] as [string, string];
const key = generateSiteKey();
const text = JSON.stringify(signBundle(bundlePayloadOf(kit, site), key.privatePem));
let store: Store;
let app: PlateauApp;

const post = (path: string, body: string, type = 'application/json'): Promise<Response> =>
  Promise.resolve(app.request(path, { method: 'POST', headers: { 'content-type': type }, body }));

describe('bundle routes (local mode)', () => {
  beforeAll(async () => {
    store = await memoryStore();
    app = createApp({ store });
  }, 60_000);
  afterAll(async () => store?.close());

  it('registers a key, imports a bundle, refuses a tampered file and a revoked key', async () => {
    const added = await post(
      '/api/admin/bundle-keys',
      JSON.stringify({ finess: site, publicKey: key.publicPem, label: 'CHU' }),
    );
    expect(added.status).toBe(201);
    expect(((await added.json()) as { key: { keyId: string; addedBy: string } }).key).toMatchObject(
      { keyId: key.keyId, addedBy: 'local' },
    );
    const listed = (await (await app.request('/api/admin/bundle-keys')).json()) as {
      keys: { keyId: string; finess: string }[];
    };
    expect(listed.keys.map((k) => [k.keyId, k.finess])).toEqual([[key.keyId, site]]);
    // Before: no campaign. The bundle creates it, and the campaign's page shows its machines.
    expect((await app.request(`/api/campaigns/${kit.campaign.id}`)).status).toBe(404);
    const imported = await post('/api/bundles', text);
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(await imported.json()).toMatchObject({
      campaignId: kit.campaign.id,
      finess: site,
      campaign: 'inserted',
      keyId: key.keyId,
    });
    const machines = (await (
      await app.request(`/api/campaigns/${kit.campaign.id}/machines`)
    ).json()) as { equipmentId: string }[] | { machines: { equipmentId: string }[] };
    const ids = (Array.isArray(machines) ? machines : machines.machines)
      .map((m) => m.equipmentId)
      .sort();
    expect(ids).toEqual(
      kit.equipment
        .filter((m) => m.finess === site)
        .map((m) => m.equipmentId)
        .sort(),
    );
    // Tampered: 400 with the located reason.
    const signed = JSON.parse(text) as { payload: string };
    const tampered = await post(
      '/api/bundles',
      JSON.stringify({ ...signed, payload: `${signed.payload} ` }),
    );
    expect(tampered.status).toBe(400);
    expect(
      ((await tampered.json()) as { error: { code: string; message: string } }).error,
    ).toMatchObject({ code: 'bundle-invalid' });
    // Another site's key (unregistered): 400 unknown key.
    const stranger = JSON.stringify(
      signBundle(bundlePayloadOf(kit, other), generateSiteKey().privatePem),
    );
    const unknown = await post('/api/bundles', stranger);
    expect([
      unknown.status,
      ((await unknown.json()) as { error: { code: string } }).error.code,
    ]).toEqual([400, 'bundle-unknown-key']);
    // Revoked: DELETE, then 400.
    const revoked = await app.request(`/api/admin/bundle-keys/${key.keyId}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    const again = await post('/api/bundles', text);
    expect([
      again.status,
      ((await again.json()) as { error: { code: string } }).error.code,
    ]).toEqual([400, 'bundle-revoked-key']);
    expect((await post('/api/bundles', text, 'text/plain')).status).toBe(400);
    expect(
      (await app.request('/api/admin/bundle-keys/0000000000000000', { method: 'DELETE' })).status,
    ).toBe(404);
  }, 60_000);
});
