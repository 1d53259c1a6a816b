// The syntheses' chapter "Territoires" on a small generated campaign with its register (40
// machines, 7 days, the whole French fleet of 2010): the chapter's place, its tables holding
// figures counted here from the register and the population table (not from the document), the
// published figures with their year and source, the map's SVG, a regional synthesis of a 2010
// region name read as its current region, the notes when the document is missing or holds no
// such region; and the printed chapter in French (Chromium and poppler, else skipped): the
// chapter printed between the night's and the caveats' headings, as chapters start a page. The
// whole English synthesis is printed, and its chapter checked the same way, by the API in
// synthesis-territories-wiring.test.ts (expectTerritoryChapterLaidOut).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import type { Kit, Modality, RegisterMachine } from '../../src/core/kit-types.ts';
import { CampaignIndex } from '../../src/core/views/index.ts';
import { generateKit } from '../../src/generate/index.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { POPULATION } from '../../src/plan/territories/population.ts';
import { SHIPPED_REFERENCES } from '../../src/plan/territories/references.ts';
import type { TerritorySource } from '../../src/plan/territories/territory-query.ts';
import { territoriesOf } from '../../src/plan/territories/territory-query.ts';
import type { TerritoryDocument } from '../../src/plan/territories/types.ts';
import type { ReportDocument, ReportSection } from '../../src/reports/document-types.ts';
import { closePdfBrowser, printPdf } from '../../src/reports/pdf.ts';
import { renderReportHtml } from '../../src/reports/document.ts';
import { SYNTHESIS_CHAPTERS, synthesisDocument } from '../../src/reports/synthesis/index.ts';
import { expectTerritoryChapterLaidOut } from '../helpers/territory-pdf.ts';
import { pdfToolsAvailable } from './pdf-tools.ts';

let kit: Kit;
let index: CampaignIndex;
let source: TerritorySource;
let territories: TerritoryDocument;
/** The national synthesis with the territory document, by language (built once: about a second each). */
let national: Record<Lang, ReportDocument>;

beforeAll(() => {
  kit = generateKit({ machines: 40, days: 7 });
  const { indicators, samples } = computeCampaignDetailed(kit);
  index = new CampaignIndex({
    results: indicators,
    samples,
    establishments: kit.establishments,
    equipment: kit.equipment,
    survey: kit.survey,
    updatedAt: '2026-01-02T03:04:05.000Z',
  });
  source = {
    campaign: kit.campaign,
    establishments: kit.establishments,
    machines: indicators.machines,
    samples,
    sessions: kit.sessions,
    register: kit.register ?? null,
    survey: kit.survey,
    references: SHIPPED_REFERENCES,
  };
  territories = territoriesOf(source);
  national = {
    fr: synthesisDocument(index, {}, 'fr', { territories }),
    en: synthesisDocument(index, {}, 'en', { territories }),
  };
}, 120_000);

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
const text = (s: string): string => decode(s.replace(/<[^>]+>/g, ''));

/** The cell texts of every row of the table whose caption contains `caption`. */
function tableRows(section: ReportSection, caption: string): string[][] {
  const tables = [...section.html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
  const table = tables.find((t) =>
    text(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '').includes(caption),
  );
  expect(table, caption).toBeDefined();
  return [...table!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
      text(cell[1] ?? ''),
    ),
  );
}

const sectionOf = (doc: ReportDocument, id: string): ReportSection => {
  const s = doc.sections.find((x) => x.id === id);
  expect(s, id).toBeDefined();
  return s!;
};

/** Register rows in service on the campaign's first day (the date put into service, else the authorisation's). */
function inService(rows: readonly RegisterMachine[], start: string): RegisterMachine[] {
  return rows.filter((r) => {
    const date = r.inServiceOn ?? r.authorisedOn;
    return date === null || date <= start;
  });
}

/** "11,8" / "11.8": one decimal always. */
const oneDecimal = (v: number, lang: Lang): string =>
  v.toFixed(1).replace('.', lang === 'fr' ? ',' : '.');
