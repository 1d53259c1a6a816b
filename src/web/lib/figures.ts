/**
 * What the screens need to know about the benchmark's figures: each figure's unit (from
 * `MACHINE_FIGURES`, the one list of ranked figures) and where the 2010 report's published
 * values sit beside a campaign's own P20/P50/P80.
 */
import { MACHINE_FIGURES } from '../../core/benchmark.ts';
import type { Modality } from '../../core/kit-types.ts';
import type { Triple } from '../../core/reference-2010.ts';
import { REFERENCE_2010, REFERENCE_2010_FACTS } from '../../core/reference-2010.ts';
import type { FigureUnit } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { modalityLabel } from '../../i18n/labels.ts';

/** The unit of every figure of `MachinePoint.figures`. */
export const FIGURE_UNITS: Readonly<Record<string, FigureUnit>> = {
  ...Object.fromEntries(MACHINE_FIGURES.map((f) => [f.key, f.unit])),
  programmedPlusEmergencyOpening: 'h/week',
};

/** The unit of a figure (`h/week` for unknown keys, which are openings in the contract). */
export function unitOf(key: string): FigureUnit {
  return FIGURE_UNITS[key] ?? 'h/week';
}

/** A published P20/P50/P80 where the report gave only some of the three. */
export interface PartialReference {
  p20: number | null;
  p50: number | null;
  p80: number | null;
}

/** The 2010 triple a `REFERENCE_2010` key published for a modality. */
export function published(key: string, modality: Modality): Triple | null {
  return REFERENCE_2010.find((r) => r.key === key)?.published[modality] ?? null;
}

/**
 * The 2010 values beside a benchmark figure of the key-figures table: the full triple when the
 * report published one, the median alone for the "programmed + emergency" figures.
 */
export function referenceOf(figureKey: string, modality: Modality): PartialReference | null {
  const triple = published(figureKey, modality);
  if (triple) return { p20: triple[0], p50: triple[1], p80: triple[2] };
  if (figureKey === 'programmedPlusEmergencyOpening') {
    return {
      p20: null,
      p50: REFERENCE_2010_FACTS.programmedPlusEmergencyOpeningMedian[modality],
      p80: null,
    };
  }
  if (figureKey === 'occupancyProgrammedPlusEmergency') {
    return {
      p20: null,
      p50: REFERENCE_2010_FACTS.occupancyProgrammedPlusEmergencyMedian[modality],
      p80: null,
    };
  }
  return null;
}

/**
 * A machine's heading: its label, with its modality added unless the label already says it
 * ("Scanner 1" stays, "Salle A" becomes "Salle A — IRM").
 */
export function machineTitle(label: string, modality: Modality, lang: Lang): string {
  const name = modalityLabel(modality, lang);
  return label.toLowerCase().includes(name.toLowerCase()) ? label : `${label} — ${name}`;
}
