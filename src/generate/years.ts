/**
 * The demo years of the synthetic national campaign (issue 16): years 2 and 3 keep year 1's panel
 * and machine profiles (same seed, same draws) and apply a few documented, plausible changes to
 * them, chosen deterministically from year 1's plan, so that the trend views have something to find:
 * machines added in the most under-equipped region, extended hours on saturated MRIs, a site that
 * fixed its late starts, one that got worse, one machine replaced (new id, `previous_id`), one
 * removed. docs/demo-years.md says why each one and what seed 2010 gives.
 */
import { PROGRAMMED_TYPES } from '../core/indicators/openings.ts';
import type { Equipment, Establishment, Modality, SessionType } from '../core/kit-types.ts';
import { POPULATION } from '../plan/territories/population.ts';
import { establishmentName, newFiness, REGIONS, type Region } from './geography.ts';
import { type GenerateOptions, panelYearOf, resolveOptions } from './options.ts';
import { drawPanel } from './panel.ts';
import { drawProfiles, type MachineProfile, meanMixDuration } from './profile.ts';
import { deriveSeed, Rng } from './random.ts';
import { type Block, findSlot, type WeekGrid } from './week.ts';

/** What a demo year changes. */
export type YearChangeKind =
  | 'machine-added'
  | 'hours-extended'
  | 'late-starts-fixed'
  | 'late-starts-worse'
  | 'machine-replaced'
  | 'machine-removed';

/** One change of a demo year, on one machine (a site's change gives one per machine). */
export interface YearChange {
  /** The demo year it first appears in (2 or 3); later years keep it. */
  year: number;
  kind: YearChangeKind;
  finess: string;
  /** The machine in that year (the removed machine's last id for `machine-removed`). */
  equipmentId: string;
  /** The replaced machine's year-1 id (`machine-replaced`). */
  previousEquipmentId?: string;
  /** The kit region (`machine-added`: the most under-equipped one). */
  region?: string;
  /** The measure that moves, before and after (profile targets, not measured figures). */
  detail: { measure: string; unit: string; before: number | null; after: number | null };
  /** In plain words (English). */
  note: string;
}

/** Year 1's establishments, machines and profiles, drawn exactly as the campaign always was. */
export interface FirstYear {
  establishments: Establishment[];
  equipment: Equipment[];
  machines: MachineProfile[];
}

/** What a later year's plan is made of. */
export interface YearPlan extends FirstYear {
  changes: YearChange[];
}

/** Programmed hours added per week to the saturated MRIs: in year 2, then again in year 3. */
export const EXTENDED_HOURS: Readonly<Record<number, number>> = { 2: 8, 3: 4 };
/** Share of the MRIs (at least one) counted as saturated: the highest target occupancies. */
export const SATURATED_SHARE = 0.03;
/** The worsening site's median late start is multiplied by this in year 3, kept within [floor, cap] minutes. */
export const WORSE_FACTOR = 3;
export const WORSE_FLOOR = 25;
export const WORSE_CAP = 40;
/** A new machine's occupancy, as a share of its template's (it ramps up in its first year). */
export const RAMP_UP = 0.8;

/** Programmed vacations, as the programmed opening counts them. */
const PROGRAMMED: ReadonlySet<SessionType> = new Set(PROGRAMMED_TYPES);
const CHANGES_PURPOSE = 0x7ea5;
/** The latest end of an MRI's staffed vacation (profile.ts draws MRI grids up to 22:00). */
const LATEST_MRI = 22 * 60;

/** Year 1's panel and profiles (the same streams as the campaign's plan). */
export function drawFirstYear(o: Required<GenerateOptions>): FirstYear {
  const panel = drawPanel(o.machines, panelYearOf(o), new Rng(deriveSeed(o.seed, 0x9a7e)));
  const machines = drawProfiles(panel.machines, new Rng(deriveSeed(o.seed, 0x9f0f)));
  return {
    establishments: panel.establishments,
    equipment: panel.machines.map((m) => m.equipment),
    machines,
  };
}

/**
 * The seed of a year's exam-level streams (sessions, exams, patient keys, slots, survey, register):
 * the seed itself in year 1, a stream of the year after, so the same machine varies naturally.
 */
