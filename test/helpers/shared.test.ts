// Sample-file suites skip without ../shared on a developer's machine, and fail in CI (`CI=true`):
// haveShared is the one place that decides, and no suite checks a shared path on its own (suites
// that read ../shared unconditionally already fail loudly without it).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { haveShared, sharedRequired } from './shared.ts';

const TEST_DIR = join(import.meta.dirname, '..');

describe('haveShared', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fails under CI=true when the shared path is missing, naming it', () => {
    const missing = join(tmpdir(), 'plateau-no-shared-here', 'samples/hl7v2');
    expect(() => haveShared(missing, { CI: 'true' })).toThrow(
      `../shared is missing: CI must run with the shared folder beside the clone (not found: ${missing})`,
    );
    expect(() => haveShared(missing, { CI: '1' })).toThrow(/CI must run with the shared folder/);
  });

  it('skips, with a warning, outside CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const missing = join(tmpdir(), 'plateau-no-shared-here');
    expect(haveShared(missing, {})).toBe(false);
    expect(haveShared(missing, { CI: 'false' })).toBe(false);
    expect(haveShared(missing, { CI: '' })).toBe(false);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]?.[0])).toContain(missing);
  });

  it('says yes when the path is there, CI or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plateau-shared-'));
    try {
      expect(haveShared(dir, { CI: 'true' })).toBe(true);
      expect(haveShared(dir, {})).toBe(true);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reads CI as CI services set it', () => {
    expect([undefined, '', 'false', 'FALSE', '0'].map((CI) => sharedRequired({ CI }))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['true', 'TRUE', '1', 'yes'].map((CI) => sharedRequired({ CI }))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('the sample-file suites', () => {
  const files = (readdirSync(TEST_DIR, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(TEST_DIR, f))
    .filter((f) => !f.startsWith(join(TEST_DIR, 'helpers/shared')));

  it('ask haveShared whether a shared path is there, never existsSync (which skips silently in CI)', () => {
    const silent: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/existsSync\(([^)]*)\)/g)) {
        if (/SHARED|SAMPLE|shared/.test(m[1] as string))
          silent.push(`${relative(TEST_DIR, f)}: ${m[0]}`);
      }
    }
    expect(silent).toEqual([]);
  });
});
