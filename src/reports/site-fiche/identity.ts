/**
 * The fiche's opening: the establishment and its panel of machines, then their weekly opening
 * out of 168 hours (stacked bars of `src/charts` and the table of the three classes).
 */
import type { EChartsOption } from 'echarts';
import { INK, openingsOption } from '../../charts/index.ts';
import type { MachinePoint } from '../../core/views/index.ts';
import {
  addDays,
  formatDate,
  formatHoursPerWeek,
  formatInteger,
  formatPercent,
  legalStatusLabel,
  modalityLabel,
  nightLevelLabel,
  t,
  typologyLabel,
} from '../../i18n/index.ts';
import type { ReportSection } from '../document-types.ts';
import { chartFigure } from '../figures.ts';
import { definitionList, joinHtml, note, paragraph, section, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';

/** "2 scanners, 1 IRM" / "2 CT, 1 MRI". */
export function panelText(ctx: FicheContext): string {
  const { lang } = ctx;
  const { CT = 0, MR = 0 } = ctx.establishment.machines;
  const parts = [
    CT > 0 ? t(lang, 'common.ct', { n: CT }) : null,
    MR > 0 ? t(lang, 'common.mr', { n: MR }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : rt(lang, 'site.identity.noMachine');
}

/** The identity section. */
export function identitySection(ctx: FicheContext): ReportSection {
  const { lang, establishment: e, index } = ctx;
  const campaign = index.ref;
  const end = addDays(campaign.start, Math.max(0, campaign.days - 1));
  const facts = definitionList([
    [rt(lang, 'col.name'), e.name],
    [rt(lang, 'col.finess'), e.finess],
    [rt(lang, 'col.region'), e.region || '—'],
    [rt(lang, 'col.department'), e.department ?? '—'],
    [rt(lang, 'col.legalStatus'), legalStatusLabel(e.legalStatus, lang)],
    [rt(lang, 'site.identity.machines'), panelText(ctx)],
    [rt(lang, 'site.identity.campaign'), campaign.name],
    [
      rt(lang, 'site.identity.period'),
      rt(lang, 'doc.period', {
        start: formatDate(campaign.start, lang),
        end: formatDate(end, lang),
        days: campaign.days,
      }),
    ],
    [rt(lang, 'site.identity.exams'), formatInteger(e.exams, lang)],
    [rt(lang, 'site.identity.peers'), t(lang, `establishment.peers.${ctx.scope}`)],
  ]);
  const rows = ctx.machines.map((mc) => {
    const m = mc.indicators;
    return [
      machineTitle(mc),
      modalityLabel(m.modality, lang),
      formatInteger(m.exams, lang),
      formatInteger(Math.round(m.passagesPerWeek), lang),
      formatHoursPerWeek(m.openingHoursPerWeek.programmed, lang),
      formatPercent(m.occupancy.programmed, lang),
      typologyLabel(m.typology, lang),
      nightLevelLabel(m.night.level, lang),
    ];
  });
  const body = joinHtml([
    facts,
    ctx.machines.length > 0
      ? table({
          caption: rt(lang, 'site.identity.panel'),
          columns: [
            { label: rt(lang, 'col.machine'), width: '24%' },
            { label: rt(lang, 'col.modality') },
            { label: rt(lang, 'col.exams'), align: 'right' },
            { label: rt(lang, 'col.passagesPerWeek'), align: 'right' },
            { label: rt(lang, 'col.programmedOpening'), align: 'right' },
            { label: rt(lang, 'col.occupancy'), align: 'right' },
            { label: rt(lang, 'col.typology') },
            { label: rt(lang, 'col.night') },
          ],
          rows,
        })
      : note(rt(lang, 'site.identity.noMachine'), 'warning'),
  ]);
  return section({ id: 'identity', title: rt(lang, 'site.identity.title'), level: 1, body });
}

/** The openings section, or null for a site without machines. */
export function openingsSection(ctx: FicheContext): ReportSection | null {
  const { lang } = ctx;
  if (ctx.machines.length === 0) return null;
  const points: MachinePoint[] = ctx.machines.map((mc) => ({
    ...mc.point,
    establishment: machineTitle(mc),
  }));
  // The shared chart hides machine names (a campaign has hundreds); a site has a few: name
  // them, by their identifiers alone and slanted when there are many.
  const base = openingsOption({ points, lang });
  const many = ctx.machines.length > 4;
  const names = new Map(
    ctx.machines.map((mc) => [
      mc.point.equipmentId,
      many ? mc.point.equipmentId : machineTitle(mc),
    ]),
  );
  const option: EChartsOption = {
    ...base,
    grid: { left: 48, right: 16, top: 64, bottom: many ? 92 : 60 },
    xAxis: {
      ...(base.xAxis as object),
      nameGap: many ? 72 : 40,
      axisLabel: {
        show: true,
        color: INK.text,
        interval: 0,
        rotate: many ? 45 : 0,
        fontSize: many ? 10 : 12,
        width: many ? 90 : 180,
        overflow: 'truncate',
        formatter: (id: string) => names.get(id) ?? id,
      },
    },
  } as EChartsOption;
  const peerMedian = (mc: (typeof ctx.machines)[number], key: string): string =>
    formatHoursPerWeek(mc.figures.find((f) => f.key === key)?.peers.p50, lang);
  const body = joinHtml([
    paragraph(rt(lang, 'site.openings.intro')),
    chartFigure({
      id: 'fig-openings',
      caption: rt(lang, 'site.openings.caption'),
      option,
      height: many ? 330 : 300,
    }),
    table({
      caption: rt(lang, 'site.openings.table'),
      columns: [
        { label: rt(lang, 'col.machine'), width: '26%' },
        { label: rt(lang, 'col.programmed'), align: 'right' },
        { label: rt(lang, 'col.extended'), align: 'right' },
        { label: rt(lang, 'col.total'), align: 'right' },
        { label: rt(lang, 'col.programmedPlusEmergency'), align: 'right' },
        { label: rt(lang, 'col.onCall'), align: 'right' },
      ],
      rowClasses: ctx.machines.flatMap(() => [undefined, 'muted']),
      rows: ctx.machines.flatMap((mc) => {
        const o = mc.indicators.openingHoursPerWeek;
        return [
          [
            machineTitle(mc),
            formatHoursPerWeek(o.programmed, lang),
            formatHoursPerWeek(o.extended, lang),
            formatHoursPerWeek(o.total, lang),
            formatHoursPerWeek(o.programmedPlusEmergency, lang),
            formatHoursPerWeek(mc.indicators.onCallHoursPerWeek, lang),
          ],
          [
            rt(lang, 'site.openings.peerMedian'),
            peerMedian(mc, 'programmedOpening'),
            peerMedian(mc, 'extendedOpening'),
            peerMedian(mc, 'totalOpening'),
            '—',
            peerMedian(mc, 'onCallHoursPerWeek'),
          ],
        ];
      }),
    }),
  ]);
  return section({ id: 'openings', title: rt(lang, 'site.openings.title'), level: 1, body });
}
