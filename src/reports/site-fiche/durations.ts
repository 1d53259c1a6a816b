/**
 * Exam durations by patient category: the machine's own P20/P50/P80 (exams of 3 minutes or
 * more) beside its peers' exams pooled, as ranges and as a table.
 */
import { OKABE_ITO, rangesOption } from '../../charts/index.ts';
import type { RangeRow } from '../../charts/index.ts';
import type { Quantiles } from '../../core/stats.ts';
import { CATEGORIES } from '../../core/kit-types.ts';
import type { MachineComparison } from '../../core/views/index.ts';
import { categoryLabel, formatInteger, formatMinutes } from '../../i18n/index.ts';
import { chartFigure } from '../figures.ts';
import type { Html } from '../html.ts';
import { joinHtml, paragraph, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';
import { rangeText } from './format.ts';

/** The durations section body of one machine; null figure when the machine has no timed exam. */
export function durationsBody(
  ctx: FicheContext,
  machine: MachineComparison,
  figureId: string,
): Html {
  const { lang } = ctx;
  const peers = ctx.peersOf(machine);
  const own = machine.indicators.durationMinutes;
  const pooled = peers.benchmark?.durationMinutes ?? {};
  const medians = peers.benchmark?.durationMedianMinutes ?? {};
  const usePooled = Object.keys(pooled).length > 0;
  const peerQuantiles = (usePooled ? pooled : medians) as Partial<Record<string, Quantiles>>;
  const categories = CATEGORIES.filter(
    (c) => (own[c]?.n ?? 0) > 0 || (peerQuantiles[c]?.n ?? 0) > 0,
  );
  if (categories.length === 0) return paragraph(rt(lang, 'site.durations.none'));
  const thisMachine = rt(lang, 'site.series.thisMachine');
  const peerSeries = rt(lang, usePooled ? 'site.series.peerExams' : 'site.series.peerMedians');
  const rows: RangeRow[] = categories.flatMap((c) => [
    { label: categoryLabel(c, lang), series: thisMachine, quantiles: own[c] ?? null },
    { label: categoryLabel(c, lang), series: peerSeries, quantiles: peerQuantiles[c] ?? null },
  ]);
  const option = rangesOption({
    title: rt(lang, 'site.durations.title'),
    rows,
    unit: 'min',
    lang,
    colors: { [thisMachine]: OKABE_ITO.vermillion, [peerSeries]: OKABE_ITO.blue },
  });
  const hasOwn = categories.some((c) => (own[c]?.n ?? 0) > 0);
  return joinHtml([
    hasOwn
      ? chartFigure({
          id: figureId,
          caption: rt(lang, 'site.durations.caption', { machine: machineTitle(machine) }),
          option,
          height: 90 + categories.length * 46,
        })
      : paragraph(rt(lang, 'site.durations.none')),
    table({
      columns: [
        { label: rt(lang, 'col.category'), width: '26%' },
        { label: rt(lang, 'col.examsTimed'), align: 'right' },
        { label: rt(lang, 'col.machineRange'), align: 'right' },
        {
          label: rt(lang, usePooled ? 'col.peerExamsRange' : 'col.peerMediansRange'),
          align: 'right',
        },
      ],
      rows: categories.map((c) => [
        categoryLabel(c, lang),
        formatInteger(own[c]?.n ?? 0, lang),
        rangeText(own[c], (v) => formatMinutes(v, lang)),
        rangeText(peerQuantiles[c], (v) => formatMinutes(v, lang)),
      ]),
    }),
    paragraph(rt(lang, 'site.durations.reading'), 'muted'),
  ]);
}
