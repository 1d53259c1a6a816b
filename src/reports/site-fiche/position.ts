/**
 * A machine among its peers, indicator by indicator: the band chart of `src/charts` (the peers'
 * P20–P80 band, the median, the machine's dot) and the table of values behind it.
 */
import { positionOption } from '../../charts/index.ts';
import type { MachineComparison } from '../../core/views/index.ts';
import { figureLabel, formatInteger, formatRank, formatValue } from '../../i18n/index.ts';
import { chartFigure } from '../figures.ts';
import type { Html } from '../html.ts';
import { joinHtml, note, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';

/** The position section body of one machine. */
export function positionBody(
  ctx: FicheContext,
  machine: MachineComparison,
  figureId: string,
): Html {
  const { lang } = ctx;
  const figures = machine.figures;
  const fmt = (v: number | null, unit: (typeof figures)[number]['unit']): string =>
    formatValue(v, unit, lang);
  const option = positionOption({ figures, lang });
  return joinHtml([
    chartFigure({
      id: figureId,
      caption: rt(lang, 'site.position.caption', { machine: machineTitle(machine) }),
      option,
      height: 70 + figures.length * 24,
    }),
    table({
      caption: rt(lang, 'site.position.table', { n: machine.peerCount }),
      columns: [
        { label: rt(lang, 'col.figure'), width: '34%' },
        { label: rt(lang, 'col.value'), align: 'right' },
        { label: 'P20', align: 'right' },
        { label: rt(lang, 'col.median'), align: 'right' },
        { label: 'P80', align: 'right' },
        { label: rt(lang, 'col.rank'), align: 'right' },
        { label: rt(lang, 'col.peers'), align: 'right' },
      ],
      rows: figures.map((f) => [
        figureLabel(f.key, lang),
        fmt(f.value, f.unit),
        fmt(f.peers.p20, f.unit),
        fmt(f.peers.p50, f.unit),
        fmt(f.peers.p80, f.unit),
        formatRank(f.rank, lang),
        formatInteger(f.peers.n, lang),
      ]),
    }),
    machine.indicators.occupancyIncluded
      ? null
      : note(rt(lang, 'site.position.excluded'), 'warning'),
  ]);
}
