// The role × route matrix of issue 15 against a real PostgreSQL server: a generated national kit
// (60 machines, 7 days) imported by the owner, the app run over a login role of plateau_app
// (row-level security on), six users — anonymous, site A (Île-de-France, INSEE 11), site B
// (Provence-Alpes-Côte d'Azur, 93), the region user of Île-de-France, a national user, an admin —
// logged in through POST /api/session. The table below gives every /api route (checked against
// the routes the app registers, so a new route without a line fails) the status each user gets,
// with A's and B's sites and machines, both regions' PDFs, on-call territories, relevance levels,
// uploads of A's rows by A (done) and by B (rejected), polling another user's upload, the register,
// FHIR and the admin routes; then what the allowed answers hold (a site user's lists only its own
// FINESS and machines, the region user's only its region's), the web app's screens served to all;
// and a second app with the HTTP checks switched off (AppOptions.unsafeSkipHttpChecks, test only):
// as site A it still gets nothing of B, and the app role's connection under A's scope reads no
// foreign row in any table holding site data: row-level security alone holds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessScope } from '../../src/core/access.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import type { UploadStatus } from '../../src/core/views/types.ts';
import { generateKit } from '../../src/generate/index.ts';
import { generateSiteKey } from '../../src/ingest/bundle/index.ts';
import { closePdfBrowser } from '../../src/reports/pdf.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import { createApp } from '../../src/server/app.ts';
import type { Store } from '../../src/storage/index.ts';
import { addUser, importKit, openStore } from '../../src/storage/index.ts';
import { scopedStore } from '../../src/storage/scoped-store.ts';
import { replaceSimulationChecks } from '../../src/storage/simulation-checks.ts';
import { paths } from '../../src/web/lib/paths.ts';
import type { PgPlace } from '../cli/pg-roles.ts';
import { PG_URL, pgPlace } from '../cli/pg-roles.ts';
import { pdfToolsAvailable } from '../reports/pdf-tools.ts';
import { CHEAP, cookieOf, login } from './auth-helpers.ts';
import { kitFiles, uploadForm } from './helpers.ts';
import { siteKit } from '../helpers/site-kit.ts';
import { blankStatusQuo } from '../helpers/status-quo.ts';

const WHO = ['anon', 'siteA', 'siteB', 'region', 'national', 'admin'] as const;
type Who = (typeof WHO)[number];
type User = Exclude<Who, 'anon'>;
const USERS: readonly User[] = ['siteA', 'siteB', 'region', 'national', 'admin'];

/** Region X (site A's, the region user's) and region Y (site B's), as INSEE codes and kit names. */
const X = { code: '11', name: 'Île-de-France' };
const Y = { code: '93', name: "Provence-Alpes-Côte d'Azur" };
const SEED = 15;
const ID = `synthetic-${SEED}`;
const base = `/api/campaigns/${ID}`;
const WEB_ROOT = join(import.meta.dirname, '../../dist/web');
const HAS_WEB = existsSync(join(WEB_ROOT, 'index.html'));

const emailOf = (who: User): string => `${who.toLowerCase()}@matrix.example`;
const passwordOf = (who: User): string => `matrix-password-${who}-Aa1!`;

/** Everything the tests share, set up once. */
interface World {
  kit: Kit;
  place: PgPlace;
  owner: Store;
  appStore: Store;
  app: PlateauApp;
  /** The app with the HTTP checks off (test-only switch). */
  unchecked: PlateauApp;
  A: string;
  B: string;
  /** A machine of A, of B. */
  mA: string;
  mB: string;
  /** A's département (its on-call territory). */
  depA: string;
  /** Every site's INSEE region, as the import stored it. */
  regionOf: Map<string, string | null>;
  machinesOf: Map<string, string[]>;
  sessions: Map<User, { cookie: string; csrf: string }>;
  uncheckedSessions: Map<User, { cookie: string; csrf: string }>;
  /** Upload jobs made by the matrix, by user. */
  jobs: Map<User, string>;
  files: {
    ownA: Map<string, Uint8Array>;
    national: Map<string, Uint8Array>;
    admin: Map<string, Uint8Array>;
    register: Uint8Array;
  };
  log: string[];
}

let w: World;

async function logIn(app: PlateauApp, who: User): Promise<{ cookie: string; csrf: string }> {
  const response = await login(app, emailOf(who), passwordOf(who));
  if (response.status !== 200)
    throw new Error(`login ${who}: ${response.status} ${await response.text()}`);
  return { cookie: cookieOf(response), csrf: ((await response.json()) as { csrf: string }).csrf };
}

/** A request as `who` (no cookie for anon; the CSRF header on anything but GET). */
function as(
  app: PlateauApp,
  session: { cookie: string; csrf: string } | null,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session) {
    headers.set('cookie', session.cookie);
    if (init.method && init.method !== 'GET') headers.set('x-csrf-token', session.csrf);
  }
  return Promise.resolve(app.request(path, { ...init, headers }));
}

const request = (who: Who, path: string, init: RequestInit = {}): Promise<Response> =>
  as(w.app, who === 'anon' ? null : w.sessions.get(who)!, path, init);

