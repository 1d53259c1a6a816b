// The planning inputs in the store (migration 0006), on every engine: a kit read with patient
// keys, act families and an illustrative costs.csv is stored (binary COPY for a new campaign,
// upserts for a re-import) and loadKit gives them back, origin included, the same as storedKitOf;
// writeKitDir then writes a kit that reads back the same. A re-import replaces the costs whole and
// updates keys and families; a kit without costs leaves none. Kits the reader refuses (a NIR or a
// name as patient key, a bad family, a negative cost, an unknown machine, mixed origins) are
// refused at their place by `plateau import` and store nothing, the campaign stored before untouched;
// a kit built elsewhere is refused by importKit itself.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { parseKit } from '../../src/ingest/kit/parse-kit.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { loadCosts } from '../../src/storage/cost-repository.ts';
import { importKit, renameCampaign } from '../../src/storage/import-kit.ts';
import { loadKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { storedKitOf } from '../../src/storage/stored-kit.ts';
import { runCli } from '../helpers/run-cli.ts';
import { ENGINES, type TestPlace } from './engines.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const KEY_A = `${'a'.repeat(40)}0123456789abcdef0123456789abcdef`;
const KEY_B = 'plateau.h.Zk3q9X2mWv7pL0aB';
const COSTS_HEADER =
  'equipment_id,purchase_price,amortisation_years,maintenance,staff,consumables_per_exam,overhead';
const GOOD_COSTS = `${COSTS_HEADER},origin\nMR-1,1400000,7,120000,500000,30,100000,illustrative\nCT-1,700000,7,60000,400000,22.5,80000,illustrative\n`;
const GOOD_ACTS =
  'code,label,icr,family\nACQK001,Scanner crâne,25,spine\nZBQK001,Scanner thorax,25,\n';
const GOOD_EXAMS =
  'exam_id,equipment_id,category,room_in,room_out,acts,patient_key\n' +
  `E1,CT-1,A,2010-03-02T09:00,2010-03-02T09:20,ACQK001,${KEY_A}\n` +
  `E2,CT-1,U,2010-03-02T10:00,2010-03-02T10:15,ZBQK001,${KEY_B}\n` +
  `E3,MR-1,H,2010-03-02T11:00,2010-03-02T11:30,,\n`;

/** The files of a tiny kit (two machines, three exams) of campaign `id`, parts replaced as given. */
function kitFiles(
  id: string,
  parts: { exams?: string; acts?: string; costs?: string | null } = {},
): Map<string, string> {
  const files = new Map<string, string>([
    [
      'campaign.json',
      JSON.stringify({
        id,
        name: 'Planning inputs',
        start: '2010-03-01',
        days: 28,
        timeZone: 'Europe/Paris',
      }),
    ],
    [
      'establishments.csv',
      'finess,name,legal_status,region,department\n590000001,CH Nord,CH,32,59\n',
    ],
    [
      'equipment.csv',
      'equipment_id,finess,modality,installed_year\nCT-1,590000001,CT,2005\nMR-1,590000001,MR,\n',
    ],
    [
      'sessions.csv',
      'equipment_id,start,end,type\nCT-1,2010-03-02T08:00,2010-03-02T18:00,PUBLIC_SCHEDULED\nMR-1,2010-03-02T08:00,2010-03-02T18:00,PUBLIC_SCHEDULED\n',
    ],
    ['exams.csv', parts.exams ?? GOOD_EXAMS],
    ['acts.csv', parts.acts ?? GOOD_ACTS],
  ]);
  if (parts.costs !== null) files.set('costs.csv', parts.costs ?? GOOD_COSTS);
  return files;
}

function kitOf(id: string, parts: Parameters<typeof kitFiles>[1] = {}): Kit {
  const { kit, issues } = parseKit(kitFiles(id, parts));
  if (kit === null) throw new Error(issues.map((i) => i.message).join('; '));
  return kit;
}

describe.each(ENGINES)('the planning inputs on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  let dir: string;

  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
    dir = await mkdtemp(join(tmpdir(), 'plateau-plan-store-'));
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores patient keys, families and costs, loadKit gives them back, and the written kit reads the same', async () => {
    const kit = kitOf('plan');
    const summary = await importKit(store, kit);
    expect(summary.costs).toBe('replaced');
    const stored = (await loadKit(store, 'plan'))!;
    expect(stored.exams.map((e) => [e.examId, e.patientKey ?? null])).toEqual([
      ['E1', KEY_A],
      ['E2', KEY_B],
      ['E3', null],
    ]);
    expect(stored.acts).toEqual([
      { code: 'ACQK001', label: 'Scanner crâne', icr: 25, family: 'spine' },
      { code: 'ZBQK001', label: 'Scanner thorax', icr: 25 },
    ]);
    // By machine, origin kept.
    expect(stored.costs).toEqual({
      origin: 'illustrative',
      rows: [
        {
          equipmentId: 'CT-1',
          purchasePrice: 700000,
          amortisationYears: 7,
          maintenance: 60000,
          staff: 400000,
          consumablesPerExam: 22.5,
          overhead: 80000,
        },
        {
          equipmentId: 'MR-1',
          purchasePrice: 1400000,
          amortisationYears: 7,
          maintenance: 120000,
          staff: 500000,
          consumablesPerExam: 30,
          overhead: 100000,
        },
      ],
    });
    expect(storedKitOf(kit)).toEqual(stored);
    await writeKitDir(join(dir, 'plan'), stored);
    const back = await readKitDir(join(dir, 'plan'));
    expect(back.issues).toEqual([]);
    expect(back.kit).toEqual(stored);
    // The same kit again changes nothing.
    const again = await importKit(store, kit);
    expect(again).toMatchObject({ changed: false, costs: 'unchanged', results: null });
  });

  it('updates keys and families and replaces the costs whole on a re-import; a kit without costs leaves none', async () => {
    const exams = GOOD_EXAMS.replace(`,${KEY_B}\n`, ',\n').replace('11:30,,', `11:30,,${KEY_B}`);
    const edited = kitOf('plan', {
      exams,
      acts: 'code,label,icr,family\nACQK001,Scanner crâne,25,\nZBQK001,Scanner thorax,25,thorax\n',
      costs: `${COSTS_HEADER}\nCT-1,1,7,1,1,1,1\n`,
    });
    const summary = await importKit(store, edited);
    expect(summary).toMatchObject({ changed: true, costs: 'replaced' });
    expect(summary.exams).toMatchObject({ updated: 2, unchanged: 1 });
    expect(summary.acts).toMatchObject({ updated: 2 });
    const stored = (await loadKit(store, 'plan'))!;
    expect(stored.exams.map((e) => e.patientKey ?? null)).toEqual([KEY_A, null, KEY_B]);
    expect(stored.acts.map((a) => a.family ?? null)).toEqual([null, 'thorax']);
    expect(stored.costs).toEqual({
      origin: 'input',
      rows: [
        {
          equipmentId: 'CT-1',
          purchasePrice: 1,
          amortisationYears: 7,
          maintenance: 1,
          staff: 1,
          consumablesPerExam: 1,
          overhead: 1,
        },
      ],
    });
    const without = await importKit(store, kitOf('plan', { exams, costs: null }));
    expect(without).toMatchObject({ changed: true, costs: 'replaced' });
    expect(await loadCosts(store.db, 'plan')).toBeNull();
    expect(await loadKit(store, 'plan')).not.toHaveProperty('costs');
    // Carried by a rename.
    await importKit(store, kitOf('plan-r'));
    expect(await renameCampaign(store, 'plan-r', 'plan-r2')).toBe('renamed');
    expect((await loadKit(store, 'plan-r2'))?.costs?.rows).toHaveLength(2);
  });

  it('refuses a kit built elsewhere with a raw patient key, a negative cost or a cost of an unknown machine: nothing stored', async () => {
    const kit = kitOf('elsewhere');
    const cases: Kit[] = [
      {
        ...kit,
        exams: kit.exams.map((e, i) => (i === 1 ? { ...e, patientKey: 'DUPONT Jean' } : e)),
      },
      { ...kit, costs: { origin: 'input', rows: [{ ...kit.costs!.rows[0]!, maintenance: -5 }] } },
      {
        ...kit,
        costs: { origin: 'input', rows: [{ ...kit.costs!.rows[0]!, equipmentId: 'CT-9' }] },
      },
    ];
    for (const bad of cases) {
      const error = await importKit(store, bad).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid-kit' });
      expect((error as Error).message).not.toContain('DUPONT');
      expect(await loadKit(store, 'elsewhere')).toBeNull();
    }
  });
});

