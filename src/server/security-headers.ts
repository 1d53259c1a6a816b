/**
 * Headers every answer carries: no MIME sniffing, no referrer, and a content security policy
 * that lets only the app's own scripts run. Styles allow `'unsafe-inline'` because ECharts
 * positions its tooltips and labels with inline style attributes; images allow data: and blob:
 * for chart exports. Over HTTPS in accounts mode, `Strict-Transport-Security` too.
 */
import type { Context, MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface SecurityHeaderOptions {
  /**
   * True when the request came over HTTPS and the browser should keep to it
   * (`Strict-Transport-Security`, one year): accounts mode sets it; local mode never does.
   */
  hsts?: (c: Context) => boolean;
}

/** Sets the security headers on every response. */
export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (options.hsts?.(c)) headers.set('Strict-Transport-Security', 'max-age=31536000');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Frame-Options', 'DENY');
  };
}
