/**
 * What a CLI command is, and the parsing of option values shared by the commands (numbers,
 * enumerations, the store location), each failing with a usage error that names the option.
 */
import type { ParseArgsConfig } from 'node:util';
import { say, UsageError } from './output.ts';

/** Parsed option values; a repeatable option (`multiple: true`) gives a list. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** A CLI command: its usage text, its options and what it does with them. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { positionals: string[]; values: OptionValues }): Promise<number>;
}

export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
  /** The language of messages and issues: fr or en (main.ts reads it before parsing). */
  lang: { type: 'string' },
} as const;

/** Options naming the store: the embedded data folder or a PostgreSQL server. */
export const STORE_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/**
 * The options of a command that reads a campaign's figures, from a kit or from the store: output
 * form, which stored campaign, and the benchmark's filters.
 */
export const CAMPAIGN_FIGURE_OPTIONS = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  campaign: { type: 'string' },
  modality: { type: 'string' },
  region: { type: 'string' },
  'legal-status': { type: 'string' },
  typology: { type: 'string' },
  department: { type: 'string' },
  'insee-region': { type: 'string' },
  ...STORE_OPTIONS,
} as const;

/** A whole-number option within bounds, or `fallback` when absent. */
export function intOption(
  values: OptionValues,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw) || n < min || n > max) {
    throw new UsageError(
      say('cli.usage.intRange', {
        option: `--${name}`,
        min: String(min),
        max: String(max),
        value: String(raw),
      }),
    );
  }
  return n;
}

/** A string option restricted to `allowed`, or undefined when absent. */
export function enumOption<T extends string>(
  values: OptionValues,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !allowed.includes(raw as T)) {
    throw new UsageError(
      say('cli.usage.oneOf', {
        option: `--${name}`,
        values: allowed.join(', '),
        value: String(raw),
      }),
    );
  }
  return raw as T;
}

/** A string option, or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** Every value of a repeatable string option (`multiple: true`), in command-line order. */
export function stringListOption(values: OptionValues, name: string): string[] {
  const raw = values[name];
  if (Array.isArray(raw)) return raw;
  return typeof raw === 'string' ? [raw] : [];
}

/** Exactly `count` positionals, else a usage error naming what is expected. */
export function positionals(list: string[], min: number, max: number, what: string): string[] {
  if (list.length < min || list.length > max) throw new UsageError(`expected ${what}`);
  return list;
}
