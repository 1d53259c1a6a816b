// The part of a kit a site user uploads (issue 15): the rows of its establishments and of their
// machines, with the slots and costs of those machines when the kit has them, and the whole act
// table; never the register.
import type { Kit } from '../../src/core/kit-types.ts';

/** The part of `kit` belonging to the establishments `finess`. */
export function siteKit(kit: Kit, finess: readonly string[]): Kit {
  const mine = new Set(finess);
  const machines = new Set(
    kit.equipment.filter((m) => mine.has(m.finess)).map((m) => m.equipmentId),
  );
  return {
    campaign: kit.campaign,
    establishments: kit.establishments.filter((e) => mine.has(e.finess)),
    equipment: kit.equipment.filter((m) => machines.has(m.equipmentId)),
    sessions: kit.sessions.filter((s) => machines.has(s.equipmentId)),
    exams: kit.exams.filter((e) => machines.has(e.equipmentId)),
    acts: kit.acts,
    survey: kit.survey.filter((a) => mine.has(a.finess)),
    ...(kit.slots ? { slots: kit.slots.filter((s) => machines.has(s.equipmentId)) } : {}),
    ...(kit.costs
      ? { costs: { ...kit.costs, rows: kit.costs.rows.filter((r) => machines.has(r.equipmentId)) } }
      : {}),
  };
}
