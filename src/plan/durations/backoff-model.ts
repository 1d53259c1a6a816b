/**
 * Room duration predicted by the median (and P80) of the exams of the finest group that has
 * enough of them: the groups are tried from fine (machine × family × category …) to coarse
 * (modality), first asking ≥ 30 exams, then ≥ 10, then taking the largest non-empty group.
 * A group keyed on a feature the exam does not know (no act family, no age band) is skipped.
 * The median minimises the absolute error; type-7 quantiles as everywhere in plateau.
 */
import { quantileSorted } from '../../core/stats.ts';
import type { DurationRow } from './duration-rows.ts';

/** What a group can be keyed on. */
export type DurationFeature =
  'machine' | 'modality' | 'family' | 'category' | 'ageBand' | 'hourBand';

/** The features of an exam the model reads (a `DurationRow` has them all). */
export type DurationQuery = Pick<DurationRow, DurationFeature>;

/** A back-off ladder: levels from the finest to the coarsest. */
export interface BackoffVariant {
  id: string;
  levels: readonly (readonly DurationFeature[])[];
}

const BASE: readonly (readonly DurationFeature[])[] = [
  ['machine', 'family', 'category'],
  ['machine', 'family'],
  ['machine', 'category'],
  ['machine'],
  ['modality', 'family', 'category'],
  ['modality', 'family'],
  ['modality'],
];

/**
 * The ladders tried: `plain` (machine, act family, category), `age` (age band first), and
 * `age-hour` (age band and hour band first). The report keeps the one that predicts best on
 * a week it was not fitted on.
 */
export const BACKOFF_VARIANTS: readonly BackoffVariant[] = [
  { id: 'plain', levels: BASE },
  { id: 'age', levels: [['machine', 'family', 'category', 'ageBand'], ...BASE] },
  {
    id: 'age-hour',
    levels: [
      ['machine', 'family', 'category', 'ageBand', 'hourBand'],
      ['machine', 'family', 'category', 'ageBand'],
      ['machine', 'family', 'category', 'hourBand'],
      ...BASE,
    ],
  },
];

/** Minimum group sizes tried in turn (planning.md §3: ≥ 30, as for bootstrap by family). */
export const DEFAULT_MIN_SIZES: readonly number[] = [30, 10];

/** A prediction: median and P80 of the group that answered, its level and size. */
export interface DurationPrediction {
  median: number;
  p80: number;
  /** Features of the group, e.g. `machine×family×category`. */
  level: string;
  exams: number;
}

/** A group's durations; its quantiles are computed when first asked (most groups never are). */
interface Group {
  values: number[];
  median: number;
  p80: number;
}

/** The name of a level, e.g. `machine×family×category`. */
export function levelName(features: readonly DurationFeature[]): string {
  return features.join('×');
}

/** Key of a query at a level; null when the query lacks one of its features. */
function keyOf(q: DurationQuery, features: readonly DurationFeature[]): string | null {
  let key = '';
  for (const f of features) {
    const v = q[f];
    if (v === null) return null;
    key += v + '\u0001';
  }
  return key;
}

/**
 * A back-off median model fitted on rows.
 *
 * @example
 * const model = BackoffModel.fit(rows, BACKOFF_VARIANTS[0]);
 * model.predict(row); // { median: 14, p80: 19, level: 'machine×family×category', exams: 212 }
 */
export class BackoffModel {
  readonly variant: BackoffVariant;
  readonly minSizes: readonly number[];
  readonly #levels: {
    name: string;
    features: readonly DurationFeature[];
    groups: Map<string, Group>;
  }[];

  private constructor(variant: BackoffVariant, minSizes: readonly number[]) {
    this.variant = variant;
    this.minSizes = minSizes;
    this.#levels = variant.levels.map((features) => ({
      name: levelName(features),
      features,
      groups: new Map(),
    }));
  }

  /** Fits the groups of every level of `variant` on `rows`. */
  static fit(
    rows: readonly DurationRow[],
    variant: BackoffVariant,
    minSizes: readonly number[] = DEFAULT_MIN_SIZES,
  ): BackoffModel {
    const model = new BackoffModel(variant, minSizes);
    for (const level of model.#levels) {
      for (const r of rows) {
        const key = keyOf(r, level.features);
        if (key === null) continue;
        const g = level.groups.get(key);
        if (g) g.values.push(r.minutes);
        else level.groups.set(key, { values: [r.minutes], median: NaN, p80: NaN });
      }
    }
    return model;
  }

  /** The prediction for an exam, null when no group of the ladder holds an exam like it. */
  predict(q: DurationQuery): DurationPrediction | null {
    const found: { name: string; g: Group }[] = [];
    for (const level of this.#levels) {
      const key = keyOf(q, level.features);
      const g = key === null ? undefined : level.groups.get(key);
      if (g) found.push({ name: level.name, g });
    }
    for (const min of this.minSizes) {
      const hit = found.find((f) => f.g.values.length >= min);
      if (hit) return answer(hit.name, hit.g);
    }
    let best: { name: string; g: Group } | null = null;
    for (const f of found) if (best === null || f.g.values.length > best.g.values.length) best = f;
    return best === null ? null : answer(best.name, best.g);
  }
}

function answer(level: string, g: Group): DurationPrediction {
  if (Number.isNaN(g.median)) {
    const sorted = g.values.slice().sort((a, b) => a - b);
    g.median = quantileSorted(sorted, 0.5) as number;
    g.p80 = quantileSorted(sorted, 0.8) as number;
  }
  return { median: g.median, p80: g.p80, level, exams: g.values.length };
}
