// `plateau campaigns list|delete|rename`, which campaign `plateau indicators` shows when the store
// holds several, and `plateau import` of a kit that changed: rows removed, a period changed
// refused without --replace. In process, on an embedded store opened once per folder for the file
// (test/helpers/shared-store.ts): the commands follow one another on it as they would on one opened each time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';
import { importKit, openStore } from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { smallKit } from '../storage/small-kit.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-campaigns-'));
afterAll(async () => {
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

/** The campaign a `plateau indicators --json` run shows. */
function shown(stdout: string): string {
  return (JSON.parse(stdout) as { campaign: { id: string } }).campaign.id;
}

describe('plateau campaigns', () => {
  const data = join(tmp, 'store');
  /** `plateau indicators --json --campaign spring` before the rename. */
  let springFigures = '';

  beforeAll(async () => {
    const store = await openStore({ dataDir: data });
    try {
      await importKit(store, smallKit('spring'), { source: 'test' });
      await importKit(
        store,
        {
          ...smallKit('autumn'),
          campaign: { ...smallKit('autumn').campaign, name: 'Autumn', start: '2010-03-01' },
        },
        { source: 'test' },
      );
    } finally {
      await store.close();
    }
  }, 60_000);

  it('lists the stored campaigns with their period, machines, exams and import time', async () => {
    const r = await runCli(['campaigns', 'list', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+period\s+machines\s+exams\s+imported$/);
    expect(lines[2]).toMatch(
      /^autumn\s+Autumn\s+2010-03-01, 28 days \(Europe\/Paris\)\s+3\s+6\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    expect(lines[3]).toMatch(/^spring\s+Campaign spring\s+2010-03-01, 28 days/);
    const json = await runCli(['campaigns', 'list', '--json', '--data', data]);
    expect(
      (JSON.parse(json.stdout) as { id: string; exams: number }[]).map((c) => [c.id, c.exams]),
    ).toEqual([
      ['autumn', 6],
      ['spring', 6],
    ]);
  });

  it('says which campaign indicators shows when the store holds several, and shows the one named', async () => {
    const latest = await runCli(['indicators', '--json', '--data', data]);
    expect(latest.code, latest.stderr).toBe(0);
    expect(shown(latest.stdout)).toBe('autumn');
    expect(latest.stderr).toContain(
      "showing campaign 'autumn' (Autumn, 2010-03-01, 28 days (Europe/Paris)), the last imported of 2",
    );
    expect(latest.stderr).toContain('the others: spring. Choose one with --campaign ID');
    const named = await runCli(['indicators', '--json', '--campaign', 'spring', '--data', data]);
    expect(named.code, named.stderr).toBe(0);
    expect(shown(named.stdout)).toBe('spring');
    expect(named.stderr).not.toContain('showing campaign');
    springFigures = named.stdout;
    const typo = await runCli(['indicators', '--campaign', 'sprang', '--data', data]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("no campaign 'sprang'");
    expect(typo.stderr).toContain('close matches: spring');
  });

  it('renames a campaign keeping its figures, and refuses a taken or unknown id', async () => {
    const r = await runCli(['campaigns', 'rename', 'spring', 'spring-2010', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("renamed campaign 'spring' to 'spring-2010'");
    const after = await runCli([
      'indicators',
      '--json',
      '--campaign',
      'spring-2010',
      '--data',
      data,
    ]);
    const figures = (out: string): unknown => (JSON.parse(out) as { machines: unknown }).machines;
    expect(figures(after.stdout)).toEqual(figures(springFigures));
    const taken = await runCli(['campaigns', 'rename', 'spring-2010', 'autumn', '--data', data]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("a campaign 'autumn' is already stored: nothing was renamed");
    const unknown = await runCli(['campaigns', 'rename', 'sprung', 'x', '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no campaign 'sprung'");
    expect((await runCli(['campaigns', 'rename', 'spring-2010', ' x', '--data', data])).code).toBe(
      2,
    );
  });

  it('deletes a campaign only with --yes, and then shows the one left without a note', async () => {
    const unconfirmed = await runCli(['campaigns', 'delete', 'autumn', '--data', data]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain(
      "deleting campaign 'autumn' (Autumn, 2010-03-01, 28 days (Europe/Paris): 3 machines, 6 exams",
    );
    expect(unconfirmed.stderr).toContain('nothing was deleted. Run again with --yes');
    const r = await runCli(['campaigns', 'delete', 'autumn', '--yes', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("deleted campaign 'autumn'");
    // Deleted: the one campaign left is shown without a note.
    const one = await runCli(['indicators', '--json', '--data', data]);
    expect(shown(one.stdout)).toBe('spring-2010');
    expect(one.stderr).not.toContain('showing campaign');
  });

  it('answers usage errors with exit 2', async () => {
    for (const args of [
      ['campaigns'],
      ['campaigns', 'drop', 'x'],
      ['campaigns', 'delete'],
      ['campaigns', 'rename', 'a'],
      ['campaigns', 'list', 'extra'],
    ]) {
      expect((await runCli([...args, '--data', data])).code, args.join(' ')).toBe(2);
    }
  });
});

describe('plateau import of a changed kit', () => {
  const data = join(tmp, 'import-store');
  const kitDir = (name: string): string => join(tmp, 'kits', name);

  async function writeKit(name: string, kit: Kit): Promise<string> {
    // The kit's files take whole days of appointment delay.
    await writeKitDir(kitDir(name), {
      ...kit,
      survey: kit.survey.map((a) => ({ ...a, days: Math.round(a.days) })),
    });
    return kitDir(name);
  }

  it('removes the rows a kit no longer holds, and says so per table', async () => {
    const kit = smallKit('changing');
    const first = await runCli(['import', await writeKit('full', kit), '--data', data]);
    expect(first.code, first.stderr).toBe(0);
    const fewer: Kit = {
      ...kit,
      exams: kit.exams.filter((e) => e.examId !== 'CT1-3'),
      sessions: kit.sessions.slice(1),
    };
    const r = await runCli(['import', await writeKit('fewer', fewer), '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Campaign changing: stored \(/);
    expect(r.stdout).toMatch(/ {2}sessions {8}0 added, 0 changed, 1 removed, 4 unchanged/);
    expect(r.stdout).toMatch(/ {2}exams {11}0 added, 0 changed, 1 removed, 5 unchanged/);
    const again = await runCli(['import', kitDir('fewer'), '--data', data]);
    expect(again.stdout).toContain('already up to date, nothing changed');
  });

  it('refuses a kit of the same campaign over another period unless --replace', async () => {
    const kit = smallKit('moving');
    await runCli(['import', await writeKit('march', kit), '--data', data]);
    const shifted: Kit = {
      ...kit,
      campaign: { ...kit.campaign, start: '2010-03-08' },
      sessions: kit.sessions.map((s) => ({
        ...s,
        start: s.start + 7 * 86_400_000,
        end: s.end + 7 * 86_400_000,
      })),
      exams: kit.exams.map((e) => ({
        ...e,
        roomIn: e.roomIn + 7 * 86_400_000,
        roomOut: e.roomOut + 7 * 86_400_000,
      })),
    };
    const dir = await writeKit('later', shifted);
    const refused = await runCli(['import', dir, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'campaign moving is stored for 2010-03-01, 28 days (Europe/Paris), and this kit is for 2010-03-08',
    );
    expect(refused.stderr).toContain('import it again with --replace');
    const replaced = await runCli(['import', dir, '--replace', '--data', data]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain(
      "Campaign moving: replaced the campaign stored for 2010-03-01, 28 days (Europe/Paris) by this kit's, 2010-03-08, 28 days (Europe/Paris)",
    );
    expect(replaced.stdout).toMatch(/exams {11}6 added, 0 changed, 6 removed, 0 unchanged/);
    const figures = await runCli(['indicators', '--json', '--campaign', 'moving', '--data', data]);
    expect((JSON.parse(figures.stdout) as { campaign: { start: string } }).campaign.start).toBe(
      '2010-03-08',
    );
  });
});
