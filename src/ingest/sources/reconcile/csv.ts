/**
 * The reconciliation as a table a manager opens in a spreadsheet: one row per exam to chase, then
 * totals per equipment and for all. Written by the shared export writer (`src/export`), so it has
 * the same BOM, formula guard and, in French, the `;` separator and decimal comma as every other
 * table plateau exports.
 */
import { tableToCsv } from '../../../export/csv.ts';
import type { ExportColumnKind, ExportTable } from '../../../export/table.ts';
import type { ReconciliationReport } from './types.ts';

const COLUMNS: [key: string, kind: ExportColumnKind, en: string, fr: string][] = [
  ['row', 'text', 'row', 'ligne'],
  ['equipment', 'text', 'equipment_id', 'equipement'],
  ['start', 'text', 'local_start', 'debut_local'],
  ['category', 'text', 'category', 'categorie'],
  ['acts', 'text', 'acts', 'actes'],
  ['exam', 'text', 'exam_id', 'examen'],
  ['risExams', 'number', 'ris_exams', 'examens_ris'],
  ['dicomExams', 'number', 'dicom_exams', 'examens_dicom'],
  ['matchedRis', 'number', 'matched_ris', 'apparies_ris'],
  ['matchedDicom', 'number', 'matched_dicom', 'apparies_dicom'],
  ['billed', 'number', 'billed_not_performed', 'facture_non_realise'],
  ['performed', 'number', 'performed_not_billed', 'realise_non_facture'],
  ['notReconciled', 'number', 'not_reconciled', 'non_rapproches'],
  ['offset', 'number', 'median_offset_min', 'decalage_median_min'],
];

const WORDS = {
  en: {
    billed: 'billed-not-performed',
    performed: 'performed-not-billed',
    total: 'total',
    all: 'all',
  },
  fr: {
    billed: 'facture-non-realise',
    performed: 'realise-non-facture',
    total: 'total',
    all: 'tous',
  },
} as const;

/**
 * The report as an export table: one row per unmatched exam (billed-not-performed, then
 * performed-not-billed), then a `total` row per equipment and one for all. Exam ids are keyed
 * hashes; acts are separated by spaces.
 *
 * @example
 * tablesToXlsx([reconciliationTable(report, 'fr')]);
 */
export function reconciliationTable(
  report: ReconciliationReport,
  lang: 'en' | 'fr' = 'en',
): ExportTable {
  const w = WORDS[lang];
  const rows: (string | number | null)[][] = [];
  const counts = [null, null, null, null, null, null, null, null] as const;
  for (const [kind, list] of [
    [w.billed, report.billedNotPerformed],
    [w.performed, report.performedNotBilled],
  ] as const) {
    for (const e of list)
      rows.push([kind, e.equipmentId, e.start, e.category, e.acts.join(' '), e.examId, ...counts]);
  }
  for (const e of report.equipment) {
    rows.push([
      w.total,
      e.equipmentId,
      null,
      null,
      null,
      null,
      e.risExams,
      e.dicomExams,
      e.matchedRis,
      e.matchedDicom,
      e.billedNotPerformed,
      e.performedNotBilled,
      e.notReconciled,
      e.medianOffsetMinutes,
    ]);
  }
  const t = report.totals;
  rows.push([
    w.total,
    w.all,
    null,
    null,
    null,
    null,
    t.risExams,
    t.dicomExams,
    t.matchedRis,
    t.matchedDicom,
    t.billedNotPerformed,
    t.performedNotBilled,
    t.notReconciledRis + t.notReconciledDicom,
    null,
  ]);
  const columns = COLUMNS.map(([key, kind, en, fr]) => ({
    key,
    kind,
    label: lang === 'fr' ? fr : en,
  }));
  return { name: lang === 'fr' ? 'rapprochement' : 'reconciliation', columns, rows };
}

/**
 * The report as CSV: comma and decimal point in English, `;` and decimal comma in French (what
 * French Excel expects); BOM and CRLF line ends.
 *
 * @example
 * await writeFile('reconciliation.csv', reconciliationCsv(report, 'fr'));
 */
export function reconciliationCsv(report: ReconciliationReport, lang: 'en' | 'fr' = 'en'): string {
  return tableToCsv(
    reconciliationTable(report, lang),
    lang === 'fr' ? { separator: ';', decimal: ',' } : {},
  );
}
