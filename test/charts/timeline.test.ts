import { describe, expect, it } from 'vitest';
import type { CustomSeriesRenderItem } from 'echarts';
import { heatmapData, heatmapOption } from '../../src/charts/heatmap.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { timelineGroups, timelineOption, timelineSpans } from '../../src/charts/timeline.ts';
import { CATEGORY_COLORS, SESSION_COLORS } from '../../src/charts/palette.ts';
import type { HeatmapView } from '../../src/core/views/types.ts';
import { week } from './points.ts';

describe('timelineGroups', () => {
  it('groups the week’s spans by session type and exam category as [day, start, end], short exams apart', () => {
    expect(timelineGroups(week())).toEqual({
      sessions: [
        {
          type: 'PUBLIC_SCHEDULED',
          spans: [
            [0, 480, 780],
            [1, 480, 780],
          ],
        },
        { type: 'ON_CALL', spans: [[0, 1200, 1440]] },
      ],
      exams: [
        { category: 'A', spans: [[0, 500, 520]] },
        { category: 'H', spans: [[1, 700, 760]] },
        { category: 'U', spans: [[0, 530, 545]] },
      ],
      shortExams: [[0, 600, 602]],
    });
  });
});

describe('timelineSpans', () => {
  it('lists sessions and exams together in time order: day, start, session first', () => {
    const w = week();
    // The API lists a day's sessions then its exams; an exam starting with its session, and
    // one on Tuesday listed first, show the order does not come from the input.
    w.days[0]!.exams.push({ category: 'H', startMinute: 480, endMinute: 490, short: false });
    w.days[1]!.exams.unshift({ category: 'A', startMinute: 300, endMinute: 320, short: false });
    expect(
      timelineSpans(w).map((s) => [
        s.date.slice(8),
        s.kind,
        s.kind === 'session' ? s.type : s.category,
        s.startMinute,
      ]),
    ).toEqual([
      ['01', 'session', 'PUBLIC_SCHEDULED', 480],
      ['01', 'exam', 'H', 480],
      ['01', 'exam', 'A', 500],
      ['01', 'exam', 'U', 530],
      ['01', 'exam', 'A', 600],
      ['01', 'session', 'ON_CALL', 1200],
      ['02', 'exam', 'A', 300],
      ['02', 'session', 'PUBLIC_SCHEDULED', 480],
      ['02', 'exam', 'H', 700],
    ]);
    const short = timelineSpans(w).find((s) => s.kind === 'exam' && s.short);
    expect(short).toMatchObject({ day: 0, startMinute: 600, endMinute: 602 });
  });
});

describe('timelineOption', () => {
  const option = timelineOption({ timeline: week(), lang: 'fr' });
  const series = option.series as {
    name: string;
    z: number;
    itemStyle: { color: string };
    data: number[][];
    renderItem: CustomSeriesRenderItem;
  }[];

  it('draws sessions below exams, coloured by type and category', () => {
    expect(series.map((s) => s.name)).toEqual([
      'Vacation publique programmée',
      'Permanence des soins',
      'Ambulatoire (A)',
      'Hospitalisé (H)',
      'Urgences du SU (U)',
      'Examen court (< 3 min)',
    ]);
    expect(series.map((s) => s.z)).toEqual([1, 1, 2, 2, 2, 3]);
    expect(series[0]!.itemStyle.color).toBe(SESSION_COLORS.PUBLIC_SCHEDULED);
    expect(series[4]!.itemStyle.color).toBe(CATEGORY_COLORS.U);
  });

  it('has one row per day, Monday first, over a 0–24 h axis', () => {
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual([
      'lun. 1er mars',
      'mar. 2 mars',
      'mer. 3 mars',
      'jeu. 4 mars',
      'ven. 5 mars',
      'sam. 6 mars',
      'dim. 7 mars',
    ]);
    expect(option.xAxis).toMatchObject({ min: 0, max: 1440, interval: 120 });
  });

  it('renders a span as a rectangle from its start to its end inside its day’s row', () => {
    // A fake coordinate system: x = minutes / 2 + 50, rows 40 px high from y = 10.
    const api = {
      value: (i: number) => [0, 500, 520][i]!,
      coord: ([x, row]: [number, number]) => [50 + x / 2, 30 + row * 40],
      size: () => [0, 40],
    };
    const params = { coordSys: { x: 50, y: 10, width: 720, height: 280 } };
    const exam = series[2]!.renderItem(params as never, api as never) as {
      shape: { x: number; y: number; width: number; height: number };
    };
    expect(exam.shape).toEqual({ x: 300, y: 30 - (40 * 0.46) / 2, width: 10, height: 40 * 0.46 });
    const session = series[0]!.renderItem(
      params as never,
      { ...api, value: (i: number) => [0, 1200, 1500][i]! } as never,
    ) as { shape: { x: number; width: number } };
    expect(session.shape.x).toBe(650);
    expect(session.shape.x + session.shape.width).toBe(770);
  });

  it('renders to SVG', () => {
    expect(renderSvg(option, 900, 360)).toContain('<svg');
  });
});

describe('heatmap', () => {
  const view: HeatmapView = {
    equipmentId: 'EQ1',
    cells: Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 24 }, (_, h) => (d === 0 && h === 9 ? 3.5 : 0)),
    ),
    daysPerWeekday: [4, 4, 4, 4, 4, 4, 4],
    max: 3.5,
  };

  it('gives one [hour, weekday, mean] cell per hour of each weekday', () => {
    const data = heatmapData(view);
    expect(data).toHaveLength(168);
    expect(data).toContainEqual([9, 0, 3.5]);
    expect(data.filter((d) => d[2] > 0)).toEqual([[9, 0, 3.5]]);
  });

  it('scales colours from 0 to the maximum, Monday on top', () => {
    const option = heatmapOption({ heatmap: view, lang: 'en' });
    expect(option.visualMap).toMatchObject({ min: 0, max: 3.5 });
    expect((option.yAxis as { data: string[] }).data[0]).toBe('Mon');
    expect(renderSvg(option, 700, 300)).toContain('<svg');
  });
});
