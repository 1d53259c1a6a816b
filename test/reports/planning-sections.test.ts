// The reports' planning sections on a small campaign checked by hand (planning-kit.ts): the
// site fiche's costs (input and illustrative, none without a cost set) and relevance, and the
// regional synthesis's nights and teleradiology chapter, in French and English.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import type { ReportDocument } from '../../src/reports/document-types.ts';
import { renderReportHtml } from '../../src/reports/document.ts';
import { planningInputs } from '../../src/reports/planning.ts';
import { siteFiche } from '../../src/reports/site-fiche/index.ts';
import {
  ONCALL_CHAPTER,
  SYNTHESIS_CHAPTERS,
  synthesisDocument,
} from '../../src/reports/synthesis/index.ts';
import { indexOfKit } from './late-start-kit.ts';
import { planningCosts, planningKit, SITE_A, SITE_C } from './planning-kit.ts';

const kit = planningKit();
const index = indexOfKit(kit);
const planning = planningInputs(kit, index);

const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/** The HTML of section `id`, spaces plain. */
function sectionHtml(doc: ReportDocument, id: string): string {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return plain(s.html);
}

/** Visible text: tags dropped, entities of apostrophes and quotes read back. */
const text = (html: string): string =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The cells of the body rows (and footer rows) of the `n`-th table with class `className`. */
function tableRows(html: string, className: string, n = 0): { body: string[][]; foot: string[][] } {
  let start = -1;
  for (let i = 0; i <= n; i++) {
    start = html.indexOf(`<table class="data ${className}">`, start + 1);
    if (start < 0) throw new Error(`no table .${className} #${n}`);
  }
  const end = html.indexOf('</table>', start);
  const part = html.slice(start, end);
  const rows = (from: string, to: string): string[][] => {
    const a = part.indexOf(from);
    if (a < 0) return [];
    const chunk = part.slice(a, part.indexOf(to, a));
    return [...chunk.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => text(c[1] ?? '').trim()),
    );
  };
  return { body: rows('<tbody>', '</tbody>'), foot: rows('<tfoot>', '</tfoot>') };
}

const fiche = (lang: Lang, p = planning, finess = SITE_A): ReportDocument =>
  siteFiche(index, finess, lang, 'modality', undefined, p);