/** Every identity of a site in the JSON: its FINESS, its machines' ids, its name (when no seen site's name holds it). */
function foreignIdentities(
  seen: ReadonlySet<string>,
): { finess: string; what: string; re: RegExp }[] {
  const seenNames = w.kit.establishments.filter((e) => seen.has(e.finess)).map((e) => e.name);
  const out: { finess: string; what: string; re: RegExp }[] = [];
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const e of w.kit.establishments) {
    if (seen.has(e.finess)) continue;
    out.push({
      finess: e.finess,
      what: `FINESS ${e.finess}`,
      re: new RegExp(`(?<![0-9])${e.finess}(?![0-9])`),
    });
    for (const m of w.machinesOf.get(e.finess) ?? [])
      out.push({
        finess: e.finess,
        what: `machine ${m}`,
        re: new RegExp(`(?<![A-Za-z0-9])${escape(m)}(?![0-9])`),
      });
    if (!seenNames.some((n) => n.includes(e.name)))
      out.push({
        finess: e.finess,
        what: `name ${e.name}`,
        re: new RegExp(escape(JSON.stringify(e.name).slice(1, -1))),
      });
  }
  return out;
}

/** Fails naming the first identity of a site outside `seen` found in `text`. */
function expectOnly(text: string, seen: ReadonlySet<string>, where: string): void {
  const found = foreignIdentities(seen).filter((f) => f.re.test(text));
  expect(
    found.map((f) => f.what),
    `${where}: foreign identities`,
  ).toEqual([]);
}

/** The FINESS of the sites in INSEE region `code`. */
const sitesIn = (code: string): Set<string> =>
  new Set([...w.regionOf].filter(([, r]) => r === code).map(([f]) => f));

beforeAll(async () => {
  if (!PG_URL) return;
  const started = performance.now();
  const kit = generateKit({ machines: 60, days: 7, seed: SEED });
  const place = await pgPlace(PG_URL);
  const owner = await openStore({ url: place.ownerUrl });
  await importKit(owner, kit);
  const machinesOf = new Map<string, string[]>();
  for (const m of kit.equipment)
    machinesOf.set(m.finess, [...(machinesOf.get(m.finess) ?? []), m.equipmentId]);
  const byRegion = (name: string): string =>
    kit.establishments.find((e) => e.region === name && machinesOf.has(e.finess))!.finess;
  const A = byRegion(X.name);
  const B = byRegion(Y.name);
  const regionOf = new Map(
    (
      await owner.db.query<{ finess: string; insee_region: string | null }>(
        `select finess, insee_region from establishments where campaign_id = $1`,
        [ID],
      )
    ).map((r) => [r.finess, r.insee_region]),
  );
  // Every machine has a stored simulation check: the table is not empty when its rows are counted.
  const checks = kit.equipment.map((m) => ({
    equipmentId: m.equipmentId,
    reproduces: true,
    failing: [],
    statusQuo: blankStatusQuo(),
    replications: 20,
    seed: 1,
  }));
  await replaceSimulationChecks(owner, ID, checks);
  for (const who of USERS) {
    const extra =
      who === 'siteA'
        ? { finess: [A] }
        : who === 'siteB'
          ? { finess: [B] }
          : who === 'region'
            ? { region: X.code }
            : {};
    const role = who === 'siteA' || who === 'siteB' ? 'site' : who;
    await addUser(
      owner,
      { email: emailOf(who), role, password: passwordOf(who), ...extra },
      { scrypt: CHEAP },
    );
  }
  // Accounts the admin routes disable and reset.
  await addUser(
    owner,
    {
      email: 'victim@matrix.example',
      role: 'site',
      finess: [B],
      password: 'a victim password Zz9!',
    },
    { scrypt: CHEAP },
  );
  const appStore = await openStore({ url: await place.loginRole(), migrate: false });
  const log: string[] = [];
  const app = createApp({
    store: appStore,
    accounts: { scrypt: CHEAP },
    log: (line) => void log.push(line),
    ...(HAS_WEB ? { webRoot: WEB_ROOT } : {}),
  });
  const unchecked = createApp({
    store: appStore,
    accounts: { scrypt: CHEAP },
    log: (line) => void log.push(line),
    unsafeSkipHttpChecks: true,
  });
  const sessions = new Map<User, { cookie: string; csrf: string }>();
  const uncheckedSessions = new Map<User, { cookie: string; csrf: string }>();
  for (const who of USERS) {
    sessions.set(who, await logIn(app, who));
    uncheckedSessions.set(who, await logIn(unchecked, who));
  }
  const all = await kitFiles(kit);
  const ownA = siteKit(kit, [A]);
  w = {
    kit,
    place,
    owner,
    appStore,
    app,
    unchecked,
    A,
    B,
    mA: machinesOf.get(A)![0]!,
    mB: machinesOf.get(B)![0]!,
    depA: kit.establishments.find((e) => e.finess === A)!.department ?? 'none',
    regionOf,
    machinesOf,
    sessions,
    uncheckedSessions,
    jobs: new Map(),
    files: {
      ownA: await kitFiles(ownA),
      national: await kitFiles({
        ...ownA,
        campaign: { ...ownA.campaign, id: 'matrix-national-upload' },
      }),
      admin: await kitFiles({ ...ownA, campaign: { ...ownA.campaign, id: 'matrix-admin-upload' } }),
      register: all.get('equipment-register.csv')!,
    },
    log,
  };
  console.log(
    `access matrix: set up in ${Math.round(performance.now() - started)} ms (A ${A}, B ${B})`,
  );
}, 120_000);

afterAll(async () => {
  if (notPrinted.length > 0)
    console.log(
      `access matrix: allowed site PDFs not printed (PLATEAU_MATRIX_PDFS=all prints them): ${notPrinted.join('; ')}`,
    );
  await closePdfBrowser();
  await w?.appStore.close();
  await w?.owner.close();
  await w?.place.dispose();
});

