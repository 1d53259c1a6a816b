// The report as issues (at most LISTED_EXAMS exams named, counts per equipment) and as CSV
// (plain comma-separated, quoted where needed, never a semicolon).
import { describe, expect, it } from 'vitest';
import { reconciliationCsv } from '../../../../src/ingest/sources/reconcile/csv.ts';
import {
  LISTED_EXAMS,
  reconciliationIssues,
} from '../../../../src/ingest/sources/reconcile/issues.ts';
import { reconcile } from '../../../../src/ingest/sources/reconcile/reconcile.ts';
import { exam } from './exams.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

describe('reconciliationIssues', () => {
  it('counts per equipment and lists the first exams only', () => {
    // 25 billed exams an hour apart on CT-1 between two DICOM exams, 1 on CT-2: none imaged.
    const ris = Array.from({ length: 25 }, (_, i) =>
      exam(`r${pad(i)}`, 'CT-1', `2010-03-0${1 + Math.floor(i / 12)}T${pad(8 + (i % 12))}:00`, 10, {
        acts: ['ZBQK002'],
      }),
    );
    ris.push(exam('r-ct2', 'CT-2', '2010-03-01T10:00', 10));
    const dicom = [
      exam('d-first', 'CT-1', '2010-03-01T07:00', 10),
      exam('d-last', 'CT-1', '2010-03-03T20:00', 10),
      exam('d-ct2', 'CT-2', '2010-03-01T09:00', 10),
      exam('d-ct2b', 'CT-2', '2010-03-01T11:00', 10),
    ];
    const { report } = reconcile(ris, dicom, new Map(), { timeZone: 'Europe/Paris' });
    const issues = reconciliationIssues(report, '(assembled kit)');
    const billed = issues.find((i) => i.code === 'billed-not-performed');
    expect(billed?.severity).toBe('warning');
    expect(billed?.message).toMatch(
      /^26 RIS exams have no images from a device that sent images for that period \(CT-1 25, CT-2 1\): 2010-03-01 08:00 CT-1 \(category A, ZBQK002, exam r00\)/,
    );
    expect(billed?.message.match(/ CT-\d \(category/g)).toHaveLength(LISTED_EXAMS);
    expect(billed?.message).toMatch(/; and 6 more$/);
    expect(billed?.hint).toMatch(/PACS/);
    // The DICOM exams all lie outside the period both sides cover: not reported as unbilled.
    expect(issues.map((i) => i.code)).toEqual(['reconciliation', 'billed-not-performed']);
    expect(issues[0]?.message).toMatch(
      /, 4 not reconciled \(CT-1 DICOM 2 outside the period both sides cover; CT-2 DICOM 2 outside the period both sides cover\)$/,
    );
  });
});

describe('reconciliationCsv', () => {
  it('has a header, one row per exam, totals and the same number of columns everywhere, quoted where needed', () => {
    const ris = [
      exam('r1', 'CT;1,"A"', '2010-03-01T08:00', 20, { acts: ['ZBQK002', 'YYYY600'] }),
      exam('r2', 'CT;1,"A"', '2010-03-01T12:00', 20),
    ];
    const dicom = [
      exam('d1', 'CT;1,"A"', '2010-03-01T07:00', 20),
      exam('d2', 'CT;1,"A"', '2010-03-01T13:00', 20),
    ];
    const { report } = reconcile(ris, dicom, new Map(), { timeZone: 'Europe/Paris' });
    const csv = reconciliationCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.split(',')).toHaveLength(14);
    expect(lines[1]).toBe(
      'billed-not-performed,"CT;1,""A""",2010-03-01 08:00,A,ZBQK002 YYYY600,r1,,,,,,,,',
    );
    expect(lines.slice(-2)).toEqual([
      'total,"CT;1,""A""",,,,,2,2,0,0,2,0,2,',
      'total,all,,,,,2,2,0,0,2,0,2,',
    ]);
  });

  it('in French uses the semicolon and the decimal comma, and guards formula-like text', () => {
    const ris = [
      exam('r1', 'CT-1', '2010-03-01T08:00', 20),
      exam('=r4', 'CT-1', '2010-03-01T10:00', 20),
      exam('r2', 'CT-1', '2010-03-01T12:00', 20),
    ];
    const dicom = [
      exam('d1', 'CT-1', '2010-03-01T08:07:30', 20),
      exam('d2', 'CT-1', '2010-03-01T12:05', 20),
      exam('d3', 'CT-1', '2010-03-01T11:00', 20),
    ];
    const keys = new Map(
      [
        ['r1', 'a1'],
        ['d1', 'a1'],
        ['r2', 'a2'],
        ['d2', 'a2'],
      ].map(([id, acc]) => [id as string, { accessions: [acc as string], studyUids: [] }]),
    );
    const { report } = reconcile(ris, dicom, keys, { timeZone: 'Europe/Paris' });
    const lines = reconciliationCsv(report, 'fr').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^ligne;equipement;debut_local;categorie;/);
    expect(lines.slice(1, 3)).toEqual([
      "facture-non-realise;CT-1;2010-03-01 10:00;A;;'=r4;;;;;;;;",
      'realise-non-facture;CT-1;2010-03-01 11:00;A;;d3;;;;;;;;',
    ]);
    expect(lines[3]).toBe('total;CT-1;;;;;3;3;2;2;1;1;0;6,3');
  });
});
