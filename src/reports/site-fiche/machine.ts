/**
 * The chapter of one machine: who its peers are, then its position, durations, delays, night
 * and on-call activity, ranked improvement leads, what the simulated leads would change (when
 * the fiche is given simulations) and data-quality notes, as report sections.
 */
import type { MachineComparison } from '../../core/views/index.ts';
import { formatInteger, formatPercent, modalityLabel, t, typologyLabel } from '../../i18n/index.ts';
import type { ReportSection } from '../document-types.ts';
import { definitionList, joinHtml, section } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';
import { delaysBody } from './delays.ts';
import { durationsBody } from './durations.ts';
import { leadsBody } from './leads.ts';
import { nightBody } from './night.ts';
import { positionBody } from './position.ts';
import { qualityBody } from './quality.ts';
import { whatWouldChangeBody } from './what-would-change.ts';

/** An id fragment from an equipment id: lower case, `[a-z0-9-]` only. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x'
  );
}

/**
 * The sections of machine number `n` (1-based) of the fiche. The chapter's id starts with
 * `machine-`: in a site fiche such a chapter starts a new page (see `document.ts`).
 */
export function machineSections(
  ctx: FicheContext,
  machine: MachineComparison,
  n: number,
): ReportSection[] {
  const { lang } = ctx;
  const m = machine.indicators;
  const id = `machine-${n}-${slug(machine.point.equipmentId)}`;
  const title = rt(lang, 'site.machine.title', {
    machine: machineTitle(machine),
    modality: modalityLabel(m.modality, lang),
  });
  const intro = joinHtml([
    definitionList([
      [
        rt(lang, 'site.machine.peers'),
        rt(lang, 'site.machine.peersText', {
          n: machine.peerCount,
          scope: t(lang, `establishment.peers.${ctx.scope}`),
        }),
      ],
      [
        rt(lang, 'site.machine.exams'),
        rt(lang, 'site.machine.examsText', {
          n: formatInteger(m.exams, lang),
          perWeek: formatInteger(Math.round(m.passagesPerWeek), lang),
        }),
      ],
      [rt(lang, 'col.typology'), typologyLabel(m.typology, lang)],
      [rt(lang, 'site.machine.emergencyShare'), formatPercent(m.emergencyShare, lang)],
      [
        rt(lang, 'site.machine.included'),
        rt(lang, m.occupancyIncluded ? 'common.yes' : 'common.no'),
      ],
    ]),
  ]);
  const sub = (
    suffix: string,
    key: Parameters<typeof rt>[1],
    body: ReturnType<typeof joinHtml>,
  ): ReportSection => section({ id: `${id}-${suffix}`, title: rt(lang, key), level: 2, body });
  return [
    section({ id, title, level: 1, body: intro }),
    sub('position', 'site.position.title', positionBody(ctx, machine, `${id}-fig-position`)),
    sub('durations', 'site.durations.title', durationsBody(ctx, machine, `${id}-fig-durations`)),
    sub('delays', 'site.delays.title', delaysBody(ctx, machine, `${id}-fig-delays`)),
    sub('night', 'site.night.title', nightBody(ctx, machine)),
    sub('leads', 'site.leads.title', leadsBody(ctx, machine, `${id}-fig-leads`)),
    ...(ctx.whatIf
      ? [
          sub(
            'what-would-change',
            'site.whatIf.title',
            whatWouldChangeBody(
              ctx,
              machine,
              ctx.whatIf.get(machine.point.equipmentId) ?? { state: 'no-records' },
              `${id}-fig-what-would-change`,
            ),
          ),
        ]
      : []),
    sub('quality', 'site.quality.title', qualityBody(ctx, machine)),
  ];
}
