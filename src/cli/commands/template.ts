/**
 * `plateau template --xlsx OUT.xlsx [--lang fr|en]`: writes the blank data-kit workbook a site
 * fills in a spreadsheet program (help on each column, drop-down lists, a README sheet).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { kitTemplateXlsx } from '../../ingest/sources/xlsx/index.ts';
import type { Command } from '../command.ts';
import { enumOption, positionals, stringOption } from '../command.ts';
import { UsageError, UserError } from '../output.ts';

const USAGE = `Usage: plateau template --xlsx OUT.xlsx [--lang fr|en] [--force]

Writes a blank data-kit workbook to fill in Excel, LibreOffice or Numbers: a README sheet,
then one sheet per kit file (campaign, establishments, equipment, sessions, exams, acts,
appointment-survey) with its header row, help on each column when a cell is selected and
drop-down lists for the columns with fixed values. Import it, once filled, with
plateau import OUT.xlsx.

  --xlsx FILE    the workbook to write
  --lang L       language of the help: fr (default) or en
  --force        overwrite FILE if it exists`;

export const templateCommand: Command = {
  name: 'template',
  summary: 'write a blank data-kit workbook (.xlsx) to fill in a spreadsheet',
  usage: USAGE,
  options: {
    xlsx: { type: 'string' },
    lang: { type: 'string' },
    force: { type: 'boolean' },
  },
  run({ positionals: args, values }) {
    positionals(args, 0, 0, 'no positional argument (give the file with --xlsx)');
    const out = stringOption(values, 'xlsx');
    if (out === undefined) throw new UsageError('--xlsx OUT.xlsx is required');
    const lang = enumOption(values, 'lang', ['fr', 'en'] as const) ?? 'fr';
    if (!values.force && existsSync(out))
      throw new UserError(`${out} exists: choose another name or pass --force`);
    try {
      writeFileSync(out, kitTemplateXlsx({ lang }));
    } catch (error) {
      throw new UserError(`cannot write ${out}: ${(error as Error).message}`);
    }
    process.stdout.write(`wrote ${out}\n`);
    return Promise.resolve(0);
  },
};
