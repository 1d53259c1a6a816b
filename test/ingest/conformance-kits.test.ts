import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { SHARED_DIR } from '../helpers/shared.ts';

const CONFORMANCE = `${SHARED_DIR}/spec/conformance`;

interface ExpectedMachine {
  equipmentId: string;
  passagesPerWeek: number;
}

describe('conformance kits', () => {
  for (const name of ['kit-101', 'kit-202', 'kit-303']) {
    it(`reads ${name} without any error, every exam row kept`, async () => {
      const result = await readKitDir(`${CONFORMANCE}/${name}`);
      expect(result.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
      const kit = result.kit;
      expect(kit).not.toBeNull();
      if (kit === null) return;
      for (const file of result.files) {
        const lines = readFileSync(`${CONFORMANCE}/${name}/${file.name}`, 'utf8')
          .trimEnd()
          .split('\n');
        expect(file.rows).toBe(lines.length - 1);
      }
      expect(kit.exams).toHaveLength(result.files.find((f) => f.name === 'exams.csv')?.rows ?? -1);
      // passagesPerWeek of the reference figures = exams of the machine / 4 weeks.
      const expected = JSON.parse(readFileSync(`${CONFORMANCE}/${name}.expected.json`, 'utf8')) as {
        machines: ExpectedMachine[];
      };
      for (const machine of expected.machines) {
        const exams = kit.exams.filter((e) => e.equipmentId === machine.equipmentId).length;
        expect(exams / (kit.campaign.days / 7)).toBeCloseTo(machine.passagesPerWeek, 9);
      }
    });
  }

  it('reads the decimal commas of kit-303', async () => {
    const result = await readKitDir(`${CONFORMANCE}/kit-303`);
    expect(result.kit?.exams[0]).toMatchObject({ examId: 'X0000000', icr: 210.8, ageBand: '80+' });
  });
});
