// The planning inputs of a kit (planning.md §1) through the kit reader: exams.csv `patient_key`
// (trimmed, blank → none, a raw-looking identifier refused at its line and column without the
// value in any message), acts.csv `family` (one of ACT_FAMILIES or blank), costs.csv with its
// optional `origin` (checked against equipment.csv, all rows agreeing); any error refuses the kit.
// writeKitDir writes them back only when present and readKitDir reads the same kit.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import { issueWords } from '../../../src/i18n/issues/index.ts';
import { isIdentifyingHeader } from '../../../src/ingest/kit/identifying.ts';
import { parseKit } from '../../../src/ingest/kit/parse-kit.ts';
import { readKitDir } from '../../../src/ingest/kit/read-kit.ts';
import { writeKitDir } from '../../../src/ingest/kit/write-kit.ts';

const CAMPAIGN = {
  id: 'plan-2010',
  name: 'Planning inputs',
  start: '2010-03-01',
  days: 28,
  timeZone: 'Europe/Paris',
};
const KEY_A = 'a'.repeat(40) + '0123456789abcdef0123456789abcdef';
const KEY_B = 'plateau.h.Zk3q9X2mWv7pL0aB';
const COSTS_HEADER =
  'equipment_id,purchase_price,amortisation_years,maintenance,staff,consumables_per_exam,overhead';

/** A tiny kit (two machines, three exams) with the given exams.csv, acts.csv and costs.csv. */
function kitFiles(
  parts: { exams?: string; acts?: string; costs?: string } = {},
): Map<string, string> {
  const files = new Map<string, string>([
    ['campaign.json', JSON.stringify(CAMPAIGN)],
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
      'equipment_id,start,end,type\nCT-1,2010-03-02T08:00,2010-03-02T18:00,PUBLIC_SCHEDULED\n',
    ],
    [
      'exams.csv',
      parts.exams ??
        'exam_id,equipment_id,category,room_in,room_out,acts,patient_key\n' +
          `E1,CT-1,A,2010-03-02T09:00,2010-03-02T09:20,ACQK001,  ${KEY_A}  \n` +
          `E2,CT-1,U,2010-03-02T10:00,2010-03-02T10:15,ZBQK001,${KEY_B}\n` +
          'E3,CT-1,H,2010-03-02T11:00,2010-03-02T11:10,ZBQK001,\n',
    ],
  ]);
  if (parts.acts !== undefined) files.set('acts.csv', parts.acts);
  if (parts.costs !== undefined) files.set('costs.csv', parts.costs);
  return files;
}

/** Issues as `file:line:column key` (severity when not an error). */
const placed = (issues: readonly Issue[]): string[] =>
  issues.map(
    (i) =>
      `${i.file}:${i.line}:${i.column} ${i.text?.key}${i.severity === 'error' ? '' : ` (${i.severity})`}`,
  );

