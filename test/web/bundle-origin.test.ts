// Issue 16: what the machine and establishment pages show for a site that came as a signed
// bundle (React-free rule of src/web/lib/bundle-origin.ts), and the words of its badge and
// banner in both languages.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/messages/en.ts';
import { fr } from '../../src/i18n/messages/fr.ts';
import { bundleCount, examParts, isBundle, shownTab } from '../../src/web/lib/bundle-origin.ts';

const bundle = { origin: 'bundle' as const };
const raw = {};

describe('bundle origin on the pages', () => {
  it('hides every exam-level part of a bundle site, none of a raw one', () => {
    expect([...examParts(bundle)]).toEqual([]);
    expect([...examParts(raw)].sort()).toEqual(['heatmap', 'scenarios', 'timeline']);
    // Still loading (no view yet): nothing is hidden.
    expect(examParts(null).has('timeline')).toBe(true);
  });

  it('shows a bundle site’s overview when its scenarios are asked, other tabs as asked', () => {
    expect(shownTab('scenarios', bundle)).toBe('overview');
    expect(shownTab('scenarios', raw)).toBe('scenarios');
    expect(shownTab('trends', bundle)).toBe('trends');
    expect(shownTab('overview', bundle)).toBe('overview');
  });

  it('marks and counts bundle rows only', () => {
    expect(isBundle(bundle)).toBe(true);
    expect(isBundle(raw)).toBe(false);
    expect(isBundle(undefined)).toBe(false);
    expect(bundleCount([bundle, raw, bundle, {}])).toBe(2);
  });

  it('has the badge and banner words in French and English', () => {
    expect(fr['bundles.web.badge']).toBe('agrégats signés');
    expect(en['bundles.web.badge']).toBe('signed aggregates');
    expect(fr['bundles.web.banner.machine']).toContain('paquet signé d’agrégats');
    expect(en['bundles.web.hidden']).toContain('timeline, heatmap and scenarios hidden');
  });
});
