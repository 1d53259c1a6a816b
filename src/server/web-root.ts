/**
 * The built web app: files of the web root with their content type (hashed `/assets/*` cached
 * for good, everything else revalidated), and `index.html` for any other path so the app's own
 * router takes over (a single-page app). Paths cannot leave the web root.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=UTF-8',
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.webmanifest': 'application/manifest+json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=UTF-8',
  '.csv': 'text/csv; charset=UTF-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
};

/** The content type of a file name (`application/octet-stream` when unknown). */
export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The regular file at `path`, or null. */
async function fileAt(path: string): Promise<Buffer | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return readFile(path);
}

/**
 * A handler serving the web app in `webRoot` for GET and HEAD requests outside /api.
 *
 * @example
 * app.get('*', webRootHandler('/opt/plateau/dist/web'));
 */
export function webRootHandler(webRoot: string): (c: Context) => Promise<Response> {
  const root = resolve(webRoot);
  return async (c) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad Request', 400);
    }
    if (pathname.includes('\0')) return c.text('Bad Request', 400);
    const target = resolve(join(root, pathname));
    const inside = target === root || target.startsWith(root + sep);
    const file = inside && target !== root ? await fileAt(target) : null;
    if (file) {
      const cache = pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
      return c.body(new Uint8Array(file), 200, {
        'content-type': contentTypeOf(target),
        'cache-control': cache,
      });
    }
    // A missing hashed asset is a broken build, not an app route: say so instead of HTML.
    if (pathname.startsWith('/assets/')) return c.text('Not Found', 404);
    const index = await fileAt(join(root, 'index.html'));
    if (!index)
      return c.text(
        `plateau's web app is not built (no index.html in ${root}): run npm run build`,
        404,
      );
    return c.body(new Uint8Array(index), 200, {
      'content-type': TYPES['.html'] ?? 'text/html',
      'cache-control': 'no-cache',
    });
  };
}
