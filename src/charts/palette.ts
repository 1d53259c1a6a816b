/**
 * One restrained, colour-blind-safe palette for every chart (Okabe–Ito hues), so that a session
 * type, a patient category or an opening class has the same colour on every page and in every
 * PDF. Sequential scales vary in lightness, readable without hue.
 */
import type { Category, Modality, SessionType } from '../core/kit-types.ts';

/** Okabe–Ito colours (Wong, Nature Methods 2011). */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  black: '#000000',
} as const;

/** Text, axes and grid lines. */
export const INK = { text: '#1f2933', muted: '#52606d', axis: '#9aa5b1', grid: '#e4e7eb' } as const;

/** The P20–P80 band, the median line and the 2010 reference marks. */
export const BAND = {
  fill: 'rgba(0, 114, 178, 0.12)',
  border: 'rgba(0, 114, 178, 0.35)',
  median: '#0b3c5d',
  reference: '#7b8794',
} as const;

/** The three opening classes of the report (plages programmées / étendues / totales). */
export const OPENING_COLORS = {
  programmed: OKABE_ITO.blue,
  extended: OKABE_ITO.orange,
  total: OKABE_ITO.purple,
} as const;

/** Patient categories: A outpatient, H inpatient, R intensive care, U emergency department. */
export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  A: OKABE_ITO.green,
  H: OKABE_ITO.blue,
  R: OKABE_ITO.purple,
  U: OKABE_ITO.vermillion,
};

/**
 * Session types, by opening class: programmed types in blues, extended ones in oranges (the
 * emergency session in vermillion, as the U category), the rest of the total opening in purple
 * and greys.
 */
export const SESSION_COLORS: Readonly<Record<SessionType, string>> = {
  PUBLIC_SCHEDULED: '#0072B2',
  PUBLIC_UNSCHEDULED: '#2D8BC9',
  LIBERAL: '#56B4E9',
  PRIVATE: '#83C8F0',
  OTHER_SPECIALTY: '#4A6FA5',
  EMERGENCY: '#D55E00',
  RECONDITIONING: '#E69F00',
  BREAKDOWN: '#8C6D1F',
  RESEARCH: '#F0C35A',
  ON_CALL: '#CC79A7',
  MAINTENANCE: '#7B8794',
  QUALITY_CONTROL: '#A9B3BE',
};

/** Modalities, when both share a chart. */
export const MODALITY_COLORS: Readonly<Record<Modality, string>> = {
  CT: OKABE_ITO.blue,
  MR: OKABE_ITO.green,
};

/** Sequential scale for the share of patients from the emergency department ("the intensity of red"). */
export const SEQUENTIAL_RED = ['#fdebd9', '#f5b27a', '#D55E00', '#7a2f00'] as const;

/** Sequential scale for counts (heatmaps). */
export const SEQUENTIAL_BLUE = ['#f0f6fb', '#a9cfe8', '#3f8fc4', '#0b3c5d'] as const;

/** The system font stack of the app, also used in exported SVG. */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';
