// The route rules of issue 15 (design15.md's table) through the app object in accounts mode, over
// an embedded store (its owner connection bypasses row-level security, so what is refused here is
// refused by the HTTP checks alone), with users logged in through POST /api/session: a site user of
// A (Nord, INSEE region 32), a region user of Hauts-de-France (32), a national user, an admin.
// Sites: A 590000001 (59) and B 620000002 (62) in Hauts-de-France, C 750000003 (75) in
// Île-de-France, one CT each. For every rule: an allowed and a denied case, and the audit row
// each writes (read.site, read.machine, export.pdf, import, access). The guards' pure checks are
// tested on their own first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessScope } from '../../src/core/access.ts';
import type { Kit } from '../../src/core/kit-types.ts';
import type { ApiError, UploadStatus } from '../../src/core/views/types.ts';
import { closePdfBrowser } from '../../src/reports/pdf.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import { coversRegion, coversSite } from '../../src/server/auth/guards.ts';
import type { AuditRecord, Store } from '../../src/storage/index.ts';
import { addUser, importKit, readAudit } from '../../src/storage/index.ts';
import type { SimulationChecksView } from '../../src/plan/simulation/checks.ts';
import { replaceSimulationChecks } from '../../src/storage/simulation-checks.ts';
import { pdfToolsAvailable } from '../reports/pdf-tools.ts';
import { buildKit, type MiniExam } from '../helpers/build-kit.ts';
import { accountsApp, CHEAP, cookieOf, login } from './auth-helpers.ts';
import { json, kitFiles, memoryStore, uploadForm } from './helpers.ts';
import { blankStatusQuo } from '../helpers/status-quo.ts';

const A = '590000001';
const B = '620000002';
const C = '750000003';
const ID = 'rules';
const base = `/api/campaigns/${ID}`;

