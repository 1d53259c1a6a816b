/**
 * `plateau listen --mllp PORT`: receives HL7 v2 messages from the RIS over MLLP, journals each
 * valid one durably before acknowledging it, and NAKs the malformed ones (each rejection on
 * stderr, with a count per minute). Stops cleanly on SIGINT and SIGTERM.
 */
import { join } from 'node:path';
import {
  JournalCorruptError,
  JournalLockedError,
  JournalPermissionError,
  startMllpListener,
} from '../../ingest/sources/mllp/index.ts';
import type {
  MllpConnectionEvent,
  MllpListener,
  MllpOutcome,
} from '../../ingest/sources/mllp/index.ts';
import { resolveDataDir } from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { intOption, positionals, stringOption } from '../command.ts';
import { UsageError, UserError } from '../output.ts';
import { siteSecret } from './site-context.ts';
import { nextStopSignal } from './serve.ts';

const USAGE = `Usage: plateau listen --mllp PORT [--host H] [--journal DIR | --data DIR] [--max-bytes N]
                      [--max-connections N] [--idle-timeout SECONDS] [--max-buffered N] [--secret-env NAME]

Receives HL7 v2 messages over MLLP (the RIS's usual TCP link) until interrupted (Ctrl-C).
Each valid message is written to the journal and flushed to disk before its ACK (AA) goes
back, so nothing acknowledged is lost if the machine stops; a message sent again with the
same control ID (MSH-10, same MSH-3/MSH-4) is acknowledged without a second copy, while
another message reusing that control ID gets an AE (ERR code 205) and is not stored.
Malformed messages get a NAK (AR or AE, reason in MSA-3 and ERR) and are not stored.
The journal folder and its files are readable by their owner only (700 / 600): a wider
folder is narrowed, with a line on stderr, or refused when plateau cannot change its mode.
Memory stays bounded: connections over --max-connections are closed at once, a connection
silent for --idle-timeout seconds is closed, and one whose unfinished messages would take
the bytes held across connections over --max-buffered is closed; each with a line on
stderr. The sender resends whatever was not acknowledged.
Patient identity stops at the door: the journal keeps the segments plateau reads, without
names, identifiers, the day of birth (year and month stay, for the age band), address or
report text; the visit number is kept as its hash keyed by the site secret.
\`plateau convert DIR\` and \`plateau import DIR\` read the journal folder as its messages, even
while the listener runs.

  --mllp PORT       the TCP port (2575 is HL7's usual one; 0 picks a free one)
  --host H          the address to listen on (default 127.0.0.1: this machine only)
  --journal DIR     the journal folder (default: mllp-journal in the data folder)
  --data DIR        the data folder (default: $PLATEAU_DATA, else ./plateau-data)
  --max-bytes N     the largest message accepted (default 16777216); larger ones get an AR
  --max-connections N
                    connections open at once (default 32); more are closed at once
  --idle-timeout SECONDS
                    close a connection that sent nothing this long (default 600)
  --max-buffered N  bytes of messages held in memory across connections (default 67108864,
                    or twice --max-bytes when larger; at least --max-bytes)
  --secret-env NAME the environment variable holding the site secret (default PLATEAU_SECRET;
                    the same secret as for convert and import)

Examples:
  PLATEAU_SECRET=… plateau listen --mllp 2575 --journal /var/lib/plateau/mllp
  PLATEAU_SECRET=… plateau import /var/lib/plateau/mllp --mapping mapping.csv --campaign campaign.json`;

/** Counts of one minute, printed on stderr when anything happened. */
function minuteCounter(listener: () => MllpListener | null): {
  add(o: MllpOutcome): void;
  connection(e: MllpConnectionEvent): void;
  flush(): void;
} {
  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  /** Connections refused or closed by a limit this minute; lines past the first few are counted only. */
  let limited = 0;
  return {
    add(o) {
      counts[o.status] += 1;
      if (o.status === 'rejected')
        process.stderr.write(
          `rejected ${o.controlId || '(no control id)'} from ${o.peer}: ${o.code} ${o.reason}\n`,
        );
    },
    connection(e) {
      limited += 1;
      // A peer opening connections in a loop must not flood the log.
      if (limited <= CONNECTION_LINES_PER_MINUTE) process.stderr.write(`${connectionLine(e)}\n`);
    },
    flush() {
      if (limited > CONNECTION_LINES_PER_MINUTE) {
        process.stderr.write(
          `${limited - CONNECTION_LINES_PER_MINUTE} more connections refused or closed by the limits this minute (not listed)\n`,
        );
      }
      limited = 0;
      if (counts.accepted + counts.duplicate + counts.rejected === 0) return;
      const time = new Date().toISOString().slice(11, 16);
      const total = listener()?.journal.count ?? 0;
      process.stderr.write(
        `${time} UTC: ${counts.accepted} accepted, ${counts.duplicate} resent, ${counts.rejected} rejected (journal: ${total} messages)\n`,
      );
      counts.accepted = counts.duplicate = counts.rejected = 0;
    },
  };
}

