/**
 * Looking a message up: `t(lang, key, params)` fills `{name}` placeholders, formatting numbers
 * the language's way. Keys are typed, so a missing message is a compile error, not a blank.
 */
import type { Lang } from './lang.ts';
import { formatNumber } from './format.ts';
import type { MessagePart } from './message-format.ts';
import { argumentsOf, formatParts, parseMessage } from './message-format.ts';
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

/** Parsed messages by language and key (a dictionary is read once per message). */
const parsed = new Map<string, readonly MessagePart[]>();

function partsOf(lang: Lang, key: MessageKey): readonly MessagePart[] {
  const id = `${lang}|${key}`;
  let parts = parsed.get(id);
  if (!parts) {
    const raw = DICTIONARIES[lang][key];
    parts = parseMessage(lang === 'fr' ? frenchSpacing(raw) : raw);
    parsed.set(id, parts);
  }
  return parts;
}

const showValue =
  (lang: Lang) =>
  (value: string | number): string =>
    typeof value === 'number' ? formatNumber(value, lang) : value;

/**
 * The message `key` in `lang`, with its placeholders filled; a placeholder without a value is
 * left as is, so that a forgotten parameter shows rather than vanishes. French messages get
 * French spacing before `:` `;` `?` `!` (parameters are inserted untouched). Counts choose
 * their form inside the message: `{n, plural, one {# ligne} other {# lignes}}` (French 0 and 1
 * are singular, English only 1; see `message-format.ts`).
 *
 * @example
 * t('fr', 'common.machines', { n: 1234 }); // "1 234 machines"
 * t('fr', 'common.machines', { n: 0 }); // "0 machine"
 * t('en', 'nav.regions'); // "Regions"
 */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return formatParts(partsOf(lang, key), lang, params, showValue(lang));
}

/** The parameters a message uses, sorted, plural counts included (tests check both languages agree). */
export function placeholdersOf(text: string): string[] {
  return argumentsOf(parseMessage(text));
}
