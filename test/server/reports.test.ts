// The PDF report routes through the app object over an in-memory store: the site fiche, a
// region's and the national synthesis as attachments, the cache of printed reports, and the
// 400/404 answers. Printing needs Chromium (skipped with a message otherwise); the errors do not.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlateauApp } from '../../src/server/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/core/views/types.ts';
import { closePdfBrowser } from '../../src/reports/pdf.ts';
import { createApp } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { importKit } from '../../src/storage/index.ts';
import { LATE_SITE, lateStartKit } from '../reports/late-start-kit.ts';
import { pdfToolsAvailable, plainSpaces } from '../reports/pdf-tools.ts';
import { json, memoryStore, wrappedStore } from './helpers.ts';

let store: Store;
let app: PlateauApp;
const base = '/api/campaigns/late/reports';
const tmp = mkdtempSync(join(tmpdir(), 'plateau-api-report-'));

beforeAll(async () => {
  store = await memoryStore();
  await importKit(store, lateStartKit(), { source: 'test' });
  app = createApp({ store });
}, 60_000);
afterAll(async () => {
  await closePdfBrowser();
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function expectError(
  path: string,
  status: number,
  code: string,
  ...fragments: string[]
): Promise<void> {
  const response = await app.request(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await json<ApiError>(response);
  expect(body.error.code, path).toBe(code);
  for (const f of fragments) expect(body.error.message, path).toContain(f);
}

describe('the report routes refuse what they cannot print', () => {
  it('answers 400 for a bad parameter', async () => {
    await expectError(
      `${base}/site/${LATE_SITE}.pdf?lang=de`,
      400,
      'bad-request',
      'lang must be one of fr, en',
    );
    await expectError(
      `${base}/site/${LATE_SITE}.pdf?peers=planet`,
      400,
      'bad-request',
      'peers must be one of',
    );
    await expectError(
      `${base}/national.pdf?peers=region`,
      400,
      'bad-request',
      "unknown query parameter 'peers'",
    );
    await expectError(
      `${base}/region/Bretagne.pdf?scope=x`,
      400,
      'bad-request',
      "unknown query parameter 'scope'",
    );
  });

  it('answers 404 for an unknown campaign, establishment or region, naming close matches', async () => {
    await expectError(
      '/api/campaigns/nope/reports/national.pdf',
      404,
      'not-found',
      "no campaign 'nope'",
    );
    await expectError(
      `${base}/site/590000011.pdf`,
      404,
      'not-found',
      "no establishment with FINESS '590000011'",
      'close matches: 590000001',
    );
    await expectError(
      `${base}/region/Haut-de-France.pdf`,
      404,
      'not-found',
      'close matches: Hauts-de-France',
    );
    await expectError(
      `${base}/site/${LATE_SITE}`,
      404,
      'not-found',
      `reports are PDF files: ask for ${base}/site/${LATE_SITE}.pdf`,
    );
    await expectError(`${base}/national`, 404, 'not-found');
  });
});

describe.runIf(pdfToolsAvailable())('the report routes print', () => {
  it(
    "sends the site fiche as a PDF attachment, then from memory; simulates the site's machines once for both languages of one import",
    { timeout: 90_000 },
    async () => {
      // A store that counts the reads of machine records (the simulation's input), under an app of
      // its own (fresh caches). Printing the other language's fiche costs a print, not a simulation.
      const queries: string[] = [];
      const watched = wrappedStore(store, {
        query: ((sql: string, params?: unknown[]) => {
          queries.push(sql);
          return store.db.query(sql, params);
        }) as Store['db']['query'],
      });
      const watchedApp = createApp({ store: watched });
      const readsRecords = (): number =>
        queries.filter((q) => q.includes('equipment_id = any(')).length;

      const started = performance.now();
      const first = await watchedApp.request(`${base}/site/${LATE_SITE}.pdf?lang=en&peers=region`);
      const cold = performance.now() - started;
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('application/pdf');
      expect(first.headers.get('content-disposition')).toBe(
        `attachment; filename="plateau-late-site-${LATE_SITE}-en.pdf"`,
      );
      const bytes = new Uint8Array(await first.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      expect(first.headers.get('content-length')).toBe(String(bytes.byteLength));
      const file = join(tmp, 'site.pdf');
      writeFileSync(file, bytes);
      const text = plainSpaces(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      expect(text).toContain('Site report — Hôpital Saint-Éloi & Cie <test>');
      expect(text).toContain('1 machine: the same modality in the region');
      const reads = readsRecords();
      expect(reads).toBeGreaterThan(0);

      const again = performance.now();
      const second = await watchedApp.request(`${base}/site/${LATE_SITE}.pdf?lang=en&peers=region`);
      const warm = performance.now() - again;
      expect(new Uint8Array(await second.arrayBuffer())).toEqual(bytes);
      console.info(
        `site fiche over HTTP: ${cold.toFixed(0)} ms printed, ${warm.toFixed(0)} ms from the cache`,
      );
      expect(warm).toBeLessThan(cold / 5);

      const french = await watchedApp.request(`${base}/site/${LATE_SITE}.pdf?lang=fr&peers=region`);
      expect(french.status).toBe(200);
      expect(french.headers.get('content-disposition')).toBe(
        `attachment; filename="plateau-late-site-${LATE_SITE}-fr.pdf"`,
      );
      expect(new Uint8Array(await french.arrayBuffer())).not.toEqual(bytes);
      expect(readsRecords()).toBe(reads);
    },
  );

  it(
    'sends a region synthesis (name URL-encoded) and the national one',
    { timeout: 120_000 },
    async () => {
      const region = await app.request(`${base}/region/${encodeURIComponent('Île-de-France')}.pdf`);
      expect(region.status).toBe(200);
      expect(region.headers.get('content-disposition')).toBe(
        'attachment; filename="plateau-late-region-ile-de-france-fr.pdf"',
      );
      // Its INSEE code names the same region: the same synthesis.
      const byCode = await app.request(`${base}/region/11.pdf`);
      expect(byCode.status).toBe(200);
      expect(byCode.headers.get('content-disposition')).toBe(
        'attachment; filename="plateau-late-region-ile-de-france-fr.pdf"',
      );
      const national = await app.request(`${base}/national.pdf?lang=en`);
      expect(national.status).toBe(200);
      expect(national.headers.get('content-disposition')).toBe(
        'attachment; filename="plateau-late-national-en.pdf"',
      );
      const file = join(tmp, 'national.pdf');
      writeFileSync(file, new Uint8Array(await national.arrayBuffer()));
      expect(
        plainSpaces(execFileSync('pdftotext', ['-l', '2', file, '-'], { encoding: 'utf8' })),
      ).toContain('Contents');
    },
  );
});
