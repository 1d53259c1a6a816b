/** The reconciliation report as quality-report issues: a summary, clock warnings, and what to chase. */
import type { Issue } from '../../../core/issues.ts';
import type { ReconciliationReport, UnmatchedExam } from './types.ts';

/** "1 RIS exam", "3 DICOM exams", "2 exams". */
function exams(n: number, side?: string): string {
  return `${n} ${side === undefined ? '' : `${side} `}exam${n === 1 ? '' : 's'}`;
}

/** How many unmatched exams an issue lists (the CSV has them all). */
export const LISTED_EXAMS = 20;

function perEquipment(list: readonly UnmatchedExam[]): string {
  const counts = new Map<string, number>();
  for (const e of list) counts.set(e.equipmentId, (counts.get(e.equipmentId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${id} ${n}`).join(', ');
}

function listed(list: readonly UnmatchedExam[]): string {
  const shown = list
    .slice(0, LISTED_EXAMS)
    .map((e) => `${e.start} ${e.equipmentId} (category ${e.category}${e.acts.length ? `, ${e.acts.join(' ')}` : ''}, exam ${e.examId.slice(0, 12)})`);
  const more = list.length > LISTED_EXAMS ? `; and ${list.length - LISTED_EXAMS} more` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * Issues filed under `file` for a reconciliation: an `info` summary, a `clock-skew-vs-ris`
 * warning per device, and `billed-not-performed` / `performed-not-billed` warnings (counts per
 * equipment, the first exams listed with local time and device, what to check).
 *
 * @example
 * issues.push(...reconciliationIssues(report, '(assembled kit)'));
 */
export function reconciliationIssues(report: ReconciliationReport, file: string): Issue[] {
  const issues: Issue[] = [];
  const note = (severity: Issue['severity'], code: string, message: string, hint: string | null): void => {
    issues.push({ severity, code, file, line: null, column: null, message, hint });
  };
  const t = report.totals;
  const outside = t.notReconciledRis + t.notReconciledDicom;
  note(
    'info',
    'reconciliation',
    `RIS ${exams(t.risExams)}, DICOM ${exams(t.dicomExams)}: ${exams(t.matchedRis, 'RIS')} matched to ${exams(t.matchedDicom, 'DICOM')} (${t.matchedBy.accession} by accession, ${t.matchedBy['study-uid']} by study UID, ${t.matchedBy.time} by time within ${report.toleranceMinutes} min), ${t.billedNotPerformed} billed but not performed, ${t.performedNotBilled} performed but not billed` +
      (outside > 0 ? `, ${outside} not reconciled (${report.notReconciled.map((n) => `${n.equipmentId} ${n.side.toUpperCase()} ${n.exams} ${n.reason === 'equipment-on-one-side' ? 'equipment on one side only' : 'outside the period both sides cover'}`).join('; ')})` : ''),
    null,
  );
  if (t.crossEquipmentPairs > 0) {
    note('warning', 'reconcile-equipment-mismatch', `${exams(t.crossEquipmentPairs)} matched by accession or study UID are mapped to different equipment in the RIS and in DICOM; the RIS equipment is kept`, 'check the room and device rows of the mapping file');
  }
  for (const w of report.warnings) {
    note('warning', w.code, w.message, 'synchronise the device and RIS clocks (NTP); the time matching corrected for the offset');
  }
  if (report.billedNotPerformed.length > 0) {
    note(
      'warning',
      'billed-not-performed',
      `${exams(report.billedNotPerformed.length, 'RIS')} ${report.billedNotPerformed.length === 1 ? 'has' : 'have'} no images from a device that sent images for that period (${perEquipment(report.billedNotPerformed)}): ${listed(report.billedNotPerformed)}`,
      'check that these exams took place (a cancelled exam still billed?), that their images reached the PACS, and that the modality used the accession number of the worklist; the exams are kept',
    );
  }
  if (report.performedNotBilled.length > 0) {
    note(
      'warning',
      'performed-not-billed',
      `${exams(report.performedNotBilled.length, 'DICOM')} ${report.performedNotBilled.length === 1 ? 'has' : 'have'} no RIS exam (${perEquipment(report.performedNotBilled)}): ${listed(report.performedNotBilled)}`,
      'check that these exams were recorded and billed in the RIS (emergencies without an order, an accession typed at the console, a device mapped to the wrong room); the exams are kept',
    );
  }
  return issues;
}
