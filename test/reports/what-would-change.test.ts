// The site fiche's "what would change" section: leads turned into scenarios (hand-computed
// demand growth), hand-made SimulationReports read into the page (a significant difference is
// written as one, a non-significant one is not; an unreliable status quo names the failing figure
// and gives no scenario figure; a machine without a simulation says why), the chart's option,
// and one end-to-end fiche printed from a store with the real simulation (looked at as PNG).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whatWouldChangeOption } from '../../src/charts/what-would-change.ts';
import type { RankedLead } from '../../src/core/views/index.ts';
import { establishmentView, rankLeads } from '../../src/core/views/index.ts';
import type {
  Delta,
  Estimate,
  FigureKey,
  Figures,
  ScenarioResult,
  SimulationReport,
} from '../../src/plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../src/plan/simulation/types.ts';
import { renderReportHtml } from '../../src/reports/document.ts';
import { whatWouldChangeEn } from '../../src/reports/messages/what-would-change-en.ts';
import { whatWouldChangeFr } from '../../src/reports/messages/what-would-change-fr.ts';
import { closePdfBrowser, printReport } from '../../src/reports/pdf.ts';
import { siteFiche } from '../../src/reports/site-fiche/index.ts';
import type { LeadPlan, MachineWhatIf } from '../../src/reports/site-fiche/what-would-change.ts';
import { demandGrowthPercent, planWhatIf } from '../../src/reports/site-fiche/what-would-change.ts';
import { whatWouldChangeOfSite } from '../../src/reports/site-fiche/what-would-change-run.ts';
import { importKit, openStore } from '../../src/storage/index.ts';
import { indexOfKit, LATE_SITE, lateStartKit } from './late-start-kit.ts';
import { pdfText, pdfToolsAvailable, plainSpaces } from './pdf-tools.ts';

const kit = lateStartKit();
const index = indexOfKit(kit);
const ct = establishmentView(index, LATE_SITE, 'modality')!.machines.find(
  (m) => m.point.equipmentId === 'CT-LATE',
)!;
const ctPlans = planWhatIf(
  ct.indicators,
  rankLeads(ct.indicators, index.data.samples.get('CT-LATE')),
);

/** Text with no-break spaces made plain and tags removed, one space between words. */
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

/** The cells (tags kept) of each body row of every table whose class list has `className`. */
function tables(page: string, className: string): string[][][] {
  const out: string[][][] = [];
  let from = 0;
  for (;;) {
    const start = page.indexOf(`<table class="data ${className}">`, from);
    if (start < 0) return out;
    const body = page.slice(page.indexOf('<tbody>', start), page.indexOf('</tbody>', start));
    out.push(
      [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
        [...(row[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1] ?? ''),
      ),
    );
    from = start + 1;
  }
}

const est = (mean: number | null, low?: number, high?: number): Estimate => ({
  mean,
  ci95: low === undefined || high === undefined ? null : [low, high],
});
const delta = (mean: number, low: number, high: number, significant: boolean): Delta => ({
  mean,
  ci95: [low, high],
  significant,
});
const nullFigures = (): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Figures;
const estimates = (given: Partial<Record<FigureKey, Estimate>>): Record<FigureKey, Estimate> =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, given[k] ?? est(null)])) as Record<
    FigureKey,
    Estimate
  >;
const deltas = (given: Partial<Record<FigureKey, Delta>>): Record<FigureKey, Delta> =>
  Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, given[k] ?? { mean: null, ci95: null, significant: false }]),
  ) as Record<FigureKey, Delta>;

/**
 * A hand-made report of CT-LATE: the status quo, then "sessions on time" (occupancy +2.4 points
 * and outpatient delay −0.5 day significant; passages exactly equal; overtime −0.7 min not
 * significant) and "predicted durations" (overtime −7.9 min significant).
 */
