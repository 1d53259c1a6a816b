import { mkdtemp, readdir, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  encodeMllp,
  readJournal,
  startMllpListener,
} from '../../../../src/ingest/sources/mllp/index.ts';
import type {
  JournalEntry,
  MllpListener,
  MllpOutcome,
} from '../../../../src/ingest/sources/mllp/index.ts';
import { pseudonymize } from '../../../../src/ingest/sources/identity.ts';
import { hl7, MllpClient } from './mllp-client.ts';
import { SHARED_DIR } from '../../../helpers/shared.ts';

let dir: string;
const open: MllpListener[] = [];
const clients: MllpClient[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plateau-mllp-'));
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(open.splice(0).map((l) => l.close()));
  await rm(dir, { recursive: true, force: true });
});

const clock = (): Date => new Date('2026-11-23T10:00:00Z');
async function start(
  options: { maxFrameBytes?: number; onOutcome?: (o: MllpOutcome) => void } = {},
): Promise<MllpListener> {
  const listener = await startMllpListener({
    port: 0,
    journalDir: dir,
    secret: 'listener-secret',
    now: clock,
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
async function journaled(): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  for await (const e of readJournal(dir)) out.push(e);
  return out;
}

describe('MLLP listener over a real socket', () => {
  it('acknowledges a good message (AA, MSA-2 = MSH-10, sender and receiver swapped) after journaling it', async () => {
    const listener = await start();
    const c = await client(listener.port);
    c.write(hl7('MSG-1'));
    const [ack] = await c.waitAcks(1);
    expect(ack?.code).toBe('AA');
    expect(ack?.controlId).toBe('MSG-1');
    const msh = ack?.segments[0] ?? [];
    expect([msh[2], msh[3], msh[4], msh[5], msh[8]]).toEqual([
      'PLATEAU',
      'ANAP',
      'RIS',
      'CHU',
      'ACK^O01^ACK',
    ]);
    // The ACK is only sent once the message is on disk.
    const entries = await journaled();
    expect(entries.map((e) => e.meta.controlId)).toEqual(['MSG-1']);
    // Kept de-identified (hl7v2/deidentify.ts): PID with its identifier's keyed hash only, the order number hashed.
    const kept = new TextDecoder().decode(entries[0]?.bytes);
    expect(kept).toMatch(/^MSH\|\^~\\&\|.*\|ORM\^O01\^ORM_O01\|MSG-1(\||\r)/);
    expect(kept).toContain(`\rPID|1||plateau.h.${pseudonymize('CHU|123', 'listener-secret')}\r`);
    expect(kept).toMatch(/\rOBR\|.*\|IRM\|\|\|20261123100000/);
    expect(kept).not.toMatch(/\|123\^|ACC1/);
    expect(entries[0]?.meta.receivedAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('accepts a real RIS message (byte-order mark, \\n between segments)', async () => {
    const listener = await start();
    const c = await client(listener.port);
    c.write(
      new Uint8Array(encodeMllp(await readFile(`${SHARED_DIR}/samples/hl7v2/ORM-O01-01.hl7`))),
    );
    const [ack] = await c.waitAcks(1);
    expect([ack?.code, ack?.controlId]).toEqual(['AA', 'MSG00018']);
    // Its patient's names, identifiers, day of birth, address and phones never reach the disk.
    const kept = new TextDecoder().decode((await journaled())[0]?.bytes);
    for (const identity of [
      'EVERYMAN',
      'ADAM',
      'PATID1234',
      '123456789',
      '19880818',
      'Hospital Lane',
      '78788788',
      'PSSN123121234',
      'DLN-123',
      'SMITH',
    ]) {
      expect(kept, identity).not.toContain(identity);
    }
    // PID-3's first repetition (no PI one): authority test1 (CX-4's namespace), id PATID1234, hashed.
    expect(kept).toContain(
      `\rPID|1||plateau.h.${pseudonymize('test1|PATID1234', 'listener-secret')}||||198808\r`,
    );
  });

  it('NAKs malformed messages (AR/AE with the reason in MSA-3 and ERR) and stores none of them', async () => {
    const outcomes: MllpOutcome[] = [];
    const listener = await start({ onOutcome: (o) => outcomes.push(o) });
    const c = await client(listener.port);
    c.write('PID|1||123\rOBR|1');
    c.write('MSH|^~\\&|RIS|CHU|PLATEAU|ANAP|20261123||ORM^O01||P|2.5\rPID|1');
    c.write(hl7('CUT-1', 'PID|1||123\rthis line was wrapped by a broken interface'));
    const acks = await c.waitAcks(3);
    expect(acks.map((a) => a.code)).toEqual(['AR', 'AR', 'AE']);
    expect(acks[1]?.segments.find((s) => s[0] === 'MSA')?.[3]).toMatch(/control ID \(MSH-10\)/);
    const err = acks[1]?.segments.find((s) => s[0] === 'ERR') ?? [];
    expect([err[2], err[3], err[4]]).toEqual(['MSH-10', '101^Required field missing^HL70357', 'E']);
    expect(acks[2]?.controlId).toBe('CUT-1');
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // A good message on the same connection still goes through.
    c.write(hl7('OK-1'));
    expect((await c.waitAcks(4))[3]?.code).toBe('AA');
    expect((await journaled()).map((e) => e.meta.controlId)).toEqual(['OK-1']);
  });

  it('NAKs an oversize message by its control id and stays in step', async () => {
    const listener = await start({ maxFrameBytes: 2000 });
    const c = await client(listener.port);
    c.write(hl7('BIG-1', `PID|1\rNTE|1||${'x'.repeat(50_000)}`));
    c.write(hl7('SMALL-1'));
    const acks = await c.waitAcks(2);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AR', 'BIG-1'],
      ['AA', 'SMALL-1'],
    ]);
    expect((await journaled()).map((e) => e.meta.controlId)).toEqual(['SMALL-1']);
  });

  it('reads frames split across writes and several frames in one write, with garbage around them', async () => {
    const listener = await start();
    const c = await client(listener.port);
    const one = encodeMllp(hl7('SPLIT-1'));
    for (let i = 0; i < one.length; i += 7) {
      c.write(one.subarray(i, i + 7));
      await new Promise((r) => setTimeout(r, 1));
    }
    const many = Buffer.concat([
      Buffer.from('\r\n'),
      ...['M-1', 'M-2', 'M-3'].map((id) => encodeMllp(hl7(id))),
      Buffer.from('junk'),
    ]);
    c.write(new Uint8Array(many));
    const acks = await c.waitAcks(4);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AA', 'SPLIT-1'],
      ['AA', 'M-1'],
      ['AA', 'M-2'],
      ['AA', 'M-3'],
    ]);
  });

  it('answers a flood of frames in one write, in order (reading pauses while they are stored)', async () => {
    const listener = await start();
    const c = await client(listener.port);
    const ids = Array.from({ length: 500 }, (_, i) => `F-${i}`);
    c.write(new Uint8Array(Buffer.concat(ids.map((id) => encodeMllp(hl7(id))))));
    const acks = await c.waitAcks(ids.length, 20_000);
    expect(acks.map((a) => a.controlId)).toEqual(ids);
    expect(acks.every((a) => a.code === 'AA')).toBe(true);
    expect(listener.journal.count).toBe(500);
  });

  it('answers a sender that shuts its side right after sending, then closes', async () => {
    const listener = await start();
    const c = await client(listener.port);
    c.write(hl7('H-1'));
    c.write(hl7('H-2'));
    c.socket.end();
    await c.waitClosed();
    expect(c.acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AA', 'H-1'],
      ['AA', 'H-2'],
    ]);
  });

  it('acknowledges a resent message again without storing it twice', async () => {
    const outcomes: MllpOutcome[] = [];
    const listener = await start({ onOutcome: (o) => outcomes.push(o) });
    const c = await client(listener.port);
    c.write(hl7('DUP-1'));
    c.write(hl7('DUP-1'));
    const acks = await c.waitAcks(2);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AA', 'DUP-1'],
      ['AA', 'DUP-1'],
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'duplicate']);
    expect(await journaled()).toHaveLength(1);
  });

  it('answers a control id reused for other content with an AE (ERR 205), stores nothing, even after a restart', async () => {
    const outcomes: MllpOutcome[] = [];
    let listener = await start({ onOutcome: (o) => outcomes.push(o) });
    let c = await client(listener.port);
    const first = hl7('REUSED-1');
    const other = hl7('REUSED-1', 'PID|1||456^^^CHU\rOBR|1|ACC2||SCANNER|||20261123110000');
    c.write(first);
    c.write(other);
    c.write(first);
    const acks = await c.waitAcks(3);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual([
      ['AA', 'REUSED-1'],
      ['AE', 'REUSED-1'],
      ['AA', 'REUSED-1'],
    ]);
    expect(acks[1]?.segments.find((s) => s[0] === 'MSA')?.[3]).toMatch(
      /already used by another message/,
    );
    const err = acks[1]?.segments.find((s) => s[0] === 'ERR') ?? [];
    expect([err[2], err[3], err[4]]).toEqual([
      'MSH-10',
      '205^Duplicate key identifier^HL70357',
      'E',
    ]);
    expect(err[8]).toMatch(/different content: not stored/);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'rejected', 'duplicate']);
    expect(outcomes[1]).toMatchObject({
      code: 'AE',
      controlId: 'REUSED-1',
      reason: expect.stringMatching(/MSH-10/) as string,
    });

    // The journal remembers what each control id carried across a restart.
    c.close();
    await listener.close();
    listener = await start();
    c = await client(listener.port);
    c.write(other);
    c.write(first);
    expect((await c.waitAcks(2)).map((a) => a.code)).toEqual(['AE', 'AA']);
    expect((await journaled()).map((e) => e.meta.controlId)).toEqual(['REUSED-1']);
  });

  it('loses nothing and doubles nothing across a restart mid-stream', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `R-${i}`);
    const accepted: number[] = [0, 0];
    let generation = 0;
    let duplicates = 0;
    let listener: MllpListener;
    let ready: Promise<MllpListener>;
    const onOutcome = (o: MllpOutcome): void => {
      const g = generation;
      if (o.status === 'accepted') accepted[g] = (accepted[g] ?? 0) + 1;
      if (o.status === 'duplicate' && g === 1) duplicates += 1;
      if (g === 0 && accepted[0] === 40) {
        // Stop the first listener while the client is still sending, then reopen the journal.
        generation = 1;
        ready = (async () => {
          await listener.close();
          listener = await start({ onOutcome });
          return listener;
        })();
      }
    };
    listener = await start({ onOutcome });
    ready = Promise.resolve(listener);

    const unacked = new Set(ids);
    let connections = 0;
    let resent = 0;
    const ackedOrder: string[] = [];
    while (unacked.size > 0) {
      const port = (await ready).port;
      let c: MllpClient;
      try {
        c = await client(port);
      } catch {
        continue; // refused while restarting: ask again
      }
      connections += 1;
      // After the cut, also resend a few acknowledged ones, as a sender whose ACKs were lost would.
      const batch = connections > 1 ? [...ackedOrder.slice(-10), ...unacked] : [...unacked];
      if (connections > 1) resent += batch.length;
      for (let i = 0; i < batch.length && !c.closed; i += 5) {
        c.write(
          new Uint8Array(Buffer.concat(batch.slice(i, i + 5).map((id) => encodeMllp(hl7(id))))),
        );
        await new Promise((r) => setImmediate(r));
      }
      await c.waitAcks(batch.length, 10_000);
      for (const ack of c.acks) {
        expect(ack.code).toBe('AA');
        if (unacked.delete(ack.controlId)) ackedOrder.push(ack.controlId);
      }
      c.close();
    }
    await (await ready).close();

    expect(connections).toBeGreaterThan(1);
    expect(resent).toBeGreaterThan(0);
    expect(accepted[0]).toBeGreaterThanOrEqual(40);
    expect(accepted[1]).toBeGreaterThan(0);
    expect(duplicates).toBeGreaterThanOrEqual(10);
    const entries = await journaled();
    expect(entries.map((e) => e.meta.controlId).sort()).toEqual([...ids].sort());
  });

  it('drops a torn journal tail on restart; the resent message is stored once', async () => {
    let listener = await start();
    let c = await client(listener.port);
    c.write(hl7('T-1'));
    c.write(hl7('T-2'));
    await c.waitAcks(2);
    await listener.close();
    // As if the listener died while appending T-2 (so T-2 was never acknowledged).
    const [file] = (await readdir(dir)).filter((n) => n.endsWith('.journal'));
    const path = join(dir, file as string);
    await truncate(path, (await stat(path)).size - 3);

    listener = await start();
    expect(listener.recovered).toEqual([{ file, droppedBytes: expect.any(Number) as number }]);
    c = await client(listener.port);
    c.write(hl7('T-1'));
    c.write(hl7('T-2'));
    expect((await c.waitAcks(2)).map((a) => a.code)).toEqual(['AA', 'AA']);
    expect((await journaled()).map((e) => e.meta.controlId)).toEqual(['T-1', 'T-2']);
  });

  it('closes cleanly: what was acknowledged is journaled, the rest left to resend, sockets closed', async () => {
    const listener = await start();
    const c = await client(listener.port);
    const ids = Array.from({ length: 50 }, (_, i) => `C-${i}`);
    c.write(new Uint8Array(Buffer.concat(ids.map((id) => encodeMllp(hl7(id))))));
    await c.waitAcks(1);
    await listener.close();
    await c.waitClosed();
    const acked = c.acks.map((a) => a.controlId);
    expect(acked).toEqual(ids.slice(0, acked.length));
    const stored = (await journaled()).map((e) => e.meta.controlId);
    // Every ACK is backed by the journal; at most the messages being stored went unanswered.
    expect(stored.slice(0, acked.length)).toEqual(acked);
    expect(stored).toEqual(ids.slice(0, stored.length));
    expect(await readdir(dir)).not.toContain('journal.lock');
  });
});
