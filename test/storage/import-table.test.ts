// Importing a kit whose exams are an ExamTable (as the kit reader attaches it, issue 17) stores
// exactly what importing the same exams as records does: same fingerprint (that of the campaign
// read back), same results, same duplicate issue; with the machines listed out of stored order
// (the table is gathered) and with a repeated exam id (the later row kept). On every engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exam, Kit } from '../../src/core/kit-types.ts';
import { attachExamTable, attachedExamTable, buildExamTable } from '../../src/core/exam-table.ts';
import { generateKit } from '../../src/generate/index.ts';
import { kitFingerprint } from '../../src/storage/fingerprint.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import { loadKit, readKit } from '../../src/storage/load-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { loadResults } from '../../src/storage/queries.ts';
import type { TestPlace } from './engines.ts';
import { ENGINES } from './engines.ts';

/** `kit` with its exams as an attached table (no `exams` records until read). */
function tableKit(kit: Kit, id: string): Kit {
  const { exams, ...rest } = { ...kit, campaign: { ...kit.campaign, id } };
  return attachExamTable(rest, buildExamTable(exams, rest.equipment));
}

const base = generateKit({ seed: 11, machines: 6, days: 7 });
// Machines in reverse order (not the stored order), and one exam repeated with a later room_out:
// the repeat is later in the file, so it is the one stored.
const first = base.exams[0] as Exam;
const repeat: Exam = { ...first, roomOut: first.roomOut + 60_000 };
const messy: Kit = {
  ...base,
  equipment: [...base.equipment].reverse(),
  exams: [...base.exams, repeat],
};

describe.each(ENGINES)('importing an exam table on $name', ({ place: makePlace }) => {
  let place: TestPlace;
  let store: Store;
  beforeAll(async () => {
    place = await makePlace();
    store = await place.open();
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it('stores what the records store: fingerprint, results, exams read back', async () => {
    const records = await importKit(store, { ...base, campaign: { ...base.campaign, id: 'rec' } });
    const kit = tableKit(base, 'tab');
    const table = await importKit(store, kit);
    // The import never materialised the records of the table kit.
    expect(Object.getOwnPropertyDescriptor(kit, 'exams')?.get).toBeTypeOf('function');
    expect(attachedExamTable(kit)).not.toBeNull();
    const readRec = (await loadKit(store, 'rec'))!;
    const readTab = (await loadKit(store, 'tab'))!;
    expect(table.exams.inserted).toBe(base.exams.length);
    expect(readTab.exams).toEqual(readRec.exams);
    expect(table.fingerprint).toBe(kitFingerprint(readTab));
    // The campaign id is hashed: the same exams under another id differ only there.
    expect(kitFingerprint({ ...readRec, campaign: readTab.campaign })).toBe(table.fingerprint);
    const [r, t] = [await loadResults(store, 'rec'), await loadResults(store, 'tab')];
    expect(t!.machines).toEqual(r!.machines);
    expect(records.exams.inserted).toBe(base.exams.length);
  });

  it('keeps the later of a repeated exam and says so, machines out of order', async () => {
    const asRecords = await importKit(store, {
      ...messy,
      campaign: { ...messy.campaign, id: 'mrec' },
    });
    const kit = tableKit(messy, 'mtab');
    const asTable = await importKit(store, kit);
    expect(asTable.issues).toEqual(asRecords.issues);
    expect(asTable.issues[0]?.text?.params).toMatchObject({
      n: 1,
      shown: `${first.equipmentId}/${first.examId}`,
    });
    expect(asTable.exams.inserted).toBe(base.exams.length);
    const stored = (await loadKit(store, 'mtab'))!;
    const kept = stored.exams.find(
      (e) => e.equipmentId === first.equipmentId && e.examId === first.examId,
    );
    expect(kept?.roomOut).toBe(repeat.roomOut);
    expect(asTable.fingerprint).toBe(kitFingerprint(stored));
    expect(stored.exams).toEqual((await loadKit(store, 'mrec'))!.exams);
  });

  it('reads a stored campaign back as a table: same exams, same fingerprint', async () => {
    for (const id of ['tab', 'mtab']) {
      const records = (await loadKit(store, id))!;
      const asTable = (await readKit(store.db, id, { examTable: true }))!;
      expect(attachedExamTable(asTable)?.length).toBe(records.exams.length);
      expect(kitFingerprint(asTable)).toBe(kitFingerprint(records));
      expect(asTable.exams).toEqual(records.exams);
    }
  });
});