export function yearSeed(seed: number, year: number): number {
  return year === 1 ? seed : deriveSeed(seed, CHANGES_PURPOSE, year);
}

/**
 * The documented changes from year 1 to `options.year` (empty for year 1), in year order.
 *
 * @example
 * yearChanges({ seed: 2010, year: 3 }).filter((c) => c.kind === 'machine-removed'); // one machine, year 3
 */
export function yearChanges(options: GenerateOptions = {}): YearChange[] {
  const o = resolveOptions(options);
  if (o.year === 1) return [];
  return applyYears(drawFirstYear(o), o).changes;
}

const programmed = (b: Block): boolean => PROGRAMMED.has(b.type);
const gridProgrammedHours = (g: WeekGrid): number =>
  g.days.reduce((s, d) => s + d.filter(programmed).reduce((t, b) => t + b.end - b.start, 0), 0) /
  60;
const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Programmed sessions a week that start a working stretch (those whose start can be late). */
function stretchStarts(g: WeekGrid): number {
  let n = 0;
  for (const day of g.days) {
    let lastEnd = -Infinity;
    for (const b of day.filter(programmed)) {
      if (b.start - lastEnd >= 30) n++;
      lastEnd = b.end;
    }
  }
  return n;
}

/**
 * Expected late-start hours a week (the lead's figure): a late start at 3 stretches in 4, of
 * lognormal minutes (median `lateStartMinutes`, σ 0.8: mean × e^0.32), as machine.ts draws them.
 */
function lateHours(p: MachineProfile): number {
  return (stretchStarts(p.grid) * 0.75 * p.lateStartMinutes * Math.exp(0.32)) / 60;
}

const eligible = (p: MachineProfile): boolean =>
  p.kind === 'scheduled' && !p.sparse && p.programmedHours > 0;

function cloneGrid(g: WeekGrid): WeekGrid {
  return {
    days: g.days.map((d) => d.map((b) => ({ ...b }))),
    maintenance: g.maintenance ? { ...g.maintenance } : null,
  };
}

/**
 * Adds `minutes` of programmed time to a grid: after each working weekday's last programmed
 * vacation (its type; extended in place when the time right after is free), up to `latest`, and what
 * is left on Saturday. Returns the minutes added (less when the evenings are full).
 */
export function extendGrid(grid: WeekGrid, minutes: number, latest: number): number {
  let left = Math.round(minutes / 15) * 15;
  const busy = (w: number): Block[] => {
    const m = grid.maintenance;
    const day = grid.days[w] as Block[];
    return m && m.weekday === w
      ? [...day, { start: m.start, end: m.end, type: 'MAINTENANCE' as const }].sort(
          (a, b) => a.start - b.start,
        )
      : day;
  };
  const place = (
    w: number,
    from: number,
    length: number,
    type: SessionType,
    extend: Block | null,
  ): number => {
    for (let l = length; l >= 30; l -= 15) {
      const at = findSlot(busy(w), from, l, latest);
      if (at === null) continue;
      if (extend && at === extend.end) extend.end += l;
      else {
        const day = grid.days[w] as Block[];
        day.push({ start: at, end: at + l, type });
        day.sort((a, b) => a.start - b.start);
      }
      return l;
    }
    return 0;
  };
  const weekdays = [1, 2, 3, 4, 5].filter((w) => (grid.days[w] as Block[]).some(programmed));
  const per = Math.ceil(left / Math.max(1, weekdays.length) / 15) * 15;
  let type: SessionType = 'PUBLIC_SCHEDULED';
  for (const w of weekdays) {
    const last = (grid.days[w] as Block[]).filter(programmed).at(-1) as Block;
    type = last.type;
    left -= place(w, last.end, Math.min(per, left), last.type, last);
    if (left <= 0) break;
  }
  if (left > 0) left -= place(6, 8 * 60, Math.min(left, 8 * 60), type, null);
  return Math.round(minutes / 15) * 15 - left;
}

/** The choices of the demo years, made once from year 1. */
interface Choices {
  region: Region | null;
  regionPopulation: number;
  growSite: Establishment | null;
  saturated: number[];
  fixedSite: string | null;
  worseSite: string | null;
  replaced: number | null;
  removed: number | null;
}

