/**
 * Chapter "Nuits et téléradiologie" of a regional synthesis (planning.md §4): the PDS demand
 * measured over the campaign per département of the region (exams per week at night and at
 * weekends, per modality), then the four pooling options for the whole region at the default
 * settings (`defaultReadingModel()`, said in full, reading times illustrative), from the on-call
 * document of plan/oncall. Should the default reading be exponential and unable to reach the
 * target at all (its ceiling note), the same settings with fixed reading times follow, so that
 * the page still compares the options. Notes are worded
 * from their codes. The region is the current INSEE region, as in the chapter "Territoires".
 */
import type { Modality } from '../../../core/kit-types.ts';
import { MODALITIES } from '../../../core/kit-types.ts';
import type { Lang } from '../../../i18n/index.ts';
import { formatInteger, formatNumber, formatPercent, modalityLabel } from '../../../i18n/index.ts';
import type { OncallDocument, OncallNote } from '../../../plan/oncall/document.ts';
import { ONCALL_FIGURES } from '../../../plan/oncall/document.ts';
import { weakest } from '../../../plan/oncall/pooling.ts';
import type { PdsPeriod } from '../../../plan/oncall/types.ts';
import {
  departmentByCode,
  regionByCode,
  regionCodeOf,
} from '../../../plan/territories/population.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Content, Html } from '../../html.ts';
import { html, joinHtml, list, note, paragraph } from '../../html.ts';
import { rt } from '../../messages/index.ts';
import type { PlanningInputs } from '../../planning.ts';
import { provenanceLabel } from '../../provenance.ts';
import type { RenderContext } from '../render/context.ts';
import { chapter } from './common.ts';

/** The chapter's section id. */
export const ONCALL_CHAPTER = 'oncall';

/** Exams per week of one département (or the region), per modality and period. */
interface DemandLine {
  label: string;
  sites: number;
  perWeek: Record<Modality, Record<PdsPeriod, number>>;
}

const zero = (): Record<Modality, Record<PdsPeriod, number>> => ({
  CT: { night: 0, weekend: 0 },
  MR: { night: 0, weekend: 0 },
});

/** The demand rows per département (code order, unknown last) and the region's total. */
export function demandByDepartment(doc: OncallDocument): {
  lines: DemandLine[];
  total: DemandLine;
} {
  const depOf = new Map(doc.sites.map((s) => [s.finess, s.department]));
  const lines = new Map<string, DemandLine>();
  const lineOf = (dep: string | null): DemandLine => {
    const key = dep ?? '';
    let line = lines.get(key);
    if (!line) {
      const name = dep === null ? null : (departmentByCode(dep)?.name ?? null);
      line = {
        label: dep === null ? '—' : name ? `${name} (${dep})` : dep,
        sites: 0,
        perWeek: zero(),
      };
      lines.set(key, line);
    }
    return line;
  };
  for (const s of doc.sites) lineOf(s.department).sites++;
  const total: DemandLine = { label: '', sites: doc.sites.length, perWeek: zero() };
  for (const row of doc.demand.rows) {
    const line = lineOf(depOf.get(row.site) ?? null);
    for (const p of ['night', 'weekend'] as const) {
      line.perWeek[row.modality][p] += row.perWeek[p];
      total.perWeek[row.modality][p] += row.perWeek[p];
    }
  }
  const sorted = [...lines.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, l]) => l);
  return { lines: sorted, total };
}

const sumOf = (l: DemandLine): number =>
  MODALITIES.reduce((s, m) => s + l.perWeek[m].night + l.perWeek[m].weekend, 0);

