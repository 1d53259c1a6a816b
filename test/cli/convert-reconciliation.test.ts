// `plateau convert` with RIS messages and scanner images of the same days: the exam both describe
// is written once, and `--reconciliation FILE` writes the exams to chase as a CSV in the asked
// language; with one side only there is nothing to reconcile and no file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { campaign, h, inputs, MAPPING_CSV, SECRET } from '../ingest/sources/reconcile/fixtures.ts';
import { runCli } from '../helpers/run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plateau-convert-reconcile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sources = join(tmp, 'sources');
mkdirSync(sources);
for (const input of inputs) writeFileSync(join(sources, input.name), input.bytes);
const mappingFile = join(tmp, 'mapping.csv');
writeFileSync(mappingFile, MAPPING_CSV);
const CAMPAIGN = [
  '--campaign-id',
  campaign.id,
  '--start',
  campaign.start,
  '--days',
  String(campaign.days),
];

beforeEach(() => {
  process.env.PLATEAU_SECRET = SECRET;
});
afterEach(() => {
  delete process.env.PLATEAU_SECRET;
});

describe('plateau convert --reconciliation', () => {
  it('writes one kit exam per room passage and the unmatched exams in French', async () => {
    const out = join(tmp, 'kit-fr');
    const csv = join(tmp, 'rapprochement.csv');
    const run = await runCli([
      'convert',
      sources,
      '--mapping',
      mappingFile,
      ...CAMPAIGN,
      '--to-kit',
      out,
      '--reconciliation',
      csv,
      '--lang',
      'fr',
    ]);
    expect(run.code, run.stderr).toBe(0);
    // --lang fr is also the language of the messages (plateau's common option).
    expect(run.stderr).toMatch(
      /1 examen RIS n’a pas d’images d’un appareil qui en a envoyé pour cette période \(CT-1 1\)/,
    );
    expect(run.stderr).toContain(`reconciliation written to ${csv}`);
    const { kit } = await readKitDir(out);
    expect(kit?.exams.map((e) => e.examId).sort()).toEqual(
      ['ACC1', 'ACC2', 'ACC3', 'ACC4', 'ACC5'].map(h).sort(),
    );
    const lines = readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^ligne;equipement;debut_local;/);
    expect(lines.slice(1, 3)).toEqual([
      `facture-non-realise;CT-1;2010-03-01 10:00;A;ZBQK002;${h('ACC2')};;;;;;;;`,
      `realise-non-facture;CT-1;2010-03-01 12:00;A;;${h('ACC3')};;;;;;;;`,
    ]);
    expect(lines.at(-1)).toBe('total;tous;;;;;4;4;3;3;1;1;0;');
    expect(readFileSync(csv, 'utf8')).not.toMatch(/ACC\d|MARTIN/);
  });

  it('writes no file when the sources hold the RIS side only, and says why', async () => {
    const risOnly = join(tmp, 'ris-only');
    mkdirSync(risOnly);
    writeFileSync(join(risOnly, 'ris.hl7'), inputs[0]!.bytes);
    const csv = join(tmp, 'none.csv');
    const run = await runCli([
      'convert',
      risOnly,
      '--mapping',
      mappingFile,
      ...CAMPAIGN,
      '--to-kit',
      join(tmp, 'kit-ris'),
      '--reconciliation',
      csv,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('reconciliation needs both');
    expect(existsSync(csv)).toBe(false);
  });

  it('refuses an unknown --lang before reading anything', async () => {
    const run = await runCli([
      'convert',
      sources,
      '--mapping',
      mappingFile,
      ...CAMPAIGN,
      '--to-kit',
      join(tmp, 'kit-xx'),
      '--reconciliation',
      join(tmp, 'x.csv'),
      '--lang',
      'de',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--lang/);
    expect(existsSync(join(tmp, 'kit-xx', 'campaign.json'))).toBe(false);
  });
});
