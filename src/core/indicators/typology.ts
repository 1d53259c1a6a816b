/**
 * Typology (choice, after the report's figures 17-18, which show two populations of machines):
 * emergency-dedicated or centred on scheduled activity.
 */
import type { Openings, Typology } from './types.ts';

/**
 * `emergency-dedicated` when more than 50 % of its exams come from the emergency department, or
 * its extended opening exceeds 100 h per week while its programmed opening is under 40 h;
 * otherwise `scheduled-centred`.
 */
export function typology(emergencyShare: number | null, openings: Openings): Typology {
  if (emergencyShare !== null && emergencyShare > 0.5) return 'emergency-dedicated';
  if (openings.extended > 100 && openings.programmed < 40) return 'emergency-dedicated';
  return 'scheduled-centred';
}
