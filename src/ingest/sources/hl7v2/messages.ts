/**
 * What each message type says about exams (field map: shared/spec/sources.md §1.5):
 * ORM^O01 / OMI^O23 / ORU^R01 / MDM^T02 (order groups ORC/OBR/IPC/TXA), SIU^S12–S26 (bookings),
 * ADT (patient class by visit). Patient identity is counted in `removed` and never kept.
 */
import type { ZoneClock } from '../../../core/calendar.ts';
import type { Issue } from '../../../core/issues.ts';
import type { IssueKey } from '../../../i18n/issues/index.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import { birthDate } from '../age-band.ts';
import { describeText, quoteCode } from '../../kit/identifying.ts';
import { countRemoved } from '../identity.ts';
import type { DraftIndex, ExamDraft, KeyKind } from './drafts.ts';
import { addOnce, earliest } from './drafts.ts';
import type { Hl7Message, Hl7Segment } from './parse.ts';
import { fieldValue, presentFields, rawField } from './parse.ts';
import { patientIdentifier } from './patient-id.ts';
import { readHl7Time } from './time.ts';

/** Shared state of one read. */
export interface ReadState {
  zone: ZoneClock;
  drafts: DraftIndex;
  /** ADT patient class and unit by visit number (PV1-19), for orders without PV1. */
  visits: Map<string, { patientClass: string; unit: string }>;
  removed: Record<string, number>;
  issues: Issue[];
  /** Message types read but not used, by type, for one summary issue per file. */
  ignored: Map<string, number>;
  /**
   * Every join key and visit number is read through it: into the form the MLLP journal keeps
   * (`plateau.h.<keyed hash>`, memoized) when some input holds kept identifiers, so a raw and a
   * journaled message of one exam join; else the identity (index.ts).
   */
  hash: (value: string) => string;
}

/** Identifying fields of PID and of whole segments about other people or payers. */
const PID_FIELDS: [number, string][] = [
  [2, 'PID.2 patient ID'],
  [3, 'PID.3 patient identifier list'],
  [4, 'PID.4 alternate patient ID'],
  [5, 'PID.5 patient name'],
  [6, "PID.6 mother's maiden name"],
  [7, 'PID.7 birth date'],
  [9, 'PID.9 patient alias'],
  [11, 'PID.11 address'],
  [13, 'PID.13 home phone'],
  [14, 'PID.14 business phone'],
  [18, 'PID.18 account number'],
  [19, 'PID.19 SSN'],
  [20, "PID.20 driver's licence"],
];
const IDENTIFYING_SEGMENTS: Record<string, string> = {
  NK1: 'NK1 next of kin',
  GT1: 'GT1 guarantor',
  IN1: 'IN1 insurance',
  IN2: 'IN2 insurance',
  IN3: 'IN3 insurance',
  PD1: 'PD1 patient demographics',
  MRG: 'MRG merged patient identifiers',
};

const CANCEL_ORDER = new Set(['CA', 'DC', 'OC', 'OD', 'CR', 'DR']);
const CANCEL_STATUS = new Set(['CA', 'DC']);
const NOT_HELD_BOOKING = new Set(['CANCELLED', 'DC', 'DELETED', 'NOSHOW', 'BLOCKED']);
const NOT_HELD_TRIGGER: Record<string, string> = {
  S15: 'cancelled',
  S16: 'discontinued',
  S17: 'deleted',
  S26: 'no-show',
};
const SIU_IGNORED = new Set(['S23', 'S24', 'S25']);

/** MSH-9 as a message may show it: a message code and trigger event (`ORM^O01`), else its shape. */
function typeLabel(type: string): string {
  return /^[A-Z0-9]{3}(\^[A-Z0-9_]{1,8})?$/.test(type)
    ? type
    : `unknown type (MSH-9: ${describeText(type)})`;
}

class MessageReader {
  readonly #file: string;
  readonly #m: Hl7Message;
  readonly #s: ReadState;
  constructor(file: string, message: Hl7Message, state: ReadState) {
    this.#file = file;
    this.#m = message;
    this.#s = state;
  }

