/**
 * Looking a message up: `t(lang, key, params)` fills `{name}` placeholders, formatting numbers
 * the language's way. Keys are typed, so a missing message is a compile error, not a blank.
 */
import type { Lang } from './lang.ts';
import { formatNumber } from './format.ts';
import { en } from './messages/en.ts';
import type { MessageKey } from './messages/fr.ts';
import { fr } from './messages/fr.ts';

export type { MessageKey } from './messages/fr.ts';

/** Every dictionary, by language. */
export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  fr,
  en,
};

/** Values for a message's `{placeholders}`: numbers are formatted in the message's language. */
export type MessageParams = Readonly<Record<string, string | number | null>>;

/** True when `key` is a message of the dictionaries (for keys built from data, e.g. `figure.${key}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/**
 * French typography: a narrow no-break space (U+202F) instead of the plain space before
 * `:`, `;`, `?`, `!`, `%` and `»` and after `«`, so that no line starts with a colon or a guillemet.
 *
 * @example
 * frenchSpacing('Code : x'); // "Code\u202f: x"
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;?!»%])/g, '\u202f$1').replace(/« /g, '«\u202f');
}

/**
 * The message `key` in `lang`, with its placeholders filled; a placeholder without a value is
 * left as is, so that a forgotten parameter shows rather than vanishes. French messages get
 * French spacing before `:` `;` `?` `!` (parameters are inserted untouched). A message with a
 * `key.one` form uses it when `params.n` is singular.
 *
 * @example
 * t('fr', 'common.machines', { n: 1234 }); // "1 234 machines"
 * t('en', 'nav.regions'); // "Regions"
 */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const raw = DICTIONARIES[lang][pluralKey(lang, key, params)];
  const text = lang === 'fr' ? frenchSpacing(raw) : raw;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (value === null || value === undefined) return '—';
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The key to use for a count: `key.one` when the message has such a form and `params.n` is a
 * count the language calls singular (0 and 1 in French, 1 in English).
 */
function pluralKey(lang: Lang, key: MessageKey, params: MessageParams | undefined): MessageKey {
  const n = params?.['n'];
  if (typeof n !== 'number') return key;
  const one = `${key}.one`;
  if (!isMessageKey(one)) return key;
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB');
    pluralRules.set(lang, rules);
  }
  return rules.select(n) === 'one' ? one : key;
}

/** The placeholders a message uses, sorted (tests check both languages agree). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
