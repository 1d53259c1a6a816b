// `plateau listen` in process: says where it listens, acknowledges over a real socket, logs a
// rejection, stops on SIGTERM with the journal closed; usage errors exit 2.
import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';
import { encodeMllp, readJournal } from '../../../../src/ingest/sources/mllp/index.ts';
import { captureOutput, runCli } from '../../../helpers/run-cli.ts';
import { hl7, MllpClient } from './mllp-client.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plateau-listen-'));
  process.env.PLATEAU_SECRET = 'listen-secret';
});
afterEach(async () => {
  delete process.env.PLATEAU_SECRET;
  await rm(dir, { recursive: true, force: true });
});

describe('plateau listen', () => {
  it('listens, acknowledges, logs rejections and stops on SIGTERM', async () => {
    const { out, restore } = captureOutput();
    try {
      const running = main(['listen', '--mllp', '0', '--data', dir]);
      let port = 0;
      for (let i = 0; i < 500 && port === 0; i += 1) {
        const m =
          /listening for HL7 v2 over MLLP on 127\.0\.0\.1:(\d+), journal (.+) \(0 messages\)\n/.exec(
            out.stdout,
          );
        if (m) port = Number(m[1]);
        else await new Promise((r) => setTimeout(r, 20));
      }
      expect(port).toBeGreaterThan(0);
      const c = await MllpClient.connect(port);
      c.write(hl7('CLI-1'));
      c.write('not hl7');
      const acks = await c.waitAcks(2);
      expect(acks.map((a) => [a.code, a.controlId])).toEqual([
        ['AA', 'CLI-1'],
        ['AR', ''],
      ]);
      process.emit('SIGTERM');
      expect(await running).toBe(0);
      c.close();
    } finally {
      restore();
    }
    expect(out.stderr).toMatch(
      /rejected \(no control id\) from 127\.0\.0\.1:\d+: AR The message does not start with an MSH segment\./,
    );
    expect(out.stderr).toMatch(/1 accepted, 0 resent, 1 rejected \(journal: 1 messages\)/);
    expect(process.listenerCount('SIGTERM')).toBe(0);
    const journal = join(dir, 'mllp-journal');
    expect(await readdir(journal)).not.toContain('journal.lock');
    const ids: string[] = [];
    for await (const e of readJournal(journal)) ids.push(e.meta.controlId);
    expect(ids).toEqual(['CLI-1']);
  });

  it('applies its limits, says so on stderr, logs a reused control id and narrows a shared journal folder', async () => {
    const help = await runCli(['listen', '--help']);
    for (const option of ['--max-connections N', '--idle-timeout SECONDS', '--max-buffered N'])
      expect(help.stdout + help.stderr).toContain(option);
    const journal = join(dir, 'journal');
    await mkdir(journal, { mode: 0o755 });
    await chmod(journal, 0o755);
    const { out, restore } = captureOutput();
    try {
      const running = main([
        'listen',
        '--mllp',
        '0',
        '--journal',
        journal,
        '--max-connections',
        '1',
        '--idle-timeout',
        '1',
        '--max-bytes',
        '4096',
        '--max-buffered',
        '4096',
      ]);
      let port = 0;
      for (let i = 0; i < 500 && port === 0; i += 1) {
        const m = /listening for HL7 v2 over MLLP on 127\.0\.0\.1:(\d+)/.exec(out.stdout);
        if (m) port = Number(m[1]);
        else await new Promise((r) => setTimeout(r, 20));
      }
      const c = await MllpClient.connect(port);
      c.write(hl7('LIM-1'));
      c.write(hl7('LIM-1', 'PID|1\rOBR|1|OTHER||CT|||20261123120000'));
      expect((await c.waitAcks(2)).map((a) => a.code)).toEqual(['AA', 'AE']);
      // Silent for a second: closed (event 1).
      await c.waitClosed(4000);
      const big = await MllpClient.connect(port);
      // A whole message being stored and the start of the next one: more than 4096 bytes held (event 2).
      const whole = encodeMllp(hl7('LIM-2', `PID|1\rNTE|1||${'x'.repeat(2800)}`));
      big.write(new Uint8Array(Buffer.concat([whole, whole.subarray(0, 2000)])));
      await big.waitClosed(2000);
      // Refused connections in a loop (events 3 to 14; one the holder's idle close let in would be
      // closed as idle instead): the first 10 lines of the minute are listed, the rest counted.
      const holder = await MllpClient.connect(port);
      for (let i = 0; i < 12; i += 1) {
        const refused = await MllpClient.connect(port);
        await refused.waitClosed(4000);
      }
      holder.close();
      process.emit('SIGTERM');
      expect(await running).toBe(0);
    } finally {
      restore();
    }
    expect(out.stderr).toContain(
      `${journal} was open to other local users (mode 0755): restricted to its owner`,
    );
    expect((await stat(journal)).mode & 0o777).toBe(0o700);
    expect(out.stderr).toMatch(
      /rejected LIM-1 from 127\.0\.0\.1:\d+: AE Control ID \(MSH-10\) already used by another message/,
    );
    expect(out.stderr).toMatch(
      /refused a connection from 127\.0\.0\.1:\d+: 1 connections are open already \(--max-connections\)/,
    );
    expect(out.stderr.match(/(refused a|closed the) connection/g)).toHaveLength(10);
    expect(out.stderr).toContain(
      '4 more connections refused or closed by the limits this minute (not listed)',
    );
    expect(out.stderr).toMatch(
      /closed the connection from 127\.0\.0\.1:\d+: nothing received for 1 s \(--idle-timeout\)\n/,
    );
    expect(out.stderr).toMatch(
      /closed the connection from 127\.0\.0\.1:\d+: the messages held in memory would pass 4096 bytes \(--max-buffered\); its unfinished message \(\d+ bytes so far\) was dropped, the sender resends it/,
    );
  });

  it('requires --mllp and a journal folder', async () => {
    expect((await runCli(['listen'])).code).toBe(2);
    const memory = await runCli(['listen', '--mllp', '0', '--data', 'memory://']);
    expect(memory.code).toBe(2);
    expect(memory.stderr).toMatch(/give --journal DIR/);
    expect((await runCli(['listen', '--mllp', '70000', '--journal', dir])).code).toBe(2);
    const bounds = await runCli([
      'listen',
      '--mllp',
      '0',
      '--journal',
      dir,
      '--max-bytes',
      '8192',
      '--max-buffered',
      '4096',
    ]);
    expect([bounds.code, bounds.stderr]).toEqual([
      2,
      expect.stringContaining(
        '--max-buffered (4096) must be at least --max-bytes (8192)',
      ) as string,
    ]);
    expect(
      (await runCli(['listen', '--mllp', '0', '--journal', dir, '--max-connections', '0'])).code,
    ).toBe(2);
  });

  it('will not start without the site secret, and says where to put it', async () => {
    delete process.env.PLATEAU_SECRET;
    const r = await runCli(['listen', '--mllp', '0', '--journal', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'the site secret is not set: put it in the environment variable PLATEAU_SECRET',
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
