// Issue 16: the reports say which sites came as signed bundles. The views kit's site 750000001
// (CT4 and MR0) is declared a bundle site: its fiche has the notice (key id, date) and no
// "what would change" page even when simulations are given; a raw site's fiche is unchanged;
// the national synthesis' panel counts the bundle site and its machines.
import { describe, expect, it } from 'vitest';
import type { CampaignIndex } from '../../src/core/views/index.ts';
import { buildReport } from '../../src/reports/build.ts';
import { renderReportHtml } from '../../src/reports/document.ts';
import { planningInputs } from '../../src/reports/planning.ts';
import type { MachineWhatIf } from '../../src/reports/site-fiche/what-would-change.ts';
import { synthesisDocument } from '../../src/reports/synthesis/index.ts';
import { SITES, indexOf, viewsKit } from '../core/views/views-kit.ts';

const kit = viewsKit();
const index = indexOf(kit, true, { bundleSites: new Set([SITES.europe]) });
const raw = indexOf(kit);
const noRecords: MachineWhatIf = { state: 'no-records' };
const whatIf = new Map(kit.equipment.map((e) => [e.equipmentId, noRecords]));
const bundle = { keyId: '0123456789abcdef', createdAt: '2010-04-02T08:30:00.000Z' };
const plain = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\u202f|\u00a0/g, ' ');

describe('a bundle site in the reports', () => {
  it('gives its fiche the notice after the identity, and no simulated page', () => {
    const doc = buildReport(index, { kind: 'site', finess: SITES.europe }, 'fr', {
      whatIf,
      bundle,
    });
    const ids = doc.sections.map((s) => s.id);
    expect(ids.slice(0, 2)).toEqual(['identity', 'bundle']);
    expect(ids.some((id) => id.endsWith('-what-would-change'))).toBe(false);
    // Its machines' chapters are still there, from the aggregates.
    expect(ids).toContain('machine-1-ct4-position');
    const page = plain(renderReportHtml(doc));
    expect(page).toContain('paquet signé d’agrégats');
    expect(page).toContain('0123456789abcdef');
    // Created at 08:30 UTC = 10:30 in Paris (summer time from 28 March 2010).
    expect(page).toMatch(/2 avr\.? 2010.{0,6}10:30/);
    expect(page).toContain('ce qui changerait');
  });

  it('says the site came as a bundle even without the bundle’s facts, in English too', () => {
    const page = plain(
      renderReportHtml(buildReport(index, { kind: 'site', finess: SITES.europe }, 'en')),
    );
    expect(page).toContain('This establishment sent a signed bundle of aggregates');
    expect(page).toContain('Signing key not given');
  });

  it('leaves a raw site’s fiche as it was', () => {
    const doc = buildReport(index, { kind: 'site', finess: SITES.eloi }, 'fr', { whatIf, bundle });
    expect(doc.sections.map((s) => s.id)).not.toContain('bundle');
    expect(doc.sections.filter((s) => s.id.endsWith('-what-would-change'))).toHaveLength(2);
    const before = buildReport(raw, { kind: 'site', finess: SITES.eloi }, 'fr', { whatIf, bundle });
    // Same sections and text (charts' generated class names differ from one render to the next).
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual(
      before.sections.map((s) => [s.id, s.title]),
    );
    expect(plain(renderReportHtml(doc)).length).toBe(plain(renderReportHtml(before)).length);
  });

  it('counts bundle sites in the syntheses’ panel', () => {
    const panel = (i: CampaignIndex, lang: 'fr' | 'en'): string =>
      plain(synthesisDocument(i, {}, lang).sections.find((s) => s.id === 'panel')!.html);
    expect(panel(index, 'fr')).toContain(
      '1 établissement a transmis des agrégats signés (2 machines)',
    );
    expect(panel(index, 'en')).toContain('1 establishment sent signed aggregates (2 machines)');
    // A region without bundle sites says nothing of them (the same panel as raw data).
    const region = plain(
      synthesisDocument(index, { region: 'Hauts-de-France' }, 'fr').sections.find(
        (s) => s.id === 'panel',
      )!.html,
    );
    expect(region).not.toContain('agrégats signés');
  });

  it('is left out of the planning documents that need exams, kept in the costs', () => {
    // 750000001 (Paris, département 75) is the only site of region 11.
    expect(
      planningInputs(kit, raw)
        .oncallOfRegion('11')
        ?.sites.map((x) => x.finess),
    ).toEqual([SITES.europe]);
    const planning = planningInputs(kit, index);
    expect(planning.oncallOfRegion('11')).toBeNull();
    expect(planning.relevance().sites.some((x) => x.finess === SITES.europe)).toBe(false);
    expect(
      index
        .withoutBundleSites(kit)
        .equipment.map((e) => e.equipmentId)
        .sort(),
    ).toEqual(['CT0', 'CT1', 'CT2', 'CT3']);
    expect(raw.withoutBundleSites(kit)).toBe(kit);
  });
});
