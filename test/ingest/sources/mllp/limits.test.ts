// The listener's limits over real sockets: a connection cap, an idle timeout and a bound on the
// bytes held across connections (unfinished frames), each closing the connection with an event;
// the connections left keep working.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeMllp, startMllpListener } from '../../../../src/ingest/sources/mllp/index.ts';
import type {
  MllpConnectionEvent,
  MllpListener,
  MllpListenerOptions,
} from '../../../../src/ingest/sources/mllp/index.ts';
import { hl7, MllpClient } from './mllp-client.ts';

let dir: string;
const open: MllpListener[] = [];
const clients: MllpClient[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plateau-mllp-limits-'));
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(open.splice(0).map((l) => l.close()));
  await rm(dir, { recursive: true, force: true });
});

async function start(
  options: Partial<MllpListenerOptions>,
  events: MllpConnectionEvent[],
): Promise<MllpListener> {
  const listener = await startMllpListener({
    port: 0,
    journalDir: dir,
    secret: 'limits-secret',
    onConnection: (e) => events.push(e),
    ...options,
  });
  open.push(listener);
  return listener;
}
async function client(port: number): Promise<MllpClient> {
  const c = await MllpClient.connect(port);
  clients.push(c);
  return c;
}
async function until(what: string, done: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
/** The start of a message that never ends: start block, MSH, then `size` bytes of one segment. */
function unfinished(id: string, size: number): Uint8Array {
  const head = encodeMllp(hl7(id, 'PID|1\rNTE|1||').slice(0, -1)).subarray(0, -2);
  return new Uint8Array(Buffer.concat([head, Buffer.alloc(size, 0x78)]));
}

describe('MLLP listener limits', () => {
  it('closes connections over the cap at once; the others keep working', async () => {
    const events: MllpConnectionEvent[] = [];
    const listener = await start({ maxConnections: 3 }, events);
    const kept = [
      await client(listener.port),
      await client(listener.port),
      await client(listener.port),
    ];
    await until('three connections', () => listener.connections === 3);
    const extra = await client(listener.port);
    await extra.waitClosed(2000);
    expect(events).toEqual([
      { kind: 'refused', peer: expect.stringMatching(/^127\.0\.0\.1:\d+$/) as string, limit: 3 },
    ]);
    expect(listener.connections).toBe(3);
    for (const [i, c] of kept.entries()) c.write(hl7(`CAP-${i}`));
    for (const c of kept) expect((await c.waitAcks(1))[0]?.code).toBe('AA');
    // A place freed is a place taken again.
    kept[0]?.close();
    await until('a free place', () => listener.connections === 2);
    const next = await client(listener.port);
    next.write(hl7('CAP-NEXT'));
    expect((await next.waitAcks(1))[0]?.code).toBe('AA');
  });

  it('closes a connection idle for the timeout, dropping its unfinished frame; a talking one stays', async () => {
    const events: MllpConnectionEvent[] = [];
    const listener = await start({ idleTimeoutMs: 1000 }, events);
    const silent = await client(listener.port);
    silent.write(unfinished('IDLE-1', 10_000));
    const talking = await client(listener.port);
    await until('the unfinished frame', () => listener.buffered > 10_000);
    const started = Date.now();
    let sent = 0;
    while (!silent.closed) {
      talking.write(hl7(`TALK-${sent}`));
      sent += 1;
      await talking.waitAcks(sent);
      await new Promise((r) => setTimeout(r, 100));
      if (Date.now() - started > 8000) throw new Error('the idle connection stayed open');
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(events).toEqual([
      {
        kind: 'idle',
        peer: expect.any(String) as string,
        seconds: 1,
        dropped: expect.any(Number) as number,
      },
    ]);
    expect((events[0] as { dropped: number }).dropped).toBeGreaterThan(10_000);
    expect(listener.buffered).toBe(0);
    expect(talking.closed).toBe(false);
    talking.write(hl7('TALK-LAST'));
    expect((await talking.waitAcks(sent + 1))[sent]?.code).toBe('AA');
  });

  it('keeps the bytes held across 24 connections sending unfinished large frames under the bound', async () => {
    const events: MllpConnectionEvent[] = [];
    const MiB = 1024 * 1024;
    const listener = await start({ maxFrameBytes: 2 * MiB, maxBufferedBytes: 4 * MiB }, events);
    expect(listener.limits).toMatchObject({
      maxFrameBytes: 2 * MiB,
      maxBufferedBytes: 4 * MiB,
      maxConnections: 32,
    });
    const senders = await Promise.all(Array.from({ length: 24 }, () => client(listener.port)));
    for (const [i, c] of senders.entries()) c.write(unfinished(`BIG-${i}`, 1.5 * MiB));
    // Two frames of 1.5 MiB fit in 4 MiB, a third does not: all but two senders are cut off.
    await until(
      '22 connections closed',
      () => senders.filter((c) => c.closed).length >= 22,
      15_000,
    );
    // Two senders always remain: one closure frees room for the others, and three cannot fit.
    await until('the two frames left read whole', () => listener.buffered > 2 * 1.5 * MiB, 15_000);
    expect(senders.filter((c) => c.closed)).toHaveLength(22);
    expect(listener.peakBuffered).toBeLessThanOrEqual(4 * MiB);
    expect(events.filter((e) => e.kind === 'over-buffer')).toHaveLength(22);
    expect(events[0]).toMatchObject({ kind: 'over-buffer', limit: 4 * MiB });
    // The two left finish their messages and are answered; the memory is given back.
    const alive = senders.filter((c) => !c.closed);
    for (const c of alive) c.write(Uint8Array.of(0x1c, 0x0d));
    for (const c of alive) expect((await c.waitAcks(1))[0]?.code).toBe('AA');
    await until('memory given back', () => listener.buffered === 0);
    // A sender cut off sends again, and is answered.
    const again = await client(listener.port);
    again.write(hl7('BIG-AGAIN'));
    expect((await again.waitAcks(1))[0]?.code).toBe('AA');
    expect(listener.peakBuffered).toBeLessThanOrEqual(4 * MiB);
  });

  it('refuses a buffer bound below the frame limit', async () => {
    await expect(start({ maxFrameBytes: 4096, maxBufferedBytes: 2048 }, [])).rejects.toThrow(
      /below maxFrameBytes/,
    );
  });
});
