/**
 * What in a machine's data deserves a check: short exams, its exclusion from the occupancy
 * distributions and why, unknown acts, overlapping exams, exams outside any session.
 */
import { exclusionCodeOf } from '../../core/views/quality-view.ts';
import type { MachineComparison } from '../../core/views/index.ts';
import { exclusionText, formatInteger, formatPercent } from '../../i18n/index.ts';
import type { Html } from '../html.ts';
import { joinHtml, list, note, paragraph } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';

/** The data-quality notes of one machine. */
export function qualityBody(ctx: FicheContext, machine: MachineComparison): Html {
  const { lang } = ctx;
  const m = machine.indicators;
  const q = m.quality;
  const share = (n: number): string => formatPercent(m.exams > 0 ? n / m.exams : null, lang);
  const items: string[] = [];
  if (q.shortExams > 0)
    items.push(rt(lang, 'site.quality.short', { n: q.shortExams, share: share(q.shortExams) }));
  if (q.overlappingExams > 0)
    items.push(
      rt(lang, 'site.quality.overlapping', {
        n: q.overlappingExams,
        share: share(q.overlappingExams),
      }),
    );
  if (q.examsOutsideSessions > 0)
    items.push(
      rt(lang, 'site.quality.outside', {
        n: q.examsOutsideSessions,
        share: share(q.examsOutsideSessions),
      }),
    );
  if (q.unvaluedExams > 0 || q.unknownActs.length > 0) {
    items.push(
      rt(lang, 'site.quality.unknownActs', {
        n: q.unvaluedExams,
        acts: q.unknownActs.length > 0 ? q.unknownActs.join(', ') : '—',
      }),
    );
  }
  const inclusion = m.occupancyIncluded
    ? rt(lang, 'site.quality.included', { share: formatPercent(m.inclusion.shareAbove15, lang) })
    : rt(lang, 'site.quality.excluded', {
        reason: exclusionText(exclusionCodeOf(m.inclusion), m.inclusion.shareAbove15, lang),
      });
  return joinHtml([
    m.occupancyIncluded ? paragraph(inclusion) : note(inclusion, 'warning'),
    items.length > 0
      ? list(items)
      : paragraph(rt(lang, 'site.quality.clean', { n: formatInteger(m.exams, lang) })),
  ]);
}
