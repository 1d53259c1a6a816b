// Issue 16: the site fiche and the syntheses gain their trends sections when the store holds an
// earlier campaign. Three small generated campaigns a year apart (same panel), the third with one
// machine renamed (its kit's previous_id names the old id), in an in-memory store read back with
// loadStoredSeries. The printed values are checked against each campaign's stored indicators
// (sums of openings, lead hours, a P50 computed here from the machines' values), not against the
// section's own helpers; with one campaign only there is no trends section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { quantiles } from '../../src/core/stats.ts';
import type { TrendSeries } from '../../src/core/trends/index.ts';
import { machineTrend } from '../../src/core/trends/index.ts';
import { generateKit } from '../../src/generate/national-campaign.ts';
import { formatHoursPerWeek, formatInteger, formatNumber } from '../../src/i18n/index.ts';
import { buildReport } from '../../src/reports/build.ts';
import { renderReportHtml } from '../../src/reports/document.ts';
import type { ReportDocument } from '../../src/reports/document-types.ts';
import { CAMPAIGN_TRENDS_CHAPTER } from '../../src/reports/synthesis/index.ts';
import { synthesisTrend } from '../../src/reports/synthesis/sections/trends-campaigns.ts';
import { ficheTrend } from '../../src/reports/site-fiche/trends.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { loadStoredSeries, loadTrendIndex } from '../../src/storage/trend-series.ts';

const SEED = 516;
const STARTS = ['2010-03-01', '2011-03-07', '2012-03-05'] as const;
const plain = (html: string): string =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/\u202f|\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
const sectionHtml = (doc: ReportDocument, id: string): string =>
  plain(doc.sections.find((s) => s.id === id)?.html ?? '');

/** Year `k` (0..2) of the panel; in the third, `renamed` becomes `${renamed}-N` with its previous id. */
function yearKit(k: number, renamed: string | null): Kit {
  const kit = generateKit({ seed: SEED, machines: 20, days: 7, start: STARTS[k] });
  kit.campaign = {
    ...kit.campaign,
    id: `trend-${SEED}-${k + 1}`,
    name: `Campagne ${STARTS[k]?.slice(0, 4)}`,
  };
  if (renamed === null || k < 2) return kit;
  const to = `${renamed}-N`;
  const swap = <T extends { equipmentId: string | null }>(r: T): T =>
    r.equipmentId === renamed ? { ...r, equipmentId: to } : r;
  kit.equipment = kit.equipment.map((e) =>
    e.equipmentId === renamed ? { ...e, equipmentId: to, previousId: renamed } : e,
  );
  kit.sessions = kit.sessions.map(swap);
  kit.exams = kit.exams.map(swap);
  if (kit.slots) kit.slots = kit.slots.map(swap);
  if (kit.register) kit.register = kit.register.map(swap);
  delete kit.costs;
  return kit;
}

let store: Store;
let series: TrendSeries;
let finess: string;
let followed: string;
let renamed: string;

beforeAll(async () => {
  const first = generateKit({ seed: SEED, machines: 20, days: 7, start: STARTS[0] });
  // A site with two machines or more: one followed by id, one renamed in the third campaign.
  const bySite = new Map<string, string[]>();
  for (const e of first.equipment)
    bySite.set(e.finess, [...(bySite.get(e.finess) ?? []), e.equipmentId]);
  const [site, ids] = [...bySite].find(([, list]) => list.length >= 2) as [string, string[]];
  finess = site;
  followed = ids[0] as string;
  renamed = ids[1] as string;
  store = await openStore({ dataDir: 'memory://' });
  for (let k = 0; k < 3; k++) await importKit(store, yearKit(k, renamed));
  series = (await loadStoredSeries(store, `trend-${SEED}-3`)) as TrendSeries;
}, 120_000);

