/**
 * The panel of the synthetic campaign: establishments with the report's legal-status mix,
 * spread over fourteen regions, and the CT and MRI machines they run. The 2010 size is laid
 * out exactly (301 sites, 326 CT, 191 MRI); other sizes scale every count in proportion.
 */
import type {
  Equipment,
  EquipmentRole,
  Establishment,
  LegalStatus,
  Modality,
} from '../core/kit-types.ts';
import { LEGAL_STATUSES } from '../core/kit-types.ts';
import { establishmentName, newFiness, REGIONS, type Region } from './geography.ts';
import type { Rng } from './random.ts';

/** The report's panel by legal status (301 FINESS géographiques). */
export const LEGAL_MIX_2010: Readonly<Record<LegalStatus, number>> = {
  CH: 117,
  CHU: 18,
  CHU_APHP: 14,
  CHU_APHM: 4,
  ESPIC: 16,
  GCS: 2,
  GIE: 49,
  HIA: 1,
  LIBERAL: 10,
  PRIVATE: 70,
};

/**
 * Machines by legal status (a design choice: the report gives only the totals, 326 CT and
 * 191 MRI). GIE and liberal practices mostly run MRIs; hospitals and clinics mostly CTs.
 */
const MACHINES_2010: Readonly<Record<LegalStatus, { CT: number; MR: number }>> = {
  CH: { CT: 140, MR: 55 },
  CHU: { CT: 40, MR: 25 },
  CHU_APHP: { CT: 22, MR: 12 },
  CHU_APHM: { CT: 6, MR: 4 },
  ESPIC: { CT: 14, MR: 8 },
  GCS: { CT: 1, MR: 2 },
  GIE: { CT: 22, MR: 40 },
  HIA: { CT: 2, MR: 1 },
  LIBERAL: { CT: 5, MR: 8 },
  PRIVATE: { CT: 74, MR: 36 },
};

const MR_FIRST: ReadonlySet<LegalStatus> = new Set(['GIE', 'GCS', 'LIBERAL']);
const PANEL_2010 = { establishments: 301, CT: 326, MR: 191 };

/** Integer shares of `total` proportional to `weights` (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact
    .map((v, i) => [v - Math.floor(v), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = (order[k] as readonly [number, number])[1];
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

/** Counts of the panel for a number of machines (517 gives the 2010 panel). */
export function panelSize(machines: number): { establishments: number; CT: number; MR: number } {
  const total = PANEL_2010.CT + PANEL_2010.MR;
  const ct = Math.round((machines * PANEL_2010.CT) / total);
  const establishments = Math.max(
    1,
    Math.min(machines, Math.round((machines * PANEL_2010.establishments) / total)),
  );
  return { establishments, CT: ct, MR: machines - ct };
}

/** One machine of the panel before its profile is drawn. */
export interface PanelMachine {
  equipment: Equipment;
  establishment: Establishment;
  /** Machines of the same modality in the establishment, this one included. */
  siblings: number;
  /** Rank of this machine among them (0 = the site's main machine). */
  rankInSite: number;
}

export interface Panel {
  establishments: Establishment[];
  machines: PanelMachine[];
}

const HIA_TOWNS: readonly (readonly [string, string, string])[] = [
  ["Provence-Alpes-Côte d'Azur", '83', 'Toulon'],
  ['Bretagne', '29', 'Brest'],
  ['Aquitaine', '33', 'Bordeaux'],
  ['Lorraine', '57', 'Metz'],
  ['Rhône-Alpes', '69', 'Lyon'],
];
const APHP_DEPARTMENTS = ['75', '75', '75', '92', '93', '94'];