  v(seg: Hl7Segment | undefined, n: number, c = 1, s = 1): string {
    return seg ? fieldValue(seg, this.#m.delimiters, n, c, s).trim() : '';
  }

  /** A time field as an instant; a located issue when it cannot be read exactly. */
  time(seg: Hl7Segment | undefined, n: number, c = 1, s = 1): number | null {
    const text = this.v(seg, n, c, s);
    if (!seg || text === '') return null;
    const r = readHl7Time(text, this.#s.zone);
    if (r.kind === 'ok') return r.instant;
    const column = `${seg.id}.${n}${c > 1 ? `.${c}` : ''}`;
    const at = (
      severity: Issue['severity'],
      key: IssueKey,
      params: Record<string, string>,
    ): void => {
      this.#s.issues.push(makeIssue(severity, key, this.#file, seg.line, column, params));
    };
    if (r.kind === 'syntax') {
      // The value may be anything (a shifted field holds a name): its shape only.
      at('warning', 'hl7-bad-time', { text: describeText(text) });
      return null;
    }
    if (r.kind === 'gap') {
      at('warning', 'dst-gap.hl7', {
        text,
        zone: this.#s.zone.timeZone,
        read: new Date(r.instant).toISOString(),
      });
    } else if (r.kind === 'ambiguous') {
      at('warning', 'dst-ambiguous.hl7', { text, zone: this.#s.zone.timeZone });
    }
    return r.instant;
  }

  patient(draft: ExamDraft, pv1: Hl7Segment | undefined): void {
    if (!pv1) return;
    const patientClass = this.v(pv1, 2);
    const unit = this.v(pv1, 3, 1);
    const visit = this.#s.hash(this.v(pv1, 19, 1));
    if (patientClass) draft.patientClass = patientClass;
    if (unit) draft.unit = unit;
    if (visit) draft.visit = visit;
  }

  /**
   * PID-7 (birth date, YYYYMMDD[HHMM…]) onto the draft, as a naive day kept only until the age
   * band is derived; a year and month alone (YYYYMM, as the MLLP journal keeps it) give the
   * first of the month, marked as such; a year alone cannot place a birthday and is ignored.
   */
  birth(draft: ExamDraft): void {
    const pid = this.#m.segments.find((seg) => seg.id === 'PID');
    const m = /^(\d{4})(\d{2})(\d{2})?/.exec(this.v(pid, 7));
    const born = m ? birthDate(m[1] as string, m[2] as string, m[3]) : null;
    // A message with the full date is not overridden by one with the month only.
    if (!born || (born.monthOnly && draft.birth !== null && !draft.birth.monthOnly)) return;
    draft.birth = born;
  }

  /** PID-3 onto the draft (patient-id.ts), for the exam's patient key; a later message's wins. */
  patientId(draft: ExamDraft): void {
    const id = patientIdentifier(
      this.#m.segments.find((seg) => seg.id === 'PID'),
      this.#m.delimiters,
    );
    if (id !== '') draft.patient = id;
  }

  noKey(
    seg: Hl7Segment | undefined,
    column: string,
    what: 'message-orc' | 'order' | 'message-sch' | 'booking',
  ): void {
    this.#s.issues.push(
      makeIssue(
        'warning',
        `hl7-no-order-number.${what}`,
        this.#file,
        seg?.line ?? this.#m.line,
        column,
        {
          type: typeLabel(this.#m.type),
        },
      ),
    );
  }

  removeIdentity(): void {
    for (const seg of this.#m.segments) {
      if (seg.id === 'PID') {
        const present = presentFields(seg, 20);
        for (const [n, label] of PID_FIELDS) if (present[n]) countRemoved(this.#s.removed, label);
      } else if (seg.id === 'PV1' && rawField(seg, 19) !== '') {
        countRemoved(this.#s.removed, 'PV1.19 visit number');
      } else {
        const label = IDENTIFYING_SEGMENTS[seg.id];
        if (label) countRemoved(this.#s.removed, label);
      }
    }
  }

  /** ORM, OMI, ORU, MDM: one draft per order group (ORC [OBR] [IPC] [TXA]). */
  orders(): void {
    type Group = {
      orc?: Hl7Segment;
      obr?: Hl7Segment;
      ipc?: Hl7Segment;
      txa?: Hl7Segment;
      zds?: Hl7Segment;
    };
    const groups: Group[] = [];
    let cur = null as Group | null;
    let pv1: Hl7Segment | undefined;
    let evn: Hl7Segment | undefined;
    let txa: Hl7Segment | undefined;
    let zds: Hl7Segment | undefined;
    for (const seg of this.#m.segments) {
      switch (seg.id) {
        case 'PV1':
          pv1 ??= seg;
          break;
        case 'EVN':
          evn ??= seg;
          break;
        case 'ORC':
          cur = { orc: seg };
          groups.push(cur);
          break;
        case 'OBR':
          if (cur && !cur.obr) cur.obr = seg;
          else {
            cur = cur?.orc ? { orc: cur.orc, obr: seg } : { obr: seg };
            groups.push(cur);
          }
          break;
        case 'IPC':
          if (cur && !cur.ipc) cur.ipc = seg;
          break;
        case 'ZDS':
          if (cur && !cur.zds) cur.zds = seg;
          else zds ??= seg;
          break;
        case 'TXA':
          if (cur && !cur.txa) cur.txa = seg;
          else txa ??= seg;
          break;
      }
    }
    if (groups.length === 0 && txa) groups.push({ txa });
    if (groups.length === 0) {
      this.noKey(undefined, 'ORC.3', 'message-orc');
      return;
    }
    const msh = this.#m.segments[0];
    for (const g of groups) {
      const t = g.txa ?? txa;
      const { hash } = this.#s;
      const keys: [KeyKind, string][] = [
        ['A', hash(this.v(g.ipc, 1))],
        ['F', hash(this.v(g.orc, 3) || this.v(g.obr, 3) || this.v(t, 15))],
        ['P', hash(this.v(g.orc, 2) || this.v(g.obr, 2) || this.v(t, 14))],
      ];
      const first = g.orc ?? g.obr ?? t;
      const draft = this.#s.drafts.draftFor(keys, this.#file, first?.line ?? this.#m.line);
      if (!draft) {
        this.noKey(first, g.orc ? 'ORC.3' : 'OBR.3', 'order');
        continue;
      }
      this.patient(draft, pv1);
      this.birth(draft);
      this.patientId(draft);
      // Join keys for the DICOM side (reconciliation): the EI's first component, trimmed.
      addOnce(draft.studyUids, hash(this.v(g.ipc, 3)));
      addOnce(draft.studyUids, hash(this.v(g.zds ?? zds, 1)));
      const control = this.v(g.orc, 1);
      const status = this.v(g.orc, 5);
      if (g.orc && (control === 'NW' || control === 'SN')) {
        const requested = this.time(g.orc, 9);
        if (requested !== null)
          draft.requestedAt =
            draft.requestedAt === null ? requested : Math.min(draft.requestedAt, requested);
      }
      if (status === 'IP' || status === 'CM') {
        // Several messages may restate a status (an ORU after the CM): the earliest time wins.
        const when = (control !== 'NW' ? this.time(g.orc, 9) : null) ?? this.time(evn, 2);
        if (when !== null) {
          if (status === 'IP') draft.statusStart = earliest(draft.statusStart, when);
          else draft.statusEnd = earliest(draft.statusEnd, when);
        } else {
          const sent = this.time(msh, 7);
          if (status === 'IP') draft.statusStartMsh = earliest(draft.statusStartMsh, sent);
          else draft.statusEndMsh = earliest(draft.statusEndMsh, sent);
        }
      }
      if (CANCEL_ORDER.has(control) || CANCEL_STATUS.has(status))
        draft.cancelled = `order cancelled (ORC-1 ${quoteCode(control, 2)}, ORC-5 ${status ? quoteCode(status, 2) : 'empty'})`;
      else if (status === 'IP' || status === 'CM') draft.cancelled = null;
      if (g.obr) {
        addOnce(draft.localCodes, this.v(g.obr, 4));
        draft.start = this.time(g.obr, 7) ?? draft.start;
        draft.end = this.time(g.obr, 8) ?? draft.end;
        addOnce(draft.locations, this.v(g.obr, 18));
        // IHE v2.3.1 puts the accession in OBR-18; sites that use it for a room never match a DICOM accession.
        addOnce(draft.accessions, hash(this.v(g.obr, 18)));
        const result = this.v(g.obr, 25);
        if (result === 'F' || result === 'C') {
          const validated = this.time(g.obr, 22);
          if (
            validated !== null &&
            (draft.reportValidatedAt === null || validated < draft.reportValidatedAt)
          )
            draft.reportValidatedAt = validated;
          draft.cancelled = null;
        }
      }
      if (g.ipc) {
        addOnce(draft.stations, this.v(g.ipc, 7));
        addOnce(draft.locations, this.v(g.ipc, 8));
        addOnce(draft.aeTitles, this.v(g.ipc, 9));
      }
      if (t) {
        const completion = this.v(t, 17);
        if (completion === 'AU' || completion === 'LA') {
          const signed = this.time(t, 22, 15);
          if (
            signed !== null &&
            (draft.reportValidatedAt === null || signed < draft.reportValidatedAt)
          )
            draft.reportValidatedAt = signed;
        }
      }
    }
  }

  /** Minutes of a duration field and its units (CE: `min`, `s`, `h`…; minutes when blank). */
  minutes(seg: Hl7Segment, n: number, unitField: number): number | null {
    const text = this.v(seg, n);
    if (text === '' || !/^\d+(\.\d+)?$/.test(text)) return null;
    const unit = this.v(seg, unitField).toLowerCase();
    const factor = /^(s|sec|secs|second|seconds)$/.test(unit)
      ? 1 / 60
      : /^(h|hr|hrs|hour|hours)$/.test(unit)
        ? 60
        : /^(d|day|days)$/.test(unit)
          ? 1440
          : 1;
    return Number(text) * factor;
  }

  /** SIU^S12–S26: the booking of an exam (start, duration, status, resources). */
  booking(trigger: string): void {
    if (SIU_IGNORED.has(trigger)) {
      this.#s.ignored.set(`SIU^${trigger}`, (this.#s.ignored.get(`SIU^${trigger}`) ?? 0) + 1);
      return;
    }
    const segs = this.#m.segments;
    const sch = segs.find((s) => s.id === 'SCH');
    if (!sch) {
      this.noKey(undefined, 'SCH.2', 'message-sch');
      return;
    }
    const { hash } = this.#s;
    const keys: [KeyKind, string][] = [
      ['S', hash(this.v(sch, 2))],
      ['Q', hash(this.v(sch, 1))],
      ['F', hash(this.v(sch, 27))],
      ['P', hash(this.v(sch, 26))],
    ];
    const draft = this.#s.drafts.draftFor(keys, this.#file, sch.line);
    if (!draft) {
      this.noKey(sch, 'SCH.2', 'booking');
      return;
    }
    this.patient(
      draft,
      segs.find((s) => s.id === 'PV1'),
    );
    this.birth(draft);
    this.patientId(draft);
    const status = this.v(sch, 25);
    if (NOT_HELD_TRIGGER[trigger])
      draft.cancelled = `booking ${NOT_HELD_TRIGGER[trigger]} (SIU^${trigger})`;
    else if (NOT_HELD_BOOKING.has(status.toUpperCase()))
      draft.cancelled = `booking ${status} (SCH-25)`;
    else draft.cancelled = null;

    let start: number | null = null;
    let end: number | null = null;
    let minutes: number | null = null;
    const tq1 = segs.find((s) => s.id === 'TQ1');
    if (tq1) {
      start = this.time(tq1, 7);
      end = this.time(tq1, 8);
    }
    // Resource segments: [segment, start field, duration field, units field, resource field].
    const resources: [string, number, number, number, number][] = [
      ['AIS', 4, 7, 8, 3],
      ['AIG', 8, 11, 12, 3],
      ['AIL', 6, 9, 10, 3],
    ];
    for (const seg of segs) {
      const spec = resources.find(([id]) => id === seg.id);
      if (!spec) continue;
      const [id, startField, durField, unitField, resField] = spec;
      if (id === 'AIS') addOnce(draft.localCodes, this.v(seg, resField));
      else if (id === 'AIG') addOnce(draft.stations, this.v(seg, resField));
      else {
        addOnce(draft.locations, this.v(seg, resField, 1));
        addOnce(draft.locations, this.v(seg, resField, 2));
      }
      if (start === null) start = this.time(seg, startField);
      minutes ??= this.minutes(seg, durField, unitField);
    }
    if (start === null) {
      start = this.time(sch, 11, 4);
      end ??= this.time(sch, 11, 5);
    }
    if (end !== null && start !== null && end > start) minutes = (end - start) / 60_000;
    minutes ??= this.minutes(sch, 9, 10);
    const before = [draft.bookingStart, draft.bookingMinutes];
    if (start !== null) draft.bookingStart = start;
    if (minutes !== null) draft.bookingMinutes = minutes;
    // When the booking was seen with this span (the booking supply, slots.ts): MSH-7.
    const sent = start !== null || minutes !== null ? this.time(segs[0], 7) : null;
    if (before[0] !== draft.bookingStart || before[1] !== draft.bookingMinutes)
      draft.bookingSeenAt = sent;
    else draft.bookingSeenAt = earliest(draft.bookingSeenAt, sent);
  }

  /** ADT: patient class and unit of a visit, for orders that lack PV1. */
  admission(): void {
    const pv1 = this.#m.segments.find((s) => s.id === 'PV1');
    const visit = this.#s.hash(this.v(pv1, 19, 1));
    if (pv1 && visit)
      this.#s.visits.set(visit, { patientClass: this.v(pv1, 2), unit: this.v(pv1, 3, 1) });
  }
}

/** Reads one parsed message into the drafts of `state`. */
export function readMessage(file: string, message: Hl7Message, state: ReadState): void {
  const reader = new MessageReader(file, message, state);
  reader.removeIdentity();
  const [code, trigger = ''] = message.type.split('^');
  switch (code) {
    case 'ORM':
    case 'OMI':
    case 'OMG':
    case 'ORU':
    case 'MDM':
      reader.orders();
      break;
    case 'SIU':
      reader.booking(trigger);
      break;
    case 'ADT':
      reader.admission();
      break;
    default:
      state.ignored.set(
        typeLabel(message.type),
        (state.ignored.get(typeLabel(message.type)) ?? 0) + 1,
      );
  }
}