/** Each report built once for the file (a fiche takes seconds on a loaded machine). */
const built = new Map<string, ReportDocument>();
function report(kind: 'site' | 'national' | 'region', lang: 'fr' | 'en'): ReportDocument {
  const key = `${kind}|${lang}`;
  let doc = built.get(key);
  if (!doc) {
    const anchor = series[2]!;
    const request =
      kind === 'site'
        ? { kind, finess }
        : kind === 'region'
          ? { kind, region: anchor.establishmentByFiness.get(finess)!.region }
          : { kind };
    doc = buildReport(anchor, request, lang, { trends: series });
    built.set(key, doc);
  }
  return doc;
}

afterAll(async () => {
  await store?.close();
});

describe('the site fiche’s trends', () => {
  it('has the chapter and a trends sub-section per machine with an earlier campaign', () => {
    expect(series.map((i) => i.ref.id)).toEqual([
      `trend-${SEED}-1`,
      `trend-${SEED}-2`,
      `trend-${SEED}-3`,
    ]);
    const anchor = series[2]!;
    const doc = report('site', 'fr');
    const ids = doc.sections.map((s) => s.id);
    expect(ids).toContain('trends');
    const chapters = ids.filter(
      (id) =>
        /^machine-\d+-[a-z0-9-]+$/.test(id) &&
        !/-(position|durations|delays|night|leads|quality|what-would-change|trends)$/.test(id),
    );
    expect(chapters.length).toBe(anchor.machinesOf(finess).length);
    for (const c of chapters) expect(ids).toContain(`${c}-trends`);
    // The trends chapter comes before the machines' chapters.
    expect(ids.indexOf('trends')).toBeLessThan(ids.indexOf(chapters[0]!));
  });

  it('prints the establishment’s programmed opening each year: the sum of its machines’ stored ones', () => {
    const doc = report('site', 'en');
    const text = sectionHtml(doc, 'trends');
    for (const index of series) {
      const sum = index
        .machinesOf(finess)
        .reduce((s, m) => s + m.openingHoursPerWeek.programmed, 0);
      const exams = index.machinesOf(finess).reduce((s, m) => s + m.exams, 0);
      const year = index.ref.start.slice(0, 4);
      expect(text).toContain(
        `${year} yes raw data ${formatInteger(index.machinesOf(finess).filter((m) => m.modality === 'CT').length, 'en')}`,
      );
      expect(text).toContain(
        `${formatInteger(exams, 'en')} ${formatHoursPerWeek(sum, 'en').replace(/\u202f|\u00a0/g, ' ')}`,
      );
    }
    expect(text).toContain('Campaigns followed: 2010, 2011, 2012');
  });

  it('follows one machine: its lead hours each campaign as stored, with verdicts', () => {
    const doc = report('site', 'en');
    const section = doc.sections.find(
      (s) => s.id.endsWith('-trends') && s.id.includes(followed.toLowerCase()),
    );
    expect(section).toBeDefined();
    const text = plain(section!.html);
    const hours = series.map(
      (index) => index.machineById.get(followed)?.leads.lateStartMinutes?.hoursPerWeek ?? null,
    );
    const trend = machineTrend(series, followed)!;
    const late = trend.leads.filter((l) => l.key === 'lateStartMinutes');
    expect(
      late.map((l) => [l.before?.hoursPerWeek ?? null, l.after?.hoursPerWeek ?? null]),
    ).toEqual([
      [hours[0], hours[1]],
      [hours[1], hours[2]],
    ]);
    const fmt = (v: number | null): string =>
      formatHoursPerWeek(v, 'en').replace(/\u202f|\u00a0/g, ' ');
    for (const l of late) {
      if (l.verdict === 'no-lead') continue;
      const period = `${l.from.endsWith('1') ? '2010' : '2011'} → ${l.to.endsWith('2') ? '2011' : '2012'}`;
      expect(text).toContain(
        `Late start ${period} ${fmt(l.before?.hoursPerWeek ?? null)} ${fmt(l.after?.hoursPerWeek ?? null)}`,
      );
    }
    // Followed by the same id in every campaign; a chart of each key figure and the late start.
    expect(text).toContain(`2010 ${followed} same id`);
    expect(text).toContain(`2012 ${followed} same id`);
    expect((section!.html.match(/<svg/g) ?? []).length).toBe(6);
  });

  it('maps the renamed machine to its previous id, and says so since last year', () => {
    const doc = report('site', 'en');
    const section = doc.sections.find(
      (s) => s.id.endsWith('-trends') && s.id.includes(`${renamed.toLowerCase()}-n`),
    );
    const text = plain(section!.html);
    expect(text).toContain(`2011 ${renamed} linked (previous id)`);
    expect(text).toContain(`2012 ${renamed}-N same id`);
    expect(plain(sectionHtml(doc, 'trends'))).toMatch(
      new RegExp(`${renamed}.{0,40}${renamed}-N|${renamed}-N.{0,60}${renamed}`),
    );
  });

  it('has no trends with one campaign only, or without a series', async () => {
    const alone = (await loadStoredSeries(store, `trend-${SEED}-1`)) as TrendSeries;
    expect(alone).toHaveLength(1);
    const one = buildReport(alone[0]!, { kind: 'site', finess }, 'fr', { trends: alone });
    expect(one.sections.some((s) => s.id === 'trends' || s.id.endsWith('-trends'))).toBe(false);
    expect(ficheTrend(undefined, finess)).toBeNull();
    expect(ficheTrend(series, finess)?.machines.length).toBeGreaterThan(0);
  });
});