/** Grouped digits as the reports write them ("68 350 798" with narrow spaces, "68,350,798"). */
const grouped = (n: number, lang: Lang): string =>
  String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');

describe('the national synthesis with its territory document', () => {
  it.each(['fr', 'en'] as const)(
    'places the chapter after the night and before the caveats (%s)',
    (lang) => {
      const doc = national[lang];
      const chapters = doc.sections.filter((s) => s.level === 1).map((s) => s.id);
      expect(chapters).toEqual([...SYNTHESIS_CHAPTERS]);
      expect(chapters.indexOf('territories')).toBe(chapters.indexOf('night') + 1);
      expect(chapters.indexOf('caveats')).toBe(chapters.indexOf('territories') + 1);
      const ids = doc.sections.map((s) => s.id);
      const at = ids.indexOf('territories');
      expect(ids.slice(at, at + 10)).toEqual([
        'territories',
        'territories-map',
        'territories-equipment',
        'territories-exams',
        'territories-gap',
        'territories-age',
        'territories-platforms',
        'territories-night',
        'territories-waits',
        'territories-caveats',
      ]);
      expect(sectionOf(doc, 'territories').title).toBe(
        lang === 'fr' ? 'Territoires' : 'Territories',
      );
      const body = doc.sections
        .slice(at, at + 10)
        .map((s) => s.html.replace(/<svg[\s\S]*?<\/svg>/g, ''))
        .join('');
      expect(body).not.toMatch(/\{[a-zA-Z0-9_]+[},]/);
    },
  );

  it('prints the units and densities counted from the register and the population table', () => {
    const lang = 'fr';
    const doc = national[lang];
    const rows = tableRows(
      sectionOf(doc, 'territories-equipment'),
      'Appareils en service et densités',
    );
    const counted = inService(kit.register!, kit.campaign.start);
    const population = POPULATION.departments.reduce((s, d) => s + d.population, 0);
    const france = rows.find((r) => r[0] === 'France entière')!;
    const units = (m: Modality): number => counted.filter((r) => r.modality === m).length;
    const bySector = (m: Modality, sector: string): number =>
      counted.filter((r) => r.modality === m && r.sector === sector).length;
    // Territory | Population | CT: units, /M, hospital /M, private /M | MRI: the same.
    expect(france[1]).toBe(grouped(population, lang));
    expect(france[2]).toBe(grouped(units('CT'), lang));
    expect(france[3]).toBe(oneDecimal((units('CT') / population) * 1e6, lang));
    expect(france[4]).toBe(oneDecimal((bySector('CT', 'hospital') / population) * 1e6, lang));
    expect(france[5]).toBe(
      oneDecimal((bySector('CT', 'private_practice') / population) * 1e6, lang),
    );
    expect(france[6]).toBe(grouped(units('MR'), lang));
    expect(france[7]).toBe(oneDecimal((units('MR') / population) * 1e6, lang));
    // The generated register follows the 2010 sources: about 11.8 CT per million (OECD).
    expect((units('CT') / population) * 1e6).toBeGreaterThan(11);
    expect((units('CT') / population) * 1e6).toBeLessThan(12.6);
    // The 18 regions follow France, metropolitan first, then the published figures.
    const names = rows.map((r) => r[0]);
    expect(names.indexOf('Île-de-France')).toBe(names.indexOf('France entière') + 1);
    expect(names.indexOf('Mayotte')).toBeGreaterThan(names.indexOf('Corse'));
    const hdf = rows.find((r) => r[0] === 'Hauts-de-France')!;
    const hdfDeps = new Set(
      POPULATION.departments.filter((d) => d.region === '32').map((d) => d.code),
    );
    const hdfCt = counted.filter((r) => r.modality === 'CT' && hdfDeps.has(r.department)).length;
    expect(hdf[2]).toBe(grouped(hdfCt, lang));
    // Published figures: the OECD average 2015 (25.7 CT, 15.9 MRI) and France 2010 (11.8 CT), marked with their source.
    const oecd = rows.find((r) => r[0]?.startsWith('Moyenne OCDE 2015'))!;
    expect(oecd[3]).toBe('25,7');
    expect(oecd[7]).toBe('15,9');
    const fr2010 = rows.find((r) => r[0]?.startsWith('France 2010, publié'))!;
    expect(fr2010[3]).toBe('11,8');
    const fr2018 = rows.find((r) => r[0]?.startsWith('France 2018, publié'))!;
    expect(fr2018.slice(7)).toEqual(['14,8', '8,4', '6,4']);
    const html = text(sectionOf(doc, 'territories-equipment').html);
    expect(html).toContain(
      'OECD Health at a Glance 2017, as reported by docteurimago.fr (16/11/2017)',
    );
    expect(html).toContain('OECD Health Statistics, as reported by docteurimago.fr (06/09/2019)');
    expect(html).toMatch(/Provenance\u202f: déclaré \(registre des équipements\), publié/);
  });

  it('prints exams per 1,000 with the imputed share, gaps, ages, platforms, night and waits of the document', () => {
    const lang = 'en';
    const doc = national[lang];
    const n = territories.national;
    const exams = tableRows(sectionOf(doc, 'territories-exams'), 'Exams per 1,000');
    const france = exams.find((r) => r[0] === 'France as a whole')!;
    const ct = n.examsPer1000.CT!;
    // Exams per 1,000 = annual exams ÷ population × 1,000, annual exams measured + imputed.
    expect(ct.annualExams).toBeCloseTo(ct.measuredExams + ct.imputedExams, 6);
    expect(france[1]).toBe(oneDecimal((ct.annualExams / n.population) * 1000, lang));
    expect(france[2]).toBe(`${Math.round((ct.imputedExams / ct.annualExams) * 100)}%`);
    expect(france[3]).toBe(grouped(Math.round(ct.annualExams), lang));
    // The campaign holds 40 of ~1,450 machines: most exams are imputed, and said so.
    expect(ct.imputedExams / ct.annualExams).toBeGreaterThan(0.9);
    expect(exams.find((r) => r[0]?.startsWith('OECD average 2015'))?.[1]).toBe('143.1');

    // Gap to the OECD 2015 average: ⌈25.7 × population / 10⁶ − units⌉, by hand.
    const gap = tableRows(sectionOf(doc, 'territories-gap'), 'Units missing');
    const ctUnits = n.units.CT!.total;
    const oecdCt = Math.max(0, Math.ceil((25.7 * n.population) / 1e6 - ctUnits));
    expect(gap.find((r) => r[0] === 'France as a whole')).toEqual([
      'France as a whole',
      '0',
      '0',
      grouped(oecdCt, lang),
      expect.any(String),
    ]);
    expect(text(sectionOf(doc, 'territories-gap').html)).toContain(
      'OECD average 2015: CT 25.7, MRI 15.9',
    );

    // Fleet age from the register's installed years, by hand.
    const counted = inService(kit.register!, kit.campaign.start).filter((r) => r.modality === 'CT');
    const ages = counted
      .filter((r) => r.installedYear !== null && r.installedYear <= 2010)
      .map((r) => 2010 - r.installedYear!);
    const age = tableRows(sectionOf(doc, 'territories-age'), 'Fleet age').find(
      (r) => r[0] === 'France as a whole',
    )!;
    expect(age[2]).toBe(`${Math.round((ages.filter((a) => a >= 7).length / ages.length) * 100)}%`);
    expect(age[3]).toBe(`${Math.round((ages.filter((a) => a >= 10).length / ages.length) * 100)}%`);
    expect(age[4]).toBe(String(ages.filter((a) => a >= 10).length));

    // Platforms: sites of the register with CT and MRI, CT only, MRI only.
    const all = inService(kit.register!, kit.campaign.start);
    const sites = new Map<string, Set<Modality>>();
    for (const r of all) sites.set(r.finess, (sites.get(r.finess) ?? new Set()).add(r.modality));
    const complete = [...sites.values()].filter((s) => s.size === 2).length;
    const platforms = tableRows(sectionOf(doc, 'territories-platforms'), 'Platforms').find(
      (r) => r[0] === 'France as a whole',
    )!;
    expect(platforms[1]).toBe(grouped(sites.size, lang));
    expect(platforms[2]).toBe(`${complete} (${Math.round((complete / sites.size) * 100)}%)`);

    // Night: the campaign machines, and the départements without night MRI counted.
    const night = tableRows(sectionOf(doc, 'territories-night'), 'On-call and night MRI').find(
      (r) => r[0] === 'France as a whole',
    )!;
    expect(night[1]).toBe('40');
    expect(night[6]).toBe(`${n.nightCoverage.departmentsWithoutNightMri.length} / 101`);
    expect(text(sectionOf(doc, 'territories-night').html)).toContain(
      `${n.nightCoverage.departmentsWithoutNightMri.length} départements of 101 without a measured night MRI`,
    );

    // Waits: the pooled P50 (P20 – P80) and their counts, beside the regions'.
    const waits = tableRows(sectionOf(doc, 'territories-waits'), 'Appointment delays').find(
      (r) => r[0] === 'France as a whole',
    )!;
    const w = n.waiting.MR!.realised;
    expect(waits[6]).toBe(grouped(w.n, lang));
    expect(waits[5]).toBe(`${+w.p50!.toFixed(1)} (${+w.p20!.toFixed(1)} – ${+w.p80!.toFixed(1)})`);
  });

  it('draws the map of the départements with the boundaries’ attribution', () => {
    const doc = national.fr;
    const map = sectionOf(doc, 'territories-map').html;
    const svg = /<svg[\s\S]*?<\/svg>/.exec(map)?.[0] ?? '';
    expect(svg).not.toBe('');
    // One path per département at least (101, overseas in insets), with their inset names.
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(101);
    for (const name of ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'])
      expect(svg).toContain(name);
    expect(svg).toContain('IGN ADMIN EXPRESS, via gregoiredavid/france-geojson');
    expect(map).toContain('Scanners et IRM en service par million d’habitants, par département');
    expect(text(map)).toContain('Contours\u202f: IGN ADMIN EXPRESS');
  });

  it('says in words the limits of the figures', () => {
    const doc = national.fr;
    const caveats = text(sectionOf(doc, 'territories-caveats').html);
    expect(caveats).toContain('au lieu de l’appareil, pas au lieu de résidence du patient');
    expect(caveats).toMatch(
      /des examens annuels de la France entière sont imputés \(1\u202f4\d\d appareils du registre absents/,
    );
    expect(caveats).toContain(
      'population légale 2023 (en vigueur en 2026), la campagne date de 2010',
    );
    expect(caveats).toContain('ne sont mesurés que sur les 40 appareils de la campagne');
    expect(caveats).toContain('Contours des cartes\u202f: IGN ADMIN EXPRESS');
    expect(caveats).toContain('@etalab/decoupage-administratif');
  });
});

describe('the regional synthesis', () => {
  it('reads a 2010 region name as its current INSEE region, with all its départements', () => {
    const doc = synthesisDocument(index, { region: 'Nord-Pas-de-Calais' }, 'fr', { territories });
    const intro = text(sectionOf(doc, 'territories').html);
    expect(intro).toContain(
      'région actuelle Hauts-de-France (code INSEE 32), qui comprend la région «\u202fNord-Pas-de-Calais\u202f» de la campagne',
    );
    const rows = tableRows(sectionOf(doc, 'territories-equipment'), 'Appareils en service');
    const names = rows.slice(2, 9).map((r) => r[0]);
    expect(names).toEqual([
      'Hauts-de-France',
      'Aisne (02)',
      'Nord (59)',
      'Oise (60)',
      'Pas-de-Calais (62)',
      'Somme (80)',
      'France entière',
    ]);
    const nord = inService(kit.register!, kit.campaign.start).filter((r) => r.department === '59');
    expect(rows.find((r) => r[0] === 'Nord (59)')?.[2]).toBe(
      String(nord.filter((r) => r.modality === 'CT').length),
    );
    expect(rows.find((r) => r[0] === 'Hauts-de-France')?.[1]).toBe(
      grouped(
        POPULATION.departments
          .filter((d) => d.region === '32')
          .reduce((s, d) => s + d.population, 0),
        'fr',
      ),
    );
    // The map: the region's five départements alone, named, with the attribution.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(sectionOf(doc, 'territories-map').html)?.[0] ?? '';
    for (const name of ['Nord', 'Pas-de-Calais', 'Somme', 'Oise', 'Aisne'])
      expect(svg).toContain(`>${name}<`);
    expect(svg).not.toContain('>Gironde<');
    expect(svg).not.toContain('Guadeloupe');
    expect(svg).toContain('IGN ADMIN EXPRESS');
    expect(sectionOf(doc, 'territories-map').html).toContain('départements de Hauts-de-France');
  });

  it('says why the chapter is empty: no document, or a document without the region', () => {
    for (const lang of ['fr', 'en'] as const) {
      const doc = synthesisDocument(index, {}, lang);
      const ids = doc.sections.map((s) => s.id);
      expect(ids).toContain('territories');
      expect(ids.filter((id) => id.startsWith('territories-'))).toEqual([]);
      expect(text(sectionOf(doc, 'territories').html)).toContain(
        lang === 'fr'
          ? 'n’ont pas été fournis à cette synthèse'
          : 'No territory figures were given',
      );
    }
    const other = territoriesOf(source, { region: '11' });
    const doc = synthesisDocument(index, { region: 'Nord-Pas-de-Calais' }, 'fr', {
      territories: other,
    });
    expect(text(sectionOf(doc, 'territories').html)).toContain(
      'ne comprennent pas la région Hauts-de-France (code INSEE 32)',
    );
  });

  it('flags a campaign without register: its machines alone, densities a floor', () => {
    const doc = synthesisDocument(index, {}, 'fr', {
      territories: territoriesOf({ ...source, register: null }),
    });
    expect(text(sectionOf(doc, 'territories').html)).toContain(
      'la campagne n’a pas de registre des équipements ; seuls ses 40 appareils sont comptés'.replace(
        ' ;',
        '\u202f;',
      ),
    );
    expect(text(sectionOf(doc, 'territories-caveats').html)).toContain(
      'seuls les appareils de la campagne sont comptés',
    );
    const france = tableRows(sectionOf(doc, 'territories-equipment'), 'Appareils en service').find(
      (r) => r[0] === 'France entière',
    )!;
    expect(Number(france[2]) + Number(france[6])).toBe(40);
  });
});

const tmp = mkdtempSync(join(tmpdir(), 'plateau-territories-pdf-'));
afterAll(async () => {
  await closePdfBrowser();
  rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(pdfToolsAvailable())('the printed territory chapter', () => {
  it('prints the map and whole tables on sane pages (fr)', { timeout: 120_000 }, async () => {
    // Chapters start a page: the territory chapter between the night's and the caveats'
    // headings lays out as in the whole synthesis. Printed once, as printReport's first pass
    // (its second only writes the contents' page numbers; the contents' links make the PDF's
    // named destinations).
    const doc = national.fr;
    const bytes = await printPdf(
      renderReportHtml({
        ...doc,
        sections: [
          sectionOf(doc, 'night'),
          ...doc.sections.filter((s) => s.id === 'territories' || s.id.startsWith('territories-')),
          sectionOf(doc, 'caveats'),
        ],
      }),
      { lang: 'fr', headerTitle: doc.title },
    );
    expectTerritoryChapterLaidOut(bytes, join(tmp, 'national-fr.pdf'), 'fr');
  });
});
