/**
 * The observatory under load (issue 15): `plateau serve --database-url` in a child process, in
 * the accounts mode behind a (simulated) reverse proxy (--trust-proxy, X-Forwarded-Proto https,
 * each user its own X-Forwarded-For), connected as a login role of plateau_app over a PostgreSQL database holding
 * the national campaign (imported as the owner) and 50 users of mixed roles (site, region,
 * national, admin). Each user logs in, then walks a realistic sequence (campaigns, campaign,
 * benchmark, own establishment, a machine, its timeline; the admin the audit log; a few print a
 * site fiche PDF once) over and over for the run's seconds, at two paces: no pause (the server
 * saturated: latency is mostly queueing) and about a second between requests (people reading).
 * Every response that is not 2xx is an error (there must be none); latencies per route and
 * overall, P50/P95/P99, medians over runs.
 * Needs a PostgreSQL server: PLATEAU_BENCH_PG_URL, else PLATEAU_TEST_PG_URL (a role that may
 * create databases and roles, as .ci/start-postgres.sh makes); skipped without one.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { quantileSorted, sortedFinite } from '../src/core/stats.ts';
import type { Kit } from '../src/core/kit-types.ts';
import { generateKit } from '../src/generate/index.ts';
import { addUser, importKit, openStore } from '../src/storage/index.ts';
import type { ServeChild } from './serve-child.ts';
import { startServe } from './serve-child.ts';

export interface ObservatoryOptions {
  /** Concurrent logged-in users. */
  users: number;
  /** Seconds per measured run. */
  durationS: number;
  runs: number;
  /** Seconds of unmeasured load first (caches, JIT). */
  warmupS: number;
  /** Users that print one site fiche PDF per run (Chromium). */
  pdfUsers: number;
  /**
   * The pauses measured, each apart: a user's mean pause between two requests, in ms (0: every
   * user requests again at once, the server saturated; 1000: people reading, 0.5–1.5 s).
   */
  paces: number[];
}

export const OBSERVATORY_DEFAULTS: ObservatoryOptions = {
  users: 50,
  durationS: 20,
  runs: 3,
  warmupS: 5,
  pdfUsers: 4,
  paces: [0, 1000],
};

/** One route's (or all routes') figures, medians over the runs. */
export interface ObservatoryRow {
  route: string;
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** The figures at one pace. */
export interface ObservatorySection {
  /** The mean pause between a user's requests, ms. */
  thinkMs: number;
  rows: ObservatoryRow[];
  /** Requests per second over all routes, median over runs. */
  requestsPerSecond: number;
  /** The first few error lines (route, status, body start). */
  errorSamples: string[];
}

export interface ObservatoryResult {
  sections: ObservatorySection[];
  /** Users by role. */
  roles: Record<string, number>;
  skipped?: string;
}

const CAMPAIGN = 'synthetic-2010';
const PASSWORD = 'bench password, not a secret';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

type Role = 'site' | 'region' | 'national' | 'admin';

interface BenchUser {
  email: string;
  role: Role;
  /** Site users: their FINESS; others: establishments they may open (from their scoped list). */
  finess: string[];
  region: string | null;
}

/**
 * 50 users: 60 % site (one establishment each, with machines), 20 % region (the regions with the
 * most sites), 12 % national, 8 % admin.
 */
function usersFor(kit: Kit, count: number): BenchUser[] {
  const withMachines = new Set(kit.equipment.map((e) => e.finess));
  const sites = kit.establishments
    .filter((e) => withMachines.has(e.finess))
    .sort((a, b) => a.finess.localeCompare(b.finess));
  const byRegion = new Map<string, number>();
  for (const e of sites) if (e.region) byRegion.set(e.region, (byRegion.get(e.region) ?? 0) + 1);
  const regions = [...byRegion].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  const nSite = Math.round(count * 0.6);
  const nRegion = Math.round(count * 0.2);
  const nAdmin = Math.max(1, Math.round(count * 0.08));
  const nNational = count - nSite - nRegion - nAdmin;
  const users: BenchUser[] = [];
  for (let i = 0; i < nSite; i++) {
    const site = sites[(i * 7) % sites.length]!;
    users.push({
      email: `site${i}@bench.example`,
      role: 'site',
      finess: [site.finess],
      region: null,
    });
  }
  for (let i = 0; i < nRegion; i++)
    users.push({
      email: `region${i}@bench.example`,
      role: 'region',
      finess: [],
      region: regions[i % regions.length]!,
    });
  for (let i = 0; i < nNational; i++)
    users.push({ email: `national${i}@bench.example`, role: 'national', finess: [], region: null });
  for (let i = 0; i < nAdmin; i++)
    users.push({ email: `admin${i}@bench.example`, role: 'admin', finess: [], region: null });
  return users;
}

/**
 * A logged-in user's HTTP client: the session cookie and CSRF token on every request, and the
 * headers a reverse proxy adds (HTTPS, the user's own address: users come from many hospitals;
 * behind one address, the login limiter's 30 attempts per address would refuse a burst of 50).
 */
class Session {
  cookie = '';
  csrf = '';
  readonly proxy: Record<string, string>;
  constructor(
    readonly base: string,
    index: number,
  ) {
    this.proxy = {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': `10.${(index >> 8) & 255}.${index & 255}.7`,
    };
  }

