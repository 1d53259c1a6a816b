/**
 * Chapter "Des résultats à interpréter avec prudence": the scope's data quality (short exams,
 * machines left out of occupancy and why, exams not valued, unknown acts, exams outside
 * sessions, overlapping exams), a note when the campaign is synthetic, and the method's limits
 * as the 2010 report stated them.
 */
import { formatInteger, formatPercent, modalityLabel } from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import { joinHtml, list, note, paragraph, section } from '../../html.ts';
import { qualityFacts } from '../data/quality.ts';
import { sm } from '../messages/index.ts';
import type { RenderContext } from '../render/context.ts';

/** True for a campaign plateau generated (its id starts with `synthetic`). */
export function isSynthetic(campaignId: string): boolean {
  return campaignId.startsWith('synthetic');
}

/** The chapter's sections. */
export function caveatSections(ctx: RenderContext): ReportSection[] {
  const { lang, scope } = ctx;
  const q = qualityFacts(scope, lang);
  // A small share keeps two decimals: 84 exams out of 274 389 is 0,03 %, not 0 %.
  const share = (n: number, of: number): string =>
    formatPercent(of === 0 ? null : n / of, lang, n > 0 && n / of < 0.01 ? 2 : 1);
  const count = (label: string, n: number, of: number): string[] => [
    label,
    formatInteger(n, lang),
    share(n, of),
  ];
  const quality = section({
    id: 'data-quality',
    title: sm(lang, 'cav.quality.title'),
    level: 2,
    body: joinHtml([
      paragraph(sm(lang, 'cav.quality.text')),
      ctx.table({
        title: sm(lang, 'tables.quality'),
        columns: [
          { label: sm(lang, 'col.figure'), width: '60%' },
          { label: sm(lang, 'col.count'), align: 'right' },
          { label: '%', align: 'right' },
        ],
        rows: [
          count(sm(lang, 'cav.quality.shortExams'), q.shortExams, q.exams),
          count(sm(lang, 'cav.quality.excluded'), q.excluded.length, q.machines),
          count(sm(lang, 'cav.quality.unvalued'), q.unvaluedExams, q.exams),
          [sm(lang, 'cav.quality.unknownActs'), formatInteger(q.unknownActs.length, lang), ''],
          count(sm(lang, 'cav.quality.outside'), q.examsOutsideSessions, q.exams),
          count(sm(lang, 'cav.quality.overlapping'), q.overlappingExams, q.exams),
        ],
      }),
      q.unknownActs.length > 0
        ? paragraph(sm(lang, 'cav.quality.unknownActsList', { codes: q.unknownActs.join(', ') }))
        : null,
      q.excluded.length === 0
        ? paragraph(sm(lang, 'cav.quality.noneExcluded'))
        : ctx.table({
            title: sm(lang, 'tables.excluded'),
            columns: [
              { label: sm(lang, 'col.machine'), width: '16%' },
              { label: sm(lang, 'col.modality'), width: '10%' },
              { label: sm(lang, 'col.establishment'), width: '30%' },
              { label: sm(lang, 'col.reason') },
            ],
            rows: q.excluded.map((e) => [
              e.label === null ? e.equipmentId : `${e.label} (${e.equipmentId})`,
              modalityLabel(e.modality, lang),
              e.establishment,
              e.reason,
            ]),
          }),
    ]),
  });
  const id = scope.index.ref.id;
  const synthetic = isSynthetic(id)
    ? section({
        id: 'synthetic-data',
        title: sm(lang, 'cav.synthetic.title'),
        level: 2,
        body: note(sm(lang, 'cav.synthetic.text', { id }), 'warning'),
      })
    : null;
  const limits = section({
    id: 'limits',
    title: sm(lang, 'cav.limits.title'),
    level: 2,
    body: list([
      sm(lang, 'cav.limits.occupancy'),
      sm(lang, 'cav.limits.emergency'),
      sm(lang, 'cav.limits.survey'),
      sm(lang, 'cav.limits.scope'),
      sm(lang, 'cav.limits.sample'),
    ]),
  });
  const intro = section({
    id: 'caveats',
    title: sm(lang, 'cav.title'),
    level: 1,
    body: paragraph(sm(lang, 'cav.intro')),
  });
  return [intro, quality, ...(synthetic ? [synthetic] : []), limits];
}