function handReport(reproduces: boolean, outpatientObserved: number | null = 3): SimulationReport {
  const observed: Figures = {
    ...nullFigures(),
    'occupancy.programmed': 0.863,
    passagesPerWeek: 185,
    'appointmentDelayDays.outpatient.p50': outpatientObserved,
    overtimeMinutesPerWeek: 0,
  };
  const simulated = estimates({
    'occupancy.programmed': est(
      reproduces ? 0.85 : 0.72,
      reproduces ? 0.84 : 0.7,
      reproduces ? 0.86 : 0.74,
    ),
    passagesPerWeek: est(184.3, 181.2, 187.5),
    'appointmentDelayDays.outpatient.p50': est(3.2, 2.9, 3.5),
    overtimeMinutesPerWeek: est(18.2, 15.9, 20.5),
  });
  const lateStart: ScenarioResult = {
    name: 'lateStartMinutes',
    changes: [{ type: 'fix-late-start' }],
    figures: estimates({
      'occupancy.programmed': est(0.874, 0.862, 0.886),
      passagesPerWeek: est(184.3, 181.2, 187.5),
      'appointmentDelayDays.outpatient.p50': est(2.7, 2.4, 3),
      overtimeMinutesPerWeek: est(17.5, 15.3, 19.7),
    }),
    delta: deltas({
      'occupancy.programmed': delta(0.024, 0.02, 0.028, true),
      passagesPerWeek: delta(0, 0, 0, false),
      'appointmentDelayDays.outpatient.p50': delta(-0.5, -0.8, -0.2, true),
      overtimeMinutesPerWeek: delta(-0.7, -1.5, 0.1, false),
    }),
    reliable: reproduces,
  };
  const predicted: ScenarioResult = {
    name: 'overrunMinutes',
    changes: [{ type: 'predicted-durations' }],
    figures: estimates({
      'occupancy.programmed': est(0.856, 0.843, 0.869),
      passagesPerWeek: est(184.2, 181.2, 187.1),
      'appointmentDelayDays.outpatient.p50': est(3.1, 2.8, 3.4),
      overtimeMinutesPerWeek: est(10.3, 8.3, 12.3),
    }),
    delta: deltas({
      'occupancy.programmed': delta(0.006, -0.001, 0.013, false),
      passagesPerWeek: delta(-0.1, -0.7, 0.4, false),
      'appointmentDelayDays.outpatient.p50': delta(-0.1, -0.3, 0.1, false),
      overtimeMinutesPerWeek: delta(-7.9, -10, -5.7, true),
    }),
    reliable: reproduces,
  };
  return {
    campaign: { id: 'late', name: 'Campagne d’essai' },
    equipmentIds: ['CT-LATE'],
    weeks: 4,
    warmupWeeks: 4,
    replications: 20,
    seed: 13,
    statusQuo: {
      observed,
      simulated,
      reproduces,
      failing: reproduces
        ? []
        : [
            {
              figure: 'occupancy.programmed',
              observed: 0.863,
              simulated: 0.72,
              tolerance: 0.04315,
            },
          ],
    },
    scenarios: [lateStart, predicted],
    engine: { events: 1, seconds: 1, eventsPerSecond: 1 },
    notes: [],
  };
}

/** The fiche's "what would change" section of CT-LATE, with `whatIf` for it (MR-LATE-SITE: none). */
function section(whatIf: MachineWhatIf, lang: 'fr' | 'en' = 'fr'): string {
  const doc = siteFiche(index, LATE_SITE, lang, 'modality', new Map([['CT-LATE', whatIf]]));
  return doc.sections.find((s) => s.id === 'machine-1-ct-late-what-would-change')!.html;
}