// ---------------------------------------------------------------------------------------------
// The matrix.

/** A status, or `ok` for any 2xx. */
type Outcome = number | 'ok';
type Expect = Record<Who, Outcome>;
/** The outcomes of anon, site A, site B, region X, national, admin, in this order. */
const e = (
  anon: Outcome,
  siteA: Outcome,
  siteB: Outcome,
  region: Outcome,
  national: Outcome,
  admin: Outcome,
): Expect => ({ anon, siteA, siteB, region, national, admin });
const ALL_USERS = e(401, 200, 200, 200, 200, 200);
const PUBLIC = e(200, 200, 200, 200, 200, 200);
const NATIONAL_ONLY = e(401, 403, 403, 403, 200, 200);
const ADMIN_ONLY = (ok: number): Expect => e(401, 403, 403, 403, 403, ok);
/** Site A's (or its machine's) row: A, region X, national, admin; B 404 as unknown. */
const OF_A = e(401, 200, 404, 200, 200, 200);
/** Site B's: B, national, admin; A and region X 404 as unknown. */
const OF_B = e(401, 404, 200, 404, 200, 200);

interface Line {
  /** The route as the app registers it: `METHOD /api/...`. */
  route: string;
  /** What this line asks (params). */
  label: string;
  path: (who: Who) => string;
  init?: (who: Who) => RequestInit;
  expect: Expect;
  /**
   * A PDF route: the allowed cells of `prints` are printed (needs Chromium); with
   * PLATEAU_MATRIX_PDFS=all every allowed cell is. A print takes 8 to 11 s here, so by default
   * the other allowed cells of the region and national routes are asked of a campaign that does
   * not exist: past the scope check (403 otherwise) they get its 404. The site route checks the
   * scope after loading the campaign: its other allowed cells are printed only with =all.
   */
  pdf?: { prints: Who[] };
  /** Each user logs in anew first (the line revokes its session). */
  fresh?: boolean;
  after?: (who: Who, response: Response) => Promise<void>;
}

const get = (
  route: string,
  label: string,
  path: (who: Who) => string,
  expect: Expect,
  more: Partial<Line> = {},
): Line => ({ route: `GET ${route}`, label, path, expect, ...more });
const post = (
  route: string,
  label: string,
  path: (who: Who) => string,
  init: (who: Who) => RequestInit,
  expect: Expect,
  more: Partial<Line> = {},
): Line => ({
  route: `POST ${route}`,
  label,
  path,
  init,
  expect,
  ...more,
});
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const C = '/api/campaigns/:id';

/** Polls an upload as `who` until it settles. */
async function settle(who: User, id: string): Promise<UploadStatus> {
  for (let i = 0; i < 3000; i++) {
    const status = (await (await request(who, `/api/uploads/${id}`)).json()) as UploadStatus;
    if (['done', 'rejected', 'failed'].includes(status.state)) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`upload ${id} never settled`);
}

