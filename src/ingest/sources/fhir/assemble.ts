/**
 * Located FHIR resources to canonical records. Exam resources (ServiceRequest, ImagingStudy,
 * Procedure, DiagnosticReport, Appointment) are joined by basedOn / imagingStudy /
 * procedureReference references and shared accession numbers or study UIDs; each Procedure with
 * a performedPeriod is one exam. Slots become sessions of their Schedule's device, and, dated by
 * meta.lastUpdated (else their Bundle's timestamp), slots of its booking supply (planning.md §1).
 * Every record remembers the files it came from, so a file with an error gives none.
 */
import type {
  Appointment,
  DiagnosticReport,
  ImagingStudy,
  Procedure,
  Resource,
  ServiceRequest,
  Slot,
} from '@medplum/fhirtypes';
import { ZoneClock } from '../../../core/calendar.ts';
import type { Issue } from '../../../core/issues.ts';
import type {
  AgeBand,
  Equipment,
  Exam,
  Modality,
  Session,
  Slot as KitSlot,
} from '../../../core/kit-types.ts';
import { ageBandAt, birthDate } from '../age-band.ts';
import { quoteCode } from '../../kit/identifying.ts';
import { countRemoved, identifierDigest } from '../identity.ts';
import type { ExamKeys, SourceContext, SourceRecords } from '../types.ts';
import { addExamKeys, emptyRecords } from '../types.ts';
import type { LocatedResource } from './parse-input.ts';
import type { IssueKey, IssueParams } from '../../../i18n/issues/index.ts';
import { about, makeIssue } from '../../../i18n/issues/index.ts';
import { UnknownCategories } from '../patient-class.ts';
import { patientDigest, ReferenceIndex, resourceDigest } from './references.ts';
import type { DeviceKeys } from './site-keys.ts';
import {
  addActorKeys,
  ccamActs,
  describeKeys,
  emptyKeys,
  encounterKeys,
  matchCategory,
  matchEquipment,
} from './site-keys.ts';
import type { Json } from './values.ts';
import { codings, obj, objs, readDateTime, str } from './values.ts';

const EXAM_TYPES = new Set([
  'ServiceRequest',
  'ImagingStudy',
  'Procedure',
  'DiagnosticReport',
  'Appointment',
]);
const NOT_EXAMS = new Set(['cancelled', 'noshow', 'entered-in-error']);
const REPORT_DONE = new Set(['final', 'amended', 'corrected']);
const OPEN_SLOT = new Set(['free', 'busy', 'busy-tentative']);
const PATIENT_FIELDS = [
  'identifier',
  'name',
  'telecom',
  'address',
  'birthDate',
  'photo',
  'contact',
] as const;

interface Built<T> {
  record: T;
  files: Set<string>;
}

class Assembler {
  readonly issues: Issue[] = [];
  readonly removed: Record<string, number> = {};
  /** Hashed join keys (ACSN accessions, urn:dicom:uid study UIDs) of the exams built, by exam id. */
  readonly keys = new Map<string, ExamKeys>();
  /** Exams whose category cannot be known: kept as outpatients, one warning (patient-class.ts). */
  readonly unknownCategories = new UnknownCategories({
    source: 'FHIR',
    column: 'Procedure.encounter',
  });
  /** The booking supply: each open Slot of a device's Schedule as seen when it was last updated. */
  readonly slots: Built<KitSlot>[] = [];
  readonly #refs: ReferenceIndex;
  readonly #birthDates = new Map<LocatedResource, string>();
  #zone: ZoneClock | undefined;

  constructor(
    readonly resources: readonly LocatedResource[],
    readonly context: SourceContext,
  ) {
    this.#refs = new ReferenceIndex(resources);
  }

  at(
    r: LocatedResource,
    severity: Issue['severity'],
    key: IssueKey,
    path: string,
    params: IssueParams = {},
  ): void {
    const column = path ? `${r.type}.${path}` : r.type;
    // The resource by its type (the issue's line finds it): an id may be an order number.
    const place = `${r.type}${path ? ` ${path}` : ''}`;
    this.issues.push(
      about(makeIssue(severity, key, r.file, r.line, column, params), 'about.fhir', { place }),
    );
  }

