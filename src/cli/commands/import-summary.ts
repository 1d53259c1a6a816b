/**
 * How an import is told on the terminal, whether it ran here (`plateau import`, `plateau demo`)
 * or in the server it was handed to: what became of the campaign, then per table the rows added,
 * changed, removed and unchanged.
 */
import type {
  ImportSummary,
  RegisterChanges,
  RegisterImport,
  TableChanges,
} from '../../storage/index.ts';
import { KIT_TABLES, periodOf } from '../../storage/index.ts';

const TABLE_LABELS: Record<(typeof KIT_TABLES)[number], string> = {
  establishments: 'establishments',
  equipment: 'equipment',
  acts: 'acts',
  survey: 'survey answers',
  sessions: 'sessions',
  exams: 'exams',
};

const LABEL_WIDTH = Math.max(...KIT_TABLES.map((t) => TABLE_LABELS[t].length));

const counts = (c: TableChanges): string =>
  `${c.inserted} added, ${c.updated} changed, ${c.removed} removed, ${c.unchanged} unchanged`;

/**
 * One indented line per table: rows added, changed, removed and unchanged (from an import's
 * summary, or the `changes` of an upload job's summary).
 */
export function changeLines(
  changes: Readonly<Record<(typeof KIT_TABLES)[number], TableChanges>>,
): string[] {
  return KIT_TABLES.map((t) => `  ${TABLE_LABELS[t].padEnd(LABEL_WIDTH)}  ${counts(changes[t])}`);
}

const REGISTER_LABEL = 'register';

/** The equipment register's line: rows added, removed and unchanged (a register is replaced whole). */
function registerLine(c: RegisterChanges, kept = false): string {
  const counts = `${c.added} added, ${c.removed} removed, ${c.unchanged} unchanged`;
  return `  ${REGISTER_LABEL.padEnd(LABEL_WIDTH)}  ${counts}${kept ? ' (kept: this kit has no equipment-register.csv)' : ''}`;
}

/**
 * What happened to the campaign, in words: new, replaced over another period (with both periods
 * when known), stored, or already up to date.
 */
export function importOutcome(
  campaign: ImportSummary['campaign'] | 'replaced',
  changed: boolean,
  replaced?: ImportSummary['replaced'],
): string {
  if (replaced)
    return `replaced the campaign stored for ${periodOf(replaced.previous)} by this kit's, ${periodOf(replaced.current)}`;
  if (campaign === 'replaced')
    return "replaced the campaign stored over another period by this kit's";
  if (campaign === 'inserted') return 'stored (new campaign)';
  return changed ? 'stored' : 'already up to date, nothing changed';
}

/** A few lines saying what an import changed: per table, rows added, changed, removed and unchanged. */
export function describeImport(s: ImportSummary): string {
  return [
    `Campaign ${s.campaignId}: ${importOutcome(s.campaign, s.changed, s.replaced)} (${(s.timings.totalMs / 1000).toFixed(1)} s)`,
    ...changeLines(s),
    ...(s.register === null ? [] : [registerLine(s.register, s.register.from === 'kept')]),
    s.results
      ? `  ${'results'.padEnd(LABEL_WIDTH)}  computed for ${s.results.machines.inserted + s.results.machines.updated + s.results.machines.unchanged} machines`
      : `  ${'results'.padEnd(LABEL_WIDTH)}  kept (no record changed)`,
  ].join('\n');
}

/**
 * What importing a register on its own did: the campaign, whether its register changed, and the
 * register's line.
 *
 * @example
 * describeRegisterImport(result, '/data/equipment-register.csv');
 * // Campaign anap-2010: equipment register stored from /data/equipment-register.csv
 * //   register        4 added, 0 removed, 0 unchanged
 */
export function describeRegisterImport(r: RegisterImport, source: string): string {
  const outcome = r.changed
    ? `equipment register stored from ${source}`
    : 'equipment register already up to date, nothing changed';
  return [`Campaign ${r.campaignId}: ${outcome}`, registerLine(r.changes)].join('\n');
}