describe('exams.csv patient_key', () => {
  it('reads keys trimmed, a blank cell as no key', () => {
    const { kit, issues } = parseKit(kitFiles());
    expect(issues).toEqual([]);
    expect(kit?.exams.map((e) => e.patientKey ?? null)).toEqual([KEY_A, KEY_B, null]);
    expect('patientKey' in (kit?.exams[2] ?? {})).toBe(false);
  });

  it('is not an identifying column, while patient_id, ipp and nom still are', () => {
    expect(isIdentifyingHeader('patient_key')).toBe(false);
    expect(isIdentifyingHeader('patientKey')).toBe(false);
    for (const h of ['patient_id', 'ipp', 'nom', 'IPP_patient', 'date_naissance'])
      expect(isIdentifyingHeader(h), h).toBe(true);
    const { kit, issues } = parseKit(
      kitFiles({
        exams:
          'exam_id,equipment_id,category,room_in,room_out,patient_id\nE1,CT-1,A,2010-03-02T09:00,2010-03-02T09:20,123\n',
      }),
    );
    expect(kit).toBeNull();
    expect(placed(issues)).toEqual(['exams.csv:1:patient_id identifying-column']);
  });

  it('refuses a NIR or a name at its line and column, never quoting it, in both languages', () => {
    const exams =
      'exam_id,equipment_id,category,room_in,room_out,patient_key\n' +
      `E1,CT-1,A,2010-03-02T09:00,2010-03-02T09:20,${KEY_A}\n` +
      'E2,CT-1,A,2010-03-02T10:00,2010-03-02T10:20,1 85 05 78 006 084 36\n' +
      'E3,CT-1,A,2010-03-02T11:00,2010-03-02T11:20,DUPONT Jean\n' +
      'E4,CT-1,A,2010-03-02T12:00,2010-03-02T12:20,185057800608436\n' +
      // 40 decimal digits: the hexadecimal shape, but a number.
      `E5,CT-1,A,2010-03-02T13:00,2010-03-02T13:20,${'1234567890'.repeat(4)}\n` +
      `E6,CT-1,A,2010-03-02T14:00,2010-03-02T14:20,${KEY_A.toUpperCase()}\n`;
    const { kit, issues } = parseKit(kitFiles({ exams }));
    expect(kit).toBeNull();
    expect(placed(issues)).toEqual([
      'exams.csv:3:patient_key patient-key-identifier',
      'exams.csv:4:patient_key patient-key-identifier',
      'exams.csv:5:patient_key patient-key-identifier',
      'exams.csv:6:patient_key patient-key-identifier',
    ]);
    for (const issue of issues) {
      const words = [
        issue.message,
        issue.hint,
        issueWords(issue, 'fr').message,
        issueWords(issue, 'fr').hint,
        JSON.stringify(issue),
      ].join(' ');
      for (const secret of ['DUPONT', 'Jean', '084 36', '185057800608436', '1 85 05'])
        expect(words).not.toContain(secret);
    }
    expect(issueWords(issues[0]!, 'fr').message).toContain('identifiant de patient en clair');
  });
});

describe('acts.csv family', () => {
  it('reads a family or none, and refuses another word with the accepted values', () => {
    const good = parseKit(
      kitFiles({
        acts: 'code,label,icr,family\nACQK001,Scanner crâne,25,spine\nZBQK001,Scanner thorax,25,\n',
      }),
    );
    expect(good.issues).toEqual([]);
    expect(good.kit?.acts).toEqual([
      { code: 'ACQK001', label: 'Scanner crâne', icr: 25, family: 'spine' },
      { code: 'ZBQK001', label: 'Scanner thorax', icr: 25 },
    ]);
    const bad = parseKit(
      kitFiles({
        acts: 'code,label,icr,family\nACQK001,Scanner crâne,25,brain\nZBQK001,x,25,Head\n',
      }),
    );
    expect(bad.kit).toBeNull();
    expect(placed(bad.issues)).toEqual([
      'acts.csv:2:family invalid-value',
      'acts.csv:3:family invalid-value.case',
    ]);
    expect(bad.issues[0]?.message).toContain('head, spine, thorax, breast, abdomen-pelvis');
  });
});

