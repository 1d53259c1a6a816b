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
import { drawPanel } from './panel.ts';
import { assignPatientKeys, type PatientFrame, patientFrames } from './patients.ts';
import { drawProfiles, type MachineProfile } from './profile.ts';
import { deriveSeed, Rng } from './random.ts';
import { generateRegister } from './register.ts';
import { generateSlots, SLOT_DAYS, slotMachines } from './slots.ts';
import { generateSurvey } from './survey.ts';
import type { CampaignFrame } from './timeline.ts';

export type { MachineProfile } from './profile.ts';

export interface GenerateOptions {
  /** Seed of every random draw (default 2010). */
  seed?: number;
  /** Machines (default 517 = 326 CT + 191 MRI; other sizes keep the CT/MRI ratio). */
  machines?: number;
  /** Campaign length in days (default 28). */
  days?: number;
  /** First day, `YYYY-MM-DD` (default 2010-03-01, a Monday). */
  start?: string;
  /** IANA time zone of the sites' wall clocks (default Europe/Paris). */
  timeZone?: string;
}

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
}

export const DEFAULT_OPTIONS: Required<GenerateOptions> = {
  seed: 2010,
  machines: 517,
  days: 28,
  start: '2010-03-01',
  timeZone: 'Europe/Paris',
};

/** Options with defaults filled in and checked. */
export function resolveOptions(options: GenerateOptions = {}): Required<GenerateOptions> {
  const o = {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer: ${o.seed}`);
  if (!Number.isInteger(o.machines) || o.machines < 1)
    throw new RangeError(`machines must be a positive integer: ${o.machines}`);
  // CampaignCalendar checks the date, the day count and the zone.
  new CampaignCalendar(o.start, o.days, o.timeZone);
  return o;
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
  const rng = new Rng(deriveSeed(o.seed, 0x9a7e));
  const year = Number(o.start.slice(0, 4));
  const panel = drawPanel(o.machines, year, rng);
  const machines = drawProfiles(panel.machines, new Rng(deriveSeed(o.seed, 0x9f0f)));
  const modalitiesOf = new Map<string, Set<Modality>>();
  for (const m of panel.machines) {
    let set = modalitiesOf.get(m.equipment.finess);
    if (!set) modalitiesOf.set(m.equipment.finess, (set = new Set()));
    set.add(m.equipment.modality);
  }
  const campaign: Campaign = {
    id: `synthetic-${o.seed}`,
    name: `Campagne nationale synthétique (graine ${o.seed}), façon ANAP 2010`,
    start: o.start,
    days: o.days,
    timeZone: o.timeZone,
  };
  const equipment = panel.machines.map((m) => m.equipment);
  // Its own stream: the register leaves every other draw of the campaign as it was.
  const register = generateRegister(
    { campaign, establishments: panel.establishments, equipment },
    new Rng(deriveSeed(o.seed, 0x4e61)),
    POPULATION,
  );
  return {
    options: o,
    campaign,
    establishments: panel.establishments,
    equipment,
    acts: actTable(),
    survey: generateSurvey(o.seed, panel.establishments, modalitiesOf),
    machines,
    register,
    slotMachines: slotMachines(panel.establishments, equipment),
  };
}

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
  const data = generateMachineData(profile, frameOf(plan), plan.options.seed);
  assignPatientKeys(data.exams, patientFrameOf(plan, index), plan.options.seed, index);
  return data;
}

/**
 * The campaign's illustrative cost set (origin `illustrative`, src/plan/costs/illustrative.ts),
 * one row per machine, from a stream of its own so that nothing else in the kit changes.
 */
export function generateCosts(plan: CampaignPlan): CostSet {
  return illustrativeCosts(plan.equipment, new Rng(deriveSeed(plan.options.seed, 0xc057)));
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
  return generateSlots(machine, data.sessions, data.exams, frameOf(plan), new Rng(deriveSeed(plan.options.seed, 0x5107, index)));
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

function readme(plan: CampaignPlan, sessions: number, exams: number, slots: readonly Slot[]): string {
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
`;
}
