// What users read about issues (issue 11, item 13): the per-kind cap is said with the real total
// (CLI, upload job, counts), references to "the warnings above" are true (warnings are printed
// before errors), a UTF-16 file is named as such, Node's parser text is replaced by plateau's,
// and the CLI speaks French with --lang fr or a French locale. Issues keep their words in both
// languages through the store.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadStatus } from '../../src/core/views/types.ts';
import { langFromLocale, printIssues } from '../../src/cli/output.ts';
import { makeIssue } from '../../src/i18n/issues/index.ts';
import { parseKit } from '../../src/ingest/kit/parse-kit.ts';
import { parseMapping } from '../../src/ingest/sources/mapping.ts';
import { createApp } from '../../src/server/index.ts';
import { importKit } from '../../src/storage/import-kit.ts';
import type { Store } from '../../src/storage/open-store.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { loadIssues } from '../../src/storage/queries.ts';
import { captureOutput, runCli } from '../helpers/run-cli.ts';
import { filesOf, settled, uploadForm } from '../server/helpers.ts';
import { smallKit } from '../storage/small-kit.ts';

const GOOD = join(import.meta.dirname, '../fixtures/kits/good-minimal/input');
const root = mkdtempSync(join(tmpdir(), 'plateau-messages-'));
let store: Store;
// A data folder opens from plateau's cached template: much faster than an in-memory initdb.
beforeAll(async () => {
  store = await openStore({ dataDir: join(root, 'store') });
});
afterAll(async () => {
  await store?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The good kit with `n` more exams whose category is not a code: n errors of one kind. */
function kitWithErrors(n: number): string {
  const dir = join(root, `errors-${n}`);
  cpSync(GOOD, dir, { recursive: true });
  const rows = Array.from(
    { length: n },
    (_, i) => `X${i},CT1,Z,2010-03-22T08:05:00,2010-03-22T08:20:00,,,,,,`,
  );
  const exams = join(dir, 'exams.csv');
  writeFileSync(exams, `${readFileSync(exams, 'utf8').trimEnd()}\n${rows.join('\n')}\n`);
  return dir;
}

describe('the cap on issues of one kind', () => {
  it('is said by the CLI with the real number of errors', async () => {
    const run = await runCli(['indicators', kitWithErrors(1250)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '1,250 issues of the kind "invalid-value" in exams.csv: the first 1,000 are listed, the other 250 are not',
    );
    expect(run.stderr).toContain('1,250 errors and 0 warnings in all: 50 shown above');
    expect(run.stderr).toMatch(/: 1,250 errors in the kit; nothing was computed or stored\n$/);
  });

  it('is counted in full by an upload job', async () => {
    const app = createApp({ store });
    const form = uploadForm(await filesOf(kitWithErrors(1250)));
    const response = await app.request('/api/uploads', { method: 'POST', body: form });
    const { id } = (await response.json()) as UploadStatus;
    const done = await settled(app, id);
    expect(done.state).toBe('rejected');
    expect(done.error?.message).toBe('1250 errors in the kit: nothing was stored');
    const cap = done.issues.find((i) => i.code === 'too-many-issues');
    expect(cap?.text).toMatchObject({
      key: 'too-many-issues',
      params: { total: 1250, shown: 1000 },
    });
  });
});

describe('printed issues', () => {
  it('come as notes, warnings, then errors, so that "the warnings above" are above', () => {
    const { out, restore } = captureOutput();
    try {
      printIssues([
        makeIssue('error', 'no-activity', 'assembled', null, null, {
          days: 28,
          start: '2010-03-01',
        }),
        makeIssue('warning', 'duplicate-exam', 'assembled', null, null, {
          id: 'E1',
          fields: 'roomIn',
        }),
        makeIssue('info', 'unused-equipment', 'assembled', null, null, { ids: 'CT9' }),
      ]);
    } finally {
      restore();
    }
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines.map((l) => /^(note|assembled (warning|error))/.exec(l)?.[0])).toEqual([
      'note',
      'assembled warning',
      'assembled error',
    ]);
  });
});

describe('a file saved as UTF-16', () => {
  const utf16 = (text: string, bom: boolean): Uint8Array => {
    const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    if (bom) bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[(bom ? 2 : 0) + 2 * i] = text.charCodeAt(i);
    return bytes;
  };

  it.each([true, false])(
    'is named as UTF-16 with the CSV UTF-8 hint (byte-order mark: %s)',
    (bom) => {
      const files = new Map<string, Uint8Array>();
      for (const name of [
        'campaign.json',
        'establishments.csv',
        'equipment.csv',
        'sessions.csv',
        'exams.csv',
      ])
        files.set(name, new Uint8Array(readFileSync(join(GOOD, name))));
      files.set('exams.csv', utf16(readFileSync(join(GOOD, 'exams.csv'), 'utf8'), bom));
      const issues = parseKit(files).issues.filter((i) => i.file === 'exams.csv');
      expect(issues.map((i) => i.code)).toEqual(['encoding']);
      expect(issues[0]?.message).toContain('UTF-16');
      expect(issues[0]?.hint).toContain('CSV UTF-8');
      expect(issues[0]?.hint).not.toContain('Windows-1252');
    },
  );
});

describe('a site mapping file saved as UTF-16', () => {
  it('is named as such rather than as a header without its columns', () => {
    const text = 'kind,key,value,target\nsite,finess,,620454421\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const { mapping, issues } = parseMapping('mapping.csv', new TextDecoder().decode(bytes));
    expect(mapping).toBeNull();
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      ['encoding', 'mapping.csv is saved as UTF-16 (“Unicode text”), not UTF-8; it was not read'],
    ]);
  });
});

