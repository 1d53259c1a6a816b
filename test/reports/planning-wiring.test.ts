// The planning sections as the CLI and the API print them from a stored campaign (the
// hand-checked planning-kit.ts imported with its costs and patient keys): `plateau report
// --html` for a site fiche and a regional synthesis, and the PDF routes, whose French and
// English copies read the campaign's exams once (planningKit() of the cached campaign). The
// store is opened once: the commands run in process share it (shared-store.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closePdfBrowser } from '../../src/reports/pdf.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit, openStore } from '../../src/storage/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeSharedStores } from '../helpers/shared-store.ts';
import { wrappedStore } from '../server/helpers.ts';
import { pdfToolsAvailable, plainSpaces } from './pdf-tools.ts';
import { planningKit, SITE_A } from './planning-kit.ts';

vi.mock('../../src/storage/open-store.ts', async (actual) =>
  (await import('../helpers/shared-store.ts')).sharingOpenStore(await actual()),
);

const tmp = mkdtempSync(join(tmpdir(), 'plateau-planning-wiring-'));
const data = join(tmp, 'data');
let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: data });
  await importKit(store, planningKit(), { source: 'test' });
}, 120_000);
afterAll(async () => {
  await closePdfBrowser();
  await closeSharedStores();
  rmSync(tmp, { recursive: true, force: true });
});

const flat = (html: string): string =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u202f\u00a0]+/g, ' ');

describe('plateau report with a stored campaign’s kit', () => {
  it('prints the site fiche’s costs and relevance', { timeout: 60_000 }, async () => {
    const out = join(tmp, 'site.html');
    const r = await runCli(['report', '--site', SITE_A, '--html', '--out', out, '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const page = flat(readFileSync(out, 'utf8'));
    expect(page).toContain('Coûts');
    expect(page).toContain('CT-A Scanner 1 304 686 071 263,9 526,3 5,26 0 9 696');
    expect(page).toContain('Part du scanner dans l’imagerie de la tête');
    expect(page).toContain('Tous les examens 40 10 80 % 38 % 50 % 68 % 3 83ᵉ centile à revoir');
    expect(page).toContain(
      'Examens répétés (même patient, même modalité et famille d’actes, dans les 30 jours) 20 %',
    );
  });

  it('prints the regional synthesis’s nights and teleradiology', { timeout: 120_000 }, async () => {
    const out = join(tmp, 'region.html');
    const r = await runCli([
      'report',
      '--region',
      'Hauts-de-France',
      '--lang',
      'en',
      '--html',
      '--out',
      out,
      '--data',
      data,
    ]);
    expect(r.code).toBe(0);
    const page = flat(readFileSync(out, 'utf8'));
    expect(page).toContain('<h1>Nights and teleradiology</h1>'.replace(/<[^>]+>/g, ' ').trim());
    expect(page).toContain('Nord (59) 1 3 2 0 1 6');
    expect(page).toContain('Region 3 4 4 0 1 9');
    expect(page).toContain('One hub for all 1 108');
  });
});

describe.runIf(pdfToolsAvailable())('the report routes with a stored campaign’s kit', () => {
  it(
    'read the campaign’s exams once for the French and English fiches and the synthesis',
    { timeout: 120_000 },
    async () => {
      const queries: string[] = [];
      const watched = wrappedStore(store, {
        query: ((sql: string, params?: unknown[]) => {
          queries.push(sql);
          return store.db.query(sql, params);
        }) as Store['db']['query'],
      });
      const app = createApp({ store: watched });
      // readExams of loadKit (the machine records of the simulations read exams per machine)
      const readsKit = (): number =>
        queries.filter(
          (q) =>
            q.trimStart().startsWith('select equipment_id, json_agg(') &&
            /from exams where campaign_id = \$1\s/.test(q),
        ).length;
      const base = '/api/campaigns/planning/reports';
      const fr = await app.request(`${base}/site/${SITE_A}.pdf?lang=fr`);
      expect(fr.status).toBe(200);
      expect(readsKit()).toBe(1);
      const en = await app.request(`${base}/site/${SITE_A}.pdf?lang=en`);
      expect(en.status).toBe(200);
      const region = await app.request(`${base}/region/Hauts-de-France.pdf?lang=en`);
      expect(region.status).toBe(200);
      expect(readsKit()).toBe(1);
      const file = join(tmp, 'site-en.pdf');
      writeFileSync(file, new Uint8Array(await en.arrayBuffer()));
      const text = plainSpaces(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      expect(text).toContain('Costs');
      expect(text).toContain('Relevance');
      expect(text).toContain('To review against the Guide du bon usage');
    },
  );
});
