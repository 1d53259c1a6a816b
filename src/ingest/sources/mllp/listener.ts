/**
 * The MLLP listener: a TCP server that reads framed HL7 v2 messages, journals each valid one
 * durably — de-identified first (hl7v2/deidentify.ts: no name, identifier, day of birth or
 * address reaches the disk) — and only then answers AA; malformed ones get a NAK and are not stored. Frames of one
 * connection are stored as they arrive and answered in order; all connections share the
 * journal, which group-commits them (one fsync for the records waiting together). `close()`
 * stops reading, finishes and answers the messages already read, leaves the rest in the
 * senders' hands (they resend what was not acknowledged), then closes sockets and journal.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { deidentifyHl7 } from '../hl7v2/deidentify.ts';
import { MllpDecoder, encodeMllp } from './framing.ts';
import type { Journal, JournalRecovery } from './journal.ts';
import { openJournal } from './journal.ts';
import type { ErrorCode } from './verdict.ts';
import { answer, judgeFrame } from './verdict.ts';

/** What happened to one frame (for counts and logs). */
export type MllpOutcome =
  | { status: 'accepted' | 'duplicate'; controlId: string; peer: string }
  | { status: 'rejected'; code: 'AE' | 'AR'; controlId: string; reason: string; peer: string };

export interface MllpListenerOptions {
  /** TCP port (0 picks a free one). */
  port: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** The journal folder (created when missing). */
  journalDir: string;
  /** The site secret keying the hash of the visit numbers kept in the journal. */
  secret: string;
  /** Largest message accepted, in bytes (default 16 MiB); larger ones are NAKed (AR). */
  maxFrameBytes?: number;
  /** The clock (journal day, reception time, ACK time). */
  now?: () => Date;
  /** Called after each answer is sent. */
  onOutcome?: (outcome: MllpOutcome) => void;
}

/** A running listener. */
export interface MllpListener {
  port: number;
  host: string;
  journal: Pick<Journal, 'count' | 'dir'>;
  recovered: readonly JournalRecovery[];
  /**
   * Stops accepting and reading, finishes the messages already read (journaled and answered),
   * closes the sockets and the journal.
   */
  close(): Promise<void>;
}

const DEFAULT_MAX_FRAME = 16 * 1024 * 1024;
const utf8 = new TextDecoder();
const encoder = new TextEncoder();
/** Frames waiting on one connection before it stops being read, and when it is read again. */
const HIGH_WATER = 64;
const LOW_WATER = 8;

/**
 * Opens the journal and starts listening.
 *
 * @example
 * const listener = await startMllpListener({ port: 2575, journalDir: 'plateau-data/mllp-journal', secret });
 * process.once('SIGTERM', () => void listener.close());
 */
export async function startMllpListener(options: MllpListenerOptions): Promise<MllpListener> {
  const { host = '127.0.0.1', maxFrameBytes = DEFAULT_MAX_FRAME, now = () => new Date(), onOutcome, secret } = options;
  if (!secret) throw new Error('startMllpListener: the site secret is empty; the journal keeps visit numbers as keyed hashes');
  const journal = await openJournal(options.journalDir, { now });
  const connections = new Map<Socket, { work: Promise<void>; queued: number }>();
  let closing = false;

  /** Judges a frame and journals it when valid; resolves with the answer to send. */
  async function settle(peer: string, bytes: Uint8Array, oversize: number | null): Promise<{ text: string; outcome: MllpOutcome }> {
    const verdict = judgeFrame(utf8.decode(bytes));
    const reject = (code: 'AE' | 'AR', error: ErrorCode, location: string, reason: string): { text: string; outcome: MllpOutcome } => ({
      text: answer(verdict.message, code, { error, location, reason }, now()),
      outcome: { status: 'rejected', code, controlId: verdict.message.controlId, reason, peer },
    });
    if (oversize !== null) {
      return reject('AR', 207, 'message', `The message is ${oversize} bytes, over the limit of ${maxFrameBytes}: not stored.`);
    }
    if (!verdict.ok) return reject(verdict.code, verdict.error, verdict.location, verdict.reason);
    let status: 'stored' | 'duplicate';
    try {
      const kept = encoder.encode(deidentifyHl7(verdict.message, secret).text);
      status = await journal.append({ ...verdict.meta, receivedAt: now().toISOString() }, kept);
    } catch (error) {
      // Not on disk: never AA. AR tells the sender to keep the message and retry later.
      return reject('AR', 207, 'message', `The message could not be stored (${(error as Error).message}): send it again later.`);
    }
    return {
      text: answer(verdict.message, 'AA', undefined, now()),
      outcome: { status: status === 'stored' ? 'accepted' : 'duplicate', controlId: verdict.message.controlId, peer },
    };
  }

  function send(socket: Socket, text: string): void {
    if (!socket.destroyed && socket.writable) socket.write(encodeMllp(text));
  }

  // Half-open: a sender that shuts its side after the last message still gets its ACKs.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    const decoder = new MllpDecoder(maxFrameBytes);
    const state = { work: Promise.resolve(), queued: 0 };
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    connections.set(socket, state);
    socket.on('data', (chunk: Buffer) => {
      if (closing) return;
      for (const event of decoder.push(chunk)) {
        if (event.kind === 'garbage') continue;
        const bytes = event.kind === 'frame' ? event.bytes : event.head;
        const oversize = event.kind === 'oversize' ? event.size : null;
        state.queued += 1;
        // Frames of a connection are stored concurrently (one fsync for many) but answered in order.
        const result = settle(peer, bytes, oversize);
        state.work = state.work
          .then(async () => {
            const { text, outcome } = await result;
            send(socket, text);
            onOutcome?.(outcome);
          })
          .catch(() => undefined)
          .finally(() => {
            state.queued -= 1;
            if (state.queued === LOW_WATER && !closing) socket.resume();
          });
      }
      // A sender that outpaces the disk waits in TCP, not in this process's memory.
      if (state.queued >= HIGH_WATER) socket.pause();
    });
    socket.on('end', () => {
      // The sender has nothing more to send: answer what it sent, then close.
      void state.work.then(() => socket.end());
    });
    socket.on('error', () => undefined);
    socket.on('close', () => connections.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });

  let closed: Promise<void> | null = null;
  return {
    port: (server.address() as AddressInfo).port,
    host,
    journal,
    recovered: journal.recovered,
    close() {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of connections.keys()) socket.pause();
        await Promise.all([...connections.values()].map((c) => c.work));
        for (const socket of connections.keys()) socket.end();
        // A peer that does not close its side within a second is cut off.
        const timer = setTimeout(() => {
          for (const socket of connections.keys()) socket.destroy();
        }, 1000);
        await stopped;
        clearTimeout(timer);
        await journal.close();
      })();
      return closed;
    },
  };
}
