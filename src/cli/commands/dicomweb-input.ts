/**
 * `--dicomweb URL` for `convert` and `import`: each PACS is queried through QIDO-RS for the
 * campaign's days (widened by a day on each side, since StudyDate is local to the PACS; assembly
 * trims to the campaign). Credentials never travel as an option value: an `Authorization` header
 * is read from an environment variable. A PACS that cannot be read is a `UserError` naming it.
 */
import type { Issue } from '../../core/issues.ts';
import type { Campaign } from '../../core/kit-types.ts';
import { readDicomweb } from '../../ingest/sources/dicom/dicomweb.ts';
import type { SourceContext, SourceRecords } from '../../ingest/sources/types.ts';
import type { OptionValues } from '../command.ts';
import { intOption, stringListOption, stringOption } from '../command.ts';
import { UsageError, UserError } from '../output.ts';

/** The variable holding the `Authorization` header value unless `--dicomweb-auth-env` names another. */
export const DEFAULT_DICOMWEB_AUTH_ENV = 'PLATEAU_DICOMWEB_AUTHORIZATION';

/** Options of the DICOMweb input. */
export const DICOMWEB_OPTIONS = {
  dicomweb: { type: 'string', multiple: true },
  'dicomweb-auth-env': { type: 'string' },
  'dicomweb-timeout': { type: 'string' },
} as const;

/** Help lines for DICOMWEB_OPTIONS. */
export const DICOMWEB_OPTIONS_HELP = `  --dicomweb URL        a PACS's DICOMweb root (repeatable), e.g. http://pacs:8042/dicom-web:
                        its CT and MR studies of the campaign's days are read through QIDO-RS
                        and merged with the INPUT files (INPUT may then be left out)
  --dicomweb-auth-env NAME
                        the environment variable holding the PACS's Authorization header, e.g.
                        "Basic dXNlcjpwYXNz" (default PLATEAU_DICOMWEB_AUTHORIZATION; none sent
                        when it is unset; credentials are never given as an option value)
  --dicomweb-timeout S  seconds to wait for each QIDO-RS answer (default 30)`;

/**
 * The QIDO-RS StudyDate range of a campaign, one day wider on each side.
 *
 * @example
 * studyDateRange({ start: '2026-03-02', days: 28, … }); // '20260301-20260331'
 */
export function studyDateRange(campaign: Pick<Campaign, 'start' | 'days'>): string {
  const day = (offset: number): string => {
    const d = new Date(`${campaign.start}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10).replaceAll('-', '');
  };
  return `${day(-1)}-${day(campaign.days)}`;
}

/** A DICOMweb root from the command line: http(s), without credentials in it. */
function checkedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--dicomweb takes an http:// or https:// URL, not '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--dicomweb takes an http:// or https:// URL, not '${raw}'`);
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(
      `--dicomweb URLs may not hold credentials: put the Authorization header in the environment variable ${DEFAULT_DICOMWEB_AUTH_ENV} (or the one --dicomweb-auth-env names)`,
    );
  }
  if (url.search !== '' || url.hash !== '')
    throw new UsageError(`--dicomweb takes the DICOMweb root without a query, not '${raw}'`);
  return url.href.replace(/\/+$/, '');
}

/** The checked `--dicomweb` URLs (none when the option is absent). */
export function dicomwebUrls(values: OptionValues): string[] {
  return stringListOption(values, 'dicomweb').map(checkedUrl);
}

/** The Authorization header from the environment, if any; a named variable must be set. */
function authorizationHeader(values: OptionValues): Record<string, string> {
  const named = stringOption(values, 'dicomweb-auth-env');
  const value = process.env[named ?? DEFAULT_DICOMWEB_AUTH_ENV] ?? '';
  if (value === '' && named !== undefined) {
    throw new UserError(
      `--dicomweb-auth-env names ${named}, which is not set: put the PACS's Authorization header value in it`,
    );
  }
  return value === '' ? {} : { Authorization: value };
}

/**
 * Reads the campaign's CT and MR exams from every `--dicomweb` PACS, merged in option order. A
 * request that fails (unreachable, HTTP error, timeout, not DICOM JSON) is a `UserError` naming
 * the URL and the reason, so that nothing is written from a partial read.
 *
 * @example
 * const { records, issues } = await readDicomwebSources(values, campaign, { mapping, secret });
 */
export async function readDicomwebSources(
  values: OptionValues,
  campaign: Pick<Campaign, 'start' | 'days'>,
  context: SourceContext,
): Promise<{ records: SourceRecords[]; issues: Issue[] }> {
  const urls = dicomwebUrls(values);
  if (urls.length === 0) return { records: [], issues: [] };
  const headers = authorizationHeader(values);
  const timeoutMs = intOption(values, 'dicomweb-timeout', 30, 1, 3600) * 1000;
  const studyDate = studyDateRange(campaign);
  const records: SourceRecords[] = [];
  const issues: Issue[] = [];
  for (const baseUrl of urls) {
    const read = await readDicomweb({ baseUrl, studyDate, timeoutMs, headers }, context);
    const failure = read.issues.find((i) => i.code === 'dicomweb-request');
    if (failure)
      throw new UserError(
        `cannot read the PACS at ${baseUrl}: ${failure.message} (${failure.file}); nothing was read from the sources`,
      );
    records.push(read.records);
    issues.push(...read.issues);
  }
  return { records, issues };
}