function matrix(): Line[] {
  const site = (who: Who): string => (who === 'siteB' ? w.B : w.A);
  return [
    get('/api/health', '', () => '/api/health', PUBLIC),
    get('/api/openapi.json', '', () => '/api/openapi.json', PUBLIC),
    get('/api/session', '', () => '/api/session', ALL_USERS),
    post(
      '/api/session',
      'own credentials (anon: unknown e-mail)',
      () => '/api/session',
      (who) =>
        json(
          who === 'anon'
            ? { email: 'nobody@matrix.example', password: 'x' }
            : { email: emailOf(who), password: passwordOf(who) },
        ),
      e(401, 200, 200, 200, 200, 200),
    ),
    {
      route: 'DELETE /api/session',
      label: 'a fresh session',
      path: () => '/api/session',
      init: () => ({ method: 'DELETE' }),
      expect: e(401, 204, 204, 204, 204, 204),
      fresh: true,
    },
    get('/api/campaigns', '', () => '/api/campaigns', ALL_USERS),
    get(C, '', () => base, ALL_USERS),
    get(`${C}/benchmark`, 'modality=CT', () => `${base}/benchmark?modality=CT`, ALL_USERS),
    get(`${C}/regions`, '', () => `${base}/regions`, ALL_USERS),
    get(`${C}/establishments`, '', () => `${base}/establishments`, ALL_USERS),
    get(`${C}/establishments/:finess`, 'A', () => `${base}/establishments/${w.A}`, OF_A),
    get(`${C}/establishments/:finess`, 'B', () => `${base}/establishments/${w.B}`, OF_B),
    get(`${C}/quality`, '', () => `${base}/quality`, NATIONAL_ONLY),
    get(`${C}/machines`, '', () => `${base}/machines`, ALL_USERS),
    get(`${C}/machines/:equipmentId`, "A's", () => `${base}/machines/${w.mA}`, OF_A),
    get(`${C}/machines/:equipmentId`, "B's", () => `${base}/machines/${w.mB}`, OF_B),
    get(
      `${C}/machines/:equipmentId/timeline`,
      "A's",
      () => `${base}/machines/${w.mA}/timeline`,
      OF_A,
    ),
    get(
      `${C}/machines/:equipmentId/timeline`,
      "B's",
      () => `${base}/machines/${w.mB}/timeline`,
      OF_B,
    ),
    get(
      `${C}/machines/:equipmentId/heatmap`,
      "A's",
      () => `${base}/machines/${w.mA}/heatmap`,
      OF_A,
    ),
    get(
      `${C}/machines/:equipmentId/heatmap`,
      "B's",
      () => `${base}/machines/${w.mB}/heatmap`,
      OF_B,
    ),
    get(`${C}/trends`, 'modality=CT', () => `${base}/trends?modality=CT`, ALL_USERS),
    get(
      `${C}/trends/regions/:region`,
      'region X',
      () => `${base}/trends/regions/${encodeURIComponent(X.name)}`,
      e(401, 403, 403, 200, 200, 200),
    ),
    get(
      `${C}/trends/regions/:region`,
      'region Y',
      () => `${base}/trends/regions/${encodeURIComponent(Y.name)}`,
      NATIONAL_ONLY,
    ),
    get(
      `${C}/trends/establishments/:finess`,
      'A',
      () => `${base}/trends/establishments/${w.A}`,
      OF_A,
    ),
    get(
      `${C}/trends/establishments/:finess`,
      'B',
      () => `${base}/trends/establishments/${w.B}`,
      OF_B,
    ),
    get(`${C}/trends/machines/:equipmentId`, "A's", () => `${base}/trends/machines/${w.mA}`, OF_A),
    get(`${C}/trends/machines/:equipmentId`, "B's", () => `${base}/trends/machines/${w.mB}`, OF_B),
    get(`${C}/costs`, 'every visible site', () => `${base}/costs`, ALL_USERS),
    get(`${C}/costs`, 'finess=A', () => `${base}/costs?finess=${w.A}`, OF_A),
    get(`${C}/costs`, 'finess=B', () => `${base}/costs?finess=${w.B}`, OF_B),
    get(`${C}/relevance`, 'default level', () => `${base}/relevance`, ALL_USERS),
    get(`${C}/relevance`, 'level=site', () => `${base}/relevance?level=site`, ALL_USERS),
    get(
      `${C}/relevance`,
      'level=department',
      () => `${base}/relevance?level=department`,
      e(401, 403, 403, 200, 200, 200),
    ),
    get(
      `${C}/relevance`,
      'level=region',
      () => `${base}/relevance?level=region`,
      e(401, 403, 403, 200, 200, 200),
    ),
    get(
      `${C}/oncall`,
      "A's département",
      () => `${base}/oncall?department=${w.depA}`,
      e(401, 403, 403, 200, 200, 200),
    ),
    get(
      `${C}/oncall`,
      'region X',
      () => `${base}/oncall?region=${X.code}`,
      e(401, 403, 403, 200, 200, 200),
    ),
    get(`${C}/oncall`, 'region Y', () => `${base}/oncall?region=${Y.code}`, NATIONAL_ONLY),
    get(
      `${C}/oncall`,
      'sites=A,B',
      () => `${base}/oncall?sites=${w.A},${w.B}`,
      e(401, 403, 403, 404, 200, 200),
    ),
    get(
      `${C}/simulation/model`,
      "A's machine",
      () => `${base}/simulation/model?machines=${w.mA}`,
      OF_A,
    ),
    get(
      `${C}/simulation/model`,
      "B's machine",
      () => `${base}/simulation/model?machines=${w.mB}`,
      OF_B,
    ),
    get(`${C}/simulation/checks`, '', () => `${base}/simulation/checks`, ALL_USERS),
    get(`${C}/territories`, '', () => `${base}/territories`, ALL_USERS),
    get('/api/references', '', () => '/api/references', ALL_USERS),
    get('/api/kit-template.xlsx', '', () => '/api/kit-template.xlsx', ALL_USERS),
    get(`${C}/reports/site/:finess.pdf`, 'A', () => `${base}/reports/site/${w.A}.pdf`, OF_A, {
      pdf: { prints: ['siteA'] },
    }),
    get(`${C}/reports/site/:finess.pdf`, 'B', () => `${base}/reports/site/${w.B}.pdf`, OF_B, {
      pdf: { prints: [] },
    }),
    get(
      `${C}/reports/region/:region.pdf`,
      'region X',
      () => `${base}/reports/region/${encodeURIComponent(X.name)}.pdf`,
      e(401, 403, 403, 200, 200, 200),
      { pdf: { prints: ['region'] } },
    ),
    get(
      `${C}/reports/region/:region.pdf`,
      'region Y',
      () => `${base}/reports/region/${encodeURIComponent(Y.name)}.pdf`,
      NATIONAL_ONLY,
      { pdf: { prints: [] } },
    ),
    get(`${C}/reports/national.pdf`, '', () => `${base}/reports/national.pdf`, NATIONAL_ONLY, {
      pdf: { prints: ['national'] },
    }),
    post(
      `${C}/register`,
      "the kit's own register (unchanged)",
      () => `${base}/register`,
      () => ({
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: new Uint8Array(w.files.register),
      }),
      NATIONAL_ONLY,
      {
        after: async (who, response) => {
          if (response.status === 200)
            expect(((await response.json()) as { changed: boolean }).changed, who).toBe(false);
        },
      },
    ),
    post(
      '/api/fhir',
      'an empty Bundle (503: no FHIR mapping configured, past the guard)',
      () => '/api/fhir',
      () => ({ method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: '{}' }),
      e(401, 403, 403, 403, 503, 503),
    ),
    post(
      '/api/uploads',
      "A's own rows (site users; B's job is rejected), a one-site kit of a new campaign (national, admin)",
      () => '/api/uploads',
      (who) => ({
        method: 'POST',
        body: uploadForm(
          who === 'national' ? w.files.national : who === 'admin' ? w.files.admin : w.files.ownA,
        ),
      }),
      e(401, 202, 202, 403, 202, 202),
      {
        after: async (who, response) => {
          if (response.status !== 202 || who === 'anon') return;
          const { id } = (await response.json()) as UploadStatus;
          w.jobs.set(who, id);
          const status = await settle(who, id);
          if (status.state === 'failed')
            console.log(w.log.filter((l) => l.startsWith('upload failed')).join('\n'));
          expect(
            [status.state, status.campaignId],
            `${who}'s upload: ${status.error?.message ?? ''}`,
          ).toEqual([
            who === 'siteB' ? 'rejected' : 'done',
            who === 'siteB'
              ? null
              : who === 'national'
                ? 'matrix-national-upload'
                : who === 'admin'
                  ? 'matrix-admin-upload'
                  : ID,
          ]);
          if (who === 'siteB')
            expect(status.error?.message).toContain(
              `FINESS ${w.A} is not one of your establishments`,
            );
        },
      },
    ),
    get(
      '/api/uploads/:id',
      "site A's upload",
      () => `/api/uploads/${w.jobs.get('siteA') ?? 'none'}`,
      e(401, 200, 404, 404, 404, 200),
    ),
    get('/api/admin/users', '', () => '/api/admin/users', ADMIN_ONLY(200)),
    post(
      '/api/admin/users',
      'a new site user',
      () => '/api/admin/users',
      (who) =>
        json({
          email: `new-${who.toLowerCase()}@matrix.example`,
          role: 'site',
          finess: [site(who)],
          password: 'a new password Yy8!',
        }),
      ADMIN_ONLY(201),
    ),
    post(
      '/api/admin/users/:email/disable',
      'victim',
      () => '/api/admin/users/victim@matrix.example/disable',
      () => ({ method: 'POST' }),
      ADMIN_ONLY(200),
    ),
    post(
      '/api/admin/users/:email/reset',
      'victim',
      () => '/api/admin/users/victim@matrix.example/reset',
      () => json({ password: 'another password Xx7!' }),
      ADMIN_ONLY(200),
    ),
    get('/api/admin/audit', 'limit=5', () => '/api/admin/audit?limit=5', ADMIN_ONLY(200)),
    // Issue 16: bundles. An unsigned body is refused past the guard (400); a region user never imports.
    post(
      '/api/bundles',
      'an unsigned body (400 past the guard)',
      () => '/api/bundles',
      () => json({}),
      e(401, 400, 400, 403, 400, 400),
    ),
    get('/api/admin/bundle-keys', '', () => '/api/admin/bundle-keys', ADMIN_ONLY(200)),
    post(
      '/api/admin/bundle-keys',
      "a new key of the user's site",
      () => '/api/admin/bundle-keys',
      (who) => json({ finess: site(who), publicKey: generateSiteKey().publicPem }),
      ADMIN_ONLY(201),
    ),
    {
      route: 'DELETE /api/admin/bundle-keys/:keyId',
      label: 'an unknown key (404 past the guard)',
      path: () => '/api/admin/bundle-keys/0000000000000000',
      init: () => ({ method: 'DELETE' }),
      expect: ADMIN_ONLY(404),
    },
  ];
}

