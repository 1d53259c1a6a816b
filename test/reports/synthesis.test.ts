// The national and regional syntheses built from the generated national campaign (default
// options, computed once for the file): every chapter in both languages, every value 2010
// published within 10 % and printed beside it, a region that counts only its own machines, and
// names from a kit escaped.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCampaignDetailed } from '../../src/core/indicators/index.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import { CATEGORIES, MODALITIES } from '../../src/core/kit-types.ts';
import { REFERENCE_2010, REFERENCE_2010_FACTS } from '../../src/core/reference-2010.ts';
import { CampaignIndex } from '../../src/core/views/index.ts';
import { generateKit } from '../../src/generate/index.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { renderReportHtml } from '../../src/reports/document.ts';
import type { ReportDocument } from '../../src/reports/document-types.ts';
import type { PercentileTable } from '../../src/reports/synthesis/index.ts';
import {
  formatGap,
  percentileCells,
  relativeGap,
  SYNTHESIS_CHAPTERS,
  synthesisDocument,
  synthesisTables,
  UnknownRegionError,
} from '../../src/reports/synthesis/index.ts';
import { SYNTHESIS_MESSAGES } from '../../src/reports/synthesis/messages/index.ts';
import { formatInteger, placeholdersOf } from '../../src/i18n/index.ts';
import { buildKit } from '../helpers/build-kit.ts';

function indexOf(kit: Kit): CampaignIndex {
  const { indicators, samples } = computeCampaignDetailed(kit);
  return new CampaignIndex({
    results: indicators,
    samples,
    establishments: kit.establishments,
    equipment: kit.equipment,
    survey: kit.survey,
    updatedAt: '2026-01-02T03:04:05.000Z',
  });
}

let index: CampaignIndex;
const docs = new Map<Lang, ReportDocument>();
const tables = new Map<Lang, PercentileTable[]>();

beforeAll(() => {
  index = indexOf(generateKit());
  for (const lang of ['fr', 'en'] as const) {
    docs.set(lang, synthesisDocument(index, {}, lang));
    tables.set(lang, synthesisTables(index, {}, lang));
  }
}, 120_000);

const docOf = (lang: Lang): ReportDocument => docs.get(lang)!;
const bodyOf = (doc: ReportDocument): string => doc.sections.map((s) => s.html).join('\n');
const withoutSvg = (html: string): string => html.replace(/<svg[\s\S]*?<\/svg>/g, '');

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
/** The cell texts of every table row of some HTML. */
function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
      (cell[1] ?? '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e),
    ),
  );
}

