/**
 * The booking supply HL7 v2 can tell (planning.md §1): each SIU booking still held once every
 * message is read is time taken on its machine, a busy slot over its booked span, seen at the
 * MSH-7 of the message that gave it that span. SIU says nothing of the time left free: free slots
 * come from FHIR Slots or a scheduler export.
 */
import type { Issue } from '../../../core/issues.ts';
import type { Slot } from '../../../core/kit-types.ts';
import { makeIssue } from '../../../i18n/issues/index.ts';
import type { SiteMapping } from '../types.ts';
import type { ExamDraft } from './drafts.ts';
import { draftEquipment } from './exams.ts';

/**
 * The busy slots of the held bookings among `drafts` (not cancelled, discontinued, deleted nor a
 * no-show), on the machine the mapping gives them; a booking on no known machine gives none (its
 * exam says why), one without a readable MSH-7 a located warning.
 *
 * @example
 * const slots = bookedSlots(state.drafts.drafts, { mapping, secret }, issues);
 */
export function bookedSlots(
  drafts: Iterable<ExamDraft>,
  context: { mapping: SiteMapping; secret: string },
  issues: Issue[],
): Slot[] {
  const machineOf = draftEquipment(context.mapping, context.secret);
  const slots: Slot[] = [];
  for (const d of drafts) {
    if (
      d.cancelled !== null ||
      d.bookingStart === null ||
      d.bookingMinutes === null ||
      d.bookingMinutes <= 0
    )
      continue;
    const equipmentId = machineOf(d);
    if (equipmentId === null) continue;
    if (d.bookingSeenAt === null) {
      issues.push(makeIssue('warning', 'hl7-slot-no-time', d.file, d.line, 'MSH.7', {}));
      continue;
    }
    const start = d.bookingStart;
    slots.push({
      equipmentId,
      start,
      end: start + Math.round(d.bookingMinutes * 60_000),
      status: 'busy',
      observedAt: d.bookingSeenAt,
    });
  }
  return slots;
}
