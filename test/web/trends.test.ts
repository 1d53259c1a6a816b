// The trend pages' words (src/i18n/trend-words.ts), free of React: one sentence
// per change of "Since last year" in French and English (machine events with the site's name,
// figure moves with before → after and the rank's move, a lead's verdict with its hours), and the
// length of a campaign's series, which decides whether the Trends links show — by hand.
import { describe, expect, it } from 'vitest';
import type { TrendChange } from '../../src/core/trends/types.ts';
import type { CampaignRef } from '../../src/core/views/types.ts';
import {
  changeSentence,
  ID_NAMES,
  linkLabel,
  seriesLength,
  verdictLabel,
} from '../../src/i18n/trend-words.ts';

const BASE: TrendChange = {
  kind: 'figure',
  from: 'c1',
  to: 'c2',
  finess: '750000001',
  equipmentId: 'EQ2',
  previousEquipmentId: null,
  modality: 'MR',
  figure: null,
  lead: null,
  verdict: null,
  before: null,
  after: null,
  rankBefore: null,
  rankAfter: null,
  notable: true,
};

const NAMES = {
  machine: (id: string) => ({ EQ1: 'IRM ancienne', EQ2: 'IRM 2' })[id] ?? id,
  site: (finess: string) => (finess === '750000001' ? 'CH Nord' : finess),
};

/** Spaces as typed in the expectations: French narrow and plain no-break spaces made plain. */
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

describe('since last year in words', () => {
  it('says a replaced machine with its predecessor and site, in both languages', () => {
    const c = { ...BASE, kind: 'machine-replaced' as const, previousEquipmentId: 'EQ1' };
    expect(changeSentence(c, 'fr', NAMES, true)).toBe('IRM 2 (CH Nord) remplace IRM ancienne');
    expect(changeSentence(c, 'en', NAMES, true)).toBe('IRM 2 (CH Nord) replaced IRM ancienne');
  });

  it('says added and removed machines and sites, ids when no name is known', () => {
    expect(plain(changeSentence({ ...BASE, kind: 'machine-added' }, 'fr', ID_NAMES, true))).toBe(
      'EQ2 (750000001) : nouvelle machine',
    );
    expect(changeSentence({ ...BASE, kind: 'machine-removed' }, 'en', NAMES, true)).toBe(
      'IRM 2 (CH Nord): machine removed',
    );
    expect(
      changeSentence({ ...BASE, kind: 'site-added', equipmentId: null }, 'en', NAMES, true),
    ).toBe('CH Nord: new site');
  });

  it('gives a figure move before → after with its rank, the machine named on a site’s page only', () => {
    const c: TrendChange = {
      ...BASE,
      figure: 'totalOpening',
      before: 50,
      after: 60,
      rankBefore: 0.4,
      rankAfter: 0.71,
    };
    expect(plain(changeSentence(c, 'en', NAMES, false))).toBe(
      'Total opening: 50 h/week → 60 h/week (rank 40th percentile → 71st percentile)',
    );
    expect(plain(changeSentence(c, 'fr', NAMES, true))).toBe(
      'IRM 2 — Ouverture totale : 50 h/sem → 60 h/sem (rang 40ᵉ centile → 71ᵉ centile)',
    );
    // A fraction is a percentage; no rank (a group's band) leaves the rank out.
    const share = {
      ...c,
      figure: 'occupancyProgrammed',
      before: 0.5,
      after: 0.625,
      rankBefore: null,
      equipmentId: null,
    };
    expect(changeSentence(share, 'en', NAMES, true)).toBe(
      'MRI (median) — Occupancy (programmed): 50% → 62.5%',
    );
  });

  it('gives a lead’s verdict and its hours per week before and after', () => {
    const c: TrendChange = {
      ...BASE,
      kind: 'lead',
      lead: 'lateStartMinutes',
      verdict: 'acted',
      before: 2.5,
      after: 0.4,
    };
    expect(plain(changeSentence(c, 'en', NAMES, false))).toBe(
      'Late start: acted on (2.5 h/week → 0.4 h/week)',
    );
    expect(plain(changeSentence({ ...c, verdict: 'worse' }, 'fr', NAMES, false))).toBe(
      'Démarrage tardif : aggravée (2,5 h/sem → 0,4 h/sem)',
    );
  });

  it('names every verdict and link kind in both languages', () => {
    expect(verdictLabel('new-lead', 'fr')).toBe('nouvelle piste');
    expect(verdictLabel('partly', 'en')).toBe('partly acted on');
    expect(linkLabel('mapped', 'en')).toBe('linked (previous id)');
  });
});

describe('the series a campaign’s trends follow', () => {
  const ref = (id: string, start: string): CampaignRef => ({
    id,
    name: id,
    start,
    days: 28,
    timeZone: 'Europe/Paris',
  });
  const campaigns = [ref('y3', '2012-03-05'), ref('y1', '2010-03-08'), ref('y2', '2011-03-07')];

  it('counts the campaigns that start before it, itself included', () => {
    expect(seriesLength(campaigns, 'y1')).toBe(1);
    expect(seriesLength(campaigns, 'y2')).toBe(2);
    expect(seriesLength(campaigns, 'y3')).toBe(3);
    expect(seriesLength(campaigns, 'gone')).toBe(0);
  });
});