function demandTable(ctx: RenderContext, doc: OncallDocument): Html {
  const { lang } = ctx;
  const { lines, total } = demandByDepartment(doc);
  const cells = (l: DemandLine, label: string): string[] => [
    label,
    formatInteger(l.sites, lang),
    ...MODALITIES.flatMap((m) => [
      formatNumber(l.perWeek[m].night, lang),
      formatNumber(l.perWeek[m].weekend, lang),
    ]),
    formatNumber(sumOf(l), lang),
  ];
  return ctx.table({
    title: rt(lang, 'plan.oncall.demand.caption'),
    className: 'oncall-demand',
    groups: [
      { label: rt(lang, 'plan.provenance'), span: 2 },
      { label: provenanceLabel('measured', lang), span: MODALITIES.length * 2 + 1 },
    ],
    columns: [
      { label: rt(lang, 'plan.oncall.col.department'), width: '30%' },
      { label: rt(lang, 'plan.oncall.col.sites'), align: 'right' },
      ...MODALITIES.flatMap((m) => [
        {
          label: rt(lang, 'plan.oncall.col.night', { modality: modalityLabel(m, lang) }),
          align: 'right' as const,
        },
        {
          label: rt(lang, 'plan.oncall.col.weekend', { modality: modalityLabel(m, lang) }),
          align: 'right' as const,
        },
      ]),
      { label: rt(lang, 'plan.oncall.col.total'), align: 'right' },
    ],
    rows: lines.map((l) => cells(l, l.label)),
    footer: [cells(total, rt(lang, 'plan.oncall.region.row'))],
  });
}

const distributionWord = (doc: OncallDocument, lang: Lang): string =>
  rt(lang, `plan.oncall.distribution.${doc.model.distribution}`);

function optionsTable(ctx: RenderContext, doc: OncallDocument): Html {
  const { lang } = ctx;
  const figures = ONCALL_FIGURES.filter((f) => f !== 'costPerWeek');
  const provenance = weakest(...doc.options.flatMap((o) => figures.map((f) => o.provenance[f])));
  return ctx.table({
    title: rt(lang, 'plan.oncall.options.caption', { distribution: distributionWord(doc, lang) }),
    className: 'oncall-options',
    groups: [
      { label: rt(lang, 'plan.provenance'), span: 1 },
      { label: provenanceLabel(provenance, lang), span: 5 },
    ],
    columns: [
      { label: rt(lang, 'plan.oncall.col.option'), width: '30%' },
      { label: rt(lang, 'plan.oncall.col.lines'), align: 'right' },
      { label: rt(lang, 'plan.oncall.col.hours'), align: 'right' },
      { label: rt(lang, 'plan.oncall.col.examsPerHour'), align: 'right' },
      { label: rt(lang, 'plan.oncall.col.share'), align: 'right' },
      { label: rt(lang, 'plan.oncall.col.response'), align: 'right' },
    ],
    rows: doc.options.map((o) => [
      rt(lang, `plan.oncall.option.${o.option}`),
      formatInteger(o.linesNeeded, lang),
      formatNumber(o.onCallHoursPerWeek, lang),
      formatNumber(o.examsPerOnCallHour, lang, 2),
      formatPercent(o.shareReadWithinTarget, lang),
      formatNumber(o.meanResponseMinutes, lang),
    ]),
  });
}

/** A note of the on-call document in words. */
export function oncallNoteText(n: OncallNote, doc: OncallDocument, lang: Lang): string {
  const m = doc.model;
  switch (n.code) {
    case 'illustrativeReading':
      return rt(lang, 'plan.oncall.note.illustrativeReading', {
        ct: formatNumber(m.readingMinutes.CT, lang),
        mr: formatNumber(m.readingMinutes.MR, lang),
      });
    case 'unreachable': {
      const word = distributionWord(doc, lang);
      return rt(lang, 'plan.oncall.note.unreachable', {
        distribution: word.charAt(0).toUpperCase() + word.slice(1),
        max: formatInteger(Number(n.params['max']), lang),
      });
    }
    case 'readingCeiling':
      return rt(lang, 'plan.oncall.note.readingCeiling', {
        share: formatPercent(Number(n.params['share']), lang, 0),
        modality: modalityLabel(String(n.params['modality']) as Modality, lang),
        targetMinutes: formatNumber(Number(n.params['targetMinutes']), lang),
        minutes: formatNumber(Number(n.params['minutes']), lang),
      });
    case 'stationary':
    case 'noHolidays':
    case 'noDemand':
      return rt(lang, `plan.oncall.note.${n.code}`);
  }
}

