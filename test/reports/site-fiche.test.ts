import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/reports/document.ts';
import { leadLabel, t } from '../../src/i18n/index.ts';
import { ReportError } from '../../src/reports/errors.ts';
import { esc } from '../../src/reports/html.ts';
import { siteFiche } from '../../src/reports/site-fiche/index.ts';
import { indexOfKit, LATE_SITE, lateStartKit, PEER_SITE } from './late-start-kit.ts';

const index = indexOfKit(lateStartKit());

/** The cells of each body row of the first table whose class list has `className`. */
function tableRows(page: string, className: string): string[][] {
  const start = page.indexOf(`<table class="data ${className}">`);
  if (start < 0) throw new Error(`no table .${className}`);
  const body = page.slice(page.indexOf('<tbody>', start), page.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1] ?? ''),
  );
}

const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the site fiche', () => {
  it('has every part, for each machine, in French', () => {
    const doc = siteFiche(index, LATE_SITE, 'fr');
    expect(doc.kind).toBe('site');
    expect(doc.toc).toBe(false);
    expect(doc.title).toBe('Fiche établissement — Hôpital Saint-Éloi & Cie <test>');
    expect(plain(doc.subtitle)).toBe('FINESS 590000001 · Hauts-de-France · 1 scanner, 1 IRM');
    const ids = doc.sections.map((s) => s.id);
    const machine = (n: number, id: string): string[] =>
      ['', '-position', '-durations', '-delays', '-night', '-leads', '-quality'].map(
        (suffix) => `machine-${n}-${id}${suffix}`,
      );
    expect(ids).toEqual([
      'identity',
      'openings',
      'survey',
      ...machine(1, 'ct-late'),
      ...machine(2, 'mr-late-site'),
      'method',
    ]);
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(
      [
        'L’établissement et ses équipements',
        'Ouverture sur les 168 heures de la semaine',
        'Délais de rendez-vous : enquête par cas cliniques',
        'Scanner Écho 1 (CT-LATE) — Scanner',
        'MR-LATE-SITE — IRM',
        'Méthode',
      ].map((t) => t.replace(' :', '\u202f:')),
    );
    const page = renderReportHtml(doc);
    for (const figure of [
      'fig-openings',
      'fig-survey-ct',
      'fig-survey-mr',
      'machine-1-ct-late-fig-position',
      'machine-1-ct-late-fig-durations',
      'machine-1-ct-late-fig-leads',
    ]) {
      expect(page).toContain(`<figure class="chart" id="${figure}"><svg`);
    }
    expect(page).toContain('Règle des 95 % / 15 %'.replace(/ %/g, '\u202f%'));
    expect(page).toContain('type 7 de Hyndman et Fan');
  });

  it('escapes the names it is given', () => {
    const page = renderReportHtml(siteFiche(index, LATE_SITE, 'fr'));
    expect(page).toContain('Hôpital Saint-Éloi &amp; Cie &lt;test&gt;');
    expect(page).not.toContain('<test>');
  });

  it('ranks late start first for the machine that starts 45 minutes late every morning', () => {
    for (const lang of ['fr', 'en'] as const) {
      const page = plain(renderReportHtml(siteFiche(index, LATE_SITE, lang)));
      const rows = tableRows(page, 'leads');
      // CT-LATE's table comes first: 20 × 45 min / 4 weeks = 3.75 h/week = 3.75 × 60 / 14 min exams
      const label = (key: Parameters<typeof leadLabel>[0]): string =>
        plain(String(esc(leadLabel(key, lang))));
      expect(rows.map((r) => r[1])).toEqual(
        (
          ['lateStartMinutes', 'overrunMinutes', 'turnoverGapMinutes', 'earlyEndMinutes'] as const
        ).map(label),
      );
      const late = rows[0]!;
      expect(late).toEqual(
        lang === 'fr'
          ? ['1', label('lateStartMinutes'), '20', '45 min', '45 min', '3,75 h/sem', '16,1']
          : ['1', label('lateStartMinutes'), '20', '45 min', '45 min', '3.75 h/week', '16.1'],
      );
      expect(rows[1]![5]).toBe(lang === 'fr' ? '3,08 h/sem' : '3.08 h/week'); // 20 × 37 min / 4
      expect(rows[2]![5]).toBe(lang === 'fr' ? '3 h/sem' : '3 h/week'); // 20 × 36 min / 4
      expect(rows[3]![5]).toBe(lang === 'fr' ? '0,08 h/sem' : '0.08 h/week'); // 20 min / 4
      expect(page).toContain(
        lang === 'fr'
          ? 'la durée médiane des examens de 3 minutes ou plus'
          : 'the median duration of the machine’s exams of 3 minutes or more',
      );
    }
  });

  it('says how exams per week were found without samples', () => {
    const blind = indexOfKit(lateStartKit(), false);
    const page = plain(renderReportHtml(siteFiche(blind, LATE_SITE, 'fr')));
    expect(tableRows(page, 'leads')[0]![6]).toBe('16,1');
    expect(page).toContain('pondérée par leur nombre d’examens');
  });

  it('compares with the peers of the scope', () => {
    const modality = siteFiche(index, LATE_SITE, 'en', 'modality');
    const region = siteFiche(index, LATE_SITE, 'en', 'region');
    const peersLine = (doc: typeof modality): string =>
      plain(doc.sections.find((s) => s.id === 'machine-1-ct-late')!.html);
    expect(peersLine(modality)).toContain(`3 machines: ${t('en', 'establishment.peers.modality')}`);
    expect(peersLine(region)).toContain(`1 machine: ${t('en', 'establishment.peers.region')}`);
  });

  it('is written for a site with only peers', () => {
    const doc = siteFiche(index, PEER_SITE, 'fr');
    expect(
      doc.sections.filter((s) => s.level === 1 && s.id.startsWith('machine-')).map((s) => s.id),
    ).toEqual(['machine-1-ct-peer-1', 'machine-2-ct-peer-2']);
    expect(doc.sections.find((s) => s.id === 'survey')!.html).toContain('Encéphale, femme 80 ans');
  });

  it('names close matches for an unknown FINESS', () => {
    try {
      siteFiche(index, '590000011', 'fr');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).code).toBe('not-found');
      expect((error as Error).message).toContain(
        "no establishment with FINESS '590000011' in campaign 'late'; close matches: 590000001",
      );
    }
  });
});