  resolve(ref: unknown, from: LocatedResource): LocatedResource | undefined {
    return this.#refs.resolve(
      typeof ref === 'object' && ref !== null && !Array.isArray(ref) ? (ref as Json) : undefined,
      from,
    );
  }

  /** An instant, or null (absent, date only, refused: the last two with an issue). */
  time(r: LocatedResource, path: string, value: unknown): number | null {
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      this.at(r, 'error', 'fhir-datetime.type', path);
      return null;
    }
    const read = readDateTime(value);
    if (read.kind === 'instant') return read.ms;
    if (read.kind === 'date') {
      this.at(r, 'warning', 'fhir-date-only', path);
      return null;
    }
    this.at(r, 'error', 'fhir-datetime', path, { reason: read.reason });
    return null;
  }

  /** The instant of element `name` of `r`, named as in the R4 types (so a misspelt element does not compile). */
  timeOf<T extends Resource>(r: LocatedResource, name: keyof T & string): number | null {
    return this.time(r, name, r.resource[name]);
  }

  /** Patients never go further (no record holds one): their identifying fields are counted as removed, the birth date only kept in memory for the age band. */
  dropPatients(): void {
    for (const r of this.resources) {
      if (r.type !== 'Patient') continue;
      for (const field of PATIENT_FIELDS)
        if (r.resource[field] !== undefined) countRemoved(this.removed, `Patient.${field}`);
      if (r.id !== undefined) countRemoved(this.removed, 'Patient.id');
      const birth = str(r.resource, 'birthDate');
      if (birth) this.#birthDates.set(r, birth);
    }
  }

  /**
   * The band at the exam's local date in the site's zone (a birthday counts from local
   * midnight); a birth date with only a year and month (the FHIR inbox keeps no more) gives the
   * band only when every day of that month gives the same one.
   */
  ageBand(subject: unknown, from: LocatedResource, at: number): AgeBand | null {
    const patient = this.resolve(subject, from);
    const birth = patient ? this.#birthDates.get(patient) : undefined;
    const m = birth ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(birth) : null;
    const born = m ? birthDate(m[1] as string, m[2] as string, m[3]) : null;
    if (!born) return null;
    this.#zone ??= new ZoneClock(this.context.mapping.timeZone);
    return ageBandAt(born.day, at, this.#zone, born.monthOnly);
  }

  /**
   * The exam's patient key: the keyed digest its subject Patient is known by (`patientDigest`,
   * the id the FHIR inbox gives it), from the Patient read (its id, else its entry's fullUrl) or
   * the reference's `Patient/<id>` when the Patient itself was not sent; `null` when the subject
   * names no patient (the exam then takes its order's). Never the id itself.
   */
  patientKey(subject: unknown, from: LocatedResource): string | null {
    const target = this.resolve(subject, from);
    let id: string | undefined;
    if (target !== undefined)
      id = target.type === 'Patient' ? (target.id ?? target.fullUrl) : undefined;
    else {
      const ref = ReferenceIndex.idOf(
        typeof subject === 'object' && subject !== null && !Array.isArray(subject)
          ? (subject as Json)
          : undefined,
      );
      id = ref?.type === 'Patient' ? ref.id : undefined;
    }
    return id ? patientDigest(id, this.context.secret) : null;
  }

  /** Exam resources joined into groups (union-find over references and identifiers). */
  groups(): LocatedResource[][] {
    const members = this.resources.filter((r) => EXAM_TYPES.has(r.type));
    const index = new Map(members.map((r, i) => [r, i]));
    const parent = members.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    const union = (a: LocatedResource, b: LocatedResource | undefined): void => {
      const j = b ? index.get(b) : undefined;
      const i = index.get(a);
      if (i !== undefined && j !== undefined) parent[find(i)] = find(j);
    };
    const byKey = new Map<string, LocatedResource>();
    for (const r of members) {
      for (const ref of objs(r.resource, 'basedOn')) {
        const target = this.resolve(ref, r);
        if (target?.type === 'ServiceRequest') union(r, target);
      }
      if (r.type === 'DiagnosticReport')
        for (const ref of objs(r.resource, 'imagingStudy')) union(r, this.resolve(ref, r));
      if (r.type === 'ImagingStudy')
        for (const ref of objs(r.resource, 'procedureReference')) union(r, this.resolve(ref, r));
      for (const key of joinKeys(r, this.context.secret)) {
        const seen = byKey.get(key);
        if (seen) union(r, seen);
        else byKey.set(key, r);
      }
    }
    const out = new Map<number, LocatedResource[]>();
    members.forEach((r, i) => {
      const root = find(i);
      const group = out.get(root);
      if (group) group.push(r);
      else out.set(root, [r]);
    });
    return [...out.values()];
  }

  /** The device keys of a group's Procedure, ImagingStudy and Appointment actors. */
  deviceKeys(group: readonly LocatedResource[], files: Set<string>): DeviceKeys {
    const keys = emptyKeys();
    const add = (ref: unknown, from: LocatedResource): void => {
      const target = this.resolve(ref, from);
      if (target) files.add(target.file);
      addActorKeys(keys, ref as Json | undefined, target);
    };
    for (const r of group) {
      if (r.type === 'Procedure') add(r.resource['location'], r);
      if (r.type === 'ImagingStudy') {
        add(r.resource['location'], r);
        for (const s of objs(r.resource, 'series'))
          for (const p of objs(s, 'performer')) add(p['actor'], r);
      }
      if (r.type === 'Appointment' && !NOT_EXAMS.has(str(r.resource, 'status') ?? '')) {
        for (const p of objs(r.resource, 'participant')) add(p['actor'], r);
      }
    }
    return keys;
  }

  exams(group: readonly LocatedResource[]): {
    exams: Built<Exam>[];
    equipment: Built<Equipment>[];
  } {
    const { mapping, secret } = this.context;
    const files = new Set(group.map((r) => r.file));
    const of = (type: string): LocatedResource[] => group.filter((r) => r.type === type);
    const earliest = (values: (number | null)[]): number | null => {
      const known = values.filter((v): v is number => v !== null);
      return known.length ? known.reduce((a, b) => Math.min(a, b)) : null;
    };
    const requestedAt = earliest(
      of('ServiceRequest').map((r) => this.timeOf<ServiceRequest>(r, 'authoredOn')),
    );
    const reportValidatedAt = earliest(
      of('DiagnosticReport').map((r) => {
        const issued = this.timeOf<DiagnosticReport>(r, 'issued');
        return REPORT_DONE.has(str(r.resource, 'status') ?? '') ? issued : null;
      }),
    );
    let scheduledMinutes: number | null = null;
    for (const r of of('Appointment')) {
      const start = this.timeOf<Appointment>(r, 'start');
      const end = this.timeOf<Appointment>(r, 'end');
      if (NOT_EXAMS.has(str(r.resource, 'status') ?? '')) continue;
      const minutes = r.resource['minutesDuration'];
      const booked =
        typeof minutes === 'number' && minutes > 0
          ? minutes
          : start !== null && end !== null && end > start
            ? (end - start) / 60_000
            : null;
      scheduledMinutes ??= booked === null ? null : Math.round(booked);
    }
    for (const r of of('ImagingStudy')) this.timeOf<ImagingStudy>(r, 'started');

    const procedures = of('Procedure');
    const anchor = group[0] as LocatedResource;
    if (procedures.length === 0) {
      const appointments = of('Appointment');
      if (
        appointments.length > 0 &&
        appointments.length === group.length &&
        appointments.every((a) => NOT_EXAMS.has(str(a.resource, 'status') ?? ''))
      ) {
        this.at(anchor, 'info', 'fhir-appointment-not-exam', 'status', {
          status: str(anchor.resource, 'status') ?? '',
        });
      } else {
        this.at(anchor, 'warning', 'fhir-no-room-times.group', '');
      }
      return { exams: [], equipment: [] };
    }

    const keys = this.deviceKeys(group, files);
    const equipmentId = matchEquipment(mapping, keys, secret);
    const encounter = this.encounterOf(group);
    if (encounter) files.add(encounter.file);
    const { patientClass, units } = encounterKeys(encounter, (ref) =>
      encounter ? this.resolve(ref, encounter) : undefined,
    );
    const category = matchCategory(mapping, patientClass, units, secret);
    const { acts, unmapped } = ccamActs(mapping, [
      ...of('ServiceRequest').map((r) => obj(r.resource, 'code')),
      ...procedures.map((r) => obj(r.resource, 'code')),
      ...of('ImagingStudy').flatMap((r) => objs(r.resource, 'procedureCode')),
    ]);
    const modality = modalityOf(of('ImagingStudy'));
    const joins = group.flatMap((r) => joinKeys(r, secret));
    const accession = joins.find((k) => k.startsWith('acsn|'));

    const exams: Built<Exam>[] = [];
    const equipment: Built<Equipment>[] = [];
    for (const p of procedures) {
      const period = obj(p.resource, 'performedPeriod');
      const before = this.issues.length;
      const roomIn = this.time(p, 'performedPeriod.start', period?.['start']);
      const roomOut = this.time(p, 'performedPeriod.end', period?.['end']);
      if (p.resource['performedDateTime'] !== undefined)
        this.timeOf<Procedure>(p, 'performedDateTime');
      // A refused time already says why this procedure gives no exam.
      if (this.issues.slice(before).some((i) => i.severity === 'error')) continue;
      const status = str(p.resource, 'status') ?? '';
      if (status === 'not-done' || status === 'entered-in-error') {
        this.at(p, 'info', 'fhir-procedure-not-done', 'status', { status });
        continue;
      }
      if (roomIn === null || roomOut === null) {
        this.at(p, 'warning', 'fhir-no-room-times', 'performedPeriod');
        continue;
      }
      if (roomOut <= roomIn) {
        this.at(p, 'warning', 'fhir-period-order', 'performedPeriod');
        continue;
      }
      if (!equipmentId) {
        this.at(p, 'warning', 'fhir-no-equipment', 'location', { keys: describeKeys(keys) });
        continue;
      }
      const examCategory =
        category ??
        this.unknownCategories.count(p.file, p.line, [
          ...(patientClass ? [patientClass] : []),
          ...units,
        ]);
      if (acts.length === 0 && unmapped.length > 0) {
        this.at(p, 'warning', 'fhir-unmapped-code', 'code', {
          codes: unmapped.map((c) => quoteCode(c, 32)).join(', '),
        });
      }
      // Keyed by its accession, an exam has the id HL7 v2 and DICOM give it (the accession's
      // keyed hash), so the same exam sent twice (HL7 and FHIR) is one exam once assembled.
      // Join keys are digests already; a resource id kept hashed by the inbox gives the same digest.
      const examId =
        accession && procedures.length === 1
          ? accession.slice('acsn|'.length)
          : `fhir-${resourceDigest(p.type, p.id ?? `${p.file}:${p.line ?? 0}`, secret).slice(0, 24)}`;
      const order = of('ServiceRequest')[0];
      const subject = p.resource['subject'] ?? order?.resource['subject'];
      const hashOf = (prefix: string): string[] =>
        joins.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      addExamKeys(this.keys, examId, { accessions: hashOf('acsn|'), studyUids: hashOf('uid|') });
      exams.push({
        files,
        record: {
          examId,
          equipmentId,
          category: examCategory,
          roomIn,
          roomOut,
          acts,
          icr: null,
          reportValidatedAt,
          requestedAt,
          scheduledMinutes,
          ageBand: this.ageBand(subject, p, roomIn),
          patientKey:
            this.patientKey(p.resource['subject'], p) ??
            this.patientKey(order?.resource['subject'], order ?? p),
        },
      });
      if (modality) {
        equipment.push({
          files,
          record: {
            equipmentId,
            finess: mapping.finess,
            modality,
            label: null,
            installedYear: null,
            role: 'general',
          },
        });
      }
    }
    return { exams, equipment };
  }

  encounterOf(group: readonly LocatedResource[]): LocatedResource | undefined {
    for (const r of group) {
      const target = this.resolve(r.resource['encounter'], r);
      if (target?.type === 'Encounter') return target;
    }
    return undefined;
  }

  /**
   * When a Slot's status was seen: its meta.lastUpdated, else its Bundle's timestamp, else null;
   * `refused` when lastUpdated is refused, as any time element is (the file then gives nothing).
   */
  observedAt(r: LocatedResource): number | null | 'refused' {
    const updated = obj(r.resource, 'meta')?.['lastUpdated'];
    const before = this.issues.length;
    const at = this.time(r, 'meta.lastUpdated', updated);
    if (at !== null) return at;
    if (this.issues.slice(before).some((i) => i.severity === 'error')) return 'refused';
    const read = r.bundleTimestamp === undefined ? null : readDateTime(r.bundleTimestamp);
    return read?.kind === 'instant' ? read.ms : null;
  }

  /**
   * Slots of a device's Schedule: free or busy (booked) is open time, busy-unavailable is closed.
   * Open slots are also the booking supply (`slots`): free is free, busy and busy-tentative busy;
   * those with no time they were seen are only sessions, said once per file.
   */
  sessions(): Built<Session>[] {
    for (const r of this.resources) {
      if (r.type !== 'Schedule') continue;
      const horizon = obj(r.resource, 'planningHorizon');
      this.time(r, 'planningHorizon.start', horizon?.['start']);
      this.time(r, 'planningHorizon.end', horizon?.['end']);
    }
    const slots: Built<Session>[] = [];
    /** Per file, its first open Slot without a time it was seen, and how many. */
    const undated = new Map<string, { slot: LocatedResource; n: number }>();
    for (const r of this.resources) {
      if (r.type !== 'Slot') continue;
      const start = this.timeOf<Slot>(r, 'start');
      const end = this.timeOf<Slot>(r, 'end');
      const status = str(r.resource, 'status') ?? '';
      if (!OPEN_SLOT.has(status)) {
        if (status !== 'busy-unavailable' && status !== 'entered-in-error')
          this.at(r, 'warning', status ? 'fhir-slot-status' : 'fhir-slot-status.empty', 'status', {
            status: quoteCode(status, 32),
          });
        continue;
      }
      if (start === null || end === null || end <= start) {
        this.at(r, 'warning', 'fhir-slot-times', 'start');
        continue;
      }
      const schedule = this.resolve(r.resource['schedule'], r);
      if (schedule?.type !== 'Schedule') {
        this.at(r, 'warning', 'fhir-slot-schedule', 'schedule');
        continue;
      }
      const keys = emptyKeys();
      const files = new Set([r.file, schedule.file]);
      for (const actor of objs(schedule.resource, 'actor')) {
        const target = this.resolve(actor, schedule);
        if (target) files.add(target.file);
        addActorKeys(keys, actor, target);
      }
      const equipmentId = matchEquipment(this.context.mapping, keys, this.context.secret);
      if (!equipmentId) {
        this.at(r, 'warning', 'fhir-no-equipment.schedule', 'schedule', {
          keys: describeKeys(keys),
        });
        continue;
      }
      slots.push({ files, record: { equipmentId, start, end, type: 'PUBLIC_SCHEDULED' } });
      const observedAt = this.observedAt(r);
      if (observedAt === 'refused') continue;
      if (observedAt === null) {
        const first = undated.get(r.file);
        if (first === undefined) undated.set(r.file, { slot: r, n: 1 });
        else first.n++;
      } else {
        const seen = status === 'free' ? 'free' : 'busy';
        this.slots.push({ files, record: { equipmentId, start, end, status: seen, observedAt } });
      }
    }
    for (const { slot, n } of undated.values())
      this.at(slot, 'warning', 'fhir-slot-observed', 'meta.lastUpdated', { n });
    return mergeSessions(slots);
  }
}

