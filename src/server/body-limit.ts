/**
 * The body limit of the routes that take one. A declared `Content-Length` over the limit is
 * answered at once, unread. A body of unknown length (chunked) is counted as it arrives and
 * answered the moment it passes the limit; until then it is kept either in memory as its chunks
 * (no copies: Hono's own bodyLimit grows a buffer by doubling, up to the limit) or, with `spool`,
 * in a temporary file removed as soon as it is opened, so a refused upload never holds its bytes
 * in memory at all. The handler then reads the counted body as usual.
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';

export interface BodyLimitOptions {
  /** Largest body, in bytes. */
  maxSize: number;
  /** The answer past the limit (a 413). */
  onError: (c: Context) => Response | Promise<Response>;
  /**
   * Keep a body of unknown length in a temporary file (owner-only, unlinked at once) while it is
   * counted, rather than in memory. For bodies that may be written to disk (data kits, which
   * hold no patient identity), not for FHIR Bundles.
   */
  spool?: boolean;
}

/** Somewhere to keep a body while it is counted. */
interface Sink {
  write(chunk: Uint8Array): Promise<void>;
  /** The whole body, `size` bytes. */
  bytes(size: number): Promise<Uint8Array>;
  discard(): Promise<void>;
}

function memorySink(): Sink {
  const chunks: Uint8Array[] = [];
  return {
    write: async (chunk) => {
      chunks.push(chunk);
    },
    bytes: async (size) => {
      const out = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.byteLength;
      }
      chunks.length = 0;
      return out;
    },
    discard: async () => {
      chunks.length = 0;
    },
  };
}

async function fileSink(): Promise<Sink> {
  const dir = await mkdtemp(join(tmpdir(), 'plateau-body-'));
  let file: FileHandle;
  try {
    file = await open(join(dir, 'body'), 'wx+', 0o600);
  } finally {
    // Unlinked while open (POSIX): nothing is left behind, even if the process dies.
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await file.close();
  };
  return {
    write: async (chunk) => {
      await file.write(chunk);
    },
    bytes: async (size) => {
      try {
        const out = new Uint8Array(size);
        let at = 0;
        while (at < size) {
          const { bytesRead } = await file.read(out, at, size - at, at);
          if (bytesRead === 0) throw new Error('the spooled body is shorter than counted');
          at += bytesRead;
        }
        return out;
      } finally {
        await close();
      }
    },
    discard: close,
  };
}

/**
 * A body limit that never holds more than the limit, and with `spool` holds nothing in memory
 * for a body refused past it.
 *
 * @example
 * app.post('/api/uploads', bodyLimit({ maxSize: 512 * 2 ** 20, onError: tooLargeAnswer, spool: true }), handler);
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const { maxSize, onError } = options;
  return async function limitBody(c, next) {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.raw.headers.get('content-length');
    if (declared !== null && !c.req.raw.headers.has('transfer-encoding')) {
      return Number(declared) > maxSize ? onError(c) : next();
    }
    const sink = options.spool ? await fileSink() : memorySink();
    let size = 0;
    let kept = false;
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        // Past the limit: answer now; the server drains a little more, then closes the connection.
        if (size > maxSize) return await onError(c);
        await sink.write(value);
      }
      const bytes = await sink.bytes(size);
      kept = true;
      c.req.raw = new Request(c.req.raw, { body: bytes as Uint8Array<ArrayBuffer> });
    } finally {
      if (!kept) await sink.discard();
    }
    return next();
  };
}
