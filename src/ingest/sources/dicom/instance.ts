/**
 * One DICOM instance reduced to the facts the exam builder needs (device keys, exam keys,
 * times as naive wall-clock ms, codes), with patient identity handled at the door: the patient
 * ID becomes a keyed hash, and names, birth dates, addresses and phones are dropped and counted.
 */
import { countRemoved, pseudonymize } from '../identity.ts';
import type { DicomDataset } from './dataset.ts';
import { itemsOf, numberOf, textOf } from './dataset.ts';
import { dateAndTime, parseDicomDate, parseDicomDateTime, parseOffset } from './date-time.ts';
import { TAG } from './dictionary.ts';

/** Which attribute gave an instance's time (the first non-empty in this order). */
export type TimeSource =
  | 'AcquisitionDateTime'
  | 'FrameAcquisitionDateTime'
  | 'AcquisitionDate/Time'
  | 'ContentDate/Time'
  | 'SeriesDate/Time';

/** What the exam builder reads from one instance. */
export interface InstanceFacts {
  file: string;
  studyUid: string | null;
  sopClassUid: string | null;
  modality: string | null;
  /** ImageType starts with ORIGINAL (or has no ImageType): usable for timing. */
  original: boolean;
  accession: string | null;
  /** Keyed hash of (issuer, PatientID); `null` when the ID is absent. */
  patientKey: string | null;
  serial: string | null;
  station: string | null;
  /** StationAETitle (0008,0055), else the file meta's SourceApplicationEntityTitle (0002,0016). */
  aeTitle: string | null;
  manufacturer: string | null;
  model: string | null;
  /** Naive wall-clock ms of the instance, and where it came from. */
  time: number | null;
  timeSource: TimeSource | null;
  /** Offset carried by a DT value (minutes east of UTC), overriding TimezoneOffsetFromUTC. */
  timeOffsetMinutes: number | null;
  /** AcquisitionDuration (0018,9073), ms (0 when absent). */
  durationMs: number;
  seriesTime: number | null;
  mppsStart: number | null;
  mppsEnd: number | null;
  instanceCreation: number | null;
  studyDate: number | null;
  /** TimezoneOffsetFromUTC (0008,0201), minutes east of UTC. */
  offsetMinutes: number | null;
  /** Procedure codes (0008,1032), then requested ones (0032,1064). */
  codes: { code: string; scheme: string | null }[];
  /** Requesting ward/unit: RequestingService (0032,1033), else CurrentPatientLocation (0038,0300). */
  unit: string | null;
  /** Age in whole years from PatientAge (AS), else from the birth date at the study date. */
  ageYears: number | null;
}

/** Identifying attributes dropped at the door (never read past this file). */
const DROPPED: [number, string][] = [
  [TAG.PatientName, '(0010,0010) PatientName'],
  [TAG.PatientBirthDate, '(0010,0030) PatientBirthDate'],
  [TAG.PatientAddress, '(0010,1040) PatientAddress'],
  [TAG.OtherPatientNames, '(0010,1001) OtherPatientNames'],
  [TAG.OtherPatientIDs, '(0010,1000) OtherPatientIDs'],
  [TAG.OtherPatientIDsSequence, '(0010,1002) OtherPatientIDsSequence'],
  [TAG.PatientBirthName, '(0010,1005) PatientBirthName'],
  [TAG.PatientMotherBirthName, '(0010,1060) PatientMotherBirthName'],
  [TAG.PatientTelephoneNumbers, '(0010,2154) PatientTelephoneNumbers'],
];

function present(ds: DicomDataset, tag: number): boolean {
  const v = ds.get(tag)?.value;
  return typeof v === 'string'
    ? v.replace(/[\0 ]+$/, '').trim() !== ''
    : Array.isArray(v) && v.length > 0;
}

function ageOf(ds: DicomDataset, studyDate: number | null): number | null {
  const as = /^(\d{3})([DWMY])$/.exec(textOf(ds, TAG.PatientAge) ?? '');
  if (as) {
    const n = Number(as[1]);
    return Math.floor(
      as[2] === 'Y' ? n : as[2] === 'M' ? n / 12 : as[2] === 'W' ? n / 52 : n / 365,
    );
  }
  const birth = parseDicomDate(textOf(ds, TAG.PatientBirthDate));
  if (birth === null || studyDate === null || studyDate < birth) return null;
  const b = new Date(birth);
  const s = new Date(studyDate);
  let years = s.getUTCFullYear() - b.getUTCFullYear();
  if (
    s.getUTCMonth() < b.getUTCMonth() ||
    (s.getUTCMonth() === b.getUTCMonth() && s.getUTCDate() < b.getUTCDate())
  )
    years--;
  return years;
}

