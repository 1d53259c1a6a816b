/**
 * From instance facts to room passages (sources.md §1.7): instances grouped by device and study,
 * times from MPPS when present, else first/last image with per-modality margins (timing.ts),
 * accessions of one patient on one device merged when close, passages clipped so that they never
 * overlap on a device, and a clock-skew check per device. Pure: issues are returned, not thrown.
 */
import type { ZoneClock } from '../../../core/calendar.ts';
import type { Issue } from '../../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../../i18n/issues/index.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import type { AgeBand, Category, Equipment, Exam, Modality } from '../../../core/kit-types.ts';
import { quoteCode } from '../../kit/identifying.ts';
import { identifierDigest } from '../identity.ts';
import { mergeExamKeys, type ExamKeys, type SiteMapping } from '../types.ts';
import type { InstanceFacts } from './instance.ts';
import { UnknownCategories } from '../patient-class.ts';
import { DICOM_TIMING, UNTIMED_SOP_CLASS_PREFIXES } from './timing.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What the builder gives: exams, their equipment, their join keys (hashed) and the issues found. */
export interface BuiltExams {
  exams: Exam[];
  equipment: Equipment[];
  /** By exam id: hashed accessions and study UID of each exam (merged accessions keep all). */
  keys: Map<string, ExamKeys>;
  issues: Issue[];
}

interface Passage {
  exam: Exam;
  modality: Modality;
  patientKey: string | null;
  file: string;
}

/** An issue of a catalog key (its words in every language), on the first line of `file` when `column` is known. */
function said(
  severity: Issue['severity'],
  key: IssueKey,
  file: string,
  column: string | null,
  params: IssueParams,
): Issue {
  return makeIssue(severity, key, file, column === null ? null : 1, column, params);
}

const same = (a: string | undefined, b: string | null): boolean =>
  a === undefined || (b !== null && a.trim().toUpperCase() === b.trim().toUpperCase());

/** The equipment of a device through the site mapping (first entry whose given DICOM keys all match). */
function equipmentOf(f: InstanceFacts, mapping: SiteMapping): string | null {
  for (const e of mapping.equipment) {
    if (e.serial === undefined && e.station === undefined && e.aeTitle === undefined) continue;
    if (same(e.serial, f.serial) && same(e.station, f.station) && same(e.aeTitle, f.aeTitle))
      return e.equipmentId;
  }
  return null;
}

function ageBandOf(years: number | null): AgeBand | null {
  if (years === null) return null;
  return years < 18 ? '0-17' : years < 65 ? '18-64' : years < 80 ? '65-79' : '80+';
}

function categoryOf(unit: string | null, mapping: SiteMapping): Category | null {
  for (const c of mapping.categories) {
    if (c.patientClass !== undefined) continue;
    if (c.unit === undefined || same(c.unit, unit)) return c.category;
  }
  return null;
}

function fmtMinutes(ms: number): string {
  const m = Math.round(ms / MINUTE);
  return Math.abs(m) >= 120 ? `${(m / 60).toFixed(1)} h` : `${m} min`;
}

/**
 * Builds the exams of a set of DICOM instances for one site. Exam ids are keyed hashes: of the
 * trimmed accession (as the RIS's, so both sides name an exam alike), else of the study UID;
 * raw identifiers never leave the adapter.
 *
 * @example
 * const { exams, equipment, keys, issues } = buildExams(facts, mapping, new ZoneClock('Europe/Paris'), secret);
 */
