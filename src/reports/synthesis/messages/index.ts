/**
 * The synthesis' own words, looked up like the app's: the dictionaries of this folder, the
 * message syntax and French spacing of `src/i18n` (reused, not copied).
 */
import type { FormatParams, Lang, MessagePart } from '../../../i18n/index.ts';
import { formatNumber, formatParts, frenchSpacing, parseMessage } from '../../../i18n/index.ts';
import { en } from './en.ts';
import type { SynthesisKey } from './fr.ts';
import { fr } from './fr.ts';

export type { SynthesisKey } from './fr.ts';

/** Both dictionaries, by language (the same keys: `en` is typed by the French keys). */
export const SYNTHESIS_MESSAGES: Readonly<Record<Lang, Readonly<Record<SynthesisKey, string>>>> = {
  fr,
  en,
};

const parsed = new Map<string, readonly MessagePart[]>();

/**
 * The synthesis message `key` in `lang`, placeholders filled (numbers in the language's format).
 *
 * @example
 * sm('fr', 'n.machines', { n: 326 }); // "326 machines"
 */
export function sm(lang: Lang, key: SynthesisKey, params?: FormatParams): string {
  const id = `${lang}|${key}`;
  let parts = parsed.get(id);
  if (!parts) {
    const raw = SYNTHESIS_MESSAGES[lang][key];
    parts = parseMessage(lang === 'fr' ? frenchSpacing(raw) : raw);
    parsed.set(id, parts);
  }
  return formatParts(parts, lang, params, (v) =>
    typeof v === 'number' ? formatNumber(v, lang) : v,
  );
}
