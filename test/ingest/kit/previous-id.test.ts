// equipment.csv's optional `previous_id` (issue 16): read when given, absent (not null) when blank
// or when the column is missing; a cell naming the machine itself, or with spaces around or control
// characters, refuses the kit at its line and column. writeKitDir writes the column back only when a
// machine has one, and readKitDir reads the same machines.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issues.ts';
import { issueWords } from '../../../src/i18n/issues/index.ts';
import { parseKit } from '../../../src/ingest/kit/parse-kit.ts';
import { readKitDir } from '../../../src/ingest/kit/read-kit.ts';
import { writeKitDir } from '../../../src/ingest/kit/write-kit.ts';

const CAMPAIGN = {
  id: 'prev-2011',
  name: 'Previous ids',
  start: '2011-03-07',
  days: 7,
  timeZone: 'Europe/Paris',
};

function kitFiles(equipment: string): Map<string, string> {
  return new Map([
    ['campaign.json', JSON.stringify(CAMPAIGN)],
    [
      'establishments.csv',
      'finess,name,legal_status,region\n590000001,CH Nord,CH,Hauts-de-France\n',
    ],
    ['equipment.csv', equipment],
    [
      'sessions.csv',
      'equipment_id,start,end,type\nCT-2,2011-03-08T08:00,2011-03-08T18:00,PUBLIC_SCHEDULED\n',
    ],
    [
      'exams.csv',
      'exam_id,equipment_id,category,room_in,room_out\nE1,CT-2,A,2011-03-08T09:00,2011-03-08T09:20\n',
    ],
  ]);
}

const placed = (issues: readonly Issue[]): string[] =>
  issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.text?.key}`);

describe('equipment.csv previous_id', () => {
  it('is read when given, and absent when blank or when the column is missing', () => {
    const { kit, issues } = parseKit(
      kitFiles(
        'equipment_id,finess,modality,previous_id\nCT-2,590000001,CT,CT-OLD-1\nMR-1,590000001,MR,\n',
      ),
    );
    expect(issues).toEqual([]);
    expect(kit?.equipment[0]?.previousId).toBe('CT-OLD-1');
    expect(kit?.equipment[1] && 'previousId' in kit.equipment[1]).toBe(false);
    const without = parseKit(kitFiles('equipment_id,finess,modality\nCT-2,590000001,CT\n'));
    expect(without.issues).toEqual([]);
    expect(without.kit?.equipment[0] && 'previousId' in without.kit.equipment[0]).toBe(false);
  });

  it('refuses the machine’s own id and a cell that is not an id, at their line and column', () => {
    const { kit, issues } = parseKit(
      kitFiles(
        'equipment_id,finess,modality,previous_id\n' +
          'CT-2,590000001,CT,CT-2\n' + // line 2: itself
          'MR-1,590000001,MR," MR-0"\n' + // line 3: a space before
          'MR-2,590000001,MR,"MR\t9"\n' + // line 4: a tab inside
          'MR-3,590000001,MR,MR-1\n', // line 5: fine (another machine's id)
      ),
    );
    expect(kit).toBeNull();
    expect(placed(issues)).toEqual([
      'equipment.csv:2:previous_id previous-id.self',
      'equipment.csv:3:previous_id previous-id.invalid',
      'equipment.csv:4:previous_id previous-id.invalid',
    ]);
    expect(issues[0]?.message).toBe('previous_id CT-2 is this machine’s own equipment_id');
    expect(issueWords(issues[0] as Issue, 'fr').message).toBe(
      'previous_id CT-2 est l’equipment_id de la machine elle-même',
    );
  });

  it('is written back only when a machine has one, and read again the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plateau-prev-'));
    try {
      const { kit } = parseKit(
        kitFiles(
          'equipment_id,finess,modality,previous_id\nCT-2,590000001,CT,CT-OLD-1\nMR-1,590000001,MR,\n',
        ),
      );
      await writeKitDir(join(dir, 'with'), kit!);
      const text = await readFile(join(dir, 'with', 'equipment.csv'), 'utf8');
      expect(text.split('\n')[0]).toBe(
        'equipment_id,finess,modality,label,installed_year,role,previous_id',
      );
      expect(text).toContain('CT-2,590000001,CT,,,general,CT-OLD-1\n');
      const back = await readKitDir(join(dir, 'with'));
      expect(back.kit?.equipment).toEqual(kit!.equipment);
      const plain = { ...kit!, equipment: kit!.equipment.map(({ previousId: _, ...m }) => m) };
      await writeKitDir(join(dir, 'without'), plain);
      const header = (await readFile(join(dir, 'without', 'equipment.csv'), 'utf8')).split('\n')[0];
      expect(header).toBe('equipment_id,finess,modality,label,installed_year,role');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
