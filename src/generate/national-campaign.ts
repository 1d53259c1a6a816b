/**
 * The synthetic national campaign, shaped like the ANAP 2010 benchmark: a plan (panel, act
 * table, survey, one profile per machine) drawn from the seed, then each machine's sessions and
 * exams from its own stream, so a national year streams to disk machine by machine.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CampaignCalendar, ZoneClock } from '../core/calendar.ts';
import type {
  Act,
  Campaign,
  CostSet,
  Equipment,
  Establishment,
  Exam,
  Kit,
  Modality,
  RegisterMachine,
  Session,
  Slot,
  SurveyAnswer,
} from '../core/kit-types.ts';
import { createKitWriter } from '../ingest/kit/write-kit.ts';
import { POPULATION } from '../plan/territories/population.ts';
import { actTable } from './acts.ts';
import { illustrativeCosts } from '../plan/costs/illustrative.ts';
import { generateMachineData } from './machine.ts';
import { type GenerateOptions, resolveOptions } from './options.ts';
import { assignPatientKeys, type PatientFrame, patientFrames } from './patients.ts';
import type { MachineProfile } from './profile.ts';
import { deriveSeed, Rng } from './random.ts';
import { generateRegister } from './register.ts';
import { generateSlots, SLOT_DAYS, slotMachines } from './slots.ts';
import { generateSurvey } from './survey.ts';
import type { CampaignFrame } from './timeline.ts';
import { applyYears, drawFirstYear, type YearChange, yearSeed } from './years.ts';

export type { MachineProfile } from './profile.ts';

export type { GenerateOptions } from './options.ts';
export { DEFAULT_OPTIONS, resolveOptions } from './options.ts';

/** Everything decided before any exam is drawn. */
export interface CampaignPlan {
  options: Required<GenerateOptions>;
  campaign: Campaign;
  establishments: Establishment[];
  equipment: Equipment[];
  acts: Act[];
  survey: SurveyAnswer[];
  /** One profile per machine, in the order of `equipment`. */
  machines: MachineProfile[];
  /**
   * The whole French fleet of the campaign's year (equipment-register.csv), the campaign's
   * machines among it: published densities times the shipped population (register.ts).
   */
  register: RegisterMachine[];
  /** Indexes of the machines whose agendas are in slots.csv: one département's (slots.ts). */
  slotMachines: number[];
  /**
   * Seed of the year's own streams (sessions, exams, patient keys, slots, survey, register): the
   * seed in year 1, one derived with the year after (years.ts `yearSeed`).
   */
  streamSeed: number;
  /** What this demo year changed since year 1 (years.ts); empty in year 1. */
  changes: YearChange[];
}

/**
 * Draws the campaign's plan: establishments, machines and their profiles, acts and survey.
 *
 * @example
 * const plan = planCampaign({ seed: 2010 });
 * plan.establishments.length; // 301
 */
export function planCampaign(options: GenerateOptions = {}): CampaignPlan {
  const o = resolveOptions(options);
  const first = drawFirstYear(o);
  // Later years: year 1's panel and profiles with the documented changes (years.ts).
  const { establishments, equipment, machines, changes } =
    o.year === 1 ? { ...first, changes: [] } : applyYears(first, o);
  const streamSeed = yearSeed(o.seed, o.year);
  const modalitiesOf = new Map<string, Set<Modality>>();
  for (const e of equipment) {
    let set = modalitiesOf.get(e.finess);
    if (!set) modalitiesOf.set(e.finess, (set = new Set()));
    set.add(e.modality);
  }
  const campaign: Campaign = {
    id: o.year === 1 ? `synthetic-${o.seed}` : `synthetic-${o.seed}-y${o.year}`,
    name:
      o.year === 1
        ? `Campagne nationale synthétique (graine ${o.seed}), façon ANAP 2010`
        : `Campagne nationale synthétique (graine ${o.seed}), année ${o.year} (${o.start.slice(0, 4)}), façon ANAP 2010`,
    start: o.start,
    days: o.days,
    timeZone: o.timeZone,
  };
  // Its own stream: the register leaves every other draw of the campaign as it was.
  const register = generateRegister(
    { campaign, establishments, equipment },
    new Rng(deriveSeed(streamSeed, 0x4e61)),
    POPULATION,
  );
  const plan: CampaignPlan = {
    options: o,
    campaign,
    establishments,
    equipment,
    acts: actTable(),
    survey: generateSurvey(streamSeed, establishments, modalitiesOf),
    machines,
    register,
    slotMachines: slotMachines(establishments, equipment),
    streamSeed,
    changes,
  };
  if (o.year > 1) firstYears.set(plan, first.equipment);
  return plan;
}

