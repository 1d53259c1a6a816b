/**
 * Night activity and on-call work of a machine, with the share of its peers in each class.
 */
import type { MachineComparison } from '../../core/views/index.ts';
import {
  formatHoursPerWeek,
  formatNumber,
  formatPercent,
  nightLevelLabel,
} from '../../i18n/index.ts';
import { MISSING } from '../../i18n/index.ts';
import type { Html } from '../html.ts';
import { joinHtml, paragraph, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';

/** The night and on-call section body of one machine. */
export function nightBody(ctx: FicheContext, machine: MachineComparison): Html {
  const { lang } = ctx;
  const m = machine.indicators;
  const peers = ctx.peersOf(machine).benchmark;
  const yesNo = (b: boolean): string => rt(lang, b ? 'common.yes' : 'common.no');
  const rank = (key: string): string => {
    const f = machine.figures.find((x) => x.key === key);
    return f ? `${formatNumber(f.peers.p50, lang)}` : MISSING;
  };
  return joinHtml([
    table({
      columns: [
        { label: rt(lang, 'col.figure'), width: '52%' },
        { label: rt(lang, 'col.thisMachine'), align: 'right' },
        { label: rt(lang, 'col.peers'), align: 'right' },
      ],
      rows: [
        [rt(lang, 'site.night.evening'), formatNumber(m.night.evening, lang, 0), MISSING],
        [rt(lang, 'site.night.deepNight'), formatNumber(m.night.deepNight, lang, 0), MISSING],
        [
          rt(lang, 'site.night.perWeekdayNight'),
          formatNumber(m.night.perWeekdayNight, lang),
          MISSING,
        ],
        [
          rt(lang, 'site.night.perWeek'),
          formatNumber(m.night.perWeek, lang),
          rt(lang, 'site.peerMedian', { value: rank('nightPerWeek') }),
        ],
        [
          rt(lang, 'site.night.level'),
          nightLevelLabel(m.night.level, lang),
          rt(lang, 'site.night.peerShares', {
            strong: formatPercent(peers?.strongNightShare, lang),
            low: formatPercent(peers?.lowNightShare, lang),
          }),
        ],
        [
          rt(lang, 'site.night.onCallHours'),
          formatHoursPerWeek(m.onCallHoursPerWeek, lang),
          rt(lang, 'site.peerMedian', {
            value: formatHoursPerWeek(
              machine.figures.find((f) => f.key === 'onCallHoursPerWeek')?.peers.p50,
              lang,
            ),
          }),
        ],
        [
          rt(lang, 'site.night.significantOnCall'),
          yesNo(m.significantOnCall),
          rt(lang, 'site.night.peerOnCall', {
            share: formatPercent(peers?.significantOnCallShare, lang),
          }),
        ],
      ],
    }),
    paragraph(rt(lang, 'site.night.reading'), 'muted'),
  ]);
}
