/** A small MLLP client for the listener's tests: sends frames, collects the ACKs by MSA-2. */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { encodeMllp, MllpDecoder } from '../../../../src/ingest/sources/mllp/framing.ts';

export interface Ack {
  text: string;
  code: string;
  /** MSA-2: the control id acknowledged. */
  controlId: string;
  segments: string[][];
}

export function parseAck(text: string): Ack {
  const segments = text
    .split('\r')
    .filter((s) => s !== '')
    .map((s) => s.split('|'));
  const msa = segments.find((s) => s[0] === 'MSA') ?? [];
  return { text, code: msa[1] ?? '', controlId: msa[2] ?? '', segments };
}

export function hl7(
  id: string,
  extra = 'PID|1||123^^^CHU\rOBR|1|ACC1||IRM|||20261123100000',
): string {
  return `MSH|^~\\&|RIS|CHU|PLATEAU|ANAP|20261123100000||ORM^O01^ORM_O01|${id}|P|2.5\r${extra}\r`;
}

export class MllpClient {
  readonly acks: Ack[] = [];
  private readonly decoder = new MllpDecoder(1 << 20);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const e of this.decoder.push(chunk))
        if (e.kind === 'frame') this.acks.push(parseAck(new TextDecoder().decode(e.bytes)));
      this.wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static connect(port: number): Promise<MllpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(new MllpClient(socket)));
      socket.once('error', reject);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Writes raw bytes (a string is framed as one message). */
  write(data: string | Uint8Array): void {
    this.socket.write(typeof data === 'string' ? encodeMllp(data) : data);
  }

  /** Resolves once `count` ACKs arrived (or the connection closed). */
  async waitAcks(count: number, timeoutMs = 5000): Promise<Ack[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.acks.length < count && !this.closed) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.acks.length} of ${count} ACKs after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.acks.slice(0, count);
  }

  /** Resolves when the server closes the connection. */
  async waitClosed(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('the connection stayed open');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }
}