describe('leads turned into scenarios', () => {
  it('maps CT-LATE’s three top leads: late start, overrun, turnover (not simulated)', () => {
    expect(ctPlans.map((p) => [p.rank, p.lead.key, p.scenario?.changes ?? null, p.skip])).toEqual([
      [1, 'lateStartMinutes', [{ type: 'fix-late-start' }], null],
      [2, 'overrunMinutes', [{ type: 'predicted-durations' }], null],
      [3, 'turnoverGapMinutes', null, 'turnover'],
    ]);
    expect(ctPlans.map((p) => p.scenario?.name ?? null)).toEqual([
      'lateStartMinutes',
      'overrunMinutes',
      null,
    ]);
    const noPrediction = planWhatIf(
      ct.indicators,
      rankLeads(ct.indicators, index.data.samples.get('CT-LATE')),
      { predictedDurations: false },
    );
    expect(noPrediction[1]).toMatchObject({ scenario: null, skip: 'no-prediction' });
  });

  it('fills the early ends’ freed hours with a demand growth, hand-computed', () => {
    const machine = {
      occupancy: { programmed: 0.8, programmedPlusEmergency: null },
      openingHoursPerWeek: { programmed: 50, extended: 50, total: 50, programmedPlusEmergency: 50 },
    };
    // 2 h/week freed / (0.8 × 50 h used) = 5 %
    expect(demandGrowthPercent(2, machine)).toBe(5);
    // CT-LATE: 20 sessions × 1 min / 4 weeks = 1/12 h; / (0.86333 × 50 h) = 0.193 % → 0.2
    expect(
      demandGrowthPercent(1 / 12, {
        ...machine,
        occupancy: { programmed: 0.86333, programmedPlusEmergency: null },
      }),
    ).toBe(0.2);
    expect(
      demandGrowthPercent(2, {
        ...machine,
        occupancy: { programmed: null, programmedPlusEmergency: null },
      }),
    ).toBeNull();
    const lead = (key: RankedLead['key'], hoursPerWeek: number | null): RankedLead => ({
      key,
      n: 20,
      median: 10,
      p80: 12,
      hoursPerWeek,
      examsPerWeek: null,
    });
    const plans = planWhatIf(machine, {
      leads: [
        lead('earlyEndMinutes', 2),
        lead('lateStartMinutes', 1),
        lead('overrunMinutes', 0.5),
        lead('turnoverGapMinutes', 0.25),
      ],
      medianExamMinutes: 15,
      durationBasis: 'pooled-exams',
    });
    // At most three leads, best first.
    expect(plans.map((p) => p.lead.key)).toEqual([
      'earlyEndMinutes',
      'lateStartMinutes',
      'overrunMinutes',
    ]);
    expect(plans[0]).toMatchObject({
      percent: 5,
      scenario: { name: 'earlyEndMinutes', changes: [{ type: 'demand-growth', percent: 5 }] },
    });
    // A lead that frees no time is not a scenario.
    const none = planWhatIf(machine, {
      leads: [lead('lateStartMinutes', 0), lead('earlyEndMinutes', null)],
      medianExamMinutes: 15,
      durationBasis: 'pooled-exams',
    });
    expect(none).toEqual([]);
  });
});

