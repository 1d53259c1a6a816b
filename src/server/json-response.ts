/**
 * Answers with JSON already serialized. Views are memoized as `JsonBody`: their UTF-8 bytes,
 * encoded once (a cached view costs neither serialization nor encoding per request), and their
 * gzip, made on the first request that accepts it and kept: a benchmark view lists every
 * selected machine (~1 KB each: 30 KB to 2 MB of JSON) and gzip sends a sixth of it, which at 50
 * clients on 2 cores is what the answer costs (writing it to the socket, the client reading it).
 * The app answers the plain JSON; the HTTP server (`startServer`) gzips (`contentCoded`).
 */
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

const JSON_TYPE = 'application/json; charset=UTF-8';
const utf8 = new TextEncoder();

/** Under this size (bytes), an answer is sent as it is: gzip would save less than a packet. */
export const GZIP_FROM_BYTES = 1400;

/** A serialized JSON answer: its UTF-8 bytes, and their gzip once asked for. */
export class JsonBody {
  readonly bytes: Uint8Array<ArrayBuffer>;
  #gzip: Uint8Array<ArrayBuffer> | null = null;

  constructor(text: string) {
    this.bytes = utf8.encode(text);
  }

  /** The bytes gzipped (level 6), made once. */
  gzip(): Uint8Array<ArrayBuffer> {
    return (this.#gzip ??= new Uint8Array(gzipSync(this.bytes)));
  }
}

/**
 * True when the request's `Accept-Encoding` takes gzip (`gzip` or `*`, without `q=0`).
 *
 * @example
 * acceptsGzip('gzip, deflate, br'); // true
 * acceptsGzip('br;q=1, gzip;q=0'); // false
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let gzip: boolean | null = null;
  let any = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const taken = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') gzip = taken;
    else if (name === '*') any = taken;
  }
  return gzip ?? any;
}

/** The large memoized answers `sendJson` made, with their body: the server may send them gzipped. */
const GZIPPABLE = new WeakMap<Response, JsonBody>();

/**
 * A 200 answer with the JSON `body`, as it is. A memoized `JsonBody` of `GZIP_FROM_BYTES` or more
 * says `Vary: Accept-Encoding`, and is remembered so that the HTTP server sends it gzipped to a
 * client that accepts gzip (`contentCoded`): the app itself always answers the plain JSON.
 */
export function sendJson(c: Context, body: string | JsonBody): Response {
  if (typeof body === 'string') return c.body(body, 200, { 'content-type': JSON_TYPE });
  if (body.bytes.byteLength < GZIP_FROM_BYTES)
    return c.body(body.bytes, 200, { 'content-type': JSON_TYPE });
  const response = c.body(body.bytes, 200, { 'content-type': JSON_TYPE, vary: 'Accept-Encoding' });
  GZIPPABLE.set(response, body);
  return response;
}

/**
 * The app's `response` to `request` as the HTTP server sends it: gzipped (its memoized gzip,
 * same status and headers, `Content-Encoding: gzip`) when it is a large memoized JSON answer and
 * the request accepts gzip; as it is otherwise.
 */
export function contentCoded(request: Request, response: Response): Response {
  const body = GZIPPABLE.get(response);
  if (body === undefined || !acceptsGzip(request.headers.get('accept-encoding') ?? undefined))
    return response;
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  return new Response(body.gzip(), { status: response.status, headers });
}
