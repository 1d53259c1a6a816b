import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { sharesOption } from '../../src/charts/shares.ts';

describe('sharesOption', () => {
  const option = sharesOption({
    lang: 'fr',
    rows: [
      { label: 'Nuit forte', value: 0.064, reference: [0.05, 0.1] },
      { label: 'Nuit faible', value: 0.666, reference: 2 / 3 },
      { label: 'PDS significative', value: null, reference: null },
    ],
  });
  const [bars, refs] = option.series as { data: unknown[] }[];

  it('draws each share as a bar and the 2010 share (or range) as [low, row, high]', () => {
    expect(bars!.data.map((d) => (d as { value: number | null }).value)).toEqual([
      0.064,
      0.666,
      null,
    ]);
    expect(refs!.data).toEqual([
      [0.05, 0, 0.1],
      [2 / 3, 1, 2 / 3],
    ]);
  });

  it('writes the shares in a column of their own, apart from the bars and the category labels', () => {
    const [categories, values] = option.yAxis as { data: string[]; position?: string }[];
    expect(categories!.data).toEqual(['Nuit forte', 'Nuit faible', 'PDS significative']);
    expect(values!.position).toBe('right');
    expect(values!.data).toEqual(['6,4\u202f%', '66,6\u202f%', '—']);
    const svg = renderSvg(option, 400, 220);
    expect(svg).toContain('6,4\u202f%');
    expect(svg).toContain('Nuit faible');
  });
});