/** Year 1's machines of a later year's plan: their costs stay the ones drawn in year 1. */
const firstYears = new WeakMap<CampaignPlan, readonly Equipment[]>();

const frames = new WeakMap<CampaignPlan, CampaignFrame>();
const patients = new WeakMap<CampaignPlan, PatientFrame[]>();

function patientFrameOf(plan: CampaignPlan, index: number): PatientFrame {
  let list = patients.get(plan);
  if (!list) patients.set(plan, (list = patientFrames(plan.establishments, plan.equipment)));
  return list[index] as PatientFrame;
}

function frameOf(plan: CampaignPlan): CampaignFrame {
  let frame = frames.get(plan);
  if (!frame) {
    const calendar = new CampaignCalendar(
      plan.campaign.start,
      plan.campaign.days,
      plan.campaign.timeZone,
    );
    frame = {
      firstDay: calendar.firstDay,
      days: calendar.days,
      clock: new ZoneClock(plan.campaign.timeZone),
    };
    frames.set(plan, frame);
  }
  return frame;
}

/**
 * Sessions and exams of machine `index` of the plan, from its own random stream: machines can
 * be generated one at a time and in any order, with identical results. Every exam carries a
 * patient key (patients.ts: repeats within a machine, patients shared by a site's CT and MR).
 */
export function generateMachine(
  plan: CampaignPlan,
  index: number,
): { sessions: Session[]; exams: Exam[] } {
  const profile = plan.machines[index];
  if (!profile)
    throw new RangeError(`no machine ${index} in the plan (0..${plan.machines.length - 1})`);
  const data = generateMachineData(profile, frameOf(plan), plan.streamSeed);
  assignPatientKeys(data.exams, patientFrameOf(plan, index), plan.streamSeed, index);
  return data;
}

/**
 * The campaign's illustrative cost set (origin `illustrative`, src/plan/costs/illustrative.ts),
 * one row per machine, from a stream of its own so that nothing else in the kit changes.
 */
export function generateCosts(plan: CampaignPlan): CostSet {
  const first = firstYears.get(plan);
  if (!first)
    return illustrativeCosts(plan.equipment, new Rng(deriveSeed(plan.options.seed, 0xc057)));
  // A later year: year 1's rows for the machines it had, a draw of the year's own for the new ones.
  const kept = new Map(
    illustrativeCosts(first, new Rng(deriveSeed(plan.options.seed, 0xc057))).rows.map((r) => [
      r.equipmentId,
      r,
    ]),
  );
  const added = illustrativeCosts(
    plan.equipment.filter((e) => !kept.has(e.equipmentId)),
    new Rng(deriveSeed(plan.streamSeed, 0xc057)),
  ).rows;
  const fresh = new Map(added.map((r) => [r.equipmentId, r]));
  return {
    origin: 'illustrative',
    rows: plan.equipment.map(
      (e) => (kept.get(e.equipmentId) ?? fresh.get(e.equipmentId)) as CostSet['rows'][number],
    ),
  };
}

/**
 * The slots.csv rows of machine `index` from its sessions and exams (`generateMachine`), from a
 * stream of their own; none for a machine outside `plan.slotMachines`.
 */
export function generateMachineSlots(
  plan: CampaignPlan,
  index: number,
  data: { sessions: readonly Session[]; exams: readonly Exam[] },
): Slot[] {
  const machine = plan.equipment[index];
  if (machine === undefined || !plan.slotMachines.includes(index)) return [];
  return generateSlots(
    machine,
    data.sessions,
    data.exams,
    frameOf(plan),
    new Rng(deriveSeed(plan.streamSeed, 0x5107, index)),
  );
}

