/**
 * Issues in the reader's language. A reader builds an issue from a catalog key and its
 * parameters (`makeIssue`): the English text fills `message` and `hint` (what logs, the API's
 * older clients and the tests read), and the key and parameters travel with the issue
 * (`Issue.text`) so that the CLI and the web app can say it in French or English (`issueWords`).
 */
import type { Issue, IssueText, Severity } from '../../core/issues.ts';
import { issuePlace } from '../../core/issues.ts';
import { formatNumber } from '../format.ts';
import type { Lang } from '../lang.ts';
import { localeOf } from '../lang.ts';
import type { MessagePart } from '../message-format.ts';
import { argumentsOf, parseMessage, pluralCategory } from '../message-format.ts';
import { frenchSpacing } from '../translate.ts';
import type { IssueKey, IssueTemplate } from './en.ts';
import { enColumnHelp, enIssues } from './en.ts';
import { frColumnHelp, frIssues } from './fr.ts';

export type { IssueKey, IssueTemplate } from './en.ts';

/** Every issue catalog, by language. */
export const ISSUE_CATALOGS: Readonly<Record<Lang, Readonly<Record<IssueKey, IssueTemplate>>>> = {
  en: enIssues,
  fr: frIssues,
};

const COLUMN_HELP: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: enColumnHelp,
  fr: frColumnHelp,
};

/**
 * Values of an issue's parameters: identifiers and quoted cells as text, counts as numbers. A
 * parameter that holds words (a list of reasons) may carry them per language as `name@fr`
 * beside `name` (English): the French words then fill `{name}` in French.
 */
export type IssueParams = Readonly<Record<string, string | number>>;

/** True when `key` is in the catalogs (a stored key may come from a later or earlier plateau). */
export function isIssueKey(key: string): key is IssueKey {
  return Object.hasOwn(enIssues, key);
}

/** The issue code of a key: the part before the first dot (`duplicate-key.exam` → `duplicate-key`). */
export function codeOfKey(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/** A template made into a function of its parameters (issues are many: a fuzzed file gives thousands). */
type Compiled = (params: Readonly<Record<string, string | number>>) => string;

const compiled = new Map<string, Compiled | null>();

function compiledOf(lang: Lang, key: IssueKey, field: 'message' | 'hint'): Compiled | null {
  const id = `${lang}|${field}|${key}`;
  let fn = compiled.get(id);
  if (fn === undefined) {
    const raw = ISSUE_CATALOGS[lang][key][field];
    fn =
      raw === null ? null : compile(lang, parseMessage(lang === 'fr' ? frenchSpacing(raw) : raw));
    compiled.set(id, fn);
  }
  return fn;
}

const FORMATS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat(localeOf('en'), { maximumFractionDigits: 1 }),
  fr: new Intl.NumberFormat(localeOf('fr'), { maximumFractionDigits: 1 }),
};

/** A number the language's way (`formatNumber`'s output), small whole numbers without Intl. */
function showNumber(value: number, lang: Lang): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  return Number.isFinite(value) ? FORMATS[lang].format(value) : formatNumber(value, lang);
}

const KIND = '(?:letters|digits|spaces|punctuation|control characters)';
/** How the readers describe text they do not quote (`describeText`, `quoteCode` of identifying.ts). */
const DESCRIPTION = new RegExp(`(a value of )?(\\d+) characters?: (${KIND}(?:, ${KIND})*)`, 'g');
const FRENCH_KINDS: Readonly<Record<string, string>> = {
  letters: 'lettres',
  digits: 'chiffres',
  spaces: 'espaces',
  punctuation: 'ponctuation',
  'control characters': 'caractères de contrôle',
};

/**
 * A parameter in French: the readers' descriptions of unquoted text ("11 characters: letters,
 * spaces", "a value of …") said in French ("11 caractères : lettres, espaces"); the rest as is.
 */
function frenchText(value: string): string {
  if (!value.includes('character')) return value;
  return value.replace(DESCRIPTION, (_, valueOf: string | undefined, n: string, kinds: string) => {
    const words = kinds
      .split(', ')
      .map((k) => FRENCH_KINDS[k] ?? k)
      .join(', ');
    const count = `${n} caractère${n === '1' ? '' : 's'}\u202f: ${words}`;
    return valueOf ? `une valeur de ${count}` : count;
  });
}

function show(value: string | number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return showNumber(value, lang);
  return lang === 'fr' ? frenchText(value) : value;
}

/** `formatParts` of message-format.ts as a function built once per template. */
function compile(lang: Lang, parts: readonly MessagePart[], count = false): Compiled {
  const pieces: ((params: Readonly<Record<string, string | number>>, shown: string) => string)[] =
    parts.map((part) => {
      if (typeof part === 'string') return () => part;
      if (part.kind === 'count') return (_, shown) => (count ? shown : '#');
      const name = part.name;
      const own = `${name}@${lang}`;
      if (part.kind === 'arg')
        return (params) =>
          Object.hasOwn(params, own)
            ? show(params[own], lang)
            : Object.hasOwn(params, name)
              ? show(params[name], lang)
              : `{${name}}`;
      const forms = new Map(
        Object.entries(part.forms).map(([selector, form]) => [selector, compile(lang, form, true)]),
      );
      const other = forms.get('other') as Compiled;
      const source = part.source;
      return (params) => {
        if (!Object.hasOwn(params, name)) return source;
        const value = params[name];
        const n = typeof value === 'number' ? value : null;
        const form =
          (n !== null ? (forms.get(`=${n}`) ?? forms.get(pluralCategory(lang, n))) : undefined) ??
          other;
        return (form as (p: typeof params, shown: string) => string)(params, show(value, lang));
      };
    });
  return ((params: Readonly<Record<string, string | number>>, shown = '#') => {
    let out = '';
    for (const piece of pieces) out += piece(params, shown);
    return out;
  }) as Compiled;
}