describe('the national synthesis', () => {
  it.each(['fr', 'en'] as const)(
    'has every chapter and a sub-section per modality (%s)',
    (lang) => {
      const doc = docOf(lang);
      expect(doc.kind).toBe('national');
      expect(doc.toc).toBe(true);
      expect(doc.lang).toBe(lang);
      expect(doc.campaign.id).toBe('synthetic-2010');
      const ids = doc.sections.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      const chapters = doc.sections.filter((s) => s.level === 1).map((s) => s.id);
      expect(chapters).toEqual([...SYNTHESIS_CHAPTERS]);
      for (const chapter of [
        'appointments',
        'report-delays',
        'openings',
        'volume',
        'durations',
        'occupancy',
        'occupancy-emergency',
        'night',
      ])
        for (const m of ['ct', 'mr']) expect(ids).toContain(`${chapter}-${m}`);
      for (const id of ['panel', 'regions', 'data-quality', 'synthetic-data', 'limits'])
        expect(ids).toContain(id);
      for (const s of doc.sections) {
        expect(s.title.trim(), s.id).not.toBe('');
        expect(s.html.trim(), s.id).not.toBe('');
      }
      // Every message got its parameters: no "{name}" left in the text.
      expect(withoutSvg(bodyOf(doc))).not.toMatch(/\{[a-zA-Z0-9_]+[},]/);
      expect(`${doc.title} ${doc.subtitle}`).not.toMatch(/[{}]/);
    },
  );

  it("draws the report's figures 1–18 and the others, each once", () => {
    const html = bodyOf(docOf('fr'));
    const figures = [
      'appointment',
      'cases-outpatient',
      'cases-inpatient',
      'report-delay',
      'openings',
      'volume',
      'durations',
      'bubble-programmed',
      'bubble-emergency',
      'shares',
      'night',
      'on-call',
    ];
    for (const f of figures)
      for (const m of ['ct', 'mr']) {
        const id = `fig-${f}-${m}`;
        expect(html.split(`<figure class="chart" id="${id}">`).length - 1, id).toBe(1);
      }
    expect((html.match(/<figure /g) ?? []).length).toBe(figures.length * 2);
    for (let ref = 1; ref <= 18; ref++) expect(html).toContain(`(figure ${ref} du rapport 2010)`);
  });

  it('writes French numbers and words in French, English ones in English', () => {
    const fr = withoutSvg(bodyOf(docOf('fr')));
    const en = withoutSvg(bodyOf(docOf('en')));
    expect(fr).toContain('Scanner');
    expect(fr).toContain('60,6\u202f%');
    expect(fr).toContain('Délais de rendez-vous');
    expect(en).toContain('MRI');
    expect(en).toContain('60.6%');
    expect(en).toContain('Appointment delays');
    expect(en).not.toContain('Délais de rendez-vous');
    expect(docOf('fr').title).toBe('Synthèse nationale');
    expect(docOf('en').title).toBe('National synthesis');
    expect(docOf('fr').subtitle).toContain('301 établissements');
  });

  const published = REFERENCE_2010.flatMap((figure) =>
    MODALITIES.flatMap((modality) =>
      (['p20', 'p50', 'p80'] as const).map((mark, i) => ({
        key: figure.key,
        modality,
        mark,
        value: figure.published[modality][i] as number,
      })),
    ),
  );

  it.each(published)(
    'prints $key $modality $mark within 10 % of the published $value',
    ({ key, modality, mark, value }) => {
      const rows = tables
        .get('fr')!
        .filter((t) => t.modality === modality)
        .flatMap((t) => t.rows.filter((r) => r.key === key));
      expect(rows.length, `${key} ${modality} is in a table`).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.published?.[mark]).toBe(value);
        const v = row.value?.[mark] ?? null;
        expect(v, `${key} ${modality} ${mark}`).not.toBeNull();
        if (value === 0) expect(v).toBe(0);
        else
          expect(
            Math.abs((v as number) - value) / value,
            `${key} ${modality} ${mark}: ${v} vs ${value}`,
          ).toBeLessThanOrEqual(0.1);
      }
    },
  );

  it('prints the medians 2010 gave alone (with emergency sessions) within 10 %', () => {
    const facts = {
      programmedPlusEmergencyOpening: REFERENCE_2010_FACTS.programmedPlusEmergencyOpeningMedian,
      occupancyProgrammedPlusEmergency: REFERENCE_2010_FACTS.occupancyProgrammedPlusEmergencyMedian,
    };
    for (const [key, medians] of Object.entries(facts))
      for (const m of MODALITIES) {
        const row = tables
          .get('fr')!
          .find((t) => t.id === `occupancyEmergency-${m.toLowerCase()}`)
          ?.rows.find((r) => r.key === key);
        expect(row?.published).toEqual({ p20: null, p50: medians[m], p80: null });
        const v = row?.value?.p50 ?? NaN;
        expect(Math.abs(v - medians[m]) / medians[m], `${key} ${m}`).toBeLessThanOrEqual(0.1);
      }
  });

  it.each(['fr', 'en'] as const)(
    'prints every published value beside the campaign value and the gap (%s)',
    (lang) => {
      const rows = tableRows(bodyOf(docOf(lang)));
      const printed = new Set(rows.map((r) => JSON.stringify(r)));
      let checked = 0;
      for (const t of tables.get(lang)!) {
        for (const line of percentileCells(t, lang, false)) {
          expect(printed.has(JSON.stringify(line)), `${t.id}: ${line.join(' | ')}`).toBe(true);
          checked++;
        }
        if (!t.rows.some((r) => r.published)) continue;
        // Side by side: value, 2010, gap, in that order, on the line of each mark.
        const lines = percentileCells(t, lang, false);
        t.rows.forEach((row, i) => {
          (['p20', 'p50', 'p80'] as const).forEach((mark, j) => {
            const line = lines[i * 3 + j]!;
            const pub = row.published?.[mark] ?? null;
            expect(line.length).toBe(5);
            if (pub === null) expect(line[3]).toBe('—');
            else {
              expect(line[3]).not.toBe('—');
              expect(line[4]).toBe(formatGap(relativeGap(row.value?.[mark] ?? null, pub), lang));
            }
          });
        });
      }
      expect(checked).toBeGreaterThan(100);
    },
  );

  it('counts the whole panel by legal status beside the 2010 panel', () => {
    const rows = tableRows(bodyOf(docOf('fr')));
    const total = rows.find((r) => r[0] === 'Total' && r.length === 6);
    expect(total).toEqual([
      'Total',
      '301',
      '326',
      '191',
      formatInteger(index.summary.exams, 'fr'),
      '301',
    ]);
    expect(rows).toContainEqual([
      'CH',
      '117',
      expect.any(String),
      expect.any(String),
      expect.any(String),
      '117',
    ]);
  });
});

