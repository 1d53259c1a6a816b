import { describe, expect, it } from 'vitest';
import { bubbleData, bubbleOption, bubbleSize } from '../../src/charts/bubble.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { point } from './points.ts';

const points = [
  point('A', {
    programmedOpening: 47,
    occupancyProgrammed: 0.6,
    programmedPlusEmergencyOpening: 53,
    occupancyProgrammedPlusEmergency: 0.58,
    icrPerHour: 160,
    emergencyShare: 0.2,
  }),
  point('B', {
    programmedOpening: 60,
    occupancyProgrammed: 0.8,
    programmedPlusEmergencyOpening: 60,
    occupancyProgrammedPlusEmergency: 0.8,
    icrPerHour: 200,
    emergencyShare: 0,
  }),
  point(
    'C',
    { programmedOpening: 30, occupancyProgrammed: 0.1, icrPerHour: 50, emergencyShare: 0.9 },
    { occupancyIncluded: false },
  ),
  point('D', {
    programmedOpening: 40,
    occupancyProgrammed: null,
    icrPerHour: null,
    emergencyShare: null,
  }),
];

describe('bubbleData', () => {
  it('maps opening, occupancy, ICR/h and emergency share of the included machines', () => {
    expect(bubbleData(points, 'programmed')).toEqual([
      {
        equipmentId: 'A',
        name: 'Machine A — CH Test',
        opening: 47,
        occupancy: 0.6,
        icrPerHour: 160,
        emergencyShare: 0.2,
      },
      {
        equipmentId: 'B',
        name: 'Machine B — CH Test',
        opening: 60,
        occupancy: 0.8,
        icrPerHour: 200,
        emergencyShare: 0,
      },
    ]);
  });

  it('reads the programmed + emergency figures in that mode', () => {
    const data = bubbleData(points, 'programmedPlusEmergency');
    expect(data.map((d) => [d.equipmentId, d.opening, d.occupancy])).toEqual([
      ['A', 53, 0.58],
      ['B', 60, 0.8],
    ]);
  });
});

describe('bubbleSize', () => {
  it('grows with ICR/h, by area, up to the group’s largest', () => {
    expect(bubbleSize(200, 200)).toBe(34);
    expect(bubbleSize(50, 200)).toBe(19);
    expect(bubbleSize(null, 200)).toBe(4);
    expect(bubbleSize(0, 200)).toBe(4);
    expect(bubbleSize(100, 200)).toBeLessThan(bubbleSize(150, 200));
  });
});

describe('bubbleOption', () => {
  const option = bubbleOption({
    points,
    mode: 'programmed',
    lang: 'fr',
    medians: { opening: 47, occupancy: 0.606 },
  });
  const series = (
    option.series as {
      data: { id: string; value: number[] }[];
      symbolSize: (v: number[]) => number;
      markLine: { data: object[] };
    }[]
  )[0]!;

  it('puts [opening, occupancy, ICR/h, emergency share] in each item, with the machine id', () => {
    expect(series.data).toEqual([
      { id: 'A', name: 'Machine A — CH Test', value: [47, 0.6, 160, 0.2] },
      { id: 'B', name: 'Machine B — CH Test', value: [60, 0.8, 200, 0] },
    ]);
  });

  it('sizes by ICR/h and colours by emergency share', () => {
    expect(series.symbolSize([47, 0.6, 200, 0.2])).toBe(34);
    const visualMap = option.visualMap as { dimension: number; min: number; max: number };
    expect(visualMap.dimension).toBe(3);
    expect(visualMap.min).toBe(0);
    expect(visualMap.max).toBeGreaterThanOrEqual(0.2);
  });

  it('draws the medians as cross lines', () => {
    expect(series.markLine.data).toMatchObject([{ xAxis: 47 }, { yAxis: 0.606 }]);
  });

  it('renders to SVG', () => {
    expect(renderSvg(option, 640, 400)).toContain('<svg');
  });
});
