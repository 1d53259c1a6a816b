/**
 * Matching the RIS's exams (what was billed) with the DICOM exams (what the devices imaged), in
 * three passes: same hashed accession, same hashed study UID, then time on the same equipment
 * (clock skew corrected). Only equipment both sides know, and only the period both cover on it,
 * give "billed but not performed" and "performed but not billed"; the rest is "not reconciled".
 * Pure and independent of the order of its inputs.
 */
import { ZoneClock } from '../../../core/calendar.ts';
import type { Exam } from '../../../core/kit-types.ts';
import { quantileSorted, sortedFinite } from '../../../core/stats.ts';
import type { ExamKeys } from '../types.ts';
import type {
  EquipmentReconciliation,
  ExamPair,
  MatchKind,
  NotReconciled,
  ReconcileOptions,
  ReconcileResult,
  ReconcileWarning,
  UnmatchedExam,
} from './types.ts';

const MINUTE = 60_000;

/**
 * Default thresholds.
 * - `toleranceMinutes`: a RIS and a DICOM exam on one device whose intervals overlap and whose
 *   starts are this close are one exam when no key links them.
 * - `skewThresholdMinutes`: the DICOM room entry is the first image minus the acquisition margin
 *   of timing.ts (5–10 min) while the RIS records when the technologist started the exam, so a
 *   median offset up to about that margin is the two definitions differing, not a clock: beyond
 *   10 min the device (or the RIS) clock is off and the time pass corrects for it.
 * - `minSkewPairs`: fewer key-matched pairs give no reliable median.
 * - `keyWindowHours`: accessions are reused (the samples reuse "2"): a key match needs both
 *   starts within this window, wide enough for a wrong time zone on a device.
 */
export const RECONCILE_DEFAULTS = {
  toleranceMinutes: 30,
  skewThresholdMinutes: 10,
  minSkewPairs: 5,
  keyWindowHours: 24,
} as const;

const NO_KEYS: ExamKeys = { accessions: [], studyUids: [] };

/** Exams in one total order (ids are unique within a side), so results never depend on input order. */
function canonical(exams: readonly Exam[]): Exam[] {
  return [...exams].sort(
    (a, b) =>
      (a.equipmentId < b.equipmentId ? -1 : a.equipmentId > b.equipmentId ? 1 : 0) ||
      a.roomIn - b.roomIn ||
      a.roomOut - b.roomOut ||
      (a.examId < b.examId ? -1 : a.examId > b.examId ? 1 : 0),
  );
}

const median = (values: readonly number[]): number | null =>
  quantileSorted(sortedFinite(values), 0.5);