describe('a region synthesis', () => {
  const REGION = 'Bretagne';

  it("counts only the region's machines, with the national values beside", () => {
    const doc = synthesisDocument(index, { region: REGION }, 'fr');
    expect(doc.kind).toBe('region');
    expect(doc.title).toBe(`Synthèse régionale — ${REGION}`);
    const mine = index.machines.filter((m) => m.region === REGION);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(index.machines.length);
    const regional = synthesisTables(index, { region: REGION }, 'fr');
    const national = tables.get('fr')!;
    for (const m of MODALITIES) {
      const ofModality = mine.filter((x) => x.modality === m);
      const openings = regional.find((t) => t.id === `openings-${m.toLowerCase()}`)!;
      expect(openings.rows[0]!.value!.n).toBe(ofModality.length);
      expect(openings.rows[0]!.national).toEqual(
        index.data.results.benchmark[m]!.programmedOpening,
      );
      const occupancy = regional.find((t) => t.id === `occupancy-${m.toLowerCase()}`)!;
      expect(occupancy.rows.find((r) => r.key === 'occupancyProgrammed')!.value!.n).toBe(
        ofModality.filter((x) => x.occupancyIncluded).length,
      );
      // Exam-level distributions pool the region's exams only.
      const durations = regional.find((t) => t.id === `durations-${m.toLowerCase()}`)!;
      CATEGORIES.forEach((c, i) => {
        const n = ofModality.reduce((s, x) => s + (x.durationMinutes[c]?.n ?? 0), 0);
        expect(durations.rows[i]!.value?.n ?? 0, `${m} ${c}`).toBe(n);
      });
      // The national column is the national table's value.
      const nationalRow = national.find((t) => t.id === `durations-${m.toLowerCase()}`)!.rows[0]!;
      expect(durations.rows[0]!.national).toEqual(nationalRow.value);
      // The survey takes the region's establishments' answers only.
      const finess = new Set(
        index.data.establishments.filter((e) => e.region === REGION).map((e) => e.finess),
      );
      const answers = index.data.survey.filter(
        (a) => a.modality === m && a.patient === 'outpatient' && finess.has(a.finess),
      ).length;
      expect(
        regional.find((t) => t.id === `appointment-${m.toLowerCase()}`)!.rows[0]!.value?.n ?? 0,
      ).toBe(answers);
    }
    const rows = tableRows(bodyOf(doc));
    const ct = mine.filter((x) => x.modality === 'CT').length;
    const mr = mine.filter((x) => x.modality === 'MR').length;
    expect(rows.filter((r) => r[0] === 'Total').map((r) => [r[2], r[3]])).toContainEqual([
      String(ct),
      String(mr),
    ]);
    expect(doc.sections.map((s) => s.id)).toContain('departments');
    expect(doc.sections.map((s) => s.id)).not.toContain('regions');
    // Percentile tables with 2010 values carry a national column: 6 cells.
    const occupancyLine = percentileCells(
      regional.find((t) => t.id === 'occupancy-ct')!,
      'fr',
      true,
    )[0]!;
    expect(occupancyLine).toHaveLength(6);
    expect(rows.map((r) => JSON.stringify(r))).toContain(JSON.stringify(occupancyLine));
  });

  it('refuses a region the campaign does not have', () => {
    expect(() => synthesisDocument(index, { region: 'Atlantide' }, 'fr')).toThrow(
      UnknownRegionError,
    );
  });
});