function timeOf(
  ds: DicomDataset,
): { time: number; source: TimeSource; offset: number | null } | null {
  const dt = parseDicomDateTime(textOf(ds, TAG.AcquisitionDateTime));
  if (dt) return { time: dt.naive, source: 'AcquisitionDateTime', offset: dt.offsetMinutes };
  let frame: { naive: number; offsetMinutes: number | null } | null = null;
  for (const group of itemsOf(ds, TAG.PerFrameFunctionalGroupsSequence)) {
    for (const content of itemsOf(group, TAG.FrameContentSequence)) {
      const f = parseDicomDateTime(textOf(content, TAG.FrameAcquisitionDateTime));
      if (f && (frame === null || f.naive < frame.naive)) frame = f;
    }
  }
  if (frame)
    return { time: frame.naive, source: 'FrameAcquisitionDateTime', offset: frame.offsetMinutes };
  const acq = dateAndTime(
    textOf(ds, TAG.AcquisitionDate) ??
      textOf(ds, TAG.ContentDate) ??
      textOf(ds, TAG.SeriesDate) ??
      textOf(ds, TAG.StudyDate),
    textOf(ds, TAG.AcquisitionTime),
  );
  if (acq !== null) return { time: acq, source: 'AcquisitionDate/Time', offset: null };
  const content = dateAndTime(
    textOf(ds, TAG.ContentDate) ?? textOf(ds, TAG.SeriesDate) ?? textOf(ds, TAG.StudyDate),
    textOf(ds, TAG.ContentTime),
  );
  if (content !== null) return { time: content, source: 'ContentDate/Time', offset: null };
  const series = dateAndTime(
    textOf(ds, TAG.SeriesDate) ?? textOf(ds, TAG.StudyDate),
    textOf(ds, TAG.SeriesTime),
  );
  if (series !== null) return { time: series, source: 'SeriesDate/Time', offset: null };
  return null;
}

function codesOf(ds: DicomDataset): { code: string; scheme: string | null }[] {
  const out: { code: string; scheme: string | null }[] = [];
  const sources = [ds, ...itemsOf(ds, TAG.RequestAttributesSequence)];
  for (const s of sources) {
    for (const tag of [TAG.ProcedureCodeSequence, TAG.RequestedProcedureCodeSequence]) {
      for (const item of itemsOf(s, tag)) {
        const code = textOf(item, TAG.CodeValue);
        if (code !== null && !out.some((c) => c.code === code))
          out.push({ code, scheme: textOf(item, TAG.CodingSchemeDesignator) });
      }
    }
  }
  return out;
}

/**
 * Reduces a header to the facts the exam builder needs; counts the identifying attributes it
 * drops or pseudonymizes in `removed`.
 *
 * @example
 * const facts = instanceFacts('CT_small.dcm', header.dataset, header.meta, secret, removed);
 * facts.modality // → 'CT'
 */
export function instanceFacts(
  file: string,
  ds: DicomDataset,
  meta: DicomDataset,
  secret: string,
  removed: Record<string, number>,
): InstanceFacts {
  for (const [tag, label] of DROPPED) if (present(ds, tag)) countRemoved(removed, label);
  const patientId = textOf(ds, TAG.PatientID);
  let patientKey: string | null = null;
  if (patientId !== null) {
    patientKey = pseudonymize(`${textOf(ds, TAG.IssuerOfPatientID) ?? ''}|${patientId}`, secret);
    countRemoved(removed, '(0010,0020) PatientID pseudonymized');
  }
  const studyDate = parseDicomDate(textOf(ds, TAG.StudyDate));
  const t = timeOf(ds);
  const imageType = textOf(ds, TAG.ImageType);
  let accession = textOf(ds, TAG.AccessionNumber);
  if (accession === null)
    for (const item of itemsOf(ds, TAG.RequestAttributesSequence))
      accession ??= textOf(item, TAG.AccessionNumber);
  const duration = numberOf(ds, TAG.AcquisitionDuration);
  return {
    file,
    studyUid: textOf(ds, TAG.StudyInstanceUID),
    sopClassUid: textOf(ds, TAG.SOPClassUID),
    modality: textOf(ds, TAG.Modality)?.toUpperCase() ?? null,
    original: imageType === null || /^ORIGINAL/i.test(imageType),
    accession,
    patientKey,
    serial: textOf(ds, TAG.DeviceSerialNumber),
    station: textOf(ds, TAG.StationName),
    aeTitle: textOf(ds, TAG.StationAETitle) ?? textOf(meta, TAG.SourceApplicationEntityTitle),
    manufacturer: textOf(ds, TAG.Manufacturer),
    model: textOf(ds, TAG.ManufacturerModelName),
    time: t?.time ?? null,
    timeSource: t?.source ?? null,
    timeOffsetMinutes: t?.offset ?? null,
    durationMs: duration !== null && duration > 0 && duration < 86_400 ? duration * 1000 : 0,
    seriesTime: dateAndTime(
      textOf(ds, TAG.SeriesDate) ?? textOf(ds, TAG.StudyDate),
      textOf(ds, TAG.SeriesTime),
    ),
    mppsStart: dateAndTime(
      textOf(ds, TAG.PerformedProcedureStepStartDate),
      textOf(ds, TAG.PerformedProcedureStepStartTime),
    ),
    mppsEnd: dateAndTime(
      textOf(ds, TAG.PerformedProcedureStepEndDate),
      textOf(ds, TAG.PerformedProcedureStepEndTime),
    ),
    instanceCreation: dateAndTime(
      textOf(ds, TAG.InstanceCreationDate),
      textOf(ds, TAG.InstanceCreationTime),
    ),
    studyDate,
    offsetMinutes: parseOffset(textOf(ds, TAG.TimezoneOffsetFromUTC)),
    codes: codesOf(ds),
    unit: textOf(ds, TAG.RequestingService) ?? textOf(ds, TAG.CurrentPatientLocation),
    ageYears: ageOf(ds, studyDate),
  };
}
