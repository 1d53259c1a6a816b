import { describe, expect, it } from 'vitest';
import {
  attachExamTable,
  attachedExamTable,
  buildExamTable,
  examTableOf,
  materializeExams,
  stringAt,
  stringColumnOf,
} from '../../src/core/exam-table.ts';
import type { Exam, Kit } from '../../src/core/kit-types.ts';

const exam = (over: Partial<Exam>): Exam => ({
  examId: 'x',
  equipmentId: 'A',
  category: 'A',
  roomIn: 0,
  roomOut: 60_000,
  acts: [],
  icr: null,
  reportValidatedAt: null,
  requestedAt: null,
  scheduledMinutes: null,
  ageBand: null,
  ...over,
});

describe('exam table', () => {
  const equipment = [{ equipmentId: 'B' }, { equipmentId: 'A' }];
  const exams = [
    exam({ examId: 'a2', roomIn: 5, acts: ['ZBQK002'], icr: 12, ageBand: '80+', patientKey: 'k1' }),
    exam({
      examId: 'b1',
      equipmentId: 'B',
      category: 'U',
      roomIn: 3,
      reportValidatedAt: 9,
      requestedAt: 1,
      scheduledMinutes: 15,
    }),
    exam({ examId: 'a1', roomIn: 5, acts: ['ZBQK002'] }),
    exam({ examId: 'é', roomIn: 1, acts: ['A', 'B'] }),
  ];
  const table = buildExamTable(exams, equipment);

  it('groups rows by machine in equipment order, sorted by roomIn, roomOut then id', () => {
    expect([...table.machine]).toEqual([0, 1, 1, 1]);
    expect([...table.machineStart]).toEqual([0, 1, 4]);
    expect([0, 1, 2, 3].map((i) => stringAt(table.examId, i))).toEqual(['b1', 'é', 'a1', 'a2']);
    expect(table.actLists.length).toBe(3);
    expect(table.acts[2]).toBe(table.acts[3]);
  });

  it('materialises the records in file order, equal to the originals', () => {
    expect(materializeExams(table, equipment)).toEqual(
      exams.map((e) => ({ ...e, patientKey: e.patientKey })).map(stripUndefined),
    );
  });

  it('keeps absent strings apart from empty ones', () => {
    const col = stringColumnOf(['', null, 'ok']);
    expect([0, 1, 2].map((i) => stringAt(col, i))).toEqual(['', null, 'ok']);
  });

  it('attaches lazily, drops the table when exams are replaced, and is not copied by a spread', () => {
    const base = { equipment, campaign: {} } as unknown as Omit<Kit, 'exams'>;
    const kit = attachExamTable(base, table) as Kit;
    expect(attachedExamTable(kit)).toBe(table);
    expect(examTableOf(kit)).toBe(table);
    expect(kit.exams).toHaveLength(4);
    expect(Object.isFrozen(kit.exams)).toBe(true);
    const copy = { ...kit };
    expect(attachedExamTable(copy)).toBeNull();
    expect(copy.exams).toBe(kit.exams);
    kit.exams = [];
    expect(attachedExamTable(kit)).toBeNull();
    expect(kit.exams).toEqual([]);
  });
});

function stripUndefined(e: Exam): Exam {
  const out = { ...e };
  if (out.patientKey === undefined) delete out.patientKey;
  return out;
}
