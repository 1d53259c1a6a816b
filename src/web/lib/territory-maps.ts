/**
 * The boundaries of the territories' maps, loaded on first use: a chunk of their own (the
 * GeoJSON is most of the territories screens' weight), registered with ECharts once, so the
 * other screens never download them.
 */
import { useEffect, useState } from 'react';
import type * as Geo from '../../charts/geo/index.ts';
import { registerMapOnce } from '../../charts/render-svg.ts';
import { TERRITORY_MAP_NAMES } from '../../charts/territory-map.ts';
import './echarts.ts';

/** What the screens need of the boundaries module. */
export type TerritoryBoundaries = typeof Geo;

let loading: Promise<TerritoryBoundaries> | null = null;

/** Loads and registers the boundaries (once; later calls share the first load). */
export function loadTerritoryBoundaries(): Promise<TerritoryBoundaries> {
  loading ??= import('../../charts/geo/index.ts').then((geo) => {
    registerMapOnce(TERRITORY_MAP_NAMES.region, geo.REGIONS);
    registerMapOnce(TERRITORY_MAP_NAMES.department, geo.DEPARTMENTS);
    return geo;
  });
  loading.catch(() => {
    // A failed download (offline) is retried on the next screen that asks.
    loading = null;
  });
  return loading;
}

/** The state of the boundaries for a component: `null` while they load. */
export function useTerritoryBoundaries(): {
  boundaries: TerritoryBoundaries | null;
  error: string | null;
} {
  const [boundaries, setBoundaries] = useState<TerritoryBoundaries | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadTerritoryBoundaries().then(
      (geo) => live && setBoundaries(geo),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { boundaries, error };
}
