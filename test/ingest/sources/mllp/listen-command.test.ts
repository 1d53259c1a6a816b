// `plateau listen` in process: says where it listens, acknowledges over a real socket, logs a
// rejection, stops on SIGTERM with the journal closed; usage errors exit 2.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';
import { readJournal } from '../../../../src/ingest/sources/mllp/index.ts';
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
      for (let i = 0; i < 200 && port === 0; i += 1) {
        const m = /listening for HL7 v2 over MLLP on 127\.0\.0\.1:(\d+), journal (.+) \(0 messages\)\n/.exec(out.stdout);
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
    expect(out.stderr).toMatch(/rejected \(no control id\) from 127\.0\.0\.1:\d+: AR The message does not start with an MSH segment\./);
    expect(out.stderr).toMatch(/1 accepted, 0 resent, 1 rejected \(journal: 1 messages\)/);
    expect(process.listenerCount('SIGTERM')).toBe(0);
    const journal = join(dir, 'mllp-journal');
    expect(await readdir(journal)).not.toContain('journal.lock');
    const ids: string[] = [];
    for await (const e of readJournal(journal)) ids.push(e.meta.controlId);
    expect(ids).toEqual(['CLI-1']);
  });

  it('requires --mllp and a journal folder', async () => {
    expect((await runCli(['listen'])).code).toBe(2);
    const memory = await runCli(['listen', '--mllp', '0', '--data', 'memory://']);
    expect(memory.code).toBe(2);
    expect(memory.stderr).toMatch(/give --journal DIR/);
    expect((await runCli(['listen', '--mllp', '70000', '--journal', dir])).code).toBe(2);
  });

  it('will not start without the site secret, and says where to put it', async () => {
    delete process.env.PLATEAU_SECRET;
    const r = await runCli(['listen', '--mllp', '0', '--journal', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the site secret is not set: put it in the environment variable PLATEAU_SECRET');
    expect(await readdir(dir)).toEqual([]);
  });
});
