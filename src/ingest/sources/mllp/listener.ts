/**
 * The MLLP listener: a TCP server that reads framed HL7 v2 messages, journals each valid one
 * durably — de-identified first (hl7v2/deidentify.ts: no name, identifier, day of birth or
 * address reaches the disk) — and only then answers AA; malformed ones get a NAK and are not stored. Frames of one
 * connection are stored as they arrive and answered in order; all connections share the
 * journal, which group-commits them (one fsync for the records waiting together). `close()`
 * stops reading, finishes and answers the messages already read, leaves the rest in the
 * senders' hands (they resend what was not acknowledged), then closes sockets and journal.
 * Memory is bounded whatever the peers do: a cap on connections, an idle timeout, a cap per
 * frame and one on the bytes held across connections (unfinished frames and frames being
 * stored); a connection that would pass it is closed, and the sender resends what was not
 * acknowledged. A control id reused for other content gets an AE (HL7 table 0357 code 205).
 */
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { deidentifyHl7 } from '../hl7v2/deidentify.ts';
import { MllpDecoder, encodeMllp } from './framing.ts';
import type { AppendResult, Journal, JournalRecovery } from './journal.ts';
import { openJournal } from './journal.ts';
import type { ErrorCode } from './verdict.ts';
import { answer, judgeFrame } from './verdict.ts';

/** What happened to one frame (for counts and logs). */
export type MllpOutcome =
  | { status: 'accepted' | 'duplicate'; controlId: string; peer: string }
  | { status: 'rejected'; code: 'AE' | 'AR'; controlId: string; reason: string; peer: string };

/** A connection refused or closed by a limit (for logs); `dropped` is the unfinished frame's size. */
export type MllpConnectionEvent =
  | { kind: 'refused'; peer: string; limit: number }
  | { kind: 'idle'; peer: string; seconds: number; dropped: number }
  | { kind: 'over-buffer'; peer: string; limit: number; dropped: number };

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
  /** Connections open at once (default 32); one more is closed at once. */
  maxConnections?: number;
  /** A connection that sends and receives nothing this long is closed (default 600 000 ms). */
  idleTimeoutMs?: number;
  /**
   * Bytes held across all connections, unfinished frames and frames being stored (default the
   * larger of 64 MiB and twice `maxFrameBytes`; at least `maxFrameBytes`).
   */
  maxBufferedBytes?: number;
  /** The clock (journal day, reception time, ACK time). */
  now?: () => Date;
  /** Called after each answer is sent. */
  onOutcome?: (outcome: MllpOutcome) => void;
  /** Called when a limit refuses or closes a connection. */
  onConnection?: (event: MllpConnectionEvent) => void;
}

/** A running listener. */
export interface MllpListener {
  port: number;
  host: string;
  journal: Pick<Journal, 'count' | 'dir' | 'tightened'>;
  recovered: readonly JournalRecovery[];
  /** Bytes of messages held in memory now (unfinished frames and frames being stored). */
  readonly buffered: number;
  /** The most `buffered` has been since the start. */
  readonly peakBuffered: number;
  /** Connections open now. */
  readonly connections: number;
  /** The limits in force (defaults applied). */
  readonly limits: {
    maxFrameBytes: number;
    maxConnections: number;
    idleTimeoutMs: number;
    maxBufferedBytes: number;
  };
  /**
   * Stops accepting and reading, finishes the messages already read (journaled and answered),
   * closes the sockets and the journal.
   */
  close(): Promise<void>;
}

