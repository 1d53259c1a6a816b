/**
 * The ranked improvement leads as horizontal bars: hours per week each would free, labelled
 * with the exams per week they stand for. A small option of its own: no screen shows it.
 */
import type { EChartsOption } from 'echarts';
import { baseOption, CATEGORY_AXIS_STYLE, VALUE_AXIS_STYLE } from '../../charts/common.ts';
import { INK, OKABE_ITO } from '../../charts/index.ts';
import type { RankedLead } from '../../core/views/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatNumber, leadLabel } from '../../i18n/index.ts';
import { rt } from '../messages/index.ts';
import { formatLeadHours } from './format.ts';

/** Bars of the measured leads, largest first (the order of `rankLeads`). */
export function leadsOption(leads: readonly RankedLead[], lang: Lang): EChartsOption {
  const measured = leads.filter((l) => l.hoursPerWeek !== null);
  const label = (l: RankedLead): string =>
    l.examsPerWeek === null
      ? formatLeadHours(l.hoursPerWeek, lang)
      : `${formatLeadHours(l.hoursPerWeek, lang)} ≈ ${rt(lang, 'site.leads.examsShort', { n: formatNumber(l.examsPerWeek, lang) })}`;
  return {
    ...baseOption(rt(lang, 'site.leads.aria')),
    grid: { left: 8, right: 170, top: 12, bottom: 36 },
    xAxis: {
      type: 'value',
      min: 0,
      name: rt(lang, 'site.leads.axis'),
      nameLocation: 'middle',
      nameGap: 24,
      ...VALUE_AXIS_STYLE,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: measured.map((l) => leadLabel(l.key, lang)),
      ...CATEGORY_AXIS_STYLE,
      axisLabel: { color: INK.text, width: 200, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: OKABE_ITO.orange },
        label: {
          show: true,
          position: 'right',
          color: INK.text,
          formatter: (p: { dataIndex: number }) => label(measured[p.dataIndex] as RankedLead),
        },
        data: measured.map((l) => l.hoursPerWeek),
      },
    ],
  } as EChartsOption;
}
