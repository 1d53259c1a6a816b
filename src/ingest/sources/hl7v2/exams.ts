/** Turning merged exam drafts into the data kit's `Exam` records, with the site mapping. */
import type { ZoneClock } from '../../../core/calendar.ts';
import type { Issue } from '../../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../../i18n/issues/index.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import type { Category, Exam } from '../../../core/kit-types.ts';
import { ageBandAt } from '../age-band.ts';
import { quoteCode } from '../../kit/identifying.ts';
import { countRemoved, hashedIdentifier, identifierDigest, isHashed } from '../identity.ts';
import { categoryFor, ccamFor, equipmentFor } from '../mapping.ts';
import { UnknownCategories } from '../patient-class.ts';
import type { DeviceKeys } from '../mapping.ts';
import { addExamKeys, type ExamKeys, type SiteMapping } from '../types.ts';
import type { ExamDraft } from './drafts.ts';
import { primaryKey } from './drafts.ts';

export { ageBandAt } from '../age-band.ts';

const CCAM = /^[A-Z]{4}\d{3}$/;
const MAX_EXAM_MS = 24 * 3_600_000;

function equipmentOf(
  mapping: SiteMapping,
  d: ExamDraft,
  memo: Map<string, string | null>,
  rooms: ReadonlyMap<string, string>,
): string | null {
  const key = `${d.stations.join('\u0001')}\u0002${d.aeTitles.join('\u0001')}\u0002${d.locations.join('\u0001')}`;
  let id = memo.get(key);
  if (id === undefined) {
    id = lookUpEquipment(mapping, d, rooms);
    memo.set(key, id);
  }
  return id;
}

/**
 * The mapping's keys by their kept form: the MLLP journal keeps OBR-18 (a room for some sites,
 * the accession for others) and any room, device, unit, class or code that is not shaped like a
 * code as its keyed hash (deidentify.ts), matched here to the mapping key it hashes.
 */
function hashedKeys(mapping: SiteMapping, secret: string): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (v: string | undefined): void => {
    if (v !== undefined && v !== '') keys.set(hashedIdentifier(v, secret), v);
  };
  for (const e of mapping.equipment) [e.location, e.station, e.aeTitle, e.serial].forEach(add);
  for (const c of mapping.categories) [c.patientClass, c.unit].forEach(add);
  for (const a of mapping.acts) add(a.localCode);
  return keys;
}

/**
 * A draft's machine by the site mapping, as `examsOf` finds it (its rooms, stations and AE titles,
 * in their kept form too), each set of keys looked up once.
 */
export function draftEquipment(
  mapping: SiteMapping,
  secret: string,
): (d: ExamDraft) => string | null {
  const rooms = hashedKeys(mapping, secret);
  const memo = new Map<string, string | null>();
  return (d) => equipmentOf(mapping, d, memo, rooms);
}

/** A device or room key as an issue may show it: a code, a hashed value, or its shape. */
function shownKey(value: string): string {
  return isHashed(value) ? 'a hashed value' : quoteCode(value, 32);
}

function lookUpEquipment(
  mapping: SiteMapping,
  d: ExamDraft,
  rooms: ReadonlyMap<string, string>,
): string | null {
  const plain = (v: string): string => (isHashed(v) ? (rooms.get(v) ?? v) : v);
  const locations = d.locations.map(plain);
  const stations = d.stations.map(plain);
  const aeTitles = d.aeTitles.map(plain);
  const tries: DeviceKeys[] = [
    { station: stations[0] ?? null, aeTitle: aeTitles[0] ?? null, location: locations[0] ?? null },
  ];
  for (const location of locations) tries.push({ location });
  for (const station of stations) tries.push({ station });
  for (const aeTitle of aeTitles) tries.push({ aeTitle });
  for (const keys of tries) {
    const id = equipmentFor(mapping, keys);
    if (id !== null) return id;
  }
  return null;
}

/**
 * The exams of the drafts: cancelled orders and bookings are not exams; an exam needs a room
 * entry and exit (OBR-7/OBR-8, IP/CM status times, else its booking) and an equipment from the
 * mapping. Each draft left out is a located warning saying why. The category comes from the
 * patient class and unit (PV1-2, PV1-3, else the ADT of the visit) through the mapping; when it
 * cannot be known the exam counts as an outpatient (patient-class.ts, one warning). The age band
 * comes from PID-7 at the exam's start (the birth date itself is dropped), the patient key from
 * PID-3 as its keyed hash (the identifier itself is dropped); the exams' hashed join
 * keys (accessions IPC-1 / OBR-18, study UIDs IPC-3 / ZDS-1) go to `keys` when given.
 *
 * @example
 * const exams = examsOf(index.drafts, { mapping, secret, zone }, visits, issues, removed, records.keys);
 */