/** Lines a minute for connections refused or closed by a limit; the rest are counted. */
const CONNECTION_LINES_PER_MINUTE = 10;

/** The stderr line for a connection a limit refused or closed. */
function connectionLine(e: MllpConnectionEvent): string {
  const dropped = (n: number): string =>
    n > 0 ? `; its unfinished message (${n} bytes so far) was dropped, the sender resends it` : '';
  switch (e.kind) {
    case 'refused':
      return `refused a connection from ${e.peer}: ${e.limit} connections are open already (--max-connections)`;
    case 'idle':
      return `closed the connection from ${e.peer}: nothing received for ${e.seconds} s (--idle-timeout)${dropped(e.dropped)}`;
    case 'over-buffer':
      return `closed the connection from ${e.peer}: the messages held in memory would pass ${e.limit} bytes (--max-buffered)${dropped(e.dropped)}`;
  }
}

/**
 * Listens until `until()` settles (default: SIGINT or SIGTERM), then closes; returns the exit code.
 *
 * @example
 * await listen({ mllp: '0', journal: dir }, { until: () => stopped });
 */
export async function listen(
  values: OptionValues,
  options: { until?: () => Promise<unknown> } = {},
): Promise<number> {
  const { until = nextStopSignal } = options;
  if (values['mllp'] === undefined) throw new UsageError('--mllp PORT is required');
  const port = intOption(values, 'mllp', 2575, 0, 65_535);
  const host = stringOption(values, 'host') ?? '127.0.0.1';
  const maxFrameBytes = intOption(values, 'max-bytes', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
  const maxConnections = intOption(values, 'max-connections', 32, 1, 10_000);
  const idleTimeoutMs = intOption(values, 'idle-timeout', 600, 1, 7 * 24 * 3600) * 1000;
  const maxBufferedBytes = intOption(
    values,
    'max-buffered',
    Math.max(64 * 1024 * 1024, 2 * maxFrameBytes),
    1024,
    16 * 1024 * 1024 * 1024,
  );
  if (maxBufferedBytes < maxFrameBytes) {
    throw new UsageError(
      `--max-buffered (${maxBufferedBytes}) must be at least --max-bytes (${maxFrameBytes}): a message that large could never be received`,
    );
  }
  const secret = siteSecret(values);
  let journalDir = stringOption(values, 'journal');
  if (journalDir === undefined) {
    const dataDir = resolveDataDir(stringOption(values, 'data'));
    if (dataDir.startsWith('memory://'))
      throw new UsageError('an in-memory store has no folder for the journal: give --journal DIR');
    journalDir = join(dataDir, 'mllp-journal');
  }

  let listener: MllpListener | null = null;
  const counter = minuteCounter(() => listener);
  try {
    listener = await startMllpListener({
      port,
      host,
      journalDir,
      secret,
      maxFrameBytes,
      maxConnections,
      idleTimeoutMs,
      maxBufferedBytes,
      onOutcome: (o) => counter.add(o),
      onConnection: (e) => counter.connection(e),
    });
  } catch (error) {
    if (
      error instanceof JournalLockedError ||
      error instanceof JournalCorruptError ||
      error instanceof JournalPermissionError
    )
      throw new UserError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UserError(`port ${port} is already in use on ${host}: choose another with --mllp`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UserError(`cannot listen on ${host}: not an address of this machine`);
    if (code === 'EACCES')
      throw new UserError(`not allowed to listen on port ${port} or to write ${journalDir}`);
    throw error;
  }
  for (const t of listener.journal.tightened) {
    process.stderr.write(
      `${t.path} was open to other local users (mode 0${t.mode.toString(8)}): restricted to its owner\n`,
    );
  }
  for (const r of listener.recovered) {
    process.stderr.write(
      `journal ${r.file}: dropped ${r.droppedBytes} bytes of a message cut by a crash (never acknowledged: the sender resends it)\n`,
    );
  }
  const stop = until();
  process.stdout.write(
    `plateau is listening for HL7 v2 over MLLP on ${listener.host}:${listener.port}, journal ${journalDir} (${listener.journal.count} messages)\n`,
  );
  const timer = setInterval(() => counter.flush(), 60_000);
  timer.unref();
  await stop.catch(() => undefined);
  process.stderr.write('stopping the MLLP listener\n');
  clearInterval(timer);
  await listener.close();
  counter.flush();
  return 0;
}

export const listenCommand: Command = {
  name: 'listen',
  summary: 'receive HL7 v2 messages over MLLP into a journal',
  usage: USAGE,
  options: {
    mllp: { type: 'string' },
    host: { type: 'string' },
    journal: { type: 'string' },
    data: { type: 'string' },
    'max-bytes': { type: 'string' },
    'max-connections': { type: 'string' },
    'idle-timeout': { type: 'string' },
    'max-buffered': { type: 'string' },
    'secret-env': { type: 'string' },
  },
  async run({ positionals: args, values }) {
    positionals(args, 0, 0, 'no argument (options only)');
    return listen(values);
  },
};