describe('the what-would-change page', () => {
  it('is in the fiche only when simulations are given, right after the leads', () => {
    expect(
      siteFiche(index, LATE_SITE, 'fr').sections.some((s) => s.id.endsWith('what-would-change')),
    ).toBe(false);
    const ids = siteFiche(index, LATE_SITE, 'fr', 'modality', new Map()).sections.map((s) => s.id);
    expect(
      ids.slice(
        ids.indexOf('machine-1-ct-late-leads'),
        ids.indexOf('machine-1-ct-late-quality') + 1,
      ),
    ).toEqual([
      'machine-1-ct-late-leads',
      'machine-1-ct-late-what-would-change',
      'machine-1-ct-late-quality',
    ]);
    expect(ids).toContain('machine-2-mr-late-site-what-would-change');
  });

  it('writes a significant difference as one, and a non-significant one as none', () => {
    const page = section({ state: 'computed', plans: ctPlans, report: handReport(true) });
    const [sq, late, predicted] = [
      tables(page, 'what-if-status-quo'),
      ...[tables(page, 'what-if-scenario')],
    ].flat();
    expect(sq!.map((r) => r.map((c) => text(c).trim()))).toEqual([
      ['Passages par semaine', '185', '184,3 (181,2 – 187,5)', 'reproduit'],
      ['Taux d’occupation (programmé)', '86,3 %', '85 % (84 % – 86 %)', 'reproduit'],
      ['Délai de rendez-vous médian, externes', '3 j', '3,2 j (2,9 j – 3,5 j)', 'reproduit'],
      [
        'Dépassements horaires par semaine',
        '0 min',
        '18,2 min (15,9 min – 20,5 min)',
        'non contrôlé',
      ],
    ]);
    expect(late!.map((r) => r.map((c) => text(c).trim()))).toEqual([
      [
        'Passages par semaine',
        '184,3 (181,2 – 187,5)',
        '184,3 (181,2 – 187,5)',
        'pas de différence significative',
      ],
      [
        'Taux d’occupation (programmé)',
        '85 % (84 % – 86 %)',
        '87,4 % (86,2 % – 88,6 %)',
        '+2,4 pt (+2 pt à +2,8 pt)',
      ],
      [
        'Délai de rendez-vous médian, externes',
        '3,2 j (2,9 j – 3,5 j)',
        '2,7 j (2,4 j – 3 j)',
        '−0,5 j (−0,8 j à −0,2 j)',
      ],
      [
        'Dépassements horaires par semaine',
        '18,2 min (15,9 min – 20,5 min)',
        '17,5 min (15,3 min – 19,7 min)',
        'pas de différence significative',
      ],
    ]);
    // A difference is bold; "no significant difference" is muted, never a number.
    expect(late![1]![3]).toMatch(/^<strong>/);
    expect(late![0]![3]).toBe('<span class="muted">pas de différence significative</span>');
    expect(predicted!.map((r) => text(r[3]!).trim())).toEqual([
      'pas de différence significative',
      'pas de différence significative',
      'pas de différence significative',
      '−7,9 min (−10 min à −5,7 min)',
    ]);
    const words = text(page);
    expect(words).toContain('Le statu quo reproduit la campagne');
    expect(words).toContain(
      '1. Démarrage tardif (3,75 h/sem) Changement simulé : les vacations démarrent à l’heure ; les retards au démarrage de la campagne (médiane 45 min) sont retirés.',
    );
    expect(words).toContain(
      '2. Dépassement de la durée programmée (3,08 h/sem) Changement simulé : chaque examen est programmé à la durée prédite',
    );
    expect(words).toContain(
      '3. Temps inter-examens (3 h/sem) Non simulé : la simulation réserve à chaque examen sa durée programmée',
    );
    expect(words).toContain('20 réplications, graine 13');
    expect(page).toContain(
      '<figure class="chart" id="machine-1-ct-late-fig-what-would-change"><svg',
    );
  });

  it('gives no scenario figure when the status quo does not reproduce the campaign, and names the failing figure', () => {
    for (const lang of ['fr', 'en'] as const) {
      const page = section({ state: 'computed', plans: ctPlans, report: handReport(false) }, lang);
      const words = text(page);
      expect(words).toContain(
        lang === 'fr'
          ? 'Non fiable : Taux d’occupation (programmé) hors tolérance (simulé 72 %, mesuré 86,3 %, tolérance ± 4,3 pt).'
          : 'Not reliable: Occupancy (programmed) fails (simulated 72%, measured 86.3%, tolerance ± 4.3 pt).',
      );
      expect(page).toContain('note-warning');
      expect(tables(page, 'what-if-scenario')).toEqual([]);
      expect(page).not.toContain('fig-what-would-change');
      // None of the scenarios' figures is claimed.
      for (const v of lang === 'fr'
        ? ['87,4', '2,7 j', '+2,4', '−7,9']
        : ['87.4', '2.7 d', '+2.4', '−7.9'])
        expect(words).not.toContain(v);
      expect(tables(page, 'what-if-status-quo')[0]![1]!.map((c) => text(c).trim())[3]).toBe(
        lang === 'fr' ? 'hors tolérance (± 4,3 pt)' : 'outside tolerance (± 4.3 pt)',
      );
      // The changes are still said in words.
      expect(words).toContain(
        lang === 'fr' ? 'les vacations démarrent à l’heure' : 'sessions start on time',
      );
    }
  });

  it('leaves appointment delays out when the campaign did not measure them', () => {
    const page = section({ state: 'computed', plans: ctPlans, report: handReport(true, null) });
    expect(page).not.toContain('Délai de rendez-vous médian');
    expect(text(page)).toContain(
      'Délais de rendez-vous non donnés : les examens de la campagne ne portent pas de date de demande',
    );
    expect(tables(page, 'what-if-scenario')[0]!.map((r) => text(r[0]!).trim())).toEqual([
      'Passages par semaine',
      'Taux d’occupation (programmé)',
      'Dépassements horaires par semaine',
    ]);
  });

  it('says why a machine has no simulation', () => {
    expect(
      text(section({ state: 'too-little-data', scheduledExams: 12, programmedSessions: 3 })),
    ).toContain(
      'Non calculé : trop peu de données pour calibrer la simulation (12 examens programmés et 3 vacations programmées ; il en faut au moins 30 et 4).',
    );
    expect(text(section({ state: 'time-budget', seconds: 30 }, 'en'))).toContain(
      'Not computed: the time given to the fiche’s simulations (30 s) had run out. The command plateau simulate --machine CT-LATE computes it.',
    );
    expect(text(section({ state: 'no-lead' }, 'en'))).toContain('No measurable lead to simulate');
    // A machine the map does not hold is said not to be in the store.
    const doc = siteFiche(index, LATE_SITE, 'en', 'modality', new Map());
    expect(
      text(doc.sections.find((s) => s.id === 'machine-2-mr-late-site-what-would-change')!.html),
    ).toContain('Not computed: the machine’s records are not in the store.');
  });

  it('has the same parameters in French and English', () => {
    const params = (s: string): string[] => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]!).sort();
    for (const [key, fr] of Object.entries(whatWouldChangeFr)) {
      expect(params(whatWouldChangeEn[key as keyof typeof whatWouldChangeFr]), key).toEqual(
        params(fr),
      );
    }
  });
});

