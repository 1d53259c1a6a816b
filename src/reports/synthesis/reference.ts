/**
 * The 2010 values the synthesis prints beside a campaign's: the published P20/P50/P80 of
 * `REFERENCE_2010`, the medians and shares of `REFERENCE_2010_FACTS`, the report's panel by
 * legal status, and the relative gap between a value and its published counterpart.
 */
import type { Modality } from '../../core/kit-types.ts';
import type { Triple } from '../../core/reference-2010.ts';
import { REFERENCE_2010, REFERENCE_2010_FACTS } from '../../core/reference-2010.ts';

/** A published P20/P50/P80 where the report may have given only some of the three. */
export interface Published {
  p20: number | null;
  p50: number | null;
  p80: number | null;
}

/** The 2010 triple of a `REFERENCE_2010` key, or `null` when the report did not publish it. */
export function publishedTriple(key: string, modality: Modality): Published | null {
  const figure = REFERENCE_2010.find((r) => r.key === key);
  if (!figure) return null;
  const [p20, p50, p80] = figure.published[modality];
  return { p20, p50, p80 };
}

/** Medians the report gave alone (openings and occupancy with emergency sessions). */
export function publishedMedian(key: string, modality: Modality): Published | null {
  if (key === 'programmedPlusEmergencyOpening')
    return {
      p20: null,
      p50: REFERENCE_2010_FACTS.programmedPlusEmergencyOpeningMedian[modality],
      p80: null,
    };
  if (key === 'occupancyProgrammedPlusEmergency')
    return {
      p20: null,
      p50: REFERENCE_2010_FACTS.occupancyProgrammedPlusEmergencyMedian[modality],
      p80: null,
    };
  return null;
}

/** What 2010 published for a figure key: the triple, a lone median, or `null`. */
export function published(key: string, modality: Modality): Published | null {
  return publishedTriple(key, modality) ?? publishedMedian(key, modality);
}

/**
 * The report's participants by legal status (establishments, FINESS géographique), keyed by
 * plateau's legal status codes (the report's "EPSIC" is ESPIC).
 */
export const PUBLISHED_PANEL_2010: Readonly<Record<string, number>> = {
  CH: 117,
  CHU: 18,
  CHU_APHP: 14,
  CHU_APHM: 4,
  ESPIC: 16,
  GCS: 2,
  GIE: 49,
  HIA: 1,
  LIBERAL: 10,
  PRIVATE: 70,
};

/**
 * Relative gap of a value to its published counterpart, `(value − published) / published`;
 * `0` when both are 0, `null` when either is unknown or the published value is 0 alone.
 *
 * @example
 * relativeGap(0.59, 0.606); // ≈ -0.0264
 */
export function relativeGap(
  value: number | null | undefined,
  publishedValue: number | null | undefined,
): number | null {
  if (
    value === null ||
    value === undefined ||
    publishedValue === null ||
    publishedValue === undefined
  )
    return null;
  if (publishedValue === 0) return value === 0 ? 0 : null;
  return (value - publishedValue) / publishedValue;
}

/** The 2010 triple of a `REFERENCE_2010` key in the form the charts take, or `null`. */
export function referenceTriple(key: string, modality: Modality): Triple | null {
  return REFERENCE_2010.find((r) => r.key === key)?.published[modality] ?? null;
}
