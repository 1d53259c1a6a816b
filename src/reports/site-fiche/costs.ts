/**
 * The site fiche's "Coûts" section: the campaign's costs (`Kit.costs`, through the costs
 * document of plan/costs) for the site's machines and the site's totals, each column under its
 * provenance (measured activity, input or illustrative costs, reference tiers), with a badge and
 * a warning when the cost set is illustrative. No section when the campaign has no costs.
 */
import type { Modality } from '../../core/kit-types.ts';
import { formatInteger, formatNumber, modalityLabel } from '../../i18n/index.ts';
import type { Lang } from '../../i18n/index.ts';
import type { CostsDocument, CostsDocumentMachine } from '../../plan/costs/index.ts';
import { FORFAIT_TIERS } from '../../plan/costs/index.ts';
import type { ReportSection } from '../document-types.ts';
import { html, joinHtml, list, note, paragraph, section, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import { illustrativeBadge, provenanceLabel } from '../provenance.ts';
import type { FicheContext } from './context.ts';

const money = (v: number | null, digits: number, lang: Lang): string =>
  formatNumber(v, lang, digits);

function tierCells(m: CostsDocumentMachine, lang: Lang): [string, string] {
  if (m.ftTier === null) return ['—', '—'];
  return [
    String(m.ftTier),
    m.ftTier === 2 ? rt(lang, 'plan.costs.topTier') : formatInteger(m.examsToNextTier, lang),
  ];
}

/** The cost section of the fiche's site, or null when the campaign has no costs. */
export function costsSection(ctx: FicheContext, doc: CostsDocument | null): ReportSection | null {
  if (doc === null) return null;
  const { lang } = ctx;
  const finess = ctx.establishment.finess;
  const machines = doc.machines.filter((m) => m.finess === finess);
  const site = doc.sites.find((s) => s.finess === finess) ?? null;
  const origin = doc.origin;
  const labels = new Map(ctx.machines.map((m) => [m.point.equipmentId, m.point.label]));
  const name = (id: string): string => {
    const label = labels.get(id);
    return label && label !== id ? `${label} (${id})` : id;
  };
  const groups = (before: number, costs: number, after: number) => [
    { label: rt(lang, 'plan.provenance'), span: before },
    { label: provenanceLabel('measured', lang), span: 1 },
    { label: provenanceLabel(origin, lang), span: costs },
    ...(after > 0 ? [{ label: provenanceLabel('reference', lang), span: after }] : []),
  ];
  const machineTable = table({
    caption: rt(lang, 'plan.costs.machines.caption'),
    className: 'costs',
    groups: groups(2, 4, 2),
    columns: [
      { label: rt(lang, 'plan.costs.col.machine'), width: '20%' },
      { label: rt(lang, 'plan.costs.col.modality') },
      { label: rt(lang, 'plan.costs.col.exams'), align: 'right' },
      { label: rt(lang, 'plan.costs.col.costPerYear'), align: 'right' },
      { label: rt(lang, 'plan.costs.col.costPerOpeningHour'), align: 'right' },
      { label: rt(lang, 'plan.costs.col.costPerExam'), align: 'right' },
      { label: rt(lang, 'plan.costs.col.costPerIcr'), align: 'right' },
      { label: rt(lang, 'plan.costs.col.ftTier'), align: 'right' },
      { label: rt(lang, 'plan.costs.col.examsToNextTier'), align: 'right' },
    ],
    rows: machines.map((m) => [
      name(m.equipmentId),
      modalityLabel(m.modality, lang),
      formatInteger(m.annualisedExams, lang),
      money(m.costPerYear, 0, lang),
      money(m.costPerOpeningHour, 1, lang),
      money(m.costPerExam, 1, lang),
      money(m.costPerIcr, 2, lang),
      ...tierCells(m, lang),
    ]),
  });
  const siteTable = site
    ? table({
        caption: rt(lang, 'plan.costs.site.caption'),
        className: 'costs-site',
        groups: groups(1, 3, 0),
        columns: [
          { label: rt(lang, 'plan.costs.col.machines'), align: 'right' },
          { label: rt(lang, 'plan.costs.col.exams'), align: 'right' },
          { label: rt(lang, 'plan.costs.col.costPerYear'), align: 'right' },
          { label: rt(lang, 'plan.costs.col.costPerExam'), align: 'right' },
          { label: rt(lang, 'plan.costs.col.costPerIcr'), align: 'right' },
        ],
        rows: [
          [
            `${formatInteger(site.machines - site.machinesWithoutCosts.length, lang)} / ${formatInteger(site.machines, lang)}`,
            formatInteger(site.annualisedExams, lang),
            money(site.costPerYear, 0, lang),
            money(site.costPerExam, 1, lang),
            money(site.costPerIcr, 2, lang),
          ],
        ],
      })
    : null;
  const ids = (pick: (m: CostsDocumentMachine) => boolean): string =>
    machines
      .filter(pick)
      .map((m) => name(m.equipmentId))
      .join(', ');
  const items: string[] = [];
  const without = ids((m) => m.nullReasons.costPerYear === 'no-cost-row');
  if (without) items.push(rt(lang, 'plan.costs.without', { ids: without }));
  const ageUnknown = ids((m) => m.ageUnknown && m.costPerYear !== null);
  if (ageUnknown) items.push(rt(lang, 'plan.costs.ageUnknown', { ids: ageUnknown }));
  const amortised = ids((m) => m.amortisationCounted === false);
  if (amortised) items.push(rt(lang, 'plan.costs.amortised', { ids: amortised }));
  const reasons = [...new Set(machines.flatMap((m) => Object.values(m.nullReasons)))];
  if (reasons.length > 0) {
    items.push(
      rt(lang, 'plan.costs.reasons', {
        list: reasons.map((r) => rt(lang, `plan.costs.reason.${r}`)).join(', '),
      }),
    );
  }
  const tier = (m: Modality, i: 0 | 1): string => formatInteger(FORFAIT_TIERS[m][i], lang);
  const body = joinHtml([
    origin === 'illustrative'
      ? note(
          html`${illustrativeBadge(lang)} ${rt(lang, 'plan.costs.origin.illustrative')}`,
          'warning',
        )
      : paragraph(rt(lang, 'plan.costs.origin.input')),
    machineTable,
    siteTable,
    items.length > 0 ? list(items) : null,
    paragraph(
      rt(lang, 'plan.costs.method', { days: ctx.index.data.results.campaign.days }),
      'muted',
    ),
    paragraph(
      rt(lang, 'plan.costs.tiers', {
        source: doc.forfaitReference.source,
        ct1: tier('CT', 0),
        ct2: tier('CT', 1),
        mr1: tier('MR', 0),
        mr2: tier('MR', 1),
      }),
      'muted',
    ),
  ]);
  return section({ id: 'costs', title: rt(lang, 'plan.costs.title'), level: 1, body });
}