const DEFAULT_MAX_FRAME = 16 * 1024 * 1024;
const DEFAULT_MAX_CONNECTIONS = 32;
const DEFAULT_IDLE_MS = 600_000;
const DEFAULT_MAX_BUFFERED = 64 * 1024 * 1024;
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
  const {
    host = '127.0.0.1',
    maxFrameBytes = DEFAULT_MAX_FRAME,
    now = () => new Date(),
    onOutcome,
    onConnection,
    secret,
  } = options;
  const {
    maxConnections = DEFAULT_MAX_CONNECTIONS,
    idleTimeoutMs = DEFAULT_IDLE_MS,
    maxBufferedBytes = Math.max(DEFAULT_MAX_BUFFERED, 2 * maxFrameBytes),
  } = options;
  if (!secret)
    throw new Error(
      'startMllpListener: the site secret is empty; the journal keeps visit numbers as keyed hashes',
    );
  if (maxBufferedBytes < maxFrameBytes) {
    throw new RangeError(
      `startMllpListener: maxBufferedBytes (${maxBufferedBytes}) is below maxFrameBytes (${maxFrameBytes}): no message that large could be received`,
    );
  }
  if (!(maxConnections >= 1) || !(idleTimeoutMs > 0))
    throw new RangeError('startMllpListener: maxConnections and idleTimeoutMs must be positive');
  const journal = await openJournal(options.journalDir, { now });
  const connections = new Map<Socket, { work: Promise<void>; queued: number }>();
  let closing = false;
  /** Bytes held for all connections: unfinished frames (their decoders) and frames being settled. */
  let buffered = 0;
  let peakBuffered = 0;

  /** Judges a frame and journals it when valid; resolves with the answer to send. */
  async function settle(
    peer: string,
    bytes: Uint8Array,
    oversize: number | null,
  ): Promise<{ text: string; outcome: MllpOutcome }> {
    const verdict = judgeFrame(utf8.decode(bytes));
    const reject = (
      code: 'AE' | 'AR',
      error: ErrorCode,
      location: string,
      reason: string,
    ): { text: string; outcome: MllpOutcome } => ({
      text: answer(verdict.message, code, { error, location, reason }, now()),
      outcome: { status: 'rejected', code, controlId: verdict.message.controlId, reason, peer },
    });
    if (oversize !== null) {
      return reject(
        'AR',
        207,
        'message',
        `The message is ${oversize} bytes, over the limit of ${maxFrameBytes}: not stored.`,
      );
    }
    if (!verdict.ok) return reject(verdict.code, verdict.error, verdict.location, verdict.reason);
    let status: AppendResult;
    try {
      const kept = encoder.encode(deidentifyHl7(verdict.message, secret).text);
      status = await journal.append({ ...verdict.meta, receivedAt: now().toISOString() }, kept);
    } catch (error) {
      // Not on disk: never AA. AR tells the sender to keep the message and retry later.
      return reject(
        'AR',
        207,
        'message',
        `The message could not be stored (${(error as Error).message}): send it again later.`,
      );
    }
    if (status === 'conflict') {
      // Acknowledging it would drop it silently; AE: sending it again as it is cannot help.
      return reject(
        'AE',
        205,
        'MSH-10',
        'Control ID (MSH-10) already used by another message from this sender (MSH-3, MSH-4), with different content: not stored. Give each message its own control ID.',
      );
    }
    return {
      text: answer(verdict.message, 'AA', undefined, now()),
      outcome: {
        status: status === 'stored' ? 'accepted' : 'duplicate',
        controlId: verdict.message.controlId,
        peer,
      },
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
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    if (connections.size >= maxConnections) {
      socket.destroy();
      onConnection?.({ kind: 'refused', peer, limit: maxConnections });
      return;
    }
    const decoder = new MllpDecoder(maxFrameBytes);
    const state = { work: Promise.resolve(), queued: 0 };
    connections.set(socket, state);
    /** Drops the connection's unfinished frame (never acknowledged: the sender resends it). */
    const release = (): number => {
      const dropped = decoder.held;
      buffered -= dropped;
      decoder.reset();
      return dropped;
    };
    socket.setTimeout(idleTimeoutMs);
    socket.on('timeout', () => {
      // Messages still being stored are not idleness: wait for their answers.
      if (state.queued > 0) {
        socket.setTimeout(idleTimeoutMs);
        return;
      }
      const dropped = release();
      socket.destroy();
      onConnection?.({ kind: 'idle', peer, seconds: Math.round(idleTimeoutMs / 1000), dropped });
    });
    socket.on('data', (chunk: Buffer) => {
      if (closing || socket.destroyed) return;
      const before = decoder.held;
      const events = decoder.push(chunk);
      let added = decoder.held - before;
      for (const event of events)
        if (event.kind !== 'garbage')
          added += event.kind === 'frame' ? event.bytes.length : event.head.length;
      if (buffered + added > maxBufferedBytes) {
        // Nothing of this chunk is kept: the frames it completed go unanswered, and are resent.
        buffered -= before;
        decoder.reset();
        socket.destroy();
        onConnection?.({
          kind: 'over-buffer',
          peer,
          limit: maxBufferedBytes,
          dropped: before + added,
        });
        return;
      }
      buffered += added;
      peakBuffered = Math.max(peakBuffered, buffered);
      for (const event of events) {
        if (event.kind === 'garbage') continue;
        const bytes = event.kind === 'frame' ? event.bytes : event.head;
        const oversize = event.kind === 'oversize' ? event.size : null;
        state.queued += 1;
        // Frames of a connection are stored concurrently (one fsync for many) but answered in order.
        const result = settle(peer, bytes, oversize).finally(() => {
          buffered -= bytes.length;
        });
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
    socket.on('close', () => {
      release();
      connections.delete(socket);
    });
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
    get buffered() {
      return buffered;
    },
    get peakBuffered() {
      return peakBuffered;
    },
    get connections() {
      return connections.size;
    },
    limits: { maxFrameBytes, maxConnections, idleTimeoutMs, maxBufferedBytes },
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
