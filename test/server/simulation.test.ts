// GET /api/campaigns/:id/simulation/model and /simulation/checks through the app object, over a
// store in a data folder holding a 30-machine synthetic campaign (seed 2010) with slots for one
// machine: the model served is the pipeline's over the kit's records (same JSON), pools are one
// site and one modality (sorted, the same model in any order), the third next available
// appointment is hand-checked on regular free slots, bad machine lists are refused before the
// store is read; the checks are an empty state, then the stored ones summed up, then empty again
// after an import that changes the campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateauApp } from '../../src/server/app.ts';
import { calibrateMachines, machineRecordsOfKit } from '../../src/compute/simulation.ts';
import type { Kit, Slot } from '../../src/core/kit-types.ts';
import type { ApiError } from '../../src/core/views/types.ts';
import { generateKit } from '../../src/generate/index.ts';
import type { SimulationChecksView } from '../../src/plan/simulation/checks.ts';
import type {
  DurationModelReport,
  NextAvailable,
  SimulationModel,
  StatusQuo,
} from '../../src/plan/simulation/types.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit } from '../../src/storage/index.ts';
import { replaceSimulationChecks } from '../../src/storage/simulation-checks.ts';
import { at } from '../helpers/build-kit.ts';
import { json, memoryStore } from './helpers.ts';
import { blankStatusQuo } from '../helpers/status-quo.ts';

interface ModelAnswer {
  model: SimulationModel;
  durations: DurationModelReport;
  nextAvailable: NextAvailable[];
}

let store: Store;
let app: PlateauApp;
let kit: Kit;
/** Two machines of one site and one modality, and a machine of another site. */
let pool: [string, string];
let elsewhere: string;

/** Free slots 09:00–12:00 local (20-minute pieces) on every campaign day, seen the day before the campaign. */
function slotsOf(equipmentId: string): Slot[] {
  const slots: Slot[] = [];
  const seen = at('2010-02-28T12:00');
  for (let d = 1; d <= 28; d++) {
    const day = `2010-03-${String(d).padStart(2, '0')}`;
    for (let k = 0; k < 9; k++) {
      const start = at(`${day}T09:00`) + k * 20 * 60_000;
      slots.push({
        equipmentId,
        start,
        end: start + 20 * 60_000,
        status: 'free',
        observedAt: seen,
      });
    }
  }
  return slots;
}

beforeAll(async () => {
  kit = generateKit({ seed: 2010, machines: 30 });
  const bySite = new Map<string, string[]>();
  for (const m of kit.equipment)
    bySite.set(`${m.finess} ${m.modality}`, [
      ...(bySite.get(`${m.finess} ${m.modality}`) ?? []),
      m.equipmentId,
    ]);
  const [key, ids] = [...bySite].find(([, v]) => v.length >= 2)!;
  pool = [ids[0]!, ids[1]!];
  elsewhere = kit.equipment.find((m) => m.finess !== key.split(' ')[0])!.equipmentId;
  kit.slots = slotsOf(pool[0]);
  store = await memoryStore();
  await importKit(store, kit, { source: 'test' });
  app = createApp({ store });
});
afterAll(async () => {
  await store?.close();
});

const model = async (machines: string, id = 'synthetic-2010'): Promise<Response> =>
  await app.request(
    `/api/campaigns/${id}/simulation/model?machines=${encodeURIComponent(machines)}`,
  );

async function refused(response: Response, status: number, says: string): Promise<void> {
  expect(response.status).toBe(status);
  expect((await json<ApiError>(response)).error.message).toContain(says);
}

