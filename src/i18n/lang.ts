/**
 * The languages plateau speaks: French first (the report's own words), English second. A
 * language picks its dictionary and its `Intl` locale; nothing here touches the browser.
 */

export const LANGS = ['fr', 'en'] as const;
/** A user-interface language. */
export type Lang = (typeof LANGS)[number];

/** French unless told otherwise. */
export const DEFAULT_LANG: Lang = 'fr';

/** True when `value` names a language plateau speaks. */
export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

/**
 * The `Intl` locale of a language: `fr-FR` (1 234,5 ; 61 %) or `en-GB` (1,234.5 ; 61%;
 * day-month-year dates, closer to French habits than `en-US`).
 */
export function localeOf(lang: Lang): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}