/**
 * Accession numbers (identifier type ACSN) and DICOM study UIDs, the join keys besides
 * references, as their keyed digests (`acsn|<digest>`): a raw one and one the inbox kept hashed
 * give the same key.
 */
function joinKeys(r: LocatedResource, secret: string): string[] {
  return objs(r.resource, 'identifier').flatMap((i) => {
    const value = str(i, 'value');
    if (!value) return [];
    if (codings(obj(i, 'type')).some((c) => c.code === 'ACSN'))
      return [`acsn|${identifierDigest(value, secret)}`];
    if (str(i, 'system') === 'urn:dicom:uid')
      return [`uid|${identifierDigest(value.replace(/^urn:oid:/, ''), secret)}`];
    return [];
  });
}

function modalityOf(studies: readonly LocatedResource[]): Modality | undefined {
  const codes = studies.flatMap((s) => [
    ...objs(s.resource, 'modality').flatMap((m) => codings(m)),
    ...objs(s.resource, 'series').flatMap((x) => codings(obj(x, 'modality'))),
  ]);
  return codes.map((c) => c.code).find((c): c is Modality => c === 'CT' || c === 'MR');
}

/** Contiguous or overlapping slots of one device and type become one session. */
function mergeSessions(slots: Built<Session>[]): Built<Session>[] {
  const sorted = [...slots].sort(
    (a, b) =>
      a.record.equipmentId.localeCompare(b.record.equipmentId) ||
      a.record.type.localeCompare(b.record.type) ||
      a.record.start - b.record.start,
  );
  const out: Built<Session>[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.record.equipmentId === s.record.equipmentId &&
      last.record.type === s.record.type &&
      s.record.start <= last.record.end
    ) {
      last.record = { ...last.record, end: Math.max(last.record.end, s.record.end) };
      for (const f of s.files) last.files.add(f);
    } else out.push({ record: { ...s.record }, files: new Set(s.files) });
  }
  return out;
}