/** `GET /api/...` routes the app registers (methods other than the 405 fallback). */
function registeredRoutes(app: PlateauApp): Set<string> {
  return new Set(
    app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${r.path}`),
  );
}

const printing = pdfToolsAvailable();
/** PLATEAU_MATRIX_PDFS=all: print every allowed PDF cell (about 2 minutes more). */
const ALL_PDFS = process.env['PLATEAU_MATRIX_PDFS'] === 'all';
/** The allowed site-PDF cells left unprinted (said at the end). */
const notPrinted: string[] = [];

// ---------------------------------------------------------------------------------------------
// What the allowed answers hold.

/** The campaign's FINESS and machine ids found in `text`. */
function identitiesIn(text: string): { finess: Set<string>; machines: Set<string> } {
  const finess = new Set(
    w.kit.establishments
      .map((e) => e.finess)
      .filter((f) => new RegExp(`(?<![0-9])${f}(?![0-9])`).test(text)),
  );
  const machines = new Set(
    w.kit.equipment
      .map((m) => m.equipmentId)
      .filter((m) => new RegExp(`(?<![A-Za-z0-9])${m}(?![0-9])`).test(text)),
  );
  return { finess, machines };
}

const sorted = (s: Iterable<string>): string[] => [...s].sort();
const machinesOfSites = (sites: ReadonlySet<string>): string[] =>
  sorted(w.kit.equipment.filter((m) => sites.has(m.finess)).map((m) => m.equipmentId));

async function textAs(who: User, path: string, app: PlateauApp = w.app): Promise<string> {
  const response = await as(
    app,
    (app === w.app ? w.sessions : w.uncheckedSessions).get(who)!,
    path,
  );
  const text = await response.text();
  expect(response.status, `${who} ${path}: ${text.slice(0, 200)}`).toBe(200);
  return text;
}

describe.skipIf(!PG_URL)('what the allowed answers hold', () => {
  const LISTS = [
    '/api/campaigns',
    base,
    `${base}/benchmark`,
    `${base}/benchmark?modality=MR`,
    `${base}/regions`,
    `${base}/establishments`,
    `${base}/machines`,
    `${base}/costs`,
    `${base}/simulation/checks`,
    `${base}/relevance?level=site`,
  ];

  it('the kit has two regions and at least 5 machines per modality nationally (peer groups with values)', () => {
    expect(w.regionOf.get(w.A)).toBe(X.code);
    expect(w.regionOf.get(w.B)).toBe(Y.code);
    for (const modality of ['CT', 'MR'])
      expect(
        w.kit.equipment.filter((m) => m.modality === modality).length,
        modality,
      ).toBeGreaterThanOrEqual(5);
    expect(sitesIn(X.code).size).toBeGreaterThan(1);
  });

  it("a site user's lists hold its own FINESS and machines only, no identity of another site anywhere", async () => {
    for (const [who, site] of [
      ['siteA', w.A],
      ['siteB', w.B],
    ] as const) {
      const own = new Set([site]);
      for (const path of LISTS) expectOnly(await textAs(who, path), own, `${who} ${path}`);
      const listing = identitiesIn(await textAs(who, `${base}/establishments`));
      expect(sorted(listing.finess), `${who} establishments`).toEqual([site]);
      expect(
        sorted(identitiesIn(await textAs(who, `${base}/machines`)).machines),
        `${who} machines`,
      ).toEqual(machinesOfSites(own));
    }
  });

  it("the region user's lists hold its region's sites only; the national user's every site", async () => {
    const mine = sitesIn(X.code);
    for (const path of LISTS.filter((p) => !p.includes('relevance')))
      expectOnly(await textAs('region', path), mine, `region ${path}`);
    expectOnly(await textAs('region', `${base}/relevance?level=region`), mine, 'region relevance');
    expect(sorted(identitiesIn(await textAs('region', `${base}/establishments`)).finess)).toEqual(
      sorted(mine),
    );
    expect(sorted(identitiesIn(await textAs('region', `${base}/machines`)).machines)).toEqual(
      machinesOfSites(mine),
    );
    const every = new Set(w.kit.establishments.map((e) => e.finess));
    for (const who of ['national', 'admin'] as const) {
      expect(sorted(identitiesIn(await textAs(who, `${base}/establishments`)).finess), who).toEqual(
        sorted(every),
      );
      expect(sorted(identitiesIn(await textAs(who, `${base}/machines`)).machines), who).toEqual(
        machinesOfSites(every),
      );
    }
  });

  it("a site's benchmark has peer quantiles (stored groups of at least 5 machines), like the national one", async () => {
    type Bench = Record<string, unknown>;
    const national = JSON.parse(await textAs('national', `${base}/benchmark?modality=CT`)) as Bench;
    const site = JSON.parse(await textAs('siteA', `${base}/benchmark?modality=CT`)) as Bench;
    // Same figures' P50 wherever the national benchmark has one (the stored group is the same pool).
    const p50s = (b: Bench): number[] =>
      JSON.stringify(b)
        .match(/"p50":(-?[0-9.e+-]+)/g)
        ?.map((m) => Number(m.slice(6))) ?? [];
    expect(p50s(site).length).toBeGreaterThan(0);
    expect(p50s(site).slice(0, 5)).toEqual(p50s(national).slice(0, 5));
  });
});

// ---------------------------------------------------------------------------------------------
// The web app's screens: the same shell for everyone (the SPA shows the login page).

/** One address of every screen of the web app (src/web/lib/router.ts PATTERNS), with A's and B's params. */
const screens = (): string[] => [
  paths.home(),
  paths.upload(),
  paths.campaign(ID),
  paths.regions(ID),
  paths.region(ID, Y.name),
  paths.establishments(ID),
  paths.establishment(ID, w.B),
  paths.machine(ID, w.mB),
  paths.quality(ID),
  paths.territories(ID),
  paths.territory(ID, '06'),
  paths.oncall(ID, { region: Y.code }),
  paths.adminUsers(),
  paths.adminAudit(),
];

describe.skipIf(!PG_URL)('the web app’s screens', () => {
  if (!HAS_WEB)
    console.warn(
      `access matrix: the web app is not built (no ${WEB_ROOT}/index.html; npm run build): its screens are not checked`,
    );
  it.skipIf(!HAS_WEB)('serve the same app shell to every user, anonymous included', async () => {
    const shell = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
    expect(screens()).toHaveLength(14);
    for (const path of screens()) {
      for (const who of WHO) {
        const response = await request(who, path);
        expect([response.status, response.headers.get('content-type')], `${who} ${path}`).toEqual([
          200,
          'text/html; charset=UTF-8',
        ]);
        expect(await response.text(), `${who} ${path}`).toBe(shell);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The HTTP checks off: row-level security alone.

describe.skipIf(!PG_URL)(
  'with the HTTP checks switched off (test-only switch), the database still returns no foreign row',
  () => {
    const uget = (who: User, path: string): Promise<Response> =>
      as(w.unchecked, w.uncheckedSessions.get(who)!, path);

    it('the switch is on: a site user passes the scope checks (quality, oncall, region PDF are no longer 403)', async () => {
      for (const path of [
        `${base}/quality`,
        `${base}/oncall?region=${Y.code}`,
        `${base}/relevance?level=region`,
        '/api/admin/audit',
      ]) {
        const response = await uget('siteA', path);
        expect(response.status, path).not.toBe(403);
        await response.arrayBuffer();
      }
    });

    it(
      "as site A: B's establishment, machine, timeline, heatmap, costs, simulation model, PDFs and on-call are unknown (404)",
      { timeout: 60_000 },
      async () => {
        const depB = w.kit.establishments.find((x) => x.finess === w.B)!.department ?? 'none';
        for (const path of [
          `${base}/establishments/${w.B}`,
          `${base}/machines/${w.mB}`,
          `${base}/machines/${w.mB}/timeline`,
          `${base}/machines/${w.mB}/heatmap`,
          `${base}/costs?finess=${w.B}`,
          `${base}/simulation/model?machines=${w.mB}`,
          `${base}/reports/site/${w.B}.pdf`,
          `${base}/reports/region/${encodeURIComponent(Y.name)}.pdf`,
          `${base}/oncall?region=${Y.code}`,
          `${base}/oncall?department=${depB}`,
          `${base}/oncall?sites=${w.B}`,
        ]) {
          const response = await uget('siteA', path);
          const text = await response.text();
          expect(response.status, `${path}: ${text.slice(0, 200)}`).toBe(404);
        }
      },
    );

    it(
      'as site A: every list, the benchmark, quality, relevance and the audit log hold nothing of another site',
      { timeout: 60_000 },
      async () => {
        // An import issue naming B, which only national and admin scopes may read.
        await w.owner.db.query(
          `insert into import_issues (campaign_id, source, ordinal, severity, code, file, line, column_name, message)
       values ($1, 'matrix', 1, 'warning', 'matrix-test', 'establishments.csv', 3, 'finess', $2) on conflict do nothing`,
          [ID, `a warning about ${w.B}`],
        );
        expect(await textAs('national', `${base}/quality`)).toContain(`a warning about ${w.B}`);
        const own = new Set([w.A]);
        for (const path of [
          '/api/campaigns',
          base,
          `${base}/benchmark`,
          `${base}/benchmark?modality=MR`,
          `${base}/regions`,
          `${base}/establishments`,
          `${base}/machines`,
          `${base}/costs`,
          `${base}/simulation/checks`,
          `${base}/quality`,
          `${base}/relevance?level=site`,
          `${base}/relevance?level=department`,
          `${base}/relevance?level=region`,
        ]) {
          expectOnly(await textAs('siteA', path, w.unchecked), own, `unchecked site A ${path}`);
        }
        const quality = JSON.parse(await textAs('siteA', `${base}/quality`, w.unchecked)) as {
          issues: unknown[];
        };
        expect(quality.issues).toEqual([]);
        const auditLog = JSON.parse(
          await textAs('siteA', '/api/admin/audit?limit=1000', w.unchecked),
        ) as { entries: unknown[] };
        expect(auditLog.entries).toEqual([]);
      },
    );

    it(
      "as the region user: another region's sites are unknown, its lists hold its region only",
      { timeout: 60_000 },
      async () => {
        for (const path of [
          `${base}/establishments/${w.B}`,
          `${base}/machines/${w.mB}`,
          `${base}/reports/region/${encodeURIComponent(Y.name)}.pdf`,
          `${base}/oncall?region=${Y.code}`,
        ]) {
          const response = await uget('region', path);
          expect(response.status, `${path}: ${(await response.text()).slice(0, 200)}`).toBe(404);
        }
        for (const path of [
          `${base}/benchmark`,
          `${base}/establishments`,
          `${base}/machines`,
          `${base}/costs`,
          `${base}/quality`,
          `${base}/relevance?level=region`,
        ]) {
          expectOnly(
            await textAs('region', path, w.unchecked),
            sitesIn(X.code),
            `unchecked region ${path}`,
          );
        }
      },
    );

    it("as site A: the register (every site's fleet) cannot be written, the database refuses", async () => {
      const count = async (): Promise<unknown> =>
        (
          await w.owner.db.query(
            `select count(*)::int as n, max(equipment_id) as m from register_machines where campaign_id = $1`,
            [ID],
          )
        )[0];
      const before = await count();
      const body = new TextEncoder().encode(
        [
          'finess,department,modality,sector,authorised_on,in_service_on,installed_year,field_tesla,equipment_id',
          `${w.A},75,CT,hospital,,,2010,,ZZ-MATRIX`,
        ].join('\n'),
      );
      const response = await as(
        w.unchecked,
        w.uncheckedSessions.get('siteA')!,
        `${base}/register`,
        { method: 'POST', headers: { 'content-type': 'text/csv' }, body },
      );
      expect(response.status, await response.text()).toBeGreaterThanOrEqual(400);
      expect(await count()).toEqual(before);
    });

    /** Tables holding a site's rows, and how a row names its site. */
    const SITE_TABLES = [
      'establishments',
      'equipment',
      'survey_answers',
      'bundle_sites',
      'bundle_keys',
    ];
    const MACHINE_TABLES = [
      'sessions',
      'exams',
      'machine_results',
      'machine_samples',
      'costs',
      'slots',
      'simulation_checks',
    ];

    it('every table naming a site or a machine is checked (the public register aside)', async () => {
      const rows = await w.owner.db.query<{ table_name: string }>(
        `select distinct table_name from information_schema.columns
        where table_schema = current_schema() and column_name in ('finess', 'equipment_id') order by 1`,
      );
      expect(
        rows
          .map((r) => r.table_name)
          .filter((t) => !['register_machines', 'users'].includes(t))
          .sort(),
      ).toEqual([...SITE_TABLES, ...MACHINE_TABLES].sort());
    });

    it("the app role's connection under site A's (and region X's) scope reads no foreign row of any table holding site data", async () => {
      const siteA: AccessScope = { kind: 'site', userId: 1, finess: [w.A] };
      const region: AccessScope = { kind: 'region', userId: 2, region: X.code };
      const machineSite = new Map(w.kit.equipment.map((m) => [m.equipmentId, m.finess]));
      const counts: Record<string, [own: number, foreign: number]> = {};
      for (const [name, scope, sites] of [
        ['siteA', siteA, new Set([w.A])],
        ['region', region, sitesIn(X.code)],
      ] as const) {
        const db = scopedStore(w.appStore, scope).db;
        for (const table of SITE_TABLES) {
          const rows = await db.query<{ finess: string }>(`select finess from ${table}`);
          counts[`${name} ${table}`] = [
            rows.filter((r) => sites.has(r.finess)).length,
            rows.filter((r) => !sites.has(r.finess)).length,
          ];
        }
        for (const table of MACHINE_TABLES) {
          const rows = await db.query<{ equipment_id: string; campaign_id: string }>(
            `select campaign_id, equipment_id from ${table}`,
          );
          const mine = (r: { equipment_id: string; campaign_id: string }): boolean =>
            sites.has((r.campaign_id === ID ? machineSite.get(r.equipment_id) : w.A) ?? '');
          counts[`${name} ${table}`] = [
            rows.filter(mine).length,
            rows.filter((r) => !mine(r)).length,
          ];
        }
        counts[`${name} import_issues`] = [
          0,
          Number(
            (await db.query<{ n: number }>(`select count(*)::int as n from import_issues`))[0]!.n,
          ),
        ];
        counts[`${name} audit_log`] = [
          0,
          Number((await db.query<{ n: number }>(`select count(*)::int as n from audit_log`))[0]!.n),
        ];
      }
      // No foreign row anywhere; own rows where the owner sees some.
      expect(Object.entries(counts).filter(([, [, foreign]]) => foreign > 0)).toEqual([]);
      const ownA = async (sql: string): Promise<number> =>
        Number((await w.owner.db.query<{ n: number }>(sql, [w.A]))[0]!.n);
      expect(counts['siteA exams']![0]).toBe(
        await ownA(
          `select count(*)::int as n from exams x join equipment e using (campaign_id, equipment_id) where e.finess = $1`,
        ),
      );
      expect(counts['siteA establishments']![0]).toBe(
        await ownA(`select count(*)::int as n from establishments where finess = $1`),
      );
      for (const t of [
        'equipment',
        'sessions',
        'exams',
        'machine_results',
        'costs',
        'simulation_checks',
      ])
        expect(counts[`siteA ${t}`]![0], t).toBeGreaterThan(0);
      // A connection that set no scope sees no site row at all.
      expect(await w.appStore.db.query(`select finess from establishments`)).toEqual([]);
    });
  },
);

// The matrix last: its uploads re-import site A (which drops the simulation checks of A's machines).
describe.skipIf(!PG_URL)(
  'the role × route matrix (PostgreSQL, app as a plateau_app login role)',
  () => {
    it('covers every /api route the app registers', () => {
      const lines = new Set(matrix().map((l) => l.route));
      expect(
        [...registeredRoutes(w.app)].filter((r) => !lines.has(r)),
        'routes without a line in the matrix',
      ).toEqual([]);
      expect(
        [...lines].filter((r) => !registeredRoutes(w.app).has(r)),
        'lines naming no route',
      ).toEqual([]);
    });

    // One test per line, in order (uploads before polling them); the lines' params are read when they run.
    for (const line of matrix()) {
      it(`${line.route}${line.label ? ` (${line.label})` : ''}`, { timeout: 120_000 }, async () => {
        const got: Partial<Record<Who, number | string>> = {};
        for (const who of WHO) {
          const want = line.expect[who];
          const allowed = want === 'ok' || (want >= 200 && want < 300);
          const path = line.path(who);
          if (
            line.pdf &&
            allowed &&
            !(ALL_PDFS && printing) &&
            !(printing && line.pdf.prints.includes(who))
          ) {
            if (line.route.includes('/reports/site/')) {
              got[who] = want;
              notPrinted.push(`${line.label}: ${who}`);
              continue;
            }
            // Past the scope check, an unknown campaign's 404 (a refusal would be a 403).
            const response = await request(
              who,
              path.replace(base, '/api/campaigns/matrix-no-such-campaign'),
            );
            const body = await response.text();
            expect([response.status, body], `${line.route} ${who}`).toEqual([
              404,
              expect.stringContaining("no campaign 'matrix-no-such-campaign'"),
            ]);
            got[who] = want;
            continue;
          }
          const session =
            who === 'anon' ? null : line.fresh ? await logIn(w.app, who) : w.sessions.get(who)!;
          const response = await as(w.app, session, path, line.init?.(who) ?? {});
          const status = response.status;
          const matches = want === 'ok' ? status >= 200 && status < 300 : status === want;
          got[who] = matches ? want : `${status} ${(await response.clone().text()).slice(0, 200)}`;
          if (status >= 200 && status < 300 && line.pdf) {
            expect(response.headers.get('content-type')).toBe('application/pdf');
            expect(
              new TextDecoder().decode((await response.clone().arrayBuffer()).slice(0, 5)),
            ).toBe('%PDF-');
          }
          if (line.after) await line.after(who, response.clone());
          else await response.arrayBuffer();
        }
        expect(got, `${line.route} (${line.label})`).toEqual(line.expect);
      });
    }
  },
);