describe('names from a kit', () => {
  it('are escaped everywhere in the document', () => {
    const evil = '<script>alert("x")</script> & "Co" \'s';
    const region = 'R&D <b>Sud</b>';
    const kit = buildKit(
      [
        {
          id: 'CT1',
          sessions: [['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED']],
          exams: [{ in: '2010-03-01T08:10', out: '2010-03-01T08:30', report: '2010-03-01T10:00' }],
        },
        {
          id: 'MR1',
          modality: 'MR',
          finess: '590000002',
          exams: [{ in: '2010-03-02T09:00', out: '2010-03-02T09:30' }],
        },
      ],
      { id: 'test-escaping', name: `Campagne ${evil}` },
    );
    kit.establishments = kit.establishments.map((e) => ({
      ...e,
      name: evil,
      region,
      department: `<i>59</i>`,
    }));
    kit.equipment = kit.equipment.map((e) => ({ ...e, label: `<img src=x onerror=alert(1)>` }));
    const small = indexOf(kit);
    for (const doc of [
      synthesisDocument(small, {}, 'fr'),
      synthesisDocument(small, { region }, 'en'),
    ]) {
      const page = renderReportHtml(doc);
      for (const raw of ['<script>', '<b>Sud', '<img', '<i>59'])
        expect(page, raw).not.toContain(raw);
      // The excluded MR machine (no programmed session) names its establishment and label.
      expect(page).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &#39;s',
      );
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(page).toContain('R&amp;D &lt;b&gt;Sud&lt;/b&gt;');
      // Not synthetic: no synthetic-data note.
      expect(doc.sections.map((s) => s.id)).not.toContain('synthetic-data');
    }
  });
});

describe('the synthesis messages', () => {
  it('give the same keys and parameters in French and English', () => {
    const { fr, en } = SYNTHESIS_MESSAGES;
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(fr[key]));
    }
  });

  it('write gaps as signed percentages', () => {
    expect(formatGap(relativeGap(0.59, 0.606), 'fr')).toBe('\u22122,6\u202f%');
    expect(formatGap(relativeGap(49.5, 47), 'en')).toBe('+5.3%');
    expect(formatGap(relativeGap(0, 0), 'en')).toBe('0%');
    expect(relativeGap(1, 0)).toBeNull();
    expect(formatGap(null, 'fr')).toBe('—');
  });
});

// Kept apart from the national fixtures: a modality the scope lacks leaves a note, not a crash.
describe('a scope without a modality', () => {
  it('writes its chapters without the missing modality', () => {
    const kit = buildKit([
      {
        id: 'CT1',
        sessions: [['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED']],
        exams: [{ in: '2010-03-01T08:10', out: '2010-03-01T08:30' }],
      },
    ]);
    const doc = synthesisDocument(indexOf(kit), {}, 'en');
    const ids = doc.sections.map((s) => s.id);
    expect(ids).toContain('occupancy-ct');
    expect(ids.some((id) => id.endsWith('-mr'))).toBe(false);
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.id)).toEqual([
      ...SYNTHESIS_CHAPTERS,
    ]);
    expect(bodyOf(doc)).toContain('No answer to the clinical-case survey');
  });
});