describe('the syntheses’ trends', () => {
  it('national: machines per campaign and the CT median of programmed opening, computed here', async () => {
    const doc = report('national', 'en');
    const text = sectionHtml(doc, CAMPAIGN_TRENDS_CHAPTER);
    expect(text).toContain('Since last year (2011 → 2012)');
    for (const index of series) {
      const ct = index.machines.filter((m) => m.modality === 'CT');
      const year = index.ref.start.slice(0, 4);
      expect(text).toContain(`${year} ${formatInteger(ct.length, 'en')} `);
    }
    const ctText = sectionHtml(doc, `${CAMPAIGN_TRENDS_CHAPTER}-ct`);
    const last = (await loadTrendIndex(store, `trend-${SEED}-3`))!;
    const q = quantiles(
      Float64Array.from(
        last.machines
          .filter((m) => m.modality === 'CT')
          .map((m) => m.openingHoursPerWeek.programmed),
      ),
    );
    const f = (v: number | null): string => formatNumber(v, 'en', 1);
    const cells =
      /Programmed opening \(h\/week\) (\S+ \[\S+ – \S+\]) (\S+ \[\S+ – \S+\]) (\S+ \[\S+ – \S+\])/.exec(
        ctText,
      );
    expect(cells?.[3]).toBe(`${f(q.p50)} [${f(q.p20)} – ${f(q.p80)}]`);
    expect(
      doc.sections.find((s) => s.id === `${CAMPAIGN_TRENDS_CHAPTER}-ct`)?.html.match(/<svg/g)
        ?.length,
    ).toBe(6);
  });

  it('regional: the region’s bands beside the nation’s median; none with one campaign', () => {
    const anchor = series[2]!;
    const doc = report('region', 'fr');
    const text = sectionHtml(
      doc,
      `${CAMPAIGN_TRENDS_CHAPTER}-${anchor.machineById.get(followed)!.modality.toLowerCase()}`,
    );
    expect(text).toContain('P50 nat. 2012');
    expect(synthesisTrend([anchor], null)).toBeNull();
    expect(synthesisTrend(null, null)).toBeNull();
    // The whole page renders (the HTML the PDF is printed from).
    expect(renderReportHtml(doc)).toContain(`id="${CAMPAIGN_TRENDS_CHAPTER}"`);
  });
});