export function buildExams(
  facts: readonly InstanceFacts[],
  mapping: SiteMapping,
  clock: ZoneClock,
  secret: string,
): BuiltExams {
  const issues: Issue[] = [];
  const equipment = new Map<string, Equipment>();
  const groups = new Map<
    string,
    { equipmentId: string; modality: Modality; items: InstanceFacts[] }
  >();
  const unmapped = new Map<string, { file: string; n: number }>();
  const skippedModality = new Map<string, { file: string; n: number }>();
  const mismatched = new Map<
    string,
    { file: string; n: number; equipment: string; modality: string; device: string }
  >();

  // File-name order makes the result independent of the order the files were given in (the
  // equipment's label and modality come from its first file).
  const ordered = [...facts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const f of ordered) {
    if (f.modality !== 'CT' && f.modality !== 'MR') {
      const key = f.modality === null ? '(none)' : quoteCode(f.modality);
      const s = skippedModality.get(key);
      if (s) s.n++;
      else skippedModality.set(key, { file: f.file, n: 1 });
      continue;
    }
    if (f.studyUid === null) {
      issues.push(said('error', 'dicom-no-study-uid', f.file, '(0020,000D)', {}));
      continue;
    }
    const deviceKey = f.serial ?? f.station ?? f.aeTitle;
    if (deviceKey === null) {
      issues.push(said('warning', 'dicom-no-device', f.file, '(0018,1000)', {}));
      continue;
    }
    const equipmentId = equipmentOf(f, mapping);
    if (equipmentId === null) {
      // Device keys are codes the mapping needs; a name typed in one is described, not quoted.
      const shown = (v: string | null): string => (v === null ? '-' : quoteCode(v, 32));
      const label = `serial ${shown(f.serial)}, station ${shown(f.station)}, AE ${shown(f.aeTitle)}`;
      const u = unmapped.get(label);
      if (u) u.n++;
      else unmapped.set(label, { file: f.file, n: 1 });
      continue;
    }
    const known = equipment.get(equipmentId);
    if (!known) {
      const label = [f.manufacturer, f.model].filter((x) => x !== null).join(' ');
      equipment.set(equipmentId, {
        equipmentId,
        finess: mapping.finess,
        modality: f.modality,
        label: label === '' ? null : label,
        installedYear: null,
        role: 'general',
      });
    } else if (known.modality !== f.modality) {
      const key = `${equipmentId}\u0000${f.modality}\u0000${known.modality}`;
      const m = mismatched.get(key);
      if (m) m.n++;
      else
        mismatched.set(key, {
          file: f.file,
          n: 1,
          equipment: equipmentId,
          modality: f.modality,
          device: known.modality,
        });
      continue;
    }
    const key = `${equipmentId}\u0000${f.studyUid}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { equipmentId, modality: f.modality, items: [] }));
    g.items.push(f);
  }
  for (const [modality, s] of skippedModality) {
    issues.push(said('info', 'dicom-other-modality', s.file, '(0008,0060)', { n: s.n, modality }));
  }
  for (const m of mismatched.values()) {
    issues.push(
      said('warning', 'dicom-modality-mismatch', m.file, '(0008,0060)', {
        equipment: m.equipment,
        modality: m.modality,
        device: m.device,
        n: m.n,
      }),
    );
  }
  for (const [label, u] of unmapped) {
    issues.push(
      said('warning', 'dicom-unmapped-device', u.file, '(0018,1000)', { device: label, n: u.n }),
    );
  }

  const toInstant = (naive: number, offset: number | null): number =>
    offset !== null ? naive - offset * MINUTE : clock.toInstantLenient(naive);
  const byDevice = new Map<string, Passage[]>();
  const skew = new Map<string, { file: string; creation: number[]; mppsLate: number[] }>();
  const studyOf = new Map<Exam, string>();
  const keysOf = new Map<Exam, ExamKeys>();
  const hashed = new Map<string, string>();
  const hash = (value: string): string => {
    let h = hashed.get(value);
    // The digest the RIS side gives the same accession or study UID (raw or kept hashed).
    if (h === undefined) hashed.set(value, (h = identifierDigest(value, secret)));
    return h;
  };
  const fileOf = new Map<Exam, string>();
  // No RequestingService, or one the mapping lacks: an outpatient, said once (patient-class.ts).
  const unknownCategories = new UnknownCategories({ source: 'DICOM', column: '(0032,1033)' });

  for (const g of groups.values()) {
    const first = g.items[0] as InstanceFacts;
    const timed = g.items.filter(
      (f) =>
        f.time !== null && !UNTIMED_SOP_CLASS_PREFIXES.some((p) => f.sopClassUid?.startsWith(p)),
    );
    let used = timed.filter((f) => f.original);
    if (used.length === 0 && timed.length > 0) {
      used = timed;
      issues.push(
        said('info', 'dicom-derived-only', first.file, '(0008,0008)', { n: timed.length }),
      );
    }
    const mppsStarts = g.items.flatMap((f) =>
      f.mppsStart === null ? [] : [toInstant(f.mppsStart, f.offsetMinutes)],
    );
    const mppsEnds = g.items.flatMap((f) =>
      f.mppsEnd === null ? [] : [toInstant(f.mppsEnd, f.offsetMinutes)],
    );
    if (used.length === 0 && mppsStarts.length === 0) {
      issues.push(
        said('warning', 'dicom-no-time', first.file, '(0008,0032)', { n: g.items.length }),
      );
      continue;
    }
    let firstImage = Infinity;
    let lastImage = -Infinity;
    const s = skew.get(g.equipmentId) ?? { file: first.file, creation: [], mppsLate: [] };
    skew.set(g.equipmentId, s);
    const altVendor = /philips|fonar/i.test(first.manufacturer ?? '');
    for (const f of used) {
      const offset = f.timeOffsetMinutes ?? f.offsetMinutes;
      const at = toInstant(f.time as number, offset);
      let start = at;
      // Philips/FONAR stamp the series start before the acquisition (Niffler's "AltCase").
      if (altVendor && f.seriesTime !== null)
        start = Math.min(start, toInstant(f.seriesTime, f.offsetMinutes));
      firstImage = Math.min(firstImage, start);
      lastImage = Math.max(lastImage, at + f.durationMs);
      if (f.instanceCreation !== null)
        s.creation.push(toInstant(f.instanceCreation, f.offsetMinutes) - at);
      if (
        f.studyDate !== null &&
        Math.abs((f.time as number) - f.studyDate) > (DICOM_TIMING.studyDateToleranceDays + 1) * DAY
      ) {
        issues.push(
          said('warning', 'dicom-study-date-gap', f.file, '(0008,0020)', {
            acquired: new Date(f.time as number).toISOString().slice(0, 10),
            days: Math.round(Math.abs((f.time as number) - f.studyDate) / DAY),
            studyDate: new Date(f.studyDate).toISOString().slice(0, 10),
          }),
        );
      }
    }
    const mppsStart = mppsStarts.length ? Math.min(...mppsStarts) : null;
    const mppsEnd = mppsEnds.length ? Math.max(...mppsEnds) : null;
    if (mppsStart !== null && firstImage !== Infinity) s.mppsLate.push(mppsStart - firstImage);
    let roomIn: number;
    let roomOut: number;
    if (firstImage === Infinity) {
      roomIn = mppsStart as number;
      roomOut =
        mppsEnd ?? (mppsStart as number) + DICOM_TIMING.postMarginMinutes[g.modality] * MINUTE;
    } else {
      roomIn =
        mppsStart !== null
          ? Math.min(mppsStart, firstImage)
          : firstImage - DICOM_TIMING.preMarginMinutes[g.modality] * MINUTE;
      roomOut =
        mppsEnd !== null
          ? Math.max(mppsEnd, lastImage)
          : lastImage + DICOM_TIMING.postMarginMinutes[g.modality] * MINUTE;
    }
    if (roomOut - roomIn > DICOM_TIMING.maxExamHours * 60 * MINUTE) {
      issues.push(
        said('warning', 'dicom-exam-too-long', first.file, '(0008,0032)', {
          span: fmtMinutes(roomOut - roomIn),
          hours: DICOM_TIMING.maxExamHours,
        }),
      );
      continue;
    }
    const acts: string[] = [];
    for (const c of g.items.flatMap((f) => f.codes)) {
      const ccam = /^CCAM/i.test(c.scheme ?? '')
        ? c.code
        : mapping.acts.find((a) => a.localCode === c.code)?.ccam;
      if (ccam !== undefined && !acts.includes(ccam)) acts.push(ccam);
    }
    const unit = g.items.find((f) => f.unit !== null)?.unit ?? null;
    const category =
      categoryOf(unit, mapping) ??
      unknownCategories.count(first.file, 1, unit === null || unit.trim() === '' ? [] : [unit]);
    const accessions: string[] = [];
    for (const f of g.items) {
      const a = f.accession?.trim() ?? '';
      if (a !== '' && !accessions.includes(a)) accessions.push(a);
    }
    const studyUid = (first.studyUid as string).trim();
    // The keyed hash of (0010,0021)|(0010,0020) (instance.ts), never the PatientID itself.
    const patientKey = g.items.find((f) => f.patientKey !== null)?.patientKey ?? null;
    const exam: Exam = {
      examId: hash(accessions[0] ?? studyUid),
      equipmentId: g.equipmentId,
      category,
      roomIn,
      roomOut,
      acts,
      icr: null,
      reportValidatedAt: null,
      requestedAt: null,
      scheduledMinutes: null,
      ageBand: ageBandOf(g.items.find((f) => f.ageYears !== null)?.ageYears ?? null),
      patientKey,
    };
    studyOf.set(exam, hash(studyUid));
    keysOf.set(exam, { accessions: accessions.map(hash), studyUids: [hash(studyUid)] });
    fileOf.set(exam, first.file);
    const list = byDevice.get(g.equipmentId) ?? [];
    list.push({
      exam,
      modality: g.modality,
      patientKey,
      file: first.file,
    });
    byDevice.set(g.equipmentId, list);
  }
  issues.push(...unknownCategories.issues());

  const exams: Exam[] = [];
  for (const [equipmentId, list] of byDevice) {
    list.sort((a, b) => a.exam.roomIn - b.exam.roomIn || a.exam.roomOut - b.exam.roomOut);
    const merged: Passage[] = [];
    for (const p of list) {
      const prev = merged[merged.length - 1];
      if (
        prev &&
        prev.patientKey !== null &&
        prev.patientKey === p.patientKey &&
        p.exam.roomIn - prev.exam.roomOut < DICOM_TIMING.mergeGapMinutes * MINUTE
      ) {
        prev.exam.examId = `${prev.exam.examId}+${p.exam.examId}`;
        const kept = keysOf.get(prev.exam);
        if (kept) mergeExamKeys(kept, keysOf.get(p.exam) ?? {});
        prev.exam.roomOut = Math.max(prev.exam.roomOut, p.exam.roomOut);
        for (const a of p.exam.acts) if (!prev.exam.acts.includes(a)) prev.exam.acts.push(a);
        issues.push(
          said('info', 'dicom-merged-accessions', p.file, '(0008,0050)', {
            accession: p.exam.examId,
            into: prev.exam.examId.split('+')[0] ?? '',
            minutes: DICOM_TIMING.mergeGapMinutes,
          }),
        );
        continue;
      }
      merged.push(p);
    }
    for (let i = 0; i < merged.length; i++) {
      const p = merged[i] as Passage;
      const next = merged[i + 1];
      if (next && p.exam.roomOut > next.exam.roomIn) {
        issues.push(
          said('info', 'dicom-clipped', p.file, '(0008,0032)', {
            exam: p.exam.examId,
            equipment: equipmentId,
            overlap: fmtMinutes(p.exam.roomOut - next.exam.roomIn),
          }),
        );
        p.exam.roomOut = next.exam.roomIn;
      }
      if (p.exam.roomOut <= p.exam.roomIn) {
        issues.push(
          said('warning', 'dicom-empty-exam', p.file, '(0008,0032)', {
            exam: p.exam.examId,
            equipment: equipmentId,
          }),
        );
        continue;
      }
      exams.push(p.exam);
    }
  }

  for (const [equipmentId, s] of skew) {
    if (s.creation.length === 0 && s.mppsLate.length === 0) continue;
    const med = (v: number[]): number => {
      const sorted = [...v].sort((a, b) => a - b);
      return sorted[sorted.length >> 1] as number;
    };
    const parts: string[] = [];
    const partsFr: string[] = [];
    let warn = false;
    if (s.creation.length) {
      const m = med(s.creation);
      parts.push(
        `instance creation − acquisition median ${fmtMinutes(m)} over ${s.creation.length} image(s)`,
      );
      partsFr.push(
        `création des instances − acquisition : médiane ${fmtMinutes(m)} sur ${s.creation.length} image(s)`,
      );
      if (m < -DICOM_TIMING.skewToleranceSeconds * 1000) warn = true;
      if (m > DICOM_TIMING.creationLateHours * 60 * MINUTE) {
        warn = true;
        parts.push('instances were created long after acquisition (re-archived, or a wrong clock)');
        partsFr.push(
          'instances créées longtemps après l’acquisition (réarchivage, ou horloge fausse)',
        );
      }
    }
    if (s.mppsLate.length) {
      const m = med(s.mppsLate);
      parts.push(
        `MPPS start − first image median ${fmtMinutes(m)} over ${s.mppsLate.length} exam(s)`,
      );
      partsFr.push(
        `début MPPS − première image : médiane ${fmtMinutes(m)} sur ${s.mppsLate.length} examen(s)`,
      );
      if (m > DICOM_TIMING.mppsLateToleranceSeconds * 1000) warn = true;
    }
    issues.push(
      said(
        warn ? 'warning' : 'info',
        warn ? 'dicom-clock-skew.warn' : 'dicom-clock-skew',
        s.file,
        null,
        {
          equipment: equipmentId,
          checks: parts.join('; '),
          'checks@fr': partsFr.join(' ; '),
        },
      ),
    );
  }
  exams.sort((a, b) => a.roomIn - b.roomIn || a.equipmentId.localeCompare(b.equipmentId));
  // Accessions are not unique across patients (the samples reuse "2"): keep exam ids unique.
  const seen = new Set<string>();
  for (const e of exams) {
    if (seen.has(e.examId)) {
      const study = studyOf.get(e) ?? '';
      issues.push(
        said('info', 'dicom-duplicate-accession', fileOf.get(e) ?? '', '(0008,0050)', {
          accession: e.examId,
          renamed: `${e.examId}@${study}`,
        }),
      );
      e.examId = `${e.examId}@${study}`;
    }
    seen.add(e.examId);
  }
  const keys = new Map<string, ExamKeys>();
  for (const e of exams) keys.set(e.examId, keysOf.get(e) ?? { accessions: [], studyUids: [] });
  return {
    exams,
    equipment: [...equipment.values()].sort((a, b) => a.equipmentId.localeCompare(b.equipmentId)),
    keys,
    issues,
  };
}
