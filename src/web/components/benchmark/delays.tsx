/**
 * Exam durations by patient category (report, figures 11–12), appointment delays from the
 * survey and as realized (1–6), and report delays by patient type (7–8), each beside the 2010
 * published values.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { RangeRow } from '../../../charts/ranges.ts';
import { CATEGORY_COLORS, OKABE_ITO } from '../../../charts/palette.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { CATEGORIES, CLINICAL_CASES } from '../../../core/kit-types.ts';
import type { PatientType, PeerBenchmark, SurveySummary } from '../../../core/indicators/types.ts';
import {
  caseLabel,
  caseShortLabel,
  categoryLabel,
  modalityLabel,
  patientLabel,
} from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { published } from '../../lib/figures.ts';
import { RangesCard } from './ranges-card.tsx';

const PATIENTS: readonly PatientType[] = ['outpatient', 'inpatient', 'emergency'];
const REPORT_REFERENCE: Partial<Record<PatientType, string>> = {
  outpatient: 'reportDelayOutpatient',
  inpatient: 'reportDelayInpatient',
};
const APPOINTMENT_REFERENCE = {
  outpatient: 'appointmentDelayOutpatient',
  inpatient: 'appointmentDelayInpatient',
} as const;

interface Props {
  modality: Modality;
  benchmark: PeerBenchmark;
  survey: SurveySummary | undefined;
}

/** Durations, appointment delays (survey, by case, realized) and report delays of one modality. */
export function Delays({ modality, benchmark, survey }: Props): ReactNode {
  const t = useT();
  const lang = useLang();
  const context = modalityLabel(modality, lang);
  const pooled = t('chart.pooledExams');
  const medians = t('chart.machineMedians');
  const surveyName = t('chart.survey');
  const realized = t('chart.realized');

  const durations = useMemo(
    (): RangeRow[] =>
      CATEGORIES.filter(
        (c) => benchmark.durationMinutes[c] || benchmark.durationMedianMinutes[c],
      ).flatMap((c) => [
        {
          label: categoryLabel(c, lang),
          series: pooled,
          quantiles: benchmark.durationMinutes[c] ?? null,
          reference: published(`duration${c}`, modality),
        },
        {
          label: categoryLabel(c, lang),
          series: medians,
          quantiles: benchmark.durationMedianMinutes[c] ?? null,
        },
      ]),
    [benchmark, modality, lang, pooled, medians],
  );
  const reports = useMemo(
    (): RangeRow[] =>
      PATIENTS.filter(
        (p) => benchmark.reportDelayMinutes[p] || benchmark.reportDelayMedianMinutes[p],
      ).flatMap((p) => {
        const ref = REPORT_REFERENCE[p];
        return [
          {
            label: patientLabel(p, lang),
            series: pooled,
            quantiles: benchmark.reportDelayMinutes[p] ?? null,
            reference: ref ? published(ref, modality) : null,
          },
          {
            label: patientLabel(p, lang),
            series: medians,
            quantiles: benchmark.reportDelayMedianMinutes[p] ?? null,
          },
        ];
      }),
    [benchmark, modality, lang, pooled, medians],
  );
  const appointments = useMemo(
    (): RangeRow[] =>
      (['outpatient', 'inpatient'] as const).flatMap((p) => [
        {
          label: patientLabel(p, lang),
          series: surveyName,
          quantiles: survey?.byPatient[p] ?? null,
          reference: published(APPOINTMENT_REFERENCE[p], modality),
        },
        {
          label: patientLabel(p, lang),
          series: realized,
          quantiles: benchmark.appointmentDelayDays[p] ?? null,
        },
      ]),
    [benchmark, survey, modality, lang, surveyName, realized],
  );
  const cases = useMemo((): RangeRow[] => {
    const order = Object.keys(CLINICAL_CASES);
    const sorted = [...(survey?.byCase ?? [])].sort(
      (a, b) =>
        (a.patient === b.patient ? 0 : a.patient === 'outpatient' ? -1 : 1) ||
        order.indexOf(a.case) - order.indexOf(b.case),
    );
    return sorted.map((c) => ({
      label: caseShortLabel(c.case, lang),
      longLabel: caseLabel(c.case, lang),
      series: patientLabel(c.patient, lang),
      quantiles: c.days,
    }));
  }, [survey, lang]);
  const seriesColors = useMemo(
    () => ({
      [pooled]: OKABE_ITO.blue,
      [medians]: OKABE_ITO.orange,
      [surveyName]: OKABE_ITO.green,
      [realized]: OKABE_ITO.blue,
      [patientLabel('outpatient', lang)]: CATEGORY_COLORS.A,
      [patientLabel('inpatient', lang)]: CATEGORY_COLORS.H,
    }),
    [pooled, medians, surveyName, realized, lang],
  );
  const empty = t('card.noData');
  return (
    <>
      <RangesCard
        name={`durations-${modality}`}
        title={t('card.durations.title')}
        note={t('card.durations.note')}
        context={context}
        rows={durations}
        unit="min"
        colors={seriesColors}
        empty={empty}
      />
      <div className="grid grid-2">
        <RangesCard
          name={`appointment-delays-${modality}`}
          title={t('card.surveyPatient.title')}
          note={`${t('card.surveyPatient.note')} ${t('card.realizedDelays.note')}`}
          context={context}
          rows={appointments}
          unit="days"
          colors={seriesColors}
          empty={empty}
        />
        <RangesCard
          name={`report-delays-${modality}`}
          title={t('card.reportDelays.title')}
          note={t('card.reportDelays.note')}
          context={context}
          rows={reports}
          unit="min"
          log
          colors={seriesColors}
          empty={empty}
        />
      </div>
      <RangesCard
        name={`appointment-cases-${modality}`}
        title={t('card.surveyCases.title')}
        note={t('card.surveyCases.note')}
        context={context}
        rows={cases}
        unit="days"
        colors={seriesColors}
        empty={empty}
      />
    </>
  );
}
