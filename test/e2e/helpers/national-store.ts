/**
 * A PGlite store holding the synthetic national campaign, for the end-to-end suites. Generating
 * and importing it takes ~10 s, so the first test file builds it once into a snapshot shared
 * by every file (under a lock, keyed by a hash of the code that shapes it) and each file gets
 * its own copy, free to import more. `cachedStoreCopy` does the same for other stores (the demo
 * years of years-store.ts).
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateKit } from '../../../src/generate/index.ts';
import type { Store } from '../../../src/storage/index.ts';
import { importKit, openStore } from '../../../src/storage/index.ts';

const REPO = join(import.meta.dirname, '../../..');
/** The code a stored national campaign depends on: change any of it and the snapshot is rebuilt. */
const SOURCES = ['src/core', 'src/generate', 'src/storage', 'package-lock.json'];
const CACHE_ROOT = join(tmpdir(), 'plateau-e2e-national');
const LOCK_STALE_MS = 5 * 60_000;

/** The national campaign's id (seed 2010). */
export const NATIONAL_ID = 'synthetic-2010';

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => filesUnder(join(path, d.name)));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of filesUnder(join(REPO, source))) {
      hash.update(relative(REPO, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildSnapshot(target: string, fill: (store: Store) => Promise<void>): Promise<void> {
  const building = `${target}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const store = await openStore({ dataDir: building });
  try {
    await fill(store);
  } finally {
    await store.close();
  }
  renameSync(building, target);
}

/** The path of the shared snapshot under `root`, built by whichever test file comes first. */
async function snapshot(root: string, fill: (store: Store) => Promise<void>): Promise<string> {
  const dir = join(root, sourceHash());
  const store = join(dir, 'store');
  if (existsSync(store)) return store;
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(store)) return store;
      // A lock left by a killed run would otherwise block every later one.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS)
        rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (!existsSync(store)) {
      // Snapshots of older code are never read again.
      for (const old of readdirSync(root))
        if (join(root, old) !== dir) rmSync(join(root, old), { recursive: true, force: true });
      await buildSnapshot(store, fill);
      writeFileSync(join(dir, 'built-at'), new Date().toISOString());
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return store;
}

/**
 * A fresh PGlite data folder (inside `parent`) holding the national campaign.
 *
 * @example
 * const dataDir = await nationalStoreCopy(mkdtempSync(join(tmpdir(), 'e2e-')));
 * const store = await openStore({ dataDir });
 */
export async function nationalStoreCopy(parent: string): Promise<string> {
  return cachedStoreCopy(parent, 'national', async (store) => {
    await importKit(store, generateKit({ seed: 2010 }), {
      source: 'e2e: generated national campaign (seed 2010)',
    });
  });
}

/**
 * A fresh PGlite data folder (inside `parent`) copied from the snapshot `name`, which `fill`
 * builds once (under a lock, rebuilt when the code under src/core, generate or storage changes).
 */
export async function cachedStoreCopy(
  parent: string,
  name: string,
  fill: (store: Store) => Promise<void>,
): Promise<string> {
  const copy = join(parent, 'store');
  const root = name === 'national' ? CACHE_ROOT : `${CACHE_ROOT}-${name}`;
  cpSync(await snapshot(root, fill), copy, { recursive: true });
  return copy;
}
