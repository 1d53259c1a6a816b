/**
 * DICOMDIR files (Media Storage Directory, PS3.10 §8) index a file set: patient, study, series
 * and image records, no exam times. They are tolerated: summarised as one info issue, with a
 * warning for records of an unknown type, and never turned into exams.
 */
import type { Issue } from '../../../core/issues.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import { quoteCode } from '../../kit/identifying.ts';
import type { DicomDataset } from './dataset.ts';
import { itemsOf, textOf } from './dataset.ts';
import { TAG } from './dictionary.ts';

const KNOWN_RECORDS = new Set([
  'PATIENT',
  'STUDY',
  'SERIES',
  'IMAGE',
  'RT DOSE',
  'RT STRUCTURE SET',
  'RT PLAN',
  'RT TREAT RECORD',
  'PRESENTATION',
  'WAVEFORM',
  'SR DOCUMENT',
  'KEY OBJECT DOC',
  'SPECTROSCOPY',
  'RAW DATA',
  'REGISTRATION',
  'FIDUCIAL',
  'HANGING PROTOCOL',
  'ENCAP DOC',
  'HL7 STRUC DOC',
  'VALUE MAP',
  'STEREOMETRIC',
  'PALETTE',
  'IMPLANT',
  'IMPLANT GROUP',
  'IMPLANT ASSY',
  'MEASUREMENT',
  'SURFACE',
  'SURFACE SCAN',
  'TRACT',
  'ASSESSMENT',
  'RADIOTHERAPY',
  'ANNOTATION',
  'PRIVATE',
]);

/** Counts of a DICOMDIR's directory records by type. */
export function dicomdirRecords(ds: DicomDataset): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of itemsOf(ds, TAG.DirectoryRecordSequence)) {
    const type = textOf(item, TAG.DirectoryRecordType) ?? '(none)';
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/** The issues of a DICOMDIR: a summary (info) and unknown record types (warning). */
export function dicomdirIssues(file: string, ds: DicomDataset): Issue[] {
  const counts = dicomdirRecords(ds);
  const known = Object.entries(counts)
    .filter(([t]) => KNOWN_RECORDS.has(t))
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  const summary = known || 'no known record';
  const summaryFr = known || 'aucun enregistrement connu';
  const out: Issue[] = [
    makeIssue('info', 'dicom-dicomdir', file, 1, '(0004,1220)', {
      summary,
      'summary@fr': summaryFr,
    }),
  ];
  for (const [type, n] of Object.entries(counts)) {
    if (!KNOWN_RECORDS.has(type)) {
      out.push(
        makeIssue('warning', 'dicom-dicomdir-record', file, 1, '(0004,1430)', {
          n,
          type: quoteCode(type, 32),
        }),
      );
    }
  }
  return out;
}
