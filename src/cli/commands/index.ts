/**
 * The registry of CLI commands: each command's name and one-line summary, and a loader that
 * imports its module only when that command runs (or prints its own help). `plateau --help`
 * lists the commands from here without loading PGlite, Playwright or any command's module.
 */
import type { Command } from '../command.ts';

/** A command as the registry knows it before its module is loaded. */
export interface CommandEntry {
  /** What the user types after `plateau`. */
  readonly name: string;
  /** The line `plateau --help` shows (the module's own `summary`: a test checks they agree). */
  readonly summary: string;
  /** Imports the command's module (and its dependencies) and gives the command. */
  load(): Promise<Command>;
}

/** Every command, in the order `plateau --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'audit',
    summary: 'show the audit log of the store (logins, reads, exports, account changes)',
    load: async () => (await import('./audit.ts')).auditCommand,
  },
  {
    name: 'bundle',
    summary: "signed bundles of a site's figures: make a key, export, register keys, import",
    load: async () => (await import('./bundle.ts')).bundleCommand,
  },
  {
    name: 'campaigns',
    summary: 'list, delete or rename the campaigns of the store',
    load: async () => (await import('./campaigns.ts')).campaignsCommand,
  },
  {
    name: 'convert',
    summary: 'turn HL7 v2, FHIR, DICOM or XLSX files into a data kit',
    load: async () => (await import('./convert.ts')).convertCommand,
  },
  {
    name: 'costs',
    summary:
      'cost per year, opening hour, exam and ICR point, and forfait technique tier, per machine and site',
    load: async () => (await import('./costs.ts')).costsCommand,
  },
  {
    name: 'demo',
    summary: 'generate the national campaign and import it (start here)',
    load: async () => (await import('./demo.ts')).demoCommand,
  },
  {
    name: 'generate',
    summary: 'write a synthetic national campaign as a data kit',
    load: async () => (await import('./generate.ts')).generateCommand,
  },
  {
    name: 'import',
    summary: 'check a data kit (or source files) and store it with its indicators',
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'indicators',
    summary: 'print the indicators and benchmark of a kit or of the stored campaign',
    load: async () => (await import('./indicators.ts')).indicatorsCommand,
  },
  {
    name: 'listen',
    summary: 'receive HL7 v2 messages over MLLP into a journal',
    load: async () => (await import('./listen.ts')).listenCommand,
  },
  {
    name: 'migrate',
    summary: "bring the store's schema up to date (as the owner)",
    load: async () => (await import('./migrate.ts')).migrateCommand,
  },
  {
    name: 'oncall',
    summary:
      'compare on-call and teleradiology pooling options for a département, a region or sites',
    load: async () => (await import('./oncall.ts')).oncallCommand,
  },
  {
    name: 'references',
    summary: 'list the published figures (OECD, France) and load newer ones from an OECD export',
    load: async () => (await import('./references.ts')).referencesCommand,
  },
  {
    name: 'relevance',
    summary:
      'print neuro CT share, repeats and data quality per site and territory (planning.md §6)',
    load: async () => (await import('./relevance.ts')).relevanceCommand,
  },
  {
    name: 'report',
    summary: 'print a site fiche, a regional or the national synthesis to PDF',
    load: async () => (await import('./report.ts')).reportCommand,
  },
  {
    name: 'serve',
    summary: 'serve the web app and the HTTP API',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  {
    name: 'simulate',
    summary: "simulate a machine's capacity on its own campaign: status quo check and scenarios",
    load: async () => (await import('./simulate.ts')).simulateCommand,
  },
  {
    name: 'template',
    summary: 'write a blank data-kit workbook (.xlsx) to fill in a spreadsheet',
    load: async () => (await import('./template.ts')).templateCommand,
  },
  {
    name: 'territories',
    summary:
      'print equipment, activity and coverage per region or département, beside France and the OECD',
    load: async () => (await import('./territories.ts')).territoriesCommand,
  },
  {
    name: 'trends',
    summary: 'the nation, a region, a site or a machine over the stored campaigns',
    load: async () => (await import('./trends.ts')).trendsCommand,
  },
  {
    name: 'users',
    summary: "add, list, disable the observatory's user accounts, or reset a password",
    load: async () => (await import('./users.ts')).usersCommand,
  },
];

/** The registry's entry named `name`, or undefined. */
export function commandEntry(name: string | undefined): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