describe('GET /api/campaigns/:id/simulation/model', () => {
  it("serves the pipeline's model of one machine, calibrated on its own records", async () => {
    const response = await model(elsewhere);
    expect(response.status).toBe(200);
    const answer = await json<ModelAnswer>(response);
    const expected = JSON.parse(
      JSON.stringify(calibrateMachines(machineRecordsOfKit(kit, [elsewhere])!)),
    ) as ModelAnswer;
    expect(answer).toEqual(expected);
    expect(answer.model.machines.map((m) => m.equipmentId)).toEqual([elsewhere]);
    expect(answer.model.campaign.id).toBe('synthetic-2010');
    expect(answer.model.gridWeeks).toBe(4); // 28 days
    const own = kit.exams.filter(
      (e) => e.equipmentId === elsewhere && e.roomOut - e.roomIn >= 3 * 60_000,
    );
    expect(answer.model.scheduled.pool.length + answer.model.unscheduled.pool.length).toBe(
      own.length,
    );
    expect(answer.durations.heldOut.from).toBe('2010-03-22');
    expect(answer.nextAvailable).toEqual([
      { equipmentId: elsewhere, medianDays: null, days: 0, slotMinutes: expect.any(Number) },
    ]);
  });

  it('pools machines of one site and one modality, the same model in any order', async () => {
    const answer = await json<ModelAnswer>(await model(`${pool[1]},${pool[0]}`));
    expect(answer.model.machines.map((m) => m.equipmentId)).toEqual([...pool].sort());
    expect(JSON.stringify(await json<ModelAnswer>(await model(pool.join(','))))).toBe(
      JSON.stringify(answer),
    );
    // The machine with slots: each morning at 08:00 the free time is 09:00–12:00, cut into
    // appointments of its median exam; the third starts 1 h + 2 appointments later.
    const withSlots = answer.nextAvailable.find((n) => n.equipmentId === pool[0])!;
    const slot = withSlots.slotMinutes!;
    expect(slot).toBeGreaterThan(3);
    expect(slot).toBeLessThanOrEqual(60);
    expect(withSlots.days).toBe(28);
    expect(withSlots.medianDays).toBeCloseTo((60 + 2 * slot) / 1440, 9);
    expect(answer.nextAvailable.find((n) => n.equipmentId === pool[1])!.medianDays).toBeNull();
  });

  it('refuses machine lists it cannot simulate, and unknown campaigns and machines', async () => {
    await refused(
      await app.request('/api/campaigns/synthetic-2010/simulation/model'),
      400,
      'machines is required',
    );
    await refused(await model(`${pool[0]},${elsewhere}`), 400, 'one site and one modality');
    await refused(await model(`${pool[0]},${pool[0]}`), 400, 'twice');
    await refused(await model('A,B,C,D,E,F,G,H,I'), 400, 'at most 8');
    await refused(await model(`${pool[0]},`), 400, 'none empty');
    await refused(await model('NOPE'), 404, "no machine 'NOPE'");
    await refused(await model(pool[0], 'nope'), 404, "no campaign 'nope'");
    await refused(
      await app.request(
        `/api/campaigns/synthetic-2010/simulation/model?machines=${pool[0]}&weeks=2`,
      ),
      400,
      "unknown query parameter 'weeks'",
    );
  });
});

describe('GET /api/campaigns/:id/simulation/checks', () => {
  it('is an empty state, then the stored checks summed up, then empty after an import that changes the campaign', async () => {
    const read = async (): Promise<SimulationChecksView> => {
      const response = await app.request('/api/campaigns/synthetic-2010/simulation/checks');
      expect(response.status).toBe(200);
      return json<SimulationChecksView>(response);
    };
    expect(await read()).toEqual({
      campaign: { id: 'synthetic-2010', name: kit.campaign.name },
      campaignMachines: 30,
      summary: null,
      checks: [],
    });
    const failing = [
      { figure: 'occupancy.programmed' as const, observed: 0.7, simulated: 0.6, tolerance: 0.035 },
    ];
    const sq = (reproduces: boolean): StatusQuo =>
      blankStatusQuo(reproduces, reproduces ? [] : failing);
    await replaceSimulationChecks(
      store,
      'synthetic-2010',
      kit.equipment.map((m) => {
        const reproduces = m.equipmentId !== elsewhere;
        return {
          equipmentId: m.equipmentId,
          reproduces,
          failing: reproduces ? [] : failing,
          statusQuo: sq(reproduces),
          replications: 20,
          seed: 1,
        };
      }),
    );
    const view = await read();
    expect(view.summary?.machines).toBe(30);
    expect(view.summary?.reproduce).toBe(29);
    const machine = kit.equipment.find((m) => m.equipmentId === elsewhere)!;
    expect(view.summary?.failing).toEqual([
      {
        equipmentId: elsewhere,
        label: machine.label,
        finess: machine.finess,
        establishment: kit.establishments.find((e) => e.finess === machine.finess)!.name,
        modality: machine.modality,
        failing,
      },
    ]);
    const changed = { ...kit, exams: kit.exams.slice(1) };
    await importKit(store, changed, { source: 'test' });
    expect((await read()).summary).toBeNull();
    await refused(
      await app.request('/api/campaigns/nope/simulation/checks'),
      404,
      "no campaign 'nope'",
    );
  });
});