  async login(email: string): Promise<void> {
    const response = await fetch(`${this.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.proxy },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (response.status !== 200)
      throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    this.csrf = ((await response.json()) as { csrf: string }).csrf;
    this.cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  async get(path: string): Promise<{ status: number; body: Buffer }> {
    const response = await fetch(`${this.base}${path}`, {
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...this.proxy },
    });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  }
}

/** Per-route latencies and errors of one run. */
class Tally {
  readonly latencies = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly samples: string[] = [];
  measuring = false;

  add(route: string, ms: number, status: number, body: Buffer): void {
    if (!this.measuring) return;
    const list = this.latencies.get(route) ?? [];
    list.push(ms);
    this.latencies.set(route, list);
    if (status < 200 || status >= 300) {
      this.errors.set(route, (this.errors.get(route) ?? 0) + 1);
      if (this.samples.length < 10)
        this.samples.push(`${route}: ${status} ${body.subarray(0, 160).toString()}`);
    }
  }
}

interface UserPlan {
  user: BenchUser;
  session: Session;
  /** The establishments and machines this user opens, from its own scoped answers. */
  establishments: string[];
  machines: string[];
}

/** The user's realistic walk: what it looks at, in order, with the route each request stands for. */
function walk(plan: UserPlan, step: number): [route: string, path: string][] {
  const api = `/api/campaigns/${CAMPAIGN}`;
  const q = encodeURIComponent;
  const finess = plan.establishments[step % plan.establishments.length]!;
  const machine = plan.machines[step % plan.machines.length]!;
  const modality = step % 2 === 0 ? 'CT' : 'MR';
  const list: [string, string][] = [
    ['GET /api/campaigns', '/api/campaigns'],
    ['GET /api/campaigns/:id', api],
    ['GET /api/campaigns/:id/benchmark', `${api}/benchmark?modality=${modality}`],
    ['GET /api/campaigns/:id/establishments/:finess', `${api}/establishments/${q(finess)}`],
    ['GET /api/campaigns/:id/machines/:equipmentId', `${api}/machines/${q(machine)}`],
    [
      'GET /api/campaigns/:id/machines/:equipmentId/timeline',
      `${api}/machines/${q(machine)}/timeline?week=${step % 4}`,
    ],
  ];
  if (plan.user.role !== 'site')
    list.push(['GET /api/campaigns/:id/establishments', `${api}/establishments`]);
  if (plan.user.role === 'admin') list.push(['GET /api/admin/audit', '/api/admin/audit?limit=50']);
  return list;
}

/** One user's loop until `deadline`. */
async function userLoop(
  plan: UserPlan,
  tally: Tally,
  deadline: number,
  pdf: boolean,
  thinkMs: number,
): Promise<void> {
  let step = 0;
  if (pdf) {
    const finess = plan.establishments[0]!;
    const t = performance.now();
    const r = await plan.session.get(
      `/api/campaigns/${CAMPAIGN}/reports/site/${encodeURIComponent(finess)}.pdf`,
    );
    tally.add(
      'GET /api/campaigns/:id/reports/site/:finess.pdf',
      performance.now() - t,
      r.status,
      r.body,
    );
  }
  while (Date.now() < deadline) {
    for (const [route, path] of walk(plan, step)) {
      if (Date.now() >= deadline) return;
      const t = performance.now();
      let status = 0;
      let body: Buffer = Buffer.alloc(0);
      try {
        ({ status, body } = await plan.session.get(path));
      } catch (error) {
        body = Buffer.from(String(error));
      }
      tally.add(route, performance.now() - t, status, body);
      if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
    }
    step += 1;
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function quantiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = sortedFinite(values);
  const at = (p: number): number => quantileSorted(sorted, p) ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** The PostgreSQL server to use, or null (the bench is then skipped). */
function benchPgUrl(): string | null {
  return process.env['PLATEAU_BENCH_PG_URL'] || process.env['PLATEAU_TEST_PG_URL'] || null;
}

/**
 * Measures the observatory under load. Creates (and drops after) a database and a login role on
 * the server of PLATEAU_BENCH_PG_URL / PLATEAU_TEST_PG_URL.
 *
 * @example
 * console.log(observatoryTable(await benchObservatory()));
 */
export async function benchObservatory(
  options: ObservatoryOptions = OBSERVATORY_DEFAULTS,
): Promise<ObservatoryResult> {
  const adminUrl = benchPgUrl();
  if (adminUrl === null) {
    return {
      sections: [],
      roles: {},
      skipped:
        'no PostgreSQL server: set PLATEAU_BENCH_PG_URL, or eval "$(bash .ci/start-postgres.sh)"',
    };
  }
  const suffix = randomBytes(5).toString('hex');
  const database = `plateau_bench_${suffix}`;
  const appRole = `plateau_bench_web_${suffix}`;
  const appPassword = randomBytes(12).toString('hex');
  const ownerUrl = withDatabase(adminUrl, database);
  await adminQuery(adminUrl, `create database ${database}`);
  let server: ServeChild | null = null;
  try {
    let t = performance.now();
    const kit = generateKit({ seed: 2010 });
    const users = usersFor(kit, options.users);
    const store = await openStore({ url: ownerUrl });
    try {
      await importKit(store, kit, { source: 'bench: generated national campaign (seed 2010)' });
      for (const u of users) {
        await addUser(store, {
          email: u.email,
          role: u.role,
          finess: u.finess,
          region: u.region,
          password: PASSWORD,
        });
      }
      await store.db.query(
        `create role ${appRole} login password '${appPassword}' in role plateau_app`,
      );
    } finally {
      await store.close();
    }
    console.log(
      `observatory: stored the national campaign (${kit.exams.length} exams) and ${users.length} users in PostgreSQL in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const appUrl = new URL(ownerUrl);
    appUrl.username = appRole;
    appUrl.password = appPassword;
    t = performance.now();
    // The URL (with its password) goes through the environment, as in production, never argv.
    server = await startServe(['--trust-proxy'], {
      PLATEAU_DATABASE_URL: appUrl.toString(),
      PLATEAU_DATA: '',
    });
    console.log(
      `observatory: plateau serve (accounts mode, as ${appRole}) answers at ${server.url} after ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // Every user logs in (at once, as a Monday morning), then learns what it may open.
    t = performance.now();
    const byFiness = new Map<string, string[]>();
    for (const e of kit.equipment)
      byFiness.set(e.finess, [...(byFiness.get(e.finess) ?? []), e.equipmentId]);
    const plans: UserPlan[] = await Promise.all(
      users.map(async (user, i) => {
        const session = new Session(server!.url, i);
        await session.login(user.email);
        let establishments = user.finess;
        if (user.role !== 'site') {
          const r = await session.get(`/api/campaigns/${CAMPAIGN}/establishments`);
          if (r.status !== 200)
            throw new Error(
              `${user.email}: establishments ${r.status} ${r.body.toString().slice(0, 200)}`,
            );
          const listed = (JSON.parse(r.body.toString()) as { finess: string }[])
            .map((e) => e.finess)
            .filter((f) => byFiness.has(f));
          // Each user its own slice of what it sees, so that users do not all open the same pages.
          establishments = listed
            .slice(i % Math.max(1, listed.length))
            .concat(listed)
            .slice(0, 12);
        }
        if (establishments.length === 0)
          throw new Error(`${user.email} sees no establishment with machines`);
        const machines = establishments.flatMap((f) => byFiness.get(f) ?? []);
        return { user, session, establishments, machines };
      }),
    );
    console.log(
      `observatory: ${plans.length} users logged in within ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const pdfUsers = new Set(
      plans.filter((p) => p.user.role === 'site').slice(0, options.pdfUsers),
    );
    const load = async (seconds: number, tally: Tally, thinkMs: number): Promise<number> => {
      const started = performance.now();
      const deadline = Date.now() + seconds * 1000;
      await Promise.all(plans.map((p) => userLoop(p, tally, deadline, pdfUsers.has(p), thinkMs)));
      return (performance.now() - started) / 1000;
    };
    const sections: ObservatorySection[] = [];
    for (const thinkMs of options.paces) {
      await load(options.warmupS, new Tally(), thinkMs);
      const runs: { tally: Tally; seconds: number }[] = [];
      for (let i = 0; i < options.runs; i++) {
        const tally = new Tally();
        tally.measuring = true;
        const seconds = await load(options.durationS, tally, thinkMs);
        runs.push({ tally, seconds });
        const all = [...tally.latencies.values()].flat();
        const q = quantiles(all);
        const errors = [...tally.errors.values()].reduce((a, b) => a + b, 0);
        console.log(
          `observatory: pause ${thinkMs} ms, run ${i + 1}: ${(all.length / seconds).toFixed(0)} req/s  P50 ${q.p50.toFixed(1)} ms  P95 ${q.p95.toFixed(1)} ms  P99 ${q.p99.toFixed(1)} ms  (${all.length} responses, ${errors} errors)`,
        );
      }
      const routes = [...new Set(runs.flatMap((r) => [...r.tally.latencies.keys()]))].sort();
      const row = (
        route: string,
        pick: (t: Tally) => { values: number[]; errors: number },
      ): ObservatoryRow => {
        const per = runs.map((r) => pick(r.tally));
        const qs = per.filter((p) => p.values.length > 0).map((p) => quantiles(p.values));
        return {
          route,
          requests: per.reduce((n, p) => n + p.values.length, 0),
          errors: per.reduce((n, p) => n + p.errors, 0),
          p50Ms: median(qs.map((q) => q.p50)),
          p95Ms: median(qs.map((q) => q.p95)),
          p99Ms: median(qs.map((q) => q.p99)),
        };
      };
      const rows = routes.map((route) =>
        row(route, (t) => ({
          values: t.latencies.get(route) ?? [],
          errors: t.errors.get(route) ?? 0,
        })),
      );
      rows.push(
        row('all routes', (t) => ({
          values: [...t.latencies.values()].flat(),
          errors: [...t.errors.values()].reduce((a, b) => a + b, 0),
        })),
      );
      sections.push({
        thinkMs,
        rows,
        requestsPerSecond: median(
          runs.map((r) => [...r.tally.latencies.values()].flat().length / r.seconds),
        ),
        errorSamples: runs.flatMap((r) => r.tally.samples).slice(0, 10),
      });
    }
    const roles: Record<string, number> = {};
    for (const u of users) roles[u.role] = (roles[u.role] ?? 0) + 1;
    return { sections, roles };
  } finally {
    await server?.stop();
    await adminQuery(adminUrl, `drop database if exists ${database} with (force)`).catch(
      (error: unknown) =>
        console.error(`observatory: could not drop ${database}: ${String(error)}`),
    );
    await adminQuery(adminUrl, `drop role if exists ${appRole}`).catch((error: unknown) =>
      console.error(`observatory: could not drop ${appRole}: ${String(error)}`),
    );
  }
}

/** The figures as Markdown tables, one per pace, with the verdict on errors under each. */
export function observatoryTable(
  result: ObservatoryResult,
  options: ObservatoryOptions = OBSERVATORY_DEFAULTS,
): string {
  if (result.skipped) return `Observatory under load: skipped (${result.skipped})`;
  const roles = Object.entries(result.roles)
    .map(([r, n]) => `${n} ${r}`)
    .join(', ');
  const lines = [
    `Observatory under load: ${options.users} logged-in users (${roles}), accounts mode over PostgreSQL, ${options.runs} runs of ${options.durationS} s per pace, medians`,
  ];
  for (const section of result.sections) {
    const pace =
      section.thinkMs === 0
        ? 'no pause between requests (saturation)'
        : `a pause of ${section.thinkMs / 1000} s (0.5–1.5×) between a user's requests`;
    lines.push(
      '',
      `${pace}: ${section.requestsPerSecond.toFixed(0)} req/s`,
      '',
      '| route | requests | errors | P50 | P95 | P99 |',
      '|---|---|---|---|---|---|',
      ...section.rows.map(
        (r) =>
          `| \`${r.route}\` | ${r.requests} | ${r.errors} | ${r.p50Ms.toFixed(1)} ms | ${r.p95Ms.toFixed(1)} ms | ${r.p99Ms.toFixed(1)} ms |`,
      ),
    );
    const total = section.rows.find((r) => r.route === 'all routes');
    lines.push(
      '',
      total && total.errors === 0
        ? 'zero errors'
        : `ERRORS: ${total?.errors ?? '?'}\n${section.errorSamples.join('\n')}`,
    );
  }
  return lines.join('\n');
}
