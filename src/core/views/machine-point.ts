/**
 * A machine as a point of a distribution or a bubble chart: its identity, its peer-group keys
 * and every ranked figure, read from its stored indicators (nothing recomputed).
 */
import { MACHINE_FIGURES } from '../benchmark.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { Equipment, Establishment } from '../kit-types.ts';
import type { FigureKey, MachinePoint } from './types.ts';

/**
 * Every `MACHINE_FIGURES` value of a machine plus `programmedPlusEmergencyOpening`; null where
 * it cannot be computed.
 */
export function machineFigures(m: MachineIndicators): Record<FigureKey, number | null> {
  const figures: Record<FigureKey, number | null> = {};
  for (const f of MACHINE_FIGURES) figures[f.key] = f.value(m);
  figures['programmedPlusEmergencyOpening'] = m.openingHoursPerWeek.programmedPlusEmergency;
  return figures;
}

/**
 * The point of a machine, named after its equipment row and establishment when known; `bundle`
 * marks a machine whose site came as a signed bundle of aggregates (`origin: 'bundle'`).
 *
 * @example
 * machinePoint(results.machines[0], establishmentsByFiness.get(m.finess), equipmentById.get(m.equipmentId));
 */
export function machinePoint(
  m: MachineIndicators,
  establishment: Establishment | undefined,
  equipment: Equipment | undefined,
  bundle = false,
): MachinePoint {
  return {
    equipmentId: m.equipmentId,
    label: equipment?.label ?? null,
    finess: m.finess,
    establishment: establishment?.name ?? m.finess,
    modality: m.modality,
    region: m.region,
    legalStatus: m.legalStatus,
    typology: m.typology,
    occupancyIncluded: m.occupancyIncluded,
    exams: m.exams,
    nightLevel: m.night.level,
    significantOnCall: m.significantOnCall,
    ...(bundle ? { origin: 'bundle' as const } : {}),
    figures: machineFigures(m),
  };
}
