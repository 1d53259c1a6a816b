// Issue 16: sites that came as signed bundles are marked where the views list them. The
// views kit's site 750000001 (CT4 and MR0, Île-de-France) is declared a bundle site; the
// others stay raw data, so every count below is checked against the kit by hand.
import { describe, expect, it } from 'vitest';
import {
  campaignDetail,
  establishmentListings,
  establishmentView,
  machineView,
  qualityView,
  regionListings,
  selectMachines,
} from '../../../src/core/views/index.ts';
import { SITES, indexOf, viewsKit } from './views-kit.ts';

const kit = viewsKit();
const index = indexOf(kit, true, { bundleSites: new Set([SITES.europe]) });

describe('bundle origin in the views', () => {
  it('marks the bundle site’s listing and machine points, and nothing else', () => {
    const listings = establishmentListings(index);
    expect(listings.find((l) => l.finess === SITES.europe)?.origin).toBe('bundle');
    expect(listings.filter((l) => l.origin !== undefined).map((l) => l.finess)).toEqual([
      SITES.europe,
    ]);
    // Raw sites carry no origin key at all (the JSON of raw data is unchanged).
    expect('origin' in listings.find((l) => l.finess === SITES.eloi)!).toBe(false);
    const points = selectMachines(index, {});
    expect(
      points
        .filter((p) => p.origin === 'bundle')
        .map((p) => p.equipmentId)
        .sort(),
    ).toEqual(['CT4', 'MR0']);
    expect(points.filter((p) => p.origin === undefined)).toHaveLength(4);
  });

  it('counts bundle sites and machines in the summary, the regions and the quality view', () => {
    expect(campaignDetail(index)).toMatchObject({
      establishments: 3,
      bundleSites: 1,
      bundleMachines: 2,
    });
    const regions = regionListings(index);
    expect(regions.find((r) => r.region === 'Île-de-France')?.bundleSites).toBe(1);
    expect(regions.find((r) => r.region === 'Hauts-de-France')?.bundleSites).toBeUndefined();
    const quality = qualityView(index, []);
    expect(quality).toMatchObject({ bundleSites: 1, bundleMachines: 2 });
    expect(
      quality.machines
        .filter((m) => m.origin === 'bundle')
        .map((m) => m.equipmentId)
        .sort(),
    ).toEqual(['CT4', 'MR0']);
  });

  it('carries the origin into the establishment and machine views', () => {
    expect(establishmentView(index, SITES.europe, 'modality')?.establishment.origin).toBe('bundle');
    expect(
      establishmentView(index, SITES.europe, 'modality')?.machines.every(
        (m) => m.point.origin === 'bundle',
      ),
    ).toBe(true);
    const machine = machineView(index, 'MR0');
    expect(machine?.establishment.origin).toBe('bundle');
    expect(machine?.machine.point.origin).toBe('bundle');
    expect(machineView(index, 'CT0')?.machine.point.origin).toBeUndefined();
    expect(index.isBundleSite(SITES.europe)).toBe(true);
    expect(index.isBundleSite(SITES.eloi)).toBe(false);
  });

  it('says nothing of bundles when the campaign has none', () => {
    const raw = indexOf(kit);
    const detail = campaignDetail(raw);
    expect('bundleSites' in detail).toBe(false);
    expect('bundleSites' in qualityView(raw, [])).toBe(false);
    expect(regionListings(raw).some((r) => 'bundleSites' in r)).toBe(false);
    // An empty set is the same as none.
    expect('bundleSites' in campaignDetail(indexOf(kit, true, { bundleSites: new Set() }))).toBe(
      false,
    );
  });
});
