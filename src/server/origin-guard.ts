/**
 * What a browser page of another site must not do with a server that has no accounts: reach it
 * under a name of its own (DNS rebinding: every request must be addressed to an allowed host,
 * else 421), and change anything (a state-changing request whose `Origin` is not one of the
 * server's own, or whose `Sec-Fetch-Site` says it comes from another site, is refused with 403).
 * Requests without `Origin` nor `Sec-Fetch-*` (curl, the CLI, scripts) are not browsers' and pass.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';

/** Which host names the server answers to. */
export interface HostPolicy {
  /**
   * The port it listens on: loopback names are accepted with this port only. Null when unknown
   * (the app object without a server, as in `app.request()`): loopback names with any port.
   */
  port: number | null;
  /**
   * The other names it is reached by (`plateau serve --public-host`), each `name` (any port) or
   * `name:port`; IPv6 addresses in brackets.
   */
  publicHosts: readonly string[];
}

/** The loopback names, always accepted (with the server's port). */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `name` and `port` of a Host value (`a.b:8080`, `[::1]:4317`, `a.b`), name lower-cased, or null. */
export function splitHost(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && port > 65_535) return null;
  return { name: match[1].toLowerCase().replace(/\.$/, ''), port };
}

/**
 * A public host as `--public-host` gives it, checked: a host name, an IPv4 address or an IPv6
 * address in brackets, with an optional port. Returns null when it is none of these.
 *
 * @example
 * publicHost('Plateau.CHU-Lille.fr') // → 'plateau.chu-lille.fr'
 * publicHost('http://x') // → null
 */
export function publicHost(value: string): string | null {
  const host = splitHost(value);
  if (!host) return null;
  if (
    !/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/.test(
      host.name,
    )
  )
    return null;
  return host.port === null ? host.name : `${host.name}:${host.port}`;
}

/** The names a policy accepts, as a sentence part: `127.0.0.1, localhost or [::1] on port 4317`. */
export function acceptedHosts(policy: HostPolicy): string[] {
  const loopback = LOOPBACK_HOSTS.map((h) => (policy.port === null ? h : `${h}:${policy.port}`));
  return [...loopback, ...policy.publicHosts];
}

/** True when `value` (a Host header or an origin's host) names this server. */
export function isAllowedHost(value: string, policy: HostPolicy): boolean {
  const host = splitHost(value);
  if (!host) return false;
  const loopback = (LOOPBACK_HOSTS as readonly string[]).includes(host.name);
  if (loopback && (policy.port === null || (host.port ?? 80) === policy.port)) return true;
  // A loopback name with another port only when given (a development server proxying to this one).
  return policy.publicHosts.some((allowed) => {
    const entry = splitHost(allowed);
    return (
      entry !== null &&
      entry.name === host.name &&
      (entry.port === null || entry.port === (host.port ?? 80))
    );
  });
}

/** A header value as a message may quote it: printable ASCII, cut short. */
function quoted(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return `'${clean.length > 80 ? `${clean.slice(0, 77)}...` : clean}'`;
}

function list(names: readonly string[]): string {
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
    : (names[0] ?? '');
}

/** Why a state-changing request is refused as cross-origin, or null when it may go on. */
function crossOrigin(c: Context, policy: HostPolicy): string | null {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site')?.toLowerCase();
  let ours = false;
  if (origin !== undefined) {
    let url: URL | null = null;
    try {
      url = origin === 'null' ? null : new URL(origin);
    } catch {
      url = null;
    }
    ours =
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      isAllowedHost(url.host, policy);
    if (!ours) return `it comes from a page of another origin (Origin ${quoted(origin)})`;
  }
  if (site === 'cross-site')
    return 'it comes from a page of another site (Sec-Fetch-Site: cross-site)';
  if (site === 'same-site' && !ours)
    return 'it comes from a page of another origin on the same site (Sec-Fetch-Site: same-site)';
  return null;
}

/**
 * The guard: 421 `host-not-allowed` for a request addressed to a name the policy does not
 * accept, 403 `cross-origin` for a state-changing request from another origin's page.
 *
 * @example
 * app.use('*', originGuard({ port: 4317, publicHosts: ['plateau.chu.fr'] }));
 */
export function originGuard(policy: HostPolicy): MiddlewareHandler {
  const accepted = list(acceptedHosts(policy));
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!isAllowedHost(host, policy)) {
      return c.json(
        errorBody(
          'host-not-allowed',
          `this server answers only requests addressed to ${accepted}, not to ${quoted(host)} ` +
            '(a page of another site can reach a local server under its own name: DNS rebinding). ' +
            'To reach plateau by this name, start it with --public-host NAME.',
        ),
        421,
      );
    }
    if (UNSAFE_METHODS.has(c.req.method)) {
      const why = crossOrigin(c, policy);
      if (why) {
        return c.json(
          errorBody(
            'cross-origin',
            `${c.req.method} refused: ${why}, and this server takes changes only from its own pages ` +
              `(${accepted}) or from clients that are not browsers (the CLI, curl). ` +
              'Use plateau from its own address, or, when it is served under another name, start it with --public-host NAME.',
          ),
          403,
        );
      }
    }
    await next();
  };
}
