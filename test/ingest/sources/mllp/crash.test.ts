// A real crash: the listener runs in a child process that is killed (SIGKILL) while a client
// streams messages; a new process reopens the same journal (taking over the dead one's lock),
// the client resends what was not acknowledged (and some that were): every message ends up in
// the journal exactly once. The child runs the TypeScript sources, type-stripped here.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMllp, readJournal } from '../../../../src/ingest/sources/mllp/index.ts';
import { hl7, MllpClient } from './mllp-client.ts';
import { ROOT as root, transpileTree } from './transpile-tree.ts';

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plateau-mllp-crash-'));
  transpileTree(join(root, 'src/ingest/sources/mllp/index.ts'), join(tmp, 'code'));
  writeFileSync(
    join(tmp, 'code/child.mjs'),
    `import { startMllpListener } from './src/ingest/sources/mllp/index.js';\n` +
      `const l = await startMllpListener({ port: 0, journalDir: process.argv[2], secret: 'crash-secret' });\n` +
      `process.stdout.write('PORT ' + l.port + '\\n');\n`,
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function startChild(journalDir: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolvePort, reject) => {
    const child = spawn(process.execPath, [join(tmp, 'code/child.mjs'), journalDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolvePort({ child, port: Number(m[1]) });
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`the listener exited (${code}): ${err}`)));
  });
}

const WINDOW = 20;

describe('MLLP listener killed mid-stream', () => {
  it('loses nothing and doubles nothing', async () => {
    const journalDir = join(tmp, 'journal');
    const ids = Array.from({ length: 400 }, (_, i) => `K-${i}`);
    const unacked = new Set(ids);
    const acked: string[] = [];
    let killed = false;
    let rounds = 0;
    for (let round = 0; unacked.size > 0; round += 1) {
      expect(round).toBeLessThan(5);
      rounds += 1;
      const { child, port } = await startChild(journalDir);
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      const c = await MllpClient.connect(port);
      const batch = round > 0 ? [...acked.slice(-10), ...unacked] : [...unacked];
      for (let i = 0; i < batch.length && !c.closed; i += 5) {
        // At most WINDOW messages in flight, as a sending RIS does: when the kill is decided the
        // listener can acknowledge only those, so the first round always leaves some unacked.
        if (!killed) await c.waitAcks(i - WINDOW, 10_000);
        if (!killed && c.acks.length >= 40) {
          killed = true;
          child.kill('SIGKILL');
          await exited;
        }
        if (c.closed) break;
        c.write(
          new Uint8Array(Buffer.concat(batch.slice(i, i + 5).map((id) => encodeMllp(hl7(id))))),
        );
        await new Promise((r) => setImmediate(r));
      }
      if (!killed) {
        await c.waitAcks(40, 10_000);
        killed = true;
        child.kill('SIGKILL');
      }
      await c.waitAcks(batch.length, 10_000);
      for (const ack of c.acks) {
        expect(ack.code).toBe('AA');
        if (unacked.delete(ack.controlId)) acked.push(ack.controlId);
      }
      c.close();
      if (round > 0 || unacked.size === 0) child.kill('SIGTERM');
      await exited;
    }
    expect(killed).toBe(true);
    expect(rounds).toBeGreaterThan(1);
    const stored: string[] = [];
    for await (const e of readJournal(journalDir)) stored.push(e.meta.controlId);
    expect(stored.length).toBe(ids.length);
    expect([...stored].sort()).toEqual([...ids].sort());
  }, 30_000);
});
