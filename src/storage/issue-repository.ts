/**
 * The `import_issues` table: the located issues met while reading and storing a campaign, kept
 * with the source they came from so that `plateau` can show them again later. An import makes the
 * campaign exactly its kit, so it replaces every issue stored for the campaign with its own.
 */
import type { Issue, IssueText, Severity } from '../core/issues.ts';
import type { Queryable } from './db.ts';

/**
 * Replaces every issue stored for `campaignId` (whatever their source: the records they were about
 * are gone) with `issues`, from `source`.
 */
export async function replaceIssues(
  q: Queryable,
  campaignId: string,
  source: string,
  issues: readonly Issue[],
): Promise<void> {
  await q.query('delete from import_issues where campaign_id = $1', [campaignId]);
  if (issues.length === 0) return;
  await q.query(
    `insert into import_issues (campaign_id, source, ordinal, severity, code, file, line, column_name, message, hint, text)
     select $1, $2, u.ordinal, u.severity, u.code, u.file, u.line, u.column_name, u.message, u.hint, u.text::jsonb
     from unnest($3::int4[], $4::text[], $5::text[], $6::text[], $7::int4[], $8::text[], $9::text[], $10::text[], $11::text[])
       as u (ordinal, severity, code, file, line, column_name, message, hint, text)`,
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
      issues.map((i) => (i.text ? JSON.stringify(i.text) : null)),
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
    text: unknown;
  }>(
    `select source, severity, code, file, line, column_name, message, hint, text from import_issues
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
    ...optionalText(r.text),
  }));
}

/** A stored `text` back as an IssueText, checked (a driver may give JSON as text); none when unusable. */
function optionalText(stored: unknown): { text?: IssueText } {
  const text = asText(typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored);
  return text === null ? {} : { text };
}

function asText(value: unknown): IssueText | null {
  if (typeof value !== 'object' || value === null) return null;
  const { key, params, about } = value as Record<string, unknown>;
  if (typeof key !== 'string' || typeof params !== 'object' || params === null) return null;
  const clean: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params))
    if (typeof v === 'string' || typeof v === 'number') clean[name] = v;
  const aboutText = about === undefined ? null : asText(about);
  return aboutText === null ? { key, params: clean } : { key, params: clean, about: aboutText };
}
