/**
 * The `plateau` command line: one entry, one command per module in ./commands, loaded only when
 * that command runs (./commands/index.ts lists them for `--help`). Errors are mapped to exit
 * codes here only: 0 success, 1 failure (bad input, store problem), 2 usage.
 */
import { parseArgs } from 'node:util';
import type { Command, OptionValues } from './command.ts';
import { COMMON_OPTIONS } from './command.ts';
import { langFromLocale, say, setCliLang, UsageError, UserError } from './output.ts';
import { isLang } from '../i18n/lang.ts';
import type { Lang } from '../i18n/lang.ts';
import { COMMANDS, commandEntry } from './commands/index.ts';
import { plateauVersion } from '../system/version.ts';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'plateau — benchmark CT and MRI imaging platforms (ANAP indicators, peer benchmarks)',
    '',
    'Usage: plateau <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --data DIR   the embedded store (default: $PLATEAU_DATA, else ./plateau-data)',
    '  --lang L     fr or en: the language of messages and issues (default: the locale,',
    '               LC_ALL, LC_MESSAGES or LANG: French when it names French, else English)',
    '  --debug      show the stack trace of a failure',
    '  -h, --help   help on a command: plateau <command> --help',
    '',
    'Exit codes: 0 success, 1 failure (bad input, store), 2 usage error.',
  ].join('\n');
}

type Options = Command['options'];

/**
 * The language asked for by `--lang L` or `--lang=L`, else the locale's; null when `--lang`
 * names a language plateau does not speak (a usage error once the command is known).
 */
function langOf(argv: readonly string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const value =
      arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (arg === '--lang' || arg.startsWith('--lang=')) return isLang(value) ? value : null;
  }
  return langFromLocale(process.env);
}

/**
 * `--machines -3` as `--machines=-3`: Node's parser takes a value starting with a dash for an
 * option, and refuses it; a negative number after an option that takes a value is that value,
 * so that the command's own check says what the option accepts (its range).
 */
function withNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const option = arg.startsWith('--') ? options[arg.slice(2)] : undefined;
    if (option?.type === 'string' && next !== undefined && /^-\d+(\.\d+)?$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** plateau's own words for a refusal of Node's argument parser (its text names no fix). */
function usageMessage(error: unknown, args: readonly string[], options: Options): string {
  const code = (error as { code?: string }).code;
  const text = (error as Error).message;
  const quoted = /'([^']*)'/.exec(text)?.[1] ?? '';
  const flag = quoted.split(' ')[0] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const names = Object.keys(options).map((o) => `--${o}`);
    const near = closest(flag.split('=')[0] ?? flag, names);
    return `${say('cli.usage.unknownOption', { option: flag })}${near ? ` ${say('cli.usage.didYouMean', { name: near })}` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag.replace(/^-+/, '');
    const option = options[name] ?? Object.values(options).find((o) => o.short === name);
    if (option?.type === 'boolean') return say('cli.usage.noValue', { option: flag });
    const at = args.indexOf(flag);
    const next = at >= 0 ? args[at + 1] : undefined;
    return next === undefined
      ? say('cli.usage.missingValue', { option: flag })
      : say('cli.usage.dashValue', { option: flag, value: next });
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return say('cli.usage.positional', { value: quoted });
  return text;
}

/** The name of `names` nearest to `typed` (at most a third of its letters apart), or null. */
function closest(typed: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(typed.replace(/^-+/, '').length / 3)) + 1;
  for (const name of names) {
    const d = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? commandEntry(rest[0]) : undefined;
    process.stdout.write(`${target ? (await target.load()).usage : mainHelp()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`plateau ${plateauVersion()}\n`);
    return 0;
  }
  const lang = langOf(argv);
  setCliLang(lang ?? 'en');
  const entry = commandEntry(name);
  if (!entry) {
    const near = closest(
      name,
      COMMANDS.map((c) => c.name),
    );
    process.stderr.write(
      `plateau: ${say('cli.usage.unknownCommand', { name })}${near ? ` ${say('cli.usage.didYouMean', { name: near })}` : ''}\n\n${mainHelp()}\n`,
    );
    return 2;
  }
  // Only the command that runs is loaded, with its dependencies (PGlite, Playwright, …).
  const command = await entry.load();
  const debug = rest.includes('--debug');
  try {
    if (lang === null) throw new UsageError(say('cli.usage.lang'));
    const options = { ...COMMON_OPTIONS, ...command.options };
    let parsed;
    try {
      parsed = parseArgs({
        args: withNegativeValues(rest, options),
        options,
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError(usageMessage(error, rest, options));
    }
    if (parsed.values.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values as OptionValues,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`plateau ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`plateau ${name}: ${error.message}\n`);
      if (debug) process.stderr.write(`${error.stack}\n`);
      return 1;
    }
    process.stderr.write(
      `plateau ${name}: ${say('cli.failure', { detail: (error as Error).message })}\n`,
    );
    process.stderr.write(debug ? `${(error as Error).stack}\n` : `${say('cli.failure.debug')}\n`);
    return 1;
  }
}
