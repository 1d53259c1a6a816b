/**
 * The fingerprint of a campaign's input: sha256 over every record, field by field in a fixed
 * order (never object key order), so the same stored campaign always hashes the same.
 */
import { createHash } from 'node:crypto';
import type { Kit } from '../core/kit-types.ts';

/** Bump when the hashed form changes, so old fingerprints stop matching. */
const FORMAT = 'plateau-kit-fingerprint-v1';

/**
 * Hex sha256 of `kit`. Order of records matters: hash kits read back by `loadKit`, whose order is
 * fixed.
 *
 * @example
 * kitFingerprint(kit); // 'a3f1…' (64 hex digits)
 */
export function kitFingerprint(kit: Kit): string {
  const hash = createHash('sha256');
  const put = (tag: string, fields: unknown[]) => hash.update(`${tag}${JSON.stringify(fields)}\n`);
  const { campaign: c } = kit;
  put(FORMAT, []);
  put('c', [c.id, c.name, c.start, c.days, c.timeZone]);
  for (const e of kit.establishments)
    put('f', [e.finess, e.name, e.legalStatus, e.region, e.department]);
  for (const m of kit.equipment)
    put('m', [m.equipmentId, m.finess, m.modality, m.label, m.installedYear, m.role]);
  for (const s of kit.sessions) put('s', [s.equipmentId, s.start, s.end, s.type]);
  for (const x of kit.exams) {
    put('x', [
      x.equipmentId,
      x.examId,
      x.category,
      x.roomIn,
      x.roomOut,
      x.acts,
      x.icr,
      x.reportValidatedAt,
      x.requestedAt,
      x.scheduledMinutes,
      x.ageBand,
    ]);
  }
  for (const a of kit.acts) put('a', [a.code, a.label, a.icr]);
  for (const a of kit.survey) put('v', [a.finess, a.modality, a.case, a.patient, a.days]);
  return hash.digest('hex');
}
