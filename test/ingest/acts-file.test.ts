// An acts.csv given on its own (plateau convert/import --acts) is read with the data kit's rules,
// its issues located in that file; a refused cell gives no acts.
import { describe, expect, it } from 'vitest';
import { readActsFile } from '../../src/ingest/kit/acts-file.ts';

describe('readActsFile', () => {
  it('reads the acts, with a semicolon and decimal commas too', () => {
    expect(
      readActsFile('ccam.csv', 'code,label,icr\nZBQK002,Scanner thorax,75\nZCQK004,IRM,128.5\n'),
    ).toEqual({
      acts: [
        { code: 'ZBQK002', label: 'Scanner thorax', icr: 75 },
        { code: 'ZCQK004', label: 'IRM', icr: 128.5 },
      ],
      issues: [],
    });
    expect(readActsFile('ccam.csv', 'code;icr\nZBQK002;75,5\n').acts).toEqual([
      { code: 'ZBQK002', label: '', icr: 75.5 },
    ]);
  });

  it('refuses a bad cell or a repeated act, located in the file given', () => {
    const bad = readActsFile(
      'ccam-2026.csv',
      'code,label,icr\nZBQK002,Scanner,75\nZCQK004,IRM,beaucoup\nZBQK002,Again,80\n',
    );
    expect(bad.acts).toBeNull();
    expect(
      bad.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.severity} ${i.code}`),
    ).toEqual([
      'ccam-2026.csv:3:icr error invalid-number',
      'ccam-2026.csv:4:code error duplicate-key',
    ]);
    const noIcr = readActsFile('ccam.csv', 'code,label\nZBQK002,Scanner\n');
    expect(noIcr.acts).toBeNull();
    expect(noIcr.issues).toContainEqual(
      expect.objectContaining({ file: 'ccam.csv', code: 'missing-column', severity: 'error' }),
    );
  });
});