describe('command-line refusals', () => {
  it('take a negative number as the value of its option and give its range', async () => {
    const run = await runCli(['generate', join(root, 'gen'), '--machines', '-3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--machines takes a whole number from 1 to 100000, not '-3'");
    expect(run.stderr).not.toMatch(/ambiguous|Did you forget/);
  });

  it('name an unknown option and the nearest known one', async () => {
    const run = await runCli(['generate', join(root, 'gen'), '--machins', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option --machins. Did you mean --machines?');
  });

  it('speak French with --lang fr', async () => {
    const run = await runCli(['indicators', kitWithErrors(3), '--lang', 'fr']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'exams.csv:5:category erreur\u202f: category «\u202fZ\u202f» n’est pas l’un des codes A, H, R, U',
    );
    expect(run.stderr).toContain('3 erreurs dans le kit\u202f; rien n’a été calculé ni enregistré');
    const usage = await runCli(['generate', join(root, 'gen'), '--machines', '-3', '--lang', 'fr']);
    expect(usage.stderr).toContain(
      '--machines prend un nombre entier de 1 à 100000, pas «\u202f-3\u202f»',
    );
  });

  it('follow the locale when --lang is not given', () => {
    expect(langFromLocale({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(langFromLocale({ LC_MESSAGES: 'fr_CA', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(langFromLocale({ LC_ALL: 'C', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langFromLocale({})).toBe('en');
  });
});

describe('stored issues', () => {
  it('keep their catalog key and parameters, so they can be shown in French', async () => {
    {
      const issues = [
        makeIssue('warning', 'report-before-exam', 'exams.csv', 3, 'report_validated_at', {
          report: '2010-03-22T08:00',
          roomOut: '2010-03-22T08:20',
        }),
        { ...makeIssue('info', 'blank-line', 'exams.csv', 4, null), text: undefined },
      ];
      const kit = smallKit();
      await importKit(store, kit, { issues });
      const stored = await loadIssues(store, kit.campaign.id);
      expect(stored.map((i) => i.text)).toEqual([issues[0]?.text, undefined]);
    }
  });
});
