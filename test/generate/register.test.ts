/**
 * The synthetic campaign's register of the whole French fleet: published densities times the
 * shipped population, every département covered, the campaign's machines once each, sectors,
 * ages, dates, platforms, regional contrasts, determinism, and no change to the campaign's draws.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LegalStatus, Modality, RegisterMachine } from '../../src/core/kit-types.ts';
import { LEGAL_STATUSES } from '../../src/core/kit-types.ts';
import {
  generateKit,
  planCampaign,
  writeGeneratedKit,
  type CampaignPlan,
} from '../../src/generate/index.ts';
import { luhnValid } from '../../src/generate/geography.ts';
import {
  allocate,
  CT_PER_MILLION,
  HOSPITAL_SHARE,
  MRI_PER_MILLION,
  registerSector,
} from '../../src/generate/register.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { POPULATION } from '../../src/plan/territories/population.ts';

const population = POPULATION.departments.reduce((s, d) => s + d.population, 0);
let plan: CampaignPlan;
let start: string;

beforeAll(() => {
  plan = planCampaign({ seed: 2010 });
  start = plan.campaign.start;
});

/** In service on the campaign's first day, as planning.md §1 reads a register row. */
function inService(m: RegisterMachine, day: string): boolean {
  const date = m.inServiceOn ?? m.authorisedOn;
  return date === null || date <= day;
}

function counted(modality: Modality): RegisterMachine[] {
  return plan.register.filter((m) => m.modality === modality && inService(m, start));
}

function perDepartment(modality: Modality): Map<string, number> {
  const n = new Map<string, number>(POPULATION.departments.map((d) => [d.code, 0]));
  for (const m of counted(modality)) n.set(m.department, (n.get(m.department) ?? 0) + 1);
  return n;
}

function density(code: string, modality: Modality): number {
  const dep = POPULATION.departments.find((d) => d.code === code);
  if (!dep) throw new Error(code);
  return ((perDepartment(modality).get(code) ?? 0) / dep.population) * 1e6;
}

describe('the published densities', () => {
  it('are the sources’ figures', () => {
    expect(CT_PER_MILLION).toBe(11.8);
    // 618 MRI units in 2011 over 65.35 million inhabitants.
    expect(MRI_PER_MILLION).toBeCloseTo(9.457, 3);
    // OECD 2018 MRI: 8.4 hospital of 8.4 + 6.4 per million.
    expect(HOSPITAL_SHARE).toBeCloseTo(0.5676, 4);
  });

  it('give the register’s CT density, 11.8 ± 0.05 per million of the shipped population', () => {
    const ct = counted('CT').length;
    expect(Math.abs((ct / population) * 1e6 - 11.8)).toBeLessThanOrEqual(0.05);
    // ≈ 68.35 million × 11.8 ≈ 807 (2010's smaller population had ≈ 770).
    expect(ct).toBeGreaterThan(795);
    expect(ct).toBeLessThan(820);
  });

  it('give the register’s MRI density, 9.46 ± 0.05 per million', () => {
    const mr = counted('MR').length;
    expect(Math.abs((mr / population) * 1e6 - 9.457)).toBeLessThanOrEqual(0.05);
    expect(mr).toBeGreaterThan(635);
    expect(mr).toBeLessThan(660);
  });
});