describe('plateau import of a kit the reader refuses', () => {
  let dir: string;
  let data: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plateau-plan-cli-'));
    data = join(dir, 'data');
  });
  afterAll(async () => {
    const { closeSharedStores } = await import('../helpers/shared-store.ts');
    await closeSharedStores();
    await rm(dir, { recursive: true, force: true });
  });

  async function kitDir(name: string, files: Map<string, string>): Promise<string> {
    const path = join(dir, name);
    await mkdir(path, { recursive: true });
    for (const [file, text] of files) await writeFile(join(path, file), text);
    return path;
  }

  it('names the place of each refusal, never the key, and leaves the stored campaign as it was', async () => {
    const ok = await runCli(['import', await kitDir('ok', kitFiles('prior')), '--data', data]);
    expect(ok.code, ok.stderr).toBe(0);
    const store = await openStore({ dataDir: data });
    const before = await loadKit(store, 'prior');
    expect(before?.costs?.rows).toHaveLength(2);

    const nir = GOOD_EXAMS.replace(`,${KEY_B}\n`, ',1 85 05 78 006 084 36\n').replace(
      '11:30,,',
      '11:30,,DUPONT Jean',
    );
    const cases: [string, Map<string, string>, string[]][] = [
      [
        'keys',
        kitFiles('prior', { exams: nir, costs: `${COSTS_HEADER}\nCT-1,1,7,1,1,1,1\n` }),
        ['exams.csv:3:patient_key', 'exams.csv:4:patient_key'],
      ],
      [
        'family',
        kitFiles('fresh', { acts: 'code,label,icr,family\nACQK001,x,25,brain\n' }),
        ['acts.csv:2:family'],
      ],
      [
        'negative',
        kitFiles('fresh', { costs: `${COSTS_HEADER}\nCT-1,1,7,-1,1,1,1\n` }),
        ['costs.csv:2:maintenance'],
      ],
      [
        'unknown',
        kitFiles('fresh', { costs: `${COSTS_HEADER}\nCT-9,1,7,1,1,1,1\n` }),
        ['costs.csv:2:equipment_id'],
      ],
      [
        'mixed',
        kitFiles('fresh', {
          costs: `${COSTS_HEADER},origin\nCT-1,1,7,1,1,1,1,input\nMR-1,1,7,1,1,1,1,illustrative\n`,
        }),
        ['costs.csv:3:origin'],
      ],
    ];
    for (const [name, files, places] of cases) {
      const r = await runCli(['import', await kitDir(name, files), '--data', data]);
      expect(r.code, name).not.toBe(0);
      for (const at of places) expect(r.stderr + r.stdout, name).toContain(at);
      for (const secret of ['DUPONT', '084 36']) expect(r.stderr + r.stdout).not.toContain(secret);
      expect(await loadKit(store, 'fresh'), name).toBeNull();
      expect(await loadKit(store, 'prior'), name).toEqual(before);
    }
    await store.close();
  });
});