export function examsOf(
  drafts: Iterable<ExamDraft>,
  context: { mapping: SiteMapping; secret: string; zone: ZoneClock },
  visits: ReadonlyMap<string, { patientClass: string; unit: string }>,
  issues: Issue[],
  removed: Record<string, number>,
  keys: Map<string, ExamKeys>,
): Exam[] {
  const { mapping, secret, zone } = context;
  // Visit numbers are read in their kept form (messages.ts): a journaled one joins a raw one.
  const visitOf = (visit: string): { patientClass: string; unit: string } | undefined =>
    visit === '' ? undefined : visits.get(visit);
  const rooms = hashedKeys(mapping, secret);
  const plain = (v: string): string => (isHashed(v) ? (rooms.get(v) ?? v) : v);
  const exams: Exam[] = [];
  const unknownCodes = new Set<string>();
  // Drafts share few rooms, classes and codes: look each up in the mapping once.
  const equipmentMemo = new Map<string, string | null>();
  const categoryMemo = new Map<string, Category | null>();
  const unknownCategories = new UnknownCategories({ source: 'HL7 v2', column: 'PV1.2' });
  const actMemo = new Map<string, string | null>();
  // A patient has several exams: one keyed hash each.
  const patientMemo = new Map<string, string>();
  const patientKeyOf = (patient: string): string | null => {
    if (patient === '') return null;
    let key = patientMemo.get(patient);
    if (key === undefined) patientMemo.set(patient, (key = identifierDigest(patient, secret)));
    return key;
  };
  for (const d of drafts) {
    const skip = (
      key: IssueKey,
      column: string | null,
      params: IssueParams,
      severity: Issue['severity'] = 'warning',
    ): void => {
      issues.push(makeIssue(severity, key, d.file, d.line, column, params));
    };
    if (d.cancelled !== null) {
      skip('hl7-not-performed', null, { status: d.cancelled }, 'info');
      continue;
    }
    let roomIn = d.start ?? d.statusStart ?? d.statusStartMsh;
    let roomOut = d.end ?? d.statusEnd ?? d.statusEndMsh;
    const booked =
      roomIn === null && roomOut === null && d.bookingStart !== null && d.bookingMinutes !== null;
    if (booked && d.bookingStart !== null && d.bookingMinutes !== null) {
      roomIn = d.bookingStart;
      roomOut = d.bookingStart + Math.round(d.bookingMinutes * 60_000);
    }
    if (roomIn === null || roomOut === null) {
      if (roomIn === null) skip('hl7-exam-incomplete.start', 'OBR.7', {});
      else skip('hl7-exam-incomplete.end', 'OBR.8', {});
      continue;
    }
    if (roomOut <= roomIn || roomOut - roomIn > MAX_EXAM_MS) {
      skip('hl7-implausible-times', booked ? 'TQ1.8' : 'OBR.8', {
        minutes: ((roomOut - roomIn) / 60_000).toFixed(0),
        start: new Date(roomIn).toISOString(),
        end: new Date(roomOut).toISOString(),
      });
      continue;
    }
    const given =
      d.patientClass || d.unit ? { patientClass: d.patientClass, unit: d.unit } : visitOf(d.visit);
    const stay = given && { patientClass: plain(given.patientClass), unit: plain(given.unit) };
    let category: Category | null = null;
    if (stay) {
      const key = `${stay.patientClass}\u0001${stay.unit}`;
      const known = categoryMemo.get(key);
      category =
        known !== undefined
          ? known
          : categoryFor(mapping, {
              patientClass: stay.patientClass || null,
              unit: stay.unit || null,
            });
      categoryMemo.set(key, category);
    }
    const equipmentId = equipmentOf(mapping, d, equipmentMemo, rooms);
    if (equipmentId === null) {
      const seen =
        [...d.stations, ...d.aeTitles, ...d.locations].map(shownKey).join(', ') || 'none';
      skip('unmapped-equipment.hl7', 'AIL.3', { seen });
      continue;
    }
    const acts: string[] = [];
    for (const code of d.localCodes) {
      let ccam = actMemo.get(code);
      if (ccam === undefined) {
        ccam = ccamFor(mapping, plain(code)) ?? (CCAM.test(code) ? code : null);
        actMemo.set(code, ccam);
      }
      if (ccam !== null) {
        if (!acts.includes(ccam)) acts.push(ccam);
      } else if (!unknownCodes.has(code)) {
        unknownCodes.add(code);
        skip('unmapped-act.hl7', 'OBR.4', { code: quoteCode(code, 32) });
      }
    }
    countRemoved(removed, 'order/accession number (pseudonymized)');
    // Keys are read in their kept form: the digest is the one a raw identifier hashes to.
    const examId = identifierDigest(primaryKey(d), secret);
    const accession = d.keys.get('A');
    const accessions = accession === undefined ? d.accessions : [accession, ...d.accessions];
    addExamKeys(keys, examId, {
      accessions: accessions.map((a) => identifierDigest(a, secret)),
      studyUids: d.studyUids.map((u) => identifierDigest(u, secret)),
    });
    exams.push({
      examId,
      equipmentId,
      category:
        category ??
        unknownCategories.count(
          d.file,
          d.line,
          [stay?.patientClass ?? '', stay?.unit ?? ''].filter((v) => v !== ''),
        ),
      roomIn,
      roomOut,
      acts,
      icr: null,
      reportValidatedAt: d.reportValidatedAt,
      requestedAt: d.requestedAt,
      scheduledMinutes: d.bookingMinutes === null ? null : Math.round(d.bookingMinutes),
      ageBand: d.birth === null ? null : ageBandAt(d.birth.day, roomIn, zone, d.birth.monthOnly),
      // The keyed hash of PID-3 (patient-id.ts), never the identifier: repeats link by it.
      patientKey: patientKeyOf(d.patient),
    });
  }
  issues.push(...unknownCategories.issues());
  return exams;
}
