/**
 * Chapter "Occupation des équipements" (report, figures 13–18): the inclusion rule and how many
 * machines it keeps; per modality, the bubble chart occupancy × programmed opening sized by ICR
 * per hour and coloured by the share of patients from the emergency department, its P20/P50/P80
 * table beside 2010 and the two populations of machines; then the same over programmed +
 * emergency sessions, with the report's reading of how the medians move.
 */
import type { BubbleMode } from '../../../charts/bubble.ts';
import { bubbleOption } from '../../../charts/bubble.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { REFERENCE_2010_FACTS } from '../../../core/reference-2010.ts';
import {
  formatHoursPerWeek,
  formatIcrPerHour,
  formatPercent,
  modalityLabel,
} from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, note, paragraph, section } from '../../html.ts';
import { typologyCounts } from '../data/facts.ts';
import { percentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import { referenceTriple } from '../reference.ts';
import type { RenderContext } from '../render/context.ts';
import { percentileTableHtml } from '../render/percentile-table.ts';
import { keepTogether } from '../render/print.ts';
import { pointsOf } from './common.ts';

function bubble(ctx: RenderContext, m: Modality, mode: BubbleMode): Html {
  const { lang, scope } = ctx;
  const b = scope.benchmark[m];
  const programmed = mode === 'programmed';
  const title = sm(lang, programmed ? 'figures.bubbleProgrammed' : 'figures.bubbleEmergency', {
    modality: modalityLabel(m, lang),
  });
  const medians = programmed
    ? { opening: b?.programmedOpening.p50 ?? null, occupancy: b?.occupancyProgrammed.p50 ?? null }
    : {
        opening: b?.programmedPlusEmergencyOpening.p50 ?? null,
        occupancy: b?.occupancyProgrammedPlusEmergency.p50 ?? null,
      };
  const reportFigure = programmed ? (m === 'CT' ? 13 : 14) : m === 'CT' ? 17 : 18;
  return ctx.chart({
    id: `fig-bubble-${programmed ? 'programmed' : 'emergency'}-${m.toLowerCase()}`,
    title,
    reportFigure,
    option: bubbleOption({ points: pointsOf(ctx, m), mode, lang, medians }),
    height: 380,
    source: sm(lang, 'figures.source.bubble'),
  });
}

function programmedBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const b = scope.benchmark[m];
  const typology = typologyCounts(scope, m);
  return joinHtml([
    keepTogether([
      paragraph(
        sm(lang, 'occ.text', {
          occupancy: formatPercent(b?.occupancyProgrammed.p50, lang),
          opening: formatHoursPerWeek(b?.programmedOpening.p50, lang),
          icr: formatIcrPerHour(b?.icrPerHour.p50, lang),
          occupancy2010: formatPercent(
            referenceTriple('occupancyProgrammed', m)?.[1] ?? null,
            lang,
          ),
          opening2010: formatHoursPerWeek(
            referenceTriple('programmedOpening', m)?.[1] ?? null,
            lang,
          ),
          icr2010: formatIcrPerHour(referenceTriple('icrPerHour', m)?.[1] ?? null, lang),
        }),
      ),
      bubble(ctx, m, 'programmed'),
    ]),
    percentileTableHtml(ctx, percentileTable(scope, m, 'occupancy', lang)),
    paragraph(
      sm(lang, typology['emergency-dedicated'] === 0 ? 'occ.typologyNone' : 'occ.typology', {
        scheduled: typology['scheduled-centred'],
        emergency: typology['emergency-dedicated'],
      }),
    ),
  ]);
}

function emergencyBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const b = scope.benchmark[m];
  return joinHtml([
    keepTogether([
      paragraph(
        sm(lang, 'occ.emergency.text', {
          occFrom: formatPercent(b?.occupancyProgrammed.p50, lang),
          occTo: formatPercent(b?.occupancyProgrammedPlusEmergency.p50, lang),
          openFrom: formatHoursPerWeek(b?.programmedOpening.p50, lang),
          openTo: formatHoursPerWeek(b?.programmedPlusEmergencyOpening.p50, lang),
          occFrom2010: formatPercent(referenceTriple('occupancyProgrammed', m)?.[1] ?? null, lang),
          occTo2010: formatPercent(
            REFERENCE_2010_FACTS.occupancyProgrammedPlusEmergencyMedian[m],
            lang,
          ),
          openFrom2010: formatHoursPerWeek(
            referenceTriple('programmedOpening', m)?.[1] ?? null,
            lang,
          ),
          openTo2010: formatHoursPerWeek(
            REFERENCE_2010_FACTS.programmedPlusEmergencyOpeningMedian[m],
            lang,
          ),
        }),
      ),
      bubble(ctx, m, 'programmedPlusEmergency'),
    ]),
    percentileTableHtml(ctx, percentileTable(scope, m, 'occupancyEmergency', lang)),
    note(sm(lang, 'occ.emergencyNote')),
  ]);
}

/** The chapter's sections: the rule, then programmed per modality, then programmed + emergency. */
export function occupancySections(ctx: RenderContext): ReportSection[] {
  const { lang, scope } = ctx;
  const count = (m: Modality, included: boolean): number =>
    scope.machines.filter((x) => x.modality === m && (!included || x.occupancyIncluded)).length;
  const intro = section({
    id: 'occupancy',
    title: sm(lang, 'occ.title'),
    level: 1,
    body: joinHtml([
      paragraph(sm(lang, 'occ.intro')),
      paragraph(
        sm(lang, 'occ.included', {
          ct: count('CT', true),
          mr: count('MR', true),
          ctAll: count('CT', false),
          mrAll: count('MR', false),
        }),
      ),
      scope.modalities.length === 0 ? note(sm(lang, 'noMachines'), 'warning') : null,
    ]),
  });
  const label = (m: Modality): string => modalityLabel(m, lang);
  return [
    intro,
    ...scope.modalities.map((m) =>
      section({
        id: `occupancy-${m.toLowerCase()}`,
        title: sm(lang, 'occ.programmed.title', { modality: label(m) }),
        level: 2,
        body: programmedBody(ctx, m),
      }),
    ),
    ...scope.modalities.map((m) =>
      section({
        id: `occupancy-emergency-${m.toLowerCase()}`,
        title: sm(lang, 'occ.emergency.title', { modality: label(m) }),
        level: 2,
        body: emergencyBody(ctx, m),
      }),
    ),
  ];
}
