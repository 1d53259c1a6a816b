// Memory under a slow attack, in a real process: 24 connections each send the first 15 MB of a
// message that never ends. The listener (a child process, the TypeScript sources type-stripped)
// must keep what it holds under --max-buffered: its resident memory, measured after a GC, grows
// by about the bound, not by the 360 MB sent (before the bound it kept them all).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMllp } from '../../../../src/ingest/sources/mllp/index.ts';
import { hl7, MllpClient } from './mllp-client.ts';
import { ROOT, transpileTree } from './transpile-tree.ts';

const MiB = 1024 * 1024;
let tmp: string;
let child: ChildProcess | null = null;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plateau-mllp-memory-'));
  transpileTree(join(ROOT, 'src/ingest/sources/mllp/index.ts'), join(tmp, 'code'));
  // `stats` on stdin: a GC, then the resident memory and the listener's own counters.
  writeFileSync(
    join(tmp, 'code/child.mjs'),
    `import { createInterface } from 'node:readline';\n` +
      `import { startMllpListener } from './src/ingest/sources/mllp/index.js';\n` +
      `const l = await startMllpListener({ port: 0, journalDir: process.argv[2], secret: 'memory-secret', ...JSON.parse(process.argv[3]) });\n` +
      `createInterface({ input: process.stdin }).on('line', () => {\n` +
      `  globalThis.gc();\n` +
      `  process.stdout.write('STATS ' + JSON.stringify({ rss: process.memoryUsage().rss, buffered: l.buffered, peak: l.peakBuffered, connections: l.connections }) + '\\n');\n` +
      `});\n` +
      `process.stdout.write('PORT ' + l.port + '\\n');\n`,
  );
});
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

interface Stats {
  rss: number;
  buffered: number;
  peak: number;
  connections: number;
}

describe('MLLP listener memory', () => {
  it('holds no more than --max-buffered for 24 connections sending unfinished 15 MB messages', async () => {
    const options = { maxFrameBytes: 16 * MiB, maxBufferedBytes: 32 * MiB };
    const proc = spawn(
      process.execPath,
      ['--expose-gc', join(tmp, 'code/child.mjs'), join(tmp, 'journal'), JSON.stringify(options)],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    child = proc;
    let out = '';
    const waiters: (() => void)[] = [];
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const w of waiters.splice(0)) w();
    });
    const next = async (pattern: RegExp): Promise<RegExpExecArray> => {
      for (;;) {
        const m = pattern.exec(out);
        if (m) {
          out = out.slice(m.index + m[0].length);
          return m;
        }
        await new Promise<void>((r) => waiters.push(r));
      }
    };
    const stats = async (): Promise<Stats> => {
      proc.stdin.write('stats\n');
      return JSON.parse((await next(/STATS (.+)\n/))[1] as string) as Stats;
    };
    const port = Number((await next(/PORT (\d+)\n/))[1]);
    const before = await stats();

    const head = encodeMllp(hl7('SLOW', 'PID|1\rNTE|1||').slice(0, -1)).subarray(0, -2);
    const body = new Uint8Array(15 * 1000 * 1000);
    body.fill(0x78);
    const clients = await Promise.all(Array.from({ length: 24 }, () => MllpClient.connect(port)));
    const sent = clients.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.socket.write(head);
          for (let at = 0; at < body.length; at += MiB) c.socket.write(body.subarray(at, at + MiB));
          c.socket.write(new Uint8Array(0), () => resolve());
          c.socket.once('close', () => resolve());
        }),
    );
    await Promise.all(sent);
    // Every byte either read by the listener or refused with its connection.
    let after = await stats();
    for (
      let i = 0;
      i < 300 &&
      !(clients.filter((c) => c.closed).length === 22 && after.buffered >= 30 * 1000 * 1000);
      i += 1
    ) {
      await new Promise((r) => setTimeout(r, 100));
      after = await stats();
    }
    try {
      expect(clients.filter((c) => c.closed)).toHaveLength(22);
      expect(after.connections).toBe(2);
      expect(after.peak).toBeLessThanOrEqual(32 * MiB);
      // The bound plus the runtime's own slack (socket buffers, memory freed but not returned to the
      // system): measured +86 MB with the bound, +370 MB without it.
      expect(after.rss - before.rss).toBeLessThan(32 * MiB + 96 * MiB);
    } finally {
      for (const c of clients) c.close();
      proc.kill('SIGTERM');
    }
  }, 60_000);
});