/** The parameters a template uses, as written (tests check both languages use the same). */
export function issueArguments(template: string | null): string[] {
  return template === null ? [] : argumentsOf(parseMessage(template));
}

/** Parameters computed by the catalog rather than given by the reader. */
const DERIVED = new Set(['columnHelp']);

/** True when a template's parameter is computed at display time (see `DERIVED`). */
export function isDerivedParam(name: string): boolean {
  return DERIVED.has(name);
}

function fill(lang: Lang, fn: Compiled, params: IssueParams): string {
  const column = params['column'];
  if (typeof column === 'string') {
    const help = COLUMN_HELP[lang][column];
    if (help !== undefined) return fn({ ...params, columnHelp: help });
  }
  return fn(params);
}

/**
 * The message and hint of a catalog key in `lang`, parameters filled (numbers the language's
 * way: 4,312 or 4 312).
 *
 * @example
 * issueTextIn('fr', { key: 'missing-file', params: { file: 'exams.csv', columns: 'exam_id' } });
 * // { message: 'exams.csv manque', hint: 'ajouter exams.csv avec au moins les colonnes exam_id' }
 */
export function issueTextIn(
  lang: Lang,
  text: { key: IssueKey; params: IssueParams },
): { message: string; hint: string | null } {
  const message = compiledOf(lang, text.key, 'message') as Compiled;
  const hint = compiledOf(lang, text.key, 'hint');
  return {
    message: fill(lang, message, text.params),
    hint: hint === null ? null : fill(lang, hint, text.params),
  };
}

/**
 * An issue from a catalog key: `code` is the key's first part, `message` and `hint` its English
 * words, `text` the key and parameters for other languages.
 *
 * @example
 * makeIssue('error', 'required', 'exams.csv', 812, 'room_out', { column: 'room_out' });
 * // { severity: 'error', code: 'required', …, message: 'room_out is blank', text: { key: 'required', … } }
 */
export function makeIssue(
  severity: Severity,
  key: IssueKey,
  file: string,
  line: number | null,
  column: string | null,
  params: IssueParams = {},
): Issue {
  const { message, hint } = issueTextIn('en', { key, params });
  return {
    severity,
    code: codeOfKey(key),
    file,
    line,
    column,
    message,
    hint,
    text: { key, params: { ...params } },
  };
}

/**
 * What an issue says in `lang`: its catalog words when it has a key this plateau knows, else
 * its stored `message` and `hint` (an issue from a reader not yet converted, or stored by
 * another version), with `translated` false so that a screen can mark the text as English.
 */
export function issueWords(
  issue: Pick<Issue, 'message' | 'hint'> & { text?: IssueText | null },
  lang: Lang,
): { message: string; hint: string | null; translated: boolean } {
  const text = issue.text;
  if (lang === 'en' || !text || !known(text))
    return { message: issue.message, hint: issue.hint, translated: lang === 'en' };
  const words = issueTextIn(lang, { key: text.key as IssueKey, params: text.params });
  if (text.about === undefined) return { ...words, translated: true };
  const about = issueTextIn(lang, { key: text.about.key as IssueKey, params: text.about.params });
  const colon = lang === 'fr' ? '\u202f: ' : ': ';
  return { ...words, message: `${about.message}${colon}${words.message}`, translated: true };
}

/** True when a text and the record it is about have keys of this plateau's catalogs. */
function known(text: IssueText): boolean {
  return isIssueKey(text.key) && (text.about === undefined || known(text.about));
}

/**
 * `issue` said about a record (`exam E1 on EQ1: …`): the English message gets the record's words
 * first, and the text keeps them apart for the other languages.
 *
 * @example
 * about(issue, 'about.exam', { id: 'E1', equipment: 'EQ1' }).message; // 'exam E1 on EQ1: …'
 */
export function about(issue: Issue, key: IssueKey, params: IssueParams): Issue {
  const words = issueTextIn('en', { key, params });
  const message = `${words.message}: ${issue.message}`;
  if (issue.text === undefined) return { ...issue, message };
  return { ...issue, message, text: { ...issue.text, about: { key, params: { ...params } } } };
}

const SEVERITY_WORDS: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  en: { error: 'error', warning: 'warning', info: 'note' },
  fr: { error: 'erreur', warning: 'avertissement', info: 'note' },
};

/** `error` / `erreur`: a severity as printed on a terminal. */
export function severityWord(severity: Severity, lang: Lang): string {
  return SEVERITY_WORDS[lang][severity];
}

/**
 * One line for a terminal in `lang`: `exams.csv:812:room_out erreur : … (conseil : …)`.
 * English lines are `formatIssue`'s of core/issues.ts, word for word.
 */
export function formatIssueIn(issue: Issue, lang: Lang): string {
  const { message, hint } = issueWords(issue, lang);
  if (lang === 'en') {
    const severity = issue.severity;
    return `${issuePlace(issue)} ${severity}: ${message}${hint ? ` (hint: ${hint})` : ''}`;
  }
  return `${issuePlace(issue)} ${severityWord(issue.severity, lang)}\u202f: ${message}${hint ? ` (conseil\u202f: ${hint})` : ''}`;
}
