// A stored simulation check's status quo that is a real StatusQuo (every figure present, null
// when unknown), for tests that store checks without simulating: the API answers them as stored,
// and the OpenAPI check of every answer (test/helpers/openapi-setup.ts) reads them.
import type { FailingFigure, StatusQuo } from '../../src/plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../src/plan/simulation/types.ts';

/** A status quo with every figure unknown, reproducing unless `failing` is given. */
export function blankStatusQuo(reproduces = true, failing: FailingFigure[] = []): StatusQuo {
  return {
    observed: Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as StatusQuo['observed'],
    simulated: Object.fromEntries(
      FIGURE_KEYS.map((k) => [k, { mean: null, ci95: null }]),
    ) as StatusQuo['simulated'],
    reproduces,
    failing,
  };
}
