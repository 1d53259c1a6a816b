// Types of scripts/build-boundaries.mjs, for the test that compares the committed files to it.
import type { GeoCollection, GeoInset } from '../src/charts/geo/index.ts';

export declare const ASPECT: number;
export declare const TOLERANCE: number;
export declare const MIN_AREA: number;
export declare const DECIMALS: number;
export declare const OUTPUT_DIR: string;
export declare function insetBoxes(): Pick<GeoInset, 'code' | 'region' | 'box' | 'labelAt'>[];
export declare function buildBoundaries(
  sources: { departments: unknown; regions: unknown },
  options?: { tolerance?: number; minArea?: number },
): { departments: GeoCollection; regions: GeoCollection; insets: GeoInset[] };
