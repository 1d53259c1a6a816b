/**
 * The improvement leads of a machine, ranked by the hours per week they would free
 * (`rankLeads`), each also in exams per week at the machine's median exam duration.
 */
import type { MachineComparison } from '../../core/views/index.ts';
import { rankLeads } from '../../core/views/index.ts';
import { formatInteger, formatMinutes, formatNumber, leadLabel, t } from '../../i18n/index.ts';
import { MISSING } from '../../i18n/index.ts';
import { chartFigure } from '../figures.ts';
import type { Html } from '../html.ts';
import { joinHtml, list, note, paragraph, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';
import { formatLeadHours } from './format.ts';
import { leadsOption } from './leads-chart.ts';

/** The leads section body of one machine. */
export function leadsBody(ctx: FicheContext, machine: MachineComparison, figureId: string): Html {
  const { lang } = ctx;
  const ranking = rankLeads(
    machine.indicators,
    ctx.index.data.samples.get(machine.point.equipmentId),
  );
  const measured = ranking.leads.filter((l) => l.hoursPerWeek !== null);
  if (measured.length === 0) return paragraph(rt(lang, 'site.leads.none'));
  const basis =
    ranking.medianExamMinutes === null
      ? rt(lang, 'site.leads.noDuration')
      : rt(
          lang,
          ranking.durationBasis === 'pooled-exams'
            ? 'site.leads.basisPooled'
            : 'site.leads.basisCategories',
          {
            minutes: formatMinutes(ranking.medianExamMinutes, lang),
          },
        );
  const explain = measured.map((l) =>
    t(lang, `lead.${l.key}.explain`, {
      n: l.n,
      p50: formatMinutes(l.median, lang),
      p80: formatMinutes(l.p80, lang),
      hours: formatLeadHours(l.hoursPerWeek, lang),
    }),
  );
  return joinHtml([
    paragraph(rt(lang, 'site.leads.intro')),
    table({
      caption: rt(lang, 'site.leads.table', { machine: machineTitle(machine) }),
      className: 'leads',
      columns: [
        { label: '#', align: 'right', width: '4%' },
        { label: rt(lang, 'col.lead'), width: '30%' },
        { label: rt(lang, 'col.n'), align: 'right' },
        { label: rt(lang, 'col.median'), align: 'right' },
        { label: 'P80', align: 'right' },
        { label: rt(lang, 'col.hoursPerWeek'), align: 'right' },
        { label: rt(lang, 'col.examsPerWeek'), align: 'right' },
      ],
      rows: ranking.leads.map((l, i) => [
        l.hoursPerWeek === null ? MISSING : formatInteger(i + 1, lang),
        leadLabel(l.key, lang),
        formatInteger(l.n, lang),
        formatMinutes(l.median, lang),
        formatMinutes(l.p80, lang),
        formatLeadHours(l.hoursPerWeek, lang),
        l.examsPerWeek === null ? MISSING : formatNumber(l.examsPerWeek, lang),
      ]),
    }),
    chartFigure({
      id: figureId,
      caption: rt(lang, 'site.leads.caption', { machine: machineTitle(machine) }),
      option: leadsOption(ranking.leads, lang),
      height: 60 + measured.length * 38,
    }),
    paragraph(basis),
    list(explain),
    note(rt(lang, 'site.leads.caveat')),
  ]);
}
