/**
 * A machine's week, one row per local day: sessions as pale bands coloured by type, exams as
 * solid blocks coloured by patient category, short exams (< 3 min) in black. Late starts,
 * early ends and gaps between exams show as empty stretches inside a band.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Category, SessionType } from '../core/kit-types.ts';
import { CATEGORIES, SESSION_TYPES } from '../core/kit-types.ts';
import type { TimelineView } from '../core/views/types.ts';
import { formatClock, formatDate, formatMinutes } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { categoryLabel, sessionTypeLabel } from '../i18n/labels.ts';
import { t } from '../i18n/translate.ts';
import {
  baseOption,
  CATEGORY_AXIS_STYLE,
  escapeHtml,
  tooltipLine,
  VALUE_AXIS_STYLE,
} from './common.ts';
import { CATEGORY_COLORS, INK, OKABE_ITO, SESSION_COLORS } from './palette.ts';

/** A span of the chart: `[dayIndex, startMinute, endMinute]`. */
export type SpanDatum = [number, number, number];

/** The week's spans grouped the way the chart draws them (one series per group). */
export interface TimelineGroups {
  sessions: { type: SessionType; spans: SpanDatum[] }[];
  exams: { category: Category; spans: SpanDatum[] }[];
  shortExams: SpanDatum[];
}

/**
 * Groups the week's spans by session type and by exam category (types and categories in the
 * kit's order, absent ones left out); short exams form their own group.
 */
export function timelineGroups(timeline: TimelineView): TimelineGroups {
  const sessions = new Map<SessionType, SpanDatum[]>();
  const exams = new Map<Category, SpanDatum[]>();
  const shortExams: SpanDatum[] = [];
  timeline.days.forEach((day, d) => {
    for (const s of day.sessions) {
      const list = sessions.get(s.type) ?? [];
      list.push([d, s.startMinute, s.endMinute]);
      sessions.set(s.type, list);
    }
    for (const e of day.exams) {
      if (e.short) {
        shortExams.push([d, e.startMinute, e.endMinute]);
        continue;
      }
      const list = exams.get(e.category) ?? [];
      list.push([d, e.startMinute, e.endMinute]);
      exams.set(e.category, list);
    }
  });
  return {
    sessions: SESSION_TYPES.filter((type) => sessions.has(type)).map((type) => ({
      type,
      spans: sessions.get(type) ?? [],
    })),
    exams: CATEGORIES.filter((c) => exams.has(c)).map((category) => ({
      category,
      spans: exams.get(category) ?? [],
    })),
    shortExams,
  };
}

/** One span of the week for the chart's data table: a session or an exam of a day. */
export type TimelineSpan = {
  /** Index of the day in the week (0 = the week's first day). */
  day: number;
  /** Local date `YYYY-MM-DD`. */
  date: string;
  startMinute: number;
  endMinute: number;
} & ({ kind: 'session'; type: SessionType } | { kind: 'exam'; category: Category; short: boolean });

/**
 * Every span of the week in time order, sessions and exams together: by day, then start; a
 * session before the exams that start with it; then the shorter span first.
 *
 * @example
 * timelineSpans(week).map((s) => s.kind); // ['session', 'exam', 'exam', …]
 */
export function timelineSpans(timeline: TimelineView): TimelineSpan[] {
  const spans: TimelineSpan[] = [];
  timeline.days.forEach((d, day) => {
    for (const s of d.sessions) spans.push({ day, date: d.date, kind: 'session', ...s });
    for (const e of d.exams) spans.push({ day, date: d.date, kind: 'exam', ...e });
  });
  const rank = (s: TimelineSpan): number => (s.kind === 'session' ? 0 : 1);
  return spans.sort(
    (a, b) =>
      a.day - b.day ||
      a.startMinute - b.startMinute ||
      rank(a) - rank(b) ||
      a.endMinute - b.endMinute,
  );
}