describe('the guards', () => {
  const places = new Map([
    [A, { inseeRegion: '32' }],
    [C, { inseeRegion: '11' }],
    ['999999999', { inseeRegion: null }],
  ]);
  const site: AccessScope = { kind: 'site', userId: 1, finess: [A] };
  const region: AccessScope = { kind: 'region', userId: 2, region: '32' };
  const national: AccessScope = { kind: 'national', userId: 3, admin: false };

  it('cover a site: a site scope its FINESS, a region scope its INSEE region, national and local all', () => {
    expect([A, C].map((f) => coversSite(site, f, places))).toEqual([true, false]);
    expect([A, C, '999999999', 'unknown'].map((f) => coversSite(region, f, places))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([A, C, 'unknown'].map((f) => coversSite(national, f, places))).toEqual([
      true,
      true,
      true,
    ]);
    expect(coversSite({ kind: 'local' }, 'unknown', places)).toBe(true);
  });

  it('cover a region: its own for a region scope, none for a site scope, every one for national and local', () => {
    expect([
      coversRegion(region, '32'),
      coversRegion(region, '11'),
      coversRegion(region, null),
    ]).toEqual([true, false, false]);
    expect(coversRegion(site, '32')).toBe(false);
    expect([coversRegion(national, '11'), coversRegion({ kind: 'local' }, null)]).toEqual([
      true,
      true,
    ]);
  });
});

function rulesKit(): Kit {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const exams = (n: number): MiniExam[] =>
    Array.from({ length: n }, (_, i) => ({
      in: `2026-01-${pad(5 + (i % 5))}T${pad(8 + Math.floor(i / 5))}:00`,
      out: `2026-01-${pad(5 + (i % 5))}T${pad(8 + Math.floor(i / 5))}:40`,
    }));
  const weekdays: [string, string, 'PUBLIC_SCHEDULED'][] = [5, 6, 7, 8, 9].map((d) => [
    `2026-01-${pad(d)}T08:00`,
    `2026-01-${pad(d)}T18:00`,
    'PUBLIC_SCHEDULED',
  ]);
  const kit = buildKit(
    [
      { id: 'A-CT', finess: A, exams: exams(30), sessions: weekdays },
      { id: 'B-CT', finess: B, exams: exams(20), sessions: weekdays },
      { id: 'C-CT', finess: C, exams: exams(25), sessions: weekdays },
    ],
    { id: ID, name: 'Règles', start: '2026-01-05', days: 7 },
  );
  const set = (finess: string, e: object): void =>
    void Object.assign(
      kit.establishments.find((x) => x.finess === finess)!,
      e,
    );
  set(A, { name: 'Site A', region: 'Hauts-de-France', department: '59' });
  set(B, { name: 'Site B', region: 'Hauts-de-France', department: '62' });
  set(C, { name: 'Site C', region: 'Île-de-France', department: '75' });
  return kit;
}

const USERS = {
  site: { email: 'site@a.example', password: 'site-password-Aa1!', role: 'site', finess: [A] },
  region: {
    email: 'ars@hdf.example',
    password: 'region-password-Bb2!',
    role: 'region',
    region: '32',
  },
  national: { email: 'dgos@sante.example', password: 'national-password-Cc3!', role: 'national' },
  national2: {
    email: 'other@sante.example',
    password: 'national2-password-Dd4!',
    role: 'national',
  },
  admin: { email: 'admin@plateau.example', password: 'admin-password-Ee5!', role: 'admin' },
} as const;
type Who = keyof typeof USERS;

let store: Store;
let app: PlateauApp;
const sessions = new Map<Who, { cookie: string; csrf: string }>();

beforeAll(async () => {
  store = await memoryStore();
  await importKit(store, rulesKit(), { source: 'test' });
  for (const u of Object.values(USERS))
    await addUser(store, { ...u, finess: 'finess' in u ? [...u.finess] : [] }, { scrypt: CHEAP });
  app = accountsApp(store);
  for (const who of Object.keys(USERS) as Who[]) {
    const response = await login(app, USERS[who].email, USERS[who].password);
    expect(response.status, `login ${who}`).toBe(200);
    sessions.set(who, {
      cookie: cookieOf(response),
      csrf: (await json<{ csrf: string }>(response)).csrf,
    });
  }
}, 120_000);
afterAll(async () => {
  await closePdfBrowser();
  await store?.close();
});

/** A request as `who`: its session cookie, and the CSRF header on a POST. */
async function as(who: Who, path: string, init: RequestInit = {}): Promise<Response> {
  const s = sessions.get(who)!;
  const headers = new Headers(init.headers);
  headers.set('cookie', s.cookie);
  if (init.method && init.method !== 'GET') headers.set('x-csrf-token', s.csrf);
  return app.request(path, { ...init, headers });
}

/** The audit rows `run` appended, oldest first. */
async function audited(run: () => Promise<unknown>): Promise<AuditRecord[]> {
  const before = new Set((await readAudit(store, { limit: 100_000 })).map((r) => r.id));
  await run();
  return (await readAudit(store, { limit: 100_000 })).filter((r) => !before.has(r.id)).reverse();
}

/** The audit rows of one request as `who`, after checking its status (and error code). */
async function expectStatus(
  who: Who,
  path: string,
  status: number,
  code?: string,
  init?: RequestInit,
): Promise<AuditRecord[]> {
  return audited(async () => {
    const response = await as(who, path, init);
    const text = await response.text();
    expect(response.status, `${who} ${path}: ${text.slice(0, 300)}`).toBe(status);
    if (code) expect((JSON.parse(text) as ApiError).error.code).toBe(code);
  });
}

/** The one audit row's action, target, outcome and user e-mail. */
function row(rows: AuditRecord[]): Pick<AuditRecord, 'action' | 'target' | 'outcome' | 'email'> {
  expect(rows, JSON.stringify(rows)).toHaveLength(1);
  const [r] = rows;
  return { action: r!.action, target: r!.target, outcome: r!.outcome, email: r!.email };
}

const denied = (who: Who, action: string, target: string | null) => ({
  action,
  target,
  outcome: 'denied',
  email: USERS[who].email,
});
const read = (who: Who, action: string, target: string | null) => ({
  action,
  target,
  outcome: 'success',
  email: USERS[who].email,
});

describe('establishment, machine, timeline, heatmap, costs, simulation/model: own (else 404 as unknown), audited', () => {
  it('a site user reads its site, not another (404 as an unknown FINESS, refusal audited)', async () => {
    expect(row(await expectStatus('site', `${base}/establishments/${A}`, 200))).toEqual(
      read('site', 'read.site', A),
    );
    const foreign = await as('site', `${base}/establishments/${B}`);
    const unknown = await as('national', `${base}/establishments/599999999`);
    expect([foreign.status, unknown.status]).toEqual([404, 404]);
    expect((await json<ApiError>(foreign)).error.message).toBe(
      `no establishment with FINESS '${B}' in campaign '${ID}'`,
    );
    expect(
      row(await expectStatus('site', `${base}/establishments/${C}`, 404, 'not-found')),
    ).toEqual(denied('site', 'read.site', C));
  });

  it("a region user reads its region's sites, not another region's; national reads all, audited", async () => {
    expect(row(await expectStatus('region', `${base}/establishments/${B}`, 200))).toEqual(
      read('region', 'read.site', B),
    );
    expect(
      row(await expectStatus('region', `${base}/establishments/${C}`, 404, 'not-found')),
    ).toEqual(denied('region', 'read.site', C));
    expect(row(await expectStatus('national', `${base}/establishments/${C}`, 200))).toEqual(
      read('national', 'read.site', C),
    );
    // An unknown site for a scope that sees everything: a 404, nothing refused.
    expect(
      await expectStatus('national', `${base}/establishments/599999999`, 404, 'not-found'),
    ).toEqual([]);
  });

  it('machine, timeline and heatmap: own machine read and audited, a foreign one 404 and denied', async () => {
    for (const tail of ['', '/timeline', '/heatmap']) {
      expect(row(await expectStatus('site', `${base}/machines/A-CT${tail}`, 200))).toEqual(
        read('site', 'read.machine', 'A-CT'),
      );
      expect(
        row(await expectStatus('site', `${base}/machines/B-CT${tail}`, 404, 'not-found')),
      ).toEqual(denied('site', 'read.machine', 'B-CT'));
      expect(row(await expectStatus('region', `${base}/machines/B-CT${tail}`, 200))).toEqual(
        read('region', 'read.machine', 'B-CT'),
      );
      expect(
        row(await expectStatus('region', `${base}/machines/C-CT${tail}`, 404, 'not-found')),
      ).toEqual(denied('region', 'read.machine', 'C-CT'));
      expect(row(await expectStatus('national', `${base}/machines/C-CT${tail}`, 200))).toEqual(
        read('national', 'read.machine', 'C-CT'),
      );
    }
  });

  it('costs of a site: own read and audited, a foreign one 404 and denied', async () => {
    expect(row(await expectStatus('site', `${base}/costs?finess=${A}`, 200))).toEqual(
      read('site', 'read.site', A),
    );
    expect(row(await expectStatus('site', `${base}/costs?finess=${C}`, 404, 'not-found'))).toEqual(
      denied('site', 'read.site', C),
    );
    expect(
      row(await expectStatus('region', `${base}/costs?finess=${C}`, 404, 'not-found')),
    ).toEqual(denied('region', 'read.site', C));
    expect(row(await expectStatus('national', `${base}/costs?finess=${C}`, 200))).toEqual(
      read('national', 'read.site', C),
    );
  });

  it(
    'simulation model: own machine read and audited, a foreign one 404 and denied',
    { timeout: 60_000 },
    async () => {
      expect(
        row(await expectStatus('site', `${base}/simulation/model?machines=A-CT`, 200)),
      ).toEqual(read('site', 'read.machine', 'A-CT'));
      expect(
        row(await expectStatus('site', `${base}/simulation/model?machines=C-CT`, 404, 'not-found')),
      ).toEqual(denied('site', 'read.machine', 'C-CT'));
      expect(
        row(
          await expectStatus('region', `${base}/simulation/model?machines=C-CT`, 404, 'not-found'),
        ),
      ).toEqual(denied('region', 'read.machine', 'C-CT'));
      expect(
        row(await expectStatus('national', `${base}/simulation/model?machines=C-CT`, 200)),
      ).toEqual(read('national', 'read.machine', 'C-CT'));
    },
  );
});

describe('quality (import issues): national and admin only', () => {
  it('is 403 for site and region users (audited as access denied), served to national and admin', async () => {
    expect(row(await expectStatus('site', `${base}/quality`, 403, 'forbidden'))).toEqual(
      denied('site', 'access', `quality:${ID}`),
    );
    expect(row(await expectStatus('region', `${base}/quality`, 403, 'forbidden'))).toEqual(
      denied('region', 'access', `quality:${ID}`),
    );
    expect(await expectStatus('national', `${base}/quality`, 200)).toEqual([]);
    expect(await expectStatus('admin', `${base}/quality`, 200)).toEqual([]);
  });
});

describe('reports: refusals (no print needed)', () => {
  it('site PDF of a foreign site: 404 as an unknown one, audited export.pdf denied', async () => {
    expect(
      row(await expectStatus('site', `${base}/reports/site/${B}.pdf`, 404, 'not-found')),
    ).toEqual(denied('site', 'export.pdf', B));
    expect(
      row(await expectStatus('region', `${base}/reports/site/${C}.pdf`, 404, 'not-found')),
    ).toEqual(denied('region', 'export.pdf', C));
  });

  it('region PDF: 403 for a site user, and for a region user another region (by name or code)', async () => {
    expect(
      row(
        await expectStatus('site', `${base}/reports/region/Hauts-de-France.pdf`, 403, 'forbidden'),
      ),
    ).toEqual(denied('site', 'export.pdf', 'region:Hauts-de-France'));
    expect(
      row(
        await expectStatus(
          'region',
          `${base}/reports/region/${encodeURIComponent('Île-de-France')}.pdf`,
          403,
          'forbidden',
        ),
      ),
    ).toEqual(denied('region', 'export.pdf', 'region:Île-de-France'));
    expect(
      row(await expectStatus('region', `${base}/reports/region/11.pdf`, 403, 'forbidden')),
    ).toEqual(denied('region', 'export.pdf', 'region:11'));
  });

  it('national PDF: 403 for site and region users', async () => {
    expect(
      row(await expectStatus('site', `${base}/reports/national.pdf`, 403, 'forbidden')),
    ).toEqual(denied('site', 'export.pdf', 'national'));
    expect(
      row(await expectStatus('region', `${base}/reports/national.pdf`, 403, 'forbidden')),
    ).toEqual(denied('region', 'export.pdf', 'national'));
  });
});

describe.runIf(pdfToolsAvailable())('reports: allowed prints, audited export.pdf', () => {
  const pdf = async (who: Who, path: string, target: string): Promise<void> => {
    const rows = await audited(async () => {
      const response = await as(who, path);
      expect(
        response.status,
        `${who} ${path}: ${response.status === 200 ? '' : await response.clone().text()}`,
      ).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    });
    expect(row(rows)).toEqual(read(who, 'export.pdf', target));
    expect(rows[0]!.detail).toMatchObject({ campaign: ID });
  };
  // One print shows the audit of an allowed PDF (every route audits through the same answer);
  // the region and national syntheses are printed for their allowed users by access-matrix.test.ts.
  it("a site user's own fiche", { timeout: 120_000 }, async () =>
    pdf('site', `${base}/reports/site/${A}.pdf`, `site:${A}`),
  );
});

describe('relevance: site level for site users, the rest for region and national', () => {
  it(
    "serves a site user its sites' level (the default for it), refuses the territories' levels",
    { timeout: 60_000 },
    async () => {
      const response = await as('site', `${base}/relevance`);
      expect(response.status).toBe(200);
      expect((await json<{ level: string }>(response)).level).toBe('site');
      expect(await expectStatus('site', `${base}/relevance?level=site`, 200)).toEqual([]);
      expect(
        row(await expectStatus('site', `${base}/relevance?level=department`, 403, 'forbidden')),
      ).toEqual(denied('site', 'access', `relevance:${ID}:department`));
      expect(
        row(await expectStatus('site', `${base}/relevance?level=region`, 403, 'forbidden')),
      ).toEqual(denied('site', 'access', `relevance:${ID}:region`));
    },
  );

  it('serves region and national users every level', { timeout: 60_000 }, async () => {
    expect(await expectStatus('region', `${base}/relevance?level=region`, 200)).toEqual([]);
    expect(await expectStatus('national', `${base}/relevance?level=department`, 200)).toEqual([]);
  });
});

describe("oncall: 403 for site users, a region user's own territory only", () => {
  it('refuses a site user', async () => {
    expect(
      row(await expectStatus('site', `${base}/oncall?department=59`, 403, 'forbidden')),
    ).toEqual(denied('site', 'access', `oncall:${ID}`));
  });

  it(
    "serves a region user its region and its départements, refuses another's (403) and a foreign site (404)",
    { timeout: 60_000 },
    async () => {
      expect(await expectStatus('region', `${base}/oncall?department=59`, 200)).toEqual([]);
      expect(await expectStatus('region', `${base}/oncall?region=Hauts-de-France`, 200)).toEqual(
        [],
      );
      expect(await expectStatus('region', `${base}/oncall?sites=${A},${B}`, 200)).toEqual([]);
      expect(
        row(await expectStatus('region', `${base}/oncall?department=75`, 403, 'forbidden')),
      ).toEqual(denied('region', 'access', `oncall:${ID}:department:75`));
      expect(
        row(await expectStatus('region', `${base}/oncall?region=11`, 403, 'forbidden')),
      ).toEqual(denied('region', 'access', `oncall:${ID}:region:11`));
      expect(
        row(await expectStatus('region', `${base}/oncall?sites=${A},${C}`, 404, 'not-found')),
      ).toEqual(denied('region', 'read.site', C));
    },
  );

  it('serves national users every territory', { timeout: 60_000 }, async () => {
    expect(await expectStatus('national', `${base}/oncall?region=11`, 200)).toEqual([]);
  });
});

describe('simulation checks: only the scope’s machines', () => {
  it('lists a site user its machine, a region user its region’s, national all', async () => {
    const checks = ['A-CT', 'B-CT', 'C-CT'].map((equipmentId) => ({
      equipmentId,
      reproduces: true,
      failing: [],
      statusQuo: blankStatusQuo(),
      replications: 20,
      seed: 1,
    }));
    await replaceSimulationChecks(store, ID, checks);
    const view = async (who: Who): Promise<[number, number | undefined, string[]]> => {
      const response = await as(who, `${base}/simulation/checks`);
      expect(response.status).toBe(200);
      const v = await json<SimulationChecksView>(response);
      return [v.campaignMachines, v.summary?.machines, v.checks.map((k) => k.equipmentId).sort()];
    };
    expect(await view('site')).toEqual([1, 1, ['A-CT']]);
    expect(await view('region')).toEqual([2, 2, ['A-CT', 'B-CT']]);
    expect(await view('national')).toEqual([3, 3, ['A-CT', 'B-CT', 'C-CT']]);
  });
});

const REGISTER = [
  'finess,department,modality,sector,authorised_on,in_service_on,installed_year,field_tesla,equipment_id',
  `${A},59,CT,hospital,,,2010,,A-CT`,
].join('\n');

describe('POST register and POST /api/fhir: national and admin only', () => {
  const post = (body: string, type: string): RequestInit => ({
    method: 'POST',
    body,
    headers: { 'content-type': type },
  });

  it('refuses site and region users a register (audited as import denied), stores a national one (import audited)', async () => {
    for (const who of ['site', 'region'] as const) {
      expect(
        row(
          await expectStatus(who, `${base}/register`, 403, 'forbidden', post(REGISTER, 'text/csv')),
        ),
      ).toEqual(denied(who, 'import', `register:${ID}`));
    }
    const rows = await expectStatus(
      'national',
      `${base}/register`,
      200,
      undefined,
      post(REGISTER, 'text/csv'),
    );
    expect(row(rows)).toEqual(read('national', 'import', ID));
    expect(rows[0]!.detail).toMatchObject({ kind: 'register', file: 'equipment-register.csv' });
  });

  it('refuses site and region users a Bundle; a national one passes to the endpoint (503: not configured here)', async () => {
    for (const who of ['site', 'region'] as const) {
      expect(
        row(
          await expectStatus(
            who,
            '/api/fhir',
            403,
            'forbidden',
            post('{}', 'application/fhir+json'),
          ),
        ),
      ).toEqual(denied(who, 'import', 'fhir'));
    }
    expect(
      await expectStatus(
        'admin',
        '/api/fhir',
        503,
        'fhir-not-configured',
        post('{}', 'application/fhir+json'),
      ),
    ).toEqual([]);
  });
});

describe('uploads: national and admin import a kit, a site its own rows; polling is the owner’s (and an admin’s)', () => {
  /** Uploads `kit` as `who` and polls it to its end; its id and final status. */
  async function uploadAs(who: Who, kit: Kit): Promise<UploadStatus> {
    const imports = async (): Promise<number> =>
      (await readAudit(store, { action: 'import', limit: 100_000 })).length;
    const before = await imports();
    const response = await as(who, '/api/uploads', {
      method: 'POST',
      body: uploadForm(await kitFiles(kit)),
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const { id } = await json<UploadStatus>(response);
    for (;;) {
      const status = await json<UploadStatus>(await as(who, `/api/uploads/${id}`));
      if (['done', 'rejected', 'failed'].includes(status.state)) {
        // The job writes its audit row just after its state settles.
        for (let i = 0; i < 250 && (await imports()) === before; i++)
          await new Promise((r) => setTimeout(r, 20));
        return status;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('refuses a region user (audited as import denied)', async () => {
    const body = uploadForm(await kitFiles(rulesKit()));
    expect(
      row(await expectStatus('region', '/api/uploads', 403, 'forbidden', { method: 'POST', body })),
    ).toEqual(denied('region', 'import', 'upload'));
  });

  it(
    'imports a national kit, audited when it ends; another user is told of no such upload, an admin sees it',
    { timeout: 120_000 },
    async () => {
      let id = '';
      const rows = await audited(async () => {
        const status = await uploadAs('national', {
          ...rulesKit(),
          campaign: { ...rulesKit().campaign, id: 'rules-upload' },
        });
        expect([status.state, status.error]).toEqual(['done', null]);
        id = status.id;
        const other = await as('national2', `/api/uploads/${id}`);
        expect([other.status, (await json<ApiError>(other)).error.message]).toEqual([
          404,
          `no upload '${id}' (uploads are kept in memory, the last 50 only)`,
        ]);
        expect((await as('admin', `/api/uploads/${id}`)).status).toBe(200);
      });
      const imported = rows.filter((r) => r.action === 'import');
      expect(imported.map((r) => [r.email, r.target, r.outcome])).toEqual([
        [USERS.national.email, 'rules-upload', 'success'],
      ]);
      expect(imported[0]!.detail).toMatchObject({
        kind: 'kit',
        exams: 75,
        machines: 3,
        scope: 'national',
      });
      expect(
        rows.filter((r) => r.action === 'access').map((r) => [r.email, r.target, r.outcome]),
      ).toEqual([[USERS.national2.email, `upload:${id}`, 'denied']]);
    },
  );

  it(
    "imports a site user's own rows into the existing campaign, audited with its scope",
    { timeout: 120_000 },
    async () => {
      const full = rulesKit();
      const own = {
        ...full,
        establishments: full.establishments.filter((e) => e.finess === A),
        equipment: full.equipment.filter((e) => e.finess === A),
        sessions: full.sessions.filter((x) => x.equipmentId === 'A-CT'),
        exams: full.exams.filter((x) => x.equipmentId === 'A-CT'),
      };
      const rows = await audited(async () => {
        const status = await uploadAs('site', own);
        expect([status.state, status.error, status.campaignId]).toEqual(['done', null, ID]);
      });
      expect(row(rows)).toEqual(read('site', 'import', ID));
      expect(rows[0]!.detail).toMatchObject({ scope: `site:${A}`, exams: 30, machines: 1 });
    },
  );
});

describe('routes open to every scope stay open', () => {
  it('serves territories, references and the kit template to a site user', async () => {
    for (const path of [`${base}/territories`, '/api/references', '/api/kit-template.xlsx'])
      expect((await as('site', path)).status, path).toBe(200);
  });
});
