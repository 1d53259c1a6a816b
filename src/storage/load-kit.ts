/**
 * Reads a whole stored campaign back as a `Kit`, in a fixed order (by key), so that what the
 * indicator engine sees, and the fingerprint of it, depend only on what is stored.
 */
import type { Kit } from '../core/kit-types.ts';
import { readActs } from './act-repository.ts';
import { readCampaign } from './campaign-repository.ts';
import { loadCosts } from './cost-repository.ts';
import type { Queryable } from './db.ts';
import { readEquipment } from './equipment-repository.ts';
import { readEstablishments } from './establishment-repository.ts';
import { attachExamTable } from '../core/exam-table.ts';
import { readExams, readExamTable } from './exam-repository.ts';
import type { Store } from './open-store.ts';
import { loadRegister } from './register-repository.ts';
import { readSessions } from './session-repository.ts';
import { loadSlots } from './slot-repository.ts';
import { readSurvey } from './survey-repository.ts';

/**
 * The stored campaign `campaignId` as a kit (through `q`, e.g. inside a transaction), or null;
 * with `examTable`, its exams as an attached `ExamTable` (no record per exam until read);
 * with its equipment register and its slots, each in its file's order, and its costs (by machine),
 * when it has them.
 */
export async function readKit(
  q: Queryable,
  campaignId: string,
  options: { examTable?: boolean } = {},
): Promise<Kit | null> {
  const campaign = await readCampaign(q, campaignId);
  if (!campaign) return null;
  const register = await loadRegister(q, campaignId);
  const slots = await loadSlots(q, campaignId);
  const costs = await loadCosts(q, campaignId);
  const equipment = await readEquipment(q, campaignId);
  const rest = {
    campaign,
    establishments: await readEstablishments(q, campaignId),
    equipment,
    sessions: await readSessions(q, campaignId),
    acts: await readActs(q, campaignId),
    survey: await readSurvey(q, campaignId),
    ...(register === null ? {} : { register }),
    ...(slots === null ? {} : { slots }),
    ...(costs === null ? {} : { costs }),
  };
  if (options.examTable)
    return attachExamTable(rest, await readExamTable(q, campaignId, equipment));
  return { ...rest, exams: await readExams(q, campaignId) };
}

/**
 * The whole stored campaign as a kit, or null when it is not stored.
 *
 * @example
 * const kit = await loadKit(store, 'anap-2010');
 * if (kit) console.log(kit.exams.length);
 */
export function loadKit(store: Store, campaignId: string): Promise<Kit | null> {
  return readKit(store.db, campaignId);
}
