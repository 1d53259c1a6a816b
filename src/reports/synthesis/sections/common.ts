/**
 * Shapes every chapter shares: a level-1 chapter followed by one level-2 sub-section per
 * modality of the scope (CT "Scanner", MR "IRM"), or a note when the scope has none.
 */
import type { Modality } from '../../../core/kit-types.ts';
import type { MachinePoint } from '../../../core/views/types.ts';
import { modalityLabel } from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Html } from '../../html.ts';
import { joinHtml, note, section } from '../../html.ts';
import { sm } from '../messages/index.ts';
import type { RenderContext } from '../render/context.ts';

/**
 * A chapter: its own body, then `perModality(m)` as a sub-section for each modality of the
 * scope (ids `<id>-ct`, `<id>-mr`).
 */
export function chapter(
  ctx: RenderContext,
  spec: {
    id: string;
    title: string;
    body: Html;
    perModality?: (m: Modality) => Html;
    subtitle?: (m: Modality) => string;
  },
): ReportSection[] {
  const { lang, scope } = ctx;
  const empty =
    scope.modalities.length === 0 && spec.perModality
      ? note(sm(lang, 'noMachines'), 'warning')
      : null;
  const sections = [
    section({ id: spec.id, title: spec.title, level: 1, body: joinHtml([spec.body, empty]) }),
  ];
  if (spec.perModality) {
    for (const m of scope.modalities) {
      sections.push(
        section({
          id: `${spec.id}-${m.toLowerCase()}`,
          title: spec.subtitle ? spec.subtitle(m) : modalityLabel(m, lang),
          level: 2,
          body: spec.perModality(m),
        }),
      );
    }
  }
  return sections;
}

/** The scope's machine points of a modality. */
export function pointsOf(ctx: RenderContext, modality: Modality): MachinePoint[] {
  return ctx.scope.points.filter((p) => p.modality === modality);
}

/** The note saying exam-level distributions are missing, when they are. */
export function samplesNote(ctx: RenderContext): Html | null {
  return ctx.scope.pooledExact ? null : note(sm(ctx.lang, 'noSamples'), 'warning');
}

/** Height (px) of a ranges chart with `rows` distinct row labels. */
export function rangesHeight(rows: number): number {
  return 90 + Math.max(1, rows) * 44;
}