describe('the site fiche’s costs', () => {
  it.each(['fr', 'en'] as const)(
    'gives the machines’ and the site’s figures computed by hand (%s)',
    (lang) => {
      const doc = fiche(lang);
      const ids = doc.sections.map((s) => s.id);
      expect(ids.slice(0, 6)).toEqual([
        'identity',
        'openings',
        'survey',
        'costs',
        'relevance',
        'relevance-quality',
      ]);
      const html = sectionHtml(doc, 'costs');
      const fr = lang === 'fr';
      // CT-A: 100,000 + 60,000 + 400,000 + 100,000 + 20 × 50 × 365 / 14 = 686,071.43 a year
      expect(tableRows(html, 'costs').body).toEqual([
        fr
          ? ['CT-A', 'Scanner', '1 304', '686 071', '263,9', '526,3', '5,26', '0', '9 696']
          : ['CT-A', 'CT', '1,304', '686,071', '263.9', '526.3', '5.26', '0', '9,696'],
        // MR-A has no cost row: 12 exams × 365 / 14 = 313 a year, 8,000 − 312.86 to tier 1
        fr
          ? ['MR-A', 'IRM', '313', '—', '—', '—', '—', '0', '7 687']
          : ['MR-A', 'MRI', '313', '—', '—', '—', '—', '0', '7,687'],
      ]);
      expect(tableRows(html, 'costs-site').body).toEqual([
        fr
          ? ['1 / 2', '1 304', '686 071', '526,3', '5,26']
          : ['1 / 2', '1,304', '686,071', '526.3', '5.26'],
      ]);
      const words = text(html);
      // each column under its provenance
      expect(words).toContain(
        fr ? 'Provenance mesuré saisi référence' : 'Provenance measured input reference',
      );
      expect(words).toContain(
        fr
          ? 'Sans ligne de coûts, hors des totaux du site : MR-A.'
          : 'No cost row, left out of the site’s totals: MR-A.',
      );
      expect(words).toContain(
        fr
          ? 'l’achat est amorti en entier pour CT-A'
          : 'the purchase is amortised in full for CT-A',
      );
      expect(words).toContain('Arrêté du 21/04/2023');
      expect(words).toContain(
        fr
          ? 'Scanner : palier 1 à partir de 11 000 forfaits par an, palier 2 à partir de 13 000'
          : 'CT: tier 1 from 11,000 forfaits a year, tier 2 from 13,000',
      );
      expect(html).not.toContain('badge-illustrative');
      expect(words).not.toMatch(/illustrati/i);
    },
  );

  it.each(['fr', 'en'] as const)('says the costs are illustrative with a badge (%s)', (lang) => {
    const illustrative = planningKit({ costs: planningCosts('illustrative') });
    const doc = fiche(lang, planningInputs(illustrative, indexOfKit(illustrative)));
    const html = sectionHtml(doc, 'costs');
    expect(html).toContain('<span class="badge badge-illustrative">');
    expect(text(html)).toContain(
      lang === 'fr'
        ? 'Ces coûts sont ILLUSTRATIFS : des ordres de grandeur de démonstration'
        : 'These costs are ILLUSTRATIVE: demo orders of magnitude',
    );
    // the same figures, under the illustrative badge
    expect(tableRows(html, 'costs').body[0]![3]).toBe(lang === 'fr' ? '686 071' : '686,071');
  });

  it('has no costs section when the campaign has no cost set, nor any planning section without a kit', () => {
    const bare = planningKit({ costs: null });
    const doc = fiche('fr', planningInputs(bare, indexOfKit(bare)));
    expect(doc.sections.map((s) => s.id)).not.toContain('costs');
    expect(doc.sections.map((s) => s.id)).toContain('relevance');
    const without = siteFiche(index, SITE_A, 'fr');
    expect(
      without.sections
        .map((s) => s.id)
        .filter((id) => id.startsWith('costs') || id.startsWith('relevance')),
    ).toEqual([]);
  });
});

describe('the site fiche’s relevance', () => {
  it.each(['fr', 'en'] as const)(
    'places the site’s CT share of head imaging among its peers (%s)',
    (lang) => {
      const doc = fiche(lang);
      const html = sectionHtml(doc, 'relevance');
      const fr = lang === 'fr';
      expect(html).toContain('<figure class="chart" id="fig-relevance"><svg');
      // peers A (80 %), B (30 %), D (50 %): P20 38 %, P50 50 %, P80 68 %; A is above: (2 + ½) / 3
      expect(tableRows(html, 'relevance').body).toEqual(
        fr
          ? [
              [
                'Tous les examens',
                '40',
                '10',
                '80 %',
                '38 %',
                '50 %',
                '68 %',
                '3',
                '83ᵉ centile',
                'à revoir',
              ],
              [
                'Programmés (A, H, R)',
                '30',
                '10',
                '75 %',
                '35 %',
                '50 %',
                '65 %',
                '3',
                '83ᵉ centile',
                'à revoir',
              ],
              [
                'Urgences (U)',
                '10',
                '0',
                '100 %',
                '50 %',
                '50 %',
                '80 %',
                '3',
                '83ᵉ centile',
                'à revoir',
              ],
            ]
          : [
              [
                'All exams',
                '40',
                '10',
                '80%',
                '38%',
                '50%',
                '68%',
                '3',
                '83rd percentile',
                'to review',
              ],
              [
                'Scheduled (A, H, R)',
                '30',
                '10',
                '75%',
                '35%',
                '50%',
                '65%',
                '3',
                '83rd percentile',
                'to review',
              ],
              [
                'Emergencies (U)',
                '10',
                '0',
                '100%',
                '50%',
                '50%',
                '80%',
                '3',
                '83rd percentile',
                'to review',
              ],
            ],
      );
      expect(text(html)).toContain(
        fr
          ? 'À revoir au regard du Guide du bon usage des examens d’imagerie médicale : la part du scanner (tous les examens, programmés (A, H, R), urgences (U)) est au P80'
          : 'To review against the Guide du bon usage des examens d’imagerie médicale (French guide to the proper use of imaging): the CT share (all exams, scheduled (A, H, R), emergencies (U)) is at or above the peer sites’ P80',
      );
      const quality = sectionHtml(doc, 'relevance-quality');
      // MR-A: 8 patients, 2 seen again → 2 / 10; 32 of 62 exams without a request time, 22 without a booked length
      expect(tableRows(quality, 'relevance-quality').body).toEqual(
        fr
          ? [
              [
                'Examens répétés (même patient, même modalité et famille d’actes, dans les 30 jours)',
                '20 %',
                'mesuré',
              ],
              ['Examens sans heure de demande', '51,6 %', 'mesuré'],
              ['Examens sans durée prévue', '35,5 %', 'mesuré'],
              ['Examens du site dans la campagne', '62', 'mesuré'],
            ]
          : [
              [
                'Repeat exams (same patient, same modality and act family, within 30 days)',
                '20%',
                'measured',
              ],
              ['Exams without a request time', '51.6%', 'measured'],
              ['Exams without a booked length', '35.5%', 'measured'],
              ['Exams of the site in the campaign', '62', 'measured'],
            ],
      );
    },
  );

  it('says why repeats are not computed without patient keys, and that a CT-only site is not ranked', () => {
    const unkeyed = planningKit({ keys: false });
    const p = planningInputs(unkeyed, indexOfKit(unkeyed));
    const quality = sectionHtml(fiche('en', p), 'relevance-quality');
    expect(tableRows(quality, 'relevance-quality').body[0]![1]).toBe(
      'not computed: the exams have no patient key (exams.csv column patient_key, a keyed hash)',
    );
    const c = text(sectionHtml(fiche('fr', planning, SITE_C), 'relevance'));
    expect(c).toContain('Ce site n’a pas à la fois un scanner et une IRM');
    expect(c).not.toContain('Guide du bon usage des examens');
  });
});

