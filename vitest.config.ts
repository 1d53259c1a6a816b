import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Folders of pure tests (no module mocks, no stubbed globals, no environment written): their files
 * share one module graph per worker (`isolate: false`) instead of re-importing src/ through vite's
 * transform for every file (377 of the suite's 1,770 worker-seconds on CI). Measured under the same
 * load: test/ingest 122 → 57 CPU-s, core+i18n+charts+generate+export 119 → 56, plan 87 → 75.
 */
/** The test files of `folders` (under test/). */
const folders = (names: string[]): string[] => names.map((name) => `test/${name}/**/*.test.ts`);
/** The test files `names` (under test/, without `.test.ts`). */
const files = (names: string[]): string[] => names.map((name) => `test/${name}.test.ts`);

const SHARED = folders(['core', 'plan', 'i18n', 'charts', 'generate', 'export', 'ingest']);
/** Files of those folders that keep their own process: they spy on the console, write the environment, measure memory or crash children. */
const OWN_PROCESS = files([
  'ingest/sources/marker-leak',
  'ingest/sources/mllp/listen-command',
  'ingest/sources/mllp/memory',
  'ingest/sources/mllp/crash',
  'ingest/kit-folder-crash',
]);

/**
 * The server, report and storage tests share module graphs too (`isolate: false`; each storage
 * test opens its own store in its own folder or database), still checked against the OpenAPI
 * document, but for the files that mock a module, spy on stdout or write the environment. Measured
 * (load ~10, no PostgreSQL): test/server + test/reports 380 → 190 CPU-s, test/storage 276 → 169.
 */
const SHARED_SERVER = folders(['server', 'reports', 'storage']);
const SERVER_OWN_PROCESS = files([
  'server/serve-hosts',
  'reports/planning-wiring',
  'reports/synthesis-territories-wiring',
  'reports/pdf',
  'storage/planning-inputs',
  'storage/bundle-export',
]);

/**
 * Date-sensitive suites (calendar, date-time and kit readers, generator, HL7/FHIR/DICOM/XLSX times,
 * indicators over local days and hours, formatting) run again in two more zones than the pinned UTC,
 * so a local-time bug cannot hide: Europe/Paris, the campaigns' zone (east of UTC, DST at 02:00 on
 * the last Sundays of March and October), and America/St_Johns, west of UTC (a UTC midnight is the
 * previous local day), a half-hour offset (−3:30/−2:30) and North America's other transition dates.
 * test/time-zone.test.ts proves each run's Node really is in its zone.
 */
const ZONED = [
  'test/time-zone.test.ts',
  'test/core/calendar.test.ts',
  'test/core/properties.test.ts',
  'test/core/indicators.test.ts',
  'test/core/indicators/table-columns.test.ts',
  'test/core/views/campaign-views.test.ts',
  'test/core/views/benchmark-views.test.ts',
  'test/core/bundle/validate.test.ts',
  'test/ingest/date-time.test.ts',
  'test/ingest/campaign-window.test.ts',
  'test/ingest/cells.test.ts',
  'test/ingest/read-kit.test.ts',
  'test/ingest/kit-properties.test.ts',
  'test/ingest/kit/*.test.ts',
  'test/ingest/sources/hl7v2/{parse,adapter,slots,join-keys,deidentify}.test.ts',
  'test/ingest/sources/fhir/{fhir-adapter,slots,deidentify}.test.ts',
  'test/ingest/sources/dicom/adapter.test.ts',
  'test/ingest/sources/xlsx/{serial-date,read-kit-workbook,template}.test.ts',
  'test/export/xlsx.test.ts',
  'test/ingest/sources/reconcile/{reconcile,end-to-end,issues-csv}.test.ts',
  'test/ingest/sources/{ris-merge,assemble,patient-class}.test.ts',
  'test/generate/{years,slots,patients}.test.ts',
  'test/plan/oncall/{demand,queue,pooling}.test.ts',
  'test/plan/simulation/{calibrate,scenarios,next-available}.test.ts',
  'test/plan/durations/*.test.ts',
  'test/plan/territories/machines.test.ts',
  'test/plan/relevance/repeats.test.ts',
  'test/i18n/format.test.ts',
  'test/charts/trends.test.ts',
  'test/web/trends.test.ts',
  'test/reports/html.test.ts',
];

export default defineConfig({
  test: {
    // Each project names its files (a root `include` would be merged into every project's).
    // English messages whatever the developer's locale (the CLI follows LC_ALL/LC_MESSAGES/LANG).
    env: { TZ: 'UTC', LC_ALL: 'C.UTF-8', LC_MESSAGES: '', LANG: 'C.UTF-8' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (cores − 1) runs one file at a time on CI's 2 cores, most of them waiting on
    // I/O, a browser or a child process: two at a time took the suite from 812 s to 610 s there,
    // green, the timing assertions (warm vs cold, linear-time and fuzz budgets, e2e timeouts) included.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // Every answer of an app made in a test is checked against the OpenAPI document (test/helpers/openapi-setup.ts).
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.ts'],
          exclude: [...SHARED, ...SHARED_SERVER],
          setupFiles: ['test/helpers/openapi-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated (server)',
          include: SERVER_OWN_PROCESS,
          setupFiles: ['test/helpers/openapi-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'shared (server, storage)',
          include: SHARED_SERVER,
          exclude: SERVER_OWN_PROCESS,
          isolate: false,
          setupFiles: ['test/helpers/openapi-setup.ts'],
        },
      },
      { extends: true, test: { name: 'isolated (ingest)', include: OWN_PROCESS } },
      {
        extends: true,
        test: { name: 'shared', include: SHARED, exclude: OWN_PROCESS, isolate: false },
      },
      {
        extends: true,
        test: { name: 'Europe/Paris', include: ZONED, isolate: false, env: { TZ: 'Europe/Paris' } },
      },
      {
        extends: true,
        test: {
          name: 'America/St_Johns',
          include: ZONED,
          isolate: false,
          env: { TZ: 'America/St_Johns' },
        },
      },
    ],
  },
});
