/**
 * `plateau audit [--since DATE] [--limit N] [--json]`: the audit log of the store (issue 15),
 * newest first, as a table time / who / action / target / outcome or as JSON. It only reads: the
 * log is appended to by the server and refuses any change.
 */
import type { AuditRecord } from '../../storage/index.ts';
import { readAudit } from '../../storage/index.ts';
import type { Command } from '../command.ts';
import { intOption, positionals, STORE_OPTIONS, stringOption } from '../command.ts';
import { say, table, UsageError } from '../output.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau audit [--since YYYY-MM-DD | --since ISO] [--limit N] [--json]
                     [--data DIR | --database-url URL]

The audit log of the store, newest first: who logged in or failed to, read a site, exported,
printed or imported, and every change to accounts, with when (UTC), what on, and how it ended
(success, failure, denied). No password is ever logged. Nothing can change or delete its rows.

  --since DATE          only entries from DATE on: a day (YYYY-MM-DD, from 00:00 UTC) or an
                        ISO 8601 instant (2026-12-06T09:30:00Z)
  --limit N             at most N entries (default 100, at most 100000)
  --json                the entries as JSON (id, at, userId, email, action, target, outcome, detail)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Examples:
  plateau audit
  plateau audit --since 2026-12-01 --limit 500
  plateau audit --json > audit.json`;

/** The instant `--since` names: a day at 00:00 UTC, or an ISO 8601 instant with its offset. */
export function sinceOf(raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const day = /^\d{4}-\d\d-\d\d$/.test(raw);
  const instant = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(raw);
  const date = new Date(day ? `${raw}T00:00:00Z` : raw);
  // A day that does not exist (2026-02-30) rolls over in Date: refused by comparing back.
  if (
    (!day && !instant) ||
    Number.isNaN(date.getTime()) ||
    (day && date.toISOString().slice(0, 10) !== raw)
  ) {
    throw new UsageError(say('cli.audit.usage.since', { value: raw }));
  }
  return date;
}

/** `2026-12-06 09:40:12` from an ISO 8601 UTC time. */
function secondOf(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function render(records: readonly AuditRecord[]): string {
  return table(
    [
      { header: say('cli.audit.col.time') },
      { header: say('cli.audit.col.who') },
      { header: say('cli.audit.col.action') },
      { header: say('cli.audit.col.target') },
      { header: say('cli.audit.col.outcome') },
    ],
    records.map((r) => [
      secondOf(r.at),
      r.email ?? (r.userId === null ? say('cli.audit.nobody') : `#${r.userId}`),
      r.action,
      r.target,
      say(`cli.audit.outcome.${r.outcome}`),
    ]),
  );
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'show the audit log of the store (logins, reads, exports, account changes)',
  usage: USAGE,
  options: {
    ...STORE_OPTIONS,
    since: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ positionals: args, values }) {
    positionals(args, 0, 0, 'no argument');
    const since = sinceOf(stringOption(values, 'since'));
    const limit = intOption(values, 'limit', 100, 1, 100_000);
    await withStore(values, async (store) => {
      const records = await readAudit(store, { ...(since ? { since } : {}), limit });
      if (values['json'] === true) {
        process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      } else if (records.length === 0) {
        process.stdout.write(`${say('cli.audit.empty', { place: store.location })}\n`);
      } else {
        process.stdout.write(`${render(records)}\n`);
      }
    });
    return 0;
  },
};
