/**
 * Kits to upload through the browser, built from test/fixtures/kits/good-minimal: the good one
 * zipped with fflate as a user would send it, and a bad one as loose files whose errors are
 * known by file, line and column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';

const MINIMAL = join(import.meta.dirname, '../../fixtures/kits/good-minimal/input');

/** A file for playwright's `setInputFiles`. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** An error the upload must report, where it is. */
export interface ExpectedIssue {
  file: string;
  line: number;
  column: string;
  code: string;
}

const mimeOf = (name: string): string => (name.endsWith('.json') ? 'application/json' : 'text/csv');

function minimalFiles(): Map<string, Buffer> {
  return new Map(readdirSync(MINIMAL).map((name) => [name, readFileSync(join(MINIMAL, name))]));
}

/** The minimal kit's campaign: id, name and counts. */
export const GOOD_KIT = {
  id: 'mini-2010',
  name: 'Minimal kit',
  exams: 3,
  machines: 2,
  establishments: 2,
} as const;

/**
 * The minimal kit as one zip, each file at its kit path.
 *
 * @example
 * await input.setInputFiles(goodKitZip());
 */
export function goodKitZip(): UploadFile {
  const entries = Object.fromEntries(
    [...minimalFiles()].map(([name, bytes]) => [name, new Uint8Array(bytes)]),
  );
  return {
    name: 'mini-2010.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync(entries)),
  };
}

/**
 * The minimal kit as loose files with two errors: an exam at a time the spring DST change
 * skipped, and a sessions file without its `type` column.
 */
export function badKitFiles(): { files: UploadFile[]; expected: ExpectedIssue[] } {
  const files = minimalFiles();
  const exams = files.get('exams.csv')!.toString('utf8').trimEnd().split('\n');
  exams.push('E3,CT1,A,2010-03-28T02:30,2010-03-28T03:30,ZBQK002,,,,,');
  files.set('exams.csv', Buffer.from(`${exams.join('\n')}\n`));
  files.set(
    'sessions.csv',
    Buffer.from('equipment_id,start,end\nCT1,2010-03-22T08:00,2010-03-22T13:00\n'),
  );
  return {
    files: [...files].map(([name, buffer]) => ({ name, mimeType: mimeOf(name), buffer })),
    expected: [
      { file: 'exams.csv', line: exams.length, column: 'room_in', code: 'dst-gap' },
      { file: 'sessions.csv', line: 1, column: 'type', code: 'missing-column' },
    ],
  };
}