describe('the what-would-change chart', () => {
  it('draws one panel per figure and one dot on its interval per series', () => {
    const option = whatWouldChangeOption({
      description: 'aria',
      series: [
        { name: 'Statu quo', short: 'SQ' },
        { name: '1. Démarrage à l’heure', short: '1' },
      ],
      panels: [
        {
          title: 'Passages',
          values: [
            { mean: 184, low: 181, high: 187 },
            { mean: 190, low: 188, high: 192 },
          ],
          format: String,
        },
        { title: 'Dépassements', values: [{ mean: 18, low: 16, high: 20 }, null], format: String },
      ],
    }) as unknown as {
      grid: unknown[];
      title: { text: string }[];
      legend: { data: string[] };
      yAxis: { min: number; max: number }[];
      series: { name: string; xAxisIndex: number; data: number[][] }[];
    };
    expect(option.grid).toHaveLength(2);
    expect(option.title.map((t) => t.text)).toEqual(['Passages', 'Dépassements']);
    expect(option.legend.data).toEqual(['Statu quo', '1. Démarrage à l’heure']);
    expect(option.series.map((s) => [s.name, s.xAxisIndex, s.data])).toEqual([
      ['Statu quo', 0, [[0, 184, 181, 187]]],
      ['1. Démarrage à l’heure', 0, [[1, 190, 188, 192]]],
      ['Statu quo', 1, [[0, 18, 16, 20]]],
      ['1. Démarrage à l’heure', 1, []],
    ]);
    // Each value axis holds its intervals: 181..192 and 16..20.
    expect(option.yAxis[0]!.min).toBeLessThanOrEqual(181);
    expect(option.yAxis[0]!.max).toBeGreaterThanOrEqual(192);
    expect(option.yAxis[1]!.min).toBeLessThanOrEqual(16);
    expect(option.yAxis[1]!.max).toBeGreaterThanOrEqual(20);
  });
});

