/**
 * A campaign as `readKit` would read it back once stored, computed in memory: the same records,
 * values and order (by key, in the byte order of `collate "C"`). An import that creates a campaign
 * computes from this instead of reading 270,000 exams back; when storing could alter a value, it
 * says so (null) and the import reads back as before.
 */
import type {
  Act,
  Campaign,
  CostRow,
  Equipment,
  Establishment,
  Exam,
  Kit,
  RegisterMachine,
  Session,
  Slot,
  SurveyAnswer,
} from '../core/kit-types.ts';

/**
 * Compares strings by Unicode code point, which is the byte order of their UTF-8 and so the order
 * of `collate "C"`. JavaScript's `<` compares UTF-16 code units, which puts U+10000 and above
 * before U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: move them last.
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** False when a string holds a lone surrogate, which its UTF-8 (hence the store) replaces. */
function wellFormed(s: string): boolean {
  return !SURROGATE.test(s) || !LONE_SURROGATE.test(s);
}

/** Why a value would not read back identical, or null when everything would. */
class Checker {
  problem: string | null = null;

  text(value: string | null | undefined, what: string): void {
    if (typeof value === 'string' && !wellFormed(value))
      this.problem ??= `${what} is not valid UTF-16`;
  }

  /** Instants are stored to the microsecond and read back as ms: only whole ms are exact. */
  instant(value: number | null | undefined, what: string): void {
    if (value !== null && value !== undefined && !Number.isSafeInteger(value))
      this.problem ??= `${what} is not a whole number of milliseconds`;
  }

  /** NaN and infinities would come back from json as strings. */
  float(value: number | null | undefined, what: string): void {
    if (value !== null && value !== undefined && !Number.isFinite(value))
      this.problem ??= `${what} is not finite`;
  }

  integer(value: number | null | undefined, what: string): void {
    if (value !== null && value !== undefined && !Number.isSafeInteger(value))
      this.problem ??= `${what} is not an integer`;
  }
}

/** `-0` is read back as `0` from a timestamp. */
const instant = (ms: number): number => ms + 0;
const maybeInstant = (ms: number | null | undefined): number | null =>
  ms === null || ms === undefined ? null : ms + 0;

/**
 * `kit` (each record unique by its key, as the import de-duplicates it) as `readKit` would return
 * it once stored, or null when some value would not read back identical (a date not written
 * `YYYY-MM-DD`, an instant with sub-millisecond digits, a non-finite number, a lone surrogate):
 * the caller then reads the stored campaign back.
 *
 * @example
 * const stored = storedKitOf(kit) ?? (await readKit(tx, kit.campaign.id));
 */
