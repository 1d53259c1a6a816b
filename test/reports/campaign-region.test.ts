// A region asked by INSEE code or another of its names is the campaign's own region name, so the
// synthesis is printed the same from the API and the command line.
import { describe, expect, it } from 'vitest';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import { CampaignIndex } from '../../src/core/views/index.ts';
import { campaignRegion } from '../../src/reports/build.ts';
import { scopedKit } from '../core/views/scoped-kit.ts';

const kit = scopedKit();
const { indicators, samples } = computeCampaignDetailed(kit);
const index = new CampaignIndex({
  results: indicators,
  samples,
  establishments: kit.establishments,
  equipment: kit.equipment,
  survey: kit.survey,
  updatedAt: '2026-01-02T03:04:05.000Z',
});

describe('campaignRegion', () => {
  it('names the campaign’s region for its own name, its INSEE code or a pre-2016 name', () => {
    expect(index.options.regions).toEqual(['Bretagne', 'Hauts-de-France', 'Île-de-France']);
    expect(campaignRegion(index, 'Hauts-de-France')).toBe('Hauts-de-France');
    expect(campaignRegion(index, '11')).toBe('Île-de-France');
    expect(campaignRegion(index, '32')).toBe('Hauts-de-France');
    expect(campaignRegion(index, 'Nord-Pas-de-Calais')).toBe('Hauts-de-France');
  });

  it('leaves a region the campaign lacks as asked (the synthesis then says it is unknown)', () => {
    expect(campaignRegion(index, '93')).toBe('93');
    expect(campaignRegion(index, 'Occitanie')).toBe('Occitanie');
    expect(campaignRegion(index, 'Haut-de-France')).toBe('Haut-de-France');
  });
});
