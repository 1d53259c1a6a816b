/**
 * The session cookie (issue 15): HttpOnly, SameSite=Strict, Path=/, and over HTTPS Secure with the
 * `__Host-` prefix (a sibling sub-domain or a plain-HTTP page cannot plant it). A request is HTTPS
 * when its socket is TLS, or, behind a trusted reverse proxy, when the proxy says so.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The cookie's name over plain HTTP. */
export const SESSION_COOKIE = 'plateau_session';
/** The cookie's name over HTTPS. */
export const SECURE_SESSION_COOKIE = '__Host-plateau_session';

/** The last comma-separated value of a header (the hop our own proxy added), trimmed; null when absent. */
export function lastHop(value: string | undefined): string | null {
  if (value === undefined) return null;
  const last = value.split(',').at(-1)?.trim() ?? '';
  return last === '' ? null : last;
}

/**
 * True when the request reached us over HTTPS: a TLS socket (the URL's scheme), or with
 * `trustProxy` an `X-Forwarded-Proto: https` from the proxy.
 */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && lastHop(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https';
}

/** The session token the request's cookie carries (only the name its scheme allows), or null. */
export function readSessionToken(c: Context, trustProxy: boolean): string | null {
  const token = getCookie(c, isHttps(c, trustProxy) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
  // createSession's tokens are 43 base64url characters; anything else opens no session.
  return token !== undefined && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

/** Sets the session cookie, living `maxAgeSeconds`. */
export function setSessionCookie(
  c: Context,
  token: string,
  maxAgeSeconds: number,
  trustProxy: boolean,
): void {
  const https = isHttps(c, trustProxy);
  setCookie(c, https ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: https,
    maxAge: Math.floor(maxAgeSeconds),
  });
}

/** Clears the session cookie (Max-Age=0, same attributes). */
export function clearSessionCookie(c: Context, trustProxy: boolean): void {
  const https = isHttps(c, trustProxy);
  deleteCookie(c, https ? SECURE_SESSION_COOKIE : SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: https,
  });
}