export function storedKitOf(kit: Kit): Kit | null {
  const check = new Checker();
  const c = kit.campaign;
  for (const [value, what] of [
    [c.id, 'campaign id'],
    [c.name, 'campaign name'],
    [c.timeZone, 'campaign time zone'],
  ] as const)
    check.text(value, what);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.start)) check.problem ??= 'campaign start is not YYYY-MM-DD';
  check.integer(c.days, 'campaign days');
  const campaign: Campaign = {
    id: c.id,
    name: c.name,
    start: c.start,
    days: c.days,
    timeZone: c.timeZone,
  };

  const establishments = kit.establishments.map((e): Establishment => {
    check.text(e.finess, 'finess');
    check.text(e.name, 'establishment name');
    check.text(e.region, 'region');
    check.text(e.department, 'department');
    return {
      finess: e.finess,
      name: e.name,
      legalStatus: e.legalStatus,
      region: e.region,
      department: e.department ?? null,
    };
  });
  const equipment = kit.equipment.map((m): Equipment => {
    check.text(m.equipmentId, 'equipment id');
    check.text(m.finess, 'finess');
    check.text(m.label, 'equipment label');
    check.integer(m.installedYear, 'installed year');
    const stored: Equipment = {
      equipmentId: m.equipmentId,
      finess: m.finess,
      modality: m.modality,
      label: m.label ?? null,
      installedYear: m.installedYear ?? null,
      role: m.role,
    };
    if (m.previousId !== undefined) {
      check.text(m.previousId, 'previous equipment id');
      stored.previousId = m.previousId;
    }
    return stored;
  });
  const sessions = kit.sessions.map((s): Session => {
    check.text(s.equipmentId, 'equipment id');
    check.instant(s.start, 'session start');
    check.instant(s.end, 'session end');
    return {
      equipmentId: s.equipmentId,
      start: instant(s.start),
      end: instant(s.end),
      type: s.type,
    };
  });
  const exams = kit.exams.map((x): Exam => {
    check.text(x.equipmentId, 'equipment id');
    check.text(x.examId, 'exam id');
    for (const code of x.acts) check.text(code, 'act code');
    check.instant(x.roomIn, 'room_in');
    check.instant(x.roomOut, 'room_out');
    check.instant(x.reportValidatedAt, 'report_validated_at');
    check.instant(x.requestedAt, 'requested_at');
    check.float(x.icr, 'icr');
    check.float(x.scheduledMinutes, 'scheduled_minutes');
    check.text(x.patientKey, 'patient key');
    return {
      examId: x.examId,
      equipmentId: x.equipmentId,
      category: x.category,
      roomIn: instant(x.roomIn),
      roomOut: instant(x.roomOut),
      acts: [...x.acts],
      icr: x.icr ?? null,
      reportValidatedAt: maybeInstant(x.reportValidatedAt),
      requestedAt: maybeInstant(x.requestedAt),
      scheduledMinutes: x.scheduledMinutes ?? null,
      ageBand: x.ageBand ?? null,
      ...(x.patientKey == null ? {} : { patientKey: x.patientKey }),
    };
  });
  const acts = kit.acts.map((a): Act => {
    check.text(a.code, 'act code');
    check.text(a.label, 'act label');
    check.float(a.icr, 'act icr');
    return a.family == null ? { code: a.code, label: a.label, icr: a.icr } : { code: a.code, label: a.label, icr: a.icr, family: a.family };
  });
  const survey = kit.survey.map((a): SurveyAnswer => {
    check.text(a.finess, 'finess');
    check.float(a.days, 'survey days');
    return {
      finess: a.finess,
      modality: a.modality,
      case: a.case,
      patient: a.patient,
      days: a.days,
    };
  });
  const register = (kit.register ?? []).map((m): RegisterMachine => {
    check.text(m.finess, 'register finess');
    check.text(m.department, 'register department');
    check.text(m.authorisationId, 'register authorisation id');
    check.text(m.equipmentId, 'register equipment id');
    check.integer(m.installedYear, 'register installed year');
    check.float(m.fieldTesla, 'register field strength');
    for (const [date, what] of [[m.authorisedOn, 'authorised_on'], [m.inServiceOn, 'in_service_on']] as const)
      if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) check.problem ??= `register ${what} is not YYYY-MM-DD`;
    return { ...m };
  });
  const slots = (kit.slots ?? []).map((s): Slot => {
    check.text(s.equipmentId, 'slot equipment id');
    check.instant(s.start, 'slot start');
    check.instant(s.end, 'slot end');
    check.instant(s.observedAt, 'slot observed_at');
    return { equipmentId: s.equipmentId, start: instant(s.start), end: instant(s.end), status: s.status, observedAt: instant(s.observedAt) };
  });
  const costRows = (kit.costs?.rows ?? []).map((r): CostRow => {
    check.text(r.equipmentId, 'cost equipment id');
    for (const v of [r.purchasePrice, r.amortisationYears, r.maintenance, r.staff, r.consumablesPerExam, r.overhead])
      check.float(v, 'cost');
    return { ...r };
  });
  // Enumerated fields need no check: a value the schema's checks accept is plain ASCII.
  if (check.problem !== null) return null;

  const cmp = compareCodePoints;
  establishments.sort((a, b) => cmp(a.finess, b.finess));
  equipment.sort((a, b) => cmp(a.equipmentId, b.equipmentId));
  sessions.sort(
    (a, b) =>
      cmp(a.equipmentId, b.equipmentId) ||
      a.start - b.start ||
      a.end - b.end ||
      cmp(a.type, b.type),
  );
  exams.sort(
    (a, b) => cmp(a.equipmentId, b.equipmentId) || a.roomIn - b.roomIn || cmp(a.examId, b.examId),
  );
  acts.sort((a, b) => cmp(a.code, b.code));
  costRows.sort((a, b) => cmp(a.equipmentId, b.equipmentId));
  survey.sort(
    (a, b) =>
      cmp(a.finess, b.finess) ||
      cmp(a.modality, b.modality) ||
      cmp(a.case, b.case) ||
      cmp(a.patient, b.patient),
  );
  // The register and the slots keep their file's order (row_no); empty ones (and an empty cost
  // set) are not stored, so read back absent.
  return {
    campaign,
    establishments,
    equipment,
    sessions,
    exams,
    acts,
    survey,
    ...(register.length > 0 ? { register } : {}),
    ...(slots.length > 0 ? { slots } : {}),
    ...(kit.costs !== undefined && costRows.length > 0 ? { costs: { origin: kit.costs.origin, rows: costRows } } : {}),
  };
}
