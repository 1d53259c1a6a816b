/**
 * The reports' words: `rt(lang, key, params)` looks a report message up, with the message syntax,
 * French spacing and number formatting of `src/i18n` (reused, not copied).
 */
import type { Lang, MessageParams } from '../../i18n/index.ts';
import { formatNumber, formatParts, frenchSpacing, parseMessage } from '../../i18n/index.ts';
import type { MessagePart } from '../../i18n/index.ts';
import { en } from './en.ts';
import type { ReportMessageKey } from './fr.ts';
import { fr } from './fr.ts';

export type { ReportMessageKey } from './fr.ts';

/** The reports' dictionaries by language. */
export const REPORT_DICTIONARIES: Readonly<
  Record<Lang, Readonly<Record<ReportMessageKey, string>>>
> = { fr, en };

const parsed = new Map<string, readonly MessagePart[]>();

/**
 * The report message `key` in `lang`, placeholders filled (numbers formatted the language's way).
 *
 * @example
 * rt('fr', 'doc.toc'); // "Sommaire"
 */
export function rt(lang: Lang, key: ReportMessageKey, params?: MessageParams): string {
  const id = `${lang}|${key}`;
  let parts = parsed.get(id);
  if (!parts) {
    const raw = REPORT_DICTIONARIES[lang][key];
    parts = parseMessage(lang === 'fr' ? frenchSpacing(raw) : raw);
    parsed.set(id, parts);
  }
  return formatParts(parts, lang, params, (v) =>
    typeof v === 'number' ? formatNumber(v, lang) : v,
  );
}