/** Population of a kit region (its départements in the shipped population table), in millions. */
function regionMillions(region: Region): number {
  const codes = new Set(region.departments.map((d) => d.code));
  return (
    POPULATION.departments.filter((d) => codes.has(d.code)).reduce((s, d) => s + d.population, 0) /
    1e6
  );
}

function choose(first: FirstYear): Choices {
  const { establishments, equipment, machines } = first;
  const siteOf = new Map(establishments.map((e) => [e.finess, e]));
  // (a) The most under-equipped region: fewest campaign machines per million inhabitants, then the most populous.
  const perRegion = REGIONS.map((r) => {
    const millions = regionMillions(r);
    const count = equipment.filter((e) => siteOf.get(e.finess)?.region === r.name).length;
    return { r, millions, density: count / millions };
  }).sort(
    (a, b) => a.density - b.density || b.millions - a.millions || a.r.name.localeCompare(b.r.name),
  );
  const low = perRegion[0];
  const usedSites = new Set<string>();
  const usedMachines = new Set<number>();
  const use = (i: number): void => {
    usedMachines.add(i);
    usedSites.add((machines[i] as MachineProfile).finess);
  };
  // (b) Saturated MRIs: the highest target occupancies.
  // Only MRIs whose evenings (or Saturday) can take every added hour: the longest openings cannot.
  const room = (p: MachineProfile): boolean => {
    const g = cloneGrid(p.grid);
    return Object.values(EXTENDED_HOURS).every((h) => extendGrid(g, h * 60, LATEST_MRI) === h * 60);
  };
  const mri = machines.filter((p) => p.modality === 'MR' && eligible(p) && room(p));
  const saturated = mri
    .sort((a, b) => b.occupancy - a.occupancy || a.index - b.index)
    .slice(
      0,
      Math.max(1, Math.round(machines.filter((p) => p.modality === 'MR').length * SATURATED_SHARE)),
    )
    .map((p) => p.index);
  saturated.forEach(use);
  // (c), (d) The sites whose late starts weigh most (every machine with programmed time, the least of them).
  const bySite = new Map<string, MachineProfile[]>();
  for (const p of machines) bySite.set(p.finess, [...(bySite.get(p.finess) ?? []), p]);
  const siteScores = [...bySite]
    .filter(([f, ps]) => !usedSites.has(f) && ps.every(eligible))
    .map(([f, ps]) => ({ f, score: Math.min(...ps.map(lateHours)) }))
    .sort((a, b) => b.score - a.score || a.f.localeCompare(b.f));
  const fixedSite = siteScores[0]?.f ?? null;
  const worseSite = siteScores[1]?.f ?? null;
  for (const f of [fixedSite, worseSite]) if (f) for (const p of bySite.get(f) ?? []) use(p.index);
  // (e) The oldest machine elsewhere is replaced.
  const free = machines.filter((p) => !usedSites.has(p.finess));
  const year = (i: number): number => equipment[i]?.installedYear ?? Infinity;
  const replaced = free.map((p) => p.index).sort((a, b) => year(a) - year(b) || a - b)[0] ?? null;
  if (replaced !== null) use(replaced);
  // (f) The least occupied machine of a site that keeps another one of its modality is removed.
  const removable = machines
    .filter((p) => !usedSites.has(p.finess))
    .filter((p) => (bySite.get(p.finess) ?? []).some((q) => q !== p && q.modality === p.modality))
    .sort((a, b) => a.occupancy - b.occupancy || a.index - b.index);
  const removed = removable[0]?.index ?? null;
  // (a) The region's site with the most machines gets one more (any site of the region).
  let growSite: Establishment | null = null;
  if (low) {
    const sites = establishments.filter((e) => e.region === low.r.name);
    const count = (f: string): number => bySite.get(f)?.length ?? 0;
    growSite = sites.sort((a, b) => count(b.finess) - count(a.finess))[0] ?? null;
  }
  return {
    region: low?.r ?? null,
    regionPopulation: low?.millions ?? 0,
    growSite,
    saturated,
    fixedSite,
    worseSite,
    replaced,
    removed,
  };
}