/**
 * The whole campaign in memory (fine for the 2010 size: about 270,000 exams).
 *
 * @example
 * const kit = generateKit({ seed: 2010 });
 * computeCampaign(kit).benchmark.CT?.passagesPerWeek.p50; // ≈ 150
 */
export function generateKit(options: GenerateOptions = {}): Kit {
  const plan = planCampaign(options);
  const sessions: Session[] = [];
  const exams: Exam[] = [];
  const slots: Slot[] = [];
  for (let i = 0; i < plan.machines.length; i++) {
    const data = generateMachine(plan, i);
    for (const s of data.sessions) sessions.push(s);
    for (const e of data.exams) exams.push(e);
    for (const s of generateMachineSlots(plan, i, data)) slots.push(s);
  }
  return {
    campaign: plan.campaign,
    establishments: plan.establishments,
    equipment: plan.equipment,
    sessions,
    exams,
    acts: plan.acts,
    survey: plan.survey,
    register: plan.register,
    slots,
    costs: generateCosts(plan),
  };
}

/** Progress of `writeGeneratedKit`: machines written so far (`done` of `total`), and rows. */
export interface GenerateProgress {
  done: number;
  total: number;
  sessions: number;
  exams: number;
}

/** What was written. */
export interface GenerateSummary {
  dir: string;
  establishments: number;
  machines: number;
  sessions: number;
  exams: number;
  /** Rows of equipment-register.csv (the whole fleet, the campaign's machines included). */
  registerMachines: number;
  /** Rows of slots.csv (the agendas of one département's machines). */
  slots: number;
}

/**
 * Generates the campaign straight into a data-kit folder, one machine at a time (memory stays
 * bounded whatever the size), plus a README.md saying what the data is.
 *
 * @example
 * await writeGeneratedKit('/tmp/national', { machines: 2500, days: 365 }, (p) => console.log(p.machines));
 */
export async function writeGeneratedKit(
  dir: string,
  options: GenerateOptions = {},
  onProgress?: (progress: GenerateProgress) => void,
): Promise<GenerateSummary> {
  const plan = planCampaign(options);
  // Every synthetic exam has a patient key (patients.ts): the column is always written.
  const writer = createKitWriter(dir, plan.campaign, { patientKeys: true });
  await writer.writeEstablishments(plan.establishments);
  await writer.writeEquipment(plan.equipment);
  await writer.writeActs(plan.acts);
  await writer.writeSurvey(plan.survey);
  await writer.writeRegister(plan.register);
  await writer.writeCosts(generateCosts(plan));
  let sessions = 0;
  let exams = 0;
  const slots: Slot[] = [];
  // One machine is written while the next is generated, so disk waits overlap generation;
  // never more than two machines are held in memory.
  let pending: Promise<void> | null = null;
  for (let i = 0; i < plan.machines.length; i++) {
    const data = generateMachine(plan, i);
    for (const s of generateMachineSlots(plan, i, data)) slots.push(s);
    if (pending) await pending;
    pending = Promise.all([
      writer.appendSessions(data.sessions),
      writer.appendExams(data.exams),
    ]).then(() => {
      sessions += data.sessions.length;
      exams += data.exams.length;
      onProgress?.({ done: i + 1, total: plan.machines.length, sessions, exams });
    });
  }
  if (pending) await pending;
  await writer.writeSlots(slots);
  await writer.close();
  await writeFile(join(dir, 'README.md'), readme(plan, sessions, exams, slots));
  return {
    dir,
    establishments: plan.establishments.length,
    machines: plan.machines.length,
    sessions,
    exams,
    registerMachines: plan.register.length,
    slots: slots.length,
  };
}

function registerCounts(plan: CampaignPlan): string {
  const ct = plan.register.filter((m) => m.modality === 'CT').length;
  return `${ct} CT and ${plan.register.length - ct} MRI`;
}

