// The territory map's layout with the shipped boundaries, drawn (ECharts' server-side renderer) at
// the sizes the screens and the PDF use: the attribution always under the overseas inset frames
// (and, on a phone, under the legend, itself under the map), never over them.
import * as echarts from 'echarts/core';
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, GEO_ATTRIBUTION, INSETS } from '../../src/charts/geo/index.ts';
import { registerMapOnce } from '../../src/charts/render-svg.ts';
import type { TerritoryMapInput } from '../../src/charts/territory-map.ts';
import {
  boundsOf,
  TERRITORY_MAP_NAMES,
  territoryMapClasses,
  territoryMapHeight,
  territoryMapOption,
} from '../../src/charts/territory-map.ts';

registerMapOnce(TERRITORY_MAP_NAMES.department, DEPARTMENTS);

/** Every département with a value spread over 6 classes (8…20 per million), one without. */
const values = DEPARTMENTS.features.map((f, i) => ({
  code: f.properties.code,
  name: f.properties.code,
  value: f.properties.code === '976' ? null : 8 + ((i * 7) % 12),
}));
const ROWS =
  territoryMapClasses(
    values.map((v) => v.value),
    'unitsPerMillion',
    'fr',
  ).length + 1;

const input = (over: Partial<TerritoryMapInput> = {}): TerritoryMapInput => ({
  level: 'department',
  figure: 'unitsPerMillion',
  modality: 'CT',
  lang: 'fr',
  values,
  insets: INSETS,
  attribution: GEO_ATTRIBUTION,
  ...over,
});

interface Box {
  top: number;
  bottom: number;
}

/** What is drawn where (px, y down) at `width` × `height`. */
function layout(
  option: ReturnType<typeof territoryMapOption>,
  width: number,
  height: number,
  insets: readonly (typeof INSETS)[number][],
): { frames: Box; credit: Box; legend: Box | null } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    const ys = insets.flatMap((inset) => {
      const [west, south, east, north] = inset.box;
      return [
        (chart.convertToPixel({ geoIndex: 0 }, [west, south]) as number[])[1]!,
        (chart.convertToPixel({ geoIndex: 0 }, [east, north]) as number[])[1]!,
      ];
    });
    // The texts drawn: each line of a text is its own element, with its box and transform.
    type Drawn = {
      style?: { text?: string };
      getBoundingRect: () => { clone: () => Rect };
      getComputedTransform: () => number[] | null;
    };
    type Rect = { y: number; height: number; applyTransform: (m: number[]) => void };
    const drawn = (chart.getZr().storage.getDisplayList(true) as unknown as Drawn[]).flatMap(
      (el) => {
        const text = el.style?.text;
        if (typeof text !== 'string' || text.trim() === '') return [];
        const rect = el.getBoundingRect().clone();
        const m = el.getComputedTransform();
        if (m) rect.applyTransform(m);
        return [{ text, top: rect.y, bottom: rect.y + rect.height }];
      },
    );
    const span = (items: { top: number; bottom: number }[]): Box | null =>
      items.length === 0
        ? null
        : {
            top: Math.min(...items.map((i) => i.top)),
            bottom: Math.max(...items.map((i) => i.bottom)),
          };
    const credit = span(
      drawn.filter((d) => d.text.length > 8 && GEO_ATTRIBUTION.includes(d.text.replace(/^© /, ''))),
    );
    const legend = span(
      drawn.filter((d) => d.text === 'Pas de donnée' || /^\d+–\d+$/.test(d.text)),
    );
    expect(credit, 'the attribution is drawn').not.toBeNull();
    return {
      frames: { top: Math.min(...ys), bottom: Math.max(...ys) },
      credit: credit!,
      legend,
    };
  } finally {
    chart.dispose();
  }
}

describe('the territory map’s layout', () => {
  it('keeps the attribution under the inset frames at the screens’ and the PDF’s sizes', () => {
    // Desktop (the map beside its ranking, or alone from 600 to 1100 px), 500–600 px screens,
    // and the PDF's text column.
    for (const width of [430, 460, 520, 590, 680, 800, 1040, 1240]) {
      const { frames, credit } = layout(territoryMapOption(input()), width, 600, INSETS);
      expect(frames.top, `${width} px`).toBeGreaterThanOrEqual(0);
      expect(credit.top - frames.bottom, `${width} px`).toBeGreaterThanOrEqual(4);
      expect(credit.bottom, `${width} px`).toBeLessThanOrEqual(600);
    }
  });

  it('puts the legend between the map and the attribution on a phone', () => {
    for (const width of [280, 320, 340, 380, 440]) {
      const height = territoryMapHeight({
        narrow: true,
        width,
        rows: ROWS,
        attribution: GEO_ATTRIBUTION,
      });
      const { frames, credit, legend } = layout(territoryMapOption(input()), width, height, INSETS);
      expect(legend, `${width} px`).not.toBeNull();
      expect(frames.top, `${width} px`).toBeGreaterThanOrEqual(0);
      expect(legend!.top - frames.bottom, `${width} px`).toBeGreaterThanOrEqual(4);
      expect(credit.top - legend!.bottom, `${width} px`).toBeGreaterThanOrEqual(4);
      expect(credit.bottom, `${width} px`).toBeLessThanOrEqual(height);
      // The map takes most of the phone's chart: its height about its width.
      expect(frames.bottom - frames.top, `${width} px`).toBeGreaterThan(width * 0.15);
    }
  });

  it('keeps a zoomed overseas département’s frame over the attribution (a region’s map)', () => {
    const codes = ['971'];
    const bounds = boundsOf(DEPARTMENTS, codes, 0.04)!;
    const option = territoryMapOption(input({ focus: { codes, bounds } }));
    const guadeloupe = INSETS.filter((i) => i.code === '971');
    for (const [width, height] of [
      [680, 320],
      [680, 470],
      [590, 420],
      [340, 548],
    ] as const) {
      const { frames, credit } = layout(option, width, height, guadeloupe);
      expect(credit.top - frames.bottom, `${width}×${height}`).toBeGreaterThanOrEqual(4);
    }
  });
});
