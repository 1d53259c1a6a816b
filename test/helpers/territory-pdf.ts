// What a reader checks of a printed synthesis's territory chapter: it comes after the night's
// chapter and before the caveats, its map is on its first page with caption and attribution,
// every table's caption is on the page of its first row (the nation) and of its last (Mayotte),
// and the chapter of the nation and its 18 regions takes nine pages at most.
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { namedDestinationPages } from '../../src/reports/pdf-destinations.ts';
import { pdfText, plainSpaces } from '../reports/pdf-tools.ts';

const CAPTIONS: Record<Lang, string[]> = {
  fr: [
    'Appareils en service et densités',
    'Examens pour 1 000 habitants',
    'Appareils manquants',
    'Âge du parc',
    'Plateaux :',
    'Permanence des soins et IRM de nuit',
    'Délais de rendez-vous regroupés',
  ],
  en: [
    'Units in service and densities',
    'Exams per 1,000 inhabitants',
    'Units missing',
    'Fleet age',
    'Platforms:',
    'On-call and night MRI',
    'Appointment delays pooled',
  ],
};

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes the printed national synthesis `bytes` to `file` and checks its territory chapter. */
export function expectTerritoryChapterLaidOut(bytes: Uint8Array, file: string, lang: Lang): void {
  writeFileSync(file, bytes);
  const { destinations } = namedDestinationPages(bytes);
  const first = destinations.get('territories')!;
  const caveats = destinations.get('caveats')!;
  expect(first).toBeGreaterThan(destinations.get('night')!);
  expect(caveats).toBeGreaterThan(first);
  // The map is on the chapter's first page, with its caption and attribution.
  expect(destinations.get('territories-map')).toBe(first);
  const mapPage = plainSpaces(pdfText(file, first));
  expect(mapPage).toContain(
    lang === 'fr'
      ? 'Scanners et IRM en service par million'
      : 'CT and MRI units in service per million',
  );
  expect(mapPage).toContain('IGN ADMIN EXPRESS');
  // Every table's caption is printed on the page of its first row and of its last row.
  const nation = lang === 'fr' ? 'France entière' : 'France as a whole';
  const pages = Array.from({ length: caveats - first }, (_, i) =>
    plainSpaces(pdfText(file, first + i, true)),
  );
  for (const caption of CAPTIONS[lang]) {
    const page = pages.find((p) =>
      new RegExp(`(Tableau|Table) \\d+ ?: ${escaped(caption)}`).test(p),
    );
    expect(page, caption).toBeDefined();
    const after = page!.slice(page!.search(new RegExp(escaped(caption))));
    expect(after, caption).toContain(nation);
    expect(after, caption).toContain('Mayotte');
  }
  // Nine pages at most for the chapter of the nation and its 18 regions.
  expect(caveats - first).toBeLessThanOrEqual(9);
}
