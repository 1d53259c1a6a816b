/**
 * `plateau serve` in a child process for the load benches: on a free loopback port, started from
 * the compiled CLI in production mode, ready once /api/health answers, stopped with SIGTERM (then
 * SIGKILL after 10 s).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const CLI = join(import.meta.dirname, '../src/cli/main.js');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/** A running `plateau serve`. */
export interface ServeChild {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `plateau serve --port P ...args` with `env` added to this process's environment (a
 * database URL goes there, as in production, never in argv) and waits until /api/health answers.
 */
export async function startServe(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ServeChild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const entry = `import { main } from ${JSON.stringify(pathToFileURL(CLI).href)}; process.exitCode = await main(process.argv.slice(1));`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--input-type=module', '-e', entry, 'serve', '--port', String(port), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', ...env } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`plateau serve exited with code ${child.exitCode}:\n${output}`);
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (health?.ok) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`plateau serve did not answer ${url}/api/health within 120 s:\n${output}`);
    }
    await sleep(200);
  }
}
