/**
 * Every threshold of the DICOM room-time rules, in one place (spec sources.md §1.7). The margins
 * are the time in the room before the first image and after the last one when no MPPS gives
 * the real start and end: CT set-up is short (the GE sample shows ~3 min from PPS start to the
 * first image), MR positioning and coils take longer; ANAP 2010's 23–33 min MR in-room medians
 * are the plausibility check.
 */
import type { Modality } from '../../../core/kit-types.ts';

export const DICOM_TIMING = {
  /** Minutes in the room before the first image (installation), per modality. */
  preMarginMinutes: { CT: 5, MR: 10 } satisfies Record<Modality, number>,
  /** Minutes in the room after the last image (getting off the table, leaving). */
  postMarginMinutes: { CT: 3, MR: 5 } satisfies Record<Modality, number>,
  /** Accessions of one patient on one device closer than this are one room passage (Niffler: 20). */
  mergeGapMinutes: 20,
  /** A study whose images span longer than this is not one passage: dropped with a warning. */
  maxExamHours: 6,
  /** Acquisition this many days away from StudyDate is flagged (CT_small.dcm: 7 years). */
  studyDateToleranceDays: 1,
  /** Clock skew: instance creation before acquisition by more than this is a warning. */
  skewToleranceSeconds: 60,
  /** Instance creation this many hours after acquisition: the file was re-written later (archive) or a clock is wrong. */
  creationLateHours: 24,
  /** Clock skew: MPPS start after the first image by more than this is a warning. */
  mppsLateToleranceSeconds: 60,
} as const;

/** SOP classes never used for timing: secondary capture, structured reports (dose SR), presentation states, key objects. */
export const UNTIMED_SOP_CLASS_PREFIXES = [
  '1.2.840.10008.5.1.4.1.1.7',
  '1.2.840.10008.5.1.4.1.1.88.',
  '1.2.840.10008.5.1.4.1.1.11.',
  '1.2.840.10008.5.1.4.1.1.59',
] as const;
