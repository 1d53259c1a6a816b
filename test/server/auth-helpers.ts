// Shared pieces of the accounts-mode tests: cheap password hashes, a store with one user of each
// role (and a disabled one), logging in through the API, and the cookie to send back.
import { createApp } from '../../src/server/app.ts';
import type { AccountsOptions } from '../../src/server/auth/authenticate.ts';
import type { PlateauApp } from '../../src/server/app.ts';
import type { Store } from '../../src/storage/index.ts';
import { addUser, disableUser } from '../../src/storage/index.ts';

/** scrypt parameters cheap enough for tests (the product's are 32 times costlier). */
export const CHEAP = { N: 1024, r: 8, p: 1 };

export const PASSWORDS = {
  site: 'site-password-Ké9!x',
  region: 'region-password-Zq7#',
  national: 'national-password-Wm3$',
  admin: 'admin-password-Lp2&x',
  disabled: 'disabled-password-Rt5%',
} as const;

export const EMAILS = {
  site: 'imagerie@chu-lille.example',
  region: 'ars@ars-bretagne.example',
  national: 'dgos@sante.example',
  admin: 'admin@plateau.example',
  disabled: 'former@chu-lille.example',
} as const;

/** Adds one user of each role, and a disabled site user. */
export async function seedUsers(store: Store): Promise<void> {
  const o = { scrypt: CHEAP };
  await addUser(
    store,
    {
      email: EMAILS.site,
      role: 'site',
      finess: ['590780193'],
      displayName: 'Imagerie CHU',
      password: PASSWORDS.site,
    },
    o,
  );
  await addUser(
    store,
    { email: EMAILS.region, role: 'region', region: 'Bretagne', password: PASSWORDS.region },
    o,
  );
  await addUser(
    store,
    { email: EMAILS.national, role: 'national', password: PASSWORDS.national },
    o,
  );
  await addUser(store, { email: EMAILS.admin, role: 'admin', password: PASSWORDS.admin }, o);
  await addUser(
    store,
    { email: EMAILS.disabled, role: 'site', finess: ['590780193'], password: PASSWORDS.disabled },
    o,
  );
  await disableUser(store, EMAILS.disabled);
}

/** An accounts-mode app over `store`. */
export function accountsApp(
  store: Store,
  accounts: AccountsOptions = {},
  log?: (line: string) => void,
): PlateauApp {
  return createApp({ store, accounts: { scrypt: CHEAP, ...accounts }, ...(log ? { log } : {}) });
}

/** POST /api/session with `body` as JSON. */
export function login(
  app: PlateauApp,
  email: string,
  password: string,
  init: { url?: string; headers?: Record<string, string>; env?: unknown } = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(
      init.url ?? '/api/session',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...init.headers },
        body: JSON.stringify({ email, password }),
      },
      init.env,
    ),
  );
}

/** The `name=value` of the answer's session cookie, for a Cookie header. */
export function cookieOf(response: Response): string {
  const set = response.headers.get('set-cookie');
  if (!set) throw new Error(`no Set-Cookie (status ${response.status})`);
  return set.split(';')[0]!;
}

/** Logs in as `role`; the Cookie header and the CSRF value. */
export async function session(
  app: PlateauApp,
  role: keyof typeof EMAILS,
): Promise<{ cookie: string; csrf: string }> {
  const response = await login(app, EMAILS[role], PASSWORDS[role]);
  if (response.status !== 200)
    throw new Error(`login as ${role}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { csrf: string };
  return { cookie: cookieOf(response), csrf: body.csrf };
}
