// The costs.csv row validator: each problem with its line and column, bad rows left out.
import { describe, expect, it } from 'vitest';
import { validateCostRows } from '../../../src/plan/costs/index.ts';

const header = [
  'equipment_id',
  'purchase_price',
  'amortisation_years',
  'maintenance',
  'staff',
  'consumables_per_exam',
  'overhead',
];
const known = new Set(['CT1', 'CT2', 'MR1']);

describe('validateCostRows', () => {
  it('locates unknown equipment, negative and non-numeric costs, amortisation ≤ 0, duplicates', () => {
    const { rows, problems } = validateCostRows(
      {
        header,
        rows: [
          { line: 2, cells: ['CT1', '700000', '7', '63000', '400000', '20,5', '80000'] },
          { line: 3, cells: ['XX9', '700000', '7', '63000', '400000', '20', '80000'] },
          { line: 4, cells: ['CT2', '700000', '7', '-5', '400000', '20', '80000'] },
          { line: 5, cells: ['MR1', '1500000', '7', '130000', 'abc', '30', '90000'] },
          { line: 6, cells: ['MR1', '1500000', '0', '130000', '500000', '30', '90000'] },
          { line: 7, cells: ['CT1', '1e6', '7', '63000', '400000', '20', ''] },
        ],
      },
      known,
    );
    expect(problems).toEqual([
      {
        line: 3,
        column: 'equipment_id',
        code: 'costs.unknown-equipment',
        params: { equipmentId: 'XX9' },
      },
      { line: 4, column: 'maintenance', code: 'costs.negative', params: { value: '-5' } },
      { line: 5, column: 'staff', code: 'costs.not-a-number', params: { value: 'abc' } },
      {
        line: 6,
        column: 'equipment_id',
        code: 'costs.duplicate-machine',
        params: { equipmentId: 'MR1', firstLine: 5 },
      },
      {
        line: 6,
        column: 'amortisation_years',
        code: 'costs.amortisation-years',
        params: { value: '0' },
      },
      {
        line: 7,
        column: 'equipment_id',
        code: 'costs.duplicate-machine',
        params: { equipmentId: 'CT1', firstLine: 2 },
      },
      { line: 7, column: 'purchase_price', code: 'costs.not-a-number', params: { value: '1e6' } },
      { line: 7, column: 'overhead', code: 'costs.not-a-number', params: { value: '' } },
    ]);
    expect(rows).toEqual([
      {
        equipmentId: 'CT1',
        purchasePrice: 700_000,
        amortisationYears: 7,
        maintenance: 63_000,
        staff: 400_000,
        consumablesPerExam: 20.5,
        overhead: 80_000,
      },
    ]);
  });

  it('reports a missing column on the header line and reads no row', () => {
    const { rows, problems } = validateCostRows(
      {
        header: header.filter((h) => h !== 'staff'),
        rows: [{ line: 2, cells: ['CT1', '1', '7', '1', '1', '1'] }],
      },
      known,
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 1, column: 'staff', code: 'costs.missing-column', params: { column: 'staff' } },
    ]);
  });
});
