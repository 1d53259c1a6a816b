/**
 * The `plateau` command line: one entry, one command per module in ./commands. Errors are
 * mapped to exit codes here only: 0 success, 1 failure (bad input, store problem), 2 usage.
 */
import { parseArgs } from 'node:util';
import type { Command, OptionValues } from './command.ts';
import { COMMON_OPTIONS } from './command.ts';
import { UsageError, UserError } from './output.ts';
import { convertCommand } from './commands/convert.ts';
import { demoCommand } from './commands/demo.ts';
import { generateCommand } from './commands/generate.ts';
import { importCommand } from './commands/import.ts';
import { indicatorsCommand } from './commands/indicators.ts';
import { listenCommand } from './commands/listen.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';
import { templateCommand } from './commands/template.ts';

const COMMANDS: readonly Command[] = [convertCommand, demoCommand, generateCommand, importCommand, indicatorsCommand, listenCommand, reportCommand, serveCommand, templateCommand];

const VERSION = '0.1.0';

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
    '  --debug      show the stack trace of a failure',
    '  -h, --help   help on a command: plateau <command> --help',
    '',
    'Exit codes: 0 success, 1 failure (bad input, store), 2 usage error.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(`${target ? target.usage : mainHelp()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`plateau ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`plateau: unknown command '${name}'\n\n${mainHelp()}\n`);
    return 2;
  }
  const debug = rest.includes('--debug');
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values as OptionValues });
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
    process.stderr.write(`plateau ${name}: unexpected failure: ${(error as Error).message}\n`);
    process.stderr.write(debug ? `${(error as Error).stack}\n` : 'Run again with --debug to see the stack trace.\n');
    return 1;
  }
}
