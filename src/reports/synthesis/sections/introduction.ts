/**
 * Chapter 1, "Introduction et panel": what the campaign measured and over whom, the
 * participants by legal status beside the 2010 panel, and the regions (or a region's
 * departments).
 */
import {
  addDays,
  formatDate,
  formatInteger,
  formatPercent,
  legalStatusLabel,
} from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { TableColumn } from '../../html.ts';
import { joinHtml, note, paragraph, section } from '../../html.ts';
import type { PanelRow } from '../data/panel.ts';
import { areaRows, legalStatusRows, panelTotal } from '../data/panel.ts';
import { sm } from '../messages/index.ts';
import type { RenderContext } from '../render/context.ts';

/** The chapter's sections. */
export function introductionSections(ctx: RenderContext): ReportSection[] {
  const { lang, scope } = ctx;
  const { index } = scope;
  const campaign = index.ref;
  const total = panelTotal(legalStatusRows(scope));
  const period = {
    campaign: campaign.name,
    start: formatDate(campaign.start, lang),
    end: formatDate(addDays(campaign.start, campaign.days - 1), lang),
    days: campaign.days,
    establishments: total.establishments,
    ct: total.machines.CT,
    mr: total.machines.MR,
    exams: total.exams,
  };
  const allMachines = index.machines.length;
  const opening =
    scope.region === null
      ? sm(lang, 'intro.national', { ...period, regions: index.options.regions.length })
      : sm(lang, 'intro.region', {
          ...period,
          region: scope.region,
          share: formatPercent(
            allMachines === 0 ? null : scope.machines.length / allMachines,
            lang,
          ),
        });
  const intro = section({
    id: 'introduction',
    title: sm(lang, 'intro.title'),
    level: 1,
    body: joinHtml([
      paragraph(opening),
      paragraph(sm(lang, 'intro.indicators')),
      paragraph(sm(lang, scope.region === null ? 'intro.reference' : 'intro.reference.region')),
      note(sm(lang, 'reading.gap')),
      scope.region !== null ? note(sm(lang, 'reading.region')) : null,
    ]),
  });

  const counts = (r: PanelRow): string[] => [
    formatInteger(r.establishments, lang),
    formatInteger(r.machines.CT, lang),
    formatInteger(r.machines.MR, lang),
    formatInteger(r.exams, lang),
  ];
  const countColumns: TableColumn[] = [
    { label: sm(lang, 'col.establishments'), align: 'right' },
    { label: sm(lang, 'col.ct'), align: 'right' },
    { label: sm(lang, 'col.mr'), align: 'right' },
    { label: sm(lang, 'col.exams'), align: 'right' },
  ];
  // Sites that came as signed bundles of aggregates (issue 16) are said, never hidden.
  const bundleSites = scope.establishments.filter((e) => index.isBundleSite(e.finess));
  const bundleMachines = scope.machines.filter((m) => index.isBundleSite(m.finess)).length;
  const statuses = legalStatusRows(scope);
  const national = scope.region === null;
  const panel = section({
    id: 'panel',
    title: sm(lang, 'intro.panel.title'),
    level: 2,
    body: joinHtml([
      paragraph(sm(lang, 'intro.panel.text')),
      bundleSites.length > 0
        ? note(sm(lang, 'intro.panel.bundles', { n: bundleSites.length, machines: bundleMachines }))
        : null,
      ctx.table({
        title: sm(lang, 'tables.panel'),
        columns: [
          { label: sm(lang, 'col.legalStatus'), width: '30%' },
          ...countColumns,
          ...(national
            ? [{ label: sm(lang, 'col.establishments2010'), align: 'right' as const }]
            : []),
        ],
        rows: statuses.map((r) => [
          legalStatusLabel(r.key, lang),
          ...counts(r),
          ...(national ? [formatInteger(r.published2010, lang)] : []),
        ]),
        footer: [
          [
            sm(lang, 'total'),
            ...counts(total),
            ...(national
              ? [
                  formatInteger(
                    statuses.reduce((s, r) => s + (r.published2010 ?? 0), 0),
                    lang,
                  ),
                ]
              : []),
          ],
        ],
      }),
    ]),
  });

  const areas = areaRows(scope);
  const area = section({
    id: national ? 'regions' : 'departments',
    title: sm(lang, national ? 'intro.regions.title' : 'intro.departments.title'),
    level: 2,
    body: ctx.table({
      title: sm(lang, national ? 'tables.regions' : 'tables.departments'),
      columns: [
        { label: sm(lang, national ? 'col.region.name' : 'col.department'), width: '38%' },
        ...countColumns,
      ],
      rows: areas.map((r) => [r.key ?? sm(lang, 'unknownDepartment'), ...counts(r)]),
      footer: [[sm(lang, 'total'), ...counts(panelTotal(areas))]],
    }),
  });
  return [intro, panel, area];
}