describe('costs.csv in a kit', () => {
  it('reads the cost set, input by default and illustrative when every row says so', () => {
    const input = parseKit(
      kitFiles({ costs: `${COSTS_HEADER}\nCT-1,700000,7,60000,400000,22.5,80000\n` }),
    );
    expect(input.issues).toEqual([]);
    expect(input.kit?.costs).toEqual({
      origin: 'input',
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
      ],
    });
    const demo = parseKit(
      kitFiles({
        costs:
          `${COSTS_HEADER};origin\n`.replaceAll(',', ';') +
          'CT-1;1;7;1;1;0,5;1;illustrative\nMR-1;2;8;2;2;1;2;illustrative\n',
      }),
    );
    expect(demo.issues).toEqual([]);
    expect(demo.kit?.costs?.origin).toBe('illustrative');
    expect(demo.kit?.costs?.rows.map((r) => [r.equipmentId, r.consumablesPerExam])).toEqual([
      ['CT-1', 0.5],
      ['MR-1', 1],
    ]);
    expect(parseKit(kitFiles()).kit?.costs).toBeUndefined();
  });

  it('refuses the kit on a negative cost, an unknown machine, a bad or mixed origin, each at its place', () => {
    const costs =
      `${COSTS_HEADER},origin\n` +
      'CT-1,700000,7,-5,400000,22,80000,input\n' +
      'CT-9,1,7,1,1,1,1,\n' +
      'MR-1,1,7,1,1,1,1,illustrative\n';
    const { kit, issues } = parseKit(kitFiles({ costs }));
    expect(kit).toBeNull();
    expect(placed(issues)).toEqual([
      'costs.csv:2:maintenance cost-negative',
      'costs.csv:3:equipment_id cost-unknown-equipment',
      'costs.csv:4:origin cost-origin.mixed',
    ]);
    expect(issues[2]?.message).toBe('origin illustrative differs from input on line 2');
    const typo = parseKit(kitFiles({ costs: `${COSTS_HEADER},origin\nCT-1,1,7,1,1,1,1,demo\n` }));
    expect(placed(typo.issues)).toEqual(['costs.csv:2:origin cost-origin']);
    expect(typo.issues[0]?.message).toBe('origin demo is not one of input, illustrative');
  });
});

describe('the kit writer', () => {
  it('writes patient_key, family and costs.csv only when present, and reads the same kit back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plateau-plan-inputs-'));
    try {
      const files = kitFiles({
        acts: 'code,label,icr,family\nACQK001,Scanner crâne,25,head\nZBQK001,Scanner thorax,25,\n',
        costs: `${COSTS_HEADER},origin\nCT-1,1,7,1,1,0.5,1,illustrative\n`,
      });
      const { kit } = parseKit(files);
      expect(kit).not.toBeNull();
      await writeKitDir(join(dir, 'a'), kit!);
      const exams = await readFile(join(dir, 'a', 'exams.csv'), 'utf8');
      expect(exams.split('\n')[0]).toMatch(/,age_band,patient_key$/);
      expect(exams).toContain(`,${KEY_B}\n`);
      expect((await readFile(join(dir, 'a', 'acts.csv'), 'utf8')).split('\n')[0]).toBe(
        'code,label,icr,family',
      );
      expect(await readFile(join(dir, 'a', 'costs.csv'), 'utf8')).toBe(
        `${COSTS_HEADER},origin\nCT-1,1,7,1,1,0.5,1,illustrative\n`,
      );
      const back = await readKitDir(join(dir, 'a'));
      expect(back.issues).toEqual([]);
      expect(back.kit).toEqual(kit);

      // Without them: no column, no file (a stale costs.csv is removed).
      const plain = {
        ...kit!,
        exams: kit!.exams.map(({ patientKey: _k, ...e }) => e),
        acts: kit!.acts.map(({ family: _f, ...a }) => a),
      };
      delete (plain as { costs?: unknown }).costs;
      await writeKitDir(join(dir, 'a'), plain);
      expect((await readFile(join(dir, 'a', 'exams.csv'), 'utf8')).split('\n')[0]).toMatch(
        /,age_band$/,
      );
      expect((await readFile(join(dir, 'a', 'acts.csv'), 'utf8')).split('\n')[0]).toBe(
        'code,label,icr',
      );
      expect(await readdir(join(dir, 'a'))).not.toContain('costs.csv');
      expect((await readKitDir(join(dir, 'a'))).kit).toEqual(plain);

      // An input cost set is written without the origin column.
      await writeKitDir(join(dir, 'b'), {
        ...kit!,
        costs: { origin: 'input', rows: kit!.costs!.rows },
      });
      expect((await readFile(join(dir, 'b', 'costs.csv'), 'utf8')).split('\n')[0]).toBe(
        COSTS_HEADER,
      );
      expect((await readKitDir(join(dir, 'b'))).kit?.costs?.origin).toBe('input');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
