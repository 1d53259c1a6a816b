/**
 * The synthetic campaign generator's public entry: plan a seeded campaign shaped like the ANAP
 * 2010 benchmark (with the whole fleet of its year as a register), generate its machines one at
 * a time, in memory or streamed to a data kit.
 */
export {
  DEFAULT_OPTIONS,
  generateCosts,
  generateKit,
  generateMachine,
  generateMachineSlots,
  planCampaign,
  resolveOptions,
  writeGeneratedKit,
  type CampaignPlan,
  type GenerateOptions,
  type GenerateProgress,
  type GenerateSummary,
  type MachineProfile,
} from './national-campaign.ts';
export {
  CT_PER_MILLION,
  generateRegister,
  HOSPITAL_SHARE,
  MRI_PER_MILLION,
  registerSector,
  type RegisterPlanInput,
} from './register.ts';
export {
  assignPatientKeys,
  drawPatientKey,
  patientFrames,
  REPEAT_CHANCE,
  type PatientFrame,
} from './patients.ts';
export {
  applyYears,
  drawFirstYear,
  extendGrid,
  yearChanges,
  yearSeed,
  type YearChange,
  type YearChangeKind,
} from './years.ts';
export { LAST_YEAR, YEAR_STARTS } from './options.ts';
export {
  AGENDA_DAYS,
  generateSlots,
  MAX_SLOT_MACHINES,
  SLOT_DAYS,
  slotLengthOf,
  slotMachines,
} from './slots.ts';
