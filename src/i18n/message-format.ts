/**
 * The small message syntax of the dictionaries: `{name}` inserts a parameter, and
 * `{name, plural, one {# ligne} other {# lignes}}` picks a form by the count `name` with the
 * language's plural rules (`#` is the count, formatted). A message may hold several counts
 * ("1 machine, dont 0 retenue"), which one `.one` key per message could not say. A subset of
 * ICU MessageFormat: no `select`, no quoting (the dictionaries never need literal braces).
 */
import type { Lang } from './lang.ts';
import { localeOf } from './lang.ts';

/** A piece of a parsed message. */
export type MessagePart =
  | string
  | { kind: 'arg'; name: string }
  | { kind: 'count' }
  | {
      kind: 'plural';
      name: string;
      /** Forms by selector: `one`, `other`, `many`…, or an exact count `=0`. */
      forms: Readonly<Record<string, readonly MessagePart[]>>;
      /** The choice as written, shown when its count is not given. */
      source: string;
    };

/** Thrown when a dictionary message does not follow the syntax (a test reads every message). */
export class MessageSyntaxError extends Error {}

/**
 * Parses a message into text, parameters and plural choices.
 *
 * @example
 * parseMessage('{n, plural, one {# ligne} other {# lignes}}');
 * // [{ kind: 'plural', name: 'n', forms: { one: [{kind:'count'}, ' ligne'], other: [...] }, … }]
 */
export function parseMessage(text: string): MessagePart[] {
  const [parts, end] = parseParts(text, 0, false);
  if (end !== text.length) throw new MessageSyntaxError(`unexpected "}" at ${end} in: ${text}`);
  return parts;
}

/** Parses from `start` until the end (top level) or an unmatched `}` (inside a plural form). */
function parseParts(text: string, start: number, inForm: boolean): [MessagePart[], number] {
  const parts: MessagePart[] = [];
  let buffer = '';
  let i = start;
  const flush = (): void => {
    if (buffer !== '') parts.push(buffer);
    buffer = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '}') break;
    if (c === '#' && inForm) {
      flush();
      parts.push({ kind: 'count' });
      i++;
      continue;
    }
    if (c !== '{') {
      buffer += c;
      i++;
      continue;
    }
    flush();
    const [part, next] = parseArgument(text, i);
    parts.push(part);
    i = next;
  }
  flush();
  return [parts, i];
}

/** Parses `{name}` or `{name, plural, …}` starting at the `{` at `start`. */
function parseArgument(text: string, start: number): [MessagePart, number] {
  const head = /^\{\s*(\w+)\s*(?:(\})|,\s*plural\s*,)/.exec(text.slice(start));
  if (!head?.[1]) throw new MessageSyntaxError(`bad argument at ${start} in: ${text}`);
  const name = head[1];
  if (head[2]) return [{ kind: 'arg', name }, start + head[0].length];
  const forms: Record<string, readonly MessagePart[]> = {};
  let i = start + head[0].length;
  for (;;) {
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] === '}') break;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i));
    if (!selector?.[1]) throw new MessageSyntaxError(`bad plural form at ${i} in: ${text}`);
    const [form, end] = parseParts(text, i + selector[0].length, true);
    if (text[end] !== '}') throw new MessageSyntaxError(`unclosed plural form in: ${text}`);
    forms[selector[1]] = form;
    i = end + 1;
  }
  if (!forms['other'])
    throw new MessageSyntaxError(`plural "${name}" has no "other" form: ${text}`);
  return [{ kind: 'plural', name, forms, source: text.slice(start, i + 1) }, i + 1];
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The language's plural category of a count: French 0 and 1 are `one`, English only 1. */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(localeOf(lang));
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/** Values for a message's parameters. */
export type FormatParams = Readonly<Record<string, string | number | null>>;

/**
 * Writes a parsed message: parameters through `show` (numbers formatted by the caller), plural
 * forms chosen by count. A parameter that is not given is left as written, so that a forgotten
 * one shows rather than vanishes; `null` shows as "—".
 */
export function formatParts(
  parts: readonly MessagePart[],
  lang: Lang,
  params: FormatParams | undefined,
  show: (value: string | number) => string,
  count: string | null = null,
): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part.kind === 'count') out += count ?? '#';
    else if (part.kind === 'arg') {
      if (!params || !Object.hasOwn(params, part.name)) out += `{${part.name}}`;
      else {
        const value = params[part.name];
        out += value === null || value === undefined ? '—' : show(value);
      }
    } else {
      if (!params || !Object.hasOwn(params, part.name)) {
        out += part.source;
        continue;
      }
      const value = params[part.name];
      const n = typeof value === 'number' ? value : null;
      const form =
        (n !== null ? (part.forms[`=${n}`] ?? part.forms[pluralCategory(lang, n)]) : undefined) ??
        part.forms['other'] ??
        [];
      const shown = value === null || value === undefined ? '—' : show(value);
      out += formatParts(form, lang, params, show, shown);
    }
  }
  return out;
}

/** The parameter names a parsed message uses (plain and plural), sorted, each once. */
export function argumentsOf(parts: readonly MessagePart[]): string[] {
  const names = new Set<string>();
  const walk = (list: readonly MessagePart[]): void => {
    for (const part of list) {
      if (typeof part === 'string' || part.kind === 'count') continue;
      names.add(part.name);
      if (part.kind === 'plural') for (const form of Object.values(part.forms)) walk(form);
    }
  };
  walk(parts);
  return [...names].sort();
}

/** The names of the counts a parsed message chooses plural forms by, sorted. */
export function pluralArgumentsOf(parts: readonly MessagePart[]): string[] {
  const names = new Set<string>();
  const walk = (list: readonly MessagePart[]): void => {
    for (const part of list) {
      if (typeof part === 'string' || part.kind !== 'plural') continue;
      names.add(part.name);
      for (const form of Object.values(part.forms)) walk(form);
    }
  };
  walk(parts);
  return [...names].sort();
}
