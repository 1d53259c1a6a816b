/**
 * A machine's delays against its peers: report delays by patient type (minutes, log scale)
 * and realized appointment delays (calendar days from request to exam, non-urgent exams).
 */
import { OKABE_ITO, rangesOption } from '../../charts/index.ts';
import type { RangeRow } from '../../charts/index.ts';
import type { PatientType } from '../../core/indicators/types.ts';
import type { Quantiles } from '../../core/stats.ts';
import type { MachineComparison } from '../../core/views/index.ts';
import { formatDays, formatInteger, formatMinutes, patientLabel } from '../../i18n/index.ts';
import { chartFigure } from '../figures.ts';
import type { Html } from '../html.ts';
import { joinHtml, paragraph, table } from '../html.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';
import { rangeText } from './format.ts';

const REPORT_TYPES: readonly PatientType[] = ['outpatient', 'inpatient', 'emergency'];
const APPOINTMENT_TYPES = ['outpatient', 'inpatient'] as const;

const has = (q: Quantiles | undefined): q is Quantiles =>
  q !== undefined && q.n > 0 && q.p50 !== null;

/** The delays section body of one machine. */
export function delaysBody(ctx: FicheContext, machine: MachineComparison, figureId: string): Html {
  const { lang } = ctx;
  const peers = ctx.peersOf(machine).benchmark;
  const own = machine.indicators;
  const minutes = (v: number): string => formatMinutes(v, lang);
  const days = (v: number): string => formatDays(v, lang);
  const reportTypes = REPORT_TYPES.filter(
    (p) => has(own.reportDelayMinutes[p]) || has(peers?.reportDelayMinutes[p]),
  );
  const appointmentTypes = APPOINTMENT_TYPES.filter(
    (p) => has(own.appointmentDelayDays[p]) || has(peers?.appointmentDelayDays[p]),
  );
  const parts: (Html | null)[] = [];
  if (reportTypes.length > 0) {
    const thisMachine = rt(lang, 'site.series.thisMachine');
    const peerSeries = rt(lang, 'site.series.peerExams');
    const rows: RangeRow[] = reportTypes.flatMap((p) => [
      {
        label: patientLabel(p, lang),
        series: thisMachine,
        quantiles: own.reportDelayMinutes[p] ?? null,
      },
      {
        label: patientLabel(p, lang),
        series: peerSeries,
        quantiles: peers?.reportDelayMinutes[p] ?? null,
      },
    ]);
    if (reportTypes.some((p) => has(own.reportDelayMinutes[p]))) {
      parts.push(
        chartFigure({
          id: figureId,
          caption: rt(lang, 'site.delays.reportCaption', { machine: machineTitle(machine) }),
          option: rangesOption({
            title: rt(lang, 'site.delays.reportTitle'),
            rows,
            unit: 'min',
            lang,
            log: true,
            colors: { [thisMachine]: OKABE_ITO.vermillion, [peerSeries]: OKABE_ITO.blue },
          }),
          height: 90 + reportTypes.length * 46,
        }),
      );
    }
  }
  const tableRows: string[][] = [
    ...reportTypes.map((p) => [
      rt(lang, 'site.delays.reportRow', { patient: patientLabel(p, lang) }),
      formatInteger(own.reportDelayMinutes[p]?.n ?? 0, lang),
      rangeText(own.reportDelayMinutes[p], minutes),
      rangeText(peers?.reportDelayMinutes[p], minutes),
    ]),
    ...appointmentTypes.map((p) => [
      rt(lang, 'site.delays.appointmentRow', { patient: patientLabel(p, lang) }),
      formatInteger(own.appointmentDelayDays[p]?.n ?? 0, lang),
      rangeText(own.appointmentDelayDays[p], days),
      rangeText(peers?.appointmentDelayDays[p], days),
    ]),
  ];
  parts.push(
    tableRows.length > 0
      ? table({
          caption: rt(lang, 'site.delays.table'),
          columns: [
            { label: rt(lang, 'col.delay'), width: '34%' },
            { label: rt(lang, 'col.exams'), align: 'right' },
            { label: rt(lang, 'col.machineRange'), align: 'right' },
            { label: rt(lang, 'col.peerExamsRange'), align: 'right' },
          ],
          rows: tableRows,
        })
      : paragraph(rt(lang, 'site.delays.none')),
  );
  parts.push(paragraph(rt(lang, 'site.delays.reading'), 'muted'));
  return joinHtml(parts);
}