/** The template of a new MRI: an MRI with programmed time whose target occupancy is nearest the median. */
function template(machines: readonly MachineProfile[]): MachineProfile | null {
  const pool = machines.filter(eligible);
  const mri = pool.filter((p) => p.modality === 'MR');
  const from = mri.length > 0 ? mri : pool;
  if (from.length === 0) return null;
  const occ = from.map((p) => p.occupancy).sort((a, b) => a - b);
  const median = occ[Math.floor(occ.length / 2)] as number;
  return (
    [...from].sort(
      (a, b) =>
        Math.abs(a.occupancy - median) - Math.abs(b.occupancy - median) || a.index - b.index,
    )[0] ?? null
  );
}

/**
 * Year `o.year`'s establishments, machines and profiles: year 1's with the changes of every year up
 * to it. Pure: `first` is not modified.
 */
export function applyYears(first: FirstYear, o: Required<GenerateOptions>): YearPlan {
  const c = choose(first);
  const panelYear = panelYearOf(o);
  const width = Math.max(3, String(o.machines).length);
  let next = o.machines;
  const newId = (): string => `EQ${String(++next).padStart(width, '0')}`;
  const rng = new Rng(deriveSeed(o.seed, CHANGES_PURPOSE));
  const establishments = [...first.establishments];
  let equipment = first.equipment.map((e) => ({ ...e }));
  let machines = first.machines.map((p) => ({ ...p, grid: cloneGrid(p.grid) }));
  const changes: YearChange[] = [];
  const firstIds = first.equipment.map((e) => e.equipmentId);
  const at = (i: number): number => equipment.findIndex((e) => e.equipmentId === firstIds[i]);
  const extend = (year: number): void => {
    for (const i of c.saturated) {
      const k = at(i);
      const p = machines[k] as MachineProfile;
      const before = gridProgrammedHours(p.grid);
      const added = extendGrid(p.grid, (EXTENDED_HOURS[year] as number) * 60, LATEST_MRI);
      p.programmedHours += added / 60;
      changes.push({
        year,
        kind: 'hours-extended',
        finess: p.finess,
        equipmentId: p.equipmentId,
        detail: {
          measure: 'programmed opening',
          unit: 'h/week',
          before: round1(before),
          after: round1(gridProgrammedHours(p.grid)),
        },
        note: `saturated MRI (target occupancy ${Math.round(p.occupancy * 100)} %): evening vacations added after its last weekday one`,
      });
    }
  };
  const lateStarts = (
    year: number,
    finess: string | null,
    kind: 'late-starts-fixed' | 'late-starts-worse',
  ): void => {
    for (const p of machines) {
      if (p.finess !== finess) continue;
      const before = p.lateStartMinutes;
      p.lateStartMinutes =
        kind === 'late-starts-fixed'
          ? 0
          : Math.min(WORSE_CAP, Math.max(WORSE_FLOOR, before * WORSE_FACTOR));
      changes.push({
        year,
        kind,
        finess: p.finess,
        equipmentId: p.equipmentId,
        detail: {
          measure: 'median late start of a late session',
          unit: 'min',
          before: round1(before),
          after: round1(p.lateStartMinutes),
        },
        note:
          kind === 'late-starts-fixed'
            ? 'the site starts its vacations on time (patients called in before the start)'
            : 'the site starts its vacations later (a team short of staff)',
      });
    }
  };

  if (o.year >= 2) {
    // (a) machines added in the most under-equipped region: one at its biggest site, one at a new site.
    const model = template(machines);
    if (c.region && model) {
      const region = c.region;
      const before = first.equipment.filter(
        (e) => first.establishments.find((s) => s.finess === e.finess)?.region === region.name,
      ).length;
      const taken = new Set(establishments.map((e) => e.finess));
      const dep = [...region.departments].sort(
        (a, b) => b.weight - a.weight,
      )[0] as Region['departments'][number];
      const town = dep.towns[0] ?? region.name;
      let name = establishmentName('GIE', town, 0, rng);
      if (establishments.some((e) => e.name === name)) name = `${name} – site 2`;
      const site: Establishment = {
        finess: newFiness(dep.code, rng, taken),
        name,
        legalStatus: 'GIE',
        region: region.name,
        department: dep.code,
      };
      establishments.push(site);
      const hosts = [
        ...(c.growSite ? [{ est: c.growSite, isNew: false }] : []),
        { est: site, isNew: true },
      ];
      let after = before;
      for (const { est, isNew } of hosts) {
        const modality: Modality = model.modality;
        const id = newId();
        const rank =
          equipment.filter((e) => e.finess === est.finess && e.modality === modality).length + 1;
        equipment.push({
          equipmentId: id,
          finess: est.finess,
          modality,
          label: `${modality === 'MR' ? 'IRM' : 'Scanner'} ${rank}${modality === 'MR' ? ' 1,5 T' : ''}`,
          installedYear: panelYear + 1,
          role: 'general',
        });
        machines.push({
          ...model,
          grid: cloneGrid(model.grid),
          index: machines.length,
          equipmentId: id,
          finess: est.finess,
          legalStatus: est.legalStatus,
          occupancy: model.occupancy * RAMP_UP,
          lateStartMinutes: rng.uniform(3, 12),
          breakdownRate: rng.uniform(0, 0.25),
        });
        after++;
        changes.push({
          year: 2,
          kind: 'machine-added',
          finess: est.finess,
          equipmentId: id,
          region: region.name,
          detail: {
            measure: 'campaign machines per million inhabitants of the region',
            unit: 'per million',
            before: Math.round((before / c.regionPopulation) * 100) / 100,
            after: Math.round((after / c.regionPopulation) * 100) / 100,
          },
          note: isNew
            ? `new imaging site ${est.name} in ${region.name}, the region with the fewest campaign machines per million inhabitants`
            : `one more MRI at ${est.name}, the biggest site of ${region.name}`,
        });
      }
    }
    // (b) saturated MRIs open longer.
    extend(2);
    // (c) a site fixed its late starts.
    lateStarts(2, c.fixedSite, 'late-starts-fixed');
    // (e) the oldest machine is replaced by a new one (new id, previous_id naming the old one).
    if (c.replaced !== null) {
      const k = at(c.replaced);
      const old = equipment[k] as Equipment;
      const p = machines[k] as MachineProfile;
      const id = newId();
      equipment[k] = {
        ...old,
        equipmentId: id,
        installedYear: panelYear + 1,
        previousId: old.equipmentId,
      };
      const latent = p.durationLatent - 0.3;
      machines[k] = {
        ...p,
        equipmentId: id,
        durationLatent: latent,
        meanProgrammedMinutes: meanMixDuration(p.modality, p.programmedMix, latent),
        breakdownRate: p.breakdownRate * 0.3,
      };
      changes.push({
        year: 2,
        kind: 'machine-replaced',
        finess: old.finess,
        equipmentId: id,
        previousEquipmentId: old.equipmentId,
        detail: {
          measure: 'installed year',
          unit: 'year',
          before: old.installedYear,
          after: panelYear + 1,
        },
        note: `the oldest machine of the panel (${old.label ?? old.modality}) replaced by a new one: shorter exams, fewer breakdowns`,
      });
    }
  }
  if (o.year >= 3) {
    extend(3);
    // (d) a site got worse.
    lateStarts(3, c.worseSite, 'late-starts-worse');
    // (f) a machine removed (decommissioned): its site keeps another one of its modality.
    if (c.removed !== null) {
      const k = at(c.removed);
      const gone = equipment[k] as Equipment;
      const count = equipment.filter(
        (e) => e.finess === gone.finess && e.modality === gone.modality,
      ).length;
      equipment = equipment.filter((_, j) => j !== k);
      machines = machines.filter((_, j) => j !== k);
      changes.push({
        year: 3,
        kind: 'machine-removed',
        finess: gone.finess,
        equipmentId: gone.equipmentId,
        detail: {
          measure: `${gone.modality} machines of the site`,
          unit: 'machines',
          before: count,
          after: count - 1,
        },
        note: `the least occupied ${gone.modality} of a site that has another one, decommissioned`,
      });
    }
  }
  machines = machines.map((p, i) => ({ ...p, index: i }));
  return { establishments, equipment, machines, changes };
}
