/**
 * Chapter 2, "Les grandes tendances": the medians that sum the campaign up per modality beside
 * 2010's, and the report's two readings tested on the campaign — CT more dispersed than MRI,
 * MRI appointments longer than CT.
 */
import { formatPercent, formatValue, modalityLabel } from '../../../i18n/index.ts';
import type { ReportSection } from '../../document-types.ts';
import type { TableColumn, TableGroup } from '../../html.ts';
import { joinHtml, paragraph } from '../../html.ts';
import { keyFigures, relativeSpread } from '../data/facts.ts';
import { sm } from '../messages/index.ts';
import type { RenderContext } from '../render/context.ts';
import { published } from '../reference.ts';
import { chapter } from './common.ts';

/** The chapter's sections. */
export function trendsSections(ctx: RenderContext): ReportSection[] {
  const { lang, scope } = ctx;
  const figures = keyFigures(scope, lang);
  const columns: TableColumn[] = [{ label: sm(lang, 'col.figure'), width: '36%' }];
  const groups: TableGroup[] = [{ label: '', span: 1 }];
  for (const m of scope.modalities) {
    columns.push(
      { label: sm(lang, scope.region === null ? 'col.campaign' : 'col.region'), align: 'right' },
      { label: sm(lang, 'col.published'), align: 'right' },
    );
    groups.push({ label: modalityLabel(m, lang), span: 2 });
  }
  const table =
    scope.modalities.length === 0
      ? null
      : ctx.table({
          title: sm(lang, 'tables.keyFigures'),
          columns,
          groups,
          rows: figures.map((f) => [
            f.label,
            ...scope.modalities.flatMap((m) => [
              formatValue(f.values[m]?.value, f.unit, lang),
              formatValue(f.values[m]?.published, f.unit, lang),
            ]),
          ]),
        });

  const readings = [];
  const ct = scope.benchmark.CT;
  const mr = scope.benchmark.MR;
  if (ct && mr) {
    const spread = {
      ctOcc: relativeSpread(ct.occupancyProgrammed),
      mrOcc: relativeSpread(mr.occupancyProgrammed),
      ctIcr: relativeSpread(ct.icrPerHour),
      mrIcr: relativeSpread(mr.icrPerHour),
    };
    const spread2010 = {
      ctOcc2010: relativeSpread(published('occupancyProgrammed', 'CT')),
      mrOcc2010: relativeSpread(published('occupancyProgrammed', 'MR')),
      ctIcr2010: relativeSpread(published('icrPerHour', 'CT')),
      mrIcr2010: relativeSpread(published('icrPerHour', 'MR')),
    };
    if (spread.ctOcc !== null && spread.mrOcc !== null) {
      const pct = (v: number | null): string => formatPercent(v, lang, 0);
      readings.push(
        paragraph(
          sm(lang, 'trends.dispersion', {
            ...Object.fromEntries(Object.entries(spread).map(([k, v]) => [k, pct(v)])),
            ...Object.fromEntries(Object.entries(spread2010).map(([k, v]) => [k, pct(v)])),
          }),
        ),
      );
      // 2010 published a wider spread of occupancy for CT than for MRI: say whether it holds.
      readings.push(
        paragraph(
          sm(
            lang,
            spread.ctOcc > spread.mrOcc ? 'trends.ctMoreDispersed' : 'trends.mrMoreDispersed',
          ),
        ),
      );
    }
    const ctDelay = scope.survey.CT?.byPatient.outpatient?.p50 ?? null;
    const mrDelay = scope.survey.MR?.byPatient.outpatient?.p50 ?? null;
    if (ctDelay !== null && mrDelay !== null) {
      readings.push(
        paragraph(
          sm(lang, mrDelay > ctDelay ? 'trends.appointments' : 'trends.appointmentsReverse', {
            ct: formatValue(ctDelay, 'days', lang),
            mr: formatValue(mrDelay, 'days', lang),
          }),
        ),
      );
    }
  }
  return chapter(ctx, {
    id: 'trends',
    title: sm(lang, 'trends.title'),
    body: joinHtml([paragraph(sm(lang, 'trends.text')), table, ...readings]),
  });
}
