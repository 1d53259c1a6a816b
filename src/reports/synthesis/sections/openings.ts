/**
 * Chapter "Ouverture des équipements" (report, figures 9–10): the three openings defined, then
 * per modality every machine's opening out of 168 hours, the report's reading of it (machines
 * open around the clock, what extended opening adds under 100 h) and the P20/P50/P80 table.
 */
import { openingsOption } from '../../../charts/openings.ts';
import type { Modality } from '../../../core/kit-types.ts';
import {
  formatHours,
  formatHoursPerWeek,
  formatPercent,
  modalityLabel,
} from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, paragraph } from '../../html.ts';
import { openingFacts } from '../data/facts.ts';
import { percentileTable } from '../data/percentiles.ts';
import { sm } from '../messages/index.ts';
import { referenceTriple } from '../reference.ts';
import type { RenderContext } from '../render/context.ts';
import { percentileTableHtml } from '../render/percentile-table.ts';
import { withGridTop } from '../render/print.ts';
import { chapter, pointsOf } from './common.ts';

function modalityBody(ctx: RenderContext, m: Modality): Html {
  const { lang, scope } = ctx;
  const facts = openingFacts(scope, m);
  const title = sm(lang, 'figures.openings', { modality: modalityLabel(m, lang) });
  return joinHtml([
    paragraph(
      sm(lang, 'open.median', {
        median: formatHoursPerWeek(scope.benchmark[m]?.programmedOpening.p50, lang),
        median2010: formatHoursPerWeek(referenceTriple('programmedOpening', m)?.[1] ?? null, lang),
      }),
    ),
    paragraph(
      sm(lang, 'open.text', {
        full: facts.roundTheClock,
        fullShare: formatPercent(
          facts.machines === 0 ? null : facts.roundTheClock / facts.machines,
          lang,
        ),
        rest: facts.underHundred,
        gap: formatHours(facts.extendedGap.p50, lang),
      }),
    ),
    ctx.chart({
      id: `fig-openings-${m.toLowerCase()}`,
      title,
      reportFigure: m === 'CT' ? 9 : 10,
      // The legend sits above the axis title at print width.
      option: withGridTop(openingsOption({ points: pointsOf(ctx, m), lang }), 64),
      height: 320,
      source: sm(lang, 'figures.source.openings'),
    }),
    percentileTableHtml(ctx, percentileTable(scope, m, 'openings', lang)),
  ]);
}

/** The chapter's sections. */
export function openingSections(ctx: RenderContext): ReportSection[] {
  return chapter(ctx, {
    id: 'openings',
    title: sm(ctx.lang, 'open.title'),
    body: paragraph(sm(ctx.lang, 'open.intro')),
    perModality: (m) => modalityBody(ctx, m),
  });
}