describe.runIf(pdfToolsAvailable())('a fiche printed with its simulations', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'plateau-what-if-'));
  afterAll(async () => {
    await closePdfBrowser();
    rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'simulates CT-LATE’s leads from the store, reproducibly, and prints the page',
    { timeout: 180_000 },
    async () => {
      const store = await openStore({ dataDir: join(tmp, 'data') });
      let whatIf: Map<string, MachineWhatIf>;
      let again: Map<string, MachineWhatIf>;
      try {
        await importKit(store, kit, { source: 'test' });
        const started = performance.now();
        whatIf = await whatWouldChangeOfSite(store, index, LATE_SITE);
        console.info(
          `what would change, 2 machines × 20 replications: ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        again = await whatWouldChangeOfSite(store, index, LATE_SITE);
      } finally {
        await store.close();
      }
      const ctWhatIf = whatIf.get('CT-LATE')!;
      expect(ctWhatIf.state).toBe('computed');
      const { report, plans } = ctWhatIf as Extract<MachineWhatIf, { state: 'computed' }>;
      expect(plans.map((p: LeadPlan) => p.scenario?.changes[0]?.type ?? p.skip)).toEqual([
        'fix-late-start',
        'predicted-durations',
        'turnover',
      ]);
      expect(report.replications).toBe(20);
      expect(report.statusQuo.reproduces).toBe(true);
      // Sessions that start 45 minutes late every morning: started on time, their work moves
      // inside the programmed hours, so programmed occupancy rises (demand is unchanged).
      const late = report.scenarios.find((s) => s.name === 'lateStartMinutes')!;
      expect(late.delta['occupancy.programmed'].significant).toBe(true);
      expect(late.delta['occupancy.programmed'].mean).toBeGreaterThan(0);
      // The same campaign prints the same page: fixed seed (the engine's timing aside, and the
      // SVG's element ids, which ECharts numbers across the charts a process draws).
      const timeless = (m: Map<string, MachineWhatIf>): unknown =>
        [...m].map(([id, w]) => [
          id,
          w.state === 'computed' ? { ...w, report: { ...w.report, engine: null } } : w,
        ]);
      expect(timeless(again)).toEqual(timeless(whatIf));
      const doc = siteFiche(index, LATE_SITE, 'fr', 'modality', whatIf);
      const noSvg = (page: string): string => page.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>');
      expect(noSvg(renderReportHtml(siteFiche(index, LATE_SITE, 'fr', 'modality', again)))).toBe(
        noSvg(renderReportHtml(doc)),
      );

      const file = join(tmp, 'fiche.pdf');
      writeFileSync(file, await printReport(doc));
      const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(
        /^Pages:\s+(\d+)/m,
      )![1]!;
      let page = -1;
      for (let p = 1; p <= Number(pages); p++) {
        if (
          plainSpaces(pdfText(file, p)).includes(
            'Statu quo et scénarios de Scanner Écho 1 (CT-LATE)',
          )
        )
          page = p;
      }
      expect(page).toBeGreaterThan(0);
      const words = plainSpaces(pdfText(file)).replace(/\s+/g, ' ');
      expect(words).toContain('Ce qui changerait');
      expect(words).toContain('Le statu quo reproduit la campagne');
      expect(words).toContain(
        'Statu quo de Scanner Écho 1 (CT-LATE) : la campagne mesurée et sa simulation',
      );
      const pagesDir = join(import.meta.dirname, '../../.tmp/what-would-change');
      mkdirSync(pagesDir, { recursive: true });
      execFileSync('pdftoppm', [
        '-r',
        '70',
        '-png',
        '-f',
        String(page - 1),
        '-l',
        String(page + 1),
        file,
        join(pagesDir, 'fiche-fr'),
      ]);
    },
  );
});
