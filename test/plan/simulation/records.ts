// Machine records for the simulation tests: one machine (or a pool) of a kit, or of the synthetic
// national campaign generated machine by machine (src/generate), as calibration reads them.
import type { Kit } from '../../../src/core/kit-types.ts';
import { type CampaignPlan, generateMachine, planCampaign } from '../../../src/generate/index.ts';
import type { MachineRecords } from '../../../src/plan/simulation/types.ts';

/** The records of some machines of a kit. */
export function recordsOf(kit: Kit, equipmentIds: string[]): MachineRecords {
  const ids = new Set(equipmentIds);
  const equipment = kit.equipment.filter((e) => ids.has(e.equipmentId));
  const finess = equipment[0]?.finess;
  return {
    campaign: kit.campaign,
    equipment,
    establishment: kit.establishments.find((e) => e.finess === finess) ?? null,
    sessions: kit.sessions.filter((s) => ids.has(s.equipmentId)),
    exams: kit.exams.filter((e) => ids.has(e.equipmentId)),
    acts: kit.acts,
  };
}

const plans = new Map<string, CampaignPlan>();

/** The plan of the synthetic national campaign (default: seed 2010, 517 machines, 28 days), cached. */
export function nationalPlan(seed = 2010, machines = 517): CampaignPlan {
  const key = `${seed}/${machines}`;
  let plan = plans.get(key);
  if (!plan) plans.set(key, (plan = planCampaign({ seed, machines })));
  return plan;
}

/** The records of machine `index` of a synthetic national campaign. */
export function nationalRecords(plan: CampaignPlan, index: number): MachineRecords {
  const equipment = plan.equipment[index]!;
  const { sessions, exams } = generateMachine(plan, index);
  return {
    campaign: plan.campaign,
    equipment: [equipment],
    establishment: plan.establishments.find((e) => e.finess === equipment.finess) ?? null,
    sessions,
    exams,
    acts: plan.acts,
  };
}