/** Draws the establishments and machines of the panel. */
export function drawPanel(machines: number, campaignYear: number, rng: Rng): Panel {
  const size = panelSize(machines);
  const statusCounts = apportion(
    LEGAL_STATUSES.map((s) => LEGAL_MIX_2010[s]),
    size.establishments,
  );
  const ctCounts = apportion(
    LEGAL_STATUSES.map((s) => MACHINES_2010[s].CT),
    size.CT,
  );
  const mrCounts = apportion(
    LEGAL_STATUSES.map((s) => MACHINES_2010[s].MR),
    size.MR,
  );
  balanceMachines(statusCounts, ctCounts, mrCounts);

  const taken = new Set<string>();
  const names = new Map<string, number>();
  const establishments: Establishment[] = [];
  const plan: { est: Establishment; ct: number; mr: number }[] = [];
  let other = 0;
  let chuIndex = 0;
  const chuTowns = REGIONS.flatMap((r) => r.chu.map(([dep, town]) => ({ region: r, dep, town })));

  LEGAL_STATUSES.forEach((status, s) => {
    const n = statusCounts[s] as number;
    const sites: { est: Establishment; ct: number; mr: number; weight: number }[] = [];
    for (let i = 0; i < n; i++) {
      let region: Region;
      let dep: string;
      let town: string;
      let site = 0;
      if (status === 'CHU_APHP') {
        region = REGIONS[0] as Region;
        dep = APHP_DEPARTMENTS[i % APHP_DEPARTMENTS.length] as string;
        town = rng.pick(region.departments.find((d) => d.code === dep)?.towns ?? ['Paris']);
      } else if (status === 'CHU_APHM') {
        region = REGIONS[1] as Region;
        dep = '13';
        town = 'Marseille';
        site = i;
      } else if (status === 'HIA') {
        const [name, depCode, t] = HIA_TOWNS[i % HIA_TOWNS.length] as readonly [
          string,
          string,
          string,
        ];
        region = REGIONS.find((r) => r.name === name) as Region;
        dep = depCode;
        town = t;
      } else if (status === 'CHU' && chuTowns.length > 0) {
        const c = chuTowns[chuIndex % chuTowns.length] as (typeof chuTowns)[number];
        site = Math.floor(chuIndex / chuTowns.length);
        chuIndex++;
        region = c.region;
        dep = c.dep;
        town = c.town;
      } else {
        // The first establishments of the other statuses visit every region once, so that all
        // fourteen take part whenever the panel is big enough.
        region =
          other < REGIONS.length
            ? (REGIONS[other] as Region)
            : (REGIONS[rng.weighted(REGIONS.map((r) => r.weight))] as Region);
        other++;
        const department =
          region.departments[rng.weighted(region.departments.map((d) => d.weight))];
        dep = department?.code ?? '75';
        town = rng.pick(department?.towns ?? ['Paris']);
      }
      let name = establishmentName(status, town, site, rng);
      const seen = names.get(name) ?? 0;
      names.set(name, seen + 1);
      if (seen > 0) name = `${name} – site ${seen + 1}`;
      const est: Establishment = {
        finess: newFiness(dep, rng, taken),
        name,
        legalStatus: status,
        region: region.name,
        department: dep,
      };
      sites.push({ est, ct: 0, mr: 0, weight: rng.lognormal(1, 0.7) });
    }
    // Each site has one main machine; the remaining machines go to bigger sites.
    let ct = ctCounts[s] as number;
    let mr = mrCounts[s] as number;
    const mrFirst = MR_FIRST.has(status);
    for (const site of sites) {
      if (mrFirst ? mr > 0 : ct === 0 && mr > 0) {
        site.mr++;
        mr--;
      } else {
        site.ct++;
        ct--;
      }
    }
    const extra = (count: number, modality: Modality): void => {
      for (let k = 0; k < count && sites.length > 0; k++) {
        // A hospital's MRI usually sits next to its CT: CT-first statuses add MRIs to sites with a CT.
        const weights = sites.map(
          (x) => x.weight * (modality === 'MR' && !mrFirst && x.ct > 0 ? 2 : 1),
        );
        const site = sites[rng.weighted(weights)] as (typeof sites)[number];
        if (modality === 'CT') site.ct++;
        else site.mr++;
      }
    };
    extra(ct, 'CT');
    extra(mr, 'MR');
    for (const site of sites) {
      establishments.push(site.est);
      plan.push(site);
    }
  });

  const width = Math.max(3, String(machines).length);
  const out: PanelMachine[] = [];
  for (const { est, ct, mr } of plan) {
    for (const [modality, count] of [
      ['CT', ct],
      ['MR', mr],
    ] as const) {
      for (let k = 0; k < count; k++) {
        const equipmentId = `EQ${String(out.length + 1).padStart(width, '0')}`;
        const fieldStrength = modality === 'MR' ? (rng.chance(0.2) ? ' 3 T' : ' 1,5 T') : '';
        out.push({
          equipment: {
            equipmentId,
            finess: est.finess,
            modality,
            label: `${modality === 'CT' ? 'Scanner' : 'IRM'} ${k + 1}${fieldStrength}`,
            installedYear: campaignYear - Math.min(15, Math.floor(rng.exponential(4))),
            role: 'general' satisfies EquipmentRole,
          },
          establishment: est,
          siblings: count,
          rankInSite: k,
        });
      }
    }
  }
  return { establishments, machines: out };
}

/**
 * Every establishment needs at least one machine and every machine an establishment: in small
 * scaled panels, machines move between statuses (from those with the most to spare).
 */
function balanceMachines(sites: number[], ct: number[], mr: number[]): void {
  // A status without establishments cannot hold machines: they go to the status with most sites.
  let biggest = 0;
  for (let s = 1; s < sites.length; s++)
    if ((sites[s] as number) > (sites[biggest] as number)) biggest = s;
  for (let s = 0; s < sites.length; s++) {
    if ((sites[s] as number) > 0 || s === biggest) continue;
    ct[biggest] = (ct[biggest] as number) + (ct[s] as number);
    mr[biggest] = (mr[biggest] as number) + (mr[s] as number);
    ct[s] = 0;
    mr[s] = 0;
  }
  for (let s = 0; s < sites.length; s++) {
    while ((ct[s] as number) + (mr[s] as number) < (sites[s] as number)) {
      let donor = -1;
      let spare = 0;
      for (let t = 0; t < sites.length; t++) {
        const free = (ct[t] as number) + (mr[t] as number) - (sites[t] as number);
        if (free > spare) {
          spare = free;
          donor = t;
        }
      }
      if (donor < 0) {
        sites[s] = (ct[s] as number) + (mr[s] as number);
        break;
      }
      const fromCt = (ct[donor] as number) >= (mr[donor] as number);
      if (fromCt) {
        ct[donor] = (ct[donor] as number) - 1;
        ct[s] = (ct[s] as number) + 1;
      } else {
        mr[donor] = (mr[donor] as number) - 1;
        mr[s] = (mr[s] as number) + 1;
      }
    }
  }
}
