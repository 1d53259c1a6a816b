import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/reports/document.ts';
import type { ReportDocument } from '../../src/reports/document-types.ts';
import {
  definitionList,
  esc,
  figure,
  html,
  Html,
  joinHtml,
  list,
  note,
  paragraph,
  section,
  table,
  trusted,
} from '../../src/reports/html.ts';

/** The page after its style sheet (the CSS names every class). */
const bodyOf = (page: string): string => page.slice(page.indexOf('</style>'));

const campaign = {
  id: 'c',
  name: 'Campagne <2010>',
  start: '2010-03-01',
  days: 28,
  timeZone: 'Europe/Paris',
};

describe('the escaping helpers', () => {
  it('escapes text and keeps markup', () => {
    expect(String(esc(`R&D <b> "x" 'y'`))).toBe('R&amp;D &lt;b&gt; &quot;x&quot; &#39;y&#39;');
    const inner = html`<em>${'a < b'}</em>`;
    expect(
      String(html`<p>${inner} ${'<script>'} ${42} ${null} ${false} ${[esc('x'), 'y&']}</p>`),
    ).toBe('<p><em>a &lt; b</em> &lt;script&gt; 42   xy&amp;</p>');
    expect(String(joinHtml([paragraph('<i>'), null, 'z>']))).toBe('<p>&lt;i&gt;</p>z&gt;');
    expect(() => new Html('<b>', Symbol('html') as never)).toThrow();
  });

  it('builds tables with escaped cells, alignment, groups, row classes and an empty row', () => {
    const t = String(
      table({
        caption: 'Délais <j>',
        columns: [{ label: 'Région' }, { label: 'P50', align: 'right', width: '20%' }],
        groups: [{ label: '2010', span: 2 }],
        rows: [['Île-de-France & <x>', html`<b>7</b>`]],
        rowClasses: ['muted'],
        className: 'wide',
      }),
    );
    expect(t).toContain('<table class="data wide">');
    expect(t).toContain('<caption>Délais &lt;j&gt;</caption>');
    expect(t).toContain('<tr class="groups"><th colspan="2">2010</th></tr>');
    expect(t).toContain('<col style="width:20%">');
    expect(t).toContain(
      '<tr class="muted"><td>Île-de-France &amp; &lt;x&gt;</td><td class="align-right"><b>7</b></td></tr>',
    );
    expect(
      String(table({ columns: [{ label: 'a' }, { label: 'b' }], rows: [], empty: 'rien' })),
    ).toContain('<td class="empty" colspan="2">rien</td>');
  });

  it('wraps an SVG in a captioned figure and refuses anything else', () => {
    const f = String(
      figure({
        id: 'fig-a',
        caption: 'Taux d’occupation <%>',
        svg: '<?xml version="1.0"?>\n<svg width="10"></svg>',
        source: 'ANAP',
      }),
    );
    expect(f).toBe(
      '<figure class="chart" id="fig-a"><svg width="10"></svg><figcaption>Taux d’occupation &lt;%&gt;<span class="source">ANAP</span></figcaption></figure>',
    );
    expect(() => figure({ id: 'x', caption: 'c', svg: '<div>' })).toThrow(/not an SVG/);
  });

  it('has notes, lists, definition lists and sections', () => {
    expect(String(note('a<b', 'warning'))).toBe('<div class="note note-warning">a&lt;b</div>');
    expect(String(list(['1', html`<i>2</i>`]))).toBe('<ul><li>1</li><li><i>2</i></li></ul>');
    expect(String(definitionList([['k<', 'v']], 'definitions'))).toBe(
      '<dl class="definitions"><dt>k&lt;</dt><dd>v</dd></dl>',
    );
    expect(section({ id: 'a-1', title: 'T', level: 2, body: trusted('<p>x</p>') })).toEqual({
      id: 'a-1',
      title: 'T',
      level: 2,
      html: '<p>x</p>',
    });
    expect(() => section({ id: 'A B', title: 'T', level: 1, body: paragraph('x') })).toThrow(
      /must match/,
    );
  });
});

describe('renderReportHtml', () => {
  const doc: ReportDocument = {
    kind: 'national',
    lang: 'fr',
    campaign,
    title: 'Synthèse <nationale>',
    subtitle: '301 établissements & 517 machines',
    toc: true,
    sections: [
      section({ id: 'panel', title: 'Le panel', level: 1, body: paragraph('Texte') }),
      section({
        id: 'panel-status',
        title: 'Par statut <juridique>',
        level: 2,
        body: paragraph('Sous-texte'),
      }),
      section({ id: 'delays', title: 'Délais', level: 1, body: paragraph('Délais') }),
    ],
  };

  it('is one standalone page with A4 print CSS, a title page, the contents and every section', () => {
    const page = renderReportHtml(doc);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('@page { size: A4; margin: 18mm 15mm 18mm 15mm; }');
    expect(page).toMatch(/font-family: 'Liberation Sans', 'DejaVu Sans'/);
    expect(page).toContain('<title>Synthèse &lt;nationale&gt;</title>');
    expect(page).toContain('<header class="title-page">');
    expect(page).toContain('<div class="doc-title">Synthèse &lt;nationale&gt;</div>');
    expect(page).toContain('301 établissements &amp; 517 machines');
    expect(page).toContain('Campagne &lt;2010&gt; — du 1er mars 2010 au 28 mars 2010 (28 jours)');
    expect(page).toContain('<nav class="toc" id="toc"><h1>Sommaire</h1>');
    for (const s of doc.sections) {
      expect(page).toContain(
        `<section class="section level-${s.level}${s.level === 1 ? ' new-page' : ''}" id="${s.id}">`,
      );
      expect(page).toContain(`<a href="#${s.id}">`);
    }
    expect(page).toContain('<h2>Par statut &lt;juridique&gt;</h2>');
    expect(page).toContain('<span class="toc-page pending">000</span>');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  it('prints the page numbers it is given', () => {
    const page = renderReportHtml(doc, {
      tocPages: new Map([
        ['panel', 3],
        ['panel-status', 4],
        ['delays', 12],
      ]),
    });
    expect(bodyOf(page)).not.toContain('pending');
    expect(page).toContain(
      '<a href="#delays"><span class="toc-title">Délais</span><span class="toc-dots"></span><span class="toc-page">12</span></a>',
    );
  });

  it('gives a site fiche a title block and no contents, in English when asked', () => {
    const page = renderReportHtml({ ...doc, kind: 'site', lang: 'en', toc: false });
    expect(page).toContain('<header class="title-block">');
    expect(page).not.toContain('class="toc"');
    expect(bodyOf(page)).not.toContain('new-page');
    expect(page).toContain('from 1 March 2010 to 28 March 2010 (28 days)');
  });

  it('refuses bad or repeated section ids', () => {
    const bad = { ...doc, sections: [{ id: 'Bad Id', title: 'x', level: 1 as const, html: '' }] };
    expect(() => renderReportHtml(bad)).toThrow(/must match/);
    const twice = { ...doc, sections: [doc.sections[0]!, doc.sections[0]!] };
    expect(() => renderReportHtml(twice)).toThrow(/used twice/);
  });
});
