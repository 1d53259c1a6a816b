/**
 * The `import_issues` table: the located issues met while reading and storing a campaign, kept
 * per source so that `plateau` can show them again later. A new import from a source replaces
 * that source's issues; other sources' issues stay.
 */
import type { Issue, Severity } from '../core/issues.ts';
import type { Queryable } from './db.ts';

/** Replaces the issues stored for (`campaignId`, `source`) with `issues`. */
export async function replaceIssues(
  q: Queryable,
  campaignId: string,
  source: string,
  issues: readonly Issue[],
): Promise<void> {
  await q.query('delete from import_issues where campaign_id = $1 and source = $2', [
    campaignId,
    source,
  ]);
  if (issues.length === 0) return;
  await q.query(
    `insert into import_issues (campaign_id, source, ordinal, severity, code, file, line, column_name, message, hint)
     select $1, $2, u.ordinal, u.severity, u.code, u.file, u.line, u.column_name, u.message, u.hint
     from unnest($3::int4[], $4::text[], $5::text[], $6::text[], $7::int4[], $8::text[], $9::text[], $10::text[])
       as u (ordinal, severity, code, file, line, column_name, message, hint)`,
    [
      campaignId,
      source,
      issues.map((_, i) => i),
      issues.map((i) => i.severity),
      issues.map((i) => i.code),
      issues.map((i) => i.file),
      issues.map((i) => i.line),
      issues.map((i) => i.column),
      issues.map((i) => i.message),
      issues.map((i) => i.hint),
    ],
  );
}

/** The stored issues of a campaign with the source each came from, by source then order. */
export async function readIssues(
  q: Queryable,
  campaignId: string,
): Promise<(Issue & { source: string })[]> {
  const rows = await q.query<{
    source: string;
    severity: Severity;
    code: string;
    file: string;
    line: number | null;
    column_name: string | null;
    message: string;
    hint: string | null;
  }>(
    `select source, severity, code, file, line, column_name, message, hint from import_issues
     where campaign_id = $1 order by source collate "C", ordinal`,
    [campaignId],
  );
  return rows.map((r) => ({
    source: r.source,
    severity: r.severity,
    code: r.code,
    file: r.file,
    line: r.line,
    column: r.column_name,
    message: r.message,
    hint: r.hint,
  }));
}