/**
 * The canonical records of the resources read together, and the issues found on the way;
 * records that draw on a file with an error are left out.
 *
 * @example
 * const { records, issues } = assembleRecords(resources, { mapping, secret }, parseIssues);
 */
export function assembleRecords(
  resources: readonly LocatedResource[],
  context: SourceContext,
  parseIssues: readonly Issue[],
): { records: SourceRecords; issues: Issue[] } {
  const a = new Assembler(resources, context);
  a.dropPatients();
  const exams: Built<Exam>[] = [];
  const equipment: Built<Equipment>[] = [];
  for (const group of a.groups()) {
    const built = a.exams(group);
    exams.push(...built.exams);
    equipment.push(...built.equipment);
  }
  const sessions = a.sessions();
  a.issues.push(...a.unknownCategories.issues());
  const issues = [...parseIssues, ...a.issues];
  const failed = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.file));
  const clean = <T>(built: Built<T>[]): T[] =>
    built.filter((b) => ![...b.files].some((f) => failed.has(f))).map((b) => b.record);
  const records = emptyRecords();
  records.exams = clean(exams);
  records.sessions = clean(sessions);
  const slots = clean(a.slots);
  if (slots.length > 0) records.slots = slots;
  const seen = new Set<string>();
  records.equipment = clean(equipment).filter(
    (e) => !seen.has(e.equipmentId) && seen.add(e.equipmentId),
  );
  records.removed = a.removed;
  for (const e of records.exams) {
    const keys = a.keys.get(e.examId);
    if (keys) addExamKeys(records.keys, e.examId, keys);
  }
  return { records, issues };
}