function slotsLine(plan: CampaignPlan, slots: readonly Slot[]): string {
  const ids = plan.slotMachines.map((i) => plan.equipment[i]?.equipmentId ?? '');
  const finess = plan.equipment[plan.slotMachines[0] ?? -1]?.finess;
  const dep = plan.establishments.find((e) => e.finess === finess)?.department ?? '?';
  const weeks = plan.options.days > SLOT_DAYS ? ` over the first ${SLOT_DAYS / 7} weeks` : '';
  return `- slots.csv: the agendas of the ${ids.length} machines of département ${dep} (${ids.join(', ')})${weeks}, ${slots.length} rows:
  each session open to appointments cut into slots of the machine's median booked length, seen each
  morning at 07:00 up to eight weeks ahead, a row when a slot is first seen and when it is seen
  taken (from the request of the first exam that occupies it). The synthetic sessions are only
  partly booked, so free slots come within hours, while the exams' delays (drawn, not made by the
  agendas) are days: the third next available appointment is short here.`;
}

function readme(
  plan: CampaignPlan,
  sessions: number,
  exams: number,
  slots: readonly Slot[],
): string {
  const o = plan.options;
  const ct = plan.equipment.filter((e) => e.modality === 'CT').length;
  return `# ${plan.campaign.name}

**Synthetic data.** Every establishment, machine, session and exam in this folder was
generated by plateau (\`plateau generate\`); none describes a real site or patient. Town
names are real places, the establishments built on them are invented.

- Seeded and reproducible: seed ${o.seed}, ${o.machines} machines (${ct} CT, ${o.machines - ct} MRI),
  ${plan.establishments.length} establishments, ${o.days} days from ${o.start}, time zone ${o.timeZone}.
  The same options always give the same files.
- ${sessions} sessions, ${exams} exams.
- equipment-register.csv: the whole French fleet of ${plan.campaign.start.slice(0, 4)}, ${registerCounts(plan)},
  over the 101 départements, the campaign's machines among them. Counts are published
  densities (CT 11.8 per million, OECD 2010; MRI 618 units in 2011 over 65.35 million
  inhabitants) times plateau's population table; sites other than the campaign's are invented.
  A few rows have no date put into service, and one MRI is put into service after the first day.
${slotsLine(plan, slots)}
- Shaped like the ANAP 2010 CT/MRI benchmark (legal-status mix, vacation grids, on-call,
  night activity, durations, report delays, appointment survey) and calibrated so that the
  percentiles of the report's reference table come out within 10 %.
- **ICR values in acts.csv are illustrative**, chosen to keep the campaign coherent; they
  are not the official CCAM ICR. Act codes follow the CCAM naming; labels are indicative.
- **costs.csv is illustrative** (origin column \`illustrative\`): orders of magnitude drawn per
  machine for demos, not any site's costs.
- exams.csv's patient_key is a random 32-hex-digit key per synthetic patient (no real identifier
  behind it): about 4–5 % of exams repeat an exam of the same patient, machine and act family
  within 30 days (more for inpatients and emergencies), and some patients of a site with both
  modalities are seen on its CT and its MRI.
- Date-times are local wall-clock times; an explicit offset appears only in the repeated
  hour of an autumn daylight-saving change.
${changesSection(plan)}`;
}

/** A later demo year's README section: what changed since year 1 (nothing in year 1). */
function changesSection(plan: CampaignPlan): string {
  if (plan.changes.length === 0) return '';
  const lines = plan.changes.map((c) => {
    const ids = c.previousEquipmentId
      ? `${c.previousEquipmentId} → ${c.equipmentId}`
      : c.equipmentId;
    const d = c.detail;
    return `- year ${c.year}, ${c.kind}: ${ids} (site ${c.finess}${c.region ? `, ${c.region}` : ''}): ${c.note}; ${d.measure} ${d.before ?? '?'} → ${d.after ?? '?'} ${d.unit}.`;
  });
  return `
## Year ${plan.options.year} of the demo: changes since year 1

The same panel and machine profiles as year 1 (seed ${plan.options.seed}), exams drawn anew for this year,
and these changes (docs/demo-years.md says why; the figures are the generator's targets):

${lines.join('\n')}
`;
}
