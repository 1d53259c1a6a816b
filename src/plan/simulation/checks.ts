/**
 * The status-quo checks of a campaign's machines (planning.md §3 rule), as stored by `plateau
 * simulate --all` and summed up for the quality page and `GET /api/campaigns/:id/simulation/checks`:
 * how many machines reproduce their campaign, and which figure fails for the others. Pure.
 */
import type { Equipment, Establishment, Modality } from '../../core/kit-types.ts';
import type { FailingFigure, StatusQuo } from './types.ts';

/** One machine's stored status-quo check. */
export interface SimulationCheck {
  equipmentId: string;
  reproduces: boolean;
  failing: FailingFigure[];
  statusQuo: StatusQuo;
  replications: number;
  seed: number;
  /** When it was computed, ISO 8601 UTC (`2026-03-02T10:15:00Z`). */
  computedAt: string;
}

/** A machine whose simulated status quo misses its campaign, and by which figures. */
export interface FailingMachine {
  equipmentId: string;
  label: string | null;
  finess: string | null;
  establishment: string | null;
  modality: Modality | null;
  failing: FailingFigure[];
}

/** How many machines reproduce their campaign. */
export interface ChecksSummary {
  /** Machines checked. */
  machines: number;
  reproduce: number;
  /** reproduce ÷ machines, null when none was checked. */
  share: number | null;
  failing: FailingMachine[];
  /** The latest check's time, and the run's replications and seed (those of the latest check). */
  computedAt: string;
  replications: number;
  seed: number;
}

/** The checks of a campaign: `summary` is null (and `checks` empty) until `plateau simulate --all` ran. */
export interface SimulationChecksView {
  campaign: { id: string; name: string };
  /** Machines of the campaign, checked or not. */
  campaignMachines: number;
  summary: ChecksSummary | null;
  checks: SimulationCheck[];
}

/**
 * The checks view of a campaign from its stored checks, its machines and establishments.
 *
 * @example
 * checksView(campaign, kit.equipment, kit.establishments, checks).summary?.reproduce; // 468
 */
export function checksView(
  campaign: { id: string; name: string },
  equipment: readonly Equipment[],
  establishments: readonly Establishment[],
  checks: readonly SimulationCheck[],
): SimulationChecksView {
  const base = {
    campaign: { id: campaign.id, name: campaign.name },
    campaignMachines: equipment.length,
  };
  if (checks.length === 0) return { ...base, summary: null, checks: [] };
  const machines = new Map(equipment.map((m) => [m.equipmentId, m]));
  const names = new Map(establishments.map((e) => [e.finess, e.name]));
  const failing = checks
    .filter((c) => !c.reproduces)
    .map((c): FailingMachine => {
      const m = machines.get(c.equipmentId);
      return {
        equipmentId: c.equipmentId,
        label: m?.label ?? null,
        finess: m?.finess ?? null,
        establishment: m ? (names.get(m.finess) ?? null) : null,
        modality: m?.modality ?? null,
        failing: c.failing,
      };
    });
  const latest = checks.reduce((a, b) => (b.computedAt > a.computedAt ? b : a));
  const reproduce = checks.length - failing.length;
  return {
    ...base,
    summary: {
      machines: checks.length,
      reproduce,
      share: reproduce / checks.length,
      failing,
      computedAt: latest.computedAt,
      replications: latest.replications,
      seed: latest.seed,
    },
    checks: [...checks],
  };
}
