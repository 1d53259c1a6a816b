// readCostsCsv: a valid file read with `;` and decimal commas; a negative cost and an unknown
// machine located by line and column, in English and French; the kit's CSV rules apply.
import { describe, expect, it } from 'vitest';
import { issueWords } from '../../../src/i18n/issues/index.ts';
import { readCostsCsv } from '../../../src/ingest/costs/costs-file.ts';

const HEADER =
  'equipment_id,purchase_price,amortisation_years,maintenance,staff,consumables_per_exam,overhead';
const KNOWN = new Set(['CT1', 'MR1']);

describe('readCostsCsv', () => {
  it('reads a valid file, semicolons and decimal commas included', () => {
    const text = `${HEADER.replaceAll(',', ';')}\nCT1;700000;7;60000;400000;22,5;80000\nMR1;1400000;7;120000;500000;30;100000\n`;
    const r = readCostsCsv(text, 'costs.csv', KNOWN);
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toEqual({
      equipmentId: 'CT1',
      purchasePrice: 700000,
      amortisationYears: 7,
      maintenance: 60000,
      staff: 400000,
      consumablesPerExam: 22.5,
      overhead: 80000,
    });
    expect(r.rows).toHaveLength(2);
  });

  it('locates a negative cost and an unknown machine by line and column, in both languages', () => {
    const text = `${HEADER}\nCT1,700000,7,-60000,400000,22,80000\nCT9,1,7,1,1,1,1\nMR1,1,0,1,1,x,1\n`;
    const r = readCostsCsv(text, 'costs.csv', KNOWN);
    expect(r.rows).toEqual([]);
    const placed = r.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.severity} ${i.code}`);
    expect(placed).toEqual([
      'costs.csv:2:maintenance error cost-negative',
      'costs.csv:3:equipment_id error cost-unknown-equipment',
      'costs.csv:4:amortisation_years error cost-amortisation-years',
      'costs.csv:4:consumables_per_exam error cost-not-a-number',
    ]);
    expect(r.issues[0]?.message).toBe('maintenance -60000 is negative');
    expect(issueWords(r.issues[1]!, 'fr').message).toBe(
      'equipment_id CT9 n’est pas une machine de la campagne',
    );
  });

  it('says which column is missing, on the header line', () => {
    const r = readCostsCsv('equipment_id,purchase_price\nCT1,5\n', 'c.csv', KNOWN);
    expect(r.issues.map((i) => `${i.line}:${i.column}`)).toEqual([
      '1:amortisation_years',
      '1:maintenance',
      '1:staff',
      '1:consumables_per_exam',
      '1:overhead',
    ]);
    expect(r.rows).toEqual([]);
  });
});
