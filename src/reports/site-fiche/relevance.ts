/**
 * The site fiche's "Pertinence" section, from the relevance document of plan/relevance: the
 * site's CT share of head imaging (all, scheduled, emergency) against the peer sites' P20,
 * median and P80 with its rank (chart and table), whether it is to review against the Guide du
 * bon usage, then its repeat exams (or why they are not computed) and data-quality shares.
 */
import { formatInteger, formatPercent, formatRank } from '../../i18n/index.ts';
import type {
  RelevanceDocument,
  ScopeFigures,
  SiteRelevance,
} from '../../plan/relevance/document.ts';
import { NEURO_SCOPES } from '../../plan/relevance/types.ts';
import type { NeuroScope } from '../../plan/relevance/types.ts';
import type { ReportSection } from '../document-types.ts';
import { chartFigure } from '../figures.ts';
import type { Html } from '../html.ts';
import { html, joinHtml, note, paragraph, section, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import { provenanceLabel } from '../provenance.ts';
import type { FicheContext } from './context.ts';
import { relevanceOption } from '../../charts/relevance.ts';

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

const figuresOf = (site: SiteRelevance, scope: NeuroScope): ScopeFigures =>
  scope === 'all' ? site : site[scope];

function neuroBody(ctx: FicheContext, doc: RelevanceDocument, site: SiteRelevance): Html {
  const { lang } = ctx;
  const pct = (v: number | null): string => formatPercent(v, lang);
  const rows = NEURO_SCOPES.map((scope) => ({
    scope,
    f: figuresOf(site, scope),
    peers: doc.peers.sites[scope],
  }));
  const anyHead = rows.some((r) => r.f.headCt + r.f.headMr > 0);
  const flagged = rows
    .filter((r) => r.f.flagged)
    .map((r) => lowerFirst(rt(lang, `plan.rel.scope.${r.scope}`)));
  const verdict = !site.peer
    ? note(rt(lang, 'plan.rel.notPeer'))
    : !anyHead
      ? note(rt(lang, 'plan.rel.noHead'))
      : flagged.length > 0
        ? note(rt(lang, 'plan.rel.flagged', { scopes: flagged.join(', ') }), 'warning')
        : paragraph(rt(lang, 'plan.rel.notFlagged'));
  return joinHtml([
    paragraph(rt(lang, 'plan.rel.intro')),
    anyHead
      ? chartFigure({
          id: 'fig-relevance',
          caption: rt(lang, 'plan.rel.chart.caption'),
          // The web page's option (src/charts/relevance.ts): screen and paper draw the same chart.
          option: relevanceOption({
            rows: rows.map((r) => ({
              scope: r.scope,
              share: r.f.neuroCtShare,
              rank: r.f.neuroCtRank,
              flagged: r.f.flagged,
              peers: r.peers,
            })),
            lang,
          }),
          height: 190,
          source: rt(lang, 'plan.rel.chart.source'),
        })
      : null,
    table({
      caption: rt(lang, 'plan.rel.table.caption'),
      className: 'relevance',
      columns: [
        { label: rt(lang, 'plan.rel.col.scope'), width: '22%' },
        { label: rt(lang, 'plan.rel.col.headCt'), align: 'right' },
        { label: rt(lang, 'plan.rel.col.headMr'), align: 'right' },
        { label: rt(lang, 'plan.rel.col.share'), align: 'right' },
        { label: 'P20', align: 'right' },
        { label: rt(lang, 'col.median'), align: 'right' },
        { label: 'P80', align: 'right' },
        { label: rt(lang, 'plan.rel.col.peers'), align: 'right' },
        { label: rt(lang, 'plan.rel.col.rank'), align: 'right' },
        { label: rt(lang, 'plan.rel.col.flag') },
      ],
      rows: rows.map((r) => [
        rt(lang, `plan.rel.scope.${r.scope}`),
        formatInteger(r.f.headCt, lang),
        formatInteger(r.f.headMr, lang),
        pct(r.f.neuroCtShare),
        pct(r.peers.p20),
        pct(r.peers.p50),
        pct(r.peers.p80),
        formatInteger(r.peers.n, lang),
        formatRank(r.f.neuroCtRank, lang),
        rt(lang, r.f.flagged ? 'plan.rel.flag.yes' : 'plan.rel.flag.no'),
      ]),
      rowClasses: rows.map((r) => (r.f.flagged ? 'highlight' : undefined)),
    }),
    verdict,
  ]);
}

function qualityBody(ctx: FicheContext, doc: RelevanceDocument, site: SiteRelevance): Html {
  const { lang } = ctx;
  const measured = provenanceLabel('measured', lang);
  const noKeys = doc.notes.some((n) => n.code === 'repeats-need-patient-key');
  const repeats: string =
    site.repeatShare !== null
      ? formatPercent(site.repeatShare, lang)
      : rt(lang, noKeys ? 'plan.rel.repeats.none' : 'plan.rel.repeats.noKey');
  const unknown = doc.notes.find((n) => n.code === 'unknown-machine-exams');
  return joinHtml([
    table({
      caption: rt(lang, 'plan.rel.quality.caption'),
      className: 'relevance-quality',
      columns: [
        { label: rt(lang, 'plan.rel.col.figure'), width: '55%' },
        { label: rt(lang, 'plan.rel.col.value'), align: 'right' },
        { label: rt(lang, 'plan.provenance') },
      ],
      rows: [
        [rt(lang, 'plan.rel.repeats'), repeats, measured],
        [
          rt(lang, 'plan.rel.withoutRequest'),
          formatPercent(site.withoutRequestShare, lang),
          measured,
        ],
        [
          rt(lang, 'plan.rel.withoutBooked'),
          formatPercent(site.withoutBookedShare, lang),
          measured,
        ],
        [rt(lang, 'plan.rel.exams'), formatInteger(site.exams, lang), measured],
      ],
    }),
    unknown
      ? paragraph(rt(lang, 'plan.rel.note.unknown-machine-exams', { n: unknown.n }), 'muted')
      : null,
  ]);
}

/** The relevance sections of the fiche's site (a chapter and its data-quality sub-section). */
export function relevanceSections(ctx: FicheContext, doc: RelevanceDocument): ReportSection[] {
  const { lang } = ctx;
  const site = doc.sites.find((s) => s.finess === ctx.establishment.finess);
  if (!site) {
    return [
      section({
        id: 'relevance',
        title: rt(lang, 'plan.rel.title'),
        level: 1,
        body: note(rt(lang, 'plan.rel.notFound')),
      }),
    ];
  }
  return [
    section({
      id: 'relevance',
      title: rt(lang, 'plan.rel.title'),
      level: 1,
      body: joinHtml([
        html`<h3>${rt(lang, 'plan.rel.neuro.title')}</h3>`,
        neuroBody(ctx, doc, site),
      ]),
    }),
    section({
      id: 'relevance-quality',
      title: rt(lang, 'plan.rel.quality.title'),
      level: 2,
      body: qualityBody(ctx, doc, site),
    }),
  ];
}
