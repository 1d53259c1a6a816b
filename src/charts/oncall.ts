/**
 * The on-call page's map: the territories' choropleth (territory-map.ts, its classes, insets and
 * the boundaries' attribution) coloured by PDS exams per week. The map module knows only its own
 * figures, so the option is built as a count figure and its names, tooltip and description are
 * replaced by the on-call ones.
 */
import type { EChartsOption } from 'echarts';
import { formatNumber, MISSING } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/translate.ts';
import { baseOption, escapeHtml } from './common.ts';
import type { MapBounds, TerritoryMapInset, TerritoryMapValue } from './territory-map.ts';
import { territoryMapOption } from './territory-map.ts';

export interface OncallMapInput {
  /** Every département of the boundaries, `value` = PDS exams per week (`null`: no site there). */
  values: readonly TerritoryMapValue[];
  /** The départements coloured (the page's département's region, or its region). */
  focus: readonly string[];
  bounds?: MapBounds;
  /** The département of a département's page, outlined. */
  highlight?: string;
  insets?: readonly TerritoryMapInset[];
  attribution: string;
  lang: Lang;
}

/** PDS exams per week as the map writes them ("12,5"). */
export function formatExamsPerWeek(value: number | null, lang: Lang): string {
  return value === null || !Number.isFinite(value) ? MISSING : formatNumber(value, lang, 1);
}

/** The map option: départements coloured by PDS exams per week, the attribution kept. */
export function oncallMapOption(input: OncallMapInput): EChartsOption {
  const { lang } = input;
  const name = t(lang, 'planning.web.oncall.map.series');
  const option = territoryMapOption({
    level: 'department',
    // A count per week: classes and numbers read like exams per 1,000 (no unit, one decimal under 10).
    figure: 'examsPer1000',
    modality: 'CT',
    values: input.values,
    lang,
    ...(input.insets ? { insets: input.insets } : {}),
    attribution: input.attribution,
    focus: { codes: input.focus, ...(input.bounds ? { bounds: input.bounds } : {}) },
    ...(input.highlight !== undefined ? { highlight: input.highlight } : {}),
  }) as EChartsOption & { series: object[] };
  const focus = new Set(input.focus);
  const byCode = new Map(input.values.map((v) => [v.code, v]));
  const [map, ...others] = option.series;
  return {
    ...option,
    aria: baseOption(t(lang, 'planning.web.oncall.map.aria')).aria,
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { seriesType?: string; name?: string };
        if (item.seriesType !== 'map' || item.name === undefined) return '';
        const v = byCode.get(item.name);
        if (!v || !focus.has(v.code)) return '';
        return `<b>${escapeHtml(v.name)}</b> (${escapeHtml(v.code)})<br>${escapeHtml(name)}<br><b>${escapeHtml(formatExamsPerWeek(v.value, lang))}</b>`;
      },
    },
    series: [{ ...map, name }, ...others],
  } as EChartsOption;
}
