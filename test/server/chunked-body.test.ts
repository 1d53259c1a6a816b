// Bodies of unknown length (Transfer-Encoding: chunked) on a real socket: an upload past the
// limit is answered 413 as soon as it passes it, and memory does not grow with it (it is counted
// into an unlinked temporary file; Hono's bodyLimit grew an in-memory buffer up to the limit);
// one under the limit is read as usual; a FHIR Bundle past its limit is cut too.
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.ts';
import type { Store } from '../../src/storage/index.ts';
import { mappingOf } from '../ingest/sources/fhir/cases.ts';

// The routes under test refuse before touching the store: a stand-in that would fail if they did.
const store = {
  db: {},
  engine: 'pglite',
  location: 'nowhere',
  close: async () => undefined,
} as unknown as Store;
const MIB = 1024 * 1024;

interface Sent {
  status: number;
  body: string;
  /** Bytes the client had written when the answer came. */
  sentAtAnswer: number;
  /** Largest growth of the process's array buffers (MiB) while the request went on. */
  peakArrayBuffersMib: number;
  peakRssMib: number;
}

/** POSTs `total` bytes (or `body`) with chunked encoding, stopping when the answer comes. */
function sendChunked(
  url: string,
  type: string,
  options: { total?: number; body?: Uint8Array },
): Promise<Sent> {
  const base = process.memoryUsage();
  let peakArrayBuffers = 0;
  let peakRss = 0;
  const sample = setInterval(() => {
    const now = process.memoryUsage();
    peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers - base.arrayBuffers);
    peakRss = Math.max(peakRss, now.rss - base.rss);
  }, 2);
  return new Promise<Sent>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'Content-Type': type, 'Transfer-Encoding': 'chunked' } },
      (res) => {
        answered = true;
        const sentAtAnswer = sent;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearInterval(sample);
          req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            sentAtAnswer,
            peakArrayBuffersMib: peakArrayBuffers / MIB,
            peakRssMib: peakRss / MIB,
          });
        });
      },
    );
    req.on('error', (error) => {
      if (!answered) {
        clearInterval(sample);
        reject(error);
      }
    });
    if (options.body) {
      req.write(options.body.subarray(0, 10));
      req.end(options.body.subarray(10));
      return;
    }
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const total = options.total ?? 0;
    const pump = (): void => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('a chunked body', () => {
  it('past the upload limit is cut with 413 at once, without filling memory', async () => {
    const limit = 128 * MIB;
    const server = await startServer({
      store,
      port: 0,
      webRoot: null,
      limits: { bodyBytes: limit },
    });
    try {
      const sent = await sendChunked(
        `${server.url}api/uploads`,
        'multipart/form-data; boundary=x',
        { total: 1024 * MIB },
      );
      expect(sent.status).toBe(413);
      expect(JSON.parse(sent.body)).toMatchObject({ error: { code: 'payload-too-large' } });
      // Answered once the limit was passed, not after the whole body.
      expect(sent.sentAtAnswer).toBeGreaterThan(limit);
      expect(sent.sentAtAnswer).toBeLessThan(limit + 64 * MIB);
      // The limit's bytes were never held in memory at once.
      expect(
        sent.peakArrayBuffersMib,
        `peak array buffers +${sent.peakArrayBuffersMib.toFixed(0)} MiB, rss +${sent.peakRssMib.toFixed(0)} MiB`,
      ).toBeLessThan(limit / MIB / 2);
    } finally {
      await server.close();
    }
  });

  it('under the limit is read as usual', async () => {
    const server = await startServer({ store, port: 0, webRoot: null, limits: { bodyBytes: MIB } });
    try {
      const data = new FormData();
      data.append('notes', 'x'.repeat(1000));
      const encoded = new Response(data);
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      const sent = await sendChunked(
        `${server.url}api/uploads`,
        encoded.headers.get('content-type')!,
        { body: bytes },
      );
      // The form was read whole: its field is named in the refusal.
      expect(sent.status).toBe(400);
      expect(JSON.parse(sent.body).error.message).toContain("unknown form field 'notes'");
    } finally {
      await server.close();
    }
  });

  it('past the FHIR limit is cut with 413', async () => {
    const fhir = { mapping: mappingOf('exam-bundle'), secret: 's', maxBytes: 4 * MIB };
    const server = await startServer({ store, port: 0, webRoot: null, fhir });
    try {
      const sent = await sendChunked(`${server.url}api/fhir`, 'application/fhir+json', {
        total: 256 * MIB,
      });
      expect(sent.status).toBe(413);
      expect(sent.sentAtAnswer).toBeLessThan(4 * MIB + 64 * MIB);
    } finally {
      await server.close();
    }
  });
});