/** A renderer drawing `[day, start, end]` spans as rectangles filling `share` of the row's height. */
function spanRenderer(
  share: number,
  color: string,
  pale: boolean,
  minWidth: number,
): CustomSeriesRenderItem {
  return (params, api) => {
    const day = Number(api.value(0));
    const [x0 = 0, yMid = 0] = api.coord([api.value(1), day]);
    const [x1 = 0] = api.coord([api.value(2), day]);
    const band = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 24;
    const height = band * share;
    const sys = params.coordSys as unknown as { x: number; width: number };
    const left = Math.max(x0, sys.x);
    const right = Math.min(Math.max(x1, x0 + minWidth), sys.x + sys.width);
    if (right <= left) return null;
    return {
      type: 'rect',
      shape: { x: left, y: yMid - height / 2, width: right - left, height },
      style: pale
        ? { fill: color, opacity: 0.28, stroke: color, lineWidth: 1 }
        : { fill: color, opacity: 0.95 },
    };
  };
}

export interface TimelineInput {
  timeline: TimelineView;
  lang: Lang;
}

/**
 * The week timeline option: y rows are the seven days (Monday of the week first), x runs over
 * the local day in minutes (0–1440). Session series come first (drawn below), then exams.
 */
export function timelineOption(input: TimelineInput): EChartsOption {
  const { lang, timeline } = input;
  const groups = timelineGroups(timeline);
  const spanTip = (name: string, color: string) => (p: unknown) => {
    const v = (p as { value?: number[] }).value ?? [];
    const [day = 0, start = 0, end = 0] = v;
    const date = timeline.days[day]?.date ?? '';
    return `<b>${escapeHtml(formatDate(date, lang, 'weekday'))}</b><br>${tooltipLine(color, name, `${formatClock(start)}–${formatClock(end)} (${formatMinutes(end - start, lang)})`, lang)}`;
  };
  const series: object[] = [];
  for (const g of groups.sessions) {
    const color = SESSION_COLORS[g.type];
    const name = sessionTypeLabel(g.type, lang);
    series.push({
      type: 'custom',
      name,
      z: 1,
      itemStyle: { color },
      renderItem: spanRenderer(0.86, color, true, 1),
      encode: { x: [1, 2], y: 0 },
      tooltip: { formatter: spanTip(name, color) },
      data: g.spans,
    });
  }
  for (const g of groups.exams) {
    const color = CATEGORY_COLORS[g.category];
    const name = categoryLabel(g.category, lang);
    series.push({
      type: 'custom',
      name,
      z: 2,
      itemStyle: { color },
      renderItem: spanRenderer(0.46, color, false, 1.5),
      encode: { x: [1, 2], y: 0 },
      tooltip: { formatter: spanTip(name, color) },
      data: g.spans,
    });
  }
  if (groups.shortExams.length > 0) {
    const name = t(lang, 'chart.shortExam');
    series.push({
      type: 'custom',
      name,
      z: 3,
      itemStyle: { color: OKABE_ITO.black },
      renderItem: spanRenderer(0.62, OKABE_ITO.black, false, 1.5),
      encode: { x: [1, 2], y: 0 },
      tooltip: { formatter: spanTip(name, OKABE_ITO.black) },
      data: groups.shortExams,
    });
  }
  return {
    ...baseOption(t(lang, 'chart.ariaTimeline', { date: formatDate(timeline.week.start, lang) })),
    grid: { left: 8, right: 16, top: 64, bottom: 36, containLabel: true },
    legend: {
      top: 0,
      left: 'center',
      type: 'plain',
      textStyle: { color: INK.text, fontSize: 11 },
      itemWidth: 12,
      itemHeight: 10,
    },
    tooltip: { ...baseOption('').tooltip, trigger: 'item' },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1440,
      interval: 120,
      name: t(lang, 'chart.hour'),
      nameLocation: 'middle',
      nameGap: 24,
      ...VALUE_AXIS_STYLE,
      axisLabel: { ...VALUE_AXIS_STYLE.axisLabel, formatter: (v: number) => formatClock(v) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: timeline.days.map((d) => formatDate(d.date, lang, 'weekday')),
      ...CATEGORY_AXIS_STYLE,
      splitLine: { show: true, lineStyle: { color: INK.grid } },
    },
    // On a phone the legend takes several rows and the hours need more room each.
    media: [
      {
        query: { maxWidth: 560 },
        option: { grid: { top: 100 }, xAxis: { interval: 360 } },
      },
    ],
    series,
  } as EChartsOption;
}