describe('the départements', () => {
  it('covers all 101, each with a CT, each with an MRI but Mayotte', () => {
    expect(POPULATION.departments).toHaveLength(101);
    expect(new Set(plan.register.map((m) => m.department)).size).toBe(101);
    for (const [code, n] of perDepartment('CT')) expect(n, code).toBeGreaterThanOrEqual(1);
    for (const [code, n] of perDepartment('MR')) {
      if (code === '976') expect(n, 'Mayotte: no MRI in 2010').toBe(0);
      else expect(n, code).toBeGreaterThanOrEqual(1);
    }
  });

  it('differ: metropolitan CT densities span a ratio between 2 and 6', () => {
    const metro = POPULATION.departments
      .filter((d) => d.code.length === 2)
      .map((d) => density(d.code, 'CT'));
    const ratio = Math.max(...metro) / Math.min(...metro);
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(6);
  });

  it('are denser in Paris and the south-east, sparser in the rural centre and overseas', () => {
    const national = (counted('CT').length / population) * 1e6;
    expect(density('75', 'CT')).toBeGreaterThan(1.3 * national);
    expect(density('13', 'CT')).toBeGreaterThan(1.3 * national);
    // Lozère and Creuse: one or two CT.
    for (const code of ['48', '23']) {
      expect(perDepartment('CT').get(code), code).toBeGreaterThanOrEqual(1);
      expect(perDepartment('CT').get(code), code).toBeLessThanOrEqual(2);
    }
    const fewer = ['36', '58', '70', '973', '976'].filter((code) => density(code, 'CT') < national);
    expect(fewer.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the campaign’s machines', () => {
  it('are rows once each, where and as the campaign says', () => {
    const sites = new Map(plan.establishments.map((e) => [e.finess, e]));
    const byId = new Map<string, RegisterMachine[]>();
    for (const m of plan.register) {
      if (m.equipmentId === null) continue;
      byId.set(m.equipmentId, [...(byId.get(m.equipmentId) ?? []), m]);
    }
    expect(byId.size).toBe(517);
    for (const e of plan.equipment) {
      const rows = byId.get(e.equipmentId) ?? [];
      expect(rows, e.equipmentId).toHaveLength(1);
      const row = rows[0] as RegisterMachine;
      const site = sites.get(e.finess);
      expect(row.finess).toBe(e.finess);
      expect(row.department).toBe(site?.department);
      expect(row.modality).toBe(e.modality);
      expect(row.installedYear).toBe(e.installedYear);
      expect(row.sector).toBe(site?.legalStatus === 'LIBERAL' ? 'private_practice' : 'hospital');
      if (e.modality === 'MR') expect([1.5, 3]).toContain(row.fieldTesla);
      else expect(row.fieldTesla).toBeNull();
    }
  });

  it('take their sector from the legal status (clinics are hospitals in the OECD sense)', () => {
    const expected: Record<LegalStatus, string> = {
      CH: 'hospital',
      CHU: 'hospital',
      CHU_APHP: 'hospital',
      CHU_APHM: 'hospital',
      ESPIC: 'hospital',
      GCS: 'hospital',
      GIE: 'hospital',
      HIA: 'hospital',
      LIBERAL: 'private_practice',
      PRIVATE: 'hospital',
    };
    for (const s of LEGAL_STATUSES) expect(registerSector(s), s).toBe(expected[s]);
  });
});

describe('the other machines', () => {
  it('stand at invented sites with valid, unique FINESS ids of their département', () => {
    const campaignSites = new Set(plan.establishments.map((e) => e.finess));
    const departmentOf = new Map<string, string>();
    for (const m of plan.register) {
      if (m.equipmentId !== null) continue;
      expect(campaignSites.has(m.finess), m.finess).toBe(false);
      expect(m.finess).toMatch(/^[0-9AB]{9}$/);
      const prefix = m.department.length === 2 ? m.department : `970${m.department.slice(2)}`;
      expect(m.finess.startsWith(prefix), `${m.finess} in ${m.department}`).toBe(true);
      if (/^\d+$/.test(m.finess)) expect(luhnValid(m.finess), m.finess).toBe(true);
      const seen = departmentOf.get(m.finess);
      if (seen !== undefined) expect(seen).toBe(m.department);
      departmentOf.set(m.finess, m.department);
    }
    const ids = plan.register.map((m) => m.authorisationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('bring the sectors to ≈ 57 % hospital for each modality', () => {
    for (const modality of ['CT', 'MR'] as const) {
      const rows = counted(modality);
      const share = rows.filter((m) => m.sector === 'hospital').length / rows.length;
      expect(share, modality).toBeGreaterThan(0.55);
      expect(share, modality).toBeLessThan(0.59);
      expect(rows.every((m) => m.sector !== null)).toBe(true);
    }
  });

  it('form complete, CT-only and MRI-only sites, some of three machines or more', () => {
    const sites = new Map<string, { ct: number; mr: number }>();
    for (const m of plan.register.filter((r) => inService(r, start))) {
      const s = sites.get(m.finess) ?? { ct: 0, mr: 0 };
      if (m.modality === 'CT') s.ct++;
      else s.mr++;
      sites.set(m.finess, s);
    }
    const all = [...sites.values()];
    const complete = all.filter((s) => s.ct > 0 && s.mr > 0).length;
    const ctOnly = all.filter((s) => s.mr === 0).length;
    const mrOnly = all.filter((s) => s.ct === 0).length;
    for (const n of [complete, ctOnly, mrOnly]) expect(n / all.length).toBeGreaterThan(0.15);
    expect(all.filter((s) => s.ct + s.mr >= 3).length).toBeGreaterThan(30);
  });
});

describe('ages and dates', () => {
  it('spread installed years over 0–15 years, mean ≈ 6, with a tail of 10 years or more', () => {
    const year = 2010;
    const ages = plan.register
      .filter((m) => inService(m, start) && m.installedYear !== null)
      .map((m) => year - (m.installedYear as number));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBe(15);
    const mean = ages.reduce((s, a) => s + a, 0) / ages.length;
    expect(mean).toBeGreaterThan(5.5);
    expect(mean).toBeLessThan(6.5);
    const old = ages.filter((a) => a >= 10).length / ages.length;
    expect(old).toBeGreaterThan(0.15);
    expect(old).toBeLessThan(0.4);
  });

  it('authorise before putting into service, and in service by the first day', () => {
    for (const m of plan.register) {
      if (m.authorisedOn !== null && m.inServiceOn !== null)
        expect(m.authorisedOn < m.inServiceOn, `${m.authorisedOn} ${m.inServiceOn}`).toBe(true);
      if (m.installedYear !== null && m.inServiceOn !== null)
        expect(Number(m.inServiceOn.slice(0, 4))).toBeLessThanOrEqual(m.installedYear);
    }
  });

  it('leave a few rows without a service date, and one MRI not yet in service', () => {
    const blank = plan.register.filter((m) => m.inServiceOn === null);
    expect(blank).toHaveLength(5);
    expect(blank.filter((m) => m.authorisedOn === null)).toHaveLength(1);
    expect(blank.every((m) => m.equipmentId === null)).toBe(true);
    const later = plan.register.filter((m) => !inService(m, start));
    expect(later).toHaveLength(1);
    expect(later[0]?.modality).toBe('MR');
    expect(later[0]?.equipmentId).toBeNull();
    expect((later[0]?.authorisedOn ?? '9999') < start).toBe(true);
  });
});

describe('sizes and determinism', () => {
  it('is the same for the same seed, different for another', () => {
    expect(planCampaign({ seed: 2010 }).register).toEqual(plan.register);
    expect(planCampaign({ seed: 2011 }).register).not.toEqual(plan.register);
  });

  it('leaves every other draw of the campaign as it was before the register', () => {
    // Hashes of a small kit's tables generated at commit 8651f9e, before the register existed.
    const hash = (v: unknown): string =>
      createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);
    const kit = generateKit({ seed: 7, machines: 10, days: 7 });
    expect(hash(kit.establishments)).toBe('9d8c81c9b22a07aa');
    expect(hash(kit.equipment)).toBe('b00e6eacb99c3a44');
    expect(hash(kit.sessions)).toBe('c1c22b76355d0d5e');
    // The patient keys (patients.ts) come from streams of their own: the rest of each exam is as it was.
    expect(hash(kit.exams.map(({ patientKey: _key, ...rest }) => rest))).toBe('f93d170b7020a3a4');
    expect(hash(kit.acts)).toBe('bd169e9154b6d544');
    expect(hash(kit.survey)).toBe('f3d43de6f8caec22');
    expect(kit.register?.filter((m) => m.equipmentId !== null)).toHaveLength(10);
  });

  it('covers the nation whatever the campaign’s size', () => {
    const small = planCampaign({ seed: 3, machines: 10, days: 7 });
    const ct = small.register.filter((m) => m.modality === 'CT' && inService(m, start)).length;
    expect(Math.abs((ct / population) * 1e6 - 11.8)).toBeLessThanOrEqual(0.05);
    expect(small.register.filter((m) => m.equipmentId !== null)).toHaveLength(10);
    // More campaign CT than the nation has at 11.8 per million: the campaign's all count.
    const big = planCampaign({ seed: 3, machines: 1500, days: 7 });
    const bigCt = big.equipment.filter((e) => e.modality === 'CT').length;
    expect(bigCt).toBeGreaterThan(900);
    const ids = big.register.flatMap((m) => (m.equipmentId === null ? [] : [m.equipmentId]));
    expect(new Set(ids).size).toBe(1500);
    expect(big.register.filter((m) => m.modality === 'CT').length).toBeGreaterThanOrEqual(bigCt);
  });
});

describe('allocate', () => {
  it('shares by Sainte-Laguë within floors and caps', () => {
    expect(allocate([3, 1], 4, [0, 0])).toEqual([3, 1]);
    expect(allocate([3, 1], 4, [0, 2])).toEqual([2, 2]);
    expect(allocate([3, 1], 4, [0, 0], [1, 10])).toEqual([1, 3]);
    expect(allocate([1, 1], 3, [0, 0], [1, 1])).toEqual([1, 1]);
  });
});

describe('the kit on disk', () => {
  it('writes equipment-register.csv, which reads back as planned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plateau-register-'));
    try {
      const options = { seed: 5, machines: 6, days: 3 };
      const summary = await writeGeneratedKit(dir, options);
      const { kit, issues } = await readKitDir(dir);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      const expected = planCampaign(options).register;
      expect(summary.registerMachines).toBe(expected.length);
      expect(kit?.register).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