/** `YYYY-MM-DD HH:MM` in the zone. */
function localTime(zone: ZoneClock, instant: number): string {
  const w = zone.toWallClock(instant);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

/**
 * Matches RIS exams with DICOM exams and reports what is on one side only. `keys` holds the
 * hashed accessions and study UIDs by exam id (both sides' ids). Key matches may be many-to-one
 * (two accessions billed for one scan); time matches are one-to-one, closest first.
 *
 * @example
 * const { pairs, report } = reconcile(risExams, dicomExams, records.keys, { timeZone: 'Europe/Paris' });
 * report.billedNotPerformed; // RIS exams with no images on a device that sent images then
 */
export function reconcile(
  ris: readonly Exam[],
  dicom: readonly Exam[],
  keys: ReadonlyMap<string, ExamKeys>,
  options: ReconcileOptions,
): ReconcileResult {
  const tolerance = (options.toleranceMinutes ?? RECONCILE_DEFAULTS.toleranceMinutes) * MINUTE;
  const skewThreshold =
    (options.skewThresholdMinutes ?? RECONCILE_DEFAULTS.skewThresholdMinutes) * MINUTE;
  const minSkewPairs = options.minSkewPairs ?? RECONCILE_DEFAULTS.minSkewPairs;
  const keyWindow = (options.keyWindowHours ?? RECONCILE_DEFAULTS.keyWindowHours) * 60 * MINUTE;
  const zone = new ZoneClock(options.timeZone);
  const R = canonical(ris);
  const D = canonical(dicom);
  const rank = new Map(D.map((d, i) => [d, i]));
  const pairOfRis = new Map<Exam, { d: Exam; by: MatchKind }>();
  const matchedDicom = new Set<Exam>();

  // Key passes: each RIS exam takes the closest DICOM exam sharing the key (many-to-one allowed).
  const keyPass = (by: MatchKind, field: keyof ExamKeys): void => {
    const index = new Map<string, Exam[]>();
    for (const d of D) {
      for (const k of (keys.get(d.examId) ?? NO_KEYS)[field]) {
        const list = index.get(k) ?? [];
        if (!list.includes(d)) list.push(d);
        index.set(k, list);
      }
    }
    for (const r of R) {
      if (pairOfRis.has(r)) continue;
      let best: Exam | null = null;
      let bestGap = Infinity;
      for (const k of (keys.get(r.examId) ?? NO_KEYS)[field]) {
        for (const d of index.get(k) ?? []) {
          const gap = Math.abs(d.roomIn - r.roomIn);
          if (
            gap <= keyWindow &&
            (gap < bestGap ||
              (gap === bestGap && best !== null && (rank.get(d) ?? 0) < (rank.get(best) ?? 0)))
          ) {
            best = d;
            bestGap = gap;
          }
        }
      }
      if (best !== null) {
        pairOfRis.set(r, { d: best, by });
        matchedDicom.add(best);
      }
    }
  };
  keyPass('accession', 'accessions');
  keyPass('study-uid', 'studyUids');

  // Clock skew per equipment, from the key-matched pairs on it.
  const risEquipment = new Set(R.map((e) => e.equipmentId));
  const dicomEquipment = new Set(D.map((e) => e.equipmentId));
  const shared = [...risEquipment].filter((id) => dicomEquipment.has(id)).sort();
  const offsets = new Map<string, number[]>();
  for (const [r, { d }] of pairOfRis) {
    if (r.equipmentId !== d.equipmentId) continue;
    const list = offsets.get(r.equipmentId) ?? [];
    list.push(d.roomIn - r.roomIn);
    offsets.set(r.equipmentId, list);
  }
  const correction = new Map<string, number>();
  const warnings: ReconcileWarning[] = [];
  for (const id of shared) {
    const list = offsets.get(id) ?? [];
    const m = median(list);
    if (m !== null && list.length >= minSkewPairs && Math.abs(m) > skewThreshold) {
      correction.set(id, m);
      const minutes = Math.round(m / MINUTE);
      warnings.push({
        code: 'clock-skew-vs-ris',
        equipmentId: id,
        offsetMinutes: minutes,
        pairs: list.length,
        message: `${id}: DICOM times are ${Math.abs(minutes)} min ${minutes > 0 ? 'later' : 'earlier'} than the RIS's (median over ${list.length} exams matched by accession or study UID): the device or RIS clock is off`,
      });
    }
  }

  // Time pass: one-to-one, closest corrected starts first, on the same equipment only.
  const candidates: { r: Exam; d: Exam; gap: number; ri: number; di: number }[] = [];
  const freeD = new Map<string, { d: Exam; di: number }[]>();
  D.forEach((d, di) => {
    if (matchedDicom.has(d)) return;
    const list = freeD.get(d.equipmentId) ?? [];
    list.push({ d, di });
    freeD.set(d.equipmentId, list);
  });
  R.forEach((r, ri) => {
    if (pairOfRis.has(r)) return;
    const c = correction.get(r.equipmentId) ?? 0;
    const free = freeD.get(r.equipmentId) ?? [];
    // `free` is sorted by start (canonical order): look only at starts within the tolerance.
    let lo = 0;
    let hi = free.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((free[mid] as { d: Exam }).d.roomIn - c < r.roomIn - tolerance) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < free.length; i++) {
      const { d, di } = free[i] as { d: Exam; di: number };
      const start = d.roomIn - c;
      if (start > r.roomIn + tolerance) break;
      if (start < r.roomOut && d.roomOut - c > r.roomIn)
        candidates.push({ r, d, gap: Math.abs(start - r.roomIn), ri, di });
    }
  });
  candidates.sort((a, b) => a.gap - b.gap || a.ri - b.ri || a.di - b.di);
  for (const { r, d } of candidates) {
    if (pairOfRis.has(r) || matchedDicom.has(d)) continue;
    pairOfRis.set(r, { d, by: 'time' });
    matchedDicom.add(d);
  }

  // The period both sides cover, per shared equipment (DICOM starts on the RIS clock).
  const period = new Map<string, { start: number; end: number } | null>();
  const span = (
    list: readonly Exam[],
    id: string,
    shift: number,
  ): { first: number; last: number } => {
    let first = Infinity;
    let last = -Infinity;
    for (const e of list) {
      if (e.equipmentId !== id) continue;
      first = Math.min(first, e.roomIn - shift);
      last = Math.max(last, e.roomIn - shift);
    }
    return { first, last };
  };
  for (const id of shared) {
    const r = span(R, id, 0);
    const d = span(D, id, correction.get(id) ?? 0);
    const start = Math.max(r.first, d.first);
    const end = Math.min(r.last, d.last);
    period.set(id, start <= end ? { start, end } : null);
  }

  const unmatched = (e: Exam): UnmatchedExam => ({
    equipmentId: e.equipmentId,
    start: localTime(zone, e.roomIn),
    startInstant: e.roomIn,
    category: e.category,
    acts: [...e.acts],
    examId: e.examId,
  });
  const billedNotPerformed: UnmatchedExam[] = [];
  const performedNotBilled: UnmatchedExam[] = [];
  const outOfScope = { ris: [] as string[], dicom: [] as string[] };
  const notReconciled = new Map<string, NotReconciled>();
  const leftOut = (e: Exam, side: 'ris' | 'dicom', reason: NotReconciled['reason']): void => {
    outOfScope[side].push(e.examId);
    const key = `${e.equipmentId}\u0000${side}\u0000${reason}`;
    const row = notReconciled.get(key) ?? { equipmentId: e.equipmentId, side, reason, exams: 0 };
    row.exams++;
    notReconciled.set(key, row);
  };
  const classify = (
    e: Exam,
    side: 'ris' | 'dicom',
    matched: boolean,
    into: UnmatchedExam[],
  ): void => {
    if (matched) return;
    if (!period.has(e.equipmentId)) return leftOut(e, side, 'equipment-on-one-side');
    const p = period.get(e.equipmentId) ?? null;
    const start = side === 'dicom' ? e.roomIn - (correction.get(e.equipmentId) ?? 0) : e.roomIn;
    if (p === null || start < p.start || start > p.end)
      return leftOut(e, side, 'outside-common-period');
    into.push(unmatched(e));
  };
  for (const r of R) classify(r, 'ris', pairOfRis.has(r), billedNotPerformed);
  for (const d of D) classify(d, 'dicom', matchedDicom.has(d), performedNotBilled);

  const pairs: ExamPair[] = R.flatMap((r) => {
    const p = pairOfRis.get(r);
    return p
      ? [
          {
            risId: r.examId,
            dicomId: p.d.examId,
            by: p.by,
            offsetMinutes: (p.d.roomIn - r.roomIn) / MINUTE,
          },
        ]
      : [];
  });
  const matchedBy: Record<MatchKind, number> = { accession: 0, 'study-uid': 0, time: 0 };
  for (const p of pairs) matchedBy[p.by]++;

  // Counts per shared equipment, each list walked once.
  type Tally = Pick<
    EquipmentReconciliation,
    | 'risExams'
    | 'dicomExams'
    | 'matchedRis'
    | 'matchedDicom'
    | 'billedNotPerformed'
    | 'performedNotBilled'
    | 'notReconciled'
  >;
  const zero = (): Tally => ({
    risExams: 0,
    dicomExams: 0,
    matchedRis: 0,
    matchedDicom: 0,
    billedNotPerformed: 0,
    performedNotBilled: 0,
    notReconciled: 0,
  });
  const tally = new Map(shared.map((id) => [id, zero()]));
  const add = (id: string, field: keyof Tally, n = 1): void => {
    const t = tally.get(id);
    if (t) t[field] += n;
  };
  for (const r of R) {
    add(r.equipmentId, 'risExams');
    if (pairOfRis.has(r)) add(r.equipmentId, 'matchedRis');
  }
  for (const d of D) {
    add(d.equipmentId, 'dicomExams');
    if (matchedDicom.has(d)) add(d.equipmentId, 'matchedDicom');
  }
  for (const e of billedNotPerformed) add(e.equipmentId, 'billedNotPerformed');
  for (const e of performedNotBilled) add(e.equipmentId, 'performedNotBilled');
  for (const n of notReconciled.values()) add(n.equipmentId, 'notReconciled', n.exams);
  const equipment: EquipmentReconciliation[] = shared.map((id) => {
    const list = offsets.get(id) ?? [];
    const m = median(list);
    const p = period.get(id) ?? null;
    return {
      equipmentId: id,
      period: p === null ? null : { start: localTime(zone, p.start), end: localTime(zone, p.end) },
      ...(tally.get(id) ?? zero()),
      medianOffsetMinutes: m === null ? null : Math.round((m / MINUTE) * 10) / 10,
      offsetPairs: list.length,
      skewCorrected: correction.has(id),
    };
  });
  const rows = [...notReconciled.values()].sort(
    (a, b) =>
      a.equipmentId.localeCompare(b.equipmentId) ||
      a.side.localeCompare(b.side) ||
      a.reason.localeCompare(b.reason),
  );
  return {
    pairs,
    report: {
      timeZone: options.timeZone,
      toleranceMinutes: tolerance / MINUTE,
      totals: {
        risExams: R.length,
        dicomExams: D.length,
        matchedBy,
        matchedRis: pairOfRis.size,
        matchedDicom: matchedDicom.size,
        billedNotPerformed: billedNotPerformed.length,
        performedNotBilled: performedNotBilled.length,
        notReconciledRis: outOfScope.ris.length,
        notReconciledDicom: outOfScope.dicom.length,
        crossEquipmentPairs: [...pairOfRis].filter(([r, { d }]) => r.equipmentId !== d.equipmentId)
          .length,
      },
      equipment,
      notReconciled: rows,
      billedNotPerformed,
      performedNotBilled,
      warnings,
    },
    notReconciled: { ris: outOfScope.ris.sort(), dicom: outOfScope.dicom.sort() },
  };
}