describe('the regional synthesis’s nights and teleradiology', () => {
  const region = (lang: Lang, withPlanning = true): ReportDocument =>
    synthesisDocument(index, { region: 'Hauts-de-France' }, lang, withPlanning ? { planning } : {});

  it.each(['fr', 'en'] as const)(
    'gives the PDS demand per département and the four options at default settings (%s)',
    (lang) => {
      const doc = region(lang);
      const chapters = doc.sections.filter((s) => s.level === 1).map((s) => s.id);
      expect(chapters).toEqual([...SYNTHESIS_CHAPTERS.slice(0, -1), ONCALL_CHAPTER, 'caveats']);
      const html = sectionHtml(doc, ONCALL_CHAPTER);
      const fr = lang === 'fr';
      // per week = exams ÷ 2 (14 days): 59 CT 6 night + 4 weekend, MR 2 weekend; 62 CT 2 night; 80 CT 4 weekend
      const demand = tableRows(html, 'oncall-demand');
      expect(demand.body).toEqual([
        ['Nord (59)', '1', '3', '2', '0', '1', '6'],
        ['Pas-de-Calais (62)', '1', '1', '0', '0', '0', '1'],
        ['Somme (80)', '1', '0', '2', '0', '0', '2'],
      ]);
      expect(demand.foot).toEqual([[fr ? 'Région' : 'Region', '3', '4', '4', '0', '1', '9']]);
      const words = text(html);
      expect(words).toContain(
        fr ? '60 h de nuit, 48 h de week-end' : '60 h at night, 48 h at weekends',
      );
      expect(words).toContain(
        fr
          ? 'Réglages par défaut : durées de lecture scanner 15 min et IRM 20 min (illustratives), loi fixe (simulée) ; cible : 90 % des examens lus en 30 min au plus'
          : 'Default settings: reading times CT 15 min and MRI 20 min (illustrative), fixed (simulated) distribution; target: 90% of exams read within 30 min',
      );
      expect(html).toContain('<span class="badge badge-illustrative">');
      // fixed reading (the default), nights and weekends staffed apart: each site alone, A and B at
      // night, A and C at weekends (2 × 60 + 2 × 48 h, 2 lines at once); one hub (60 + 48 h); hub at
      // night + A and C at weekends (60 + 2 × 48); A and B at night + hub at weekends (2 × 60 + 48)
      const options = tableRows(html, 'oncall-options').body;
      expect(options.map((r) => r.slice(0, 3))).toEqual(
        (fr
          ? [
              'Chaque site seul',
              'Un centre pour tous',
              'Centre la nuit, sites le week-end',
              'Sites la nuit, centre le week-end',
            ]
          : [
              'Each site alone',
              'One hub for all',
              'Hub at night, sites at weekends',
              'Sites at night, hub at weekends',
            ]
        ).map((name, i) => [
          name,
          ...([
            ['2', '216'],
            ['1', '108'],
            ['2', '156'],
            ['2', '168'],
          ][i] ?? []),
        ]),
      );
      // 9 exams a week over 108 h on one line (hub): 0.08 an hour
      expect(options[1]![3]).toBe(fr ? '0,08' : '0.08');
      expect(html.match(/<table class="data oncall-options">/g)).toHaveLength(1);
      expect(words).toContain(
        fr
          ? 'Provenance — demande : mesuré ; lignes, heures, parts et réponses : illustratif'
          : 'Provenance — demand: measured; lines, hours, shares and responses: illustrative',
      );
      expect(words).toContain(
        fr
          ? 'Les durées de lecture (scanner 15 min, IRM 20 min) sont ILLUSTRATIVES'
          : 'The reading times (CT 15 min, MRI 20 min) are ILLUSTRATIVE',
      );
      expect(words).toContain(fr ? 'Aucun jour férié compté' : 'No public holiday counted');
      expect(words).toContain(
        fr
          ? '3 sites de la campagne dans la région Hauts-de-France (code INSEE 32)'
          : '3 sites of the campaign in region Hauts-de-France (INSEE code 32)',
      );
    },
  );

  it('adds fixed reading when exponential reading cannot reach the target', () => {
    const exponential = {
      ...planning,
      oncallOfRegion: (code: string, d?: 'exponential' | 'deterministic') =>
        planning.oncallOfRegion(code, d ?? 'exponential'),
    };
    for (const lang of ['fr', 'en'] as const) {
      const doc = synthesisDocument(index, { region: 'Hauts-de-France' }, lang, {
        planning: exponential,
      });
      const html = sectionHtml(doc, ONCALL_CHAPTER);
      // 1 − e^−2 = 86 % < 90 %: every option of the exponential table is empty …
      const first = tableRows(html, 'oncall-options', 0).body;
      expect(first).toHaveLength(4);
      expect(first.every((r) => r.slice(1).every((c) => c === '—'))).toBe(true);
      expect(text(html)).toContain(
        lang === 'fr'
          ? 'même sans attente, seuls 86 % des examens Scanner sont lus en 30 min'
          : 'even with no wait only 86% of CT exams are read within 30 min',
      );
      // … then the same settings with fixed reading
      expect(tableRows(html, 'oncall-options', 1).body.map((r) => r.slice(1, 3))).toEqual([
        ['2', '216'],
        ['1', '108'],
        ['2', '156'],
        ['2', '168'],
      ]);
    }
  });

  it('has no such chapter in the national synthesis, nor without the kit', () => {
    const national = synthesisDocument(index, {}, 'fr', { planning });
    expect(national.sections.map((s) => s.id)).not.toContain(ONCALL_CHAPTER);
    expect(region('fr', false).sections.map((s) => s.id)).not.toContain(ONCALL_CHAPTER);
  });

  it('computes each document once for both languages', () => {
    expect(planningInputs(kit, index)).toBe(planning);
    expect(planning.relevance()).toBe(planning.relevance());
    expect(planning.oncallOfRegion('32')).toBe(planning.oncallOfRegion('32'));
    expect(planningInputs(kit, indexOfKit(kit))).not.toBe(planning);
  });

  it('lays the chapter out in a page', () => {
    const page = renderReportHtml(region('en'));
    expect(page).toContain(
      `<section class="section level-1 new-page" id="${ONCALL_CHAPTER}"><h1>Nights and teleradiology</h1>`,
    );
  });
});
