/**
 * The fiche's short method: the definitions it uses, from `spec/indicators.md` (opening classes
 * and their session types, occupancy and the 95 % / 15 % rule, ICR per hour, passages,
 * durations, delays, night and on-call, leads, percentiles and peers).
 */
import type { SessionType } from '../../core/kit-types.ts';
import { sessionTypeLabel, t } from '../../i18n/index.ts';
import type { ReportSection } from '../document-types.ts';
import { definitionList, joinHtml, paragraph, section } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';

const PROGRAMMED: readonly SessionType[] = [
  'PUBLIC_SCHEDULED',
  'PUBLIC_UNSCHEDULED',
  'LIBERAL',
  'PRIVATE',
  'OTHER_SPECIALTY',
];
const EXTENDED_ONLY: readonly SessionType[] = [
  'EMERGENCY',
  'RECONDITIONING',
  'BREAKDOWN',
  'RESEARCH',
];
const TOTAL_ONLY: readonly SessionType[] = ['ON_CALL', 'MAINTENANCE', 'QUALITY_CONTROL'];

/** The method section. */
export function methodSection(ctx: FicheContext): ReportSection {
  const { lang } = ctx;
  const types = (list: readonly SessionType[]): string =>
    list.map((s) => sessionTypeLabel(s, lang)).join(', ');
  const body = joinHtml([
    paragraph(rt(lang, 'site.method.intro')),
    definitionList(
      [
        [
          rt(lang, 'site.method.openings'),
          rt(lang, 'site.method.openingsText', {
            programmed: types(PROGRAMMED),
            extended: types(EXTENDED_ONLY),
            total: types(TOTAL_ONLY),
          }),
        ],
        [rt(lang, 'site.method.occupancy'), rt(lang, 'site.method.occupancyText')],
        [rt(lang, 'site.method.inclusion'), rt(lang, 'site.method.inclusionText')],
        [rt(lang, 'site.method.icr'), rt(lang, 'site.method.icrText')],
        [rt(lang, 'site.method.passages'), rt(lang, 'site.method.passagesText')],
        [rt(lang, 'site.method.durations'), rt(lang, 'site.method.durationsText')],
        [rt(lang, 'site.method.delays'), rt(lang, 'site.method.delaysText')],
        [rt(lang, 'site.method.night'), rt(lang, 'site.method.nightText')],
        [rt(lang, 'site.method.leads'), rt(lang, 'site.method.leadsText')],
        [rt(lang, 'site.method.percentiles'), rt(lang, 'site.method.percentilesText')],
        [
          rt(lang, 'site.method.peers'),
          rt(lang, 'site.method.peersText', { scope: t(lang, `establishment.peers.${ctx.scope}`) }),
        ],
      ],
      'definitions',
    ),
    paragraph(rt(lang, 'site.method.source'), 'muted'),
  ]);
  return section({ id: 'method', title: rt(lang, 'site.method.title'), level: 1, body });
}
