// `plateau serve` in process: it opens the store, optionally imports the demo campaign into an
// empty one, says where it serves, answers the API, and stops cleanly on SIGTERM.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/cli/commands/serve.ts';
import { main } from '../../src/cli/main.ts';
import type { CampaignSummary } from '../../src/core/views/types.ts';
import { importKit, listCampaigns, openStore } from '../../src/storage/index.ts';
import { viewsKit } from '../core/views/views-kit.ts';
import { captureOutput, runCli } from '../helpers/run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plateau-serve-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Captures stdout and stderr while `run` goes on; resolves the URL once serving is announced. */
function capture() {
  const { out, restore } = captureOutput();
  const url = async (): Promise<string> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const m = /plateau is serving (\d+) campaigns? at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(
        out.stdout,
      );
      if (m) return m[2]!;
      if (Date.now() > deadline)
        throw new Error(`serve did not start:\n${out.stdout}\n${out.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { out, url, restore };
}

describe('plateau serve', () => {
  it('serves the stored campaigns until SIGTERM, then closes the store', async () => {
    const data = join(tmp, 'store');
    const store = await openStore({ dataDir: data });
    await importKit(store, viewsKit());
    await store.close();

    const io = capture();
    let code: number;
    try {
      const running = main(['serve', '--port', '0', '--data', data]);
      const url = await io.url();
      expect(io.out.stdout).toContain('plateau is serving 1 campaign at http://127.0.0.1:');
      const health = await fetch(`${url}api/health`);
      expect(health.status).toBe(200);
      const campaigns = (await (await fetch(`${url}api/campaigns`)).json()) as CampaignSummary[];
      expect(campaigns.map((c) => c.id)).toEqual(['views']);
      process.emit('SIGTERM');
      code = await running;
      await expect(fetch(`${url}api/health`)).rejects.toThrow();
    } finally {
      io.restore();
    }
    expect(code).toBe(0);
    expect(process.listenerCount('SIGTERM')).toBe(0);
    expect(process.listenerCount('SIGINT')).toBe(0);
    // The store was closed: it opens again.
    const again = await openStore({ dataDir: data });
    expect((await listCampaigns(again)).map((c) => c.id)).toEqual(['views']);
    await again.close();
  });

  it('imports the demo campaign into an empty store first, and serves the API without a built app', async () => {
    const data = join(tmp, 'demo');
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = capture();
    let code: number;
    try {
      const running = serve(
        { port: '0', data, 'demo-if-empty': true, machines: '3', days: '7' },
        { until: () => stopped, webRoot: join(tmp, 'no-web') },
      );
      const url = await io.url();
      // The demo is three years of the national campaign (years 2 and 3: docs/demo-years.md).
      expect(io.out.stdout).toContain('plateau is serving 3 campaigns');
      expect(io.out.stderr).toContain('holds no campaign');
      expect(io.out.stderr).toContain('demo year 3 of 3');
      expect(io.out.stderr).toContain('run npm run build');
      const campaigns = (await (await fetch(`${url}api/campaigns`)).json()) as CampaignSummary[];
      expect(campaigns.map((c) => c.id).sort()).toEqual([
        'synthetic-2010',
        'synthetic-2010-y2',
        'synthetic-2010-y3',
      ]);
      const machines = (id: string): number => {
        const c = campaigns.find((x) => x.id === id)!;
        return (c.machines.CT ?? 0) + (c.machines.MR ?? 0);
      };
      // Year 2 adds a machine at a new site of the most under-equipped region; 3 machines leave nothing to remove.
      expect([
        machines('synthetic-2010'),
        machines('synthetic-2010-y2'),
        machines('synthetic-2010-y3'),
      ]).toEqual([3, 4, 4]);
      expect((await fetch(url)).status).toBe(404);
      stop();
      code = await running;
    } finally {
      io.restore();
    }
    expect(code).toBe(0);
  });

  it('serves the built web app when there is one', async () => {
    const web = join(tmp, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>built</title>');
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = capture();
    try {
      const running = serve(
        { port: '0', data: 'memory://' },
        { until: () => stopped, webRoot: web },
      );
      const url = await io.url();
      expect(io.out.stdout).toContain('plateau is serving 0 campaigns');
      expect(await (await fetch(`${url}benchmark`)).text()).toContain('<title>built</title>');
      stop();
      expect(await running).toBe(0);
    } finally {
      io.restore();
    }
  });

  it('refuses bad options with a usage error', async () => {
    expect((await runCli(['serve', '--port', 'http'])).code).toBe(2);
    expect((await runCli(['serve', '--port', '70000'])).code).toBe(2);
    expect((await runCli(['serve', 'extra'])).code).toBe(2);
    const help = await runCli(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: plateau serve/);
  });
});
