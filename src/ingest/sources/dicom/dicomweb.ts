/**
 * A DICOMweb QIDO-RS client: studies → series (CT and MR) → instances, with the timing and
 * device attributes asked for by `includefield`, paged with limit/offset, every request under
 * a timeout. Instances inherit their study's and series' attributes, then go through the same
 * facts and exam builder as Part-10 files. Network and format problems are located issues
 * (the URL as the file).
 */
import type { Issue } from '../../../core/issues.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import type { SourceContext, SourceRecords } from '../types.ts';
import type { DicomDataset } from './dataset.ts';
import { textOf } from './dataset.ts';
import { fromDicomJson } from './dicom-json.ts';
import { TAG } from './dictionary.ts';
import { recordsFromFacts } from './index.ts';
import type { InstanceFacts } from './instance.ts';
import { instanceFacts } from './instance.ts';

/** Attributes asked of every instance (QIDO returns only a default set otherwise). */
export const INCLUDE_FIELDS = [
  TAG.ImageType,
  TAG.InstanceCreationDate,
  TAG.InstanceCreationTime,
  TAG.SOPClassUID,
  TAG.AcquisitionDateTime,
  TAG.SeriesDate,
  TAG.AcquisitionDate,
  TAG.ContentDate,
  TAG.SeriesTime,
  TAG.AcquisitionTime,
  TAG.ContentTime,
  TAG.AccessionNumber,
  TAG.StationAETitle,
  TAG.Modality,
  TAG.Manufacturer,
  TAG.TimezoneOffsetFromUTC,
  TAG.StationName,
  TAG.ManufacturerModelName,
  TAG.PatientAge,
  TAG.DeviceSerialNumber,
  TAG.AcquisitionDuration,
  TAG.RequestingService,
  TAG.CurrentPatientLocation,
  TAG.PerformedProcedureStepStartDate,
  TAG.PerformedProcedureStepStartTime,
  TAG.PerformedProcedureStepEndDate,
  TAG.PerformedProcedureStepEndTime,
  TAG.ProcedureCodeSequence,
].map((t) => t.toString(16).toUpperCase().padStart(8, '0'));

/** Where and how to query. */
export interface DicomwebOptions {
  /** The DICOMweb root, e.g. `http://pacs:8042/dicom-web`. */
  baseUrl: string;
  /** Results per QIDO page (limit); default 100. */
  pageSize?: number;
  /** Per-request timeout in ms; default 30,000. */
  timeoutMs?: number;
  /** A StudyDate match, e.g. `20261101-20261128` (the campaign's days). */
  studyDate?: string;
  /** Extra request headers (e.g. `Authorization`). */
  headers?: Record<string, string>;
}

class QidoError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

async function getJson(url: string, o: DicomwebOptions): Promise<unknown[]> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/dicom+json', ...o.headers },
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
  } catch (e) {
    const reason =
      e instanceof Error && e.name === 'TimeoutError'
        ? `no answer within ${o.timeoutMs ?? 30_000} ms`
        : e instanceof Error
          ? e.cause instanceof Error
            ? e.cause.message
            : e.message
          : String(e);
    throw new QidoError(url, `QIDO-RS request failed: ${reason}`);
  }
  if (response.status === 204) return [];
  if (!response.ok)
    throw new QidoError(url, `QIDO-RS answered HTTP ${response.status} ${response.statusText}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new QidoError(url, 'QIDO-RS answer is not JSON');
  }
  if (!Array.isArray(body))
    throw new QidoError(url, 'QIDO-RS answer is not a JSON array (DICOM JSON model)');
  return body;
}

/** All pages of one QIDO query. */
async function queryAll(
  path: string,
  params: [string, string][],
  o: DicomwebOptions,
): Promise<DicomDataset[]> {
  const limit = o.pageSize ?? 100;
  const out: DicomDataset[] = [];
  for (let offset = 0; ; offset += limit) {
    const q = new URLSearchParams([
      ...params,
      ['limit', String(limit)],
      ['offset', String(offset)],
    ]);
    const page = await getJson(`${o.baseUrl.replace(/\/+$/, '')}${path}?${q.toString()}`, o);
    out.push(...page.map((item) => fromDicomJson(item)));
    if (page.length < limit) return out;
  }
}

/**
 * Queries a PACS through QIDO-RS and returns the CT and MR instances, each with its study's and
 * series' attributes merged in.
 *
 * @example
 * const { instances, issues } = await queryDicomweb({ baseUrl: 'http://127.0.0.1:8042/dicom-web', studyDate: '20261101-20261128' });
 */
export async function queryDicomweb(
  o: DicomwebOptions,
): Promise<{ instances: { name: string; dataset: DicomDataset }[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const instances: { name: string; dataset: DicomDataset }[] = [];
  const fail = (e: unknown): void => {
    if (!(e instanceof QidoError)) throw e;
    issues.push(makeIssue('error', 'dicomweb-request', e.url, null, null, { detail: e.message }));
  };
  let studies: DicomDataset[] = [];
  try {
    studies = await queryAll('/studies', o.studyDate ? [['StudyDate', o.studyDate]] : [], o);
  } catch (e) {
    fail(e);
  }
  // Instances are named by their rank, not their UIDs: a name ends up in issues, and study UIDs
  // are identifiers (hashed everywhere else).
  const rank = (n: number, width: number): string => String(n).padStart(width, '0');
  let studyRank = 0;
  for (const study of studies) {
    studyRank++;
    const studyUid = textOf(study, TAG.StudyInstanceUID);
    if (studyUid === null) continue;
    try {
      const series = await queryAll(`/studies/${encodeURIComponent(studyUid)}/series`, [], o);
      let seriesRank = 0;
      for (const s of series) {
        seriesRank++;
        const seriesUid = textOf(s, TAG.SeriesInstanceUID);
        const modality = textOf(s, TAG.Modality);
        if (seriesUid === null || (modality !== 'CT' && modality !== 'MR')) continue;
        const found = await queryAll(
          `/studies/${encodeURIComponent(studyUid)}/series/${encodeURIComponent(seriesUid)}/instances`,
          INCLUDE_FIELDS.map((f) => ['includefield', f] as [string, string]),
          o,
        );
        for (const [i, instance] of found.entries()) {
          const dataset: DicomDataset = new Map([...study, ...s, ...instance]);
          instances.push({
            name: `dicomweb:study-${rank(studyRank, 6)}/series-${rank(seriesRank, 4)}/instance-${rank(i + 1, 6)}`,
            dataset,
          });
        }
      }
    } catch (e) {
      fail(e);
    }
  }
  return { instances, issues };
}

/**
 * Reads a PACS through DICOMweb into records, like the Part-10 source does for files.
 *
 * @example
 * const { records, issues } = await readDicomweb({ baseUrl }, { mapping, secret });
 */
export async function readDicomweb(
  o: DicomwebOptions,
  context: SourceContext,
): Promise<{ records: SourceRecords; issues: Issue[] }> {
  const { instances, issues } = await queryDicomweb(o);
  const removed: Record<string, number> = {};
  const facts: InstanceFacts[] = instances.map((i) =>
    instanceFacts(i.name, i.dataset, new Map(), context.secret, removed),
  );
  const out = recordsFromFacts(facts, context, removed, 'dicomweb');
  return { records: out.records, issues: [...issues, ...out.issues] };
}
