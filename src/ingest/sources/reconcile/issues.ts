/** The reconciliation report as quality-report issues: a summary, clock warnings, and what to chase. */
import type { Issue } from '../../../core/issues.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import type { ReconciliationReport, UnmatchedExam } from './types.ts';

/** The words of the lists an issue holds, per language (the lists go in as parameters). */
const WORDS = {
  en: {
    category: 'category',
    exam: 'exam',
    more: (n: number) => `; and ${n} more`,
    'equipment-on-one-side': 'equipment on one side only',
    'outside-common-period': 'outside the period both sides cover',
  },
  fr: {
    category: 'catégorie',
    exam: 'examen',
    more: (n: number) => ` ; et ${n} autres`,
    'equipment-on-one-side': 'machine vue d’un seul côté',
    'outside-common-period': 'hors de la période couverte par les deux côtés',
  },
} as const;
type Lang = keyof typeof WORDS;

/** How many unmatched exams an issue lists (the CSV has them all). */
export const LISTED_EXAMS = 20;

function perEquipment(list: readonly UnmatchedExam[]): string {
  const counts = new Map<string, number>();
  for (const e of list) counts.set(e.equipmentId, (counts.get(e.equipmentId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${id} ${n}`).join(', ');
}

function listed(list: readonly UnmatchedExam[], lang: Lang): string {
  const w = WORDS[lang];
  const shown = list
    .slice(0, LISTED_EXAMS)
    .map(
      (e) =>
        `${e.start} ${e.equipmentId} (${w.category} ${e.category}${e.acts.length ? `, ${e.acts.join(' ')}` : ''}, ${w.exam} ${e.examId.slice(0, 12)})`,
    );
  const more = list.length > LISTED_EXAMS ? w.more(list.length - LISTED_EXAMS) : '';
  return `${shown.join(lang === 'fr' ? ' ; ' : '; ')}${more}`;
}

/** A list parameter in English, with its French words beside it (`name@fr`, see i18n/issues). */
function inBoth(name: string, of: (lang: Lang) => string): Record<string, string> {
  return { [name]: of('en'), [`${name}@fr`]: of('fr') };
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
  const t = report.totals;
  const outside = t.notReconciledRis + t.notReconciledDicom;
  const counts = {
    ris: t.risExams,
    dicom: t.dicomExams,
    matchedRis: t.matchedRis,
    matchedDicom: t.matchedDicom,
    byAccession: t.matchedBy.accession,
    byStudy: t.matchedBy['study-uid'],
    byTime: t.matchedBy.time,
    tolerance: report.toleranceMinutes,
    billed: t.billedNotPerformed,
    performed: t.performedNotBilled,
  };
  const notReconciled = (lang: Lang): string =>
    report.notReconciled
      .map((n) => `${n.equipmentId} ${n.side.toUpperCase()} ${n.exams} ${WORDS[lang][n.reason]}`)
      .join(lang === 'fr' ? ' ; ' : '; ');
  issues.push(
    outside > 0
      ? makeIssue('info', 'reconciliation.not-reconciled', file, null, null, {
          ...counts,
          outside,
          ...inBoth('details', notReconciled),
        })
      : makeIssue('info', 'reconciliation', file, null, null, counts),
  );
  if (t.crossEquipmentPairs > 0) {
    issues.push(
      makeIssue('warning', 'reconcile-equipment-mismatch', file, null, null, {
        n: t.crossEquipmentPairs,
      }),
    );
  }
  for (const w of report.warnings) {
    const key = w.offsetMinutes > 0 ? 'clock-skew-vs-ris.later' : 'clock-skew-vs-ris.earlier';
    issues.push(
      makeIssue('warning', key, file, null, null, {
        equipment: w.equipmentId,
        minutes: Math.abs(w.offsetMinutes),
        pairs: w.pairs,
      }),
    );
  }
  for (const [key, list] of [
    ['billed-not-performed', report.billedNotPerformed],
    ['performed-not-billed', report.performedNotBilled],
  ] as const) {
    if (list.length === 0) continue;
    issues.push(
      makeIssue('warning', key, file, null, null, {
        n: list.length,
        perEquipment: perEquipment(list),
        ...inBoth('listed', (lang) => listed(list, lang)),
      }),
    );
  }
  return issues;
}