function settingsText(doc: OncallDocument, lang: Lang): string {
  const m = doc.model;
  return rt(lang, 'plan.oncall.settings', {
    ct: formatNumber(m.readingMinutes.CT, lang),
    mr: formatNumber(m.readingMinutes.MR, lang),
    distribution: distributionWord(doc, lang),
    share: formatPercent(m.targetShare, lang, 0),
    minutes: formatNumber(m.targetMinutes, lang),
  });
}

function body(ctx: RenderContext, planning: PlanningInputs): Html {
  const { lang, scope } = ctx;
  const region = scope.region ?? '';
  const code = regionCodeOf(region);
  if (code === null) return note(rt(lang, 'plan.oncall.unknownRegion', { region }), 'warning');
  const current = regionByCode(code)?.name ?? code;
  const doc = planning.oncallOfRegion(code);
  if (doc === null) return note(rt(lang, 'plan.oncall.noSite', { name: current }), 'warning');
  const ceiling = doc.notes.some((n) => n.code === 'readingCeiling');
  const fixed = ceiling ? planning.oncallOfRegion(code, 'deterministic') : null;
  const notes: Content[] = doc.notes.map((n) => oncallNoteText(n, doc, lang));
  if (fixed) {
    const seen = new Set(doc.notes.map((n) => n.code));
    for (const n of fixed.notes) if (!seen.has(n.code)) notes.push(oncallNoteText(n, fixed, lang));
  }
  const loose = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const hours = doc.demand.hoursPerWeek;
  const provenance = (d: OncallDocument): string =>
    rt(lang, 'plan.oncall.provenance', {
      demand: rt(lang, 'plan.prov.measured'),
      figures: rt(lang, `plan.prov.${weakest(...d.options.map((o) => o.provenance.linesNeeded))}`),
    });
  return joinHtml([
    paragraph(rt(lang, 'plan.oncall.intro')),
    paragraph(rt(lang, 'plan.oncall.sites', { n: doc.sites.length, name: current, code })),
    loose(region) !== loose(current)
      ? paragraph(rt(lang, 'plan.oncall.current', { current, code, region }))
      : null,
    paragraph(
      rt(lang, 'plan.oncall.hours', {
        night: formatNumber(hours.night, lang),
        weekend: formatNumber(hours.weekend, lang),
      }),
    ),
    demandTable(ctx, doc),
    doc.model.readingProvenance === 'illustrative'
      ? note(html`${provenanceLabel('illustrative', lang)} ${settingsText(doc, lang)}`, 'warning')
      : paragraph(settingsText(doc, lang)),
    optionsTable(ctx, doc),
    paragraph(provenance(doc), 'muted'),
    fixed
      ? joinHtml([
          paragraph(rt(lang, 'plan.oncall.fixed')),
          optionsTable(ctx, fixed),
          paragraph(provenance(fixed), 'muted'),
        ])
      : null,
    html`<h3>${rt(lang, 'plan.oncall.notes')}</h3>`,
    list(notes),
  ]);
}

/** The chapter of a regional synthesis given the campaign's planning inputs; none otherwise. */
export function oncallSections(
  ctx: RenderContext,
  planning: PlanningInputs | null | undefined,
): ReportSection[] {
  if (!planning || ctx.scope.region === null) return [];
  return chapter(ctx, {
    id: ONCALL_CHAPTER,
    title: rt(ctx.lang, 'plan.oncall.title'),
    body: body(ctx, planning),
  });
}
