/**
 * What reconciling the RIS side (HL7 v2, FHIR, spreadsheets: what was billed) with the DICOM side
 * (what the devices imaged) gives: the pairs of records found to be one exam, and a report a
 * manager can act on. Every exam is named by its keyed-hash id only, never a raw identifier.
 */
import type { Category } from '../../../core/kit-types.ts';

/** How a pair was found: same hashed accession, same hashed study UID, or time on one device. */
export type MatchKind = 'accession' | 'study-uid' | 'time';

/** One RIS exam and the DICOM exam found to be the same room passage. */
export interface ExamPair {
  risId: string;
  dicomId: string;
  by: MatchKind;
  /** DICOM start − RIS start, in minutes (raw, before any clock correction). */
  offsetMinutes: number;
}

/** An exam found on one side only, within the period both sides cover on its equipment. */
export interface UnmatchedExam {
  equipmentId: string;
  /** Local start in the site's zone, `YYYY-MM-DD HH:MM`. */
  start: string;
  /** The same start as a UTC instant (ms). */
  startInstant: number;
  category: Category;
  acts: string[];
  /** Keyed-hash exam id. */
  examId: string;
}

/** Reconciliation of one equipment present on both sides. */
export interface EquipmentReconciliation {
  equipmentId: string;
  /** The period both sides cover on it (later first exam → earlier last exam, local), or null when they do not overlap. */
  period: { start: string; end: string } | null;
  risExams: number;
  dicomExams: number;
  /** RIS exams of this equipment paired with a DICOM exam. */
  matchedRis: number;
  /** DICOM exams of this equipment paired with a RIS exam. */
  matchedDicom: number;
  billedNotPerformed: number;
  performedNotBilled: number;
  /** Exams of this equipment, either side, unmatched and outside the common period. */
  notReconciled: number;
  /** Median of DICOM start − RIS start over the key-matched pairs on it, in minutes (null without any). */
  medianOffsetMinutes: number | null;
  /** How many key-matched pairs the median is over. */
  offsetPairs: number;
  /** True when the time-matching pass corrected the DICOM times by the median (clock skew found). */
  skewCorrected: boolean;
}

/** Exams left out of the comparison, with why. */
export interface NotReconciled {
  equipmentId: string;
  side: 'ris' | 'dicom';
  reason: 'equipment-on-one-side' | 'outside-common-period';
  exams: number;
}

/** A clock of a device that disagrees with the RIS. */
export interface ReconcileWarning {
  code: 'clock-skew-vs-ris';
  equipmentId: string;
  offsetMinutes: number;
  pairs: number;
  message: string;
}

/** The whole reconciliation, for the quality report and the CSV. */
export interface ReconciliationReport {
  timeZone: string;
  toleranceMinutes: number;
  totals: {
    risExams: number;
    dicomExams: number;
    /** Pairs by how they were found (a DICOM exam may pair with several RIS exams by key). */
    matchedBy: Record<MatchKind, number>;
    matchedRis: number;
    matchedDicom: number;
    billedNotPerformed: number;
    performedNotBilled: number;
    notReconciledRis: number;
    notReconciledDicom: number;
    /** Key-matched pairs whose two exams are mapped to different equipment (check the mapping). */
    crossEquipmentPairs: number;
  };
  /** One row per equipment present on both sides, by equipment id. */
  equipment: EquipmentReconciliation[];
  notReconciled: NotReconciled[];
  /** RIS exams with no images on a device that sent images for that period. */
  billedNotPerformed: UnmatchedExam[];
  /** DICOM exams with no RIS exam. */
  performedNotBilled: UnmatchedExam[];
  warnings: ReconcileWarning[];
}

/** Thresholds of the matching (each has a default, see RECONCILE_DEFAULTS). */
export interface ReconcileOptions {
  /** IANA zone of the site, for the local times of the report. */
  timeZone: string;
  toleranceMinutes?: number;
  skewThresholdMinutes?: number;
  minSkewPairs?: number;
  keyWindowHours?: number;
}

/** What `reconcile` gives. */
export interface ReconcileResult {
  pairs: ExamPair[];
  report: ReconciliationReport;
  /** Ids of the exams left out of the comparison, per side (see `report.notReconciled`). */
  notReconciled: { ris: string[]; dicom: string[] };
}
