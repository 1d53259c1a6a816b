// The territory chapter as the CLI and the API print it: a small generated campaign with its
// register imported into a store; `plateau report --national --html` and `--region` (a 2010
// name) hold the chapter with the register's units, and the API's national synthesis PDF has
// it too, its chapter laid out on sane pages (Chromium and poppler, else skipped). The store is
// opened once: the commands run in process share it (shared-store.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kit } from '../../src/core/kit-types.ts';
import { generateKit } from '../../src/generate/index.ts';
import { closePdfBrowser } from '../../src/reports/pdf.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit, openStore } from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { expectTerritoryChapterLaidOut } from '../helpers/territory-pdf.ts';
import { pdfText, pdfToolsAvailable, plainSpaces } from './pdf-tools.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-territories-wiring-'));
const data = join(tmp, 'data');
let kit: Kit;
let store: Store;

beforeAll(async () => {
  kit = generateKit({ machines: 40, days: 7 });
  store = await openStore({ dataDir: data });
  await importKit(store, kit, { source: 'test' });
}, 120_000);
afterAll(async () => {
  await closePdfBrowser();
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

/** CT units of the register in service on the campaign's first day, in `departments` (all when omitted). */
function ctUnits(departments?: readonly string[]): number {
  return kit.register!.filter((r) => {
    const date = r.inServiceOn ?? r.authorisedOn;
    return (
      r.modality === 'CT' &&
      (date === null || date <= kit.campaign.start) &&
      (!departments || departments.includes(r.department))
    );
  }).length;
}

const flat = (html: string): string =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[\s\u202f\u00a0]+/g, ' ');

describe('plateau report with a stored register', () => {
  it(
    'prints the territory chapter of the national synthesis from the store',
    { timeout: 120_000 },
    async () => {
      const out = join(tmp, 'national.html');
      const r = await runCli(['report', '--national', '--html', '--out', out, '--data', data]);
      expect(r.code, r.stderr).toBe(0);
      const page = readFileSync(out, 'utf8');
      expect(page).toContain('<section class="section level-1 new-page" id="territories">');
      const text = flat(page);
      expect(text).toContain(
        `Parc : registre des équipements de la campagne, ${kit.register!.length.toLocaleString('fr-FR').replace(/\s/g, ' ')} lignes`,
      );
      expect(text).toMatch(
        new RegExp(
          `Scanner : ${ctUnits().toLocaleString('fr-FR').replace(/\s/g, ' ')} appareils en service`,
        ),
      );
      expect(page).toContain('IGN ADMIN EXPRESS, via gregoiredavid/france-geojson');
    },
  );

  it('prints the current region of a 2010 region name', { timeout: 120_000 }, async () => {
    const out = join(tmp, 'region.html');
    const r = await runCli([
      'report',
      '--region',
      'Nord-Pas-de-Calais',
      '--lang',
      'en',
      '--html',
      '--out',
      out,
      '--data',
      data,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const text = flat(readFileSync(out, 'utf8'));
    expect(text).toContain(
      'current region Hauts-de-France (INSEE code 32), which contains the campaign\'s region "Nord-Pas-de-Calais"',
    );
    expect(text).toContain(`CT: ${ctUnits(['02', '59', '60', '62', '80'])} units in service`);
  });
});

describe.runIf(pdfToolsAvailable())('the API synthesis with a stored register', () => {
  it('prints the territory chapter in the national synthesis', { timeout: 120_000 }, async () => {
    const app = createApp({ store });
    const response = await app.request(
      `/api/campaigns/${kit.campaign.id}/reports/national.pdf?lang=en`,
    );
    expect(response.status).toBe(200);
    const file = join(tmp, 'national-api.pdf');
    // The whole English synthesis: its chapter on sane pages (synthesis-territories.test.ts prints the French one).
    expectTerritoryChapterLaidOut(new Uint8Array(await response.arrayBuffer()), file, 'en');
    const text = plainSpaces(pdfText(file)).replace(/\s+/g, ' ');
    expect(text).toContain('Territories');
    expect(text).toContain('Units in service and densities per million inhabitants');
    expect(text).toContain(`CT: ${ctUnits().toLocaleString('en-US')} units in service`);
    expect(text).toContain('IGN ADMIN EXPRESS');
  });
});
