// `plateau relevance` on a small kit whose head exams are counted by hand (ACQK001 is a head CT,
// ACQN001 a brain MRI: family 'head' in act-families.ts):
//   A 590000001 (59): CT1 3 head A + 1 head U + 1 without acts; MR1 1 head A  → CT share 4/5
//   B 590000002 (59): CT2 1 head A; MR2 3 head A                               → 1/4
//   C 750000001 (75): CT3 1 head A; MR3 1 head A                               → 1/2
//   D 620000001 (62): CT4 2 head A, no MRI (not a peer)                         → 1
// Peer sites [0.25, 0.5, 0.8]: P20 0.35, P50 0.5, P80 0.68 (type 7) → A flagged.
// Départements 59 = 5/9, 62 = 1, 75 = 1/2; regions 32 (59 + 62) = 7/11, 11 = 1/2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { computeRelevance, type RelevanceDocument } from '../../src/plan/relevance/document.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { buildKit, type MiniExam } from '../helpers/build-kit.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const A = '590000001';
const B = '590000002';
const C = '750000001';
const D = '620000001';
const HEAD_CT = ['ACQK001'];
const HEAD_MR = ['ACQN001'];

/** `n` exams on 1 March 2010 from 08:00, 20 minutes apart. */
function exams(n: number, acts: string[], extra: Partial<MiniExam> = {}, from = 0): MiniExam[] {
  return Array.from({ length: n }, (_, i) => {
    const m = (from + i) * 20;
    const t = (min: number): string =>
      `2010-03-01T${String(8 + Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    return { in: t(m), out: t(m + 15), acts, ...extra };
  });
}

const session: [string, string, 'PUBLIC_SCHEDULED'][] = [
  ['2010-03-01T08:00', '2010-03-01T12:00', 'PUBLIC_SCHEDULED'],
];

function relevanceKit(): Kit {
  const kit = buildKit(
    [
      {
        id: 'CT1',
        finess: A,
        sessions: session,
        exams: [
          ...exams(2, HEAD_CT, { requested: '2010-02-20T10:00', booked: 15 }),
          ...exams(1, HEAD_CT, { booked: 15 }, 2),
          ...exams(1, HEAD_CT, { cat: 'U' }, 3),
          ...exams(1, [], {}, 4),
        ],
      },
      {
        id: 'MR1',
        modality: 'MR',
        finess: A,
        sessions: session,
        exams: exams(1, HEAD_MR, { requested: '2010-02-20T10:00', booked: 20 }),
      },
      { id: 'CT2', finess: B, sessions: session, exams: exams(1, HEAD_CT) },
      { id: 'MR2', modality: 'MR', finess: B, sessions: session, exams: exams(3, HEAD_MR) },
      { id: 'CT3', finess: C, sessions: session, exams: exams(1, HEAD_CT) },
      { id: 'MR3', modality: 'MR', finess: C, sessions: session, exams: exams(1, HEAD_MR) },
      { id: 'CT4', finess: D, sessions: session, exams: exams(2, HEAD_CT) },
    ],
    { id: 'rel', name: 'Pertinence' },
  );
  const place: Record<string, [string, string, string]> = {
    [A]: ['Hôpital A', 'Hauts-de-France', '59'],
    [B]: ['Clinique B', 'Hauts-de-France', '59'],
    [C]: ['Imagerie C', 'Île-de-France', '75'],
    [D]: ['Scanner D', 'Hauts-de-France', '62'],
  };
  for (const e of kit.establishments) {
    const [name, region, department] = place[e.finess]!;
    Object.assign(e, { name, region, department });
  }
  return kit;
}

const tmp = mkdtempSync(join(tmpdir(), 'plateau-relevance-'));
const KIT = join(tmp, 'kit');
beforeAll(async () => {
  await writeKitDir(KIT, relevanceKit());
});
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

async function doc(...args: string[]): Promise<RelevanceDocument> {
  const r = await runCli(['relevance', KIT, '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RelevanceDocument;
}

describe('plateau relevance KIT_DIR --json', () => {
  let d: RelevanceDocument;
  beforeAll(async () => {
    d = await doc();
  });
  it('counts head exams on CT and MRI per site, with scheduled and emergency apart', () => {
    const a = d.sites.find((s) => s.finess === A)!;
    expect(a).toMatchObject({
      name: 'Hôpital A',
      headCt: 4,
      headMr: 1,
      neuroCtShare: 0.8,
      peer: true,
    });
    expect(a.scheduled).toMatchObject({ headCt: 3, headMr: 1, neuroCtShare: 0.75 });
    expect(a.emergency).toMatchObject({ headCt: 1, headMr: 0, neuroCtShare: 1 });
    expect(d.sites.find((s) => s.finess === B)).toMatchObject({
      headCt: 1,
      headMr: 3,
      neuroCtShare: 0.25,
    });
    expect(d.sites.find((s) => s.finess === B)!.emergency.neuroCtShare).toBeNull();
    expect(d.sites.find((s) => s.finess === C)).toMatchObject({ neuroCtShare: 0.5 });
  });
  it('ranks and flags peer sites only (both CT and MRI), against the peers P80', () => {
    expect(d.peers.sites.all.n).toBe(3);
    expect(d.peers.sites.all.p20).toBeCloseTo(0.35, 12);
    expect(d.peers.sites.all.p50).toBeCloseTo(0.5, 12);
    expect(d.peers.sites.all.p80).toBeCloseTo(0.68, 12);
    const by = (f: string) => d.sites.find((s) => s.finess === f)!;
    expect(by(A).neuroCtRank).toBeCloseTo(2.5 / 3, 12);
    expect(by(B).neuroCtRank).toBeCloseTo(0.5 / 3, 12);
    expect(by(C).neuroCtRank).toBeCloseTo(0.5, 12);
    expect(d.sites.filter((s) => s.flagged).map((s) => s.finess)).toEqual([A]);
    expect(by(D)).toMatchObject({
      neuroCtShare: 1,
      peer: false,
      neuroCtRank: null,
      flagged: false,
    });
  });
  it('gives the data-quality shares and a null repeat share with its note', () => {
    const a = d.sites.find((s) => s.finess === A)!;
    expect(a.exams).toBe(6);
    expect(a.withoutRequestShare).toBeCloseTo(3 / 6, 12);
    expect(a.withoutBookedShare).toBeCloseTo(2 / 6, 12);
    expect(d.sites.find((s) => s.finess === D)!.withoutRequestShare).toBe(1);
    expect(d.sites.every((s) => s.repeatShare === null)).toBe(true);
    expect(d.territories.every((t) => t.repeatShare === null)).toBe(true);
    expect(d.notes.map((n) => n.code)).toEqual(['repeats-need-patient-key']);
  });
  it('has the keys the issue asks for, flat numbers or null', () => {
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining(['sites', 'territories', 'peers', 'notes']),
    );
    expect(Object.keys(d.sites[0]!)).toEqual(
      expect.arrayContaining([
        'finess',
        'name',
        'neuroCtShare',
        'neuroCtRank',
        'flagged',
        'scheduled',
        'emergency',
        'repeatShare',
        'withoutRequestShare',
        'withoutBookedShare',
      ]),
    );
    expect(Object.keys(d.territories[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'level',
        'neuroCtShare',
        'neuroCtRank',
        'flagged',
        'repeatShare',
      ]),
    );
  });
  it('pools sites per département by default', () => {
    expect(d.level).toBe('department');
    expect(d.territories.map((t) => [t.id, t.level, t.headCt, t.headMr])).toEqual([
      ['59', 'department', 5, 4],
      ['62', 'department', 2, 0],
      ['75', 'department', 1, 1],
    ]);
    const t = (id: string) => d.territories.find((x) => x.id === id)!;
    expect(t('59').neuroCtShare).toBeCloseTo(5 / 9, 12);
    expect(t('59').name).toBe('Nord');
    // peers [0.5, 5/9, 1]: P80 = 5/9 + 0.6 × 4/9
    expect(d.peers.territories.all.p80).toBeCloseTo(5 / 9 + 0.6 * (4 / 9), 12);
    expect(t('62')).toMatchObject({ neuroCtShare: 1, flagged: true, neuroCtRank: 2.5 / 3 });
    expect(t('75')).toMatchObject({ neuroCtShare: 0.5, flagged: false });
  });
});

describe('plateau relevance --level', () => {
  it('region pools the départements of a region', async () => {
    const d = await doc('--level', 'region');
    expect(d.territories.map((t) => [t.id, t.level, t.sites, t.headCt, t.headMr])).toEqual([
      ['11', 'region', 1, 1, 1],
      ['32', 'region', 3, 7, 4],
    ]);
    const r32 = d.territories.find((t) => t.id === '32')!;
    expect(r32.name).toBe('Hauts-de-France');
    expect(r32.neuroCtShare).toBeCloseTo(7 / 11, 12);
    expect(r32).toMatchObject({ flagged: true, neuroCtRank: 0.75 });
    expect(d.territories.find((t) => t.id === '11')).toMatchObject({
      flagged: false,
      neuroCtRank: 0.25,
    });
  });
  it('site gives no territory', async () => {
    const d = await doc('--level', 'site');
    expect(d.territories).toEqual([]);
    expect(d.sites).toHaveLength(4);
  });
  it('counts the sites whose département is unknown', () => {
    const kit = relevanceKit();
    kit.establishments.find((e) => e.finess === C)!.department = null;
    Object.assign(
      kit.establishments.find((e) => e.finess === C)!,
      { region: 'nowhere' },
    );
    const d = computeRelevance(kit, 'region');
    expect(d.territories.map((t) => t.id)).toEqual(['32']);
    expect(d.notes).toContainEqual({ code: 'sites-without-territory', n: 1 });
  });
});

describe('plateau relevance tables', () => {
  it('in French', async () => {
    const r = await runCli(['relevance', KIT, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Pertinence — campagne rel');
    expect(r.stdout).toContain('4 sites');
    expect(r.stdout).toContain('3 départements');
    expect(r.stdout).toMatch(/Hôpital A .*80\s?%.*à revoir/);
    expect(r.stdout).toContain('hors pairs');
    expect(r.stdout).toContain('Guide du bon usage');
    expect(r.stdout).toContain('patient_key');
  });
  it('in English, by region', async () => {
    const r = await runCli(['relevance', KIT, '--level', 'region', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Relevance — campaign rel');
    expect(r.stdout).toContain('2 regions');
    expect(r.stdout).toContain(
      'Peers (sites with CT and MRI, 3 sites): CT share P20 35%, P50 50%, P80 68%',
    );
    expect(r.stdout).toMatch(/Hôpital A .*80%.*review/);
    expect(r.stdout).toContain('not a peer');
    expect(r.stdout).toContain('no exam has a patient_key');
  });
  it('--help says repeats are counted from the patient key', async () => {
    const r = await runCli(['relevance', '--help']);
    expect(r.stdout + r.stderr).toContain('same patient (exams.csv patient_key)');
    expect(r.stdout + r.stderr).not.toContain('does not read');
  });
});

describe('plateau relevance with patient keys', () => {
  // Site A, CT1, head CTs on 1 March 2010: keys P, P, Q and one without a key; MR1 one brain MRI
  // of P. Chains per patient, modality and family: P on CT has 2 exams 20 min apart → 1 repeat;
  // Q alone; P's MRI is another modality. A: 1 repeat ÷ 4 keyed exams (3 CT + 1 MRI) = 0.25.
  const P = '0123456789abcdef'.repeat(4);
  const Q = 'fedcba9876543210'.repeat(4);
  it('counts the repeats, and the note is gone', async () => {
    const kit = buildKit(
      [
        { id: 'CT1', finess: A, sessions: session, exams: exams(4, HEAD_CT) },
        {
          id: 'MR1',
          modality: 'MR',
          finess: A,
          sessions: session,
          exams: exams(1, HEAD_MR, {}, 5),
        },
      ],
      { id: 'rep', name: 'Répétés' },
    );
    const keys = [P, P, Q, null, P];
    kit.exams.forEach((e, i) => (e.patientKey = keys[i] ?? null));
    const dir = join(tmp, 'keys');
    await writeKitDir(dir, kit);
    const r = await runCli(['relevance', dir, '--json', '--level', 'site']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as RelevanceDocument;
    expect(d.sites.find((s) => s.finess === A)!.repeatShare).toBeCloseTo(1 / 4, 12);
    expect(d.notes.map((n) => n.code)).not.toContain('repeats-need-patient-key');
    expect(computeRelevance(kit, 'site').sites[0]!.repeatShare).toBeCloseTo(1 / 4, 12);
  });
});

describe('plateau relevance from the store', () => {
  it('gives the same document as from the kit', async () => {
    const data = join(tmp, 'store');
    const imported = await runCli(['import', KIT, '--data', data]);
    expect(imported.code, imported.stderr).toBe(0);
    const r = await runCli(['relevance', '--json', '--data', data, '--campaign', 'rel']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(await doc());
  });
});

describe('plateau relevance usage errors', () => {
  it.each([[['--level', 'county']], [['--campaign', 'x']], [['other-dir']]])(
    '%j exits 2',
    async (extra) => {
      const r = await runCli(['relevance', KIT, '--lang', 'en', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    },
  );
});
