/**
 * One ECharts chart on a canvas, drawn when it scrolls into view (a campaign page holds dozens),
 * resized with its box, labelled for screen readers, with PNG (canvas, pixel ratio 2) and SVG
 * (the same option through ECharts' server-side SVG renderer) exports.
 */
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { renderSvg } from '../../charts/render-svg.ts';
import { useT } from '../lib/i18n.tsx';
import { fileStem, saveBlob, saveDataUrl } from '../lib/download.ts';
import { echarts } from '../lib/echarts.ts';

type EChartsInstance = ReturnType<typeof echarts.init>;

export interface ChartProps {
  /** Stable name: `data-testid="chart-<name>"` and the export file's stem. */
  name: string;
  /** What the chart shows (export button labels, file names). */
  title: string;
  option: EChartsOption;
  /** Height in pixels. */
  height?: number;
  /** Called with a data item's `id`, or a bar's category (an equipment id), when it is clicked. */
  onItemClick?: (id: string) => void;
}

/** The ARIA description builders put into the option. */
function descriptionOf(option: EChartsOption): string {
  const aria = option.aria as { label?: { description?: string } } | undefined;
  return aria?.label?.description ?? '';
}

/** PNG of an option drawn off screen (when the chart itself has not been drawn yet). */
function offscreenPng(option: EChartsOption, width: number, height: number): string {
  const box = document.createElement('div');
  box.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`;
  document.body.append(box);
  const chart = echarts.init(box, null, { renderer: 'canvas', width, height });
  try {
    chart.setOption(option);
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    box.remove();
  }
}

/** A chart with its export buttons. */
export function Chart({ name, title, option, height = 320, onItemClick }: ChartProps): ReactNode {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!visible || !el) return;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [visible]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    try {
      instance.setOption(option, { notMerge: true });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [option, visible]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return;
    const handler = (params: {
      data?: unknown;
      name?: string;
      componentSubType?: string;
    }): void => {
      // Bubbles carry the machine's id; bars of a category axis are named after it.
      const id =
        (params.data as { id?: unknown } | null | undefined)?.id ??
        (params.componentSubType === 'bar' ? params.name : undefined);
      if (typeof id === 'string') onItemClick(id);
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onItemClick, visible]);

  const size = (): { width: number; height: number } => ({
    width: Math.max(320, box.current?.clientWidth ?? 800),
    height,
  });
  const exportPng = (): void => {
    const { width } = size();
    const url = chart.current
      ? chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })
      : offscreenPng(option, width, height);
    saveDataUrl(url, `${fileStem(title)}.png`);
  };
  const exportSvg = (): void => {
    const { width } = size();
    saveBlob(
      new Blob([renderSvg(option, width, height)], { type: 'image/svg+xml' }),
      `${fileStem(title)}.svg`,
    );
  };

  return (
    <figure className="chart">
      <div
        ref={box}
        className="chart-box"
        style={{ height }}
        role="img"
        aria-label={descriptionOf(option) || title}
        data-testid={`chart-${name}`}
      />
      {error && (
        <p className="state-error small" role="alert">
          {t('error.chart', { message: error })}
        </p>
      )}
      <div className="export" role="group" aria-label={t('export.label')}>
        <button
          type="button"
          className="button button-small"
          onClick={exportPng}
          aria-label={t('export.chartAria', { name: title, format: 'PNG' })}
        >
          {t('export.png')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={exportSvg}
          aria-label={t('export.chartAria', { name: title, format: 'SVG' })}
        >
          {t('export.svg')}
        </button>
      </div>
    </figure>
  );
}
